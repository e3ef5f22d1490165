import type { FaultAlarm } from '@switchboard/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLive } from '../live/use-live.ts';
import { fetchActiveFaultAlarms } from './fault-alarms-api.ts';

/** Fallback poll for a notice lost while the live stream was down. */
export const FAULT_ALARM_POLL_MS = 30_000;

function isFaultAlarmNotice(event: unknown): boolean {
  const e = event as { type?: unknown; topic?: unknown } | null;
  return typeof e === 'object' && e !== null && e.type === 'notice' && e.topic === 'fault_alarm';
}

/**
 * The active fault alarms (SUP-12): refetched at once on the live `fault_alarm` notice, after the
 * stream reconnects, on focus and every 30 s.
 */
export function useFaultAlarms() {
  const live = useLive();
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

  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, FAULT_ALARM_POLL_MS);
    window.addEventListener('focus', refresh);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', refresh);
      inFlight.current?.abort();
    };
  }, [refresh]);

  useEffect(() => {
    let scheduled: ReturnType<typeof setTimeout> | null = null;
    const soon = () => {
      if (scheduled !== null) return;
      scheduled = setTimeout(() => {
        scheduled = null;
        refresh();
      }, 0);
    };
    const unsubscribe = live.subscribe({
      onEvent: (envelope) => {
        if (isFaultAlarmNotice(envelope.event)) soon();
      },
      onSnapshot: soon,
      onResync: soon,
    });
    return () => {
      unsubscribe();
      if (scheduled !== null) clearTimeout(scheduled);
    };
  }, [live, refresh]);

  return { items, refresh };
}
