import type { ExpressionBuilder, Selectable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { CdrTable, Database } from '../../db/schema.ts';
import { offsetOf } from '../../http/pagination.ts';
import type { CdrListQuery, CdrView, StateHistoryQuery } from './call-records.schema.ts';
import type { RecordingFile } from './cdr.ts';

// Reads of call records for the API. `scope` is 'all' or the one agent whose calls the caller
// may see (first or last agent, or any leg of the call).

export type CdrScope = 'all' | { agentId: number };

const date = (d: Date | string) => new Date(d);
const dateOrNull = (d: Date | string | null) => (d === null ? null : new Date(d));

function involves(agentId: number) {
  return (eb: ExpressionBuilder<Database & { c: CdrTable }, 'c'>) =>
    eb.or([
      eb('c.first_agent_id', '=', agentId),
      eb('c.last_agent_id', '=', agentId),
      eb.exists(
        eb
          .selectFrom('cdr_legs as l')
          .select('l.id')
          .whereRef('l.call_id', '=', 'c.call_id')
          .where('l.staff_id', '=', agentId),
      ),
    ]);
}

function cdrView(r: Selectable<CdrTable>): CdrView {
  const files = (r.recording_files ?? []) as RecordingFile[];
  return {
    callId: r.call_id,
    direction: r.direction,
    callerNumber: r.caller_number,
    calledNumber: r.called_number,
    accessCode: r.access_code,
    queueId: r.queue_id,
    firstAgentId: r.first_agent_id,
    lastAgentId: r.last_agent_id,
    startedAt: date(r.started_at),
    queuedAt: dateOrNull(r.queued_at),
    offeredAt: dateOrNull(r.offered_at),
    answeredAt: dateOrNull(r.answered_at),
    endedAt: date(r.ended_at),
    endCause: r.end_cause,
    disposition: r.disposition,
    waitMs: Number(r.wait_ms),
    talkMs: Number(r.talk_ms),
    holdMs: Number(r.hold_ms),
    transfers: r.transfers,
    recordings: files.map((f) => ({ recordingId: f.recordingId, durationMs: f.durationMs })),
    vip: r.vip,
    createdAt: date(r.created_at),
  };
}

/** CDRs, newest first. */
export async function findCdrs(db: Db, q: CdrListQuery, scope: CdrScope) {
  let query = db.selectFrom('cdrs as c');
  if (scope !== 'all') query = query.where(involves(scope.agentId));
  if (q.agentId) query = query.where(involves(q.agentId));
  if (q.from) query = query.where('c.started_at', '>=', q.from);
  if (q.to) query = query.where('c.started_at', '<', q.to);
  if (q.callerNumber) query = query.where('c.caller_number', '=', q.callerNumber);
  if (q.queueId) query = query.where('c.queue_id', '=', q.queueId);
  if (q.disposition) query = query.where('c.disposition', '=', q.disposition);
  const [rows, count] = await Promise.all([
    query
      .selectAll('c')
      .orderBy('c.started_at', 'desc')
      .orderBy('c.call_id', 'desc')
      .limit(q.pageSize)
      .offset(offsetOf(q))
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(cdrView), total: Number(count.n), page: q.page, pageSize: q.pageSize };
}

/** One CDR with its legs and the call's events in order; undefined when not there or not in scope. */
export async function findCdr(db: Db, callId: string, scope: CdrScope) {
  let query = db.selectFrom('cdrs as c').selectAll('c').where('c.call_id', '=', callId);
  if (scope !== 'all') query = query.where(involves(scope.agentId));
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  const [legs, events] = await Promise.all([
    db.selectFrom('cdr_legs').selectAll().where('call_id', '=', callId).orderBy('id').execute(),
    db.selectFrom('call_events').selectAll().where('call_id', '=', callId).orderBy('id').execute(),
  ]);
  return {
    cdr: cdrView(row),
    legs: legs.map((l) => ({
      role: l.role,
      staffId: l.staff_id,
      number: l.number,
      offeredAt: dateOrNull(l.offered_at),
      joinedAt: dateOrNull(l.joined_at),
      leftAt: dateOrNull(l.left_at),
      talkMs: Number(l.talk_ms),
    })),
    events: events.map((e) => ({
      id: String(e.id),
      seq: e.seq === null ? null : Number(e.seq),
      at: date(e.at),
      type: e.type,
      data: e.data as Record<string, unknown>,
    })),
  };
}

/** An agent's state periods overlapping [from, to), in time order. */
export async function findStateHistory(db: Db, agentId: number, q: StateHistoryQuery) {
  let query = db.selectFrom('agent_state_history').where('agent_id', '=', agentId);
  if (q.from) query = query.where('ended_at', '>', q.from);
  if (q.to) query = query.where('started_at', '<', q.to);
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('started_at').orderBy('id').limit(q.pageSize).offset(offsetOf(q)).execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: String(r.id),
      agentId: r.agent_id,
      state: r.state,
      reason: r.reason,
      callId: r.call_id,
      startedAt: date(r.started_at),
      endedAt: date(r.ended_at),
      durationMs: Number(r.duration_ms),
      endCause: r.end_cause,
    })),
    total: Number(count.n),
    page: q.page,
    pageSize: q.pageSize,
  };
}
