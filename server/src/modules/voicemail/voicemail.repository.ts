import type { Voicemail, VoicemailDetail, VoicemailListQuery, VoicemailState } from '@switchboard/shared';
import { VOICEMAIL_STATES } from '@switchboard/shared';
import { type ExpressionBuilder, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import type { VoicemailTable } from './voicemail.tables.ts';

// Reads of the voicemail box (VM-1), shaped for the desktop.
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const ref = (id: number | null, name: string | null) => (id === null ? null : { id, name: name ?? '' });

function baseQuery(db: Db) {
  return db
    .selectFrom('voicemails as v')
    .leftJoin('customers as c', 'c.id', 'v.customer_id')
    .leftJoin('skill_groups as g', 'g.id', 'v.skill_group_id')
    .leftJoin('staff as a', 'a.id', 'v.assigned_to')
    .leftJoin('staff as h', 'h.id', 'v.handled_by')
    .selectAll('v')
    .select([
      'c.name as customer_name',
      'g.name as group_name',
      'a.name as assignee_name',
      'h.name as handler_name',
    ]);
}
type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;
type LastCallBack = Voicemail['lastCallBack'];

function toVoicemail(r: Row, lastCallBack: LastCallBack): Voicemail {
  return {
    id: r.id,
    callId: r.call_id,
    callerNumber: r.caller_number,
    customer: ref(r.customer_id, r.customer_name),
    queueId: r.queue_id,
    skillGroup: ref(r.skill_group_id, r.group_name),
    reason: r.reason,
    durationMs: r.duration_ms,
    recordedAt: iso(r.recorded_at) ?? '',
    state: r.state,
    assignedTo: ref(r.assigned_to, r.assignee_name),
    assignedAt: iso(r.assigned_at),
    handledBy: ref(r.handled_by, r.handler_name),
    handledAt: iso(r.handled_at),
    result: r.result,
    lastCallBack,
  };
}

/** Every call back of these voicemails, newest first, with the CDR's disposition once written. */
async function callBacksOf(db: Db, voicemailIds: number[]) {
  if (voicemailIds.length === 0) return [];
  return db
    .selectFrom('voicemail_callbacks as b')
    .innerJoin('staff as s', 's.id', 'b.dialled_by')
    .leftJoin('cdrs as d', 'd.call_id', 'b.call_id')
    .select([
      'b.voicemail_id',
      'b.call_id',
      'b.dialled_by',
      's.name as dialled_by_name',
      'b.dialled_at',
      'b.ended_at',
      'b.end_cause',
      'd.disposition',
      'd.ended_at as cdr_ended_at',
    ])
    .where('b.voicemail_id', 'in', voicemailIds)
    .orderBy('b.id', 'desc')
    .execute();
}
type CallBackRow = Awaited<ReturnType<typeof callBacksOf>>[number];
const resultOf = (b: CallBackRow) => b.disposition ?? b.end_cause ?? null;

export async function listVoicemails(db: Db, q: VoicemailListQuery, meId: number) {
  const filters = (eb: ExpressionBuilder<Database & { v: VoicemailTable }, 'v'>) =>
    eb.and([
      ...(q.mine === true ? [eb('v.assigned_to', '=', meId)] : []),
      ...(q.reason !== undefined ? [eb('v.reason', '=', q.reason)] : []),
      ...(q.from !== undefined ? [eb('v.recorded_at', '>=', q.from)] : []),
      ...(q.to !== undefined ? [eb('v.recorded_at', '<', q.to)] : []),
    ]);
  const rows = await baseQuery(db)
    .where(filters)
    .$if(q.state !== undefined, (x) => x.where('v.state', '=', q.state ?? 'new'))
    .orderBy('v.recorded_at', 'desc')
    .orderBy('v.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const countRows = await countQuery(db).where(filters).groupBy('v.state').execute();
  const counts = Object.fromEntries(VOICEMAIL_STATES.map((s) => [s, 0])) as Record<VoicemailState, number>;
  for (const c of countRows) counts[c.state] = Number(c.n);
  const total = q.state !== undefined ? counts[q.state] : Object.values(counts).reduce((a, b) => a + b, 0);
  const callBacks = await callBacksOf(
    db,
    rows.map((r) => r.id),
  );
  const latest = (id: number): LastCallBack => {
    const b = callBacks.find((c) => c.voicemail_id === id);
    return b ? { callId: b.call_id, at: iso(b.dialled_at) ?? '', result: resultOf(b) } : null;
  };
  return {
    items: rows.map((r) => toVoicemail(r, latest(r.id))),
    total,
    page: q.page,
    pageSize: q.pageSize,
    counts,
  };
}

function countQuery(db: Db) {
  return db.selectFrom('voicemails as v').select(['v.state', sql<number>`count(*)::int`.as('n')]);
}

export async function getVoicemailDetail(db: Db, id: number): Promise<VoicemailDetail | undefined> {
  const row = await baseQuery(db).where('v.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [events, callBacks] = await Promise.all([
    db
      .selectFrom('voicemail_events as e')
      .leftJoin('staff as s', 's.id', 'e.actor_id')
      .select(['e.id', 'e.at', 'e.actor_id', 's.name as actor_name', 'e.action', 'e.note'])
      .where('e.voicemail_id', '=', id)
      .orderBy('e.id')
      .execute(),
    callBacksOf(db, [id]),
  ]);
  const first = callBacks[0];
  return {
    ...toVoicemail(
      row,
      first ? { callId: first.call_id, at: iso(first.dialled_at) ?? '', result: resultOf(first) } : null,
    ),
    events: events.map((e) => ({
      id: Number(e.id),
      at: iso(e.at) ?? '',
      actor: ref(e.actor_id, e.actor_name),
      action: e.action,
      note: e.note,
    })),
    callBacks: callBacks.map((b) => ({
      callId: b.call_id,
      dialledBy: { id: b.dialled_by, name: b.dialled_by_name },
      dialledAt: iso(b.dialled_at) ?? '',
      endedAt: iso(b.cdr_ended_at ?? b.ended_at),
      result: resultOf(b),
    })),
  };
}

/** Who a lead may assign a voicemail to: active staff who take calls. */
export async function listAssignees(db: Db) {
  const items = await db
    .selectFrom('staff as s')
    .select(['s.id', 's.employee_no as employeeNo', 's.name'])
    .where('s.active', '=', true)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('staff_roles as r')
          .select('r.staff_id')
          .whereRef('r.staff_id', '=', 's.id')
          .where('r.role', 'in', ['agent', 'team_lead', 'duty_lead']),
      ),
    )
    .orderBy('s.employee_no')
    .execute();
  return { items };
}
