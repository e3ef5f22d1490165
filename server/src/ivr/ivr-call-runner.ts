import type { IvrFlowDefinition, IvrLogEvent } from '@switchboard/shared';
import type { ChannelId, PlaybackId, SwitchPort } from '../switch/switch-port.ts';
import { type IvrAction, type IvrEvent, type IvrState, initialState, step } from './flow-interpreter.ts';

// Runs one call through a flow on the switch port: performs the interpreter's actions (play a
// prompt list one prompt after another, the key timer, business queries, password checks) and
// turns switch events back into interpreter events. Events are handled one at a time, in order.
// The flow version is fixed at start: a call finishes on the version it started on.

export type IvrTimers = {
  now(): Date;
  setTimer(ms: number, fn: () => void | Promise<void>): number;
  cancelTimer(id: number): void;
};

export type IvrServices = {
  query(
    system: string,
    call: { callerNumber: string; vars: Record<string, string> },
  ): Promise<Record<string, string> | null>;
  verifyPassword(
    call: { callId: string; callerNumber: string },
    digits: string,
  ): Promise<'ok' | 'fail' | 'locked'>;
  setPassword(call: { callId: string; callerNumber: string }, digits: string): Promise<boolean>;
};

export type IvrLogSink = (
  entries: { at: Date; nodeId: string | null; event: IvrLogEvent; detail: Record<string, unknown> }[],
) => void;

export type IvrRunnerDeps = {
  port: Pick<SwitchPort, 'playPrompt' | 'stopPlayback' | 'hangup'>;
  timers: IvrTimers;
  services: IvrServices;
  log: IvrLogSink;
  /** The call left the IVR (transfer, voicemail, hangup, caller gone); the state tells how. */
  onEnd(state: IvrState, action: IvrAction | null): void | Promise<void>;
  /** Per-step latency, for the bench: event → actions performed, business calls excluded. */
  onStep?(ms: number): void;
  /** How long a business call (query, password check) took. */
  onService?(kind: 'query' | 'verify_password' | 'set_password', ms: number): void;
};

export class IvrCallRunner {
  state: IvrState = initialState();
  private queue: Promise<void> = Promise.resolve();
  private playback: PlaybackId | null = null;
  private pending: { prompts: string[]; interruptible: boolean } | null = null;
  private timer: number | null = null;
  private ended = false;
  private serviceMs = 0;

  constructor(
    readonly callId: string,
    readonly channelId: ChannelId,
    readonly callerNumber: string,
    private readonly flow: IvrFlowDefinition,
    private readonly deps: IvrRunnerDeps,
  ) {}

  start(vars: Record<string, string> = {}): Promise<void> {
    return this.handle({ type: 'start', vars });
  }

  dtmf(digit: string): Promise<void> {
    return this.handle({ type: 'dtmf', digit });
  }

  hungUp(): Promise<void> {
    return this.handle({ type: 'hangup' });
  }

  /** A playback of this channel finished (done, stopped or interrupted by a key). */
  playbackFinished(playbackId: PlaybackId): Promise<void> {
    if (playbackId !== this.playback) return Promise.resolve();
    this.playback = null;
    const next = this.pending?.prompts.shift();
    if (next !== undefined && this.pending) {
      const interruptible = this.pending.interruptible;
      return this.enqueue(async () => {
        this.playback = await this.deps.port.playPrompt(this.channelId, next, {
          interruptibleByDtmf: interruptible,
        });
      });
    }
    this.pending = null;
    return this.handle({ type: 'prompt_finished' });
  }

  /** Resolves once every event received so far has been handled. */
  async idle(): Promise<void> {
    let last: Promise<void>;
    do {
      last = this.queue;
      await last;
    } while (last !== this.queue);
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(work).catch(() => undefined);
    return this.queue;
  }

  private handle(event: IvrEvent): Promise<void> {
    return this.enqueue(async () => {
      if (this.ended) return;
      const t0 = performance.now();
      const { state, actions } = step(this.flow, this.state, event);
      this.state = state;
      this.serviceMs = 0;
      await this.perform(actions);
      this.deps.onStep?.(performance.now() - t0 - this.serviceMs);
    });
  }

  private async perform(actions: IvrAction[]): Promise<void> {
    const at = this.deps.timers.now();
    const logs = actions.flatMap((a) =>
      a.type === 'log' ? [{ at, nodeId: a.nodeId, event: a.event, detail: a.detail }] : [],
    );
    this.deps.log(logs);
    let last: IvrAction | null = null;
    for (const action of actions) {
      switch (action.type) {
        case 'log':
          break;
        case 'play': {
          const [first, ...rest] = action.prompts;
          if (first === undefined) break;
          this.pending = { prompts: rest, interruptible: action.interruptible };
          this.playback = await this.deps.port.playPrompt(this.channelId, first, {
            interruptibleByDtmf: action.interruptible,
          });
          break;
        }
        case 'stop_prompt':
          this.pending = null;
          if (this.playback !== null) {
            const id = this.playback;
            this.playback = null;
            await this.deps.port.stopPlayback(id).catch(() => undefined);
          }
          break;
        case 'start_timer':
          this.clearTimer();
          this.timer = this.deps.timers.setTimer(action.ms, () => {
            this.timer = null;
            void this.handle({ type: 'timeout' });
          });
          break;
        case 'cancel_timer':
          this.clearTimer();
          break;
        case 'query': {
          const values = await this.timed('query', () =>
            this.deps.services.query(action.system, { callerNumber: this.callerNumber, vars: action.vars }),
          ).catch(() => null);
          void this.handle(
            values === null
              ? { type: 'query_result', ok: false }
              : { type: 'query_result', ok: true, values },
          );
          break;
        }
        case 'verify_password': {
          const result = await this.timed('verify_password', () =>
            this.deps.services.verifyPassword(this, action.digits),
          ).catch(() => 'fail' as const);
          void this.handle({ type: 'password_result', result });
          break;
        }
        case 'set_password': {
          const ok = await this.timed('set_password', () =>
            this.deps.services.setPassword(this, action.digits),
          ).catch(() => false);
          void this.handle({ type: 'password_result', result: ok ? 'ok' : 'fail' });
          break;
        }
        case 'transfer':
        case 'voicemail':
        case 'hangup':
          last = action;
          break;
      }
    }
    if (this.state.status === 'ended' && !this.ended) {
      this.ended = true;
      this.clearTimer();
      await this.deps.onEnd(this.state, last);
    }
  }

  private async timed<T>(
    kind: 'query' | 'verify_password' | 'set_password',
    work: () => Promise<T>,
  ): Promise<T> {
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      const ms = performance.now() - t0;
      this.serviceMs += ms;
      this.deps.onService?.(kind, ms);
    }
  }

  private clearTimer(): void {
    if (this.timer !== null) this.deps.timers.cancelTimer(this.timer);
    this.timer = null;
  }
}
