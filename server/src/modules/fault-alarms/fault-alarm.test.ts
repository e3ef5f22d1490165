import type { ActiveFaultAlarms, FaultAlarmEvent } from '@switchboard/shared';
import { afterEach, expect, it } from 'vitest';
import { type LiveNotice, onLiveNotice } from '../../live/live-notices.ts';
import { describeOnEachDialect, type ErrorBody, type Page } from '../../testing/test-app.ts';
import { insertFinishedCall } from '../call-tags/call-tag.fixtures.ts';
import { evaluateFaultAlarms } from './index.ts';

const MIN = 60_000;

describeOnEachDialect('fault pre-alarm (SUP-12)', (server) => {
  let unsubscribe: (() => void) | undefined;
  afterEach(() => unsubscribe?.());

  const idOf = async (
    table: 'staff' | 'areas' | 'call_tag_types',
    column: 'employee_no' | 'code',
    value: string,
  ) =>
    (
      await server()
        .db.selectFrom(table as 'areas')
        .select('id')
        .where(column as 'code', '=', value)
        .executeTakeFirstOrThrow()
    ).id;
  const events = async () => server().db.selectFrom('fault_alarm_events').selectAll().orderBy('id').execute();
  const active = async (employeeNo = '1002') =>
    (
      await server().request<ActiveFaultAlarms>('GET', '/api/fault-alarms/active', {
        cookie: await server().login(employeeNo),
      })
    ).body.items;

  /** A call of agent 1001 that started `minutesAgo`, tagged 报修/已派工单 in the area by a team lead. */
  const faultCall = async (areaCode: string, minutesAgo: number) => {
    const callId = await insertFinishedCall(server().db, {
      agentId: await idOf('staff', 'employee_no', '1001'),
      startedAt: new Date(server().clock.now().getTime() - minutesAgo * MIN),
      talkMs: 1000,
    });
    const res = await server().request('PUT', `/api/call-tags/calls/${callId}`, {
      cookie: await server().login('2001'),
      body: {
        purposeId: await idOf('call_tag_types', 'code', 'REPAIR'),
        subtypeId: await idOf('call_tag_types', 'code', 'REPAIR_DISPATCHED'),
        areaId: await idOf('areas', 'code', areaCode),
      },
    });
    expect(res.status, res.text).toBe(200);
  };

  it('raises level 3 at the fifth dispatched-ticket call of an area, at once, and tells every desktop', async () => {
    const notices: LiveNotice[] = [];
    unsubscribe = onLiveNotice((n) => notices.push(n));
    const east = await idOf('areas', 'code', 'EAST');
    for (const m of [40, 30, 20, 10]) await faultCall('EAST', m);
    expect(await active()).toEqual([]);
    await faultCall('EAST', 1);
    expect(await active()).toMatchObject([{ areaId: east, level: 3, count: 5, acknowledgedAt: null }]);
    expect(notices).toEqual([
      { type: 'notice', topic: 'fault_alarm', audience: { kind: 'all' }, data: { areaId: east, level: 3 } },
    ]);
    expect((await events()).map((e) => [e.kind, e.to_level, e.count])).toEqual([['raised', 3, 5]]);
  });

  it('is idempotent: evaluating again at the same moment writes nothing and tells no one', async () => {
    const notices: LiveNotice[] = [];
    unsubscribe = onLiveNotice((n) => notices.push(n));
    const before = await events();
    const stateBefore = await active();
    await evaluateFaultAlarms(server().db, server().clock.now());
    await evaluateFaultAlarms(server().db, server().clock.now());
    expect(await events()).toEqual(before);
    expect(await active()).toEqual(stateBefore);
    expect(notices).toEqual([]);
  });

  it('escalates at 10, lets a lead acknowledge, de-escalates and clears as calls leave the hour', async () => {
    for (const m of [5, 4, 3, 2, 1]) await faultCall('EAST', m);
    expect((await active())[0]).toMatchObject({ level: 2, count: 10 });

    const east = await idOf('areas', 'code', 'EAST');
    const agentAck = await server().request('POST', `/api/fault-alarms/${east}/acknowledge`, {
      cookie: await server().login('1001'),
    });
    expect(agentAck.status).toBe(403);
    const ack = await server().request('POST', `/api/fault-alarms/${east}/acknowledge`, {
      cookie: await server().login('2001'),
    });
    expect(ack.status).toBe(204);
    expect((await active())[0]?.acknowledgedByName).toBeTruthy();

    // Of the ten calls (40, 30, 20, 10, 5, 4, 3, 2, 1, 1 minutes old) one leaves in 21 minutes.
    server().clock.advance(21 * MIN);
    await evaluateFaultAlarms(server().db, server().clock.now());
    expect((await active())[0]).toMatchObject({ level: 3, count: 9 });
    server().clock.advance(60 * MIN);
    await evaluateFaultAlarms(server().db, server().clock.now());
    expect(await active()).toEqual([]);

    const history = await server().request<Page<FaultAlarmEvent>>('GET', '/api/fault-alarms/events', {
      cookie: await server().login('2001'),
    });
    expect(history.body.items.map((e) => e.kind)).toEqual([
      'cleared',
      'de_escalated',
      'acknowledged',
      'escalated',
      'raised',
    ]);
    expect(
      (await server().request('GET', '/api/fault-alarms/events', { cookie: await server().login('1001') }))
        .status,
    ).toBe(403);
  });

  it('keeps the history append-only and takes new thresholds at once', async () => {
    await expect(server().db.updateTable('fault_alarm_events').set({ count: 0 }).execute()).rejects.toThrow();
    await expect(server().db.deleteFrom('fault_alarm_events').execute()).rejects.toThrow();

    for (const m of [3, 2]) await faultCall('WEST', m);
    expect(await active()).toEqual([]);
    const bad = await server().request<ErrorBody>('PUT', '/api/call-tags/settings', {
      cookie: await server().login('admin'),
      body: { tagRequired: false, graceMinutes: 10, thresholds: { level3: 5, level2: 5, level1: 20 } },
    });
    expect(bad.status).toBe(400);
    const set = await server().request('PUT', '/api/call-tags/settings', {
      cookie: await server().login('admin'),
      body: { tagRequired: true, graceMinutes: 10, thresholds: { level3: 2, level2: 3, level1: 4 } },
    });
    expect(set.status, set.text).toBe(200);
    expect(await active()).toMatchObject([{ level: 3, count: 2 }]);
  });
});
