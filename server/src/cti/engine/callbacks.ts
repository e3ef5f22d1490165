import { CALL_PRIORITY } from '../../acd/queue-order.ts';
import type { HangupCause } from '../../switch/switch-port.ts';
import { endCall } from './call-lifecycle.ts';
import type { Call, CallbackAttemptResult, CallLeg, CtiAgent } from './cti-types.ts';
import { addLeg, applyAgentEvent, type EngineContext } from './engine-context.ts';
import { releaseWithPrompt } from './release.ts';
import { startCall } from './start-call.ts';

// ACD-6 自动回呼: a waiting caller presses 1 and hangs up; the callback keeps the caller's place in
// the queue. When it comes to the front an agent is offered a preview (the customer's number and
// record); the agent accepts, the system dials the customer and connects them. An attempt nobody
// answers is tried again after the configured delays; after the last one the request is given up
// (the voicemail module then makes a work item of it).

const DEFAULT_RETRY_MS = [120_000, 600_000] as const;

const BOOKED = '我们已记下您的来电号码，将按您现在的排队顺序给您回电，请保持电话畅通。感谢您的来电，再见。';

/** A waiting callback to put back in its queue (after a restart). */
export type CallbackRestore = {
  callbackId: string;
  number: string;
  queueId: string;
  waitingSince: Date;
  priority: number;
  attempts: number;
};

type Attempt = CallbackRestore & { attempt: number; accessCode: string | null; vip: boolean };

/** The caller pressed 1 while waiting: book the callback at their place, then let them go. */
export async function requestCallback(ctx: EngineContext, call: Call): Promise<void> {
  const queue = ctx.config.queues.find((q) => q.id === call.queueId);
  if (call.phase !== 'queued' || !queue?.allBusyOptions?.callback || !call.enqueuedAt) return;
  ctx.emit({
    type: 'callback_requested',
    callbackId: call.id,
    number: call.callerNumber,
    queueId: queue.id,
    waitingSince: call.enqueuedAt.toISOString(),
    priority: call.priority,
  });
  queueAttempt(ctx, {
    callbackId: call.id,
    number: call.callerNumber,
    queueId: queue.id,
    waitingSince: call.enqueuedAt,
    priority: call.priority,
    attempts: 0,
    attempt: 1,
    accessCode: call.accessCode,
    vip: call.vip,
  });
  await releaseWithPrompt(ctx, call, BOOKED, 'callback_requested');
}

export async function restoreCallback(ctx: EngineContext, pending: CallbackRestore): Promise<void> {
  if (!ctx.config.queues.some((q) => q.id === pending.queueId)) return;
  if (findAttempt(ctx, pending.callbackId) || ctx.callbackRetries.has(pending.callbackId)) return;
  const attempt: Attempt = {
    ...pending,
    attempt: pending.attempts + 1,
    accessCode: null,
    vip: ctx.config.vipNumbers.has(pending.number),
  };
  // A retry whose time has not come yet waits for it, as it would have without the restart.
  const delay = pending.waitingSince.getTime() - ctx.scheduler.now().getTime();
  if (delay > 0) scheduleAttempt(ctx, attempt, delay, pending.callbackId);
  else queueAttempt(ctx, attempt);
}

/**
 * An attempt is a call of its own, direction outbound (the centre calls the customer), waiting in
 * the queue with reason `callback` from `waitingSince` on: the caller's place.
 */
function queueAttempt(ctx: EngineContext, a: Attempt): void {
  const call = startCall(ctx, {
    direction: 'outbound',
    callerNumber: a.accessCode ?? '',
    calledNumber: a.number,
    accessCode: a.accessCode,
    vip: a.vip,
    phase: 'queued',
    agentId: null,
  });
  call.callback = { callbackId: a.callbackId, number: a.number, attempt: a.attempt, agentId: null };
  call.customerData = { callbackId: a.callbackId, callbackAttempt: a.attempt };
  call.queueId = a.queueId;
  call.reason = 'callback';
  call.priority = a.priority;
  call.enqueuedAt = a.waitingSince;
  ctx.emit({
    type: 'call_queued',
    callId: call.id,
    queueId: a.queueId,
    priority: a.priority,
    reason: 'callback',
  });
  ctx.emit({ type: 'callback_queued', callbackId: a.callbackId, callId: call.id, attempt: a.attempt });
  ctx.requestRouting();
}

/** The agent took the preview: the customer is dialled while the agent listens to it ringing. */
export async function previewAccepted(ctx: EngineContext, call: Call, agent: CtiAgent): Promise<void> {
  const callback = call.callback!;
  const now = ctx.scheduler.now();
  applyAgentEvent(ctx, agent, { type: 'call_answered', at: now, callId: call.id });
  call.ownerAgentId = agent.id;
  call.firstAgentId ??= agent.id;
  callback.agentId = agent.id;
  const channel = await ctx.port.originate({
    endpoint: { kind: 'external', number: callback.number },
    callerNumber: call.callerNumber,
    ringTimeoutMs: ctx.config.outboundRingTimeoutMs,
  });
  addLeg(ctx, call, {
    channelId: channel.id,
    role: 'customer',
    staffId: null,
    number: callback.number,
    answered: false,
  });
}

/** The customer picked up: this attempt succeeded. */
export function customerAnswered(ctx: EngineContext, call: Call, leg: CallLeg): void {
  const callback = call.callback!;
  const agent = callback.agentId === null ? undefined : ctx.agents.get(callback.agentId);
  if (agent) agent.callsHandledToday++;
  ctx.emit({ type: 'party_answered', callId: call.id, role: 'customer', staffId: null, number: leg.number });
  attemptEnded(ctx, call, 'connected', null);
}

/** The preview rang out or the agent declined it: the callback waits again, keeping its place. */
export function previewDeclined(ctx: EngineContext, call: Call, agentId: number): void {
  call.phase = 'queued';
  call.excludedAgentIds.push(agentId);
  ctx.emit({
    type: 'call_queued',
    callId: call.id,
    queueId: call.queueId!,
    priority: call.priority,
    reason: 'callback',
  });
  ctx.requestRouting();
}

/**
 * This attempt failed (no answer, busy, or the agent gave up while it rang): the call ends and
 * the next attempt is scheduled, or the request is given up after the last one.
 */
export async function attemptFailed(ctx: EngineContext, call: Call, cause: HangupCause | 'agent_left') {
  const callback = call.callback!;
  const result: CallbackAttemptResult =
    cause === 'busy' ? 'busy' : cause === 'no_answer' ? 'no_answer' : 'failed';
  const delays = ctx.config.callbackRetryMs ?? DEFAULT_RETRY_MS;
  const delay = delays[callback.attempt - 1];
  const now = ctx.scheduler.now();
  const next = delay === undefined ? null : new Date(now.getTime() + delay);
  attemptEnded(ctx, call, result, next);
  await endCall(ctx, call, result === 'failed' ? 'failed' : result);
  if (delay === undefined || !call.queueId) return;
  const retry: Attempt = {
    callbackId: callback.callbackId,
    number: callback.number,
    queueId: call.queueId,
    // A retry waits from its own time, ahead of new calls (it has waited its turn once).
    waitingSince: next!,
    priority: Math.max(call.priority, call.vip ? CALL_PRIORITY.vip : CALL_PRIORITY.callback),
    attempts: callback.attempt,
    attempt: callback.attempt + 1,
    accessCode: call.accessCode,
    vip: call.vip,
  };
  scheduleAttempt(ctx, retry, delay, call.id);
}

/** The next attempt enters the queue after `delay`; until then it can be cancelled. */
function scheduleAttempt(ctx: EngineContext, attempt: Attempt, delay: number, lastCallId: string): void {
  const timer = ctx.scheduler.setTimer(delay, () =>
    ctx.serialize(() => {
      if (ctx.callbackRetries.get(attempt.callbackId)?.timer !== timer) return;
      ctx.callbackRetries.delete(attempt.callbackId);
      queueAttempt(ctx, attempt);
    }),
  );
  ctx.callbackRetries.set(attempt.callbackId, {
    timer,
    lastCallId,
    attempt: attempt.attempt - 1,
    number: attempt.number,
  });
}

function attemptEnded(ctx: EngineContext, call: Call, result: CallbackAttemptResult, next: Date | null) {
  const callback = call.callback!;
  ctx.emit({
    type: 'callback_attempt_ended',
    callbackId: callback.callbackId,
    callId: call.id,
    attempt: callback.attempt,
    agentId: callback.agentId,
    result,
    nextAttemptAt: next?.toISOString() ?? null,
  });
}

/** Withdraws a callback not yet connected: waiting in the queue, or waiting for its next attempt. */
export async function cancelCallback(ctx: EngineContext, callbackId: string): Promise<boolean> {
  const waiting = findAttempt(ctx, callbackId);
  if (waiting && waiting.phase === 'queued') {
    attemptEnded(ctx, waiting, 'cancelled', null);
    await endCall(ctx, waiting, 'completed');
    return true;
  }
  const retry = ctx.callbackRetries.get(callbackId);
  if (!retry) return false;
  ctx.scheduler.cancelTimer(retry.timer);
  ctx.callbackRetries.delete(callbackId);
  ctx.emit({
    type: 'callback_attempt_ended',
    callbackId,
    callId: retry.lastCallId,
    attempt: retry.attempt,
    agentId: null,
    result: 'cancelled',
    nextAttemptAt: null,
  });
  return true;
}

/** The customer called in again and reached an agent: their waiting callbacks are no longer needed. */
export async function customerReached(ctx: EngineContext, number: string): Promise<void> {
  const ids = new Set<string>();
  for (const call of ctx.calls.values())
    if (call.callback?.number === number && call.phase === 'queued') ids.add(call.callback.callbackId);
  for (const [callbackId, retry] of ctx.callbackRetries) if (retry.number === number) ids.add(callbackId);
  for (const id of ids) await cancelCallback(ctx, id);
}

function findAttempt(ctx: EngineContext, callbackId: string): Call | undefined {
  for (const call of ctx.calls.values()) if (call.callback?.callbackId === callbackId) return call;
  return undefined;
}
