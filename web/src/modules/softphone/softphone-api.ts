import { isApiRequestError } from '../../api/api-error.ts';
import { apiJson } from '../../api/client.ts';
import type { AgentStateName, TransferTarget } from '../live/cti-event.ts';

// The softphone REST API (docs/cti.md, `/api/cti/agent/*`): every command answers the agent's new status.

export type AgentView = {
  id: number;
  employeeNo: string;
  state: AgentStateName;
  since: string;
  notReadyReason: string | null;
  callId: string | null;
  extension: string | null;
  autoAnswer: boolean;
  forwardTo: string | null;
  skills: { skillGroupId: number; level: number }[];
  wrapUpDeadline: string | null;
};

/** The 示忙 reasons an agent may pick (小休, 用餐, 培训, 会议, 其他). */
export const SELECTABLE_REASONS = ['short_break', 'meal', 'training', 'meeting', 'other'] as const;
export type SelectableReason = (typeof SELECTABLE_REASONS)[number];

export type AgentCommand =
  | { path: 'sign-in'; body?: { extension?: string; ready?: boolean } }
  | { path: 'sign-out' | 'ready' | 'answer' | 'hangup' | 'hold' | 'retrieve' | 'pickup' }
  | { path: 'consult/cancel' | 'consult/complete' | 'conference' | 'wrap-up/finish' }
  | { path: 'not-ready'; body: { reason: SelectableReason } }
  | { path: 'mute'; body: { muted: boolean } }
  | { path: 'auto-answer'; body: { on: boolean } }
  | { path: 'dial'; body: { target: { number: string } | { agentId: number } } }
  | { path: 'transfer'; body: { target: TransferTarget } }
  | {
      path: 'consult';
      body: { target: TransferTarget; purpose: 'consult' | 'help'; threeParty: boolean };
    }
  | { path: 'forwarding'; body: { forwardTo: string | null } }
  | { path: 'recording'; body: { action: 'start' | 'pause' | 'resume' } };

export type AgentCommandPath = AgentCommand['path'];

export function runAgentCommand(command: AgentCommand): Promise<AgentView> {
  return apiJson<AgentView>(`/api/cti/agent/${command.path}`, {
    method: 'POST',
    body: 'body' in command ? command.body : {},
  });
}

/** My agent status, or null when I am not signed in to the CTI. */
export async function fetchAgentMe(): Promise<AgentView | null> {
  try {
    return await apiJson<AgentView>('/api/cti/agent/me');
  } catch (error) {
    if (isApiRequestError(error) && error.code === 'AGENT_NOT_SIGNED_IN') return null;
    throw error;
  }
}

export type QueueOption = { queueId: string; name: string; accessCodes: string[] };

/** Skill queues for the transfer picker: one queue per skill group, id `q-<skillGroupId>`. */
/** A published IVR flow an agent may send the caller to (转IVR, CTI-10). */
export type IvrFlowOption = { id: number; name: string };

export async function fetchIvrTransferTargets(): Promise<IvrFlowOption[]> {
  return (await apiJson<{ items: IvrFlowOption[] }>('/api/ivr/transfer-targets')).items;
}

export async function fetchQueues(): Promise<QueueOption[]> {
  const page = await apiJson<{ items: { id: number; name: string; accessCodes: string[] }[] }>(
    '/api/skill-groups?pageSize=200',
  );
  return page.items.map((g) => ({ queueId: `q-${g.id}`, name: g.name, accessCodes: g.accessCodes }));
}

export type Colleague = { agentId: number; employeeNo: string; name: string; state: string };

/** Signed-in colleagues with their live state (names and states only, no callers). */
export async function fetchColleagues(): Promise<Colleague[]> {
  return apiJson<Colleague[]>('/api/cti/agent/colleagues');
}
