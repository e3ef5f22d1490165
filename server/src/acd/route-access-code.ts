import type { QueueConfig } from './acd.types.ts';

/**
 * The queue a call dialled on `accessCode` (特服号) waits in (ACD-1). A code no queue claims goes
 * to the first queue of a 综合 skill group, since needs that cannot be recognized go to the
 * comprehensive group (002 §3.4, ACD-2); null when there is none. When two queues list the same
 * code the first in `queues` wins: configuration order, never chance.
 */
export function queueForAccessCode(
  accessCode: string,
  queues: readonly QueueConfig[],
  comprehensiveSkillGroupIds: ReadonlySet<number>,
): QueueConfig | null {
  const code = accessCode.trim();
  const exact = queues.find((q) => q.accessCodes.includes(code));
  if (exact) return exact;
  return queues.find((q) => comprehensiveSkillGroupIds.has(q.skillGroupId)) ?? null;
}
