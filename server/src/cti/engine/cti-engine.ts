import type { ChannelId, SwitchEvent, SwitchPort } from '../../switch/switch-port.ts';
import {
  type AgentEvent,
  type AgentSelectableReason,
  type SkillAssignment,
  signedOutAgent,
} from '../agent-state/index.ts';
import * as calls from './call-control.ts';
import { handleSwitchEvent, startCallRecordingIfChosen } from './call-lifecycle.ts';
import { routeWaitingCalls } from './call-routing.ts';
import type { CallbackRestore } from './callbacks.ts';
import * as callbacks from './callbacks.ts';
import type {
  Call,
  CtiAgent,
  CtiConfig,
  CtiEvent,
  IvrExit,
  IvrGateway,
  MonitorMode,
  Scheduler,
  ServiceHours,
  StaffRef,
  TransferTarget,
} from './cti-types.ts';
import { agentOrThrow, applyAgentEvent, type EngineContext } from './engine-context.ts';
import { leaveIvr } from './ivr-handoff.ts';
import { snapshotOf } from './snapshot.ts';
import * as supervision from './supervisor-control.ts';

/**
 * The call-control core. Commands (from agents and supervisors) and switch events are handled one
 * at a time, in arrival order, so no command ever sees a half-changed call or agent.
 */
export class CtiEngine {
  readonly #ctx: EngineContext;
  #queue: Promise<unknown> = Promise.resolve();
  #routingRequested = false;
  #callSeq = 0;
  #unsubscribe: () => void;

  constructor(deps: {
    port: SwitchPort;
    scheduler: Scheduler;
    config: CtiConfig;
    publish: (event: CtiEvent) => void;
    /** The IVR inbound calls enter first (IVR-1); without it every inbound call is queued. */
    ivr?: IvrGateway;
    /**
     * Call ids are `<prefix>-1`, `<prefix>-2` … (`call` unless told). A server gives each run its
     * own prefix so ids never repeat across restarts (CDRs and recordings are keyed by them).
     */
    callIdPrefix?: string;
    /** When each skill group takes calls (VM-1 after-hours); always open when absent. */
    serviceHours?: ServiceHours;
  }) {
    const callIdPrefix = deps.callIdPrefix ?? 'call';
    this.#ctx = {
      port: deps.port,
      scheduler: deps.scheduler,
      config: deps.config,
      ivr: deps.ivr ?? null,
      serviceHours: deps.serviceHours ?? null,
      voicemails: new Map(),
      callbackRetries: new Map(),
      ivrReleased: new Set(),
      agents: new Map(),
      calls: new Map(),
      legs: new Map(),
      recordings: new Map(),
      stats: { averageHandleMs: null },
      emit: deps.publish,
      nextCallId: () => `${callIdPrefix}-${++this.#callSeq}`,
      requestRouting: () => {
        if (this.#routingRequested) return;
        this.#routingRequested = true;
        this.#serialize(async () => {
          this.#routingRequested = false;
          await routeWaitingCalls(this.#ctx);
        });
      },
      serialize: (work) => {
        void this.#serialize(work);
      },
    };
    this.#unsubscribe = deps.port.onEvent((event: SwitchEvent) => {
      void this.#serialize(() => handleSwitchEvent(this.#ctx, event));
    });
  }

  /** Waits until every queued command and event has been handled (tests, shutdown). */
  async settled(): Promise<void> {
    let last: Promise<unknown> | undefined;
    while (last !== this.#queue) {
      last = this.#queue;
      await last;
    }
  }

  stop(): void {
    this.#unsubscribe();
  }

  #serialize<T>(work: () => T | Promise<T>): Promise<T> {
    const run = this.#queue.then(work);
    // The chain goes on after a failure; the caller of this command still sees its error.
    this.#queue = run.catch(() => undefined);
    return run;
  }

  #agentEvent(agentId: number, event: (at: Date) => AgentEvent) {
    return this.#serialize(() => {
      applyAgentEvent(this.#ctx, agentOrThrow(this.#ctx, agentId), event(this.#ctx.scheduler.now()));
      return this.agentView(agentId);
    });
  }

  // ---- agent commands (CTI-1 … CTI-17)

  signIn(staff: StaffRef, opts: { extension: string; skills: SkillAssignment[]; ready?: boolean }) {
    return this.#serialize(() => {
      const now = this.#ctx.scheduler.now();
      let agent = this.#ctx.agents.get(staff.id);
      if (!agent) {
        agent = {
          ...staff,
          status: signedOutAgent(now),
          channelId: null,
          callsHandledToday: 0,
          lastOfferedAt: null,
          idleSince: null,
          wrapUpTimer: null,
          forwardTo: null,
          recordAll: false,
        };
        this.#ctx.agents.set(staff.id, agent);
      }
      applyAgentEvent(this.#ctx, agent, {
        type: 'sign_in',
        at: now,
        extension: opts.extension,
        skills: opts.skills,
        ready: opts.ready ?? false,
      });
      return this.agentView(staff.id);
    });
  }

  signOut(agentId: number) {
    return this.#agentEvent(agentId, (at) => ({ type: 'sign_out', at }));
  }

  setReady(agentId: number) {
    return this.#agentEvent(agentId, (at) => ({ type: 'set_ready', at }));
  }

  setNotReady(agentId: number, reason: AgentSelectableReason) {
    return this.#agentEvent(agentId, (at) => ({ type: 'set_not_ready', at, reason }));
  }

  finishWrapUp(agentId: number) {
    return this.#agentEvent(agentId, (at) => ({ type: 'wrap_up_finished', at }));
  }

  changeSkills(agentId: number, skills: SkillAssignment[]) {
    return this.#agentEvent(agentId, (at) => ({ type: 'change_skills', at, skills }));
  }

  setAutoAnswer(agentId: number, on: boolean) {
    return this.#agentEvent(agentId, (at) => ({ type: 'set_auto_answer', at, on }));
  }

  /** CTI-16: forward calls put through to this agent to another number (null to stop). */
  setForwarding(agentId: number, forwardTo: string | null) {
    return this.#serialize(() => {
      agentOrThrow(this.#ctx, agentId).forwardTo = forwardTo;
      return this.agentView(agentId);
    });
  }

  answer = (agentId: number) => this.#serialize(() => calls.answer(this.#ctx, agentId));
  hangup = (agentId: number) => this.#serialize(() => calls.hangup(this.#ctx, agentId));
  hold = (agentId: number) => this.#serialize(async () => void (await calls.hold(this.#ctx, agentId)));
  retrieve = (agentId: number) => this.#serialize(() => calls.retrieve(this.#ctx, agentId));
  mute = (agentId: number, muted: boolean) =>
    this.#serialize(() => calls.setMuted(this.#ctx, agentId, muted));
  transfer = (agentId: number, target: TransferTarget) =>
    this.#serialize(() => calls.transfer(this.#ctx, agentId, target));
  consult = (
    agentId: number,
    target: TransferTarget,
    opts?: { purpose: 'consult' | 'help'; threeParty?: boolean },
  ) => this.#serialize(() => calls.consult(this.#ctx, agentId, target, opts));
  cancelConsult = (agentId: number) => this.#serialize(() => calls.cancelConsult(this.#ctx, agentId));
  completeTransfer = (agentId: number) => this.#serialize(() => calls.completeTransfer(this.#ctx, agentId));
  conference = (agentId: number) => this.#serialize(() => calls.conference(this.#ctx, agentId));
  pickup = (agentId: number) => this.#serialize(() => calls.pickup(this.#ctx, agentId));
  dial = (agentId: number, target: { number: string } | { agentId: number }) =>
    this.#serialize(async () => (await calls.dial(this.#ctx, agentId, target)).id);
  recording = (agentId: number, action: 'start' | 'pause' | 'resume') =>
    this.#serialize(() => calls.recording(this.#ctx, agentId, action));

  // ---- the IVR (IVR-1, ACD-7)

  /** The IVR is about to hang up this customer itself (served, goodbye): not an abandonment. */
  ivrReleasing(channelId: ChannelId): void {
    this.#ctx.ivrReleased.add(channelId);
  }

  /** The IVR let the call go: to a queue (a human), or ended (transfer null). */
  ivrLeft = (exit: IvrExit) => this.#serialize(() => leaveIvr(this.#ctx, exit));

  // ---- all busy: callbacks (ACD-6)

  /** Puts a waiting callback back in its queue at its old place (after a restart). */
  restoreCallback = (pending: CallbackRestore) =>
    this.#serialize(() => callbacks.restoreCallback(this.#ctx, pending));

  /** Withdraws a callback that has not been connected (the customer called in, or asked not to). */
  cancelCallback = (callbackId: string) =>
    this.#serialize(() => callbacks.cancelCallback(this.#ctx, callbackId));

  // ---- supervisor commands (SUP-1 … SUP-5, SUP-8)

  monitor = (sup: supervision.SupervisorRef, agentId: number, mode: MonitorMode) =>
    this.#serialize(() => supervision.monitor(this.#ctx, sup, agentId, mode));
  stopMonitoring = (sup: supervision.SupervisorRef, agentId: number) =>
    this.#serialize(() => supervision.stopMonitoring(this.#ctx, sup, agentId));
  intercept = (sup: supervision.SupervisorRef, agentId: number) =>
    this.#serialize(() => supervision.intercept(this.#ctx, sup, agentId));
  forceRelease = (sup: supervision.SupervisorRef, agentId: number) =>
    this.#serialize(() => supervision.forceRelease(this.#ctx, sup, agentId));
  forceState = (
    sup: supervision.SupervisorRef,
    agentId: number,
    kind: Parameters<typeof supervision.forceState>[3],
  ) => this.#serialize(() => supervision.forceState(this.#ctx, sup, agentId, kind));
  recordAgent = (agentId: number, on: boolean) =>
    this.#serialize(async () => {
      supervision.setRecordAgent(this.#ctx, agentId, on);
      await startCallRecordingIfChosen(this.#ctx, agentId);
    });

  // ---- reading

  agentView(agentId: number) {
    const agent = this.#ctx.agents.get(agentId);
    return agent
      ? { ...agent.status, id: agent.id, employeeNo: agent.employeeNo, forwardTo: agent.forwardTo }
      : undefined;
  }

  call(callId: string): Readonly<Call> | undefined {
    return this.#ctx.calls.get(callId);
  }

  /** The call a customer's channel belongs to (its customer leg), if any. */
  callOfCustomer(channelId: ChannelId): Readonly<Call> | undefined {
    const found = this.#ctx.legs.get(channelId);
    return found?.leg.role === 'customer' ? this.#ctx.calls.get(found.callId) : undefined;
  }

  agent(agentId: number): Readonly<CtiAgent> | undefined {
    return this.#ctx.agents.get(agentId);
  }

  /** The live picture for the wall (SUP-7). */
  snapshot() {
    return snapshotOf(this.#ctx);
  }
}
