import type { CallEndCause, CtiEvent } from '../../cti/engine/cti-types.ts';
import { applyEvent, beginDerivation, type Derivation, moveTo } from './cdr-derivation.ts';
import type { CdrLeg } from './cdr-legs.ts';

// The call detail record (CTI-20), derived from the events of one call and nothing else: a pure
// function, so a CDR can be rebuilt from `call_events` at any time and gives the same answer.

export type TimedCtiEvent = { at: Date; event: CtiEvent };

/**
 * How the call went, for reports:
 * - `answered`: an agent (or, outbound, the called party) was connected, whatever ended it later.
 * - `transferred_out`: answered, then handed to an outside number (the call left the centre).
 * - `abandoned`: an inbound caller hung up in the IVR, or while queued or ringing, before anyone
 *   answered (end cause `abandoned_in_ivr` tells the IVR ones apart).
 * - `unanswered`: an outbound / internal call the far side did not take (busy, no answer, or
 *   the agent gave up while it rang).
 * - `ivr`: an inbound call the IVR served and released, no agent involved (自助完成, IVR-5).
 * - `voicemail`: the caller left a message (or reached voicemail) instead of an agent (VM-1).
 * - `callback`: the caller chose to be called back (ACD-6); the attempts are outbound calls of
 *   their own.
 * - `failed`: never answered for a technical reason: the switch failed, no queue serves the
 *   access code (the engine reports that as abandoned_in_queue without any call_queued), a
 *   supervisor forced it off, or the server restarted.
 */
export type CdrDisposition =
  | 'answered'
  | 'abandoned'
  | 'unanswered'
  | 'transferred_out'
  | 'failed'
  | 'ivr'
  | 'voicemail'
  | 'callback';

export type RecordingFile = { recordingId: string; file: string; durationMs: number };

export type Cdr = {
  callId: string;
  direction: 'inbound' | 'outbound' | 'internal';
  callerNumber: string;
  calledNumber: string;
  accessCode: string | null;
  /** The first queue the call entered (the one its access code chose). */
  queueId: string | null;
  /** Inbound: the first agent who answered. Outbound / internal: the agent who dialled. */
  firstAgentId: number | null;
  /** The agent who had the call last: after transfers, an intercept or a consult the agent left. */
  lastAgentId: number | null;
  startedAt: Date;
  queuedAt: Date | null;
  offeredAt: Date | null;
  answeredAt: Date | null;
  endedAt: Date;
  endCause: CallEndCause;
  disposition: CdrDisposition;
  /** Customer time with no one to talk to: queued, ringing, re-queued after a blind transfer. */
  waitMs: number;
  /** Customer time connected and not on hold (hold is not talk). */
  talkMs: number;
  /** Customer time on hold (including while the agent consults). */
  holdMs: number;
  transfers: number;
  recordingFiles: RecordingFile[];
  vip: boolean;
};

export type DerivedCdr = { cdr: Cdr; legs: CdrLeg[] };

/**
 * The CDR and legs of the call whose `call_started` comes first in `events` (other calls' events
 * are ignored). Null while the call has no start or no end in the list. Events must be in the
 * order the engine published them; `recording_finished` after `call_ended` is still taken.
 */
export function deriveCdr(events: readonly TimedCtiEvent[]): DerivedCdr | null {
  const started = events.find((e) => e.event.type === 'call_started');
  if (started?.event.type !== 'call_started') return null;
  const callId = started.event.callId;
  const own = events.filter((e) => 'callId' in e.event && e.event.callId === callId);
  const ended = own.find((e) => e.event.type === 'call_ended');
  if (ended?.event.type !== 'call_ended') return null;

  const s = beginDerivation(started.event, started.at);
  for (const e of own) {
    if (e === ended) break;
    applyEvent(s, e.event, e.at);
  }
  // Recording files are written after the call ends; they still belong to it.
  const recordingFiles = own.flatMap(({ event }) =>
    event.type === 'recording_finished'
      ? [{ recordingId: event.recordingId, file: event.file, durationMs: event.durationMs }]
      : [],
  );
  moveTo(s, 'elsewhere', ended.at);
  s.legs.closeWhere(ended.at, () => false);

  const cause = ended.event.cause;
  const cdr: Cdr = {
    callId,
    direction: s.start.direction,
    callerNumber: s.start.callerNumber,
    calledNumber: s.start.calledNumber,
    accessCode: s.start.accessCode,
    queueId: s.queueId,
    firstAgentId: s.firstAgentId,
    lastAgentId: s.ownerId ?? s.firstAgentId,
    startedAt: started.at,
    queuedAt: s.queuedAt,
    offeredAt: s.offeredAt,
    answeredAt: s.answeredAt,
    endedAt: ended.at,
    endCause: cause,
    disposition: dispositionOf(s, cause),
    waitMs: s.totals.waiting,
    talkMs: s.totals.talking,
    holdMs: s.totals.held,
    transfers: s.transfers,
    recordingFiles,
    vip: s.start.vip,
  };
  return { cdr, legs: s.legs.list() };
}

function dispositionOf(s: Derivation, cause: CallEndCause): CdrDisposition {
  if (s.answeredAt !== null) {
    const out = s.lastTransfer?.target.kind === 'number' && !s.lastTransfer.answeredAfter;
    return out || cause === 'transferred_out' ? 'transferred_out' : 'answered';
  }
  switch (cause) {
    case 'voicemail':
      return 'voicemail';
    case 'callback_requested':
      return 'callback';
    case 'abandoned_in_ivr':
      // Hung up in the IVR before asking for a human (IVR-5); the end cause keeps the detail.
      return 'abandoned';
    case 'abandoned_in_queue':
    case 'abandoned_ringing':
      return s.queuedAt === null ? 'failed' : 'abandoned';
    case 'busy':
    case 'no_answer':
      return 'unanswered';
    case 'completed':
      // An inbound call that ended normally without an agent was let go by the IVR (IVR-5).
      if (s.start.direction !== 'inbound') return 'unanswered';
      return s.queuedAt === null ? 'ivr' : 'failed';
    default:
      return 'failed';
  }
}
