import {
  type IvrFlow,
  type IvrFlowDefinition,
  type IvrFlowVersion,
  ivrFlowDefinitionSchema,
} from '@switchboard/shared';
import type { Db } from '../../db/database.ts';

// Flows and their versions. A version's definition is validated (zod) on the way out too, so a
// stored row from an older shape fails loudly rather than running half-understood.

const iso = (d: Date | string) => new Date(d).toISOString();

export async function listFlows(db: Db): Promise<IvrFlow[]> {
  const rows = await db
    .selectFrom('ivr_flows as f')
    .leftJoin('ivr_flow_versions as p', 'p.id', 'f.published_version_id')
    .select((eb) => [
      'f.id',
      'f.name',
      'f.access_code',
      'f.published_version_id',
      'f.updated_at',
      'p.version as published_version',
      eb
        .selectFrom('ivr_flow_versions as v')
        .select((e) => e.fn.max('v.version').as('m'))
        .whereRef('v.flow_id', '=', 'f.id')
        .as('latest_version'),
    ])
    .orderBy('f.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    accessCode: r.access_code,
    publishedVersionId: r.published_version_id,
    publishedVersion: r.published_version ?? null,
    latestVersion: r.latest_version === null ? null : Number(r.latest_version),
    updatedAt: iso(r.updated_at),
  }));
}

export async function findFlow(db: Db, id: number): Promise<IvrFlow | undefined> {
  return (await listFlows(db)).find((f) => f.id === id);
}

type VersionRow = {
  id: number;
  flow_id: number;
  version: number;
  status: 'draft' | 'published' | 'retired';
  definition: unknown;
  created_at: Date;
  published_at: Date | null;
};
const toVersion = (r: VersionRow): IvrFlowVersion => ({
  id: r.id,
  flowId: r.flow_id,
  version: r.version,
  status: r.status,
  definition: ivrFlowDefinitionSchema.parse(r.definition),
  createdAt: iso(r.created_at),
  publishedAt: r.published_at === null ? null : iso(r.published_at),
});

const versionColumns = [
  'id',
  'flow_id',
  'version',
  'status',
  'definition',
  'created_at',
  'published_at',
] as const;

export async function listVersions(db: Db, flowId: number): Promise<IvrFlowVersion[]> {
  const rows = await db
    .selectFrom('ivr_flow_versions')
    .select(versionColumns)
    .where('flow_id', '=', flowId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map(toVersion);
}

export async function findVersion(
  db: Db,
  flowId: number,
  version: number,
): Promise<IvrFlowVersion | undefined> {
  const row = await db
    .selectFrom('ivr_flow_versions')
    .select(versionColumns)
    .where('flow_id', '=', flowId)
    .where('version', '=', version)
    .executeTakeFirst();
  return row && toVersion(row);
}

export async function findVersionById(db: Db, id: number): Promise<IvrFlowVersion | undefined> {
  const row = await db
    .selectFrom('ivr_flow_versions')
    .select(versionColumns)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toVersion(row);
}

/** The published version of the flow an access code points to (ACD-1), if any. */
export async function publishedFlowForAccessCode(
  db: Db,
  accessCode: string,
): Promise<{ flowName: string; version: IvrFlowVersion } | undefined> {
  return publishedFlowWhere(db, 'f.access_code', accessCode);
}

/** The published version of a flow by id (an agent's transfer to IVR, CTI-10), if any. */
export async function publishedFlowById(
  db: Db,
  flowId: number,
): Promise<{ flowName: string; version: IvrFlowVersion } | undefined> {
  return publishedFlowWhere(db, 'f.id', flowId);
}

async function publishedFlowWhere(
  db: Db,
  column: 'f.access_code' | 'f.id',
  value: string | number,
): Promise<{ flowName: string; version: IvrFlowVersion } | undefined> {
  const row = await db
    .selectFrom('ivr_flows as f')
    .innerJoin('ivr_flow_versions as v', 'v.id', 'f.published_version_id')
    .select([
      'f.name',
      'v.id',
      'v.flow_id',
      'v.version',
      'v.status',
      'v.definition',
      'v.created_at',
      'v.published_at',
    ])
    .where(column, '=', value)
    .executeTakeFirst();
  return row && { flowName: row.name, version: toVersion(row) };
}

export async function insertFlow(
  db: Db,
  input: {
    name: string;
    accessCode: string | null;
    definition: IvrFlowDefinition;
    createdBy: number | null;
    now: Date;
  },
): Promise<{ flowId: number; versionId: number }> {
  const flow = await db
    .insertInto('ivr_flows')
    .values({ name: input.name, access_code: input.accessCode, created_at: input.now, updated_at: input.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const version = await db
    .insertInto('ivr_flow_versions')
    .values({
      flow_id: flow.id,
      version: 1,
      status: 'draft',
      definition: JSON.stringify(input.definition),
      created_by: input.createdBy,
      created_at: input.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { flowId: flow.id, versionId: version.id };
}
