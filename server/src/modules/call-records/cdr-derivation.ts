import type { CtiEvent, LegRole, TransferTarget } from '../../cti/engine/cti-types.ts';
import { LegBook } from './cdr-legs.ts';

// What each event of a call means for its CDR: where the customer is (for wait / talk / hold),
// who owns the call, and which legs joined and left.

// Time with an outside party after a transfer out, or after the customer left a call others go on
// with, counts as none of wait / talk / hold.
export type Phase = 'waiting' | 'talking' | 'held' | 'elsewhere';

export type CallStart = Extract<CtiEvent, { type: 'call_started' }>;

export type Derivation = {
  start: CallStart;
  phase: Phase;
  phaseSince: Date;
  totals: Record<Phase, number>;
  legs: LegBook;
  dialerId: number | null;
  firstAgentId: number | null;
  ownerId: number | null;
  queueId: string | null;
  queuedAt: Date | null;
  offeredAt: Date | null;
  answeredAt: Date | null;
  transfers: number;
  /** The last transfer's target, and whether someone answered after it. */
  lastTransfer: { target: TransferTarget; answeredAfter: boolean } | null;
  consult: { target: TransferTarget } | null;
};

export function beginDerivation(start: CallStart, at: Date): Derivation {
  const legs = new LegBook();
  if (start.direction === 'inbound') legs.add('customer', null, start.callerNumber, at, at);
  if (start.direction === 'outbound') legs.add('outside', null, start.calledNumber, at, null);
  return {
    start,
    phase: 'waiting',
    phaseSince: at,
    totals: { waiting: 0, talking: 0, held: 0, elsewhere: 0 },
    legs,
    dialerId: null,
    firstAgentId: null,
    ownerId: null,
    queueId: null,
    queuedAt: null,
    offeredAt: null,
    answeredAt: null,
    transfers: 0,
    lastTransfer: null,
    consult: null,
  };
}

export function moveTo(s: Derivation, phase: Phase, at: Date): void {
  s.totals[s.phase] += Math.max(0, at.getTime() - s.phaseSince.getTime());
  s.phase = phase;
  s.phaseSince = at;
}

function markAnswered(s: Derivation, at: Date): void {
  s.answeredAt ??= at;
  if (s.lastTransfer) s.lastTransfer.answeredAfter = true;
  moveTo(s, 'talking', at);
}

const numberOf = (t: TransferTarget) => (t.kind === 'number' ? t.number : null);
const staffOf = (t: TransferTarget) => (t.kind === 'agent' ? t.agentId : null);
const partyRole = (t: TransferTarget): LegRole => (t.kind === 'agent' ? 'agent' : 'outside');

function targetLeg(s: Derivation, t: TransferTarget) {
  return s.legs.find(staffOf(t), numberOf(t));
}

/** The consulted party becomes a party of the call (conference), or takes it over (transfer). */
function consultJoins(s: Derivation, at: Date, transfer: boolean): void {
  const target = s.consult?.target;
  s.consult = null;
  if (!target) return;
  const leg = targetLeg(s, target);
  if (leg) leg.role = partyRole(target);
  if (!transfer) {
    moveTo(s, 'talking', at);
    return;
  }
  s.transfers++;
  s.lastTransfer = { target, answeredAfter: false };
  if (target.kind === 'agent') s.ownerId = target.agentId;
  moveTo(s, target.kind === 'agent' ? 'talking' : 'elsewhere', at);
}

export function applyEvent(s: Derivation, event: CtiEvent, at: Date): void {
  const { legs, start } = s;
  switch (event.type) {
    case 'agent_state':
      // Outbound / internal: the dialler goes straight to talking on the new call.
      if (start.direction !== 'inbound' && s.dialerId === null && event.state === 'talking') {
        s.dialerId = s.firstAgentId = s.ownerId = event.agentId;
        // A callback's agent was offered it first (ACD-6): that leg connects.
        if (legs.find(event.agentId)) legs.join(event.agentId, at);
        else legs.add('agent', event.agentId, start.callerNumber, at, at);
      } else if (start.direction === 'internal' && event.state === 'ringing' && !legs.find(event.agentId)) {
        legs.add('agent', event.agentId, start.calledNumber, at, null);
      }
      break;
    case 'call_queued':
      s.queueId ??= event.queueId;
      s.queuedAt ??= at;
      // Whoever was still ringing or being consulted is gone: the customer waits again.
      // A callback waits for an agent before its customer is dialled (ACD-6): that leg stays.
      legs.closeWhere(
        at,
        (l) =>
          l.role === 'customer' ||
          l.role === 'supervisor' ||
          l.joinedAt !== null ||
          (event.reason === 'callback' && l.role === 'outside'),
      );
      s.consult = null;
      moveTo(s, 'waiting', at);
      break;
    case 'call_offered':
      s.offeredAt ??= at;
      legs.add('agent', event.agentId, null, at, null);
      break;
    case 'offer_failed':
      legs.close(legs.find(event.agentId), at);
      break;
    case 'call_answered':
      if (start.direction === 'inbound' || s.transfers > 0) {
        s.firstAgentId ??= event.agentId;
        s.ownerId = event.agentId;
      }
      legs.join(event.agentId, at);
      markAnswered(s, at);
      break;
    case 'call_held':
      if (s.phase === 'talking') moveTo(s, 'held', at);
      break;
    case 'call_retrieved':
      if (s.phase === 'held') moveTo(s, 'talking', at);
      break;
    case 'consult_started':
      s.consult = { target: event.target };
      legs.add('consult', staffOf(event.target), numberOf(event.target), at, null);
      break;
    case 'consult_answered': {
      const leg = targetLeg(s, event.target);
      if (leg && leg.joinedAt === null) leg.joinedAt = at;
      break;
    }
    case 'consult_ended':
      if (s.consult) legs.close(targetLeg(s, s.consult.target), at);
      s.consult = null;
      break;
    case 'conference_started':
      consultJoins(s, at, false);
      break;
    case 'transferred':
      legs.close(legs.find(event.fromAgentId), at);
      if (event.mode === 'attended') {
        consultJoins(s, at, true);
        break;
      }
      s.transfers++;
      s.lastTransfer = { target: event.target, answeredAfter: false };
      if (event.target.kind === 'number') legs.add('outside', null, event.target.number, at, null);
      moveTo(s, event.target.kind === 'number' ? 'elsewhere' : 'waiting', at);
      break;
    case 'party_left':
      partyLeft(s, event, at);
      break;
    case 'supervisor_joined':
      legs.add('supervisor', event.supervisorId, null, at, at);
      break;
    case 'intercepted': {
      // The supervisor takes the call over: from now on a party, and its owner.
      legs.close(legs.find(event.agentId, undefined, 'agent'), at);
      const leg = legs.find(event.supervisorId, undefined, 'supervisor');
      if (leg) leg.role = 'agent';
      s.ownerId = event.supervisorId;
      break;
    }
    case 'party_answered':
      // The customer of a callback picked up (ACD-6).
      if (start.direction === 'outbound' && s.answeredAt === null && event.role === 'customer') {
        const leg = legs.find(null, event.number, 'outside');
        if (leg) {
          leg.role = 'customer';
          leg.joinedAt = at;
        }
        markAnswered(s, at);
      }
      break;
    case 'recording_started':
      // No event says an outside number answered an outbound call; recording starts exactly then.
      if (start.direction === 'outbound' && s.answeredAt === null && s.phase === 'waiting') {
        const leg = legs.find(null, start.calledNumber, 'outside');
        if (leg) leg.joinedAt = at;
        markAnswered(s, at);
      }
      break;
    default:
      break;
  }
}

function partyLeft(s: Derivation, event: Extract<CtiEvent, { type: 'party_left' }>, at: Date): void {
  if (event.role === 'customer') {
    s.legs.close(s.legs.find(null, event.number, 'customer'), at);
    moveTo(s, 'elsewhere', at);
    return;
  }
  const wasOwner = event.role === 'agent' && event.staffId !== null && event.staffId === s.ownerId;
  s.legs.close(s.legs.find(event.staffId, event.number), at, event.number);
  // The agent hung up during an answered consult: the engine connects the held customer to the
  // consulted party without a `transferred` event; it is a transfer all the same.
  if (wasOwner && s.phase === 'held' && s.consult && targetLeg(s, s.consult.target)?.joinedAt)
    consultJoins(s, at, true);
}
