import type {
  Announcement,
  AnnouncementAudience,
  AnnouncementListQuery,
  AnnouncementStatus,
  MyAnnouncement,
} from '@switchboard/shared';
import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { offsetOf } from '../../http/pagination.ts';
import { likePattern } from '../directory/references.ts';

// Plain functions over `db` or a transaction. Deleted rows (deleted_at set) are invisible here.

type Eb = ExpressionBuilder<Database & { a: Database['announcements'] }, 'a'>;
const MINE_LIMIT = 100;

const iso = (d: Date | string) => new Date(d).toISOString();

/** Valid at `now`: started, not yet ended, not deleted. */
const liveAt = (now: Date) => (eb: Eb) =>
  eb.and([
    eb('a.deleted_at', 'is', null),
    eb('a.valid_from', '<=', now),
    eb.or([eb('a.valid_to', 'is', null), eb('a.valid_to', '>', now)]),
  ]);

/** Addressed to this person: everyone, them, one of their skill groups, or their area. */
const addressedTo = (staffId: number) => (eb: Eb) => {
  const targets = () =>
    eb
      .selectFrom('announcement_targets as t')
      .select('t.target_id')
      .whereRef('t.announcement_id', '=', 'a.id');
  return eb.or([
    eb('a.audience', '=', 'all'),
    eb.and([eb('a.audience', '=', 'staff'), eb.exists(targets().where('t.target_id', '=', staffId))]),
    eb.and([
      eb('a.audience', '=', 'skill_groups'),
      eb.exists(
        targets()
          .innerJoin('staff_skills as k', 'k.skill_group_id', 't.target_id')
          .where('k.staff_id', '=', staffId),
      ),
    ]),
    eb.and([
      eb('a.audience', '=', 'areas'),
      eb.exists(targets().innerJoin('staff as s', 's.area_id', 't.target_id').where('s.id', '=', staffId)),
    ]),
  ]);
};

function statusAt(now: Date, validFrom: Date, validTo: Date | null): AnnouncementStatus {
  if (validFrom > now) return 'scheduled';
  if (validTo && validTo <= now) return 'expired';
  return 'active';
}

function adminQuery(db: Db) {
  return db
    .selectFrom('announcements as a')
    .leftJoin('staff as c', 'c.id', 'a.created_by')
    .select((eb) => [
      'a.id',
      'a.title',
      'a.body',
      'a.urgent',
      'a.valid_from',
      'a.valid_to',
      'a.audience',
      'a.created_by',
      'c.name as created_by_name',
      'a.created_at',
      'a.updated_at',
      eb
        .selectFrom('announcement_reads as r')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('r.announcement_id', '=', 'a.id')
        .as('read_count'),
    ])
    .where('a.deleted_at', 'is', null);
}
type AdminRow = Awaited<ReturnType<ReturnType<typeof adminQuery>['executeTakeFirstOrThrow']>>;

/** Target ids of each announcement, with a label a person recognises (工号 姓名, group, area). */
async function targetsOf(db: Db, rows: { id: number; audience: AnnouncementAudience }[]) {
  const byAnnouncement = new Map<number, { id: number; label: string }[]>();
  const ids = rows.filter((r) => r.audience !== 'all').map((r) => r.id);
  if (ids.length === 0) return byAnnouncement;
  const targets = await db
    .selectFrom('announcement_targets')
    .select(['announcement_id', 'target_id'])
    .where('announcement_id', 'in', ids)
    .orderBy('target_id')
    .execute();
  const targetIds = [...new Set(targets.map((t) => t.target_id))];
  const labels = await labelsFor(db, targetIds);
  const audienceOf = new Map(rows.map((r) => [r.id, r.audience]));
  for (const t of targets) {
    const audience = audienceOf.get(t.announcement_id) ?? 'all';
    const label = labels[audience]?.get(t.target_id) ?? `#${t.target_id}`;
    const list = byAnnouncement.get(t.announcement_id) ?? [];
    list.push({ id: t.target_id, label });
    byAnnouncement.set(t.announcement_id, list);
  }
  return byAnnouncement;
}

async function labelsFor(
  db: Db,
  ids: number[],
): Promise<Partial<Record<AnnouncementAudience, Map<number, string>>>> {
  if (ids.length === 0) return {};
  const [staff, groups, areas] = await Promise.all([
    db.selectFrom('staff').select(['id', 'employee_no', 'name']).where('id', 'in', ids).execute(),
    db.selectFrom('skill_groups').select(['id', 'name']).where('id', 'in', ids).execute(),
    db.selectFrom('areas').select(['id', 'name']).where('id', 'in', ids).execute(),
  ]);
  return {
    staff: new Map(staff.map((s) => [s.id, `${s.employee_no} ${s.name}`])),
    skill_groups: new Map(groups.map((g) => [g.id, g.name])),
    areas: new Map(areas.map((a) => [a.id, a.name])),
  };
}

async function toViews(db: Db, rows: AdminRow[], now: Date): Promise<Announcement[]> {
  const targets = await targetsOf(db, rows);
  return rows.map((r) => {
    const validFrom = new Date(r.valid_from);
    const validTo = r.valid_to === null ? null : new Date(r.valid_to);
    return {
      id: r.id,
      title: r.title,
      body: r.body,
      urgent: r.urgent,
      validFrom: validFrom.toISOString(),
      validTo: validTo?.toISOString() ?? null,
      status: statusAt(now, validFrom, validTo),
      audience: r.audience,
      targets: targets.get(r.id) ?? [],
      createdById: r.created_by,
      createdByName: r.created_by_name,
      createdAt: iso(r.created_at),
      updatedAt: iso(r.updated_at),
      readCount: Number(r.read_count ?? 0),
    };
  });
}

export type StoredAnnouncement = {
  title: string;
  body: string;
  urgent: boolean;
  validFrom: Date;
  validTo: Date | null;
  audience: AnnouncementAudience;
  targetIds: number[];
};

export const announcementRepository = {
  async list(db: Db, q: AnnouncementListQuery, now: Date) {
    let query = adminQuery(db);
    if (q.q) {
      const p = likePattern(q.q);
      query = query.where((eb) => eb.or([eb('a.title', 'ilike', p), eb('a.body', 'ilike', p)]));
    }
    if (q.urgent) query = query.where('a.urgent', '=', q.urgent === 'true');
    if (q.status === 'scheduled') query = query.where('a.valid_from', '>', now);
    if (q.status === 'expired') query = query.where('a.valid_to', '<=', now);
    if (q.status === 'active') query = query.where(liveAt(now));
    const [rows, count] = await Promise.all([
      query
        .orderBy('a.created_at', 'desc')
        .orderBy('a.id', 'desc')
        .limit(q.pageSize)
        .offset(offsetOf(q))
        .execute(),
      query
        .clearSelect()
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return { items: await toViews(db, rows, now), total: Number(count.n) };
  },

  async get(db: Db, id: number, now: Date): Promise<Announcement | undefined> {
    const row = await adminQuery(db).where('a.id', '=', id).executeTakeFirst();
    return row ? (await toViews(db, [row], now))[0] : undefined;
  },

  /** The stored fields, for merging a partial change; undefined when absent or deleted. */
  async getStored(trx: Db, id: number): Promise<StoredAnnouncement | undefined> {
    const row = await trx
      .selectFrom('announcements')
      .select(['title', 'body', 'urgent', 'valid_from', 'valid_to', 'audience'])
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return undefined;
    const targets = await trx
      .selectFrom('announcement_targets')
      .select('target_id')
      .where('announcement_id', '=', id)
      .orderBy('target_id')
      .execute();
    return {
      title: row.title,
      body: row.body,
      urgent: row.urgent,
      validFrom: new Date(row.valid_from),
      validTo: row.valid_to === null ? null : new Date(row.valid_to),
      audience: row.audience,
      targetIds: targets.map((t) => t.target_id),
    };
  },

  async insert(trx: Db, a: StoredAnnouncement, createdBy: number, now: Date): Promise<number> {
    const row = await trx
      .insertInto('announcements')
      .values({
        title: a.title,
        body: a.body,
        urgent: a.urgent,
        valid_from: a.validFrom,
        valid_to: a.validTo,
        audience: a.audience,
        created_by: createdBy,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await replaceTargets(trx, row.id, a.targetIds);
    return row.id;
  },

  async update(trx: Db, id: number, a: StoredAnnouncement, now: Date): Promise<void> {
    await trx
      .updateTable('announcements')
      .set({
        title: a.title,
        body: a.body,
        urgent: a.urgent,
        valid_from: a.validFrom,
        valid_to: a.validTo,
        audience: a.audience,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    await replaceTargets(trx, id, a.targetIds);
  },

  /** Soft delete; false when there is no such (undeleted) announcement. */
  async softDelete(trx: Db, id: number, now: Date): Promise<boolean> {
    const r = await trx
      .updateTable('announcements')
      .set({ deleted_at: now, updated_at: now })
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },

  /** Which of `ids` exist in the table the audience names. */
  async existingTargets(db: Db, audience: Exclude<AnnouncementAudience, 'all'>, ids: number[]) {
    if (ids.length === 0) return new Set<number>();
    const table = audience === 'staff' ? 'staff' : audience;
    const rows = await db.selectFrom(table).select('id').where('id', 'in', ids).execute();
    return new Set(rows.map((r) => r.id));
  },

  /** What this person may see now: urgent first, then newest. */
  async mine(db: Db, staffId: number, now: Date): Promise<MyAnnouncement[]> {
    const rows = await db
      .selectFrom('announcements as a')
      .select((eb) => [
        'a.id',
        'a.title',
        'a.body',
        'a.urgent',
        'a.valid_from',
        'a.valid_to',
        eb
          .exists(
            eb
              .selectFrom('announcement_reads as r')
              .select('r.staff_id')
              .whereRef('r.announcement_id', '=', 'a.id')
              .where('r.staff_id', '=', staffId),
          )
          .as('read'),
      ])
      .where(liveAt(now))
      .where(addressedTo(staffId))
      .orderBy('a.urgent', 'desc')
      .orderBy('a.valid_from', 'desc')
      .orderBy('a.id', 'desc')
      .limit(MINE_LIMIT)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      body: r.body,
      urgent: r.urgent,
      validFrom: iso(r.valid_from),
      validTo: r.valid_to === null ? null : iso(r.valid_to),
      read: Boolean(r.read),
    }));
  },

  /** Records that this person opened it; false when it is not (or no longer) addressed to them. */
  async markRead(db: Db, id: number, staffId: number, now: Date): Promise<boolean> {
    const visible = await db
      .selectFrom('announcements as a')
      .select('a.id')
      .where('a.id', '=', id)
      .where(liveAt(now))
      .where(addressedTo(staffId))
      .executeTakeFirst();
    if (!visible) return false;
    await db
      .insertInto('announcement_reads')
      .values({ announcement_id: id, staff_id: staffId, read_at: now })
      .onConflict((oc) => oc.columns(['announcement_id', 'staff_id']).doNothing())
      .execute();
    return true;
  },
};

async function replaceTargets(trx: Db, id: number, targetIds: number[]): Promise<void> {
  await trx.deleteFrom('announcement_targets').where('announcement_id', '=', id).execute();
  const unique = [...new Set(targetIds)];
  if (unique.length) {
    await trx
      .insertInto('announcement_targets')
      .values(unique.map((target_id) => ({ announcement_id: id, target_id })))
      .execute();
  }
}
