import type { Locale } from '@switchboard/shared';
import type { LocalizedText, OverflowReason, SkillLevel } from './acd.types.ts';
import type { Ranking, Source } from './agent-pool.ts';

// Every routing decision is explained in the call's event log, in both UI languages.

export type OfferFacts = {
  employeeNo: string;
  source: Source;
  ranking: Ranking;
  /** The skill group the agent was chosen in and the agent's level there. */
  groupName: string;
  level: SkillLevel;
  /** Free agents it was chosen from. */
  available: number;
  idleMs: number | null;
  callsHandledToday: number;
  sinceLastOfferMs: number | null;
  overflow: { reason: OverflowReason; queueName: string; skillName: string } | null;
};

/** "4 分 12 秒" / "4 min 12 s"; whole seconds, zero parts left out. */
export function formatDuration(ms: number, locale: Locale): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const units = locale === 'zh-CN' ? ['小时', '分', '秒'] : ['h', 'min', 's'];
  const parts = [h, m, s].flatMap((n, i) => (n > 0 ? [`${n} ${units[i]}`] : []));
  return parts.length > 0 ? parts.join(' ') : `0 ${units[2]}`;
}

const CRITERION: Record<Ranking, LocalizedText> = {
  longest_idle: { 'zh-CN': '空闲最久', 'en-US': 'longest idle' },
  fewest_calls: { 'zh-CN': '今日接听最少', 'en-US': 'fewest calls today' },
  highest_skill: { 'zh-CN': '等级最高', 'en-US': 'highest level' },
  round_robin: { 'zh-CN': '轮到该坐席', 'en-US': 'next in round robin' },
  vip: { 'zh-CN': '等级最高', 'en-US': 'highest level' },
};

function detail(f: OfferFacts, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const wrap = (text: string) => (zh ? `（${text}）` : ` (${text})`);
  switch (f.ranking) {
    case 'longest_idle':
      return f.idleMs === null ? '' : wrap(formatDuration(f.idleMs, locale));
    case 'fewest_calls':
      return wrap(zh ? `${f.callsHandledToday} 通` : `${f.callsHandledToday}`);
    case 'round_robin':
      if (f.sinceLastOfferMs === null) return wrap(zh ? '尚未分配过' : 'not offered a call yet');
      return wrap(
        zh
          ? `上次分配于 ${formatDuration(f.sinceLastOfferMs, locale)}前`
          : `last offered ${formatDuration(f.sinceLastOfferMs, locale)} ago`,
      );
    case 'highest_skill':
    case 'vip':
      return '';
  }
}

function overflowClause(o: NonNullable<OfferFacts['overflow']>, locale: Locale): string {
  const zh = locale === 'zh-CN';
  if (o.reason.kind === 'no_skilled_agent_signed_in') {
    return zh ? `无${o.skillName}坐席签入` : `no ${o.skillName} agent signed in`;
  }
  const waited = formatDuration(o.reason.waitedMs, locale);
  const threshold = formatDuration(o.reason.thresholdMs, locale);
  return zh
    ? `已在${o.queueName}队列等待 ${waited}（溢出阈值 ${threshold}）`
    : `waited ${waited} in queue ${o.queueName} (overflow after ${threshold})`;
}

function explainIn(f: OfferFacts, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const vip = f.ranking === 'vip' ? (zh ? 'VIP 客户，' : 'VIP caller, ') : '';
  // On overflow the 综合 level ranks first and the queue's own rule breaks ties among equals.
  const levelFirst = f.source === 'overflow' && f.ranking !== 'vip' && f.ranking !== 'highest_skill';
  const criterion = CRITERION[f.ranking][locale] + detail(f, locale);
  if (zh) {
    const who = `${f.source === 'overflow' ? '溢出分配给' : '分配给'} ${f.employeeNo}（${f.groupName} ${f.level} 级）`;
    const why = levelFirst ? `等级最高，同级中${criterion}` : criterion;
    const pool = `${f.available} 名可用${f.groupName}坐席中${why}`;
    return f.overflow
      ? `${who}：${overflowClause(f.overflow, locale)}；${vip}${pool}`
      : `${who}：${vip}${pool}`;
  }
  const by = f.source === 'overflow' ? ' by overflow' : '';
  const who = `offered to ${f.employeeNo} (${f.groupName} level ${f.level})${by}`;
  const why = levelFirst ? `highest level, then ${criterion}` : criterion;
  const pool = `${why} of ${f.available} available ${f.groupName} agent${f.available === 1 ? '' : 's'}`;
  return f.overflow
    ? `${who}: ${overflowClause(f.overflow, locale)}; ${vip}${pool}`
    : `${who}: ${vip}${pool}`;
}

export function explainOffer(facts: OfferFacts): LocalizedText {
  return { 'zh-CN': explainIn(facts, 'zh-CN'), 'en-US': explainIn(facts, 'en-US') };
}
