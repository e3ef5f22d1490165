import { AudioOutlined, EyeOutlined } from '@ant-design/icons';
import { Empty } from 'antd';
import { memo } from 'react';
import { formatDuration } from './wall-format.ts';
import { useWallI18n } from './wall-messages.ts';
import { type AgentView, stateLabel } from './wall-model.ts';

interface AgentTileProps {
  agent: AgentView;
  selected: boolean;
  onOpen: (agentId: number) => void;
}

const AgentTile = memo(function AgentTile({ agent, selected, onOpen }: AgentTileProps) {
  const { t } = useWallI18n();
  const label = stateLabel(t, agent);
  const recording = agent.call?.recording ?? false;
  const className = `sb-wall-tile sb-wall-tile--${agent.state}${selected ? ' sb-wall-tile--selected' : ''}`;
  return (
    <button
      type="button"
      className={className}
      data-testid={`wall-agent-${agent.employeeNo}`}
      data-state={agent.state}
      onClick={() => onOpen(agent.agentId)}
      title={`${agent.employeeNo} ${agent.name} · ${label}`}
    >
      <span className="sb-wall-tile__head">
        <span className="sb-wall-tile__no">{agent.employeeNo}</span>
        <span className="sb-wall-tile__name">{agent.name}</span>
      </span>
      <span className="sb-wall-tile__state">
        <span className="sb-wall-tile__label" data-testid={`wall-agent-state-${agent.employeeNo}`}>
          {label}
        </span>
        <span className="sb-wall-tile__time">{formatDuration(agent.liveSeconds)}</span>
      </span>
      <span className="sb-wall-tile__call">
        {agent.partyNumber ?? agent.extension ?? '—'}
        {agent.monitoredByMe ? <EyeOutlined className="sb-wall-tile__icon" /> : null}
        {recording ? <AudioOutlined className="sb-wall-tile__icon sb-wall-tile__icon--rec" /> : null}
      </span>
    </button>
  );
});

interface AgentGridProps {
  agents: AgentView[];
  selectedId: number | null;
  onOpen: (agentId: number) => void;
}

/** Dense grid of agent tiles coloured by state (fits 200 agents at 1280×800 with scrolling). */
export function AgentGrid({ agents, selectedId, onOpen }: AgentGridProps) {
  const { t } = useWallI18n();
  if (agents.length === 0) {
    return (
      <Empty
        className="sb-wall__empty"
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('wall.noAgents')}
      />
    );
  }
  return (
    <div className="sb-wall-grid" data-testid="wall-agents">
      {agents.map((agent) => (
        <AgentTile
          key={agent.agentId}
          agent={agent}
          selected={agent.agentId === selectedId}
          onOpen={onOpen}
        />
      ))}
    </div>
  );
}
