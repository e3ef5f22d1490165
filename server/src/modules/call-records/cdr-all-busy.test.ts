import { afterEach, describe, expect, it } from 'vitest';
import { BILL, PEOPLE } from '../../cti/engine/cti-harness.ts';
import type { CallEventEnvelope } from './call-event.writer.ts';
import { deriveCdr, type TimedCtiEvent } from './cdr.ts';
import { startEngineRun } from './engine-run.fixture.ts';

// CDRs of the all-busy paths (ACD-6, VM-1), derived from a real engine run: the caller who left a
// message, the caller who booked a callback, and the callback's own call.

let run: Awaited<ReturnType<typeof startEngineRun>>;
const envelopes: CallEventEnvelope[] = [];
afterEach(async () => {
  envelopes.length = 0;
  await run.close();
});

function cdrOf(callId: string) {
  const events: TimedCtiEvent[] = envelopes
    .filter((e) => 'callId' in e.event && e.event.callId === callId)
    .map((e) => ({ at: new Date(e.at), event: e.event }));
  return deriveCdr(events)?.cdr;
}

const startedIds = () => envelopes.flatMap((e) => (e.event.type === 'call_started' ? [e.event.callId] : []));

describe('CDRs when all agents are busy', () => {
  it('files a voicemail caller as disposition voicemail, not abandoned (VM-1)', async () => {
    run = await startEngineRun((e) => envelopes.push(e));
    const customer = await run.customerCalls('10000', '13700000001');
    await run.sim.customerPressesDigits(customer, '2');
    await run.pass(2_000 + 6_000);
    await run.sim.customerPressesDigits(customer, '#');
    await run.pass(2_000);
    expect(cdrOf(startedIds()[0]!)).toMatchObject({ disposition: 'voicemail', endCause: 'voicemail' });
  });

  it('files the booking as disposition callback and the callback as an answered outbound call (ACD-6)', async () => {
    run = await startEngineRun((e) => envelopes.push(e));
    const customer = await run.customerCalls('10000', '13700000002');
    await run.sim.customerPressesDigits(customer, '1');
    await run.pass(2_000);
    await run.signIn(PEOPLE.li, [{ skillGroupId: BILL, level: 3 }]);
    await run.engine.answer(PEOPLE.li.id);
    await run.pass(3_000); // the customer answers after 3 s
    await run.pass(60_000);
    await run.engine.hangup(PEOPLE.li.id);
    await run.pass();
    const [booking, callback] = startedIds();
    expect(cdrOf(booking!)).toMatchObject({ disposition: 'callback', endCause: 'callback_requested' });
    const cdr = cdrOf(callback!);
    expect(cdr).toMatchObject({
      direction: 'outbound',
      calledNumber: '13700000002',
      queueId: 'q-bill',
      firstAgentId: PEOPLE.li.id,
      disposition: 'answered',
      talkMs: 60_000,
    });
    const legs = deriveCdr(
      envelopes
        .filter((e) => 'callId' in e.event && e.event.callId === callback)
        .map((e) => ({ at: new Date(e.at), event: e.event })),
    )?.legs;
    expect(legs?.map((l) => [l.role, l.number ?? l.staffId]).sort()).toEqual([
      ['agent', PEOPLE.li.extension],
      ['customer', '13700000002'],
    ]);
  });
});
