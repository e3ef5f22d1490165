import type { ServiceCalendarInput, TimeRange } from '@switchboard/shared';
import type { Db } from '../db/database.ts';
import { addDays } from '../modules/service-hours/service-calendar.ts';
import { replaceCalendar } from '../modules/service-hours/service-hours.repository.ts';

// Demo calendars: the centre default is open 7×24 (the demo must take calls at any hour); the 投诉
// group (COMPLAINT) works 08:00–20:00 every day, is closed on 2027 New Year's Day and over the 2027
// Spring Festival, and has one 调休 working day with longer hours. The 2027 dates follow the usual
// pattern (除夕 to 初六); the State Council publishes the real schedule each autumn.
const ALL_DAY: TimeRange[] = [{ start: '00:00', end: '24:00' }];
const DAYTIME: TimeRange[] = [{ start: '08:00', end: '20:00' }];

const CENTER: ServiceCalendarInput = {
  timeZone: 'Asia/Shanghai',
  weekly: Array.from({ length: 7 }, () => ALL_DAY),
  exceptions: [],
};

const COMPLAINT: ServiceCalendarInput = {
  timeZone: 'Asia/Shanghai',
  weekly: Array.from({ length: 7 }, () => DAYTIME),
  exceptions: [
    { date: '2027-01-01', name: '元旦', kind: 'closed', hours: [] },
    ...Array.from({ length: 7 }, (_, i) => ({
      date: addDays('2027-02-05', i),
      name: i === 0 ? '春节（除夕）' : `春节（初${'一二三四五六'[i - 1]}）`,
      kind: 'closed' as const,
      hours: [],
    })),
    {
      date: '2027-02-20',
      name: '春节调休上班（延长至 21:00）',
      kind: 'special',
      hours: [{ start: '08:00', end: '21:00' }],
    },
  ],
};

export async function seedServiceHours(trx: Db, now: Date): Promise<void> {
  await replaceCalendar(trx, null, CENTER, { staffId: null, at: now });
  const complaint = await trx
    .selectFrom('skill_groups')
    .select('id')
    .where('code', '=', 'COMPLAINT')
    .executeTakeFirst();
  if (complaint) await replaceCalendar(trx, complaint.id, COMPLAINT, { staffId: null, at: now });
}
