import { useMemo } from 'react';
import { EChart, type EChartOption } from './EChart.tsx';
import type { TrendPoint } from './use-wall-data.ts';
import { AGENT_STATES, type AgentState, type WallQueue } from './wall-api.ts';
import { formatDuration, STATE_COLORS } from './wall-format.ts';
import { useWallI18n } from './wall-messages.ts';

const AXIS_LABEL = { color: '#6b7280', fontSize: 11 };
const SPLIT_LINE = { lineStyle: { color: '#eef0f4' } };

/** Agents by state (donut), total in the middle. */
export function StateDonut({ counts }: { counts: Record<AgentState, number> }) {
  const { t } = useWallI18n();
  const total = AGENT_STATES.reduce((sum, s) => sum + counts[s], 0);
  const option = useMemo<EChartOption>(
    () => ({
      animationDuration: 300,
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: {
        orient: 'vertical',
        right: 0,
        top: 'middle',
        itemWidth: 10,
        itemHeight: 10,
        textStyle: { fontSize: 12 },
        formatter: (name: string) => {
          const state = AGENT_STATES.find((s) => t(`wall.state.${s}`) === name);
          return state ? `${name}  ${counts[state]}` : name;
        },
      },
      series: [
        {
          type: 'pie',
          radius: ['52%', '80%'],
          center: ['32%', '50%'],
          avoidLabelOverlap: true,
          label: {
            show: true,
            position: 'center',
            formatter: () => String(total),
            fontSize: 22,
            fontWeight: 600,
            color: '#1f2937',
          },
          labelLine: { show: false },
          emphasis: { label: { show: true } },
          data: AGENT_STATES.map((s) => ({
            name: t(`wall.state.${s}`),
            value: counts[s],
            itemStyle: { color: STATE_COLORS[s] },
          })),
        },
      ],
    }),
    [counts, total, t],
  );
  return (
    <EChart
      option={option}
      className="sb-wall__chart"
      testId="wall-chart-states"
      ariaLabel={t('wall.section.counts')}
    />
  );
}

/** Waiting calls per queue (bars), longest wait in the tooltip. */
export function QueueBars({ queues }: { queues: WallQueue[] }) {
  const { t } = useWallI18n();
  const option = useMemo<EChartOption>(
    () => ({
      animationDuration: 300,
      grid: { left: 8, right: 12, top: 16, bottom: 4, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: unknown) => {
          const first = Array.isArray(params) ? (params[0] as { dataIndex: number }) : null;
          const q = first ? queues[first.dataIndex] : undefined;
          if (!q) return '';
          return `${q.name}<br/>${t('wall.queue.waiting')}: ${q.waiting}<br/>${t('wall.queue.longestWait')}: ${formatDuration(q.longestWaitSeconds)}`;
        },
      },
      xAxis: {
        type: 'category',
        data: queues.map((q) => q.name),
        axisLabel: AXIS_LABEL,
        axisTick: { show: false },
      },
      yAxis: { type: 'value', minInterval: 1, axisLabel: AXIS_LABEL, splitLine: SPLIT_LINE },
      series: [
        {
          type: 'bar',
          barMaxWidth: 28,
          data: queues.map((q) => ({
            value: q.waiting,
            itemStyle: {
              color: q.longestWaitSeconds >= 60 ? '#dc2626' : '#f59e0b',
              borderRadius: [3, 3, 0, 0],
            },
          })),
          label: { show: true, position: 'top', fontSize: 11, color: '#374151' },
        },
      ],
    }),
    [queues, t],
  );
  return (
    <EChart
      option={option}
      className="sb-wall__chart"
      testId="wall-chart-queues"
      ariaLabel={t('wall.section.queues')}
    />
  );
}

/** Waiting calls and talking agents over the last 10 minutes, one sample per refresh. */
export function TrendLines({ history }: { history: TrendPoint[] }) {
  const { t } = useWallI18n();
  const option = useMemo<EChartOption>(() => {
    const last = history[history.length - 1]?.t ?? Date.now();
    // The window grows from the first sample (at least a minute) up to the last 10 minutes.
    const first = history[0]?.t ?? last;
    const min = Math.max(last - 10 * 60_000, Math.min(first, last - 60_000));
    return {
      animation: false,
      grid: { left: 8, right: 12, top: 28, bottom: 4, containLabel: true },
      legend: { top: 0, right: 0, itemWidth: 14, itemHeight: 8, textStyle: { fontSize: 11 } },
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'time',
        min,
        max: last,
        axisLabel: { ...AXIS_LABEL, hideOverlap: true },
        splitLine: { show: false },
      },
      yAxis: { type: 'value', minInterval: 1, axisLabel: AXIS_LABEL, splitLine: SPLIT_LINE },
      series: [
        {
          name: t('wall.chart.waiting'),
          type: 'line',
          showSymbol: false,
          step: 'end',
          color: '#f59e0b',
          areaStyle: { opacity: 0.12 },
          data: history.map((p) => [p.t, p.waiting]),
        },
        {
          name: t('wall.chart.talking'),
          type: 'line',
          showSymbol: false,
          step: 'end',
          color: STATE_COLORS.talking,
          data: history.map((p) => [p.t, p.talking]),
        },
      ],
    };
  }, [history, t]);
  return (
    <EChart
      option={option}
      className="sb-wall__chart"
      testId="wall-chart-trend"
      ariaLabel={t('wall.section.trend')}
    />
  );
}
