import { describe, expect, it } from 'vitest';
import { clientMessageSchema, followStream, isTooSlow, type ServerMessage } from './live-stream.ts';

type Event = { type: 'agent_state'; agentId: number };

const event = (prev: number, seq: number, epoch = 'e1'): ServerMessage<Event> => ({
  type: 'event',
  prev,
  epoch,
  seq,
  at: '2026-11-22T08:00:00.000Z',
  event: { type: 'agent_state', agentId: 1 },
});

describe('following the stream on the client side', () => {
  it('starts from a snapshot or a replay whatever the cursor was', () => {
    expect(followStream(undefined, { type: 'snapshot', epoch: 'e2', seq: 40, data: {} })).toEqual({
      epoch: 'e2',
      seq: 40,
    });
    expect(
      followStream({ epoch: 'e1', seq: 3 }, { type: 'replay', epoch: 'e1', seq: 9, events: [] }),
    ).toEqual({
      epoch: 'e1',
      seq: 9,
    });
  });

  it('moves on with an event whose prev is the cursor, even across hidden sequence numbers', () => {
    expect(followStream({ epoch: 'e1', seq: 10 }, event(10, 11))).toEqual({ epoch: 'e1', seq: 11 });
    expect(followStream({ epoch: 'e1', seq: 10 }, event(10, 17))).toEqual({ epoch: 'e1', seq: 17 });
  });

  it('reports a gap when an event does not follow the cursor', () => {
    expect(followStream({ epoch: 'e1', seq: 10 }, event(12, 13))).toBe('gap');
    expect(followStream({ epoch: 'e1', seq: 10 }, event(9, 10))).toBe('gap');
    expect(followStream({ epoch: 'e1', seq: 10 }, event(10, 11, 'e2'))).toBe('gap');
    expect(followStream(undefined, event(0, 1))).toBe('gap');
  });

  it('moves the cursor past hidden events on a pong, and ignores a pong before the hello', () => {
    expect(followStream({ epoch: 'e1', seq: 10 }, { type: 'pong', seq: 25 })).toEqual({
      epoch: 'e1',
      seq: 25,
    });
    expect(followStream({ epoch: 'e1', seq: 10 }, { type: 'pong' })).toEqual({ epoch: 'e1', seq: 10 });
    expect(followStream(undefined, { type: 'pong' })).toBeUndefined();
  });
});

describe('client messages', () => {
  it('accepts a hello with or without a position, and a ping', () => {
    expect(clientMessageSchema.safeParse({ type: 'hello' }).success).toBe(true);
    expect(clientMessageSchema.safeParse({ type: 'hello', epoch: 'e1', lastSeq: 0 }).success).toBe(true);
    expect(clientMessageSchema.safeParse({ type: 'ping' }).success).toBe(true);
  });

  it('rejects unknown types, negative or fractional positions and extra fields', () => {
    expect(clientMessageSchema.safeParse({ type: 'subscribe' }).success).toBe(false);
    expect(clientMessageSchema.safeParse({ type: 'hello', lastSeq: -1 }).success).toBe(false);
    expect(clientMessageSchema.safeParse({ type: 'hello', lastSeq: 1.5 }).success).toBe(false);
    expect(clientMessageSchema.safeParse({ type: 'ping', extra: true }).success).toBe(false);
  });
});

describe('slow consumers', () => {
  it('drops a client only once more than the limit is queued for it', () => {
    expect(isTooSlow(4 * 1024 * 1024, 4 * 1024 * 1024)).toBe(false);
    expect(isTooSlow(4 * 1024 * 1024 + 1, 4 * 1024 * 1024)).toBe(true);
    expect(isTooSlow(0, 4 * 1024 * 1024)).toBe(false);
  });
});
