import { AppError } from '../../http/app-error.ts';
import { isOfferable } from '../agent-state/index.ts';
import { assertAgentEventAllowed } from './agent-guards.ts';
import { agentLeavesCall, endCall, ensureBridge, startCallRecording } from './call-lifecycle.ts';
import { emitOffer, enqueue, offerCall } from './call-routing.ts';
import { CTI_ERRORS } from './cti.errors.ts';
import type { Call, CtiAgent, TransferTarget } from './cti-types.ts';
import {
  addLeg,
  agentLegOf,
  agentOrThrow,
  applyAgentEvent,
  currentCallOf,
  customerLeg,
  type EngineContext,
  hangupQuietly,
  removeLeg,
} from './engine-context.ts';
import { transferToIvr } from './ivr-handoff.ts';
import { startCall } from './start-call.ts';

// The agent's call functions (CTI-3 … CTI-17), each written once against the switch port.

/** CTI-3: answer the ringing call (the agent's phone is picked up by remote control). */
export async function answer(ctx: EngineContext, agentId: number): Promise<void> {
  const agent = agentOrThrow(ctx, agentId);
  if (agent.status.state !== 'ringing' || !agent.channelId) throw new AppError(CTI_ERRORS.NO_CALL_RINGING);
  await ctx.port.answer(agent.channelId);
}

/** CTI-5: the agent hangs up. Ringing: the offer is declined and goes to another agent. */
export async function hangup(ctx: EngineContext, agentId: number): Promise<void> {
  const agent = agentOrThrow(ctx, agentId);
  const call = currentCallOf(ctx, agent);
  const leg = agentLegOf(call, agent.id);
  if (!leg) throw new AppError(CTI_ERRORS.NO_CALL);
  // The switch reports the hang-up; the lifecycle handler decides what happens to the call.
  await ctx.port.hangup(leg.channelId, leg.answered ? 'normal' : 'rejected');
}

/** CTI-6: the customer hears music; the agent may consult or call out but gets no new call. */
export async function hold(ctx: EngineContext, agentId: number): Promise<Call> {
  const { agent, call } = ownCall(ctx, agentId);
  if (call.customerOnHold) throw new AppError(CTI_ERRORS.ALREADY_ON_HOLD);
  const customer = customerLeg(call);
  if (!customer || !call.bridgeId) throw new AppError(CTI_ERRORS.NOT_CONNECTED);
  assertAgentEventAllowed(agent, { type: 'call_held', at: ctx.scheduler.now(), callId: call.id });
  await ctx.port.removeFromBridge(call.bridgeId, customer.channelId);
  await ctx.port.startHold(customer.channelId);
  call.customerOnHold = true;
  applyAgentEvent(ctx, agent, { type: 'call_held', at: ctx.scheduler.now(), callId: call.id });
  ctx.emit({ type: 'call_held', callId: call.id, agentId });
  return call;
}

export async function retrieve(ctx: EngineContext, agentId: number): Promise<void> {
  const { agent, call } = ownCall(ctx, agentId);
  if (!call.customerOnHold) throw new AppError(CTI_ERRORS.NOT_ON_HOLD);
  if (call.consult) throw new AppError(CTI_ERRORS.CONSULT_IN_PROGRESS);
  const customer = customerLeg(call);
  if (!customer || !call.bridgeId) throw new AppError(CTI_ERRORS.NOT_CONNECTED);
  assertAgentEventAllowed(agent, { type: 'call_retrieved', at: ctx.scheduler.now(), callId: call.id });
  await ctx.port.stopHold(customer.channelId);
  await ctx.port.addToBridge(call.bridgeId, customer.channelId);
  call.customerOnHold = false;
  applyAgentEvent(ctx, agent, { type: 'call_retrieved', at: ctx.scheduler.now(), callId: call.id });
  ctx.emit({ type: 'call_retrieved', callId: call.id, agentId });
}

/** CTI-7. */
export async function setMuted(ctx: EngineContext, agentId: number, muted: boolean): Promise<void> {
  const { agent, call } = ownCall(ctx, agentId);
  const leg = agentLegOf(call, agent.id);
  if (!leg) throw new AppError(CTI_ERRORS.NO_CALL);
  await ctx.port.setMuted(leg.channelId, muted);
  ctx.emit({ type: 'muted', callId: call.id, agentId, muted });
}

/**
 * CTI-10: blind transfer. The agent leaves at once (wrap-up); a transferred call gets the top
 * priority in its target queue and carries its data (ACD-3).
 */
export async function transfer(ctx: EngineContext, agentId: number, target: TransferTarget): Promise<void> {
  const { agent, call } = ownCall(ctx, agentId);
  if (call.consult) throw new AppError(CTI_ERRORS.CONSULT_IN_PROGRESS);
  const targetAgent = validateTarget(ctx, agent, target);
  const customer = customerLeg(call);
  if (!customer) throw new AppError(CTI_ERRORS.NOT_CONNECTED);
  if (target.kind === 'ivr' && !(await ctx.ivr?.hasPublishedFlow(target.flowId)))
    throw new AppError(CTI_ERRORS.IVR_NOT_AVAILABLE);
  call.customerData = { ...call.customerData, transferredBy: agent.employeeNo };
  ctx.emit({ type: 'transferred', callId: call.id, fromAgentId: agent.id, target, mode: 'blind' });
  await dropAgentLeg(ctx, call, agent);
  if (call.bridgeId && !call.customerOnHold)
    await ctx.port.removeFromBridge(call.bridgeId, customer.channelId);
  if (!call.customerOnHold) {
    await ctx.port.startHold(customer.channelId);
    call.customerOnHold = true;
  }
  call.excludedAgentIds = [agent.id];
  switch (target.kind) {
    case 'queue':
      await enqueue(ctx, call, target.queueId, 'transferred');
      return;
    case 'agent':
      call.phase = 'queued';
      await offerCall(ctx, call, targetAgent!, 'direct', {
        'zh-CN': `由 ${agent.employeeNo} 转接给 ${targetAgent!.employeeNo}`,
        'en-US': `transferred by ${agent.employeeNo} to ${targetAgent!.employeeNo}`,
      });
      return;
    case 'number': {
      const channel = await ctx.port.originate({
        endpoint: { kind: 'external', number: target.number },
        callerNumber: call.callerNumber,
        ringTimeoutMs: ctx.config.outboundRingTimeoutMs,
      });
      addLeg(ctx, call, {
        channelId: channel.id,
        role: 'outside',
        staffId: null,
        number: target.number,
        answered: false,
      });
      return;
    }
    case 'ivr':
      await transferToIvr(ctx, call, customer.channelId, target.flowId, agent.id);
      return;
  }
}

/**
 * CTI-11 / CTI-13: consult or ask for help. Two-party: the customer is held while the agent talks
 * to the third party. Three-party help: the helper joins the conversation directly.
 */
export async function consult(
  ctx: EngineContext,
  agentId: number,
  target: TransferTarget,
  opts: { purpose: 'consult' | 'help'; threeParty?: boolean } = { purpose: 'consult' },
): Promise<void> {
  const { agent, call } = ownCall(ctx, agentId);
  if (call.consult) throw new AppError(CTI_ERRORS.CONSULT_IN_PROGRESS);
  if (target.kind === 'queue' || target.kind === 'ivr') throw new AppError(CTI_ERRORS.TARGET_NOT_AVAILABLE);
  const targetAgent = validateTarget(ctx, agent, target);
  if (targetAgent)
    assertAgentEventAllowed(targetAgent, { type: 'call_offered', at: ctx.scheduler.now(), callId: call.id });
  if (!opts.threeParty && !call.customerOnHold) await hold(ctx, agentId);
  const number =
    target.kind === 'agent' ? (targetAgent!.forwardTo ?? targetAgent!.status.extension!) : target.number;
  const endpoint =
    target.kind === 'agent' && !targetAgent!.forwardTo
      ? ({ kind: 'extension', number } as const)
      : ({ kind: 'external', number } as const);
  const channel = await ctx.port.originate({
    endpoint,
    callerNumber: agent.status.extension ?? '',
    ringTimeoutMs: ctx.config.offerRingTimeoutMs,
  });
  addLeg(ctx, call, {
    channelId: channel.id,
    role: 'consult',
    staffId: targetAgent?.id ?? null,
    number,
    answered: false,
  });
  call.consult = { channelId: channel.id, target, agentId: targetAgent?.id ?? null, purpose: opts.purpose };
  ctx.emit({ type: 'consult_started', callId: call.id, agentId, target, purpose: opts.purpose });
  if (targetAgent) {
    targetAgent.channelId = channel.id;
    // The consulted colleague's screen pop gets the caller too: they may end up with the call.
    emitOffer(ctx, call, targetAgent, number, {
      'zh-CN': `${agent.employeeNo} ${opts.purpose === 'help' ? '求助' : '咨询'}`,
      'en-US': `${opts.purpose === 'help' ? 'help requested' : 'consulted'} by ${agent.employeeNo}`,
    });
    applyAgentEvent(ctx, targetAgent, { type: 'call_offered', at: ctx.scheduler.now(), callId: call.id });
  }
}

/** Ends the consult leg; the customer stays on hold until the agent retrieves them. */
export async function cancelConsult(ctx: EngineContext, agentId: number): Promise<void> {
  const { call } = ownCall(ctx, agentId);
  if (!call.consult) throw new AppError(CTI_ERRORS.NO_CONSULT);
  await ctx.port.hangup(call.consult.channelId, 'normal');
}

/** CTI-11 连接保持: the held customer is connected to the consulted party; the agent leaves. */
export async function completeTransfer(ctx: EngineContext, agentId: number): Promise<void> {
  const { agent, call } = ownCall(ctx, agentId);
  const consultLeg = answeredConsultLeg(call);
  await joinHeldCustomer(ctx, call);
  consultLeg.role = consultLeg.staffId === null ? 'outside' : 'agent';
  const target = call.consult!.target;
  call.consult = null;
  ctx.emit({ type: 'transferred', callId: call.id, fromAgentId: agent.id, target, mode: 'attended' });
  await dropAgentLeg(ctx, call, agent);
  call.ownerAgentId = consultLeg.staffId;
}

/** CTI-12 三方通话 (and escalating two-party help to three-party, CTI-13). */
export async function conference(ctx: EngineContext, agentId: number): Promise<void> {
  const { agent, call } = ownCall(ctx, agentId);
  const consultLeg = answeredConsultLeg(call);
  await joinHeldCustomer(ctx, call);
  consultLeg.role = consultLeg.staffId === null ? 'outside' : 'agent';
  call.consult = null;
  applyAgentEvent(ctx, agent, { type: 'call_retrieved', at: ctx.scheduler.now(), callId: call.id });
  ctx.emit({ type: 'conference_started', callId: call.id, agentId });
}

/** CTI-4 代答: answer a call ringing at another agent of the same skill group. */
export async function pickup(ctx: EngineContext, agentId: number): Promise<void> {
  const agent = agentOrThrow(ctx, agentId);
  if (agent.status.callId) throw new AppError(CTI_ERRORS.TARGET_NOT_AVAILABLE);
  const mySkills = new Set(agent.status.skills.map((s) => s.skillGroupId));
  const call = [...ctx.calls.values()].find((c) => {
    if (c.phase !== 'offering' || c.direction !== 'inbound') return false;
    const queue = ctx.config.queues.find((q) => q.id === c.queueId);
    return queue !== undefined && mySkills.has(queue.skillGroupId) && !agentLegOf(c, agent.id);
  });
  if (!call) throw new AppError(CTI_ERRORS.NOTHING_TO_PICK_UP);
  const ringing = call.legs.find((l) => l.role === 'agent' && !l.answered);
  const ringingAgent = ringing?.staffId == null ? undefined : ctx.agents.get(ringing.staffId);
  if (agent.status.state === 'not_ready')
    applyAgentEvent(ctx, agent, { type: 'set_ready', at: ctx.scheduler.now() });
  if (ringing) {
    removeLeg(ctx, call, ringing.channelId);
    if (ringingAgent) agentLeavesCall(ctx, ringingAgent, call);
    await hangupQuietly(ctx, ringing.channelId);
  }
  call.phase = 'queued';
  await offerCall(ctx, call, agent, 'direct', {
    'zh-CN': `${agent.employeeNo} 代答`,
    'en-US': `picked up by ${agent.employeeNo}`,
  });
  if (agent.channelId) await ctx.port.answer(agent.channelId);
}

/** CTI-8 呼出 / CTI-9 内部呼叫: the agent's phone is connected first, then the far side rings. */
export async function dial(
  ctx: EngineContext,
  agentId: number,
  target: { number: string } | { agentId: number },
) {
  const agent = agentOrThrow(ctx, agentId);
  const targetAgent =
    'agentId' in target ? validateTarget(ctx, agent, { kind: 'agent', agentId: target.agentId }) : null;
  const now = ctx.scheduler.now();
  const callId = ctx.nextCallId();
  assertAgentEventAllowed(agent, { type: 'outbound_started', at: now, callId });
  if (targetAgent) assertAgentEventAllowed(targetAgent, { type: 'call_offered', at: now, callId });
  const calledNumber = targetAgent ? targetAgent.status.extension! : (target as { number: string }).number;
  const call = startCall(ctx, {
    id: callId,
    direction: targetAgent ? 'internal' : 'outbound',
    callerNumber: agent.status.extension!,
    calledNumber,
    accessCode: null,
    vip: false,
    phase: 'offering',
    agentId: agent.id,
  });
  const own = await ctx.port.originate({
    endpoint: { kind: 'extension', number: agent.status.extension! },
    callerNumber: calledNumber,
    ringTimeoutMs: ctx.config.offerRingTimeoutMs,
  });
  addLeg(ctx, call, {
    channelId: own.id,
    role: 'agent',
    staffId: agent.id,
    number: agent.status.extension!,
    answered: false,
  });
  agent.channelId = own.id;
  applyAgentEvent(ctx, agent, { type: 'outbound_started', at: now, callId });
  await ctx.port.answer(own.id);
  await ensureBridge(ctx, call);
  const far = await ctx.port.originate({
    endpoint: targetAgent
      ? { kind: 'extension', number: calledNumber }
      : { kind: 'external', number: calledNumber },
    callerNumber: agent.status.extension!,
    ringTimeoutMs: ctx.config.outboundRingTimeoutMs,
  });
  if (targetAgent) {
    addLeg(ctx, call, {
      channelId: far.id,
      role: 'agent',
      staffId: targetAgent.id,
      number: calledNumber,
      answered: false,
    });
    targetAgent.channelId = far.id;
    applyAgentEvent(ctx, targetAgent, { type: 'call_offered', at: now, callId });
  } else {
    addLeg(ctx, call, {
      channelId: far.id,
      role: 'outside',
      staffId: null,
      number: calledNumber,
      answered: false,
    });
  }
  return call;
}

/** CTI-17: pause / resume for sensitive data, or record on demand when not recording. */
export async function recording(ctx: EngineContext, agentId: number, action: 'start' | 'pause' | 'resume') {
  const { call } = ownCall(ctx, agentId);
  if (action === 'start') {
    if (call.recordingId) throw new AppError(CTI_ERRORS.ALREADY_RECORDING);
    await ensureBridge(ctx, call);
    await startCallRecording(ctx, call);
    return;
  }
  if (!call.recordingId) throw new AppError(CTI_ERRORS.NOT_RECORDING);
  if (action === 'pause' && !call.recordingPaused) {
    await ctx.port.pauseRecording(call.recordingId);
    call.recordingPaused = true;
    ctx.emit({ type: 'recording_paused', callId: call.id, recordingId: call.recordingId });
  } else if (action === 'resume' && call.recordingPaused) {
    await ctx.port.resumeRecording(call.recordingId);
    call.recordingPaused = false;
    ctx.emit({ type: 'recording_resumed', callId: call.id, recordingId: call.recordingId });
  }
}

// ---- helpers

function ownCall(ctx: EngineContext, agentId: number): { agent: CtiAgent; call: Call } {
  const agent = agentOrThrow(ctx, agentId);
  const call = currentCallOf(ctx, agent);
  if (call.phase !== 'connected' || agent.status.state === 'ringing')
    throw new AppError(CTI_ERRORS.NOT_CONNECTED);
  return { agent, call };
}

function validateTarget(ctx: EngineContext, agent: CtiAgent, target: TransferTarget): CtiAgent | null {
  switch (target.kind) {
    case 'agent': {
      if (target.agentId === agent.id) throw new AppError(CTI_ERRORS.TARGET_IS_SELF);
      const other = ctx.agents.get(target.agentId);
      if (!other || other.status.state === 'signed_out') throw new AppError(CTI_ERRORS.NO_SUCH_AGENT);
      if (!isOfferable(other.status) && !other.forwardTo) throw new AppError(CTI_ERRORS.TARGET_NOT_AVAILABLE);
      return other;
    }
    case 'queue':
      if (!ctx.config.queues.some((q) => q.id === target.queueId))
        throw new AppError(CTI_ERRORS.NO_SUCH_QUEUE);
      return null;
    case 'number':
    case 'ivr': // checked by `transfer` against the published flows
      return null;
  }
}

function answeredConsultLeg(call: Call) {
  if (!call.consult) throw new AppError(CTI_ERRORS.NO_CONSULT);
  const leg = call.legs.find((l) => l.channelId === call.consult!.channelId);
  if (!leg?.answered) throw new AppError(CTI_ERRORS.CONSULT_NOT_ANSWERED);
  return leg;
}

async function joinHeldCustomer(ctx: EngineContext, call: Call): Promise<void> {
  const customer = customerLeg(call);
  if (!customer || !call.bridgeId) throw new AppError(CTI_ERRORS.NOT_CONNECTED);
  if (call.customerOnHold) {
    await ctx.port.stopHold(customer.channelId);
    call.customerOnHold = false;
  }
  await ctx.port.addToBridge(call.bridgeId, customer.channelId);
}

/** The agent's own leg ends on purpose: removed first, so the hang-up event is not handled again. */
async function dropAgentLeg(ctx: EngineContext, call: Call, agent: CtiAgent): Promise<void> {
  const leg = agentLegOf(call, agent.id);
  agentLeavesCall(ctx, agent, call);
  if (leg) {
    removeLeg(ctx, call, leg.channelId);
    await hangupQuietly(ctx, leg.channelId);
  }
}

export { endCall };
