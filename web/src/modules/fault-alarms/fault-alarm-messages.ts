import type { Locale } from '@switchboard/shared';
import { useLocalMessages } from '../../i18n/local-messages.ts';

// Strings of the fault pre-alarm (故障预报警, SUP-12): the desktop banner and the history list.
const zhCN = {
  'alarm.level.1': '一级',
  'alarm.level.2': '二级',
  'alarm.level.3': '三级',
  'alarm.banner.title': '{area} 故障预警（{level}）',
  'alarm.banner.detail':
    '近 1 小时已派工单报修 {count} 个，自 {since} 起。来电请告知客户该片区可能存在故障。',
  'alarm.banner.acknowledged': '{name} 已确认',
  'alarm.ack': '确认',
  'alarm.acked': '已确认',
  'alarm.history.title': '故障预警记录',
  'alarm.history.time': '时间',
  'alarm.history.area': '片区',
  'alarm.history.kind': '变化',
  'alarm.history.level': '级别',
  'alarm.history.count': '1 小时通话数',
  'alarm.history.actor': '操作人',
  'alarm.kind.raised': '预警',
  'alarm.kind.escalated': '升级',
  'alarm.kind.de_escalated': '降级',
  'alarm.kind.cleared': '解除',
  'alarm.kind.acknowledged': '确认',
  'alarm.active': '当前预警',
  'alarm.none': '当前无故障预警',
};

const enUS: typeof zhCN = {
  'alarm.level.1': 'Level 1',
  'alarm.level.2': 'Level 2',
  'alarm.level.3': 'Level 3',
  'alarm.banner.title': '{area} fault alarm ({level})',
  'alarm.banner.detail':
    '{count} repair calls with a dispatched ticket in the last hour, since {since}. Tell callers of a possible outage in this area.',
  'alarm.banner.acknowledged': 'acknowledged by {name}',
  'alarm.ack': 'Acknowledge',
  'alarm.acked': 'Acknowledged',
  'alarm.history.title': 'Fault alarm history',
  'alarm.history.time': 'Time',
  'alarm.history.area': 'Area',
  'alarm.history.kind': 'Change',
  'alarm.history.level': 'Level',
  'alarm.history.count': 'Calls in the hour',
  'alarm.history.actor': 'By',
  'alarm.kind.raised': 'Raised',
  'alarm.kind.escalated': 'Escalated',
  'alarm.kind.de_escalated': 'De-escalated',
  'alarm.kind.cleared': 'Cleared',
  'alarm.kind.acknowledged': 'Acknowledged',
  'alarm.active': 'Active alarms',
  'alarm.none': 'No fault alarm now',
};

const MESSAGES: Record<Locale, Record<keyof typeof zhCN, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

export const useFaultAlarmMessages = () => useLocalMessages(MESSAGES);

/** Level 1 is the most severe: red; level 2 orange; level 3 gold. */
export const LEVEL_COLORS = { 1: 'red', 2: 'orange', 3: 'gold' } as const;
