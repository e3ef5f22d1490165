import type { IvrExitClass } from '@switchboard/shared';

// 转IVR by agent (CTI-10): of the sessions each agent sent into a flow, how each ended — the last
// self-service (`served`) node the caller reached, e.g. a survey's rating, else the exit class.

export type TransferredSession = { staffId: number; path: string[]; exitClass: IvrExitClass | null };
export type AgentOutcomes = { staffId: number; sessions: number; outcomes: Record<string, number> };

export function outcomesByAgent(sessions: TransferredSession[], servedNodeIds: Set<string>): AgentOutcomes[] {
  const byAgent = new Map<number, AgentOutcomes>();
  for (const s of sessions) {
    let row = byAgent.get(s.staffId);
    if (row === undefined) {
      row = { staffId: s.staffId, sessions: 0, outcomes: {} };
      byAgent.set(s.staffId, row);
    }
    row.sessions++;
    const served = s.path.findLast((id) => servedNodeIds.has(id));
    const outcome = served ?? s.exitClass ?? 'unfinished';
    row.outcomes[outcome] = (row.outcomes[outcome] ?? 0) + 1;
  }
  return [...byAgent.values()].sort((a, b) => b.sessions - a.sessions || a.staffId - b.staffId);
}
