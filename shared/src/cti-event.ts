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
  | { kind: 'ivr'; flowId: number };

export type LegRole = 'customer' | 'agent' | 'consult' | 'outside' | 'supervisor';

export type MonitorMode = 'listen' | 'whisper' | 'barge';

export type CallDirection = 'inbound' | 'outbound' | 'internal';

export type CallReason = 'new' | 'transferred' | 'callback';

/** Where a call goes when it has waited `maxWaitMs` (ACD-5). */
export type OverflowTarget =
  | { kind: 'queue'; queueId: string }
  | { kind: 'voicemail' }
  | { kind: 'hangup'; announcement: LocalizedText };

/** Why a caller reached voicemail (VM-1). */
export type VoicemailReason = 'all_busy' | 'after_hours' | 'ivr' | 'max_wait';

/** How one automatic callback attempt went (ACD-6). */
export type CallbackAttemptResult = 'connected' | 'no_answer' | 'busy' | 'failed' | 'cancelled';

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
  | { type: 'call_ended'; callId: string; cause: CallEndCause }
  // ---- all busy (ACD-6, VM-1)
  /** The caller is asked for a message; recording starts after the prompt. */
  | { type: 'voicemail_started'; callId: string; reason: VoicemailReason }
  /** A message was recorded (empty ones, under a second, are dropped and never reported). */
  | {
      type: 'voicemail_left';
      callId: string;
      callerNumber: string;
      accessCode: string | null;
      queueId: string | null;
      reason: VoicemailReason;
      recordingId: string;
      /** The WAV file, as the switch reports it. */
      file: string;
      durationMs: number;
      startedAt: string;
    }
  /**
   * A waiting caller chose to be called back instead of waiting. `callbackId` (the caller's
   * original call id) names the request across attempts; each attempt is a call of its own
   * (direction outbound, queued with reason `callback` at the caller's place in the queue).
   */
  | {
      type: 'callback_requested';
      callbackId: string;
      number: string;
      queueId: string;
      /** When the caller started waiting: the callback keeps this place in the queue. */
      waitingSince: string;
      priority: number;
    }
  /** An attempt's call is in the queue (first attempt, a retry, or restored after a restart). */
  | { type: 'callback_queued'; callbackId: string; callId: string; attempt: number }
  | {
      type: 'callback_attempt_ended';
      callbackId: string;
      callId: string;
      attempt: number;
      /** The agent who took the preview (null when no agent had it yet, e.g. cancelled). */
      agentId: number | null;
      result: CallbackAttemptResult;
      /** When the next attempt enters the queue; null: no more attempts (connected or given up). */
      nextAttemptAt: string | null;
    };

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
  | 'system_restart'
  /** The caller reached voicemail (VM-1) and the call ended there. */
  | 'voicemail'
  /** The caller chose a callback (ACD-6): this call ends, the callback keeps its place. */
  | 'callback_requested';

export type CtiEventType = CtiEvent['type'];
