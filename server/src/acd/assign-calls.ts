import type { AgentView, CallOffer, QueueConfig, QueuedCall, RoutingContext } from './acd.types.ts';
import { createAgentPool } from './agent-pool.ts';
import { compareQueuedCalls } from './queue-order.ts';
import { decideForCall } from './select-agent.ts';

/**
 * The offers to make now across all queues (ACD-2 … ACD-4). Calls are taken in one global order —
 * priority desc, then longest wait, whatever their queue — and each takes the best free agent it
 * may have, so a call never loses an agent it could take to a call behind it, and no agent gets two
 * calls in one pass. Calls of unknown queues are left waiting: queue membership is the CTI's.
 *
 * Cost: agents are indexed by skill and sorted once per (skill, ranking); each call then looks at
 * its own skill's list only, and the pass stops as soon as no agent is free.
 */
export function assignCalls(
  queues: readonly QueueConfig[],
  waitingCalls: readonly QueuedCall[],
  agents: readonly AgentView[],
  now: Date,
  ctx: RoutingContext,
): CallOffer[] {
  const pool = createAgentPool(agents, ctx);
  if (pool.freeCount() === 0) return [];
  const queueById = new Map(queues.map((q) => [q.id, q]));
  const offers: CallOffer[] = [];
  for (const call of [...waitingCalls].sort(compareQueuedCalls)) {
    if (pool.freeCount() === 0) break;
    const queue = queueById.get(call.queueId);
    if (!queue) continue;
    const decision = decideForCall(call, queue, pool, now, ctx);
    if (!decision) continue;
    pool.take(decision.agentId);
    offers.push({ callId: call.callId, queueId: queue.id, ...decision });
  }
  return offers;
}
