import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiRequestError } from '../../api/api-error.ts';
import { useLive } from '../live/use-live.ts';
import { fetchSnapshot, type WallSnapshot } from './wall-api.ts';

// Keeps the live picture fresh "within a second of the event" (SUP-7): every CTI event on the live
// stream triggers a snapshot read (bursts coalesce into one read at most every EVENT_READ_MS), and
// the stream's own snapshot on (re)connect is used as it arrives. A slow poll covers a quiet or
// lost stream. Between reads the durations tick locally from the time the snapshot was received.

const TICK_MS = 1_000;
/** Fallback read when no event arrives (stream down or nothing happening). */
const FALLBACK_POLL_MS = 5_000;
/** Smallest gap between two event-triggered reads: a burst of events costs one read. */
const EVENT_READ_MS = 250;
const HISTORY_MS = 10 * 60_000;

export interface TrendPoint {
  /** Local time of the sample (ms). */
  t: number;
  waiting: number;
  talking: number;
}

export interface WallData {
  snapshot: WallSnapshot | null;
  /** Local `Date.now()` when `snapshot` arrived. */
  receivedAt: number;
  /** Local time, updated every second, for the ticking durations. */
  now: number;
  error: string | null;
  history: TrendPoint[];
  refresh: () => void;
}

function sample(snapshot: WallSnapshot, t: number): TrendPoint {
  const waiting = snapshot.queues.reduce((sum, q) => sum + q.waiting, 0);
  const talking = snapshot.countsByState.talking + snapshot.countsByState.hold;
  return { t, waiting, talking };
}

export function useWallData(): WallData {
  const live = useLive();
  const [snapshot, setSnapshot] = useState<WallSnapshot | null>(null);
  const [receivedAt, setReceivedAt] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  const [error, setError] = useState<string | null>(null);
  const [history, setHistory] = useState<TrendPoint[]>([]);
  const kick = useRef<() => void>(() => {});

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let inFlight: AbortController | null = null;
    let again = false;

    const schedule = () => {
      clearTimeout(timer);
      if (stopped || document.visibilityState !== 'visible') return;
      timer = setTimeout(load, FALLBACK_POLL_MS);
    };

    async function load(): Promise<void> {
      if (stopped) return;
      if (inFlight) {
        // A read is under way: read once more right after it (an action just changed things).
        again = true;
        return;
      }
      clearTimeout(timer);
      const controller = new AbortController();
      inFlight = controller;
      try {
        const next = await fetchSnapshot(controller.signal);
        if (stopped) return;
        const t = Date.now();
        setSnapshot(next);
        setReceivedAt(t);
        setNow(t);
        setError(null);
        setHistory((prev) => {
          const kept = prev.filter((p) => p.t >= t - HISTORY_MS);
          kept.push(sample(next, t));
          return kept;
        });
      } catch (cause) {
        if (stopped || (cause instanceof DOMException && cause.name === 'AbortError')) return;
        setError(isApiRequestError(cause) ? cause.message : String(cause));
      } finally {
        if (inFlight === controller) inFlight = null;
      }
      if (again) {
        again = false;
        soon();
      } else schedule();
    }

    // An event asks for a read within EVENT_READ_MS; more events meanwhile join that read.
    let lastRead = 0;
    let eventTimer: ReturnType<typeof setTimeout> | undefined;
    function soon(): void {
      if (stopped || eventTimer !== undefined) return;
      const wait = Math.max(0, lastRead + EVENT_READ_MS - Date.now());
      eventTimer = setTimeout(() => {
        eventTimer = undefined;
        lastRead = Date.now();
        void load();
      }, wait);
    }
    const unsubscribe = live.subscribe({
      onEvent: (envelope) => {
        // Notices (messages, alarms …) do not change the wall.
        if ((envelope.event as { type?: string }).type !== 'notice') soon();
      },
      onSnapshot: soon,
      onResync: soon,
    });

    const onVisibility = () => {
      if (document.visibilityState === 'visible') void load();
      else clearTimeout(timer);
    };
    kick.current = () => void load();
    document.addEventListener('visibilitychange', onVisibility);
    void load();
    const ticker = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => {
      stopped = true;
      unsubscribe();
      clearTimeout(timer);
      clearTimeout(eventTimer);
      clearInterval(ticker);
      inFlight?.abort();
      document.removeEventListener('visibilitychange', onVisibility);
      kick.current = () => {};
    };
  }, [live]);

  const refresh = useCallback(() => kick.current(), []);
  return { snapshot, receivedAt, now, error, history, refresh };
}
