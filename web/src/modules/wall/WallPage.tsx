import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Select, Skeleton, Tooltip, Typography } from 'antd';
import { lazy, type ReactNode, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { FaultAlarmHistory } from '../fault-alarms/FaultAlarmHistory.tsx';
import { useFaultAlarmMessages } from '../fault-alarms/fault-alarm-messages.ts';
import { AgentDrawer } from './AgentDrawer.tsx';
import { AgentGrid } from './AgentGrid.tsx';
import { useWallData } from './use-wall-data.ts';
import { type CallRow, CallsTable, type LineRow, LinesTable, QueueTable } from './WallTables.tsx';
import {
  AGENT_STATES,
  type AgentState,
  fetchSkillGroups,
  type SkillGroupRef,
  type WallCall,
} from './wall-api.ts';
import { formatDuration, STATE_COLORS } from './wall-format.ts';
import { useWallI18n } from './wall-messages.ts';
import { buildAgentViews } from './wall-model.ts';
import './wall.css';

const LEAD_ROLES = ['team_lead', 'duty_lead'];
// ECharts is loaded with the wall, not with the app's first page.
const StateDonut = lazy(() => import('./WallCharts.tsx').then((m) => ({ default: m.StateDonut })));
const QueueBars = lazy(() => import('./WallCharts.tsx').then((m) => ({ default: m.QueueBars })));
const TrendLines = lazy(() => import('./WallCharts.tsx').then((m) => ({ default: m.TrendLines })));
const chartFallback = <div className="sb-wall__chart" />;

/** Calls talking first, then ringing, then waiting; oldest first within each. */
const PHASE_ORDER: Record<string, number> = { connected: 0, offering: 1, queued: 2 };
function byPhase(a: WallCall, b: WallCall): number {
  const phase = (PHASE_ORDER[a.phase] ?? 3) - (PHASE_ORDER[b.phase] ?? 3);
  return phase !== 0 ? phase : a.startedAt.localeCompare(b.startedAt);
}
/** The "no filter" choice of the selects (antd options cannot have a null value). */
const ALL = 'all';

/** 实时监控 (SUP-7): the supervisor's live wall of agents, queues, calls and lines. */
export function WallPage() {
  const { locale, t } = useWallI18n();
  const alarmText = useFaultAlarmMessages();
  const user = useCurrentUser();
  const canAct = user.roles.some((r) => LEAD_ROLES.includes(r));
  const { snapshot, receivedAt, now, error, history, refresh } = useWallData();
  const [stateFilter, setStateFilter] = useState<AgentState | null>(null);
  const [skillFilter, setSkillFilter] = useState<number | null>(null);
  const [search, setSearch] = useState('');
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [skillGroups, setSkillGroups] = useState<SkillGroupRef[]>([]);

  useEffect(() => {
    const controller = new AbortController();
    fetchSkillGroups(controller.signal).then(setSkillGroups, () => {
      // The filter then lists the groups by number; the wall itself still works.
    });
    return () => controller.abort();
  }, []);

  const agents = useMemo(
    () => (snapshot ? buildAgentViews(snapshot, receivedAt, now, user.extension) : []),
    [snapshot, receivedAt, now, user.extension],
  );
  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    return agents
      .filter((a) => stateFilter === null || a.state === stateFilter)
      .filter((a) => skillFilter === null || a.skills.some((s) => s.skillGroupId === skillFilter))
      .filter((a) => q === '' || a.employeeNo.includes(q) || a.name.toLowerCase().includes(q))
      .sort((x, y) => x.employeeNo.localeCompare(y.employeeNo));
  }, [agents, stateFilter, skillFilter, search]);

  const elapsed = Math.max(0, (now - receivedAt) / 1000);
  const calls = useMemo<CallRow[]>(() => {
    if (!snapshot) return [];
    const byId = new Map(snapshot.agents.map((a) => [a.agentId, a]));
    const queueNames = new Map(snapshot.queues.map((q) => [q.queueId, q.name]));
    return [...snapshot.calls].sort(byPhase).map((c) => ({
      ...c,
      liveTalkSeconds: Math.floor(c.talkSeconds + elapsed),
      queueName: c.queueId ? (queueNames.get(c.queueId) ?? c.queueId) : null,
      agentLabels: c.agentIds.map((id) => {
        const a = byId.get(id);
        return a ? `${a.employeeNo} ${a.name}` : `#${id}`;
      }),
    }));
  }, [snapshot, elapsed]);
  const lines = useMemo<LineRow[]>(
    () => snapshot?.lines.map((l) => ({ ...l, liveTalkSeconds: Math.floor(l.talkSeconds + elapsed) })) ?? [],
    [snapshot, elapsed],
  );

  const skillOptions = useMemo(() => {
    const ids = new Set(agents.flatMap((a) => a.skills.map((s) => s.skillGroupId)));
    for (const g of skillGroups) ids.add(g.id);
    return [...ids]
      .sort((a, b) => a - b)
      .map((id) => ({ value: id, label: skillGroups.find((g) => g.id === id)?.name ?? `#${id}` }));
  }, [agents, skillGroups]);

  const onOpen = useCallback((agentId: number) => setSelectedId(agentId), []);
  const selected = agents.find((a) => a.agentId === selectedId) ?? null;

  const waiting = snapshot?.queues.reduce((sum, q) => sum + q.waiting, 0) ?? 0;
  const longest = snapshot?.queues.reduce((max, q) => Math.max(max, q.longestWaitSeconds), 0) ?? 0;
  const online = agents.filter((a) => a.state !== 'signed_out').length;
  const updated = snapshot ? new Date(receivedAt).toLocaleTimeString(locale, { hour12: false }) : null;

  return (
    <section className="sb-wall" data-testid="wall">
      <header className="sb-wall__bar">
        <Typography.Title level={4} className="sb-wall__title">
          {t('wall.title')}
        </Typography.Title>
        <div className="sb-wall__kpis">
          <Kpi label={t('wall.kpi.agents')} value={String(online)} testId="wall-kpi-agents" />
          <Kpi
            label={t('wall.kpi.waiting')}
            value={String(waiting)}
            testId="wall-kpi-waiting"
            alert={waiting > 0}
          />
          <Kpi
            label={t('wall.kpi.longestWait')}
            value={waiting > 0 ? formatDuration(longest + elapsed) : '—'}
            testId="wall-kpi-longest"
            alert={longest >= 60}
          />
          <Kpi
            label={t('wall.kpi.calls')}
            value={String(snapshot?.calls.length ?? 0)}
            testId="wall-kpi-calls"
          />
        </div>
        <div className="sb-wall__spacer" />
        <Typography.Text type="secondary" className="sb-wall__updated" data-testid="wall-updated">
          {updated ? t('wall.updatedAt', { time: updated }) : t('wall.loading')}
        </Typography.Text>
        <Tooltip title={t('wall.updatedAt', { time: updated ?? '—' })}>
          <Button size="small" type="text" icon={<ReloadOutlined />} onClick={refresh} aria-label="refresh" />
        </Tooltip>
      </header>

      {error ? (
        <Alert
          type="warning"
          showIcon
          className="sb-wall__alertbar"
          title={t('wall.stale', { message: error })}
        />
      ) : null}

      <div className="sb-wall__filters">
        <fieldset className="sb-wall__counts" aria-label={t('wall.filter.state')}>
          {AGENT_STATES.map((s) => (
            <button
              key={s}
              type="button"
              className={`sb-wall-count${stateFilter === s ? ' sb-wall-count--active' : ''}`}
              data-testid={`wall-count-${s}`}
              aria-pressed={stateFilter === s}
              onClick={() => setStateFilter((prev) => (prev === s ? null : s))}
            >
              <span className="sb-wall-count__dot" style={{ background: STATE_COLORS[s] }} />
              <span className="sb-wall-count__label">{t(`wall.state.${s}`)}</span>
              <span className="sb-wall-count__value">{snapshot?.countsByState[s] ?? 0}</span>
            </button>
          ))}
        </fieldset>
        <div className="sb-wall__spacer" />
        <Select<AgentState | typeof ALL>
          size="small"
          className="sb-wall__select"
          value={stateFilter ?? ALL}
          onChange={(value) => setStateFilter(value === ALL ? null : value)}
          data-testid="wall-filter-state"
          options={[
            { value: ALL, label: t('wall.filter.allStates') },
            ...AGENT_STATES.map((s) => ({ value: s, label: t(`wall.state.${s}`) })),
          ]}
        />
        <Select<number | typeof ALL>
          size="small"
          className="sb-wall__select"
          value={skillFilter ?? ALL}
          onChange={(value) => setSkillFilter(value === ALL ? null : value)}
          data-testid="wall-filter-skill"
          options={[{ value: ALL, label: t('wall.filter.allSkills') }, ...skillOptions]}
        />
        <Input
          size="small"
          allowClear
          className="sb-wall__search"
          prefix={<SearchOutlined />}
          placeholder={t('wall.filter.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="wall-filter-search"
        />
      </div>

      {!canAct ? <Typography.Text type="secondary">{t('wall.readOnly')}</Typography.Text> : null}

      <div className="sb-wall__main">
        <Card
          size="small"
          className="sb-wall__agents"
          title={t('wall.section.agents', { shown: shown.length, total: agents.length })}
        >
          {snapshot ? (
            <AgentGrid agents={shown} selectedId={selectedId} onOpen={onOpen} />
          ) : (
            <Skeleton active />
          )}
        </Card>
        <div className="sb-wall__side">
          <Figure title={t('wall.section.counts')}>
            {snapshot ? <StateDonut counts={snapshot.countsByState} /> : null}
          </Figure>
          <Figure title={t('wall.section.queues')}>
            {snapshot ? <QueueBars queues={snapshot.queues} /> : null}
          </Figure>
          <Figure title={t('wall.section.trend')}>
            <TrendLines history={history} />
          </Figure>
        </div>
      </div>

      <div className="sb-wall__bottom">
        <Card
          size="small"
          title={t('wall.section.calls', { count: calls.length })}
          className="sb-wall__calls"
        >
          <CallsTable calls={calls} />
        </Card>
        <div className="sb-wall__stack">
          <Card size="small" title={t('wall.section.queues')}>
            <QueueTable queues={snapshot?.queues ?? []} />
          </Card>
          <Card size="small" title={t('wall.section.lines', { count: lines.length })}>
            <LinesTable lines={lines} />
          </Card>
        </div>
      </div>

      <Card size="small" title={alarmText('alarm.history.title')} className="sb-wall__alarms">
        <FaultAlarmHistory />
      </Card>

      <AgentDrawer
        agent={selected}
        open={selectedId !== null}
        canAct={canAct}
        skillGroups={skillGroups}
        onClose={() => setSelectedId(null)}
        onChanged={refresh}
      />
    </section>
  );
}

/** One live figure in the side panel: a small heading over its chart. */
function Figure({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="sb-wall-figure">
      <h5 className="sb-wall-figure__title">{title}</h5>
      <Suspense fallback={chartFallback}>{children ?? chartFallback}</Suspense>
    </section>
  );
}

function Kpi({
  label,
  value,
  testId,
  alert = false,
}: {
  label: string;
  value: string;
  testId: string;
  alert?: boolean;
}) {
  return (
    <div className={`sb-wall-kpi${alert ? ' sb-wall-kpi--alert' : ''}`}>
      <span className="sb-wall-kpi__label">{label}</span>
      <span className="sb-wall-kpi__value" data-testid={testId}>
        {value}
      </span>
    </div>
  );
}
