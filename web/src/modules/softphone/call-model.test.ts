import type { Envelope } from '@switchboard/shared';
import { describe, expect, it } from 'vitest';
import type { CtiEvent } from '../live/cti-event.ts';
import { applyCallEvent, type CallBook, formatDuration } from './call-model.ts';

// The desktop's picture of its calls, built from live events alone: a replay after a reconnection
// gives the same picture as having been connected all along.

const ME = 7;
let seq = 0;
const envelope = (event: CtiEvent, epoch = 'e1'): Envelope<CtiEvent> => ({
  epoch,
  seq: ++seq,
  at: new Date(Date.UTC(2026, 10, 22, 8, 0, seq)).toISOString(),
  event,
});

const offered = (callId: string, agentId = ME): CtiEvent => ({
  type: 'call_offered',
  callId,
  agentId,
  number: '8007',
  via: 'skill',
  explanation: { 'zh-CN': '技能匹配', 'en-US': 'skill match' },
  call: {
    direction: 'inbound',
    callerNumber: '13912345678',
    calledNumber: '10000',
    accessCode: '10000',
    queueId: 'q-1',
    vip: true,
    customerData: { 卡号: '6222' },
  },
});

function apply(events: Envelope<CtiEvent>[], book: CallBook = {}): CallBook {
  return events.reduce((b, e) => applyCallEvent(b, e, ME), book);
}

describe('call model from live events (UI-7, UI-8)', () => {
  it('records the caller offered to me, the answer time, hold and retrieve', () => {
    const events = [
      envelope(offered('c1')),
      envelope({ type: 'call_answered', callId: 'c1', agentId: ME }),
      envelope({ type: 'call_held', callId: 'c1', agentId: ME }),
    ];
    let book = apply(events);
    const call = book.c1!;
    expect(call.callerNumber).toBe('13912345678');
    expect(call.direction).toBe('inbound');
    expect(call.vip).toBe(true);
    expect(call.customerData).toEqual({ 卡号: '6222' });
    expect(call.answeredAt).toBe(events[1]!.at);
    expect(call.held).toBe(true);
    book = apply([envelope({ type: 'call_retrieved', callId: 'c1', agentId: ME })], book);
    expect(book.c1!.held).toBe(false);
  });

  it("ignores calls offered to other agents (a team lead's stream carries every call)", () => {
    expect(apply([envelope(offered('c2', 99))])).toEqual({});
  });

  it('applies a replayed event only once', () => {
    const first = envelope(offered('c3'));
    const held = envelope({ type: 'call_held', callId: 'c3', agentId: ME });
    const once = apply([first, held]);
    const twice = apply([first, held, held], {});
    expect(twice).toEqual(once);
    expect(twice.c3!.timeline).toHaveLength(2);
  });

  it('ends my part of the call when I transfer it away', () => {
    const book = apply([
      envelope(offered('c4')),
      envelope({ type: 'call_answered', callId: 'c4', agentId: ME }),
      envelope({
        type: 'transferred',
        callId: 'c4',
        fromAgentId: ME,
        target: { kind: 'agent', agentId: 8 },
        mode: 'blind',
      }),
    ]);
    expect(book.c4!.endedAt).not.toBeNull();
    expect(book.c4!.endCause).toBe('transferred_out');
  });

  it('treats an ended call id offered again (server restarted) as a new call', () => {
    const book = apply([
      envelope(offered('c5')),
      envelope({ type: 'call_ended', callId: 'c5', cause: 'completed' }),
      envelope(offered('c5'), 'e2'),
    ]);
    expect(book.c5!.endedAt).toBeNull();
    expect(book.c5!.timeline).toHaveLength(1);
  });

  it('formats talk time as mm:ss, and h:mm:ss from an hour on', () => {
    expect(formatDuration(0)).toBe('00:00');
    expect(formatDuration(65_400)).toBe('01:05');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
    expect(formatDuration(-5)).toBe('00:00');
  });
});
