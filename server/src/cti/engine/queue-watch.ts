import type { OverflowTarget, QueuedCall } from '../../acd/acd.types.ts';
import { dueForOverflow } from '../../acd/overflow.ts';
import { announcementText, expectedWaitMs, positionOf } from '../../acd/wait-estimate.ts';
import { endCall } from './call-lifecycle.ts';
import type { Call } from './cti-types.ts';
import { customerLeg, type EngineContext } from './engine-context.ts';
import { startVoicemail } from './voicemail.ts';

// While a call waits (ACD-5): the caller hears their position and expected wait at the queue's
// interval, and a call that reaches the queue's maximum wait goes to its overflow target.
const FIRST_ANNOUNCEMENT_MS = 5_000;
/** Until enough calls are handled to know better. */
const DEFAULT_HANDLE_MS = 180_000;

export function watchQueuedCall(ctx: EngineContext, call: Call): void {
  stopWatching(ctx, call);
  // A callback has no caller on the line to announce to; it waits for its agent.
  if (call.callback) return;
  const queue = ctx.config.queues.find((q) => q.id === call.queueId);
  if (!queue || !call.enqueuedAt) return;
  const now = ctx.scheduler.now().getTime();
  const waited = now - call.enqueuedAt.getTime();
  let delay = waited < FIRST_ANNOUNCEMENT_MS ? FIRST_ANNOUNCEMENT_MS - waited : queue.announceEveryMs;
  if (queue.maxWaitMs !== null) delay = Math.max(0, Math.min(delay, queue.maxWaitMs - waited));
  call.queueTimer = ctx.scheduler.setTimer(delay, () => ctx.serialize(() => checkQueuedCall(ctx, call.id)));
}

export function stopWatching(ctx: EngineContext, call: Call): void {
  if (call.queueTimer !== null) ctx.scheduler.cancelTimer(call.queueTimer);
  call.queueTimer = null;
}

async function checkQueuedCall(ctx: EngineContext, callId: string): Promise<void> {
  const call = ctx.calls.get(callId);
  if (call?.phase !== 'queued') return;
  call.queueTimer = null;
  const queue = ctx.config.queues.find((q) => q.id === call.queueId);
  if (!queue) return;
  const target = dueForOverflow(asQueued(call), queue, ctx.scheduler.now());
  if (target && (await overflow(ctx, call, target))) return;
  await announce(ctx, call);
  watchQueuedCall(ctx, call);
}

async function announce(ctx: EngineContext, call: Call): Promise<void> {
  const queue = ctx.config.queues.find((q) => q.id === call.queueId);
  const customer = customerLeg(call);
  if (!queue || !customer) return;
  const waiting = [...ctx.calls.values()]
    .filter((c) => c.phase === 'queued' && c.queueId === queue.id)
    .map(asQueued);
  const position = positionOf(call.id, waiting) ?? waiting.length;
  const serving = [...ctx.agents.values()].filter(
    (a) =>
      a.status.state !== 'signed_out' && a.status.skills.some((s) => s.skillGroupId === queue.skillGroupId),
  ).length;
  const wait = expectedWaitMs(position, {
    recentAverageHandleMs: ctx.stats.averageHandleMs ?? DEFAULT_HANDLE_MS,
    agentsServing: serving,
  });
  const options = queue.allBusyOptions;
  const text = {
    'zh-CN': announcementText(position, wait, 'zh-CN') + allBusyOptionsText(options, 'zh-CN'),
    'en-US': announcementText(position, wait, 'en-US') + allBusyOptionsText(options, 'en-US'),
  };
  ctx.emit({
    type: 'queue_announcement',
    callId: call.id,
    queueId: queue.id,
    position,
    expectedWaitMs: wait,
    text,
  });
  await ctx.port.playPrompt(customer.channelId, `tts:${text['zh-CN']}`).catch(() => undefined);
}

/** Sends a call that waited the queue's maximum to its target (another queue, voicemail, goodbye). */
async function overflow(ctx: EngineContext, call: Call, target: OverflowTarget): Promise<boolean> {
  switch (target.kind) {
    case 'queue': {
      const from = call.queueId ?? '';
      ctx.emit({ type: 'queue_overflowed', callId: call.id, fromQueueId: from, target });
      call.queueId = target.queueId;
      call.enqueuedAt = ctx.scheduler.now();
      ctx.emit({
        type: 'call_queued',
        callId: call.id,
        queueId: target.queueId,
        priority: call.priority,
        reason: call.reason,
      });
      watchQueuedCall(ctx, call);
      ctx.requestRouting();
      return true;
    }
    case 'hangup': {
      ctx.emit({ type: 'queue_overflowed', callId: call.id, fromQueueId: call.queueId ?? '', target });
      const customer = customerLeg(call);
      if (customer)
        await ctx.port
          .playPrompt(customer.channelId, `tts:${target.announcement['zh-CN']}`)
          .catch(() => undefined);
      await endCall(ctx, call, 'max_wait');
      return true;
    }
    case 'voicemail':
      ctx.emit({ type: 'queue_overflowed', callId: call.id, fromQueueId: call.queueId ?? '', target });
      await startVoicemail(ctx, call, 'max_wait');
      return true;
  }
}

/** ACD-6, VM-1: what a waiting caller may do instead of waiting, as the announcement says it. */
function allBusyOptionsText(
  options: { callback: boolean; voicemail: boolean } | undefined,
  locale: 'zh-CN' | 'en-US',
): string {
  const parts: string[] = [];
  if (options?.callback) parts.push(locale === 'zh-CN' ? '按1预约回呼' : 'press 1 to be called back');
  if (options?.voicemail) parts.push(locale === 'zh-CN' ? '按2留言' : 'press 2 to leave a message');
  if (parts.length === 0) return '';
  return locale === 'zh-CN'
    ? `如不愿等待，请${parts.join('，')}。`
    : ` If you prefer not to wait, ${parts.join(' or ')}.`;
}

function asQueued(call: Call): QueuedCall {
  return {
    callId: call.id,
    queueId: call.queueId ?? '',
    enqueuedAt: call.enqueuedAt ?? call.startedAt,
    priority: call.priority,
    reason: call.reason,
    vip: call.vip,
    excludedAgentIds: call.excludedAgentIds,
  };
}
