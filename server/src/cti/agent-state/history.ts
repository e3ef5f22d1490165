import { type AgentState, type AgentStatus, effectiveTime } from './agent-state.ts';
import type { NotReadyReason } from './reasons.ts';

export type PeriodEndCause = 'state_change' | 'system_restart';

/** One closed period of an agent's state; rows are appended, never updated (ARCHITECTURE §6). */
export type AgentStateHistoryRow = {
  state: AgentState;
  reason: NotReadyReason | null;
  callId: string | null;
  startedAt: Date;
  endedAt: Date;
  durationMs: number;
  endCause: PeriodEndCause;
};

/**
 * The period `before` closed by an accepted transition to `after`, or null when state and reason
 * did not change. It ends exactly where the next period starts (`after.since`), so periods tile.
 * Signed-out time is not a working period and gets no row.
 */
export function historyRowFor(before: AgentStatus, after: AgentStatus): AgentStateHistoryRow | null {
  if (before.state === after.state && before.notReadyReason === after.notReadyReason) return null;
  return closedPeriod(before, after.since, 'state_change');
}

/** Closes the open period when the server restarts and the live state is lost. */
export function closeOpenPeriod(
  agent: AgentStatus,
  at: Date,
  cause: Exclude<PeriodEndCause, 'state_change'>,
): AgentStateHistoryRow | null {
  return closedPeriod(agent, effectiveTime(agent, at), cause);
}

function closedPeriod(
  agent: AgentStatus,
  endedAt: Date,
  endCause: PeriodEndCause,
): AgentStateHistoryRow | null {
  if (agent.state === 'signed_out') return null;
  return {
    state: agent.state,
    reason: agent.notReadyReason,
    callId: agent.callId,
    startedAt: agent.since,
    endedAt,
    durationMs: endedAt.getTime() - agent.since.getTime(),
    endCause,
  };
}
