import { describe, expect, it, vi } from 'vitest';
import { manualClock } from '../../clock.ts';
import { createEventStream, type Envelope } from './event-stream.ts';

type AgentEvent = { type: 'agent_state'; agentId: number; state: string };

const agentEvent = (agentId: number, state = 'ready'): AgentEvent => ({
  type: 'agent_state',
  agentId,
  state,
});
const seqs = (envelopes: Envelope<AgentEvent>[] | 'gap') =>
  envelopes === 'gap' ? 'gap' : envelopes.map((e) => e.seq);

describe('event stream', () => {
  it('numbers events from 1 upwards and stamps them with the clock time and the epoch', () => {
    const clock = manualClock(new Date('2026-11-22T08:00:00Z'));
    const stream = createEventStream<AgentEvent>({ clock });
    expect(stream.lastSeq()).toBe(0);

    const first = stream.publish(agentEvent(1));
    clock.advance(1500);
    const second = stream.publish(agentEvent(2, 'not_ready'));

    expect(first).toEqual({
      epoch: stream.epoch,
      seq: 1,
      at: '2026-11-22T08:00:00.000Z',
      event: agentEvent(1),
    });
    expect(second.seq).toBe(2);
    expect(second.at).toBe('2026-11-22T08:00:01.500Z');
    expect(stream.lastSeq()).toBe(2);
  });

  it('gives every stream its own epoch, so a restarted server is told apart from the old one', () => {
    const clock = manualClock();
    const before = createEventStream<AgentEvent>({ clock });
    const after = createEventStream<AgentEvent>({ clock });
    expect(before.epoch).not.toBe(after.epoch);
    expect(before.epoch.length).toBeGreaterThan(8);
  });

  it('returns exactly the events after a position, oldest first', () => {
    const stream = createEventStream<AgentEvent>({ clock: manualClock() });
    for (let i = 1; i <= 5; i++) stream.publish(agentEvent(i));

    expect(seqs(stream.since(0))).toEqual([1, 2, 3, 4, 5]);
    expect(seqs(stream.since(3))).toEqual([4, 5]);
    expect(seqs(stream.since(5))).toEqual([]);
    const replayed = stream.since(4);
    expect(replayed !== 'gap' && replayed[0]?.event).toEqual(agentEvent(5));
  });

  it('answers gap once the missed events have left the ring buffer', () => {
    const stream = createEventStream<AgentEvent>({ capacity: 3, clock: manualClock() });
    for (let i = 1; i <= 7; i++) stream.publish(agentEvent(i));

    // Kept: 5, 6, 7.
    expect(seqs(stream.since(4))).toEqual([5, 6, 7]);
    expect(seqs(stream.since(6))).toEqual([7]);
    expect(stream.since(3)).toBe('gap');
    expect(stream.since(0)).toBe('gap');
  });

  it('answers gap for a position it never handed out', () => {
    const stream = createEventStream<AgentEvent>({ clock: manualClock() });
    stream.publish(agentEvent(1));
    expect(stream.since(2)).toBe('gap');
    expect(stream.since(-1)).toBe('gap');
    expect(stream.since(0.5)).toBe('gap');
  });

  it('calls subscribers in publish order until they unsubscribe', () => {
    const stream = createEventStream<AgentEvent>({ clock: manualClock() });
    const received: number[] = [];
    const unsubscribe = stream.subscribe((e) => received.push(e.seq));
    stream.publish(agentEvent(1));
    stream.publish(agentEvent(2));
    unsubscribe();
    stream.publish(agentEvent(3));
    expect(received).toEqual([1, 2]);
  });

  it('keeps publishing to the other subscribers when one of them throws', () => {
    const onListenerError = vi.fn();
    const stream = createEventStream<AgentEvent>({ clock: manualClock(), onListenerError });
    const received: number[] = [];
    stream.subscribe(() => {
      throw new Error('broken subscriber');
    });
    stream.subscribe((e) => received.push(e.seq));

    const published = stream.publish(agentEvent(1));

    expect(published.seq).toBe(1);
    expect(received).toEqual([1]);
    expect(onListenerError).toHaveBeenCalledWith(new Error('broken subscriber'));
    expect(stream.lastSeq()).toBe(1);
  });

  it('treats the same function subscribed twice as two subscriptions', () => {
    const stream = createEventStream<AgentEvent>({ clock: manualClock() });
    const received: number[] = [];
    const listener = (e: Envelope<AgentEvent>) => received.push(e.seq);
    const first = stream.subscribe(listener);
    stream.subscribe(listener);
    first();
    stream.publish(agentEvent(1));
    expect(received).toEqual([1]);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => createEventStream({ capacity: 0, clock: manualClock() })).toThrow(/capacity/);
  });
});
