import type { MessageKey } from '../../i18n/messages.ts';
import type { CallInfo } from './call-model.ts';
import type { AgentCommandPath, AgentView } from './softphone-api.ts';

// Which softphone buttons the current state allows (docs/cti.md). The server has the last word
// (409 with the reason); this only keeps impossible buttons greyed out.

export type SoftphoneAction = AgentCommandPath;

export function allowedActions(agent: AgentView | null, call: CallInfo | null): ReadonlySet<SoftphoneAction> {
  const state = agent?.state ?? 'signed_out';
  const allowed = new Set<SoftphoneAction>();
  if (state === 'signed_out') {
    allowed.add('sign-in');
    return allowed;
  }
  allowed.add('auto-answer');
  allowed.add('forwarding');
  const consult = call?.consult ?? null;
  // 示忙 during a call is remembered until the call and its wrap-up end.
  if (state !== 'ringing') allowed.add('not-ready');
  switch (state) {
    case 'ready':
    case 'not_ready':
      allowed.add('sign-out');
      allowed.add('dial');
      allowed.add('pickup');
      if (state === 'not_ready') allowed.add('ready');
      break;
    case 'ringing':
      allowed.add('answer');
      allowed.add('hangup');
      break;
    case 'talking':
    case 'hold':
      allowed.add('hangup');
      allowed.add('recording');
      if (state === 'talking') allowed.add('mute');
      if (!consult) {
        allowed.add(state === 'talking' ? 'hold' : 'retrieve');
        allowed.add('transfer');
        allowed.add('consult');
      } else {
        allowed.add('consult/cancel');
        if (consult.answered) {
          allowed.add('consult/complete');
          allowed.add('conference');
        }
      }
      break;
    case 'after_call_work':
      allowed.add('wrap-up/finish');
      break;
  }
  return allowed;
}

const STATE_KEYS: Record<string, MessageKey> = {
  signed_out: 'agentState.signed_out',
  ready: 'agentState.ready',
  not_ready: 'agentState.not_ready',
  ringing: 'agentState.ringing',
  talking: 'agentState.talking',
  hold: 'agentState.hold',
  after_call_work: 'agentState.after_call_work',
};

export function agentStateKey(state: string | undefined): MessageKey {
  return STATE_KEYS[state ?? 'signed_out'] ?? 'agentState.signed_out';
}

const REASON_KEYS: Record<string, MessageKey> = {
  short_break: 'reason.short_break',
  meal: 'reason.meal',
  training: 'reason.training',
  meeting: 'reason.meeting',
  other: 'reason.other',
  signed_in: 'reason.signed_in',
  no_answer: 'reason.no_answer',
  forced: 'reason.forced',
};

export function reasonKey(reason: string | null): MessageKey | null {
  return reason ? (REASON_KEYS[reason] ?? null) : null;
}
