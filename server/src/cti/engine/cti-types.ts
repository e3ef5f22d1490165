import type { CallReason, LocalizedText, OverflowTarget, QueueConfig } from '../../acd/acd.types.ts';
import type { Clock } from '../../clock.ts';
import type { ChannelId, RecordingId } from '../../switch/switch-port.ts';
import type { AgentStatus, SupervisorPromptKind } from '../agent-state/index.ts';

/** Timers on the same clock the switch runs on (the simulated clock, or real time later). */
export type Scheduler = Clock & {
  setTimer(ms: number, fn: () => void | Promise<void>): number;
  cancelTimer(id: number): void;
};

export type StaffRef = { id: number; employeeNo: string; name: string };

/** A signed-in (or once signed-in) agent as the engine keeps it. */
export type CtiAgent = StaffRef & {
  status: AgentStatus;
  /** The agent's channel on their current call, if any. */
  channelId: ChannelId | null;
  callsHandledToday: number;
  lastOfferedAt: Date | null;
  idleSince: Date | null;
  wrapUpTimer: number | null;
  /** CTI-16: calls put through to this agent go to this number instead. */
  forwardTo: string | null;
  /** SUP-8: a supervisor chose to record this agent's calls. */
  recordAll: boolean;
};

export type TransferTarget =
  | { kind: 'agent'; agentId: number }
  | { kind: 'queue'; queueId: string }
  | { kind: 'number'; number: string }
  | { kind: 'ivr'; flowId: string };

export type LegRole = 'customer' | 'agent' | 'consult' | 'outside' | 'supervisor';

export type CallLeg = {
  channelId: ChannelId;
  role: LegRole;
  /** The agent (or supervisor) on this leg; null for customers and outside numbers. */
  staffId: number | null;
  number: string;
  answered: boolean;
  /** Supervisor legs: how the supervisor takes part. */
  monitorMode?: MonitorMode;
};

export type MonitorMode = 'listen' | 'whisper' | 'barge';

export type CallPhase = 'queued' | 'offering' | 'connected' | 'ended';

export type Call = {
  id: string;
  direction: 'inbound' | 'outbound' | 'internal';
  callerNumber: string;
  calledNumber: string;
  accessCode: string | null;
  vip: boolean;
  customerData: Record<string, unknown>;
  phase: CallPhase;
  queueId: string | null;
  reason: CallReason;
  priority: number;
  enqueuedAt: Date | null;
  excludedAgentIds: number[];
  /** The agent who answers for the call now (CTI-11: moves to the consulted agent on transfer). */
  ownerAgentId: number | null;
  /** The first agent who answered: owns the request until closure (CPL-11). */
  firstAgentId: number | null;
  legs: CallLeg[];
  bridgeId: string | null;
  customerOnHold: boolean;
  /** A consult / help leg being set up or talking while the customer is held. */
  consult: {
    channelId: ChannelId;
    target: TransferTarget;
    agentId: number | null;
    purpose: 'consult' | 'help';
  } | null;
  recordingId: RecordingId | null;
  recordingPaused: boolean;
  /** Announcement / max-wait timer while queued (ACD-5). */
  queueTimer: number | null;
  startedAt: Date;
  answeredAt: Date | null;
  endedAt: Date | null;
};

export type CallSummary = {
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
      state: AgentStatus['state'];
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
      direction: Call['direction'];
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

export type CtiConfig = {
  queues: QueueConfig[];
  skillGroups: { id: number; name: string; isComprehensive: boolean }[];
  wrapUpMs: number;
  offerRingTimeoutMs: number;
  outboundRingTimeoutMs: number;
  recordByDefault: boolean;
  /** Caller numbers treated as VIP (大客户) until the customer module supplies the flag. */
  vipNumbers: ReadonlySet<string>;
};
