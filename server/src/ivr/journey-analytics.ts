import type { IvrAnalytics, IvrExitClass, IvrLogEvent, IvrNode, IvrNodeStats } from '@switchboard/shared';

// Journey analytics (IVR-6), a pure function of the IVR log: per node visits, exits by reason,
// timeouts, error prompts, abandons (caller hung up at the node) and mean time spent; per service
// self-service and transfer-to-agent rates; the links between nodes for the sankey/tree.

export type AnalyticsSession = { callId: string; service: string | null; exitClass: IvrExitClass | null };
export type AnalyticsLogRow = {
  callId: string;
  seq: number;
  at: Date;
  nodeId: string | null;
  event: IvrLogEvent;
  detail: Record<string, unknown>;
};

const rate = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 10000) / 10000);

export function journeyAnalytics(
  nodes: Pick<IvrNode, 'id' | 'name' | 'type'>[],
  sessions: AnalyticsSession[],
  logs: AnalyticsLogRow[],
): Omit<IvrAnalytics, 'byAgent'> {
  const stats = new Map<string, IvrNodeStats & { totalMs: number; timed: number }>();
  const statOf = (id: string) => {
    let s = stats.get(id);
    if (s === undefined) {
      const node = nodes.find((n) => n.id === id);
      s = {
        nodeId: id,
        name: node?.name ?? id,
        type: node?.type ?? 'unknown',
        visits: 0,
        exits: {},
        timeouts: 0,
        errors: 0,
        abandons: 0,
        abandonRate: 0,
        meanTimeMs: 0,
        totalMs: 0,
        timed: 0,
      };
      stats.set(id, s);
    }
    return s;
  };
  for (const n of nodes) statOf(n.id);

  const links = new Map<string, number>();
  const byCall = new Map<string, AnalyticsLogRow[]>();
  for (const row of logs) {
    const rows = byCall.get(row.callId) ?? [];
    rows.push(row);
    byCall.set(row.callId, rows);
  }
  for (const rows of byCall.values()) {
    rows.sort((a, b) => a.seq - b.seq);
    let entered: { nodeId: string; at: number } | null = null;
    let previous: string | null = null;
    for (const row of rows) {
      if (row.nodeId === null) continue;
      const s = statOf(row.nodeId);
      if (row.event === 'node_enter') {
        s.visits += 1;
        entered = { nodeId: row.nodeId, at: row.at.getTime() };
        if (previous !== null) {
          const key = `${previous}\u0000${row.nodeId}`;
          links.set(key, (links.get(key) ?? 0) + 1);
        }
        previous = row.nodeId;
      } else if (row.event === 'node_exit') {
        const reason = String(row.detail.reason ?? 'done');
        s.exits[reason] = (s.exits[reason] ?? 0) + 1;
        if (reason === 'caller_hangup') s.abandons += 1;
        if (entered !== null && entered.nodeId === row.nodeId) {
          s.totalMs += row.at.getTime() - entered.at;
          s.timed += 1;
          entered = null;
        }
      } else if (row.event === 'timeout') s.timeouts += 1;
      else if (row.event === 'error_prompt') s.errors += 1;
    }
  }

  const exits: Record<string, number> = {};
  const services = new Map<string, { calls: number; selfServed: number; transferred: number }>();
  for (const session of sessions) {
    if (session.exitClass !== null) exits[session.exitClass] = (exits[session.exitClass] ?? 0) + 1;
    if (session.service === null) continue;
    const s = services.get(session.service) ?? { calls: 0, selfServed: 0, transferred: 0 };
    s.calls += 1;
    if (session.exitClass === 'self_served') s.selfServed += 1;
    if (session.exitClass === 'transferred_agent' || session.exitClass === 'abandoned_queue')
      s.transferred += 1;
    services.set(session.service, s);
  }

  return {
    calls: sessions.length,
    exits,
    nodes: [...stats.values()].map(({ totalMs, timed, ...s }) => ({
      ...s,
      abandonRate: rate(s.abandons, s.visits),
      meanTimeMs: timed === 0 ? 0 : Math.round(totalMs / timed),
    })),
    services: [...services.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([service, s]) => ({
        service,
        ...s,
        selfServiceRate: rate(s.selfServed, s.calls),
        transferRate: rate(s.transferred, s.calls),
      })),
    links: [...links.entries()].map(([key, value]) => {
      const [source = '', target = ''] = key.split('\u0000');
      return { source, target, value };
    }),
  };
}
