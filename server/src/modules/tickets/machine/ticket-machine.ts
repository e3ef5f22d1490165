import type { Role, TicketState } from '@switchboard/shared';
import { assertNever } from '../../../cti/agent-state/assert-never.ts';

// The ticket lifecycle (CPL-4 … CPL-8, CPL-11) as a pure machine: no I/O, no clock. The service
// loads the facts, asks `decideTicket`, and writes the outcome with its history row.

export type TicketFacts = {
  state: TicketState;
  ownerId: number;
  departmentId: number | null;
  responsibleId: number | null;
};

export type TicketActor = { id: number; roles: readonly Role[]; departmentId: number | null };

export type TicketCommand =
  | { type: 'dispatch'; departmentId: number }
  | { type: 'review'; valid: boolean; hasNote: boolean }
  | { type: 'finish' }
  | { type: 'reply' }
  | { type: 'close' };
export type TicketCommandType = TicketCommand['type'];
export const TICKET_COMMANDS: readonly TicketCommandType[] = [
  'dispatch',
  'review',
  'finish',
  'reply',
  'close',
];

export type TicketRefusal =
  | 'wrong_state'
  | 'not_owner'
  | 'not_department_supervisor'
  | 'not_responsible'
  | 'reason_required';

export type TicketDecision = { ok: true; next: TicketState } | { ok: false; refusal: TicketRefusal };

const LEADS: readonly Role[] = ['team_lead', 'duty_lead', 'admin'];

/** First-contact ownership (CPL-11): the owner agent acts; team leads may step in. */
export const actsForOwner = (actor: TicketActor, t: TicketFacts) =>
  actor.id === t.ownerId || actor.roles.some((r) => LEADS.includes(r));

export const supervisesDepartment = (actor: TicketActor, departmentId: number | null) =>
  departmentId !== null && actor.roles.includes('dept_supervisor') && actor.departmentId === departmentId;

/** The responsible handler, or their department's supervisor. */
export const handlesTicket = (actor: TicketActor, t: TicketFacts) =>
  (t.responsibleId !== null && actor.id === t.responsibleId) || supervisesDepartment(actor, t.departmentId);

const refuse = (refusal: TicketRefusal): TicketDecision => ({ ok: false, refusal });
const to = (next: TicketState): TicketDecision => ({ ok: true, next });

export function decideTicket(t: TicketFacts, command: TicketCommand, actor: TicketActor): TicketDecision {
  switch (command.type) {
    case 'dispatch':
      if (t.state !== 'new') return refuse('wrong_state');
      return actsForOwner(actor, t) ? to('dispatched') : refuse('not_owner');
    case 'review':
      if (t.state !== 'dispatched') return refuse('wrong_state');
      if (!supervisesDepartment(actor, t.departmentId)) return refuse('not_department_supervisor');
      if (!command.valid && !command.hasNote) return refuse('reason_required');
      return to(command.valid ? 'processing' : 'rejected');
    case 'finish':
      if (t.state !== 'processing') return refuse('wrong_state');
      return handlesTicket(actor, t) ? to('answered') : refuse('not_responsible');
    case 'reply':
      if (t.state !== 'answered' && t.state !== 'rejected') return refuse('wrong_state');
      return actsForOwner(actor, t) ? to('replied') : refuse('not_owner');
    case 'close':
      if (t.state !== 'replied') return refuse('wrong_state');
      return actsForOwner(actor, t) ? to('closed') : refuse('not_owner');
    default:
      return assertNever(command);
  }
}

/** Which commands this actor could give now (the UI enables its buttons from this). */
export function allowedCommands(t: TicketFacts, actor: TicketActor): TicketCommandType[] {
  const probe = (type: TicketCommandType): TicketCommand => {
    switch (type) {
      case 'dispatch':
        return { type, departmentId: t.departmentId ?? 0 };
      case 'review':
        return { type, valid: true, hasNote: true };
      case 'finish':
      case 'reply':
      case 'close':
        return { type };
      default:
        return assertNever(type);
    }
  };
  return TICKET_COMMANDS.filter((type) => decideTicket(t, probe(type), actor).ok);
}
