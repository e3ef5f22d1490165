import { useCallback, useEffect, useRef, useState } from 'react';
import { useLiveRefresh } from '../live/use-live-refresh.ts';

/** Fallback poll for a notice lost while the live stream was down. */
const POLL_MS = 30_000;

/**
 * Data of this page kept fresh: fetched again at once on the module's live notice, on reconnect,
 * on focus and every 30 s. `load` must be stable (a useCallback of the filters).
 */
export function useLiveData<T>(
  load: (signal: AbortSignal) => Promise<T>,
  matches: (event: unknown) => boolean,
  onError: (error: unknown) => void,
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
  useLiveRefresh(refresh, matches, POLL_MS);
  return { data, refresh };
}
