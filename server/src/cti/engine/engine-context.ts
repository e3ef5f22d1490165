import { AppError } from '../../http/app-error.ts';
import type { ChannelId, SwitchPort } from '../../switch/switch-port.ts';
import { type AgentEvent, transition } from '../agent-state/index.ts';
import { assertAgentEventAllowed } from './agent-guards.ts';
import { CTI_ERRORS } from './cti.errors.ts';
import type {
  Call,
  CallLeg,
  CtiAgent,
  CtiConfig,
  CtiEvent,
  IvrGateway,
  Scheduler,
  ServiceHours,
  StaffRef,
  VoicemailReason,
} from './cti-types.ts';

export type VoicemailInProgress = {
  callId: string;
  callerNumber: string;
  accessCode: string | null;
  queueId: string | null;
  reason: VoicemailReason;
  startedAt: Date;
};

/** The engine's state and services, shared by its parts (routing, call control, supervision). */
export type EngineContext = {
  port: SwitchPort;
  scheduler: Scheduler;
  config: CtiConfig;
  /** The IVR inbound calls enter first when their access code has a published flow (IVR-1). */
  ivr: IvrGateway | null;
  /** When each skill group takes calls (VM-1); null: always open. */
  serviceHours: ServiceHours | null;
  /** ACD-6: callbacks waiting for their next attempt (callback id → the timer and the last attempt). */
  callbackRetries: Map<string, { timer: number; lastCallId: string; attempt: number; number: string }>;
  /** Voicemail recordings in progress: recording id → what the message will be filed under. */
  voicemails: Map<string, VoicemailInProgress>;
  /** Customer channels the IVR is releasing itself (served, said goodbye): not abandoned. */
  ivrReleased: Set<ChannelId>;
  agents: Map<number, CtiAgent>;
  calls: Map<string, Call>;
  /** Which call and leg a channel belongs to. */
  legs: Map<ChannelId, { callId: string; leg: CallLeg }>;
  /** Recording id → call id, until the recording's file is reported. */
  recordings: Map<string, string>;
  emit(event: CtiEvent): void;
  nextCallId(): string;
  /** Runs the ACD after anything that may free an agent or add a waiting call. */
  requestRouting(): void;
  /** Running figures the engine keeps for announcements (ACD-5). */
  stats: { averageHandleMs: number | null };
  /** Runs work later, in turn with commands and switch events (timers use it). */
  serialize(work: () => void | Promise<void>): void;
};

export function agentOrThrow(ctx: EngineContext, agentId: number): CtiAgent {
  const agent = ctx.agents.get(agentId);
  if (!agent || agent.status.state === 'signed_out') throw new AppError(CTI_ERRORS.AGENT_NOT_SIGNED_IN);
  return agent;
}

/** The call the agent is on now (ringing, talking, holding). */
export function currentCallOf(ctx: EngineContext, agent: CtiAgent): Call {
  const callId = agent.status.callId;
  const call = callId ? ctx.calls.get(callId) : undefined;
  if (!call || call.phase === 'ended' || agent.status.state === 'after_call_work')
    throw new AppError(CTI_ERRORS.NO_CALL);
  return call;
}

/**
 * Applies an event to an agent's state machine and carries out its effects (wrap-up timer,
 * auto-answer, supervisor prompts). A refused event throws 409 with the machine's own message.
 */
export function applyAgentEvent(
  ctx: EngineContext,
  agent: CtiAgent,
  event: AgentEvent,
  by: StaffRef | null = null,
): void {
  const before = agent.status;
  assertAgentEventAllowed(agent, event);
  const result = transition(before, event);
  if (!result.ok) return;
  agent.status = result.agent;
  if (result.agent.state === 'ready' && before.state !== 'ready') agent.idleSince = result.agent.since;
  if (result.agent.state !== 'ready') agent.idleSince = null;
  if (
    result.agent.state === 'signed_out' ||
    result.agent.state === 'after_call_work' ||
    !result.agent.callId
  ) {
    agent.channelId = result.agent.state === 'after_call_work' ? null : agent.channelId;
  }
  for (const effect of result.effects) {
    switch (effect.type) {
      case 'start_wrap_up_timer': {
        if (agent.wrapUpTimer !== null) ctx.scheduler.cancelTimer(agent.wrapUpTimer);
        const ms = Math.max(0, effect.deadline.getTime() - ctx.scheduler.now().getTime());
        agent.wrapUpTimer = ctx.scheduler.setTimer(ms, () =>
          ctx.serialize(() => {
            agent.wrapUpTimer = null;
            const at = ctx.scheduler.now();
            // A stale timer (wrap-up already left) is refused by the machine and simply dropped.
            if (transition(agent.status, { type: 'wrap_up_timer_elapsed', at }).ok) {
              applyAgentEvent(ctx, agent, { type: 'wrap_up_timer_elapsed', at });
            }
          }),
        );
        break;
      }
      case 'cancel_wrap_up_timer':
        if (agent.wrapUpTimer !== null) ctx.scheduler.cancelTimer(agent.wrapUpTimer);
        agent.wrapUpTimer = null;
        break;
      case 'auto_answer':
        if (agent.channelId) void ctx.port.answer(agent.channelId).catch(() => undefined);
        break;
      case 'notify_supervisors':
        ctx.emit({
          type: 'agent_prompt',
          agentId: agent.id,
          employeeNo: agent.employeeNo,
          kind: effect.kind,
          reason: effect.reason,
        });
        break;
    }
  }
  const after = agent.status;
  if (
    after.state !== before.state ||
    after.notReadyReason !== before.notReadyReason ||
    after.callId !== before.callId ||
    after.since !== before.since
  ) {
    ctx.emit({
      type: 'agent_state',
      agentId: agent.id,
      employeeNo: agent.employeeNo,
      state: after.state,
      reason: after.notReadyReason,
      since: after.since.toISOString(),
      callId: after.callId,
      by,
    });
  }
  if (after.state === 'ready') ctx.requestRouting();
}

export function addLeg(ctx: EngineContext, call: Call, leg: CallLeg): CallLeg {
  call.legs.push(leg);
  ctx.legs.set(leg.channelId, { callId: call.id, leg });
  return leg;
}

/** Answered legs still on the call (a leg is removed from `call.legs` when it hangs up). */
export function liveLegs(call: Call): CallLeg[] {
  return call.legs.filter((l) => l.answered);
}

export function removeLeg(ctx: EngineContext, call: Call, channelId: ChannelId): CallLeg | undefined {
  const leg = call.legs.find((l) => l.channelId === channelId);
  call.legs = call.legs.filter((l) => l.channelId !== channelId);
  ctx.legs.delete(channelId);
  return leg;
}

export function agentLegOf(call: Call, agentId: number): CallLeg | undefined {
  return call.legs.find((l) => l.staffId === agentId && (l.role === 'agent' || l.role === 'consult'));
}

export function customerLeg(call: Call): CallLeg | undefined {
  return call.legs.find((l) => l.role === 'customer');
}

/** Hangs up a channel, ignoring a channel the switch already ended. */
export async function hangupQuietly(
  ctx: EngineContext,
  channelId: ChannelId,
  cause: 'normal' | 'forced' = 'normal',
) {
  await ctx.port.hangup(channelId, cause).catch(() => undefined);
}
