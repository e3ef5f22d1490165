import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BILL, createHarness, type Harness, PEOPLE } from './cti-harness.ts';
import type { SupervisorRef } from './supervisor-control.ts';

const { wang, li, lead } = PEOPLE;
const supervisor: SupervisorRef = {
  id: lead.id,
  employeeNo: lead.employeeNo,
  name: lead.name,
  extension: lead.extension,
};
let h: Harness;
let customer: string;

const supervisorChannel = () => {
  const call = h.callOf(wang);
  const leg = call?.legs.find((l) => l.staffId === lead.id);
  if (!leg) throw new Error('supervisor not in the call');
  return leg.channelId;
};

beforeEach(async () => {
  h = await createHarness();
  await h.signIn(wang, [{ skillGroupId: BILL, level: 3 }]);
  customer = await h.customerCalls('10000');
  await h.engine.answer(wang.id);
  await h.pass();
});
afterEach(async () => {
  await h.close();
});

describe('team lead on a live call (SUP-1 … SUP-4)', () => {
  it('shows trunk and extension lines with caller, callee and talk time on the wall (SUP-7)', async () => {
    await h.pass(42_000);
    const { lines, calls } = h.engine.snapshot();
    expect(lines.map((l) => [l.kind, l.number])).toEqual([
      ['trunk', '13800138000'],
      ['extension', '8001'],
    ]);
    expect(lines[0]).toMatchObject({
      direction: 'inbound',
      calledNumber: '10000',
      talkSeconds: 42,
      connected: true,
    });
    expect(calls[0]).toMatchObject({ talkSeconds: 42, agentIds: [wang.id] });
  });

  it('listens silently: hears both, heard by neither (SUP-1)', async () => {
    await h.engine.monitor(supervisor, wang.id, 'listen');
    await h.pass();
    const sup = supervisorChannel();
    const agent = h.channelOf(wang);
    expect([h.hears(sup, customer), h.hears(sup, agent)]).toEqual([true, true]);
    expect([h.hears(customer, sup), h.hears(agent, sup)]).toEqual([false, false]);
  });

  it('switches live from listening to whispering to barging in (SUP-2)', async () => {
    await h.engine.monitor(supervisor, wang.id, 'listen');
    await h.pass();
    await h.engine.monitor(supervisor, wang.id, 'whisper');
    const sup = supervisorChannel();
    const agent = h.channelOf(wang);
    expect([h.hears(agent, sup), h.hears(customer, sup)]).toEqual([true, false]);
    await h.engine.monitor(supervisor, wang.id, 'barge');
    expect([h.hears(agent, sup), h.hears(customer, sup)]).toEqual([true, true]);
    expect(h.eventsOf('supervisor_mode_changed').map((e) => e.mode)).toEqual(['whisper', 'barge']);
  });

  it('intercepts: the agent leaves to wrap up and the team lead talks with the customer (SUP-3)', async () => {
    await h.engine.monitor(supervisor, wang.id, 'listen');
    await h.pass();
    const sup = supervisorChannel();
    await h.engine.intercept(supervisor, wang.id);
    await h.pass();
    expect(h.stateOf(wang)).toBe('after_call_work');
    expect([h.hears(customer, sup), h.hears(sup, customer)]).toEqual([true, true]);
    await h.sim.remoteHangsUp(customer);
    await h.pass();
    expect(h.sim.getChannel(sup)?.state).toBe('hungup');
  });

  it('force-releases the call: every leg hung up, the agent wraps up (SUP-4)', async () => {
    await h.engine.forceRelease(supervisor, wang.id);
    await h.pass();
    expect(h.sim.getChannel(customer)?.state).toBe('hungup');
    expect(h.eventsOf('call_ended')).toEqual([expect.objectContaining({ cause: 'forced' })]);
    expect(h.stateOf(wang)).toBe('after_call_work');
  });

  it('refuses to intercept before joining the call', async () => {
    await expect(h.engine.intercept(supervisor, wang.id)).rejects.toMatchObject({
      code: 'SUPERVISOR_NOT_IN_CALL',
    });
  });
});

describe('forcing states and prompts (SUP-5, SUP-6, SUP-8)', () => {
  it('forces an idle agent not ready, then ready, then signs them out; each change names the team lead', async () => {
    await h.signIn(li, [{ skillGroupId: BILL, level: 2 }]);
    await h.engine.forceState(supervisor, li.id, 'force_not_ready');
    expect(h.engine.agentView(li.id)).toMatchObject({ state: 'not_ready', notReadyReason: 'forced' });
    await h.engine.forceState(supervisor, li.id, 'force_ready');
    expect(h.stateOf(li)).toBe('ready');
    await h.engine.forceState(supervisor, li.id, 'force_sign_out');
    expect(h.stateOf(li)).toBe('signed_out');
    expect(h.eventsOf('agent_state').filter((e) => e.agentId === li.id && e.by?.id === lead.id)).toHaveLength(
      3,
    );
  });

  it('refuses to sign out an agent on a call; force-release comes first', async () => {
    await expect(h.engine.forceState(supervisor, wang.id, 'force_sign_out')).rejects.toMatchObject({
      status: 409,
    });
    expect(h.stateOf(wang)).toBe('talking');
  });

  it('prompts team leads when an agent signs in, rests and signs out (SUP-6)', async () => {
    await h.signIn(li, [{ skillGroupId: BILL, level: 2 }]);
    await h.engine.setNotReady(li.id, 'short_break');
    await h.engine.setReady(li.id);
    await h.engine.signOut(li.id);
    expect(
      h
        .eventsOf('agent_prompt')
        .filter((p) => p.agentId === li.id)
        .map((p) => p.kind),
    ).toEqual(['signed_in', 'rest_started', 'rest_ended', 'signed_out']);
  });

  it('records the chosen agent even where calls are not recorded by default (SUP-8)', async () => {
    const quiet = await createHarness({ recordByDefault: false });
    try {
      await quiet.signIn(li, [{ skillGroupId: BILL, level: 2 }]);
      await quiet.customerCalls('10000');
      await quiet.engine.answer(li.id);
      await quiet.pass();
      expect(quiet.eventsOf('recording_started')).toHaveLength(0);
      await quiet.engine.recordAgent(li.id, true);
      await quiet.pass();
      expect(quiet.eventsOf('recording_started')).toHaveLength(1);
    } finally {
      await quiet.close();
    }
  });
});
