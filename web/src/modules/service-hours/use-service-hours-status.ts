import type { ServiceHoursStatus } from '@switchboard/shared';
import { useEffect } from 'react';
import { useLiveData } from '../live/use-live-data.ts';
import { isNotice } from '../live/use-live-refresh.ts';
import { fetchServiceHoursStatus } from './service-hours-api.ts';

/** Fallback poll; the status is also refetched on the `service_hours` notice and when it flips. */
const STATUS_POLL_MS = 60_000;
/** Refetch this long after a group's announced change, so the server already sees it. */
const AFTER_CHANGE_MS = 1_000;

const isServiceHoursNotice = isNotice('service_hours');
const ignore = () => undefined; // a banner: the next refetch tries again

/**
 * Which skill groups are open now: refetched when an admin saves hours (live notice), when the
 * earliest announced change comes, on focus and every minute.
 */
export function useServiceHoursStatus(): ServiceHoursStatus | null {
  const { data: status, refresh } = useLiveData(
    fetchServiceHoursStatus,
    isServiceHoursNotice,
    ignore,
    STATUS_POLL_MS,
  );

  useEffect(() => {
    const changes = (status?.items ?? [])
      .map((i) => i.nextChange)
      .filter((c): c is string => c !== null)
      .map((c) => Date.parse(c));
    if (changes.length === 0) return;
    const wait = Math.max(0, Math.min(...changes) - Date.now()) + AFTER_CHANGE_MS;
    if (wait > STATUS_POLL_MS) return; // the poll comes first
    const timer = setTimeout(refresh, wait);
    return () => clearTimeout(timer);
  }, [status, refresh]);

  return status;
}
