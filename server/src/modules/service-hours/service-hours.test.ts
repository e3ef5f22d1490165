import type { ServiceCalendar, ServiceHoursOverview, ServiceHoursStatus } from '@switchboard/shared';
import { expect, it } from 'vitest';
import { seedServiceHours } from '../../seed/service-hours.seed.ts';
import { describeOnEachDialect, type ErrorBody } from '../../testing/test-app.ts';

// Service hours through HTTP (VM-1): admins replace calendars, leads read them, everyone sees
// whether a group is open now, and call control's in-memory copy follows every committed change.
// The test clock starts on Monday 2026-01-05 09:00 UTC = 17:00 in Shanghai.
const everyDay = (start: string, end: string) => Array.from({ length: 7 }, () => [{ start, end }]);

describeOnEachDialect(
  'service hours (VM-1)',
  (server) => {
    const call = async <T>(who: string, method: string, path: string, body?: unknown, lang?: string) =>
      server().request<T>(method, path, {
        cookie: await server().login(who),
        body,
        ...(lang ? { headers: { 'accept-language': lang } } : {}),
      });
    const groupId = async (code: string) =>
      (
        await server()
          .db.selectFrom('skill_groups')
          .select('id')
          .where('code', '=', code)
          .executeTakeFirstOrThrow()
      ).id;
    const audits = async () =>
      Number(
        (
          await server()
            .db.selectFrom('audit_events')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('action', '=', 'service_hours.change')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const statusOf = async (code: string) => {
      const res = await call<ServiceHoursStatus>('1001', 'GET', '/api/service-hours/status');
      expect(res.status, res.text).toBe(200);
      return res.body.items.find((i) => i.code === code)!;
    };

    it('is always open with no calendar at all', async () => {
      // The demo seed's calendars go first: this file's tests start from no calendar.
      await server().db.deleteFrom('service_calendars').execute();
      await server().cti!.serviceHours.reload();
      const status = await statusOf('COMPLAINT');
      expect(status).toMatchObject({ source: 'none', open: true, nextChange: null });
    });

    it('lets only the admin change calendars; leads read them; agents only see the status', async () => {
      const complaint = await groupId('COMPLAINT');
      const body = { weekly: everyDay('08:00', '20:00') };
      for (const who of ['1001', '2001', '2101', '3101']) {
        expect((await call(who, 'PUT', `/api/service-hours/skill-groups/${complaint}`, body)).status).toBe(
          403,
        );
      }
      expect((await call('1001', 'GET', '/api/service-hours')).status).toBe(403);
      for (const who of ['2001', '2101', 'admin'])
        expect((await call(who, 'GET', '/api/service-hours')).status).toBe(200);
      expect((await server().request('GET', '/api/service-hours/status')).status).toBe(401);
    });

    it('replaces a group calendar whole, audits it, and call control follows at once', async () => {
      const complaint = await groupId('COMPLAINT');
      const before = await audits();
      const res = await call<ServiceCalendar>(
        'admin',
        'PUT',
        `/api/service-hours/skill-groups/${complaint}`,
        {
          weekly: everyDay('08:00', '20:00'),
          exceptions: [{ date: '2026-01-06', name: '测试休息日', kind: 'closed' }],
        },
      );
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({
        timeZone: 'Asia/Shanghai',
        updatedByName: expect.any(String),
        exceptions: [{ date: '2026-01-06', name: '测试休息日', kind: 'closed', hours: [] }],
      });
      expect(res.body.weekly[6]).toEqual([{ start: '08:00', end: '20:00' }]);
      expect(await audits()).toBe(before + 1);

      // Monday 17:00 in Shanghai: open until 20:00; Tuesday is the day off, so it reopens Wednesday.
      expect(await statusOf('COMPLAINT')).toMatchObject({
        source: 'own',
        open: true,
        nextChange: '2026-01-05T12:00:00.000Z',
      });
      const cti = server().cti!;
      expect(cti.serviceHours.isOpen(complaint, new Date('2026-01-05T11:59:00Z'))).toBe(true);
      expect(cti.serviceHours.isOpen(complaint, new Date('2026-01-05T12:00:00Z'))).toBe(false);
      expect(cti.serviceHours.isOpen(complaint, new Date('2026-01-06T03:00:00Z'))).toBe(false);

      // Saving again replaces everything: the exception is gone, the hours are new.
      const again = await call<ServiceCalendar>(
        'admin',
        'PUT',
        `/api/service-hours/skill-groups/${complaint}`,
        {
          timeZone: 'Europe/Berlin',
          weekly: everyDay('09:00', '17:00'),
        },
      );
      expect(again.body).toMatchObject({ timeZone: 'Europe/Berlin', exceptions: [] });
      expect(cti.serviceHours.isOpen(complaint, new Date('2026-01-06T03:00:00Z'))).toBe(false);
      expect(cti.serviceHours.isOpen(complaint, new Date('2026-01-06T09:00:00Z'))).toBe(true); // 10:00 CET
      const overview = await call<ServiceHoursOverview>('2001', 'GET', '/api/service-hours');
      const entry = overview.body.groups.find((g) => g.skillGroupId === complaint);
      expect(entry?.calendar?.timeZone).toBe('Europe/Berlin');
      expect(overview.body.groups.filter((g) => g.calendar === null).length).toBeGreaterThan(0);
    });

    it('rejects overlapping ranges with a message on the range concerned, in both languages', async () => {
      const complaint = await groupId('COMPLAINT');
      const before = await audits();
      const weekly = everyDay('08:00', '20:00');
      weekly[0] = [
        { start: '08:00', end: '12:00' },
        { start: '11:00', end: '14:00' },
      ];
      const zh = await call<ErrorBody>('admin', 'PUT', `/api/service-hours/skill-groups/${complaint}`, {
        weekly,
      });
      expect(zh.status).toBe(400);
      expect(zh.body.error.code).toBe('VALIDATION_FAILED');
      expect(zh.body.error.fields).toEqual([
        { path: 'weekly.0.1', message: '时段 11:00–14:00 与 08:00–12:00 重叠' },
      ]);
      const en = await call<ErrorBody>(
        'admin',
        'PUT',
        `/api/service-hours/skill-groups/${complaint}`,
        { weekly },
        'en-US',
      );
      expect(en.body.error.fields?.[0]?.message).toBe('the range 11:00–14:00 overlaps 08:00–12:00');
      expect(await audits()).toBe(before);
      expect((await statusOf('COMPLAINT')).source).toBe('own'); // the earlier calendar is untouched
    });

    it('rejects a calendar that does not hold together, naming each field', async () => {
      const complaint = await groupId('COMPLAINT');
      const weekly = everyDay('08:00', '20:00');
      weekly[2] = [{ start: '18:00', end: '09:00' }];
      weekly[3] = [{ start: '24:00', end: '24:00' }];
      weekly[4] = [{ start: '8:00', end: '20:00' }];
      const res = await call<ErrorBody>('admin', 'PUT', `/api/service-hours/skill-groups/${complaint}`, {
        timeZone: 'Mars/Olympus',
        weekly,
        exceptions: [
          { date: '2026-10-01', name: '国庆', kind: 'closed', hours: [{ start: '08:00', end: '12:00' }] },
          { date: '2026-10-01', name: '重复', kind: 'closed' },
          { date: '2026-10-10', name: '调休', kind: 'special' },
        ],
      });
      expect(res.status).toBe(400);
      // The schema refuses "8:00" first; fix it to see the calendar's own checks.
      expect(res.body.error.fields?.map((f) => f.path)).toContain('weekly.4.0.start');
      weekly[4] = [{ start: '08:00', end: '20:00' }];
      const second = await call<ErrorBody>('admin', 'PUT', `/api/service-hours/skill-groups/${complaint}`, {
        timeZone: 'Mars/Olympus',
        weekly,
        exceptions: [
          { date: '2026-10-01', name: '国庆', kind: 'closed', hours: [{ start: '08:00', end: '12:00' }] },
          { date: '2026-10-01', name: '重复', kind: 'closed' },
          { date: '2026-10-10', name: '调休', kind: 'special' },
        ],
      });
      expect(second.body.error.fields?.map((f) => f.path)).toEqual([
        'timeZone',
        'weekly.2.0.end',
        'weekly.3.0.start',
        'exceptions.0.hours',
        'exceptions.1.date',
        'exceptions.2.hours',
      ]);
      expect((await call('admin', 'PUT', '/api/service-hours/skill-groups/999999', { weekly })).status).toBe(
        404,
      );
      expect((await call('admin', 'PUT', '/api/service-hours/center', { weekly: [] })).status).toBe(400);
    });

    it('falls back to the centre default when a group calendar is removed', async () => {
      const complaint = await groupId('COMPLAINT');
      const center = await call('admin', 'PUT', '/api/service-hours/center', {
        weekly: [...Array.from({ length: 5 }, () => [{ start: '09:00', end: '18:00' }]), [], []],
      });
      expect(center.status, center.text).toBe(200);
      // Another group without its own calendar now follows the default: open (17:00 Monday) until 18:00.
      const now = (await call<ServiceHoursStatus>('1001', 'GET', '/api/service-hours/status')).body;
      expect(now.center).toMatchObject({
        configured: true,
        open: true,
        nextChange: '2026-01-05T10:00:00.000Z',
      });
      expect(now.items.filter((i) => i.source === 'center').length).toBeGreaterThan(0);

      expect((await call('admin', 'DELETE', `/api/service-hours/skill-groups/${complaint}`)).status).toBe(
        204,
      );
      expect(await statusOf('COMPLAINT')).toMatchObject({ source: 'center', open: true });
      expect(server().cti!.serviceHours.isOpen(complaint, new Date('2026-01-10T03:00:00Z'))).toBe(false); // Saturday
      const again = await call<ErrorBody>('admin', 'DELETE', `/api/service-hours/skill-groups/${complaint}`);
      expect(again.status).toBe(404);
      expect(again.body.error.code).toBe('SERVICE_HOURS_NO_OWN_CALENDAR');

      expect((await call('admin', 'DELETE', '/api/service-hours/center')).status).toBe(204);
      expect(await statusOf('COMPLAINT')).toMatchObject({ source: 'none', open: true });
      expect(server().cti!.serviceHours.isOpen(complaint, new Date('2026-01-10T03:00:00Z'))).toBe(true);
    });

    it('seeds a 7×24 default and the 投诉 group with 2027 holidays and a 调休 day', async () => {
      const db = server().db;
      await db.transaction().execute((trx) => seedServiceHours(trx, new Date('2026-01-01T00:00:00Z')));
      await server().cti!.serviceHours.reload();
      const complaint = await groupId('COMPLAINT');
      const hours = server().cti!.serviceHours;
      expect(hours.isOpen(await groupId('BILL'), new Date('2027-01-01T18:00:00Z'))).toBe(true); // 7×24
      expect(hours.isOpen(complaint, new Date('2026-12-31T03:00:00Z'))).toBe(true); // 11:00
      expect(hours.isOpen(complaint, new Date('2027-01-01T03:00:00Z'))).toBe(false); // 元旦
      expect(hours.isOpen(complaint, new Date('2027-02-06T03:00:00Z'))).toBe(false); // 春节
      expect(hours.isOpen(complaint, new Date('2027-02-20T12:30:00Z'))).toBe(true); // 调休 20:30
      expect(hours.isOpen(complaint, new Date('2026-06-01T12:30:00Z'))).toBe(false); // 20:30
      const status = await call<ServiceHoursStatus>('1001', 'GET', '/api/service-hours/status');
      expect(status.body.center).toMatchObject({ configured: true, open: true, nextChange: null });
    });
  },
  { cti: true },
);
