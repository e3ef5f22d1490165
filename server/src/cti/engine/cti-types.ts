import type {
  CallDirection,
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

// The wire types of CTI events live in shared/src/cti-event.ts; the engine's own model is below.
export type {
  CallDirection,
  CallEndCause,
  CallSummary,
  CtiEvent,
  LegRole,
  MonitorMode,
  StaffRef,
  TransferTarget,
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

/** `ivr`: answered and in the IVR (IVR-1), not yet waiting for an agent. */
export type CallPhase = 'ivr' | 'queued' | 'offering' | 'connected' | 'ended';

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
  /** Announcement / max-wait timer while queued (ACD-5). */
  queueTimer: number | null;
  startedAt: Date;
  answeredAt: Date | null;
  endedAt: Date | null;
};

/** Where the engine hands an answered inbound call to the IVR (IVR-1); see ivr-gateway.ts. */
export type IvrGateway = {
  /** Starts the IVR for the call; false when its access code has no published flow. */
  start(callId: string, channel: Channel): Promise<boolean>;
};

/** Where the IVR sends a call when it leaves (ACD-7); null when the IVR ended it itself. */
export type IvrExit = {
  callId: string;
  transfer: IvrTransferTarget | null;
};

export type CtiConfig = {
  queues: QueueConfig[];
  /** `code` (e.g. GENERAL) lets an IVR flow's queue target find its skill group's queue. */
  skillGroups: { id: number; name: string; isComprehensive: boolean; code?: string }[];
  wrapUpMs: number;
  offerRingTimeoutMs: number;
  outboundRingTimeoutMs: number;
  recordByDefault: boolean;
  /** Caller numbers treated as VIP (大客户) until the customer module supplies the flag. */
  vipNumbers: ReadonlySet<string>;
};
