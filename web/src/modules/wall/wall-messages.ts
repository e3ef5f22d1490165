import type { Locale } from '@switchboard/shared';
import { useCallback } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';

// Strings of the supervisor wall (实时监控, SUP-7). zh-CN is the reference; en-US has the same keys.
const zhCN = {
  'wall.title': '实时监控',
  'wall.updatedAt': '更新于 {time}',
  'wall.stale': '数据更新失败：{message}',
  'wall.loading': '正在加载实时数据…',
  'wall.readOnly': '只读：仅班长、值班长可执行监控操作',

  'wall.state.signed_out': '签出',
  'wall.state.ready': '示闲',
  'wall.state.not_ready': '示忙',
  'wall.state.ringing': '振铃',
  'wall.state.talking': '通话',
  'wall.state.hold': '保持',
  'wall.state.after_call_work': '整理',

  'wall.reason.short_break': '小休',
  'wall.reason.meal': '用餐',
  'wall.reason.training': '培训',
  'wall.reason.meeting': '会议',
  'wall.reason.other': '其他',
  'wall.reason.signed_in': '签入未就绪',
  'wall.reason.no_answer': '未应答',
  'wall.reason.forced': '强制',

  'wall.section.agents': '坐席 ({shown}/{total})',
  'wall.section.counts': '坐席状态分布',
  'wall.section.queues': '队列排队',
  'wall.section.trend': '近 10 分钟趋势',
  'wall.section.calls': '进行中的通话 ({count})',
  'wall.section.lines': '中继 / 分机线路 ({count})',

  'wall.filter.state': '状态',
  'wall.filter.allStates': '全部状态',
  'wall.filter.skill': '技能组',
  'wall.filter.allSkills': '全部技能组',
  'wall.filter.search': '工号 / 姓名',
  'wall.noAgents': '没有符合条件的坐席',

  'wall.kpi.agents': '在线坐席',
  'wall.kpi.waiting': '排队来电',
  'wall.kpi.longestWait': '最长等待',
  'wall.kpi.calls': '进行中通话',

  'wall.chart.waiting': '排队数',
  'wall.chart.talking': '通话坐席',
  'wall.chart.empty': '暂无数据',

  'wall.queue.name': '队列',
  'wall.queue.waiting': '排队数',
  'wall.queue.callbacks': '其中回呼',
  'wall.queue.longestWait': '最长等待',

  'wall.call.direction': '方向',
  'wall.call.inbound': '呼入',
  'wall.call.outbound': '呼出',
  'wall.call.internal': '内部',
  'wall.call.caller': '主叫',
  'wall.call.callee': '被叫',
  'wall.call.queue': '队列',
  'wall.call.phase': '阶段',
  'wall.call.agents': '坐席',
  'wall.call.talkTime': '通话时长',
  'wall.call.onHold': '保持',
  'wall.call.recording': '录音',
  'wall.call.yes': '是',
  'wall.phase.ivr': 'IVR 自助',
  'wall.phase.queued': '排队',
  'wall.phase.offering': '振铃',
  'wall.phase.voicemail': '留言',
  'wall.phase.releasing': '结束提示',
  'wall.phase.connected': '通话',
  'wall.phase.ended': '结束',
  'wall.call.no': '否',
  'wall.noCalls': '当前没有通话',

  'wall.line.kind': '类型',
  'wall.line.trunk': '中继',
  'wall.line.extension': '分机',
  'wall.line.number': '号码',
  'wall.line.role': '角色',
  'wall.line.connected': '接通',
  'wall.line.talkTime': '时长',
  'wall.noLines': '当前没有占用的线路',

  'wall.role.customer': '客户',
  'wall.role.outside': '外线',
  'wall.role.agent': '坐席',
  'wall.role.consult': '咨询方',
  'wall.role.supervisor': '班长',

  'wall.agent.employeeNo': '工号',
  'wall.agent.name': '姓名',
  'wall.agent.state': '状态',
  'wall.agent.timeInState': '状态时长',
  'wall.agent.extension': '分机',
  'wall.agent.skills': '技能组',
  'wall.agent.autoAnswer': '自动应答',
  'wall.agent.call': '当前通话',
  'wall.agent.caller': '来电号码',
  'wall.agent.talkTime': '通话时长',
  'wall.agent.monitoring': '监听中（{mode}）',
  'wall.agent.gone': '该坐席已不在实时数据中',

  'wall.group.call': '通话监控',
  'wall.group.state': '强制状态',
  'wall.group.record': '录音',

  'wall.action.listen': '监听',
  'wall.action.whisper': '耳语',
  'wall.action.barge': '强插',
  'wall.action.stopMonitor': '退出监听',
  'wall.action.intercept': '拦截',
  'wall.action.forceRelease': '强拆',
  'wall.action.forceReady': '强制示闲',
  'wall.action.forceNotReady': '强制示忙',
  'wall.action.forcePause': '强制暂停',
  'wall.action.forceSignOut': '强制签出',
  'wall.action.recordOn': '开始录音',
  'wall.action.recordOff': '停止录音',
  'wall.action.done': '{action}：已执行',

  'wall.confirm.intercept': '确定拦截该坐席的通话？坐席将退出通话，由您接管。',
  'wall.confirm.forceRelease': '确定强拆该坐席的通话？通话将立即结束。',
  'wall.confirm.forceSignOut': '确定强制签出该坐席？',
  'wall.confirm.ok': '确定',
  'wall.confirm.cancel': '取消',

  'wall.hint.needCall': '坐席通话中才能使用',
  'wall.hint.needMonitoring': '请先监听该坐席的通话',
  'wall.hint.releaseFirst': '坐席正在通话，请先强拆后再签出',
  'wall.hint.signedOut': '坐席已签出',
  'wall.hint.already': '坐席已处于该状态',
  'wall.hint.notLead': '仅班长、值班长可操作',
} as const;

export type WallMessageKey = keyof typeof zhCN;

const enUS: Record<WallMessageKey, string> = {
  'wall.title': 'Live wall',
  'wall.updatedAt': 'Updated {time}',
  'wall.stale': 'Update failed: {message}',
  'wall.loading': 'Loading live data…',
  'wall.readOnly': 'Read-only: only team leads and duty leads can act on agents',

  'wall.state.signed_out': 'Signed out',
  'wall.state.ready': 'Ready',
  'wall.state.not_ready': 'Not ready',
  'wall.state.ringing': 'Ringing',
  'wall.state.talking': 'Talking',
  'wall.state.hold': 'On hold',
  'wall.state.after_call_work': 'Wrap-up',

  'wall.reason.short_break': 'Short break',
  'wall.reason.meal': 'Meal',
  'wall.reason.training': 'Training',
  'wall.reason.meeting': 'Meeting',
  'wall.reason.other': 'Other',
  'wall.reason.signed_in': 'Just signed in',
  'wall.reason.no_answer': 'Missed call',
  'wall.reason.forced': 'Forced',

  'wall.section.agents': 'Agents ({shown}/{total})',
  'wall.section.counts': 'Agents by state',
  'wall.section.queues': 'Queues',
  'wall.section.trend': 'Last 10 minutes',
  'wall.section.calls': 'Calls in progress ({count})',
  'wall.section.lines': 'Trunk / extension lines ({count})',

  'wall.filter.state': 'State',
  'wall.filter.allStates': 'All states',
  'wall.filter.skill': 'Skill group',
  'wall.filter.allSkills': 'All skill groups',
  'wall.filter.search': 'Emp. ID / name',
  'wall.noAgents': 'No agents match',

  'wall.kpi.agents': 'Agents online',
  'wall.kpi.waiting': 'Calls waiting',
  'wall.kpi.longestWait': 'Longest wait',
  'wall.kpi.calls': 'Calls in progress',

  'wall.chart.waiting': 'Waiting',
  'wall.chart.talking': 'Talking agents',
  'wall.chart.empty': 'No data',

  'wall.queue.name': 'Queue',
  'wall.queue.waiting': 'Waiting',
  'wall.queue.callbacks': 'Of which callbacks',
  'wall.queue.longestWait': 'Longest wait',

  'wall.call.direction': 'Dir.',
  'wall.call.inbound': 'In',
  'wall.call.outbound': 'Out',
  'wall.call.internal': 'Internal',
  'wall.call.caller': 'Caller',
  'wall.call.callee': 'Callee',
  'wall.call.queue': 'Queue',
  'wall.call.phase': 'Phase',
  'wall.call.agents': 'Agents',
  'wall.call.talkTime': 'Talk time',
  'wall.call.onHold': 'Hold',
  'wall.call.recording': 'Rec.',
  'wall.call.yes': 'Yes',
  'wall.phase.ivr': 'In the IVR',
  'wall.phase.queued': 'Queued',
  'wall.phase.offering': 'Offering',
  'wall.phase.voicemail': 'Voicemail',
  'wall.phase.releasing': 'Saying goodbye',
  'wall.phase.connected': 'Connected',
  'wall.phase.ended': 'Ended',
  'wall.call.no': 'No',
  'wall.noCalls': 'No calls right now',

  'wall.line.kind': 'Kind',
  'wall.line.trunk': 'Trunk',
  'wall.line.extension': 'Extension',
  'wall.line.number': 'Number',
  'wall.line.role': 'Role',
  'wall.line.connected': 'Connected',
  'wall.line.talkTime': 'Time',
  'wall.noLines': 'No lines in use',

  'wall.role.customer': 'Customer',
  'wall.role.outside': 'Outside',
  'wall.role.agent': 'Agent',
  'wall.role.consult': 'Consulted',
  'wall.role.supervisor': 'Supervisor',

  'wall.agent.employeeNo': 'Emp. ID',
  'wall.agent.name': 'Name',
  'wall.agent.state': 'State',
  'wall.agent.timeInState': 'Time in state',
  'wall.agent.extension': 'Extension',
  'wall.agent.skills': 'Skill groups',
  'wall.agent.autoAnswer': 'Auto-answer',
  'wall.agent.call': 'Current call',
  'wall.agent.caller': 'Caller',
  'wall.agent.talkTime': 'Talk time',
  'wall.agent.monitoring': 'Monitoring ({mode})',
  'wall.agent.gone': 'This agent is no longer in the live data',

  'wall.group.call': 'Call monitoring',
  'wall.group.state': 'Force state',
  'wall.group.record': 'Recording',

  'wall.action.listen': 'Listen',
  'wall.action.whisper': 'Whisper',
  'wall.action.barge': 'Barge in',
  'wall.action.stopMonitor': 'Stop monitoring',
  'wall.action.intercept': 'Intercept',
  'wall.action.forceRelease': 'Force release',
  'wall.action.forceReady': 'Force ready',
  'wall.action.forceNotReady': 'Force not ready',
  'wall.action.forcePause': 'Force pause',
  'wall.action.forceSignOut': 'Force sign-out',
  'wall.action.recordOn': 'Record calls',
  'wall.action.recordOff': 'Stop recording',
  'wall.action.done': '{action}: done',

  'wall.confirm.intercept': "Intercept this agent's call? The agent leaves and you take over.",
  'wall.confirm.forceRelease': "Force-release this agent's call? It ends at once.",
  'wall.confirm.forceSignOut': 'Force this agent to sign out?',
  'wall.confirm.ok': 'OK',
  'wall.confirm.cancel': 'Cancel',

  'wall.hint.needCall': 'Only while the agent is on a call',
  'wall.hint.needMonitoring': "Listen to the agent's call first",
  'wall.hint.releaseFirst': 'The agent is on a call: force-release it first',
  'wall.hint.signedOut': 'The agent is signed out',
  'wall.hint.already': 'The agent is already in this state',
  'wall.hint.notLead': 'Only team leads and duty leads',
};

const WALL_MESSAGES: Record<Locale, Record<WallMessageKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

export type WallT = (key: WallMessageKey, params?: Record<string, string | number>) => string;

export function wallTranslate(
  locale: Locale,
  key: WallMessageKey,
  params?: Record<string, string | number>,
): string {
  const template = WALL_MESSAGES[locale][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name];
    return value === undefined ? match : String(value);
  });
}

/** The wall's own `t`, following the app's locale. */
export function useWallI18n(): { locale: Locale; t: WallT } {
  const { locale } = useI18n();
  const t = useCallback<WallT>((key, params) => wallTranslate(locale, key, params), [locale]);
  return { locale, t };
}
