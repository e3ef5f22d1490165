import type { IvrAnalytics } from '@switchboard/shared';
import { SankeyChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([SankeyChart, TooltipComponent, CanvasRenderer]);

/** The menu tree as a sankey: nodes labelled with their visits, links with the calls that took them. */
export function IvrSankey({ analytics }: { analytics: IvrAnalytics }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const chart = echarts.init(element, undefined, { renderer: 'canvas' });
    const visited = analytics.nodes.filter((n) => n.visits > 0);
    const known = new Set(visited.map((n) => n.nodeId));
    // a sankey must be acyclic: keep the first link of each pair of opposite links
    const seen = new Set<string>();
    const links = analytics.links.filter((l) => {
      if (
        !known.has(l.source) ||
        !known.has(l.target) ||
        l.source === l.target ||
        seen.has(`${l.target}>${l.source}`)
      )
        return false;
      seen.add(`${l.source}>${l.target}`);
      return true;
    });
    chart.setOption({
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'sankey',
          emphasis: { focus: 'adjacency' },
          data: visited.map((n) => ({ name: n.nodeId, label: { formatter: `${n.name} (${n.visits})` } })),
          links,
        },
      ],
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [analytics]);
  return <div ref={box} style={{ height: 420 }} data-testid="ivr-sankey" role="img" />;
}
