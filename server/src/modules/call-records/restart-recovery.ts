import type { CtiEvent } from '../../cti/engine/cti-types.ts';
import type { Db } from '../../db/database.ts';
import { type AgentStateEvent, closeAtRestart } from './agent-periods.ts';
import { insertCallEvents, insertCdr, insertHistoryRows, loadCallEvents } from './call-event.repository.ts';
import { deriveCdr } from './cdr.ts';

// After a restart the engine remembers no call and no agent: everyone starts signed out. Run this
// before the engine starts, so the record says the same: every call still open ends with
// `system_restart` (an appended event, then its CDR), and every agent still signed in gets the
// open period closed and a signed_out event. Every write is keyed, so a second run changes nothing.

export const RESTART_EPOCH = 'restart';

export type RestartRecovery = { callsClosed: number; cdrsWritten: number; agentPeriodsClosed: number };

export async function closeDanglingCalls(db: Db, now: Date): Promise<RestartRecovery> {
  const result: RestartRecovery = { callsClosed: 0, cdrsWritten: 0, agentPeriodsClosed: 0 };

  const open = await db
    .selectFrom('call_events as s')
    .select('s.call_id')
    .where('s.type', '=', 'call_started')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('call_events as e')
            .select('e.id')
            .whereRef('e.call_id', '=', 's.call_id')
            .where('e.type', '=', 'call_ended'),
        ),
      ),
    )
    .orderBy('s.id')
    .execute();
  for (const { call_id: callId } of open) {
    if (callId === null) continue;
    const ended: CtiEvent = { type: 'call_ended', callId, cause: 'system_restart' };
    const added = await insertCallEvents(db, [
      { at: now, event: ended, idempotencyKey: `restart:${callId}`, epoch: RESTART_EPOCH, seq: null },
    ]);
    result.callsClosed += added.size;
  }

  // Every ended call without a CDR: those just closed, and any whose CDR a crash kept from being
  // written (a CDR waits for its recording files, so it may commit after the call's end).
  const withoutCdr = await db
    .selectFrom('call_events as e')
    .leftJoin('cdrs as c', 'c.call_id', 'e.call_id')
    .select('e.call_id')
    .where('e.type', '=', 'call_ended')
    .where('c.call_id', 'is', null)
    .orderBy('e.id')
    .execute();
  for (const { call_id: callId } of withoutCdr) {
    if (callId === null) continue;
    const written = await db.transaction().execute(async (trx) => {
      const derived = deriveCdr(await loadCallEvents(trx, callId));
      return derived ? insertCdr(trx, derived, now) : false;
    });
    if (written) result.cdrsWritten++;
  }

  const lastStates = await db
    .selectFrom('call_events')
    .select(['agent_id', 'data'])
    .where('type', '=', 'agent_state')
    .where('agent_id', 'is not', null)
    .distinctOn('agent_id')
    .orderBy('agent_id')
    .orderBy('id', 'desc')
    .execute();
  for (const row of lastStates) {
    const last = row.data as AgentStateEvent;
    if (last.state === 'signed_out') continue;
    const closed = await db.transaction().execute(async (trx) => {
      const signedOut: AgentStateEvent = {
        ...last,
        state: 'signed_out',
        reason: null,
        since: now.toISOString(),
        callId: null,
        by: null,
      };
      const key = `restart:agent:${last.agentId}:${last.since}`;
      const added = await insertCallEvents(trx, [
        { at: now, event: signedOut, idempotencyKey: key, epoch: RESTART_EPOCH, seq: null },
      ]);
      const eventId = added.get(key);
      const period = closeAtRestart(last, now);
      if (!eventId || !period) return false;
      await insertHistoryRows(trx, [{ ...period, agentId: last.agentId, eventId }]);
      return true;
    });
    if (closed) result.agentPeriodsClosed++;
  }
  return result;
}
