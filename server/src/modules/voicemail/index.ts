import { CALL_PRIORITY } from '../../acd/queue-order.ts';
import type { CtiEvent } from '../../cti/engine/cti-types.ts';
import type { Db } from '../../db/database.ts';
import { notifyWorkItemsChanged } from '../work-items/index.ts';
import {
  pendingCallbackRows,
  storeCallbackAttemptEnded,
  storeCallbackQueued,
  storeCallbackRequested,
} from './store-callback.ts';
import { storeCallBackEnded, storeVoicemail } from './store-voicemail.ts';
import { notifyCallbacksChanged, notifyVoicemailsChanged } from './voicemail.notices.ts';

// What the server wiring uses of the voicemail module (VM-1, ACD-6): it stores voicemails and
// callback requests from the CTI events, and gives back the callbacks a restart must restore.

export type VoicemailRecorder = {
  /** Waits until every event received so far is stored (tests, shutdown). */
  flush(): Promise<void>;
  close(): void;
};

export type VoicemailEventSource = {
  onEvent(listener: (event: CtiEvent) => void): () => void;
  /** The switch's clock (a CtiRuntime has one); the wall clock otherwise. */
  clock?: { now(): Date };
};

/**
 * Stores the events in the order they came, one after the other; a failed event is logged and
 * the next one still stored, so a database hiccup never reaches the call-control engine.
 */
export function recordVoicemailEvents(db: Db, source: VoicemailEventSource): VoicemailRecorder {
  let chain: Promise<void> = Promise.resolve();
  const now = () => source.clock?.now() ?? new Date();
  const unsubscribe = source.onEvent((event) => {
    if (!STORED.has(event.type)) return;
    const at = now();
    chain = chain
      .then(() => storeEvent(db, event, at))
      .catch((error: unknown) => console.error(`voicemail recorder: ${event.type} not stored`, error));
  });
  return { flush: () => chain, close: unsubscribe };
}

const STORED = new Set<CtiEvent['type']>([
  'voicemail_left',
  'callback_requested',
  'callback_queued',
  'callback_attempt_ended',
  'call_ended',
]);

async function storeEvent(db: Db, event: CtiEvent, now: Date): Promise<void> {
  switch (event.type) {
    case 'voicemail_left': {
      const id = await storeVoicemail(db, event, now);
      if (id !== null) notifyVoicemailsChanged(id, 'new');
      return;
    }
    case 'call_ended': {
      const id = await storeCallBackEnded(db, event, now);
      if (id !== null) notifyVoicemailsChanged(id, 'called_back');
      return;
    }
    case 'callback_requested':
      if (await storeCallbackRequested(db, event, now)) notifyCallbacksChanged(event.callbackId, 'pending');
      return;
    case 'callback_queued':
      await storeCallbackQueued(db, event, now);
      notifyCallbacksChanged(event.callbackId, 'pending');
      return;
    case 'callback_attempt_ended': {
      const change = await storeCallbackAttemptEnded(db, event, now);
      if (!change) throw new Error(`unknown callback ${event.callbackId}`);
      if (change.workItemId !== null) notifyWorkItemsChanged(change.workItemId, 'new');
      notifyCallbacksChanged(change.callbackId, change.state);
      return;
    }
    default:
      return;
  }
}

/** A callback request still waiting (not connected, not given up), to put back in its queue. */
export type PendingCallback = {
  callbackId: string;
  number: string;
  queueId: string;
  waitingSince: Date;
  priority: number;
  /** Attempts made so far. */
  attempts: number;
};

export async function pendingCallbacks(db: Db): Promise<PendingCallback[]> {
  const rows = await pendingCallbackRows(db);
  return rows.map((r) => ({
    callbackId: r.callback_id,
    number: r.number,
    queueId: r.queue_id,
    // A retry waits from its own time, ahead of new calls, as the engine schedules it.
    waitingSince:
      r.attempts > 0 && r.next_attempt_at ? new Date(r.next_attempt_at) : new Date(r.waiting_since),
    priority: r.attempts > 0 ? Math.max(r.priority, CALL_PRIORITY.callback) : r.priority,
    attempts: r.attempts,
  }));
}
