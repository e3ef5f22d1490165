import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { apiVoid } from '../../api/client.ts';
import type { CtiEvent } from './cti-event.ts';
import { LiveClient, type LiveStatus, streamUrl } from './live-client.ts';
import { LiveContext, type LiveContextValue, type LiveSubscriber } from './live-context.ts';

declare global {
  interface Window {
    /** Test hook: `close()` drops the live connection the way a network loss would. */
    __switchboardLive?: { close(): void; status(): LiveStatus };
  }
}

/** One live connection per signed-in desktop, shared by everything that follows CTI events. */
export function LiveProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const subscribers = useRef(new Set<LiveSubscriber>());
  const offsetMs = useRef(0);

  useEffect(() => {
    const client = new LiveClient<CtiEvent>(streamUrl(window.location), {
      onSnapshot: (data) => {
        for (const s of subscribers.current) s.onSnapshot?.(data);
      },
      onEvent: (envelope, replayed) => {
        if (!replayed) offsetMs.current = Date.parse(envelope.at) - Date.now();
        for (const s of subscribers.current) s.onEvent?.(envelope, replayed);
      },
      onResync: () => {
        for (const s of subscribers.current) s.onResync?.();
      },
      onStatus: (next) => {
        setStatus(next);
        // A refused upgrade looks like any lost connection; asking who we are lets an expired
        // session take the user to the sign-in page instead of retrying for ever.
        if (next === 'reconnecting') apiVoid('/api/auth/me').catch(() => undefined);
      },
    });
    client.start();
    window.__switchboardLive = { close: () => client.drop(), status: () => client.status };
    return () => {
      client.stop();
      delete window.__switchboardLive;
    };
  }, []);

  const value = useMemo<LiveContextValue>(
    () => ({
      status,
      subscribe: (subscriber) => {
        subscribers.current.add(subscriber);
        return () => {
          subscribers.current.delete(subscriber);
        };
      },
      serverNow: () => Date.now() + offsetMs.current,
    }),
    [status],
  );

  return <LiveContext value={value}>{children}</LiveContext>;
}
