import {
  type AgentStateHistoryRow,
  type AgentStatus,
  closeOpenPeriod,
  historyRowFor,
  NOT_READY_REASONS,
  type NotReadyReason,
  signedOutAgent,
} from '../../cti/agent-state/index.ts';
import type { CtiEvent } from '../../cti/engine/cti-types.ts';

// Agent state history (CTI-14, SUP-7 reports) from `agent_state` events, through the state
// machine's own history helpers: a period closes when state or not-ready reason changes, ends
// where the next begins, and signed-out time is not a period.

export type AgentStateEvent = Extract<CtiEvent, { type: 'agent_state' }>;

function isNotReadyReason(reason: string | null): reason is NotReadyReason {
  return (NOT_READY_REASONS as readonly (string | null)[]).includes(reason);
}

/** The part of an agent's status an `agent_state` event tells (what the history helpers read). */
export function statusFromEvent(event: AgentStateEvent): AgentStatus {
  return {
    ...signedOutAgent(new Date(event.since)),
    state: event.state,
    notReadyReason: isNotReadyReason(event.reason) ? event.reason : null,
    callId: event.callId,
  };
}

/** Each agent's open period, as the events of this process show it. */
export class AgentPeriods {
  readonly #open = new Map<number, AgentStatus>();

  /** The period this event closes (null when it opens the first or nothing changed). */
  next(event: AgentStateEvent): (AgentStateHistoryRow & { agentId: number }) | null {
    const before = this.#open.get(event.agentId);
    const after = statusFromEvent(event);
    if (!before) {
      this.#open.set(event.agentId, after);
      return null;
    }
    const row = historyRowFor(before, after);
    // Same state and reason: the period goes on from where it began.
    if (before.state !== after.state || before.notReadyReason !== after.notReadyReason)
      this.#open.set(event.agentId, after);
    return row && { ...row, agentId: event.agentId };
  }
}

/** Restart recovery: the period the agent's last event opened, closed at `at`. */
export function closeAtRestart(lastEvent: AgentStateEvent, at: Date): AgentStateHistoryRow | null {
  return closeOpenPeriod(statusFromEvent(lastEvent), at, 'system_restart');
}
