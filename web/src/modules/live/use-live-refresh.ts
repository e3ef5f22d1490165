import { useEffect, useRef } from 'react';
import { useLive } from './use-live.ts';

/** A snapshot this soon after a fetch brings nothing new (the first one follows the first fetch). */
const SNAPSHOT_SKIP_MS = 2_000;

/**
 * Keeps a piece of server data fresh for the desktop: fetched on mount, at once when the live
 * stream carries a matching notice (several in one replay cost one fetch), after the stream
 * reconnects (a notice may have been missed), when the window regains focus, and every `pollMs`
 * as a fallback. `refresh` should abort its own previous request.
 */
export function useLiveRefresh(
  refresh: () => void,
  matches: (event: unknown) => boolean,
  pollMs: number,
): void {
  const live = useLive();
  const lastFetch = useRef(0);

  useEffect(() => {
    const fetchNow = () => {
      lastFetch.current = Date.now();
      refresh();
    };
    let scheduled: ReturnType<typeof setTimeout> | null = null;
    const soon = () => {
      if (scheduled !== null) return;
      scheduled = setTimeout(() => {
        scheduled = null;
        fetchNow();
      }, 0);
    };
    fetchNow();
    const timer = setInterval(fetchNow, pollMs);
    window.addEventListener('focus', fetchNow);
    const unsubscribe = live.subscribe({
      onEvent: (envelope) => {
        if (matches(envelope.event)) soon();
      },
      onSnapshot: () => {
        if (Date.now() - lastFetch.current >= SNAPSHOT_SKIP_MS) soon();
      },
      onResync: soon,
    });
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', fetchNow);
      unsubscribe();
      if (scheduled !== null) clearTimeout(scheduled);
    };
  }, [live, refresh, matches, pollMs]);
}

/** Whether a live event is the notice of this topic (server/src/live/live-notices.ts). */
export function isNotice(topic: string): (event: unknown) => boolean {
  return (event) => {
    const e = event as { type?: unknown; topic?: unknown } | null;
    return typeof e === 'object' && e !== null && e.type === 'notice' && e.topic === topic;
  };
}
