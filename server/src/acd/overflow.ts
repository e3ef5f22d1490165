import type { OverflowReason, OverflowTarget, QueueConfig, QueuedCall } from './acd.types.ts';

export function waitedMs(call: QueuedCall, now: Date): number {
  return now.getTime() - call.enqueuedAt.getTime();
}

/**
 * Whether a call no skilled agent can take now may also go to 综合 agents (ACD-2): at once when no
 * agent of the queue's skill is signed in (other than ones the call excludes — nobody is coming),
 * or once it has waited `overflowAfterMs`. A queue with `overflowAfterMs: null` never overflows;
 * its calls wait for their own skill or for max wait.
 */
export function overflowReason(
  call: QueuedCall,
  queue: QueueConfig,
  now: Date,
  skilledAgentSignedIn: boolean,
): OverflowReason | null {
  if (queue.overflowAfterMs === null) return null;
  if (!skilledAgentSignedIn) return { kind: 'no_skilled_agent_signed_in' };
  const waited = waitedMs(call, now);
  return waited >= queue.overflowAfterMs
    ? { kind: 'waited', waitedMs: waited, thresholdMs: queue.overflowAfterMs }
    : null;
}

/**
 * Max wait (ACD-5): the target the call leaves the queue for once it has waited `maxWaitMs`, else
 * null. A queue without both a limit and a target keeps its calls.
 */
export function dueForOverflow(call: QueuedCall, queue: QueueConfig, now: Date): OverflowTarget | null {
  if (queue.maxWaitMs === null || queue.maxWaitTarget === null) return null;
  return waitedMs(call, now) >= queue.maxWaitMs ? queue.maxWaitTarget : null;
}
