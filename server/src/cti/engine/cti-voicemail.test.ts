import { stat } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { BILL, createHarness, GENERAL, type Harness, PEOPLE, QUEUES } from './cti-harness.ts';

// VM-1 语音留言: the caller hears the prompt, speaks after it, and `#`, hanging up or the time
// limit ends the message. The simulated switch's prompts last 2 s.

let h: Harness;
afterEach(async () => {
  await h.close();
});

const PROMPT_MS = 2_000;

/** A caller waits on 话费查询 (nobody free), presses 2 and reaches voicemail. */
async function callerChoosesVoicemail(number = '13700000001') {
  await h.signIn(PEOPLE.li, [{ skillGroupId: BILL, level: 3 }], false);
  const customer = await h.customerCalls('10000', number);
  await h.sim.customerPressesDigits(customer, '2');
  await h.pass();
  return customer;
}

describe('voicemail from the queue (VM-1, ACD-6 遇忙留言)', () => {
  it('offers 1 for a callback and 2 for a message in the waiting announcement', async () => {
    h = await createHarness();
    await h.customerCalls('10000');
    await h.pass(5_000);
    const [announcement] = h.eventsOf('queue_announcement');
    expect(announcement?.text['zh-CN']).toContain('如不愿等待，请按1预约回呼，按2留言。');
    expect(announcement?.text['en-US']).toContain('press 1 to be called back or press 2 to leave a message');
  });

  it('records what the caller says after the prompt until # and files it with its length and queue', async () => {
    h = await createHarness();
    const customer = await callerChoosesVoicemail();
    const callId = h.eventsOf('call_started')[0]!.callId;
    expect(h.eventsOf('voicemail_started')).toEqual([
      { type: 'voicemail_started', callId, reason: 'all_busy' },
    ]);
    // The caller hears the prompt, not the music on hold, and is no longer waiting in the queue.
    expect(h.sim.getChannel(customer)?.onHold).toBe(false);
    expect(h.engine.snapshot().queues.find((q) => q.queueId === 'q-bill')?.waiting).toBe(0);
    await h.pass(PROMPT_MS + 8_000);
    await h.sim.customerPressesDigits(customer, '#');
    await h.pass();
    const [left] = h.eventsOf('voicemail_left');
    expect(left).toMatchObject({
      callId,
      callerNumber: '13700000001',
      accessCode: '10000',
      queueId: 'q-bill',
      reason: 'all_busy',
      durationMs: 8_000,
    });
    expect((await stat(left!.file)).size).toBeGreaterThan(8 * 8000);
    // Goodbye is said to the end, then the switch hangs up: the call ends as a voicemail.
    expect(h.sim.getChannel(customer)?.state).toBe('up');
    await h.pass(PROMPT_MS);
    expect(h.sim.getChannel(customer)?.state).toBe('hungup');
    expect(h.eventsOf('call_ended')).toEqual([{ type: 'call_ended', callId, cause: 'voicemail' }]);
  });

  it('keeps the message of a caller who hangs up instead of pressing #', async () => {
    h = await createHarness();
    const customer = await callerChoosesVoicemail();
    await h.pass(PROMPT_MS + 5_000);
    await h.sim.remoteHangsUp(customer);
    await h.pass();
    expect(h.eventsOf('voicemail_left').map((v) => v.durationMs)).toEqual([5_000]);
    expect(h.eventsOf('call_ended')[0]?.cause).toBe('voicemail');
  });

  it('counts a caller who hangs up during the prompt as abandoned, with no message', async () => {
    h = await createHarness();
    const customer = await callerChoosesVoicemail();
    await h.pass(1_000);
    await h.sim.remoteHangsUp(customer);
    await h.pass(5_000);
    expect(h.eventsOf('voicemail_left')).toEqual([]);
    expect(h.eventsOf('call_ended')[0]?.cause).toBe('abandoned_in_queue');
  });

  it('drops a message shorter than a second (a caller who said nothing)', async () => {
    h = await createHarness();
    const customer = await callerChoosesVoicemail();
    await h.pass(PROMPT_MS + 500);
    await h.sim.customerPressesDigits(customer, '#');
    await h.pass(PROMPT_MS);
    expect(h.eventsOf('voicemail_left')).toEqual([]);
    expect(h.eventsOf('call_ended')[0]?.cause).toBe('voicemail');
  });

  it('stops a message at the time limit and says goodbye', async () => {
    h = await createHarness({ voicemailMaxMs: 10_000 });
    const customer = await callerChoosesVoicemail();
    await h.pass(PROMPT_MS + 10_000);
    expect(h.eventsOf('voicemail_left').map((v) => v.durationMs)).toEqual([10_000]);
    await h.pass(PROMPT_MS);
    expect(h.sim.getChannel(customer)?.state).toBe('hungup');
  });

  it('ignores 1 and 2 in a queue that offers neither', async () => {
    const queues = QUEUES.map((q) => ({ ...q, allBusyOptions: { callback: false, voicemail: false } }));
    h = await createHarness({ queues });
    const customer = await h.customerCalls('10000');
    await h.sim.customerPressesDigits(customer, '12');
    await h.pass(5_000);
    expect(h.eventsOf('voicemail_started')).toEqual([]);
    expect(h.eventsOf('callback_requested')).toEqual([]);
    expect(h.eventsOf('queue_announcement')[0]?.text['zh-CN']).not.toContain('按1');
    expect(h.engine.snapshot().queues.find((q) => q.queueId === 'q-bill')?.waiting).toBe(1);
  });

  it('sends a caller who waited the queue maximum to voicemail when that is its target', async () => {
    const queues = QUEUES.map((q) =>
      q.id === 'q-bill'
        ? { ...q, overflowAfterMs: null, maxWaitMs: 90_000, maxWaitTarget: { kind: 'voicemail' as const } }
        : q,
    );
    h = await createHarness({ queues });
    await h.customerCalls('10000');
    await h.pass(90_000);
    expect(h.eventsOf('voicemail_started').map((v) => v.reason)).toEqual(['max_wait']);
  });
});

describe('after hours (VM-1)', () => {
  it('asks new callers of a closed skill group for a message; an open group queues as usual', async () => {
    const closedBill = { isOpen: (skillGroupId: number) => skillGroupId !== BILL };
    h = await createHarness({}, { serviceHours: closedBill });
    await h.signIn(PEOPLE.wang, [{ skillGroupId: GENERAL, level: 3 }], false);
    await h.customerCalls('10000', '13700000001');
    await h.customerCalls('1000', '13700000002');
    expect(h.eventsOf('voicemail_started').map((v) => v.reason)).toEqual(['after_hours']);
    expect(h.eventsOf('call_queued').map((q) => q.queueId)).toEqual(['q-general']);
  });

  it('asks the service hours at the moment of the call', async () => {
    const seen: Date[] = [];
    h = await createHarness(
      {},
      {
        serviceHours: {
          isOpen: (_group, at) => {
            seen.push(at);
            return true;
          },
        },
      },
    );
    await h.pass(60_000);
    await h.customerCalls('10000');
    expect(seen).toEqual([h.clock.now()]);
  });
});
