import { TICKET_STATES, type TicketState } from '@switchboard/shared';
import { describe, expect, it } from 'vitest';
import {
  allowedCommands,
  decideTicket,
  TICKET_COMMANDS,
  type TicketActor,
  type TicketCommand,
  type TicketFacts,
} from './ticket-machine.ts';

const agent: TicketActor = { id: 1, roles: ['agent'], departmentId: 1 };
const otherAgent: TicketActor = { id: 2, roles: ['agent'], departmentId: 1 };
const lead: TicketActor = { id: 3, roles: ['team_lead'], departmentId: 1 };
const supervisorA: TicketActor = { id: 10, roles: ['dept_supervisor'], departmentId: 7 };
const supervisorB: TicketActor = { id: 11, roles: ['dept_supervisor'], departmentId: 8 };
const handler: TicketActor = { id: 20, roles: ['dept_handler'], departmentId: 7 };
const otherHandler: TicketActor = { id: 21, roles: ['dept_handler'], departmentId: 7 };

const facts = (state: TicketState): TicketFacts => ({
  state,
  ownerId: 1,
  departmentId: 7,
  responsibleId: 20,
});
const next = (state: TicketState, c: TicketCommand, a: TicketActor) => {
  const d = decideTicket(facts(state), c, a);
  return d.ok ? d.next : d.refusal;
};

describe('ticket state machine (CPL-4 … CPL-8, CPL-11)', () => {
  it('walks the happy path: new → dispatched → processing → answered → replied → closed', () => {
    expect(next('new', { type: 'dispatch', departmentId: 7 }, agent)).toBe('dispatched');
    expect(next('dispatched', { type: 'review', valid: true, hasNote: false }, supervisorA)).toBe(
      'processing',
    );
    expect(next('processing', { type: 'finish' }, handler)).toBe('answered');
    expect(next('answered', { type: 'reply' }, agent)).toBe('replied');
    expect(next('replied', { type: 'close' }, agent)).toBe('closed');
  });

  it('sends an invalid complaint back to the agent, and only with a reason', () => {
    expect(next('dispatched', { type: 'review', valid: false, hasNote: false }, supervisorA)).toBe(
      'reason_required',
    );
    expect(next('dispatched', { type: 'review', valid: false, hasNote: true }, supervisorA)).toBe('rejected');
    expect(next('rejected', { type: 'reply' }, agent)).toBe('replied');
  });

  it('keeps first-contact ownership: another agent is refused, a team lead may step in (CPL-11)', () => {
    expect(next('new', { type: 'dispatch', departmentId: 7 }, otherAgent)).toBe('not_owner');
    expect(next('answered', { type: 'reply' }, otherAgent)).toBe('not_owner');
    expect(next('new', { type: 'dispatch', departmentId: 7 }, lead)).toBe('dispatched');
  });

  it("refuses review by another department's supervisor and finishing by a colleague", () => {
    expect(next('dispatched', { type: 'review', valid: true, hasNote: false }, supervisorB)).toBe(
      'not_department_supervisor',
    );
    expect(next('dispatched', { type: 'review', valid: true, hasNote: false }, handler)).toBe(
      'not_department_supervisor',
    );
    expect(next('processing', { type: 'finish' }, otherHandler)).toBe('not_responsible');
    expect(next('processing', { type: 'finish' }, supervisorA)).toBe('answered');
  });

  it('refuses every command in every state it does not belong to (exhaustive walk)', () => {
    const legal: Record<string, TicketState[]> = {
      dispatch: ['new'],
      review: ['dispatched'],
      finish: ['processing'],
      reply: ['answered', 'rejected'],
      close: ['replied'],
    };
    const everyone = [agent, lead, supervisorA, handler];
    for (const state of TICKET_STATES) {
      for (const type of TICKET_COMMANDS) {
        const command = (
          type === 'dispatch'
            ? { type, departmentId: 7 }
            : type === 'review'
              ? { type, valid: true, hasNote: true }
              : { type }
        ) as TicketCommand;
        const outcomes = everyone.map((a) => decideTicket(facts(state), command, a));
        if (legal[type]?.includes(state)) expect(outcomes.some((o) => o.ok)).toBe(true);
        else expect(outcomes.every((o) => !o.ok && o.refusal === 'wrong_state')).toBe(true);
      }
    }
  });

  it('tells the UI which buttons to enable', () => {
    expect(allowedCommands(facts('new'), agent)).toEqual(['dispatch']);
    expect(allowedCommands(facts('dispatched'), supervisorA)).toEqual(['review']);
    expect(allowedCommands(facts('dispatched'), supervisorB)).toEqual([]);
    expect(allowedCommands(facts('processing'), handler)).toEqual(['finish']);
    expect(allowedCommands(facts('closed'), lead)).toEqual([]);
  });
});
