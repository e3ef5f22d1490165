import type { RoutingContext } from './acd.types.ts';

/** Builds the routing context from the directory's skill groups and the CTI's signed-in agents. */
export function routingContext(
  skillGroups: readonly { id: number; name: string; isComprehensive: boolean }[],
  signedInAgentIds: Iterable<number>,
): RoutingContext {
  return {
    skillGroupNames: new Map(skillGroups.map((g) => [g.id, g.name])),
    comprehensiveSkillGroupIds: new Set(skillGroups.filter((g) => g.isComprehensive).map((g) => g.id)),
    signedInAgentIds: new Set(signedInAgentIds),
  };
}

export function skillGroupName(ctx: RoutingContext, skillGroupId: number): string {
  return ctx.skillGroupNames.get(skillGroupId) ?? `#${skillGroupId}`;
}
