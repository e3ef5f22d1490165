import type { MyAnnouncement } from '@switchboard/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLiveRefresh } from '../live/use-live-refresh.ts';
import { fetchMyAnnouncements, markAnnouncementRead } from './announcements-api.ts';

/**
 * Fallback poll: the live stream's `announcement_changed` notice normally triggers the refetch at
 * once; the poll covers a notice lost while the stream was down.
 */
export const ANNOUNCEMENT_POLL_MS = 15_000;

/** The stream's content-free notice that an announcement was created, edited or deleted (MSG-1). */
function isAnnouncementNotice(event: unknown): boolean {
  return (
    typeof event === 'object' &&
    event !== null &&
    (event as { type?: unknown }).type === 'announcement_changed'
  );
}

/**
 * My announcements: refetched as soon as the live stream says one changed (and after the stream
 * reconnects, when a notice may have been missed), every 15 s, and whenever the window regains focus.
 */
export function useMyAnnouncements() {
  const [items, setItems] = useState<MyAnnouncement[]>([]);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef<AbortController | null>(null);

  const refresh = useCallback(() => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    fetchMyAnnouncements(controller.signal)
      .then((result) => {
        setItems(result.items);
        setError(null);
      })
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setError(caught instanceof Error ? caught.message : String(caught));
      });
  }, []);

  useEffect(() => () => inFlight.current?.abort(), []);
  useLiveRefresh(refresh, isAnnouncementNotice, ANNOUNCEMENT_POLL_MS);

  const markRead = useCallback((id: number) => {
    setItems((current) => current.map((a) => (a.id === id ? { ...a, read: true } : a)));
    markAnnouncementRead(id).catch((caught: unknown) =>
      setError(caught instanceof Error ? caught.message : String(caught)),
    );
  }, []);

  return { items, error, refresh, markRead };
}
