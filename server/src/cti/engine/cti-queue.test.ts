import { afterEach, describe, expect, it } from 'vitest';
import { BILL, createHarness, GENERAL, type Harness, PEOPLE, QUEUES } from './cti-harness.ts';

let h: Harness;
afterEach(async () => {
  await h.close();
});

describe('waiting in a queue (ACD-5)', () => {
  it('tells each caller their position and expected wait, and repeats it at the queue interval', async () => {
    h = await createHarness();
    await h.customerCalls('10000', '13700000001');
    await h.customerCalls('10000', '13700000002');
    await h.pass(5_000);
    const first = h.eventsOf('queue_announcement');
    expect(first.map((a) => a.position)).toEqual([1, 2]);
    expect(first[1]?.text['zh-CN']).toMatch(/^您前面还有 1 位客户，预计等待/);
    await h.pass(30_000);
    expect(h.eventsOf('queue_announcement')).toHaveLength(4);
  });

  it('moves a call that reached the maximum wait to the overflow queue, where a 综合 agent takes it', async () => {
    const queues = QUEUES.map((q) =>
      q.id === 'q-bill'
        ? {
            ...q,
            overflowAfterMs: null,
            maxWaitMs: 120_000,
            maxWaitTarget: { kind: 'queue' as const, queueId: 'q-general' },
          }
        : q,
    );
    h = await createHarness({ queues });
    await h.signIn(PEOPLE.zhang, [{ skillGroupId: GENERAL, level: 5 }]);
    await h.signIn(PEOPLE.li, [{ skillGroupId: BILL, level: 1 }], false);
    await h.customerCalls('10000');
    await h.pass(119_000);
    expect(h.stateOf(PEOPLE.zhang)).toBe('ready');
    await h.pass(1_000);
    expect(h.eventsOf('queue_overflowed')[0]).toMatchObject({
      fromQueueId: 'q-bill',
      target: { queueId: 'q-general' },
    });
    expect(h.stateOf(PEOPLE.zhang)).toBe('ringing');
  });

  it('ends a call with an announcement when the overflow target is to hang up', async () => {
    const announcement = {
      'zh-CN': '坐席繁忙，请稍后再拨',
      'en-US': 'All agents are busy; please call again later',
    };
    const queues = QUEUES.map((q) =>
      q.id === 'q-fault'
        ? { ...q, maxWaitMs: 60_000, maxWaitTarget: { kind: 'hangup' as const, announcement } }
        : q,
    );
    h = await createHarness({ queues });
    const customer = await h.customerCalls('112');
    await h.pass(60_000);
    expect(h.eventsOf('call_ended')).toEqual([expect.objectContaining({ cause: 'max_wait' })]);
    expect(h.sim.getChannel(customer)?.state).toBe('hungup');
  });
});
