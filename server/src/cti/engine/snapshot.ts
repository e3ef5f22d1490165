import { AGENT_STATES, type AgentState } from '../agent-state/index.ts';
import type { EngineContext } from './engine-context.ts';

// SUP-7 实时监控: every agent's state and time in state, counts by state, waiting calls per queue
// with the longest wait, calls in progress with direction, caller, callee and talk time.
export function snapshotOf(ctx: EngineContext) {
  const now = ctx.scheduler.now();
  const agents = [...ctx.agents.values()].map((a) => ({
    agentId: a.id,
    employeeNo: a.employeeNo,
    name: a.name,
    state: a.status.state,
    reason: a.status.notReadyReason,
    since: a.status.since.toISOString(),
    secondsInState: Math.floor((now.getTime() - a.status.since.getTime()) / 1000),
    extension: a.status.extension,
    callId: a.status.callId,
    skills: a.status.skills,
    autoAnswer: a.status.autoAnswer,
  }));
  const countsByState = Object.fromEntries(AGENT_STATES.map((s) => [s, 0])) as Record<AgentState, number>;
  for (const a of agents) countsByState[a.state]++;
  const calls = [...ctx.calls.values()];
  const queues = ctx.config.queues.map((q) => {
    const waiting = calls.filter((c) => c.phase === 'queued' && c.queueId === q.id && c.enqueuedAt);
    const oldest = Math.min(...waiting.map((c) => c.enqueuedAt!.getTime()));
    return {
      queueId: q.id,
      name: q.name,
      waiting: waiting.length,
      /** Of the waiting: callbacks keeping a caller's place (ACD-6). */
      callbacks: waiting.filter((c) => c.callback !== null).length,
      longestWaitSeconds: waiting.length ? Math.floor((now.getTime() - oldest) / 1000) : 0,
    };
  });
  // 000 §5.7: trunk lines (customers, outside numbers) and extension lines (agents, team leads).
  const lines = calls.flatMap((c) =>
    c.legs.map((l) => ({
      channelId: l.channelId,
      kind: l.role === 'customer' || l.role === 'outside' ? ('trunk' as const) : ('extension' as const),
      number: l.number,
      role: l.role,
      callId: c.id,
      direction: c.direction,
      callerNumber: c.callerNumber,
      calledNumber: c.calledNumber,
      connected: l.answered,
      talkSeconds:
        c.answeredAt && l.answered ? Math.floor((now.getTime() - c.answeredAt.getTime()) / 1000) : 0,
    })),
  );
  return {
    at: now.toISOString(),
    lines,
    agents,
    countsByState,
    queues,
    calls: calls.map((c) => ({
      callId: c.id,
      direction: c.direction,
      callerNumber: c.callerNumber,
      calledNumber: c.calledNumber,
      phase: c.phase,
      queueId: c.queueId,
      agentIds: c.legs
        .filter((l) => l.role === 'agent' || l.role === 'consult')
        .flatMap((l) => (l.staffId === null ? [] : [l.staffId])),
      onHold: c.customerOnHold,
      recording: c.recordingId !== null && !c.recordingPaused,
      startedAt: c.startedAt.toISOString(),
      talkSeconds: c.answeredAt ? Math.floor((now.getTime() - c.answeredAt.getTime()) / 1000) : 0,
    })),
  };
}

export type CtiSnapshot = ReturnType<typeof snapshotOf>;
