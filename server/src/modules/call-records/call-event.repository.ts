import type { AgentStateHistoryRow } from '../../cti/agent-state/index.ts';
import type { CtiEvent } from '../../cti/engine/cti-types.ts';
import type { Db } from '../../db/database.ts';
import type { DerivedCdr, TimedCtiEvent } from './cdr.ts';

// Writes of the telephony record: events (idempotent by key), the history rows and CDRs derived
// from them. Plain functions taking `db` or a transaction first; callers own the transaction.

export type NewCallEvent = {
  at: Date;
  event: CtiEvent;
  idempotencyKey: string;
  epoch: string;
  seq: number | null;
};

/** The agent a row is about, for per-agent queries (the monitored agent for supervisor events). */
function agentIdOf(event: CtiEvent): number | null {
  if ('agentId' in event) return event.agentId;
  if (event.type === 'transferred') return event.fromAgentId;
  return null;
}

/** Inserts events in order; a key already stored is skipped. Returns key → id of the rows added. */
export async function insertCallEvents(
  db: Db,
  events: readonly NewCallEvent[],
): Promise<Map<string, string>> {
  if (events.length === 0) return new Map();
  const rows = await db
    .insertInto('call_events')
    .values(
      events.map((e) => ({
        at: e.at,
        call_id: 'callId' in e.event ? e.event.callId : null,
        agent_id: agentIdOf(e.event),
        type: e.event.type,
        data: JSON.stringify(e.event),
        idempotency_key: e.idempotencyKey,
        epoch: e.epoch,
        seq: e.seq,
      })),
    )
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returning(['id', 'idempotency_key'])
    .execute();
  return new Map(rows.map((r) => [r.idempotency_key, String(r.id)]));
}

export type NewHistoryRow = AgentStateHistoryRow & { agentId: number; eventId: string };

export async function insertHistoryRows(db: Db, rows: readonly NewHistoryRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('agent_state_history')
    .values(
      rows.map((r) => ({
        agent_id: r.agentId,
        state: r.state,
        reason: r.reason,
        call_id: r.callId,
        started_at: r.startedAt,
        ended_at: r.endedAt,
        duration_ms: r.durationMs,
        end_cause: r.endCause,
        event_id: r.eventId,
      })),
    )
    .onConflict((oc) => oc.column('event_id').doNothing())
    .execute();
}

/** Inserts a CDR with its legs, once: false when the call already has one (a replay). */
export async function insertCdr(db: Db, { cdr, legs }: DerivedCdr, createdAt: Date): Promise<boolean> {
  const inserted = await db
    .insertInto('cdrs')
    .values({
      call_id: cdr.callId,
      direction: cdr.direction,
      caller_number: cdr.callerNumber,
      called_number: cdr.calledNumber,
      access_code: cdr.accessCode,
      queue_id: cdr.queueId,
      first_agent_id: cdr.firstAgentId,
      last_agent_id: cdr.lastAgentId,
      started_at: cdr.startedAt,
      queued_at: cdr.queuedAt,
      offered_at: cdr.offeredAt,
      answered_at: cdr.answeredAt,
      ended_at: cdr.endedAt,
      end_cause: cdr.endCause,
      disposition: cdr.disposition,
      wait_ms: cdr.waitMs,
      talk_ms: cdr.talkMs,
      hold_ms: cdr.holdMs,
      transfers: cdr.transfers,
      recording_files: JSON.stringify(cdr.recordingFiles),
      vip: cdr.vip,
      created_at: createdAt,
    })
    .onConflict((oc) => oc.column('call_id').doNothing())
    .returning('call_id')
    .executeTakeFirst();
  if (!inserted) return false;
  if (legs.length > 0) {
    await db
      .insertInto('cdr_legs')
      .values(
        legs.map((l) => ({
          call_id: cdr.callId,
          role: l.role,
          staff_id: l.staffId,
          number: l.number,
          offered_at: l.offeredAt,
          joined_at: l.joinedAt,
          left_at: l.leftAt,
          talk_ms: l.talkMs,
        })),
      )
      .execute();
  }
  return true;
}

/** Every stored event of one call, in the order it was published. */
export async function loadCallEvents(db: Db, callId: string): Promise<TimedCtiEvent[]> {
  const rows = await db
    .selectFrom('call_events')
    .select(['at', 'data'])
    .where('call_id', '=', callId)
    .orderBy('id')
    .execute();
  // `data` is the event exactly as the writer stored it.
  return rows.map((r) => ({ at: new Date(r.at), event: r.data as CtiEvent }));
}
