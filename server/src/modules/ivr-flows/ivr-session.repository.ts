import type { IvrExitClass, IvrJourney, IvrLogEvent } from '@switchboard/shared';
import type { Db } from '../../db/database.ts';
import { findVersionById } from './ivr-flow.repository.ts';

// IVR sessions and the IVR log (IVR-3, IVR-5). The log is append-only: rows are inserted, never
// updated or deleted (except with their session). The exit class is set when the call leaves the
// IVR and refined once the queue outcome is known (answered by an agent or abandoned in queue).

export type IvrLogEntry = {
  at: Date;
  nodeId: string | null;
  event: IvrLogEvent;
  detail: Record<string, unknown>;
};

/** One IVR session of a call: 1 on arrival, then one more per transfer to a flow (CTI-10). */
export type SessionRef = { callId: string; sessionNo: number };

/** A call's first session: opened on arrival, its log counting from 0. */
export const FIRST_SESSION = { sessionNo: 1, firstSeq: 0 } as const;

/**
 * Where a call's next session starts (a transfer to IVR): its number, and the seq its log starts
 * at (the call's log keeps counting across sessions).
 */
export async function nextSessionOf(
  db: Db,
  callId: string,
): Promise<{ sessionNo: number; firstSeq: number }> {
  const sessions = await db
    .selectFrom('ivr_sessions')
    .select((eb) => eb.fn.max('session_no').as('last'))
    .where('call_id', '=', callId)
    .executeTakeFirst();
  const logged = await db
    .selectFrom('ivr_log')
    .select((eb) => eb.fn.max('seq').as('last'))
    .where('call_id', '=', callId)
    .executeTakeFirst();
  const lastSeq = logged?.last;
  return {
    sessionNo: Number(sessions?.last ?? 0) + 1,
    firstSeq: lastSeq === null || lastSeq === undefined ? 0 : Number(lastSeq) + 1,
  };
}

export async function startSession(
  db: Db,
  s: SessionRef & {
    flowVersionId: number;
    callerNumber: string;
    accessCode: string;
    at: Date;
    transferredBy: number | null;
  },
): Promise<void> {
  await db
    .insertInto('ivr_sessions')
    .values({
      call_id: s.callId,
      session_no: s.sessionNo,
      flow_version_id: s.flowVersionId,
      caller_number: s.callerNumber,
      access_code: s.accessCode,
      started_at: s.at,
      transferred_by: s.transferredBy,
    })
    .execute();
}

export async function appendLog(
  db: Db,
  session: SessionRef,
  firstSeq: number,
  entries: IvrLogEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('ivr_log')
    .values(
      entries.map((e, i) => ({
        call_id: session.callId,
        session_no: session.sessionNo,
        seq: firstSeq + i,
        at: e.at,
        node_id: e.nodeId,
        event: e.event,
        detail: JSON.stringify(e.detail),
      })),
    )
    .execute();
}

export async function endSession(
  db: Db,
  s: SessionRef & { at: Date; exitClass: IvrExitClass | null; service: string | null; path: string[] },
): Promise<void> {
  await db
    .updateTable('ivr_sessions')
    .set({ ended_at: s.at, exit_class: s.exitClass, service: s.service, path: s.path })
    .where('call_id', '=', s.callId)
    .where('session_no', '=', s.sessionNo)
    .execute();
}

/**
 * After a transfer to a queue: answered by an agent, or abandoned while queued (IVR-5). Only the
 * call's latest session: an earlier one already has its outcome.
 */
export async function recordQueueOutcome(db: Db, callId: string, answered: boolean): Promise<void> {
  await db
    .updateTable('ivr_sessions')
    .set({ exit_class: answered ? 'transferred_agent' : 'abandoned_queue' })
    .where('call_id', '=', callId)
    .where('exit_class', 'in', ['transferred_agent', 'abandoned_queue'])
    .where('session_no', '=', (eb) =>
      eb
        .selectFrom('ivr_sessions as latest')
        .select((l) => l.fn.max('latest.session_no').as('n'))
        .where('latest.call_id', '=', callId),
    )
    .execute();
}

export async function journeyOf(db: Db, callId: string): Promise<IvrJourney | undefined> {
  // The path the caller took on arrival (session 1), which the screen pop shows.
  const session = await db
    .selectFrom('ivr_sessions')
    .selectAll()
    .where('call_id', '=', callId)
    .orderBy('session_no')
    .executeTakeFirst();
  if (session === undefined) return undefined;
  const version = await findVersionById(db, session.flow_version_id);
  const flow = version
    ? await db.selectFrom('ivr_flows').select('name').where('id', '=', version.flowId).executeTakeFirst()
    : undefined;
  const rows = await db
    .selectFrom('ivr_log')
    .selectAll()
    .where('call_id', '=', callId)
    .where('session_no', '=', session.session_no)
    .orderBy('seq')
    .execute();
  const names = new Map(version?.definition.nodes.map((n) => [n.id, n.name || n.id]) ?? []);
  return {
    callId,
    flowName: flow?.name ?? '',
    version: version?.version ?? 0,
    startedAt: new Date(session.started_at).toISOString(),
    endedAt: session.ended_at === null ? null : new Date(session.ended_at).toISOString(),
    exitClass: session.exit_class,
    service: session.service,
    path: rows
      .filter((r) => r.event === 'node_enter' && r.node_id !== null)
      .map((r) => ({
        nodeId: r.node_id as string,
        name: names.get(r.node_id as string) ?? (r.node_id as string),
        at: new Date(r.at).toISOString(),
      })),
    log: rows.map((r) => ({
      seq: r.seq,
      at: new Date(r.at).toISOString(),
      nodeId: r.node_id,
      event: r.event as IvrLogEvent,
      detail: r.detail,
    })),
  };
}
