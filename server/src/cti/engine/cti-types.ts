import type {
  CallDirection,
  CallEndCause,
  CallReason,
  IvrTransferTarget,
  LegRole,
  MonitorMode,
  StaffRef,
  TransferTarget,
} from '@switchboard/shared';
import type { QueueConfig } from '../../acd/acd.types.ts';
import type { Clock } from '../../clock.ts';
import type { Channel, ChannelId, RecordingId } from '../../switch/switch-port.ts';
import type { AgentStatus } from '../agent-state/index.ts';
import type { VoicemailStage } from './voicemail.ts';

// The wire types of CTI events live in shared/src/cti-event.ts; the engine's own model is below.
export type {
  CallbackAttemptResult,
  CallDirection,
  CallEndCause,
  CallSummary,
  CtiEvent,
  LegRole,
  MonitorMode,
  StaffRef,
  TransferTarget,
  VoicemailReason,
} from '@switchboard/shared';

/** Timers on the same clock the switch runs on (the simulated clock, or real time later). */
export type Scheduler = Clock & {
  setTimer(ms: number, fn: () => void | Promise<void>): number;
  cancelTimer(id: number): void;
};

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

/**
 * `ivr`: answered and in the IVR (IVR-1), not yet waiting for an agent. `voicemail`: the caller
 * is hearing the voicemail prompt or leaving a message (VM-1). `releasing`: the system says a last
 * word (message received, callback booked) and then hangs up.
 */
export type CallPhase = 'ivr' | 'queued' | 'offering' | 'voicemail' | 'releasing' | 'connected' | 'ended';

/** An automatic callback attempt (ACD-6): the call an agent previews, then the customer is dialled. */
export type CallbackAttempt = {
  /** The request's id (the caller's original call id), the same across attempts. */
  callbackId: string;
  number: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** The agent who accepted the preview; null until then. */
  agentId: number | null;
};

export type Call = {
  id: string;
  direction: CallDirection;
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
  /** Where the caller is in voicemail (VM-1), while the phase is `voicemail`. */
  voicemail: VoicemailStage | null;
  /** While `releasing`: the farewell prompt, and how the call ends after it. */
  releasing: { playbackId: string; cause: CallEndCause } | null;
  /** Set on the calls of automatic callbacks (ACD-6). */
  callback: CallbackAttempt | null;
  /** Announcement / max-wait timer while queued (ACD-5); the message timer in voicemail. */
  queueTimer: number | null;
  startedAt: Date;
  answeredAt: Date | null;
  endedAt: Date | null;
};

/** Where the engine hands an answered inbound call to the IVR (IVR-1); see ivr-gateway.ts. */
export type IvrGateway = {
  /**
   * Starts the IVR for the call: its access code's flow, or (sent by an agent, CTI-10) the flow
   * chosen; false when there is no such published flow.
   */
  start(
    callId: string,
    channel: Channel,
    transfer?: { flowId: number; transferredBy: number },
  ): Promise<boolean>;
  /** Whether an agent may send a caller to this flow (it has a published version). */
  hasPublishedFlow(flowId: number): Promise<boolean>;
};

/** Where the IVR sends a call when it leaves (ACD-7); null when the IVR ended it itself. */
export type IvrExit = {
  callId: string;
  transfer: IvrTransferTarget | null;
  /** The flow ended on a voicemail node: the caller leaves a message (VM-1). */
  voicemail?: boolean;
};

/** When each skill group takes calls; a closed group's new callers go to voicemail (VM-1). */
export type ServiceHours = { isOpen(skillGroupId: number, at: Date): boolean };

export type CtiConfig = {
  queues: QueueConfig[];
  /** `code` (e.g. GENERAL) lets an IVR flow's queue target find its skill group's queue. */
  skillGroups: { id: number; name: string; isComprehensive: boolean; code?: string }[];
  wrapUpMs: number;
  offerRingTimeoutMs: number;
  outboundRingTimeoutMs: number;
  recordByDefault: boolean;
  /** ACD-6: after a failed callback attempt, wait this long before the next (one entry per retry). */
  callbackRetryMs?: readonly number[];
  /** VM-1: the longest message a caller may leave. */
  voicemailMaxMs?: number;
  /** Caller numbers treated as VIP (大客户) until the customer module supplies the flag. */
  vipNumbers: ReadonlySet<string>;
};
