import { afterEach, describe, expect, it } from 'vitest';
import { BILL, createHarness, type Harness, PEOPLE, type Person } from './cti-harness.ts';

// ACD-6 自动回呼: a waiting caller presses 1 and hangs up; the callback keeps the caller's place.
// When it reaches the front an agent gets a preview, accepts it, and the system dials the customer.

let h: Harness;
afterEach(async () => {
  await h.close();
});

const PROMPT_MS = 2_000;
const caller = (n: number) => `1370000${String(n).padStart(4, '0')}`;

/** The agent answers whatever rings, talks, the far side hangs up, and the agent wraps up. */
async function serveOne(agent: Person): Promise<{ number: string | null; callback: boolean }> {
  const offer = h.eventsOf('call_offered').at(-1)!;
  expect(offer.agentId).toBe(agent.id);
  await h.engine.answer(agent.id);
  await h.pass(5_000);
  const call = h.callOf(agent)!;
  const customer = call.legs.find((l) => l.role === 'customer')!;
  await h.sim.remoteHangsUp(customer.channelId);
  await h.pass();
  await h.engine.finishWrapUp(agent.id);
  await h.pass();
  const number = offer.call.direction === 'outbound' ? offer.call.calledNumber : offer.call.callerNumber;
  return { number, callback: offer.call.direction === 'outbound' };
}

describe('automatic callback (ACD-6)', () => {
  it('keeps the caller’s place in a queue of 10: callers 1–3 first, then the callback, then 5–10', async () => {
    h = await createHarness();
    await h.signIn(PEOPLE.li, [{ skillGroupId: BILL, level: 3 }], false);
    const channels: string[] = [];
    for (let n = 1; n <= 10; n++) {
      channels.push(await h.customerCalls('10000', caller(n)));
      await h.pass(1_000);
    }
    await h.sim.customerPressesDigits(channels[3]!, '1');
    await h.pass();
    const fourthId = h.eventsOf('call_started')[3]!.callId;
    const [requested] = h.eventsOf('callback_requested');
    expect(requested).toMatchObject({ callbackId: fourthId, number: caller(4), queueId: 'q-bill' });
    // The caller hears that the callback is booked, then the line is released.
    await h.pass(PROMPT_MS);
    expect(h.sim.getChannel(channels[3]!)?.state).toBe('hungup');
    expect(h.eventsOf('call_ended')).toEqual([
      { type: 'call_ended', callId: fourthId, cause: 'callback_requested' },
    ]);
    // Still ten waiting: nine callers on the line and the callback in the fourth's place.
    expect(h.engine.snapshot().queues.find((q) => q.queueId === 'q-bill')).toMatchObject({
      waiting: 10,
      callbacks: 1,
    });

    await h.engine.setReady(PEOPLE.li.id);
    await h.pass();
    const served: string[] = [];
    for (let i = 0; i < 10; i++) {
      const one = await serveOne(PEOPLE.li);
      served.push(one.callback ? `callback ${one.number}` : one.number!);
    }
    expect(served).toEqual([
      caller(1),
      caller(2),
      caller(3),
      `callback ${caller(4)}`,
      ...[5, 6, 7, 8, 9, 10].map(caller),
    ]);
  });

  it('previews the customer to the agent, dials them once the agent accepts, and connects them', async () => {
    h = await createHarness();
    await h.signIn(PEOPLE.li, [{ skillGroupId: BILL, level: 3 }], false);
    const customer = await h.customerCalls('10000', caller(1));
    await h.sim.customerPressesDigits(customer, '1');
    await h.pass(PROMPT_MS);
    await h.engine.setReady(PEOPLE.li.id);
    await h.pass();
    const [offer] = h.eventsOf('call_offered');
    expect(offer?.call).toMatchObject({ direction: 'outbound', calledNumber: caller(1), queueId: 'q-bill' });
    expect(offer?.explanation['zh-CN']).toMatch(/^预约回呼（第 1 次）/);
    // Nothing is dialled until the agent accepts the preview.
    const outsideBefore = h.engine.snapshot().lines.filter((l) => l.kind === 'trunk');
    expect(outsideBefore).toEqual([]);
    await h.engine.answer(PEOPLE.li.id);
    await h.pass();
    const call = h.callOf(PEOPLE.li)!;
    const dialled = call.legs.find((l) => l.role === 'customer')!;
    expect(dialled).toMatchObject({ number: caller(1), answered: false });
    expect(h.stateOf(PEOPLE.li)).toBe('talking');
    await h.pass(3_000); // the simulated outside number answers after 3 s
    expect(call.phase).toBe('connected');
    expect(h.hears(dialled.channelId, h.channelOf(PEOPLE.li))).toBe(true);
    expect(h.hears(h.channelOf(PEOPLE.li), dialled.channelId)).toBe(true);
    expect(h.eventsOf('callback_attempt_ended')).toEqual([
      {
        type: 'callback_attempt_ended',
        callbackId: h.eventsOf('callback_requested')[0]!.callbackId,
        callId: call.id,
        attempt: 1,
        agentId: PEOPLE.li.id,
        result: 'connected',
        nextAttemptAt: null,
      },
    ]);
  });

  it('tries again after the retry delay when nobody answers, then gives up after the last attempt', async () => {
    h = await createHarness({ callbackRetryMs: [60_000] });
    h.sim.setExternalBehaviour(caller(1), { kind: 'no_answer' });
    await h.signIn(PEOPLE.li, [{ skillGroupId: BILL, level: 3 }], false);
    const customer = await h.customerCalls('10000', caller(1));
    await h.sim.customerPressesDigits(customer, '1');
    await h.pass(PROMPT_MS);
    await h.engine.setReady(PEOPLE.li.id);
    await h.pass();
    await h.engine.answer(PEOPLE.li.id);
    await h.pass(30_000); // outbound ring timeout
    const [first] = h.eventsOf('callback_attempt_ended');
    expect(first).toMatchObject({ attempt: 1, result: 'no_answer', agentId: PEOPLE.li.id });
    expect(first?.nextAttemptAt).toBe(new Date(h.clock.now().getTime() + 60_000).toISOString());
    expect(h.stateOf(PEOPLE.li)).toBe('after_call_work');
    expect(h.eventsOf('call_ended').at(-1)?.cause).toBe('no_answer');
    await h.engine.finishWrapUp(PEOPLE.li.id);
    await h.pass(59_000);
    expect(h.stateOf(PEOPLE.li)).toBe('ready'); // nothing to offer before the retry time
    h.sim.setExternalBehaviour(caller(1), { kind: 'busy' });
    await h.pass(1_000);
    expect(h.eventsOf('callback_queued').map((q) => q.attempt)).toEqual([1, 2]);
    expect(h.stateOf(PEOPLE.li)).toBe('ringing');
    await h.engine.answer(PEOPLE.li.id);
    await h.pass(2_000);
    expect(h.eventsOf('callback_attempt_ended').at(-1)).toMatchObject({
      attempt: 2,
      result: 'busy',
      nextAttemptAt: null,
    });
    await h.engine.finishWrapUp(PEOPLE.li.id);
    await h.pass(600_000);
    expect(h.eventsOf('callback_queued')).toHaveLength(2);
  });

  it('gives a declined preview to the next agent without losing its place', async () => {
    h = await createHarness();
    await h.signIn(PEOPLE.li, [{ skillGroupId: BILL, level: 3 }], false);
    await h.signIn(PEOPLE.wang, [{ skillGroupId: BILL, level: 3 }], false);
    const first = await h.customerCalls('10000', caller(1));
    await h.pass(1_000);
    await h.customerCalls('10000', caller(2));
    await h.sim.customerPressesDigits(first, '1');
    await h.pass(PROMPT_MS);
    await h.engine.setReady(PEOPLE.li.id);
    await h.pass();
    expect(h.eventsOf('call_offered').at(-1)?.call.calledNumber).toBe(caller(1));
    await h.engine.hangup(PEOPLE.li.id); // declines the preview
    await h.pass();
    await h.engine.setReady(PEOPLE.wang.id);
    await h.pass();
    const offer = h.eventsOf('call_offered').at(-1)!;
    expect(offer).toMatchObject({ agentId: PEOPLE.wang.id, call: { calledNumber: caller(1) } });
    expect(h.eventsOf('callback_attempt_ended')).toEqual([]);
  });

  it('withdraws a waiting callback when cancelled, and puts a restored one back at its old place', async () => {
    h = await createHarness();
    await h.signIn(PEOPLE.li, [{ skillGroupId: BILL, level: 3 }], false);
    const customer = await h.customerCalls('10000', caller(1));
    await h.sim.customerPressesDigits(customer, '1');
    await h.pass(PROMPT_MS);
    const { callbackId, waitingSince } = h.eventsOf('callback_requested')[0]!;
    expect(await h.engine.cancelCallback(callbackId)).toBe(true);
    await h.pass();
    expect(h.eventsOf('callback_attempt_ended').at(-1)).toMatchObject({
      result: 'cancelled',
      nextAttemptAt: null,
    });
    expect(h.engine.snapshot().queues.find((q) => q.queueId === 'q-bill')?.waiting).toBe(0);
    expect(await h.engine.cancelCallback(callbackId)).toBe(false);

    // After a restart the stored request comes back ahead of a caller who came later.
    await h.pass(10_000);
    await h.customerCalls('10000', caller(2));
    await h.engine.restoreCallback({
      callbackId,
      number: caller(1),
      queueId: 'q-bill',
      waitingSince: new Date(waitingSince),
      priority: 0,
      attempts: 0,
    });
    await h.engine.setReady(PEOPLE.li.id);
    await h.pass();
    expect(h.eventsOf('call_offered').at(-1)?.call).toMatchObject({
      direction: 'outbound',
      calledNumber: caller(1),
    });
  });

  it('cancels a waiting callback when the same customer calls again and reaches an agent', async () => {
    h = await createHarness();
    await h.signIn(PEOPLE.li, [{ skillGroupId: BILL, level: 3 }], false);
    await h.customerCalls('10000', caller(9));
    const first = await h.customerCalls('10000', caller(1));
    await h.sim.customerPressesDigits(first, '1');
    await h.pass(PROMPT_MS);
    await h.customerCalls('1000', caller(1)); // calls again, this time the 综合 line
    await h.signIn(PEOPLE.wang, [{ skillGroupId: 1, level: 3 }]);
    await h.engine.answer(PEOPLE.wang.id);
    await h.pass();
    expect(h.eventsOf('callback_attempt_ended')).toMatchObject([
      {
        callbackId: h.eventsOf('callback_requested')[0]!.callbackId,
        result: 'cancelled',
        nextAttemptAt: null,
      },
    ]);
    // The other caller waiting on 话费查询 is not touched.
    expect(h.engine.snapshot().queues.find((q) => q.queueId === 'q-bill')).toMatchObject({
      waiting: 1,
      callbacks: 0,
    });
  });
});
