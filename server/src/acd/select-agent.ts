import type {
  AgentView,
  OverflowReason,
  QueueConfig,
  QueuedCall,
  RoutingContext,
  RoutingDecision,
} from './acd.types.ts';
import type { AgentPool, Pick, Ranking, Source } from './agent-pool.ts';
import { createAgentPool } from './agent-pool.ts';
import { explainOffer } from './explain-decision.ts';
import { overflowReason } from './overflow.ts';
import { skillGroupName } from './routing-context.ts';

/**
 * The agent to offer one waiting call to now, or null to keep it waiting (ACD-2, ACD-3, ACD-4).
 * `agents` must list every signed-in agent, busy ones too, so "no skilled agent signed in" can be told
 * apart from "all skilled agents busy".
 */
export function selectAgent(
  call: QueuedCall,
  queue: QueueConfig,
  agents: readonly AgentView[],
  now: Date,
  ctx: RoutingContext,
): RoutingDecision | null {
  return decideForCall(call, queue, createAgentPool(agents, ctx), now, ctx);
}

/**
 * One decision against a pool shared by a whole pass (see `assignCalls`): the queue's skill first;
 * 综合 agents only when no skilled agent is free and the call may overflow. Does not take the agent.
 */
export function decideForCall(
  call: QueuedCall,
  queue: QueueConfig,
  pool: AgentPool,
  now: Date,
  ctx: RoutingContext,
): RoutingDecision | null {
  const excluded = call.excludedAgentIds ?? [];
  const ranking: Ranking = call.vip ? 'vip' : queue.policy;
  const skilled = pool.best('skill', queue.skillGroupId, ranking, excluded);
  if (skilled) return decision(skilled, 'skill', ranking, null, queue, now, ctx);

  const reason = overflowReason(call, queue, now, pool.skilledSignedIn(queue.skillGroupId, excluded));
  if (!reason) return null;
  const overflow = pool.best('overflow', queue.skillGroupId, ranking, excluded);
  return overflow ? decision(overflow, 'overflow', ranking, reason, queue, now, ctx) : null;
}

function decision(
  pick: Pick,
  source: Source,
  ranking: Ranking,
  reason: OverflowReason | null,
  queue: QueueConfig,
  now: Date,
  ctx: RoutingContext,
): RoutingDecision {
  const { agent, level, skillGroupId } = pick.candidate;
  const since = (at: Date | null) => (at === null ? null : now.getTime() - at.getTime());
  const explanation = explainOffer({
    employeeNo: agent.employeeNo,
    source,
    ranking,
    groupName: skillGroupName(ctx, skillGroupId),
    level,
    available: pick.available,
    idleMs: since(agent.idleSince),
    callsHandledToday: agent.callsHandledToday,
    sinceLastOfferMs: since(agent.lastOfferedAt),
    overflow: reason && {
      reason,
      queueName: queue.name,
      skillName: skillGroupName(ctx, queue.skillGroupId),
    },
  });
  return { agentId: agent.agentId, via: source, explanation };
}
