import type { IvrAgentOutcomes, IvrAnalytics, IvrExitClass, IvrLogEvent, IvrNode } from '@switchboard/shared';
import type { Db } from '../../db/database.ts';
import { journeyAnalytics } from '../../ivr/journey-analytics.ts';
import { type AgentOutcomes, outcomesByAgent } from '../../ivr/transfer-outcomes.ts';
import { listVersions } from './ivr-flow.repository.ts';

/** IVR-6 over the calls of one flow (all its versions) that started in [from, to). */
export async function flowAnalytics(db: Db, flowId: number, from: Date, to: Date): Promise<IvrAnalytics> {
  const versions = await listVersions(db, flowId);
  const versionIds = versions.map((v) => v.id);
  if (versionIds.length === 0) return { ...journeyAnalytics([], [], []), byAgent: [] };
  const nodes = new Map<string, Pick<IvrNode, 'id' | 'name' | 'type'>>();
  // newest version's names win; nodes of older versions keep theirs
  for (const v of [...versions].reverse())
    for (const n of v.definition.nodes) nodes.set(n.id, { id: n.id, name: n.name || n.id, type: n.type });
  const sessions = await db
    .selectFrom('ivr_sessions')
    .select(['call_id', 'session_no', 'service', 'exit_class', 'transferred_by', 'path'])
    .where('flow_version_id', 'in', versionIds)
    .where('started_at', '>=', from)
    .where('started_at', '<', to)
    .execute();
  // A call meets the IVR once on arrival and once per transfer to a flow: each session counts.
  const key = (r: { call_id: string; session_no: number }) => `${r.call_id}/${r.session_no}`;
  const wanted = new Set(sessions.map(key));
  const callIds = [...new Set(sessions.map((s) => s.call_id))];
  const logs =
    callIds.length === 0
      ? []
      : await db
          .selectFrom('ivr_log')
          .select(['call_id', 'session_no', 'seq', 'at', 'node_id', 'event', 'detail'])
          .where('call_id', 'in', callIds)
          .where('event', 'in', ['node_enter', 'node_exit', 'timeout', 'error_prompt'])
          .execute();
  const served = new Set(
    versions.flatMap((v) => v.definition.nodes.filter((n) => n.served).map((n) => n.id)),
  );
  const transferred = sessions.flatMap((x) =>
    x.transferred_by === null
      ? []
      : [{ staffId: x.transferred_by, path: x.path, exitClass: x.exit_class as IvrExitClass | null }],
  );
  const journeys = journeyAnalytics(
    [...nodes.values()],
    sessions.map((s) => ({
      callId: key(s),
      service: s.service,
      exitClass: s.exit_class as IvrExitClass | null,
    })),
    logs
      .filter((l) => wanted.has(key(l)))
      .map((l) => ({
        callId: key(l),
        seq: l.seq,
        at: new Date(l.at),
        nodeId: l.node_id,
        event: l.event as IvrLogEvent,
        detail: l.detail,
      })),
  );
  return { ...journeys, byAgent: await withNames(db, outcomesByAgent(transferred, served)) };
}

async function withNames(db: Db, rows: AgentOutcomes[]): Promise<IvrAgentOutcomes[]> {
  if (rows.length === 0) return [];
  const staff = await db
    .selectFrom('staff')
    .select(['id', 'employee_no', 'name'])
    .where(
      'id',
      'in',
      rows.map((r) => r.staffId),
    )
    .execute();
  const byId = new Map(staff.map((x) => [x.id, x]));
  return rows.map((r) => ({
    ...r,
    employeeNo: byId.get(r.staffId)?.employee_no ?? '',
    name: byId.get(r.staffId)?.name ?? '',
  }));
}
