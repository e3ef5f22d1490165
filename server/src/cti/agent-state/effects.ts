import type {
  AgentEffect,
  AgentEvent,
  AgentStatus,
  Supervisor,
  SupervisorPromptKind,
} from './agent-state.ts';
import { restReason } from './guards.ts';
import type { NotReadyReason } from './reasons.ts';

/**
 * Effects follow from what changed, not from which event did it, so no event can enter wrap-up
 * without starting its timer, or leave a rest without the supervisors hearing of it.
 */
export function effectsOf(before: AgentStatus, after: AgentStatus, event: AgentEvent): AgentEffect[] {
  const effects: AgentEffect[] = [];
  const wasWrappingUp = before.state === 'after_call_work';
  const isWrappingUp = after.state === 'after_call_work';
  if (isWrappingUp && !wasWrappingUp && after.wrapUpDeadline) {
    effects.push({ type: 'start_wrap_up_timer', deadline: after.wrapUpDeadline });
  }
  if (wasWrappingUp && !isWrappingUp && event.type !== 'wrap_up_timer_elapsed') {
    effects.push({ type: 'cancel_wrap_up_timer' });
  }
  // On a fresh offer, or when auto-answer is switched on while the phone is already ringing.
  const autoAnswerNow = after.state === 'ringing' && after.autoAnswer;
  const autoAnswerBefore = before.state === 'ringing' && before.autoAnswer && before.callId === after.callId;
  if (autoAnswerNow && !autoAnswerBefore && after.callId) {
    effects.push({ type: 'auto_answer', callId: after.callId });
  }
  effects.push(...supervisorPrompts(before, after, 'by' in event ? event.by : null));
  return effects;
}

function supervisorPrompts(before: AgentStatus, after: AgentStatus, by: Supervisor | null): AgentEffect[] {
  const prompt = (kind: SupervisorPromptKind, reason: NotReadyReason | null = null): AgentEffect => ({
    type: 'notify_supervisors',
    kind,
    reason,
    by,
  });
  if (before.state === 'signed_out' && after.state !== 'signed_out') return [prompt('signed_in')];
  // Signing out ends any rest too; one prompt says it.
  if (before.state !== 'signed_out' && after.state === 'signed_out') return [prompt('signed_out')];
  const prompts: AgentEffect[] = [];
  const restBefore = restReason(before);
  const restAfter = restReason(after);
  if (restBefore && restBefore !== restAfter) prompts.push(prompt('rest_ended', restBefore));
  if (restAfter && restAfter !== restBefore) prompts.push(prompt('rest_started', restAfter));
  return prompts;
}
