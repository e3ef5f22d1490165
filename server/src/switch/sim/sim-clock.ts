import type { Clock } from '../../clock.ts';

export type TimerId = number;
export type TimerCallback = () => void | Promise<void>;

type Timer = { id: TimerId; due: number; fn: TimerCallback };

/**
 * Simulated time. Tests move it with `advance`; the demo server lets it follow the wall clock with
 * `startRealtime`. Timers run in due-time order (ties in the order they were set), each seeing
 * `now()` equal to its due time.
 */
export class SimClock implements Clock {
  #now: number;
  #nextId = 1;
  #active = new Map<TimerId, Timer>();
  // Min-heap by (due, id); cancelled timers stay in it and are skipped when they surface.
  #heap: Timer[] = [];
  #advancing = false;

  constructor(start: Date = new Date('2026-01-05T09:00:00Z')) {
    this.#now = start.getTime();
  }

  now(): Date {
    return new Date(this.#now);
  }

  get pendingTimers(): number {
    return this.#active.size;
  }

  setTimer(ms: number, fn: TimerCallback): TimerId {
    if (!Number.isFinite(ms)) throw new RangeError(`timer delay must be a finite number, got ${ms}`);
    const timer: Timer = { id: this.#nextId++, due: this.#now + Math.max(0, ms), fn };
    this.#active.set(timer.id, timer);
    this.#push(timer);
    return timer.id;
  }

  cancelTimer(id: TimerId): void {
    this.#active.delete(id);
  }

  /**
   * Moves time forward by `ms`, running every timer that falls due on the way (also timers set by
   * those timers), and lets promises settle after each so async handlers finish before the next.
   */
  async advance(ms: number): Promise<void> {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`cannot advance by ${ms} ms`);
    if (this.#advancing) throw new Error('SimClock.advance is already running');
    this.#advancing = true;
    try {
      const target = this.#now + ms;
      await settle();
      for (;;) {
        const timer = this.#popDue(target);
        if (timer !== undefined) {
          this.#now = timer.due;
          await timer.fn();
          await settle();
        } else if (this.#now < target) {
          this.#now = target;
          await settle();
        } else {
          return;
        }
      }
    } finally {
      this.#advancing = false;
    }
  }

  /** Follows the wall clock (for the running server); returns the function that stops it. */
  startRealtime(tickMs = 50, onError: (error: unknown) => void = reportTimerError): () => void {
    let last = Date.now();
    let busy = false;
    const handle = setInterval(() => {
      if (busy) return; // a slow tick: the time it missed is caught up by the next one
      const wall = Date.now();
      const elapsed = Math.max(0, wall - last);
      last = wall;
      busy = true;
      this.advance(elapsed)
        .catch(onError)
        .finally(() => {
          busy = false;
        });
    }, tickMs);
    handle.unref();
    return () => clearInterval(handle);
  }

  #popDue(target: number): Timer | undefined {
    for (;;) {
      const top = this.#heap[0];
      if (top === undefined || top.due > target) return undefined;
      this.#pop();
      if (this.#active.delete(top.id)) return top;
    }
  }

  #push(timer: Timer): void {
    const heap = this.#heap;
    heap.push(timer);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!earlier(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  #pop(): void {
    const heap = this.#heap;
    const last = heap.pop();
    if (last === undefined || heap.length === 0) return;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && earlier(heap[left]!, heap[smallest]!)) smallest = left;
      if (right < heap.length && earlier(heap[right]!, heap[smallest]!)) smallest = right;
      if (smallest === i) return;
      [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
      i = smallest;
    }
  }
}

function earlier(a: Timer, b: Timer): boolean {
  return a.due < b.due || (a.due === b.due && a.id < b.id);
}

/** One macrotask turn: every pending promise continuation runs before it. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function reportTimerError(error: unknown): void {
  console.error('simulated switch timer failed', error);
}
