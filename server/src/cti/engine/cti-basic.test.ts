import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BILL, createHarness, FAULT, GENERAL, type Harness, PEOPLE } from './cti-harness.ts';

const { wang, li, zhang } = PEOPLE;
let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

describe('sign-in, states and routing (CTI-1, CTI-2, ACD-1, ACD-2)', () => {
  it('signs in not ready by default, then ready, then out (CTI-1, CTI-2)', async () => {
    await h.engine.signIn(
      { id: wang.id, employeeNo: wang.employeeNo, name: wang.name },
      { extension: '8001', skills: [{ skillGroupId: BILL, level: 3 }] },
    );
    expect(h.stateOf(wang)).toBe('not_ready');
    await h.engine.setReady(wang.id);
    expect(h.stateOf(wang)).toBe('ready');
    await h.engine.setNotReady(wang.id, 'meal');
    expect(h.engine.agentView(wang.id)).toMatchObject({ state: 'not_ready', notReadyReason: 'meal' });
    await h.engine.signOut(wang.id);
    expect(h.stateOf(wang)).toBe('signed_out');
  });

  it('routes a call on 10000 to the ready 话费查询 agent, who answers and talks to the customer (ACD-1, CTI-3)', async () => {
    await h.signIn(wang, [{ skillGroupId: BILL, level: 3 }]);
    await h.signIn(zhang, [{ skillGroupId: FAULT, level: 3 }]);
    const customer = await h.customerCalls('10000');
    expect(h.stateOf(wang)).toBe('ringing');
    expect(h.stateOf(zhang)).toBe('ready');
    const offered = h.eventsOf('call_offered')[0];
    expect(offered?.explanation['en-US']).toMatch(/offered to 1001/);
    await h.engine.answer(wang.id);
    await h.pass();
    expect(h.stateOf(wang)).toBe('talking');
    const agentChannel = h.channelOf(wang);
    expect(h.hears(customer, agentChannel)).toBe(true);
    expect(h.hears(agentChannel, customer)).toBe(true);
    expect(h.eventsOf('recording_started')).toHaveLength(1);
  });

  it('connects by itself for an agent on auto-answer (CTI-3)', async () => {
    await h.signIn(wang, [{ skillGroupId: BILL, level: 3 }]);
    await h.engine.setAutoAnswer(wang.id, true);
    const customer = await h.customerCalls('10000');
    expect(h.stateOf(wang)).toBe('talking');
    expect(h.hears(customer, h.channelOf(wang))).toBe(true);
  });

  it('offers the call to the next agent when the first lets it ring out, and sets the first not ready', async () => {
    await h.signIn(wang, [{ skillGroupId: BILL, level: 3 }]);
    await h.pass(5_000);
    await h.signIn(li, [{ skillGroupId: BILL, level: 2 }]);
    await h.customerCalls('10000');
    expect(h.stateOf(wang)).toBe('ringing'); // longest idle
    await h.pass(15_000);
    expect(h.engine.agentView(wang.id)).toMatchObject({ state: 'not_ready', notReadyReason: 'no_answer' });
    expect(h.stateOf(li)).toBe('ringing');
  });

  it('overflows at once to a 综合 agent when no 话费查询 agent is signed in (ACD-2)', async () => {
    await h.signIn(zhang, [{ skillGroupId: GENERAL, level: 5 }]);
    await h.customerCalls('10000');
    expect(h.stateOf(zhang)).toBe('ringing');
    expect(h.eventsOf('call_offered')[0]?.via).toBe('overflow');
  });

  it('puts a VIP caller ahead of callers who waited longer (ACD-3)', async () => {
    await h.customerCalls('10000', '13811111111');
    await h.customerCalls('10000', '13900000001');
    await h.signIn(wang, [{ skillGroupId: BILL, level: 3 }]);
    expect(h.callOf(wang)?.callerNumber).toBe('13900000001');
  });

  it('refuses answer when nothing rings, with a clear bilingual message', async () => {
    await h.signIn(wang, [{ skillGroupId: BILL, level: 3 }]);
    await expect(h.engine.answer(wang.id)).rejects.toMatchObject({
      status: 409,
      localized: { 'zh-CN': '没有振铃的来电', 'en-US': 'No call is ringing' },
    });
    expect(h.stateOf(wang)).toBe('ready');
  });
});

describe('ending calls and wrap-up (CTI-5, CTI-14)', () => {
  it('ends the call when the agent hangs up; the agent wraps up and is ready again after the timer', async () => {
    await h.signIn(wang, [{ skillGroupId: BILL, level: 3 }]);
    const customer = await h.customerCalls('10000');
    await h.engine.answer(wang.id);
    await h.pass();
    await h.engine.hangup(wang.id);
    await h.pass();
    expect(h.sim.getChannel(customer)?.state).toBe('hungup');
    expect(h.stateOf(wang)).toBe('after_call_work');
    expect(h.eventsOf('call_ended')).toEqual([expect.objectContaining({ cause: 'completed' })]);
    await h.pass(30_000);
    expect(h.stateOf(wang)).toBe('ready');
  });

  it('lets the agent end wrap-up early by hand (CTI-14)', async () => {
    await h.signIn(wang, [{ skillGroupId: BILL, level: 3 }]);
    const customer = await h.customerCalls('10000');
    await h.engine.answer(wang.id);
    await h.pass();
    await h.sim.remoteHangsUp(customer);
    await h.pass();
    expect(h.stateOf(wang)).toBe('after_call_work');
    await h.engine.finishWrapUp(wang.id);
    expect(h.stateOf(wang)).toBe('ready');
  });

  it('records a caller who hangs up while queued as abandoned', async () => {
    const customer = await h.customerCalls('112');
    await h.pass(20_000);
    await h.sim.remoteHangsUp(customer);
    await h.pass();
    expect(h.eventsOf('call_ended')).toEqual([expect.objectContaining({ cause: 'abandoned_in_queue' })]);
  });
});
