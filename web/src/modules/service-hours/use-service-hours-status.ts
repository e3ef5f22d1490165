import type { ServiceHoursStatus } from '@switchboard/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isNotice, useLiveRefresh } from '../live/use-live-refresh.ts';
import { fetchServiceHoursStatus } from './service-hours-api.ts';

/** Fallback poll; the status is also refetched on the `service_hours` notice and when it flips. */
const STATUS_POLL_MS = 60_000;
/** Refetch this long after a group's announced change, so the server already sees it. */
const AFTER_CHANGE_MS = 1_000;

const isServiceHoursNotice = isNotice('service_hours');

/**
 * Which skill groups are open now: refetched when an admin saves hours (live notice), when the
 * earliest announced change comes, on focus and every minute.
 */
export function useServiceHoursStatus(): ServiceHoursStatus | null {
  const [status, setStatus] = useState<ServiceHoursStatus | null>(null);
  const inFlight = useRef<AbortController | null>(null);

  const refresh = useCallback(() => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    fetchServiceHoursStatus(controller.signal).then(setStatus, () => undefined);
  }, []);

  useEffect(() => () => inFlight.current?.abort(), []);
  useLiveRefresh(refresh, isServiceHoursNotice, STATUS_POLL_MS);

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
