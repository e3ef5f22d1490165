import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseWavHeader } from '../../switch/sim/wav.ts';
import { BILL, createHarness, FAULT, type Harness, PEOPLE } from './cti-harness.ts';

const { wang, li, zhang } = PEOPLE;
let h: Harness;
let customer: string;

/** 王芳 talking to a customer on 10000; 李伟 (话费查询) and 张娜 (故障报修) ready. */
beforeEach(async () => {
  h = await createHarness();
  await h.signIn(wang, [{ skillGroupId: BILL, level: 3 }]);
  customer = await h.customerCalls('10000');
  await h.engine.answer(wang.id);
  await h.pass();
  await h.signIn(li, [{ skillGroupId: BILL, level: 2 }]);
  await h.signIn(zhang, [{ skillGroupId: FAULT, level: 4 }]);
});
afterEach(async () => {
  await h.close();
});

describe('hold and mute (CTI-6, CTI-7)', () => {
  it('plays music to the held customer, who hears and is heard by no one, and offers the agent no new call', async () => {
    await h.engine.hold(wang.id);
    await h.pass();
    expect(h.stateOf(wang)).toBe('hold');
    expect(h.sim.getChannel(customer)?.onHold).toBe(true);
    expect(h.hears(h.channelOf(wang), customer)).toBe(false);
    await h.engine.signOut(li.id);
    await h.customerCalls('10000', '13700000002');
    await h.pass(5_000);
    expect(h.stateOf(wang)).toBe('hold');
    await h.engine.retrieve(wang.id);
    await h.pass();
    expect(h.hears(h.channelOf(wang), customer)).toBe(true);
    expect(h.stateOf(wang)).toBe('talking');
  });

  it('lets a holding agent call out (CTI-6): a consult while the customer hears music', async () => {
    await h.engine.hold(wang.id);
    await h.engine.consult(wang.id, { kind: 'number', number: '02512345678' });
    await h.pass(3_000);
    expect(h.eventsOf('consult_answered')).toHaveLength(1);
    expect(h.sim.getChannel(customer)?.onHold).toBe(true);
  });

  it('mutes the agent so the customer no longer hears them', async () => {
    await h.engine.mute(wang.id, true);
    expect(h.hears(customer, h.channelOf(wang))).toBe(false);
    expect(h.hears(h.channelOf(wang), customer)).toBe(true);
    await h.engine.mute(wang.id, false);
    expect(h.hears(customer, h.channelOf(wang))).toBe(true);
  });
});

describe('transfer (CTI-10)', () => {
  it('puts a blind-transferred call at the head of the target queue with its data; the agent wraps up', async () => {
    await h.engine.signOut(zhang.id);
    await h.customerCalls('112', '13700000003'); // an older call already waiting for 故障报修
    await h.pass(10_000);
    await h.engine.transfer(wang.id, { kind: 'queue', queueId: 'q-fault' });
    await h.pass();
    expect(h.stateOf(wang)).toBe('after_call_work');
    await h.signIn(zhang, [{ skillGroupId: FAULT, level: 4 }]);
    const call = h.callOf(zhang);
    expect(call?.callerNumber).toBe('13800138000');
    expect(call?.customerData).toMatchObject({ transferredBy: '1001' });
    expect(h.eventsOf('call_queued').find((e) => e.reason === 'transferred')).toMatchObject({
      priority: 300,
    });
  });

  it('transfers straight to a named ready agent', async () => {
    await h.engine.transfer(wang.id, { kind: 'agent', agentId: zhang.id });
    await h.pass();
    expect(h.stateOf(zhang)).toBe('ringing');
    await h.engine.answer(zhang.id);
    await h.pass();
    expect(h.hears(customer, h.channelOf(zhang))).toBe(true);
  });

  it('transfers to an outside number and connects the customer when it answers', async () => {
    await h.engine.transfer(wang.id, { kind: 'number', number: '02588888888' });
    await h.pass(3_000);
    const call = h.engine.snapshot().calls[0];
    expect(call?.onHold).toBe(false);
    expect(h.stateOf(wang)).toBe('after_call_work');
    const outside = h.sim
      .snapshot()
      .channels.find((c) => c.calledNumber === '02588888888' || c.endpoint.number === '02588888888');
    expect(outside && h.hears(customer, outside.id)).toBe(true);
  });

  it('refuses a transfer to an agent who is not ready', async () => {
    await h.engine.setNotReady(zhang.id, 'meal');
    await expect(h.engine.transfer(wang.id, { kind: 'agent', agentId: zhang.id })).rejects.toMatchObject({
      code: 'TARGET_NOT_AVAILABLE',
    });
    expect(h.stateOf(wang)).toBe('talking');
  });
});

describe('consult, connect-held and three-way (CTI-11, CTI-12, CTI-13)', () => {
  it('consults a colleague while the customer waits, then connects them and leaves (连接保持)', async () => {
    await h.engine.consult(wang.id, { kind: 'agent', agentId: li.id });
    await h.pass();
    expect(h.stateOf(wang)).toBe('hold');
    expect(h.stateOf(li)).toBe('ringing');
    await h.engine.answer(li.id);
    await h.pass();
    expect(h.hears(h.channelOf(wang), h.channelOf(li))).toBe(true);
    expect(h.hears(customer, h.channelOf(li))).toBe(false);
    await expect(h.engine.transfer(wang.id, { kind: 'queue', queueId: 'q-bill' })).rejects.toMatchObject({
      localized: { 'en-US': 'Cannot do this while consulting' },
    });
    await h.engine.completeTransfer(wang.id);
    await h.pass();
    expect(h.stateOf(wang)).toBe('after_call_work');
    expect(h.stateOf(li)).toBe('talking');
    expect(h.hears(customer, h.channelOf(li))).toBe(true);
  });

  it('joins all three in a three-way call; one leaving lets the other two go on; two leaving ends it', async () => {
    await h.engine.consult(wang.id, { kind: 'agent', agentId: li.id });
    await h.pass();
    await h.engine.answer(li.id);
    await h.pass();
    await h.engine.conference(wang.id);
    await h.pass();
    const [w, l] = [h.channelOf(wang), h.channelOf(li)];
    expect([h.hears(customer, w), h.hears(customer, l), h.hears(w, l)]).toEqual([true, true, true]);
    await h.engine.hangup(li.id);
    await h.pass();
    expect(h.hears(customer, w)).toBe(true);
    expect(h.eventsOf('call_ended')).toHaveLength(0);
    await h.sim.remoteHangsUp(customer);
    await h.pass();
    expect(h.eventsOf('call_ended')).toHaveLength(1);
  });

  it('asks for three-party help directly and escalates two-party help to three-party (CTI-13)', async () => {
    await h.engine.consult(wang.id, { kind: 'agent', agentId: li.id }, { purpose: 'help', threeParty: true });
    await h.pass();
    await h.engine.answer(li.id);
    await h.pass();
    expect(h.hears(customer, h.channelOf(li))).toBe(true);
  });

  it('gives the customer back to the agent when the consulted colleague does not answer', async () => {
    await h.engine.consult(wang.id, { kind: 'agent', agentId: li.id });
    await h.pass(15_000);
    expect(h.eventsOf('consult_ended')).toHaveLength(1);
    await h.engine.retrieve(wang.id);
    await h.pass();
    expect(h.hears(h.channelOf(wang), customer)).toBe(true);
  });
});

describe('pickup, dialling, skills, forwarding, recording', () => {
  it('picks up a call ringing at a colleague of the same group (CTI-4)', async () => {
    await h.customerCalls('10000', '13700000005');
    expect(h.stateOf(li)).toBe('ringing');
    await h.engine.setNotReady(wang.id, 'other');
    await h.engine.hangup(wang.id);
    await h.pass();
    await h.engine.finishWrapUp(wang.id);
    await h.engine.setNotReady(wang.id, 'other');
    await h.engine.pickup(wang.id);
    await h.pass();
    expect(h.stateOf(wang)).toBe('talking');
    expect(h.callOf(wang)?.callerNumber).toBe('13700000005');
    expect(h.stateOf(li)).toBe('ready');
  });

  it('dials an outside number (CTI-8) and reports a busy line', async () => {
    h.sim.setExternalBehaviour('02511111111', { kind: 'answer', afterMs: 2_000 });
    h.sim.setExternalBehaviour('02522222222', { kind: 'busy' });
    await h.engine.dial(li.id, { number: '02511111111' });
    await h.pass(2_000);
    expect(h.stateOf(li)).toBe('talking');
    expect(h.callOf(li)?.phase).toBe('connected');
    await h.engine.hangup(li.id);
    await h.pass();
    await h.engine.finishWrapUp(li.id);
    await h.engine.dial(li.id, { number: '02522222222' });
    await h.pass(2_000);
    expect(h.eventsOf('call_ended').at(-1)).toMatchObject({ cause: 'busy' });
    expect(h.stateOf(li)).toBe('after_call_work');
  });

  it('calls a colleague internally (CTI-9)', async () => {
    await h.engine.dial(li.id, { agentId: zhang.id });
    await h.pass();
    expect(h.stateOf(zhang)).toBe('ringing');
    await h.engine.answer(zhang.id);
    await h.pass();
    expect(h.hears(h.channelOf(li), h.channelOf(zhang))).toBe(true);
  });

  it('takes calls of a skill added while signed in (CTI-15)', async () => {
    await h.engine.changeSkills(li.id, [{ skillGroupId: FAULT, level: 1 }]);
    await h.engine.signOut(zhang.id);
    await h.customerCalls('112', '13700000006');
    expect(h.stateOf(li)).toBe('ringing');
  });

  it('sends a call transferred to a forwarding agent to the forward number (CTI-16)', async () => {
    await h.engine.setForwarding(zhang.id, '13912345678');
    await h.engine.consult(wang.id, { kind: 'agent', agentId: zhang.id });
    await h.pass(3_000);
    const forwarded = h.sim.snapshot().channels.find((c) => c.endpoint.number === '13912345678');
    expect(forwarded?.state).toBe('up');
  });

  it('pauses the recording for sensitive data: the file holds only the unpaused time (CTI-17)', async () => {
    await h.pass(20_000);
    await h.engine.recording(wang.id, 'pause');
    await h.pass(10_000);
    await h.engine.recording(wang.id, 'resume');
    await h.pass(30_000);
    await h.engine.hangup(wang.id);
    await h.pass();
    const finished = h.eventsOf('recording_finished')[0];
    expect(finished?.durationMs).toBe(50_000);
    const info = parseWavHeader(await readFile(finished!.file));
    expect(info.factSampleCount! / info.sampleRate).toBe(50);
  });
});
