import type { AgentState, WallAgent, WallCall, WallSnapshot } from './wall-api.ts';
import type { WallMessageKey, WallT } from './wall-messages.ts';

// What the wall shows per agent, computed from one snapshot and the local clock.
export interface AgentView extends WallAgent {
  /** Seconds in state right now (ticks locally between snapshots). */
  liveSeconds: number;
  call: WallCall | null;
  /** The customer's number on the agent's call. */
  partyNumber: string | null;
  /** Live talk seconds of the agent's call. */
  talkSeconds: number;
  /** The signed-in supervisor has a leg on this agent's call. */
  monitoredByMe: boolean;
  monitorLegConnected: boolean;
}

export const ON_CALL_STATES: readonly AgentState[] = ['ringing', 'talking', 'hold'];

export function isReason(reason: string): boolean {
  return ['short_break', 'meal', 'training', 'meeting', 'other', 'signed_in', 'no_answer', 'forced'].includes(
    reason,
  );
}

export function stateLabel(t: WallT, agent: Pick<WallAgent, 'state' | 'reason'>): string {
  const label = t(`wall.state.${agent.state}`);
  if (agent.state !== 'not_ready' || !agent.reason) return label;
  const reason = isReason(agent.reason) ? t(`wall.reason.${agent.reason}` as WallMessageKey) : agent.reason;
  return `${label}(${reason})`;
}

export function partyOf(call: WallCall): string {
  return call.direction === 'outbound' ? call.calledNumber : call.callerNumber;
}

export function buildAgentViews(
  snapshot: WallSnapshot,
  receivedAt: number,
  now: number,
  myExtension: string | null,
): AgentView[] {
  const elapsed = Math.max(0, (now - receivedAt) / 1000);
  const serverAt = Date.parse(snapshot.at);
  const calls = new Map(snapshot.calls.map((c) => [c.callId, c]));
  return snapshot.agents.map((a) => {
    const exact = (serverAt - Date.parse(a.since)) / 1000;
    const base = Number.isFinite(exact) ? exact : a.secondsInState;
    const call = a.callId ? (calls.get(a.callId) ?? null) : null;
    const myLeg =
      call && myExtension
        ? snapshot.lines.find(
            (l) => l.callId === call.callId && l.role === 'supervisor' && l.number === myExtension,
          )
        : undefined;
    return {
      ...a,
      liveSeconds: Math.floor(base + elapsed),
      call,
      partyNumber: call ? partyOf(call) : null,
      talkSeconds: call?.phase === 'connected' ? Math.floor(call.talkSeconds + elapsed) : 0,
      monitoredByMe: myLeg !== undefined,
      monitorLegConnected: myLeg?.connected ?? false,
    };
  });
}
