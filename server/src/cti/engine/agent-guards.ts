import { AppError } from '../../http/app-error.ts';
import { type AgentEvent, transition } from '../agent-state/index.ts';
import { CTI_ERRORS } from './cti.errors.ts';
import type { CtiAgent } from './cti-types.ts';

/** Throws the machine's own 409 if the agent could not take this event now; changes nothing. */
export function assertAgentEventAllowed(agent: CtiAgent, event: AgentEvent): void {
  const result = transition(agent.status, event);
  if (!result.ok) {
    throw new AppError(CTI_ERRORS.AGENT_STATE_REFUSED, {
      params: { zh: result.error.message['zh-CN'], en: result.error.message['en-US'] },
    });
  }
}
