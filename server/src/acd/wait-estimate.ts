import type { Locale } from '@switchboard/shared';
import type { QueuedCall } from './acd.types.ts';
import { compareQueuedCalls } from './queue-order.ts';

export type QueueStats = {
  /** Average handle time (talk + hold + wrap-up) of the queue's recent calls. */
  recentAverageHandleMs: number;
  /** Signed-in agents serving the queue, busy or free. */
  agentsServing: number;
};

/** 1-based place of the call in its queue's order (ACD-5), null when it is not in `queueCalls`. */
export function positionOf(callId: string, queueCalls: readonly QueuedCall[]): number | null {
  const call = queueCalls.find((c) => c.callId === callId);
  if (!call) return null;
  return 1 + queueCalls.filter((c) => c.callId !== callId && compareQueuedCalls(c, call) < 0).length;
}

/**
 * Expected wait: position × AHT / max(1, agents serving) — the call is served after `position`
 * handle times spread over the serving agents. A plain estimate to announce; Erlang C comes later.
 */
export function expectedWaitMs(position: number, stats: QueueStats): number {
  return Math.round((position * stats.recentAverageHandleMs) / Math.max(1, stats.agentsServing));
}

/** "您前面还有 3 位客户，预计等待 2 分钟"; minutes rounded up, so a caller is never promised too little. */
export function announcementText(position: number, expectedWait: number, locale: Locale): string {
  const ahead = Math.max(0, position - 1);
  const minutes = Math.ceil(expectedWait / 60_000);
  const underAMinute = expectedWait < 60_000;
  if (locale === 'zh-CN') {
    const place = ahead === 0 ? '您是下一位' : `您前面还有 ${ahead} 位客户`;
    return `${place}，预计等待${underAMinute ? '不到 1 分钟' : ` ${minutes} 分钟`}`;
  }
  const place =
    ahead === 0
      ? 'You are next in line'
      : `There ${ahead === 1 ? 'is 1 caller' : `are ${ahead} callers`} ahead of you`;
  const wait = underAMinute ? 'less than a minute' : `${minutes} minute${minutes === 1 ? '' : 's'}`;
  return `${place}; expected wait ${wait}`;
}
