import { AGENT_STATES, type AgentState } from '@switchboard/shared';
import { apiJson } from '../../api/client.ts';

// Client side of the live wall (SUP-7) and the team lead's actions (SUP-1 … SUP-5, SUP-8).
// The shape mirrors server/src/cti/engine/snapshot.ts.

export { AGENT_STATES, type AgentState };

export interface WallAgent {
  agentId: number;
  employeeNo: string;
  name: string;
  state: AgentState;
  reason: string | null;
  since: string;
  secondsInState: number;
  extension: string | null;
  callId: string | null;
  skills: { skillGroupId: number; level: number }[];
  autoAnswer: boolean;
}

export interface WallQueue {
  queueId: string;
  name: string;
  waiting: number;
  /** Of the waiting: callbacks keeping a caller's place (ACD-6). */
  callbacks: number;
  longestWaitSeconds: number;
}

export interface WallCall {
  callId: string;
  direction: string;
  callerNumber: string;
  calledNumber: string;
  phase: string;
  queueId: string | null;
  agentIds: number[];
  onHold: boolean;
  recording: boolean;
  startedAt: string;
  talkSeconds: number;
}

export interface WallLine {
  channelId: string;
  kind: 'trunk' | 'extension';
  number: string;
  role: string;
  callId: string;
  direction: string;
  callerNumber: string;
  calledNumber: string;
  connected: boolean;
  talkSeconds: number;
}

export interface WallSnapshot {
  at: string;
  lines: WallLine[];
  agents: WallAgent[];
  countsByState: Record<AgentState, number>;
  queues: WallQueue[];
  calls: WallCall[];
}

export interface SkillGroupRef {
  id: number;
  name: string;
}

export type MonitorMode = 'listen' | 'whisper' | 'barge';
export type ForceState = 'force_ready' | 'force_not_ready' | 'force_pause' | 'force_sign_out';

export function fetchSnapshot(signal?: AbortSignal): Promise<WallSnapshot> {
  return apiJson<WallSnapshot>('/api/cti/snapshot', signal ? { signal } : {});
}

export async function fetchSkillGroups(signal?: AbortSignal): Promise<SkillGroupRef[]> {
  const page = await apiJson<{ items: SkillGroupRef[] }>(
    '/api/skill-groups?pageSize=200',
    signal ? { signal } : {},
  );
  return page.items.map(({ id, name }) => ({ id, name }));
}

const supervise = (agentId: number, op: string, body?: unknown) =>
  apiJson<{ ok: true }>(`/api/cti/supervise/${agentId}/${op}`, {
    method: 'POST',
    ...(body === undefined ? {} : { body }),
  });

export const monitorAgent = (agentId: number, mode: MonitorMode) => supervise(agentId, 'monitor', { mode });
export const stopMonitoring = (agentId: number) => supervise(agentId, 'stop-monitor');
export const interceptCall = (agentId: number) => supervise(agentId, 'intercept');
export const forceRelease = (agentId: number) => supervise(agentId, 'force-release');
export const forceState = (agentId: number, state: ForceState) =>
  supervise(agentId, 'force-state', { state });
export const recordAgent = (agentId: number, on: boolean) => supervise(agentId, 'record', { on });
