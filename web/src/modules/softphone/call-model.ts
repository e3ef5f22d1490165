import type { Envelope } from '@switchboard/shared';
import type { CtiEvent, LocalizedText, TransferTarget } from '../live/cti-event.ts';

// What the desktop knows about each call it has seen, built from the live events alone (pure, so
// a replay after a reconnection gives the same result as having been connected all along).

export type CallTimelineEntry = { key: string; at: string; type: string; event: CtiEvent };

export type CallInfo = {
  callId: string;
  direction: 'inbound' | 'outbound' | 'internal' | null;
  callerNumber: string | null;
  calledNumber: string | null;
  accessCode: string | null;
  queueId: string | null;
  vip: boolean | null;
  customerData: Record<string, unknown> | null;
  via: 'skill' | 'overflow' | 'direct' | null;
  explanation: LocalizedText | null;
  offeredAt: string | null;
  answeredAt: string | null;
  endedAt: string | null;
  endCause: string | null;
  held: boolean;
  muted: boolean;
  recordingId: string | null;
  recordingPaused: boolean;
  consult: { target: TransferTarget; purpose: 'consult' | 'help'; answered: boolean } | null;
  conference: boolean;
  timeline: CallTimelineEntry[];
};

export type CallBook = Readonly<Record<string, CallInfo>>;

/** Calls kept for screen-pop tabs; older ones are forgotten. */
const MAX_CALLS = 20;

export function emptyCall(callId: string): CallInfo {
  return {
    callId,
    direction: null,
    callerNumber: null,
    calledNumber: null,
    accessCode: null,
    queueId: null,
    vip: null,
    customerData: null,
    via: null,
    explanation: null,
    offeredAt: null,
    answeredAt: null,
    endedAt: null,
    endCause: null,
    held: false,
    muted: false,
    recordingId: null,
    recordingPaused: false,
    consult: null,
    conference: false,
    timeline: [],
  };
}

function update(call: CallInfo, event: CtiEvent, at: string, myId: number): CallInfo {
  switch (event.type) {
    case 'call_started':
      return {
        ...call,
        direction: event.direction,
        callerNumber: event.callerNumber,
        calledNumber: event.calledNumber,
        accessCode: event.accessCode,
        vip: event.vip,
      };
    case 'call_queued':
      return { ...call, queueId: event.queueId };
    case 'call_offered':
      if (event.agentId !== myId) return call;
      return {
        ...call,
        via: event.via,
        explanation: event.explanation,
        offeredAt: at,
        direction: event.call.direction,
        callerNumber: event.call.callerNumber,
        calledNumber: event.call.calledNumber,
        accessCode: event.call.accessCode,
        queueId: event.call.queueId ?? call.queueId,
        vip: event.call.vip,
        customerData: event.call.customerData,
      };
    case 'call_answered':
      return event.agentId === myId ? { ...call, answeredAt: call.answeredAt ?? at } : call;
    case 'call_held':
      return { ...call, held: true };
    case 'call_retrieved':
      return { ...call, held: false };
    case 'muted':
      return event.agentId === myId ? { ...call, muted: event.muted } : call;
    case 'consult_started':
      return event.agentId === myId
        ? { ...call, held: true, consult: { target: event.target, purpose: event.purpose, answered: false } }
        : call;
    case 'consult_answered':
      return call.consult ? { ...call, consult: { ...call.consult, answered: true } } : call;
    case 'consult_ended':
      return { ...call, consult: null };
    case 'conference_started':
      return { ...call, held: false, consult: null, conference: true };
    case 'recording_started':
      return { ...call, recordingId: event.recordingId, recordingPaused: false };
    case 'recording_paused':
      return { ...call, recordingPaused: true };
    case 'recording_resumed':
      return { ...call, recordingPaused: false };
    case 'call_ended':
      return { ...call, endedAt: at, endCause: event.cause, consult: null, held: false };
    case 'transferred':
      // The agent who transferred the call is off it, even though the call goes on.
      return event.fromAgentId === myId
        ? { ...call, endedAt: at, endCause: 'transferred_out', consult: null, held: false }
        : call;
    default:
      return call;
  }
}

/** The call book after one event; events without a call, or already applied, change nothing. */
export function applyCallEvent(book: CallBook, envelope: Envelope<CtiEvent>, myId: number): CallBook {
  const { event } = envelope;
  if (!('callId' in event) || typeof event.callId !== 'string' || event.type === 'agent_state') return book;
  // Call ids restart with the server: an ended call offered again is a new call.
  const known = book[event.callId];
  const existing = known?.endedAt && event.type === 'call_offered' ? undefined : known;
  // Leads follow every call of the center; the desktop keeps only the ones offered to this agent.
  if (!existing && !(event.type === 'call_offered' && event.agentId === myId)) {
    if (!(event.type === 'call_started' && event.agentId === myId)) return book;
  }
  const call = existing ?? emptyCall(event.callId);
  const key = `${envelope.epoch}:${envelope.seq}`;
  if (call.timeline.some((entry) => entry.key === key)) return book;
  const next = update(call, event, envelope.at, myId);
  const timeline = [...call.timeline, { key, at: envelope.at, type: event.type, event }];
  const { [event.callId]: _replaced, ...others } = book;
  const merged: Record<string, CallInfo> = { ...others, [event.callId]: { ...next, timeline } };
  const ids = Object.keys(merged);
  if (ids.length > MAX_CALLS) {
    for (const id of ids.slice(0, ids.length - MAX_CALLS)) delete merged[id];
  }
  return merged;
}

/** mm:ss, or h:mm:ss from an hour on. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mmss = `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}
