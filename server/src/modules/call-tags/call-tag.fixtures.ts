import type { Db } from '../../db/database.ts';

// Test-only: a finished call's CDR, as the call-records module writes it when a call ends, so
// tagging tests need not drive the simulated switch for every call.
let serial = 0;

export async function insertFinishedCall(
  db: Db,
  opts: { agentId: number; startedAt: Date; talkMs?: number; callerNumber?: string },
): Promise<string> {
  serial += 1;
  const callId = `test-call-${Date.now().toString(36)}-${serial}`;
  const talkMs = opts.talkMs ?? 60_000;
  const endedAt = new Date(opts.startedAt.getTime() + talkMs);
  await db
    .insertInto('cdrs')
    .values({
      call_id: callId,
      direction: 'inbound',
      caller_number: opts.callerNumber ?? `1390000${String(1000 + serial).slice(-4)}`,
      called_number: '1000',
      access_code: '1000',
      queue_id: null,
      first_agent_id: opts.agentId,
      last_agent_id: opts.agentId,
      started_at: opts.startedAt,
      queued_at: opts.startedAt,
      offered_at: opts.startedAt,
      answered_at: opts.startedAt,
      ended_at: endedAt,
      end_cause: 'customer_hangup',
      disposition: 'answered',
      wait_ms: 0,
      talk_ms: talkMs,
      hold_ms: 0,
      transfers: 0,
      recording_files: '[]',
      vip: false,
      created_at: endedAt,
    })
    .execute();
  return callId;
}
