import type { CtiEvent } from '../../cti/engine/cti-types.ts';
import type { Db } from '../../db/database.ts';
import { recordVoicemailEvents, type VoicemailRecorder } from './index.ts';

// Test helpers: a fake CTI event source feeding the recorder, and the events it stores.
export type FakeEventSource = {
  emit(...events: CtiEvent[]): void;
  recorder: VoicemailRecorder;
};

export function fakeEventSource(
  db: Db,
  now: () => Date = () => new Date('2026-03-02T02:00:00Z'),
): FakeEventSource {
  const listeners = new Set<(event: CtiEvent) => void>();
  const recorder = recordVoicemailEvents(db, {
    clock: { now },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  return {
    recorder,
    emit: (...events) => {
      for (const e of events) for (const l of listeners) l(e);
    },
  };
}

export function voicemailLeft(over: Partial<Extract<CtiEvent, { type: 'voicemail_left' }>> = {}): CtiEvent {
  return {
    type: 'voicemail_left',
    callId: 'call-vm-1',
    callerNumber: '13800000001',
    accessCode: '10000',
    queueId: 'q-1',
    reason: 'all_busy',
    recordingId: 'rec-1',
    file: '/nowhere/rec-1.wav',
    durationMs: 12_500,
    startedAt: '2026-03-02T01:59:40.000Z',
    ...over,
  };
}

export const callbackRequested = (callbackId: string, number = '13800000002'): CtiEvent => ({
  type: 'callback_requested',
  callbackId,
  number,
  queueId: 'q-1',
  waitingSince: '2026-03-02T01:50:00.000Z',
  priority: 0,
});

export const callbackQueued = (callbackId: string, attempt: number): CtiEvent => ({
  type: 'callback_queued',
  callbackId,
  callId: `${callbackId}-a${attempt}`,
  attempt,
});

export const attemptEnded = (
  callbackId: string,
  attempt: number,
  result: Extract<CtiEvent, { type: 'callback_attempt_ended' }>['result'],
  nextAttemptAt: string | null,
  agentId: number | null = null,
): CtiEvent => ({
  type: 'callback_attempt_ended',
  callbackId,
  callId: `${callbackId}-a${attempt}`,
  attempt,
  agentId,
  result,
  nextAttemptAt,
});

/** A minimal valid WAV (silence) so the player gets real audio. */
export function silentWav(ms = 1000): Buffer {
  const rate = 8000;
  const samples = Math.round((rate * ms) / 1000);
  const b = Buffer.alloc(44 + samples * 2);
  b.write('RIFF', 0);
  b.writeUInt32LE(36 + samples * 2, 4);
  b.write('WAVEfmt ', 8);
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(rate, 24);
  b.writeUInt32LE(rate * 2, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36);
  b.writeUInt32LE(samples * 2, 40);
  return b;
}
