import type { CtiEvent } from '../../cti/engine/cti-types.ts';
import type { TimedCtiEvent } from './cdr.ts';

type LiveCall = {
  events: TimedCtiEvent[];
  ended: boolean;
  /** Recordings started and not yet reported finished (their files come after the call ends). */
  recordings: Set<string>;
  graceTimer: ReturnType<typeof setTimeout> | null;
};

export type CallDue = { callId: string; events: TimedCtiEvent[] };

const FINISHED_REMEMBERED = 10_000;

function callIdOf(event: CtiEvent): string | null {
  return 'callId' in event ? event.callId : null;
}

/**
 * The events of each call in progress, kept until its CDR can be written: when the call has ended
 * and every recording it started has reported its file, or `graceMs` after the end at the latest.
 */
export class LiveCalls {
  readonly #calls = new Map<string, LiveCall>();
  // Late events of a call whose CDR is done (a file after the grace period) must not reopen it.
  readonly #finished = new Set<string>();

  readonly #graceMs: number;
  readonly #onGraceElapsed: (due: CallDue) => void;

  constructor(graceMs: number, onGraceElapsed: (due: CallDue) => void) {
    this.#graceMs = graceMs;
    this.#onGraceElapsed = onGraceElapsed;
  }

  /** Adds an event; returns the call's events when this event completes it. */
  add(timed: TimedCtiEvent): CallDue | null {
    const { event } = timed;
    const callId = callIdOf(event);
    if (callId === null || this.#finished.has(callId)) return null;
    let call = this.#calls.get(callId);
    if (!call) {
      call = { events: [], ended: false, recordings: new Set(), graceTimer: null };
      this.#calls.set(callId, call);
    }
    call.events.push(timed);
    if (event.type === 'recording_started') call.recordings.add(event.recordingId);
    if (event.type === 'recording_finished') call.recordings.delete(event.recordingId);
    if (event.type === 'call_ended') call.ended = true;
    if (!call.ended) return null;
    if (call.recordings.size === 0) return this.#take(callId);
    if (!call.graceTimer) {
      call.graceTimer = setTimeout(() => {
        const due = this.#take(callId);
        if (due) this.#onGraceElapsed(due);
      }, this.#graceMs);
      call.graceTimer.unref?.();
    }
    return null;
  }

  /** Ended calls still waiting for recording files, handed over now (shutdown). */
  takeEnded(): CallDue[] {
    const ended = [...this.#calls].filter(([, call]) => call.ended).map(([callId]) => callId);
    return ended.flatMap((callId) => this.#take(callId) ?? []);
  }

  stop(): void {
    for (const call of this.#calls.values()) if (call.graceTimer) clearTimeout(call.graceTimer);
  }

  #take(callId: string): CallDue | null {
    const call = this.#calls.get(callId);
    if (!call) return null;
    if (call.graceTimer) clearTimeout(call.graceTimer);
    this.#calls.delete(callId);
    this.#finished.add(callId);
    if (this.#finished.size > FINISHED_REMEMBERED) {
      const oldest = this.#finished.values().next();
      if (!oldest.done) this.#finished.delete(oldest.value);
    }
    return { callId, events: call.events };
  }
}
