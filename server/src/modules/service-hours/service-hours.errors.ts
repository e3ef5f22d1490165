import { defineErrors, type Message } from '../../http/app-error.ts';

// The service-hours calendar's own refusals (VM-1).
export const SERVICE_HOURS_ERRORS = defineErrors({
  SERVICE_HOURS_NO_OWN_CALENDAR: {
    status: 404,
    message: {
      'zh-CN': '该技能组没有单独的服务时间，已在使用中心默认',
      'en-US': 'This skill group has no calendar of its own; it already uses the centre default',
    },
  },
  SERVICE_HOURS_NO_CENTER_CALENDAR: {
    status: 404,
    message: {
      'zh-CN': '尚未设置中心默认服务时间',
      'en-US': 'No centre default calendar is set',
    },
  },
});

/** Field messages of a calendar that does not hold together; {other} names the clashing item. */
export const SERVICE_HOURS_FIELD_MESSAGES = {
  unknownTimeZone: {
    'zh-CN': '未知时区，请使用 IANA 名称，如 Asia/Shanghai',
    'en-US': 'is not a known time zone; use an IANA name such as Asia/Shanghai',
  },
  startIs24: { 'zh-CN': '开始时间不能是 24:00', 'en-US': 'a range cannot start at 24:00' },
  endNotAfterStart: {
    'zh-CN': '结束时间须晚于开始时间（跨零点请拆成两段，如 22:00–24:00 与次日 00:00–02:00）',
    'en-US': 'the end must be later than the start (split a range past midnight into two days)',
  },
  overlap: {
    'zh-CN': '时段 {range} 与 {other} 重叠',
    'en-US': 'the range {range} overlaps {other}',
  },
  duplicateDate: {
    'zh-CN': '日期 {date} 已有一条例外，同一天只能设置一条',
    'en-US': 'the date {date} already has an exception; one per day',
  },
  closedWithHours: {
    'zh-CN': '休息日不能设置营业时段',
    'en-US': 'a closed day cannot have opening hours',
  },
  specialWithoutHours: {
    'zh-CN': '特殊营业日须至少有一个时段；全天休息请选择“休息”',
    'en-US': 'a special day needs at least one range; choose "closed" for a day off',
  },
  skillGroupMissing: { 'zh-CN': '技能组不存在', 'en-US': 'names a skill group that does not exist' },
} satisfies Record<string, Message>;
