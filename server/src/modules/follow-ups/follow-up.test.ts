import type {
  DialCheck,
  FollowUpLog,
  FollowUpRule,
  FollowUpTask,
  FollowUpTaskDetail,
  RunRuleResult,
} from '@switchboard/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type LiveNotice, onLiveNotice } from '../../live/live-notices.ts';
import { describeOnEachDialect, type ErrorBody, type TestServer } from '../../testing/test-app.ts';
import { runFollowUpExtraction, runFollowUpOverdueWatch } from './index.ts';

// FUP-1 … FUP-7 through HTTP on the demo database, with the manual clock: the template is seeded
// at 2026-01-05T08:00Z and the clock starts at 09:00Z (17:00 China time). Demo customer i has a
// service dated 5 − (i mod 20) days from 2026-01-05, so every day holds three customers.
const HOUR = 3_600_000;
const BASE = '/api/follow-ups';

describeOnEachDialect('follow-ups', (server: () => TestServer) => {
  let lead = '';
  let agents: Record<string, string> = {};
  let staff: Record<string, number> = {};
  let groupId = 0;
  let afterUse = 0;
  const notices: LiveNotice[] = [];
  let stopListening = () => {};

  const api = <T>(method: string, path: string, cookie: string, body?: unknown) =>
    server().request<T>(method, BASE + path, body === undefined ? { cookie } : { cookie, body });
  const ruleInput = (over: Record<string, unknown>) => ({
    name: '测试回访',
    purpose: 'follow_up',
    categoryId: afterUse,
    daysAfterService: 10,
    groupId,
    deadlineDays: 2,
    retryHours: 4,
    maxAttempts: 2,
    ...over,
  });
  const tasksOfRule = (ruleId: number) =>
    server()
      .db.selectFrom('follow_up_tasks')
      .selectAll()
      .where('rule_id', '=', ruleId)
      .orderBy('id')
      .execute();

  const signInAll = async () => {
    lead = await server().login('2001');
    agents = {};
    for (const no of ['1010', '1011', '1012', '1013']) agents[no] = await server().login(no);
  };
  /** Moves the clock; sessions idle that long have expired, so everyone signs in again. */
  const advance = async (ms: number) => {
    server().clock.advance(ms);
    await signInAll();
  };

  beforeAll(async () => {
    const s = server();
    const rows = await s.db.selectFrom('staff').select(['id', 'employee_no']).execute();
    staff = Object.fromEntries(rows.map((r) => [r.employee_no, r.id]));
    await signInAll();
    const cats = await api<{ items: { id: number; name: string }[] }>('GET', '/categories', lead);
    afterUse = cats.body.items.find((c) => c.name === '产品使用后回访')?.id ?? 0;
    const group = await api<{ id: number }>('POST', '/groups', lead, {
      name: '测试回访组',
      memberIds: ['1010', '1011', '1012', '1013'].map((no) => staff[no]),
      leadIds: [staff['2001']],
    });
    expect(group.status).toBe(201);
    groupId = group.body.id;
    stopListening = onLiveNotice((n) => {
      if (n.topic === 'follow_up_overdue') notices.push(n);
    });
  });
  afterAll(() => stopListening());

  let firstRule = 0;
  it('FUP-3 builds the list of customers 10 days after service, shared evenly, with a deadline', async () => {
    const created = await api<FollowUpRule>('POST', '/rules', lead, ruleInput({ name: '使用 10 天后回访' }));
    expect(created.status).toBe(201);
    firstRule = created.body.id;
    await runFollowUpExtraction(server().db, server().clock.now());
    const tasks = await tasksOfRule(firstRule);
    expect(tasks).toHaveLength(3);
    expect(new Set(tasks.map((t) => t.assignee_id)).size).toBe(3);
    // Deadline: the start of the China-time day two days on (2026-01-07T00:00+08:00).
    expect(new Date(tasks[0]?.deadline_at ?? 0).toISOString()).toBe('2026-01-06T16:00:00.000Z');

    const second = await api<FollowUpRule>(
      'POST',
      '/rules',
      lead,
      ruleInput({ name: '使用 11 天后回访', daysAfterService: 11 }),
    );
    await runFollowUpExtraction(server().db, server().clock.now());
    const all = [...(await tasksOfRule(firstRule)), ...(await tasksOfRule(second.body.id))];
    const load = new Map<number, number>();
    for (const t of all) load.set(t.assignee_id, (load.get(t.assignee_id) ?? 0) + 1);
    expect([...load.values()].sort()).toEqual([1, 1, 2, 2]);
  });

  it('FUP-3 builds nothing new when run twice, by the schedule or by "run now"', async () => {
    await runFollowUpExtraction(server().db, server().clock.now());
    const again = await api<RunRuleResult>('POST', `/rules/${firstRule}/run`, lead);
    expect(again.status).toBe(200);
    expect(again.body.created).toBe(0);
    expect(await tasksOfRule(firstRule)).toHaveLength(3);
    const audit = await server()
      .db.selectFrom('audit_events')
      .select('action')
      .where('object_type', '=', 'follow_up_rule')
      .where('object_id', '=', String(firstRule))
      .execute();
    expect(audit.map((a) => a.action)).toContain('follow_up.run');
  });

  it('shows members only their own tasks; another member’s task reads as not found', async () => {
    const [task] = await tasksOfRule(firstRule);
    const owner = Object.keys(agents).find((no) => staff[no] === task?.assignee_id) ?? '';
    const other = Object.keys(agents).find((no) => no !== owner) ?? '';
    const mine = await api<{ items: FollowUpTask[] }>('GET', '/tasks/mine', agents[owner] ?? '');
    expect(mine.body.items.map((t) => t.id)).toContain(task?.id);
    const theirs = await api<{ items: FollowUpTask[] }>('GET', '/tasks/mine', agents[other] ?? '');
    expect(theirs.body.items.map((t) => t.id)).not.toContain(task?.id);
    expect((await api('GET', `/tasks/${task?.id}`, agents[other] ?? '')).status).toBe(404);
    expect(
      (await api('POST', `/tasks/${task?.id}/visits`, agents[other] ?? '', { outcome: 'done' })).status,
    ).toBe(404);
    expect((await api('GET', `/tasks/${task?.id}`, lead)).status).toBe(200);
    expect((await api('GET', '/rules', agents[owner] ?? '')).status).toBe(403);
    const supervisor = await server().login('5001');
    expect((await api('GET', '/tasks/mine', supervisor)).status).toBe(403);
  });

  it('rejects bad rules and visit forms with field errors and writes nothing', async () => {
    const before = (await api<{ items: unknown[] }>('GET', '/rules', lead)).body.items.length;
    const hours = await api<ErrorBody>(
      'POST',
      '/rules',
      lead,
      ruleInput({ callFrom: '20:00', callTo: '09:00' }),
    );
    expect(hours.status).toBe(400);
    expect(hours.body.error.fields?.map((f) => f.path)).toContain('callTo');
    const group = await api<ErrorBody>('POST', '/rules', lead, ruleInput({ groupId: 99_999 }));
    expect(group.status).toBe(400);
    expect(group.body.error.fields?.map((f) => f.path)).toEqual(['groupId']);
    expect((await api<{ items: unknown[] }>('GET', '/rules', lead)).body.items).toHaveLength(before);
    const unknownStaff = await api<ErrorBody>('POST', '/groups', lead, { name: '空组', memberIds: [99_999] });
    expect(unknownStaff.body.error.fields?.map((f) => f.path)).toEqual(['memberIds.0']);
    const category = await api<{ name: string; builtin: boolean }>('POST', '/categories', lead, {
      name: '节日关怀',
    });
    expect(category.body).toMatchObject({ name: '节日关怀', builtin: false });
    expect((await api('POST', '/categories', lead, { name: '节日关怀' })).status).toBe(409);
    expect((await api('POST', '/categories', agents['1010'] ?? '', { name: '坐席自建' })).status).toBe(403);
    const [task] = await tasksOfRule(firstRule);
    const owner = Object.keys(agents).find((no) => staff[no] === task?.assignee_id) ?? '';
    const bad = await api('POST', `/tasks/${task?.id}/visits`, agents[owner] ?? '', {
      outcome: 'maybe',
      channels: ['电台'],
    });
    expect(bad.status).toBe(400);
  });

  it('FUP-5 not reached schedules a retry, and the last attempt closes the task as 未接通', async () => {
    const [, task] = await tasksOfRule(firstRule);
    const owner = Object.keys(agents).find((no) => staff[no] === task?.assignee_id) ?? '';
    const cookie = agents[owner] ?? '';
    const first = await api<FollowUpTaskDetail>('POST', `/tasks/${task?.id}/visits`, cookie, {
      outcome: 'not_reached',
    });
    expect(first.status).toBe(201);
    expect(first.body.task.status).toBe('open');
    expect(first.body.task.nextAttemptAt).toBe(
      new Date(server().clock.now().getTime() + 4 * HOUR).toISOString(),
    );
    expect(first.body.task.blockedReason).toBe('retry_later');
    const early = await api<ErrorBody>('POST', `/tasks/${task?.id}/visits`, cookie, {
      outcome: 'not_reached',
    });
    expect(early.status).toBe(409);
    await advance(4 * HOUR);
    const last = await api<FollowUpTaskDetail>('POST', `/tasks/${task?.id}/visits`, agents[owner] ?? '', {
      outcome: 'not_reached',
    });
    expect(last.body.task.status).toBe('unreachable');
    expect(last.body.task.categoryName).toBe('未接通');
    expect(last.body.visits).toHaveLength(2);
  });

  it('FUP-1 records the visit form, closes the task and writes the customer timeline', async () => {
    const [task] = await tasksOfRule(firstRule);
    const owner = Object.keys(agents).find((no) => staff[no] === task?.assignee_id) ?? '';
    const done = await api<FollowUpTaskDetail>('POST', `/tasks/${task?.id}/visits`, agents[owner] ?? '', {
      outcome: 'done',
      name: '客户本人',
      gender: 'female',
      channels: ['电视', '朋友介绍'],
      giftWilling: true,
      result: '使用满意',
    });
    expect(done.status).toBe(201);
    expect(done.body.task.status).toBe('done');
    expect(done.body.visits[0]?.channels).toEqual(['电视', '朋友介绍']);
    const timeline = await server()
      .db.selectFrom('customer_timeline')
      .select('summary')
      .where('kind', '=', 'follow_up')
      .where('ref_id', '=', String(task?.id))
      .execute();
    expect(timeline[0]?.summary).toContain('使用满意');
  });

  it('FUP-4 warns the member and the team lead once when a task is overdue', async () => {
    await advance(2 * 24 * HOUR);
    await runFollowUpOverdueWatch(server().db, server().clock.now());
    await runFollowUpOverdueWatch(server().db, server().clock.now());
    const [, , open] = await tasksOfRule(firstRule);
    const forTask = notices.filter((n) => n.data?.taskId === open?.id);
    expect(forTask).toHaveLength(1);
    expect(forTask[0]?.audience).toEqual({ kind: 'staff', staffIds: [open?.assignee_id, staff['2001']] });
    const [done] = await tasksOfRule(firstRule);
    expect(notices.filter((n) => n.data?.taskId === done?.id)).toHaveLength(0);
  });

  it('FUP-7 skips do-not-call numbers at extraction and refuses dialing outside calling hours', async () => {
    // Today is now 2026-01-07 (China time): 12 days back are customers 17, 37 and 57.
    const target = await server()
      .db.selectFrom('customer_services as s')
      .innerJoin('customer_phones as p', 'p.customer_id', 's.customer_id')
      .select(['p.phone'])
      .where('s.service_date', '=', '2025-12-26')
      .orderBy('s.customer_id')
      .execute();
    for (const { phone } of target.slice(0, 1)) {
      expect((await api('POST', '/do-not-call', lead, { phone, reason: '投诉勿扰' })).status).toBe(204);
    }
    const rule = await api<FollowUpRule>(
      'POST',
      '/rules',
      lead,
      ruleInput({
        name: '满意度调查',
        purpose: 'survey',
        daysAfterService: 12,
        callFrom: '09:00',
        callTo: '10:00',
      }),
    );
    const run = await api<RunRuleResult>('POST', `/rules/${rule.body.id}/run`, lead);
    expect(run.body).toEqual({ created: 2, skippedDoNotCall: 1 });
    const [task] = await tasksOfRule(rule.body.id);
    const owner = Object.keys(agents).find((no) => staff[no] === task?.assignee_id) ?? '';
    // 21:00 China time, the campaign calls 09:00–10:00.
    const check = await api<DialCheck>('POST', `/tasks/${task?.id}/dial-check`, agents[owner] ?? '');
    expect(check.body).toMatchObject({ allowed: false, reason: 'outside_hours' });
    // Put on the list after the task was built: checked again before dialing.
    await api('POST', '/do-not-call', lead, { phone: task?.phone });
    // 21:00 + 12.5 h = 09:30 China time the next morning, inside the calling hours.
    await advance(12.5 * HOUR);
    const again = await api<DialCheck>('POST', `/tasks/${task?.id}/dial-check`, agents[owner] ?? '');
    expect(again.body).toMatchObject({ allowed: false, reason: 'do_not_call' });
    await api('DELETE', `/do-not-call/${task?.phone}`, lead);
    const ok = await api<DialCheck>('POST', `/tasks/${task?.id}/dial-check`, agents[owner] ?? '');
    expect(ok.body).toMatchObject({ allowed: true, reason: null });
  });

  it('FUP-6 day log counts tasks, outcomes and members; the CSV export is audited', async () => {
    const log = await api<FollowUpLog>('GET', '/reports/log?period=day&date=2026-01-05', lead);
    expect(log.status).toBe(200);
    expect(log.body.byOutcome).toEqual(
      expect.arrayContaining([
        { key: 'done', label: '已完成', count: 1 },
        { key: 'not_reached', label: '未接通', count: 2 },
      ]),
    );
    const week = await api<FollowUpLog>('GET', '/reports/log?period=week&date=2026-01-07', lead);
    expect(week.body.total).toBeGreaterThanOrEqual(6);
    const csv = await api<string>('GET', '/reports/log/export?period=week&date=2026-01-07', lead);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('使用满意');
    const audited = await server()
      .db.selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'follow_up.export')
      .execute();
    expect(audited).toHaveLength(1);
    expect((await api('GET', '/reports/log?period=day&date=2026-13-01', lead)).status).toBe(400);
    expect((await api('GET', '/reports/log?period=day&date=2026-01-05', agents['1010'] ?? '')).status).toBe(
      403,
    );
  });
});
