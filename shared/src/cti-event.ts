import type { Locale } from './error.schema.ts';

// The events of the call-control core (CTI) as the live stream carries them to desktops and walls
// (shared/src/live-stream.ts), and as the CDR builder reads them. The server's engine produces
// exactly these; the web desktop reads them.

export type LocalizedText = Record<Locale, string>;

export const AGENT_STATES = [
  'signed_out',
  'ready',
  'not_ready',
  'ringing',
  'talking',
  'hold',
  'after_call_work',
] as const;

export type AgentState = (typeof AGENT_STATES)[number];

/** SUP-6: supervisors are prompted when an agent signs in, signs out, starts or ends a rest. */
export type SupervisorPromptKind = 'signed_in' | 'signed_out' | 'rest_started' | 'rest_ended';

export type StaffRef = { id: number; employeeNo: string; name: string };

export type TransferTarget =
  | { kind: 'agent'; agentId: number }
  | { kind: 'queue'; queueId: string }
  | { kind: 'number'; number: string }
  | { kind: 'ivr'; flowId: string };

export type LegRole = 'customer' | 'agent' | 'consult' | 'outside' | 'supervisor';

export type MonitorMode = 'listen' | 'whisper' | 'barge';

export type CallDirection = 'inbound' | 'outbound' | 'internal';

export type CallReason = 'new' | 'transferred' | 'callback';

/** Where a call goes when it has waited `maxWaitMs` (ACD-5). */
export type OverflowTarget =
  | { kind: 'queue'; queueId: string }
  | { kind: 'voicemail' }
  | { kind: 'hangup'; announcement: LocalizedText };

export type CallSummary = {
  direction: CallDirection;
  callerNumber: string;
  calledNumber: string;
  accessCode: string | null;
  queueId: string | null;
  vip: boolean;
  customerData: Record<string, unknown>;
};

/** Everything the live desktop, the wall and the CDR builder learn, in order. */
export type CtiEvent =
  | {
      type: 'agent_state';
      agentId: number;
      employeeNo: string;
      state: AgentState;
      reason: string | null;
      since: string;
      callId: string | null;
      by: StaffRef | null;
    }
  | {
      type: 'agent_prompt';
      agentId: number;
      employeeNo: string;
      kind: SupervisorPromptKind;
      reason: string | null;
    }
  | {
      type: 'call_started';
      callId: string;
      direction: CallDirection;
      callerNumber: string;
      calledNumber: string;
      accessCode: string | null;
      vip: boolean;
      /** The agent who dialled an outbound or internal call. */
      agentId: number | null;
    }
  | { type: 'call_queued'; callId: string; queueId: string; priority: number; reason: CallReason }
  | {
      type: 'queue_announcement';
      callId: string;
      queueId: string;
      position: number;
      expectedWaitMs: number;
      text: LocalizedText;
    }
  | { type: 'queue_overflowed'; callId: string; fromQueueId: string; target: OverflowTarget }
  | {
      type: 'call_offered';
      callId: string;
      agentId: number;
      /** The extension that rings. */
      number: string;
      /** What the screen pop shows (UI-7): the caller and how they came. */
      call: CallSummary;
      via: 'skill' | 'overflow' | 'direct';
      explanation: LocalizedText;
    }
  | { type: 'offer_failed'; callId: string; agentId: number; cause: string }
  | { type: 'call_answered'; callId: string; agentId: number }
  | { type: 'party_answered'; callId: string; role: LegRole; staffId: number | null; number: string }
  | { type: 'call_held'; callId: string; agentId: number }
  | { type: 'call_retrieved'; callId: string; agentId: number }
  | { type: 'muted'; callId: string; agentId: number; muted: boolean }
  | {
      type: 'consult_started';
      callId: string;
      agentId: number;
      target: TransferTarget;
      purpose: 'consult' | 'help';
    }
  | { type: 'consult_answered'; callId: string; target: TransferTarget }
  | { type: 'consult_ended'; callId: string; cause: string }
  | {
      type: 'transferred';
      callId: string;
      fromAgentId: number;
      target: TransferTarget;
      mode: 'blind' | 'attended';
    }
  | { type: 'conference_started'; callId: string; agentId: number }
  | { type: 'party_left'; callId: string; role: LegRole; staffId: number | null; number: string }
  | { type: 'supervisor_joined'; callId: string; supervisorId: number; agentId: number; mode: MonitorMode }
  | { type: 'supervisor_mode_changed'; callId: string; supervisorId: number; mode: MonitorMode }
  | { type: 'intercepted'; callId: string; supervisorId: number; agentId: number }
  | { type: 'force_released'; callId: string; supervisorId: number; agentId: number }
  | { type: 'recording_started'; callId: string; recordingId: string }
  | { type: 'recording_paused'; callId: string; recordingId: string }
  | { type: 'recording_resumed'; callId: string; recordingId: string }
  | { type: 'recording_finished'; callId: string; recordingId: string; file: string; durationMs: number }
  | { type: 'call_ended'; callId: string; cause: CallEndCause };

export type CallEndCause =
  | 'completed'
  | 'abandoned_in_ivr'
  | 'abandoned_in_queue'
  | 'abandoned_ringing'
  | 'transferred_out'
  | 'no_answer'
  | 'busy'
  | 'failed'
  | 'forced'
  | 'max_wait'
  | 'no_route'
  | 'system_restart';

export type CtiEventType = CtiEvent['type'];
