import type { CallReason, LocalizedText, OverflowTarget } from '@switchboard/shared';

export type { CallReason, LocalizedText, OverflowTarget };

// The queue model the routing functions decide on. Everything here is plain data handed in by the
// CTI layer; the ACD never reads a database, a clock or the switch.

export type SkillLevel = 1 | 2 | 3 | 4 | 5;

/** Agent selection policy per queue (ACD-4). */
export type SelectionPolicy = 'longest_idle' | 'fewest_calls' | 'highest_skill' | 'round_robin';

export type QueueConfig = {
  id: string;
  skillGroupId: number;
  name: string;
  /** 特服号 that lead straight to this queue (ACD-1). */
  accessCodes: string[];
  policy: SelectionPolicy;
  /** Wait before also offering to 综合 agents; null = this queue never overflows to 综合. */
  overflowAfterMs: number | null;
  maxWaitMs: number | null;
  maxWaitTarget: OverflowTarget | null;
  announceEveryMs: number;
  /**
   * ACD-6, VM-1 遇忙处理: while waiting the caller may press 1 to be called back (keeping their
   * place) or 2 to leave a message; the announcement offers what is allowed here.
   */
  allBusyOptions?: { callback: boolean; voicemail: boolean };
};

/** A skill group flagged 综合 (`isComprehensive` in the directory). */
export type ComprehensiveGroup = { skillGroupId: number; name: string };

/** What routing needs to know of an agent. `agents` lists every signed-in agent, busy ones too. */
export type AgentView = {
  agentId: number;
  employeeNo: string;
  /** Ready (示闲) and signed in: a call may be offered now. */
  offerable: boolean;
  skills: { skillGroupId: number; level: SkillLevel }[];
  idleSince: Date | null;
  callsHandledToday: number;
  lastOfferedAt: Date | null;
};

export type QueuedCall = {
  callId: string;
  queueId: string;
  enqueuedAt: Date;
  /** Higher first; normally `priorityOf(call)`, a supervisor may raise it. */
  priority: number;
  reason: CallReason;
  vip: boolean;
  /** Travels with transferred calls (ACD-3, CTI-10). */
  customerData?: Record<string, unknown>;
  /** Never offer to these: the agent who transferred it, agents who let it ring out. */
  excludedAgentIds?: number[];
};

/** Facts about the centre that are not per call. */
export type RoutingContext = {
  /** Skill group id → display name, for explanations. */
  skillGroupNames: ReadonlyMap<number, string>;
  /** Skill groups flagged 综合. */
  comprehensiveSkillGroupIds: ReadonlySet<number>;
  /** Agents signed in (ready or not); an offerable agent counts as signed in too. */
  signedInAgentIds: ReadonlySet<number>;
};

/** Why a call is offered to 综合 agents instead of (only) its queue's skill. */
export type OverflowReason =
  | { kind: 'no_skilled_agent_signed_in' }
  | { kind: 'waited'; waitedMs: number; thresholdMs: number };

export type RoutingDecision = {
  agentId: number;
  via: 'skill' | 'overflow';
  explanation: LocalizedText;
};

/** One offer of an `assignCalls` pass. */
export type CallOffer = RoutingDecision & { callId: string; queueId: string };
