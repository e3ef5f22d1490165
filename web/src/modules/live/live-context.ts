import type { Envelope } from '@switchboard/shared';
import { createContext } from 'react';
import type { CtiEvent } from './cti-event.ts';
import type { LiveStatus } from './live-client.ts';

export type LiveSubscriber = {
  onEvent?(envelope: Envelope<CtiEvent>, replayed: boolean): void;
  onSnapshot?(data: unknown): void;
  onResync?(): void;
};

export type LiveContextValue = {
  status: LiveStatus;
  /** Registers for the stream's frames; returns the unsubscribe function. */
  subscribe(subscriber: LiveSubscriber): () => void;
  /** The server's clock now, estimated from the events' timestamps (talk times stay right on a skewed PC). */
  serverNow(): number;
};

export const LiveContext = createContext<LiveContextValue | null>(null);
