import { useCallback, useEffect, useRef, useState } from 'react';
import { useLiveRefresh } from './use-live-refresh.ts';

/** Fallback poll for a notice lost while the live stream was down. */
const POLL_MS = 30_000;

/**
 * Server data kept fresh: fetched again at once on a matching live notice, on reconnect, on focus
 * and every `pollMs`; a newer fetch aborts the one before. `load` and `onError` must be stable (a
 * module function or a useCallback of the filters).
 */
export function useLiveData<T>(
  load: (signal: AbortSignal) => Promise<T>,
  matches: (event: unknown) => boolean,
  onError: (error: unknown) => void,
  pollMs = POLL_MS,
) {
  const [data, setData] = useState<T | null>(null);
  const inFlight = useRef<AbortController | null>(null);
  const refresh = useCallback(() => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    load(controller.signal).then(setData, (e: unknown) => {
      if (!controller.signal.aborted) onError(e);
    });
  }, [load, onError]);
  useEffect(() => () => inFlight.current?.abort(), []);
  useLiveRefresh(refresh, matches, pollMs);
  return { data, refresh };
}
