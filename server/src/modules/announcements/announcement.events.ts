import type { AnnouncementAudience } from '@switchboard/shared';

// In-process notice that an announcement appeared, changed or was withdrawn, so a live channel
// can tell the affected desktops at once. Until one subscribes, desktops poll GET
// /api/announcements/mine (every 15 s and on focus). Events fire after the change committed.
export type AnnouncementPublished = {
  change: 'created' | 'updated' | 'withdrawn';
  id: number;
  urgent: boolean;
  audience: AnnouncementAudience;
  /** Staff, skill group or area ids, by audience; empty for 'all'. */
  targetIds: number[];
  validFrom: string;
  validTo: string | null;
};

type Listener = (event: AnnouncementPublished) => void;

const listeners = new Set<Listener>();

/** Subscribes to announcement changes; returns the unsubscribe function. */
export function onAnnouncementPublished(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Tells every listener; one failing listener neither stops the others nor fails the request. */
export function publishAnnouncementEvent(
  event: AnnouncementPublished,
  onListenerError: (error: unknown) => void,
): void {
  for (const listener of listeners) {
    try {
      listener(event);
    } catch (error) {
      onListenerError(error);
    }
  }
}
