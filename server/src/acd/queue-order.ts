import type { CallReason, QueuedCall } from './acd.types.ts';

/**
 * Priority tiers (ACD-3), higher first. Steps of 100 leave room for a supervisor to put a call
 * between tiers.
 * - transferred 300: 002 §3.4, a transferred call gets top priority in the target queue, VIP or not;
 * - vip 200: 大客户/重要客户, new or callback;
 * - callback 100: the customer already waited once and was promised a call when an agent frees
 *   up (ACD-6), so a callback goes before new calls;
 * - new 0.
 */
export const CALL_PRIORITY = { transferred: 300, vip: 200, callback: 100, new: 0 } as const;

export function priorityOf(call: { reason: CallReason; vip: boolean }): number {
  if (call.reason === 'transferred') return CALL_PRIORITY.transferred;
  if (call.vip) return CALL_PRIORITY.vip;
  return call.reason === 'callback' ? CALL_PRIORITY.callback : CALL_PRIORITY.new;
}

/** Queue order: priority desc, then longest wait (FIFO), then callId, so input order never matters. */
export function compareQueuedCalls(a: QueuedCall, b: QueuedCall): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  const waited = a.enqueuedAt.getTime() - b.enqueuedAt.getTime();
  if (waited !== 0) return waited;
  return a.callId < b.callId ? -1 : a.callId > b.callId ? 1 : 0;
}

/** A sorted copy; the input is left as it was. */
export function orderQueue(calls: readonly QueuedCall[]): QueuedCall[] {
  return [...calls].sort(compareQueuedCalls);
}

/**
 * The call as it enters the target queue of a blind transfer to a skill queue (CTI-10): top
 * priority, the customer's data and VIP flag kept, never offered back to the agent who transferred it.
 * The new queue is a fresh start: the wait counts from the transfer (overflow and max wait apply
 * afresh) and ring-out exclusions of the old queue are dropped, so they cannot strand the call.
 */
export function transferredCall(
  call: QueuedCall,
  transfer: { toQueueId: string; at: Date; byAgentId: number },
): QueuedCall {
  const next: QueuedCall = {
    ...call,
    queueId: transfer.toQueueId,
    enqueuedAt: transfer.at,
    reason: 'transferred',
    excludedAgentIds: [transfer.byAgentId],
  };
  return { ...next, priority: Math.max(call.priority, priorityOf(next)) };
}
