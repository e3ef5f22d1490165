import type { FaultAlarm } from '@switchboard/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isNotice, useLiveRefresh } from '../live/use-live-refresh.ts';
import { fetchActiveFaultAlarms } from './fault-alarms-api.ts';

/** Fallback poll for a notice lost while the live stream was down. */
export const FAULT_ALARM_POLL_MS = 30_000;

const isFaultAlarmNotice = isNotice('fault_alarm');

/**
 * The active fault alarms (SUP-12): refetched at once on the live `fault_alarm` notice, after the
 * stream reconnects, on focus and every 30 s.
 */
export function useFaultAlarms() {
  const [items, setItems] = useState<FaultAlarm[]>([]);
  const inFlight = useRef<AbortController | null>(null);

  const refresh = useCallback(() => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    fetchActiveFaultAlarms(controller.signal).then(
      (r) => setItems(r.items),
      () => undefined,
    );
  }, []);

  useEffect(() => () => inFlight.current?.abort(), []);
  useLiveRefresh(refresh, isFaultAlarmNotice, FAULT_ALARM_POLL_MS);

  return { items, refresh };
}
