import type { IvrExitClass, IvrTransferTarget } from '@switchboard/shared';
import type { Db } from '../../db/database.ts';
import { exitClassOf, type IvrState } from '../../ivr/flow-interpreter.ts';
import { IvrCallRunner, type IvrServices, type IvrTimers } from '../../ivr/ivr-call-runner.ts';
import type { Channel, SwitchPort } from '../../switch/switch-port.ts';
import type { PasswordHasher } from '../auth/password-hasher.ts';
import { publishedFlowById, publishedFlowForAccessCode } from './ivr-flow.repository.ts';
import {
  appendLog,
  endSession,
  FIRST_SESSION,
  nextSessionOf,
  recordQueueOutcome,
  type SessionRef,
  startSession,
} from './ivr-session.repository.ts';
import { setServicePassword, verifyServicePassword } from './service-password.ts';

// Runs the IVR of every call whose access code has a published flow, on one switch port: one
// subscription to the switch's events, dispatched to the call's runner by channel. Persists the
// session, the IVR log (IVR-3) and the exit class (IVR-5); tells the caller of `onLeave` where
// the call goes next (a queue, an agent, a number) so call control can take it from there.

export type IvrLeave = {
  callId: string;
  channel: Channel;
  exitClass: IvrExitClass | null;
  transfer: IvrTransferTarget | null;
  voicemail: boolean;
  /** The path taken, for the screen pop (node ids). */
  path: string[];
};

export type IvrHostDeps = {
  db: Db;
  port: SwitchPort;
  timers: IvrTimers;
  hasher: PasswordHasher;
  /** Business systems (bill query …); the demo bill system when absent. */
  query?: IvrServices['query'];
  onLeave(leave: IvrLeave): void | Promise<void>;
  onStep?(ms: number): void;
  onService?(kind: 'query' | 'verify_password' | 'set_password', ms: number): void;
};

/** The demo bill system: a stable amount per number (a stand-in for the billing interface). */
export const demoBillQuery: IvrServices['query'] = async (system, call) => {
  if (system !== 'bill') return null;
  const sum = [...call.callerNumber].reduce((s, c) => s + Number(c), 0);
  return { amount: (((sum * 731) % 30000) / 100).toFixed(2) };
};

export class IvrHost {
  private readonly runners = new Map<string, IvrCallRunner>();
  private writes: Promise<unknown> = Promise.resolve();
  private readonly unsubscribe: () => void;

  constructor(private readonly deps: IvrHostDeps) {
    this.unsubscribe = deps.port.onEvent((event) => {
      if (!('channelId' in event)) return;
      const runner = this.runners.get(event.channelId);
      if (runner === undefined) return;
      if (event.type === 'dtmf_received') void runner.dtmf(event.digit);
      else if (event.type === 'playback_finished') void runner.playbackFinished(event.playbackId);
      else if (event.type === 'channel_hungup') void runner.hungUp();
    });
  }

  get activeCalls(): number {
    return this.runners.size;
  }

  /**
   * Starts the IVR for an answered call: on arrival, the flow of its access code; sent by an agent
   * (CTI-10), the flow chosen. False when there is no such published flow.
   */
  async start(
    callId: string,
    channel: Channel,
    transfer?: { flowId: number; transferredBy: number },
  ): Promise<boolean> {
    const { db } = this.deps;
    const found = transfer
      ? await publishedFlowById(db, transfer.flowId)
      : await publishedFlowForAccessCode(db, channel.calledNumber);
    if (found === undefined) return false;
    // On arrival the call's first session; only a transfer looks up where the call's log stands.
    const { sessionNo, firstSeq } = transfer ? await nextSessionOf(db, callId) : FIRST_SESSION;
    const session: SessionRef = { callId, sessionNo };
    await startSession(db, {
      ...session,
      flowVersionId: found.version.id,
      callerNumber: channel.callerNumber,
      accessCode: channel.calledNumber,
      at: this.deps.timers.now(),
      transferredBy: transfer?.transferredBy ?? null,
    });
    let seq = firstSeq;
    const who = { callId, callerNumber: channel.callerNumber };
    const runner = new IvrCallRunner(callId, channel.id, channel.callerNumber, found.version.definition, {
      port: this.deps.port,
      timers: this.deps.timers,
      services: {
        query: this.deps.query ?? demoBillQuery,
        verifyPassword: (_call, digits) =>
          verifyServicePassword(db, this.deps.hasher, {
            phoneNumber: who.callerNumber,
            digits,
            callId,
            now: this.deps.timers.now(),
          }),
        setPassword: (_call, digits) =>
          setServicePassword(db, this.deps.hasher, {
            phoneNumber: who.callerNumber,
            digits,
            callId,
            now: this.deps.timers.now(),
          }),
      },
      log: (entries) => {
        const first = seq;
        seq += entries.length;
        this.write(() => appendLog(db, session, first, entries));
      },
      onEnd: (state, action) => this.leave(session, channel, state, action?.type === 'voicemail'),
      ...(this.deps.onStep ? { onStep: this.deps.onStep } : {}),
      ...(this.deps.onService ? { onService: this.deps.onService } : {}),
    });
    this.runners.set(channel.id, runner);
    await runner.start({ callerNumber: channel.callerNumber });
    return true;
  }

  /**
   * A caller the IVR handed to a queue hung up before an agent answered: their exit class becomes
   * 排队中放弃 (abandoned in queue, IVR-5). Calls without an IVR session are left alone.
   */
  abandonedInQueue(callId: string): void {
    this.write(() => recordQueueOutcome(this.deps.db, callId, false));
  }

  /** Whether an agent may send a caller to this flow: it exists and has a published version. */
  async hasPublishedFlow(flowId: number): Promise<boolean> {
    return (await publishedFlowById(this.deps.db, flowId)) !== undefined;
  }

  private write(work: () => Promise<unknown>): void {
    this.writes = this.writes.then(work).catch((err) => console.error('ivr log write failed', err));
  }

  private async leave(
    session: SessionRef,
    channel: Channel,
    state: IvrState,
    voicemail: boolean,
  ): Promise<void> {
    const { callId } = session;
    this.runners.delete(channel.id);
    const exitClass = exitClassOf(state);
    this.write(() =>
      endSession(this.deps.db, {
        ...session,
        at: this.deps.timers.now(),
        exitClass,
        service: state.service,
        path: state.path,
      }),
    );
    const outcome = state.outcome;
    if (outcome?.kind === 'hangup' || outcome?.kind === 'system_release') {
      await this.deps.port.hangup(channel.id).catch(() => undefined);
    }
    await this.deps.onLeave({
      callId,
      channel,
      exitClass,
      transfer: outcome?.kind === 'transfer' ? outcome.target : null,
      voicemail,
      path: state.path,
    });
  }

  /** Waits until every running call has handled its events and every write is stored. */
  async flush(): Promise<void> {
    for (const runner of [...this.runners.values()]) await runner.idle();
    let last: Promise<unknown>;
    do {
      last = this.writes;
      await last;
    } while (last !== this.writes);
  }

  close(): void {
    this.unsubscribe();
  }
}
