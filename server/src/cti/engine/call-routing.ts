import type { AgentView, QueuedCall, SkillLevel } from '../../acd/acd.types.ts';
import { assignCalls } from '../../acd/assign-calls.ts';
import { priorityOf } from '../../acd/queue-order.ts';
import { queueForAccessCode } from '../../acd/route-access-code.ts';
import { routingContext } from '../../acd/routing-context.ts';
import type { Channel } from '../../switch/switch-port.ts';
import { isOfferable } from '../agent-state/index.ts';
import { assertAgentEventAllowed } from './agent-guards.ts';
import { endCall } from './call-lifecycle.ts';
import type { Call, CtiAgent } from './cti-types.ts';
import { addLeg, applyAgentEvent, type EngineContext } from './engine-context.ts';
import { enterIvr } from './ivr-handoff.ts';
import { stopWatching, watchQueuedCall } from './queue-watch.ts';
import { startCall } from './start-call.ts';
import { startVoicemail } from './voicemail.ts';

/**
 * A customer dialled an access code (ACD-1): the call is answered by the switch and queued, or
 * first handed to the IVR when the code has a published flow (IVR-1; it comes back through
 * `leaveIvr` when the caller asks for a human).
 */
export async function acceptInboundCall(ctx: EngineContext, channel: Channel): Promise<void> {
  const queue = queueOfAccessCode(ctx, channel.calledNumber);
  const vip = ctx.config.vipNumbers.has(channel.callerNumber);
  const call = startCall(ctx, {
    direction: 'inbound',
    callerNumber: channel.callerNumber,
    calledNumber: channel.calledNumber,
    accessCode: channel.calledNumber,
    vip,
    phase: ctx.ivr ? 'ivr' : 'queued',
    agentId: null,
  });
  addLeg(ctx, call, {
    channelId: channel.id,
    role: 'customer',
    staffId: null,
    number: channel.callerNumber,
    answered: true,
  });
  await ctx.port.answer(channel.id);
  if (!queue) {
    // No queue serves this code and there is no 综合 group to fall back on.
    await endCall(ctx, call, 'no_route');
    return;
  }
  if (await enterIvr(ctx, call, channel)) return;
  await enqueueNewCall(ctx, call, queue.id);
}

/** The skill group ids flagged 综合 (the fallback for unknown codes and overflow). */
export function comprehensiveGroupIds(ctx: EngineContext): Set<number> {
  return new Set(ctx.config.skillGroups.filter((g) => g.isComprehensive).map((g) => g.id));
}

/** The queue an access code leads to (ACD-1), or 综合's for an unknown code. */
export function queueOfAccessCode(ctx: EngineContext, accessCode: string) {
  return queueForAccessCode(accessCode, ctx.config.queues, comprehensiveGroupIds(ctx));
}

/**
 * A new caller asks for a human: queued while the queue's skill group is open; after hours (or on
 * a holiday) they are asked for a message instead (VM-1).
 */
export async function enqueueNewCall(ctx: EngineContext, call: Call, queueId: string): Promise<void> {
  const queue = ctx.config.queues.find((q) => q.id === queueId);
  if (queue && ctx.serviceHours && !ctx.serviceHours.isOpen(queue.skillGroupId, ctx.scheduler.now())) {
    call.queueId = queueId;
    return startVoicemail(ctx, call, 'after_hours');
  }
  await enqueue(ctx, call, queueId, 'new');
}

/** Puts a call in a queue (new, or transferred with top priority, ACD-3); the customer hears music. */
export async function enqueue(
  ctx: EngineContext,
  call: Call,
  queueId: string,
  reason: Call['reason'],
): Promise<void> {
  call.phase = 'queued';
  call.queueId = queueId;
  call.reason = reason;
  call.priority = Math.max(reason === 'new' ? 0 : call.priority, priorityOf({ reason, vip: call.vip }));
  call.enqueuedAt = ctx.scheduler.now();
  const customer = call.legs.find((l) => l.role === 'customer');
  if (customer && !call.customerOnHold) {
    await ctx.port.startHold(customer.channelId);
    call.customerOnHold = true;
  }
  ctx.emit({ type: 'call_queued', callId: call.id, queueId, priority: call.priority, reason });
  watchQueuedCall(ctx, call);
  ctx.requestRouting();
}

function agentView(agent: CtiAgent): AgentView {
  return {
    agentId: agent.id,
    employeeNo: agent.employeeNo,
    offerable: isOfferable(agent.status) && agent.forwardTo === null,
    skills: agent.status.skills.map((s) => ({ skillGroupId: s.skillGroupId, level: s.level as SkillLevel })),
    idleSince: agent.idleSince,
    callsHandledToday: agent.callsHandledToday,
    lastOfferedAt: agent.lastOfferedAt,
  };
}

/** One ACD pass: every waiting call that can be offered now is offered (ACD-2 … ACD-4). */
export async function routeWaitingCalls(ctx: EngineContext): Promise<void> {
  const waiting: QueuedCall[] = [];
  for (const call of ctx.calls.values()) {
    if (call.phase !== 'queued' || !call.queueId || !call.enqueuedAt) continue;
    waiting.push({
      callId: call.id,
      queueId: call.queueId,
      enqueuedAt: call.enqueuedAt,
      priority: call.priority,
      reason: call.reason,
      vip: call.vip,
      excludedAgentIds: call.excludedAgentIds,
    });
  }
  if (waiting.length === 0) return;
  const signedIn = [...ctx.agents.values()].filter((a) => a.status.state !== 'signed_out');
  // Most passes (a call arrives while everyone is busy) end here, before any sorting.
  if (!signedIn.some((a) => isOfferable(a.status))) return;
  const views = signedIn.map(agentView);
  const now = ctx.scheduler.now();
  const offers = assignCalls(
    ctx.config.queues,
    waiting,
    views,
    now,
    routingContext(
      ctx.config.skillGroups,
      signedIn.map((a) => a.id),
    ),
  );
  for (const offer of offers) {
    const call = ctx.calls.get(offer.callId);
    const agent = ctx.agents.get(offer.agentId);
    if (!call || !agent || call.phase !== 'queued') continue;
    await offerCall(
      ctx,
      call,
      agent,
      offer.via,
      call.callback ? callbackExplanation(call, offer) : offer.explanation,
    );
  }
}

/** ACD-6: the preview says it is a callback, which attempt, and why this agent. */
function callbackExplanation(call: Call, offer: { explanation: { 'zh-CN': string; 'en-US': string } }) {
  const attempt = call.callback?.attempt ?? 1;
  return {
    'zh-CN': `预约回呼（第 ${attempt} 次）：接听后系统将拨打客户 · ${offer.explanation['zh-CN']}`,
    'en-US': `Callback (attempt ${attempt}): answer and the customer is dialled · ${offer.explanation['en-US']}`,
  };
}

/** Rings the agent's extension for a call; the answer (or ring-out) comes back as a switch event. */
export async function offerCall(
  ctx: EngineContext,
  call: Call,
  agent: CtiAgent,
  via: 'skill' | 'overflow' | 'direct',
  explanation: { 'zh-CN': string; 'en-US': string },
): Promise<void> {
  const extension = agent.status.extension;
  if (!extension) return;
  // Check before ringing anything, so a refused offer leaves no channel behind.
  assertAgentEventAllowed(agent, { type: 'call_offered', at: ctx.scheduler.now(), callId: call.id });
  const channel = await ctx.port.originate({
    endpoint: { kind: 'extension', number: extension },
    // A callback's preview shows the customer's number on the phone, not the centre's.
    callerNumber: call.callback?.number ?? call.callerNumber,
    ringTimeoutMs: ctx.config.offerRingTimeoutMs,
  });
  call.phase = 'offering';
  stopWatching(ctx, call);
  agent.lastOfferedAt = ctx.scheduler.now();
  agent.channelId = channel.id;
  addLeg(ctx, call, {
    channelId: channel.id,
    role: 'agent',
    staffId: agent.id,
    number: extension,
    answered: false,
  });
  emitOffer(ctx, call, agent, extension, explanation, via);
  applyAgentEvent(ctx, agent, { type: 'call_offered', at: ctx.scheduler.now(), callId: call.id });
}

/** Announces an offer with what the screen pop shows (UI-7): the caller and how they came. */
export function emitOffer(
  ctx: EngineContext,
  call: Call,
  agent: CtiAgent,
  number: string,
  explanation: { 'zh-CN': string; 'en-US': string },
  via: 'skill' | 'overflow' | 'direct' = 'direct',
): void {
  ctx.emit({
    type: 'call_offered',
    callId: call.id,
    agentId: agent.id,
    number,
    call: {
      direction: call.direction,
      callerNumber: call.callerNumber,
      calledNumber: call.calledNumber,
      accessCode: call.accessCode,
      queueId: call.queueId,
      vip: call.vip,
      customerData: call.customerData,
    },
    via,
    explanation,
  });
}
