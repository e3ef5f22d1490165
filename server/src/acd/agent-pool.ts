import type { AgentView, RoutingContext, SelectionPolicy, SkillLevel } from './acd.types.ts';

// The agents of one routing pass, indexed once by skill group so each call looks only at agents
// of its own skill (or of 综合), in lists sorted once per ranking. Taking an agent is permanent
// for the pass, so a cursor skips the taken head of each list.

/** A VIP call ignores the queue policy: highest level first (ACD-3). */
export type Ranking = SelectionPolicy | 'vip';
export type Source = 'skill' | 'overflow';

export type Candidate = {
  agent: AgentView;
  /** Level in `skillGroupId`: the queue's skill, or the agent's best 综合 group on overflow. */
  level: SkillLevel;
  skillGroupId: number;
  idleKey: number;
  offeredKey: number;
};

export type Pick = { candidate: Candidate; available: number };

export type AgentPool = {
  /** The best free agent for a call, and how many free agents it was chosen from. */
  best(source: Source, skillGroupId: number, ranking: Ranking, excluded: readonly number[]): Pick | null;
  take(agentId: number): void;
  /** Whether an agent of this skill is signed in (busy or not), other than the excluded ones. */
  skilledSignedIn(skillGroupId: number, excluded: readonly number[]): boolean;
  freeCount(): number;
};

type Compare = (a: Candidate, b: Candidate) => number;

const num = (x: number, y: number) => (x < y ? -1 : x > y ? 1 : 0);
const byLevel: Compare = (a, b) => b.level - a.level;
const byIdle: Compare = (a, b) => num(a.idleKey, b.idleKey);
const byCalls: Compare = (a, b) => a.agent.callsHandledToday - b.agent.callsHandledToday;
const byLastOffer: Compare = (a, b) => num(a.offeredKey, b.offeredKey);
const byId: Compare = (a, b) => a.agent.agentId - b.agent.agentId;

/** Each ranking as a chain of criteria; agentId last so no two agents ever tie. */
const CRITERIA: Record<Ranking, Compare[]> = {
  longest_idle: [byIdle, byId],
  fewest_calls: [byCalls, byIdle, byId],
  highest_skill: [byLevel, byIdle, byId],
  // Stateless round robin: the agent offered a call longest ago (or never) is next.
  round_robin: [byLastOffer, byId],
  vip: [byLevel, byIdle, byId],
};

/** On overflow a higher 综合 level comes first (ACD-2), then the ranking. */
export function compareCandidates(source: Source, ranking: Ranking): Compare {
  const chain = source === 'overflow' ? [byLevel, ...CRITERIA[ranking]] : CRITERIA[ranking];
  return (a, b) => {
    for (const compare of chain) {
      const order = compare(a, b);
      if (order !== 0) return order;
    }
    return 0;
  };
}

function candidate(agent: AgentView, skillGroupId: number, level: SkillLevel): Candidate {
  return {
    agent,
    level,
    skillGroupId,
    // No idleSince ranks as just turned idle; never offered ranks as offered longest ago.
    idleKey: agent.idleSince?.getTime() ?? Number.POSITIVE_INFINITY,
    offeredKey: agent.lastOfferedAt?.getTime() ?? Number.NEGATIVE_INFINITY,
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function createAgentPool(agents: readonly AgentView[], ctx: RoutingContext): AgentPool {
  const bySkill = new Map<number, Candidate[]>();
  const comprehensive: Candidate[] = [];
  const signedInBySkill = new Map<number, number[]>();
  const taken = new Set<number>();
  let free = 0;

  for (const agent of agents) {
    const signedIn = agent.offerable || ctx.signedInAgentIds.has(agent.agentId);
    if (!signedIn) continue;
    let bestComprehensive: Candidate | null = null;
    for (const skill of agent.skills) {
      push(signedInBySkill, skill.skillGroupId, agent.agentId);
      if (!agent.offerable) continue;
      push(bySkill, skill.skillGroupId, candidate(agent, skill.skillGroupId, skill.level));
      const isBetter =
        bestComprehensive === null ||
        skill.level > bestComprehensive.level ||
        (skill.level === bestComprehensive.level && skill.skillGroupId < bestComprehensive.skillGroupId);
      if (ctx.comprehensiveSkillGroupIds.has(skill.skillGroupId) && isBetter) {
        bestComprehensive = candidate(agent, skill.skillGroupId, skill.level);
      }
    }
    if (bestComprehensive) comprehensive.push(bestComprehensive);
    if (agent.offerable) free++;
  }

  const sorted = new Map<string, { list: Candidate[]; cursor: number }>();
  const sortedList = (source: Source, skillGroupId: number, ranking: Ranking) => {
    const key = source === 'overflow' ? `overflow:${ranking}` : `skill:${skillGroupId}:${ranking}`;
    let entry = sorted.get(key);
    if (!entry) {
      const base = source === 'overflow' ? comprehensive : (bySkill.get(skillGroupId) ?? []);
      entry = { list: [...base].sort(compareCandidates(source, ranking)), cursor: 0 };
      sorted.set(key, entry);
    }
    return entry;
  };

  return {
    best(source, skillGroupId, ranking, excluded) {
      if (free === 0) return null;
      const entry = sortedList(source, skillGroupId, ranking);
      const { list } = entry;
      while (entry.cursor < list.length && taken.has(list[entry.cursor]!.agent.agentId)) entry.cursor++;
      let chosen: Candidate | null = null;
      let available = 0;
      for (let i = entry.cursor; i < list.length; i++) {
        const c = list[i]!;
        if (taken.has(c.agent.agentId) || excluded.includes(c.agent.agentId)) continue;
        chosen ??= c;
        available++;
      }
      return chosen ? { candidate: chosen, available } : null;
    },
    take(agentId) {
      if (!taken.has(agentId)) free--;
      taken.add(agentId);
    },
    skilledSignedIn(skillGroupId, excluded) {
      return (signedInBySkill.get(skillGroupId) ?? []).some((id) => !excluded.includes(id));
    },
    freeCount: () => free,
  };
}
