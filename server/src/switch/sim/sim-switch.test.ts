import { describe, expect, it } from 'vitest';
import { ACCESS_CODE, simSwitchFixture } from './sim-switch.fixture.ts';
import { SimSwitchError } from './sim-switch-error.ts';

const at = (ms: number) => new Date(new Date('2026-01-05T09:00:00Z').getTime() + ms);

describe('inbound calls', () => {
  it('rings, is answered by the switch and ends when the customer hangs up', async () => {
    const { sim, clock, events } = await simSwitchFixture();

    const call = await sim.customerCalls('13800138000', ACCESS_CODE);
    expect(call).toMatchObject({
      id: 'ch-1',
      direction: 'inbound',
      state: 'ringing',
      calledNumber: ACCESS_CODE,
    });
    expect(events).toEqual([{ type: 'inbound_call', at: at(0), channel: call }]);

    await clock.advance(1500);
    await sim.answer(call.id);
    await clock.advance(60_000);
    await sim.remoteHangsUp(call.id);

    expect(events.slice(1)).toEqual([
      { type: 'channel_answered', at: at(1500), channelId: 'ch-1' },
      { type: 'channel_hungup', at: at(61_500), channelId: 'ch-1', cause: 'normal' },
    ]);
    expect(sim.getChannel(call.id)).toMatchObject({
      state: 'hungup',
      answeredAt: at(1500),
      hangupCause: 'normal',
    });
    expect(sim.snapshot().channels).toEqual([]);
  });
});

describe('calls to an agent extension', () => {
  const ringAgent = async (ringTimeoutMs = 15_000) => {
    const fixture = await simSwitchFixture();
    fixture.sim.registerExtension('8001');
    const channel = await fixture.sim.originate({
      endpoint: { kind: 'extension', number: '8001' },
      callerNumber: '13800138000',
      ringTimeoutMs,
    });
    return { ...fixture, channel };
  };

  it('rings until the agent answers remotely', async () => {
    const { sim, clock, channel, eventTypes } = await ringAgent();
    expect(channel).toMatchObject({ direction: 'outbound', state: 'ringing', calledNumber: '8001' });

    await clock.advance(14_000);
    await sim.answer(channel.id);
    await clock.advance(60_000);

    expect(sim.getChannel(channel.id)).toMatchObject({ state: 'up', answeredAt: at(14_000) });
    expect(eventTypes()).toEqual(['channel_ringing', 'channel_answered']);
  });

  it('hangs up no_answer when nobody answers before the ring timeout', async () => {
    const { sim, clock, channel, events } = await ringAgent(15_000);

    await clock.advance(14_999);
    expect(sim.getChannel(channel.id)?.state).toBe('ringing');
    await clock.advance(1);

    expect(events.at(-1)).toEqual({
      type: 'channel_hungup',
      at: at(15_000),
      channelId: 'ch-1',
      cause: 'no_answer',
    });
  });

  it('is rejected when the agent hangs up the ringing phone', async () => {
    const { sim, channel } = await ringAgent();

    await sim.remoteHangsUp(channel.id);

    expect(sim.getChannel(channel.id)?.hangupCause).toBe('rejected');
  });

  it('is unreachable when the extension is not registered', async () => {
    const { sim, clock, eventTypes } = await simSwitchFixture();

    const channel = await sim.originate({
      endpoint: { kind: 'extension', number: '8999' },
      callerNumber: ACCESS_CODE,
      ringTimeoutMs: 15_000,
    });
    expect(channel.state).toBe('ringing'); // the caller learns the id before the outcome
    await clock.advance(0);

    expect(sim.getChannel(channel.id)).toMatchObject({ state: 'hungup', hangupCause: 'unreachable' });
    expect(eventTypes()).toEqual(['channel_ringing', 'channel_hungup']);
  });
});

describe('calls to outside numbers', () => {
  const dial = async (setup: (sim: Awaited<ReturnType<typeof simSwitchFixture>>['sim']) => void) => {
    const fixture = await simSwitchFixture();
    setup(fixture.sim);
    const channel = await fixture.sim.originate({
      endpoint: { kind: 'external', number: '02150001234' },
      callerNumber: ACCESS_CODE,
      ringTimeoutMs: 30_000,
    });
    const stateAfter = async (ms: number) => {
      await fixture.clock.advance(ms);
      return fixture.sim.getChannel(channel.id);
    };
    return { ...fixture, channel, stateAfter };
  };

  it('answers after its configured delay', async () => {
    const { stateAfter } = await dial((sim) =>
      sim.setExternalBehaviour('02150001234', { kind: 'answer', afterMs: 8000 }),
    );

    expect((await stateAfter(7999))?.state).toBe('ringing');
    expect(await stateAfter(1)).toMatchObject({ state: 'up', answeredAt: at(8000) });
  });

  it('answers after 3 s when nothing was configured', async () => {
    const { stateAfter } = await dial(() => {});

    expect((await stateAfter(2999))?.state).toBe('ringing');
    expect((await stateAfter(1))?.state).toBe('up');
  });

  it('hangs up busy after about a second when busy', async () => {
    const { stateAfter } = await dial((sim) => sim.setExternalBehaviour('02150001234', { kind: 'busy' }));

    expect(await stateAfter(1000)).toMatchObject({
      state: 'hungup',
      hangupCause: 'busy',
      hungupAt: at(1000),
    });
  });

  it('hangs up no_answer at the ring timeout when nobody picks up', async () => {
    const { stateAfter } = await dial((sim) =>
      sim.setExternalBehaviour('02150001234', { kind: 'no_answer' }),
    );

    expect((await stateAfter(29_999))?.state).toBe('ringing');
    expect(await stateAfter(1)).toMatchObject({ hangupCause: 'no_answer', hungupAt: at(30_000) });
  });

  it('hangs up no_answer when it would answer only after the ring timeout', async () => {
    const { stateAfter } = await dial((sim) =>
      sim.setExternalBehaviour('02150001234', { kind: 'answer', afterMs: 45_000 }),
    );

    expect(await stateAfter(60_000)).toMatchObject({ hangupCause: 'no_answer', answeredAt: null });
  });

  it('hangs up at once when unreachable', async () => {
    const { stateAfter } = await dial((sim) =>
      sim.setExternalBehaviour('02150001234', { kind: 'unreachable' }),
    );

    expect(await stateAfter(0)).toMatchObject({ hangupCause: 'unreachable', hungupAt: at(0) });
  });

  it('cannot be answered by the switch: the outside party answers by itself', async () => {
    const { sim, channel } = await dial(() => {});

    await expect(sim.answer(channel.id)).rejects.toMatchObject({ code: 'NOT_ANSWERABLE' });
  });
});

describe('hangup', () => {
  it('is a no-op on a channel that has already hung up', async () => {
    const { sim, answeredCall, eventTypes } = await simSwitchFixture();
    const call = await answeredCall();

    await sim.hangup(call);
    await sim.hangup(call, 'forced');
    await sim.remoteHangsUp(call);

    expect(eventTypes().filter((type) => type === 'channel_hungup')).toHaveLength(1);
    expect(sim.getChannel(call)?.hangupCause).toBe('normal');
  });

  it('rejects operations on an unknown channel with NO_SUCH_CHANNEL', async () => {
    const { sim } = await simSwitchFixture();
    const bridge = await sim.createBridge();

    for (const operation of [
      () => sim.answer('ch-404'),
      () => sim.hangup('ch-404'),
      () => sim.startHold('ch-404'),
      () => sim.addToBridge(bridge.id, 'ch-404'),
      () => sim.playPrompt('ch-404', 'welcome'),
      () => sim.customerPressesDigits('ch-404', '1'),
    ]) {
      const error = await operation().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SimSwitchError);
      expect(error).toMatchObject({ code: 'NO_SUCH_CHANNEL' });
    }
  });

  it('rejects operations on a hung-up channel with CHANNEL_HUNG_UP', async () => {
    const { sim, answeredCall } = await simSwitchFixture();
    const call = await answeredCall();
    await sim.hangup(call);

    await expect(sim.startHold(call)).rejects.toMatchObject({ code: 'CHANNEL_HUNG_UP' });
    await expect(sim.playPrompt(call, 'welcome')).rejects.toMatchObject({ code: 'CHANNEL_HUNG_UP' });
  });
});

describe('the switch as a whole', () => {
  it('shutdown hangs up every channel with system_restart and leaves nothing behind', async () => {
    const { sim, answeredCall, agentLeg, events } = await simSwitchFixture();
    const customer = await answeredCall();
    const agent = await agentLeg('8001');
    const bridge = await sim.createBridge();
    await sim.addToBridge(bridge.id, customer);
    await sim.addToBridge(bridge.id, agent);
    await answeredCall('13900139000');

    await sim.shutdown();

    const causes = events.flatMap((event) => (event.type === 'channel_hungup' ? [event.cause] : []));
    expect(causes).toEqual(['system_restart', 'system_restart', 'system_restart']);
    expect(sim.snapshot()).toMatchObject({ channels: [], bridges: [] });
  });

  it('hands out sequential ids, so the same run repeats exactly', async () => {
    const run = async (idPrefix?: string) => {
      const { sim, clock, answeredCall, agentLeg, events } = await simSwitchFixture({ idPrefix });
      const customer = await answeredCall();
      const agent = await agentLeg('8001');
      const bridge = await sim.createBridge();
      await sim.addToBridge(bridge.id, customer);
      await sim.addToBridge(bridge.id, agent);
      await clock.advance(30_000);
      await sim.remoteHangsUp(customer);
      return { events, ids: [customer, agent, bridge.id] };
    };

    const first = await run();
    const second = await run();
    const prefixed = await run('n2-');

    expect(first.ids).toEqual(['ch-1', 'ch-2', 'br-1']);
    expect(second.events).toEqual(first.events);
    expect(prefixed.ids).toEqual(['n2-ch-1', 'n2-ch-2', 'n2-br-1']);
  });

  it('keeps delivering to other listeners when one throws, and counts the failure', async () => {
    const { sim, events } = await simSwitchFixture();
    sim.onEvent(() => {
      throw new Error('bad listener');
    });
    const late: string[] = [];
    sim.onEvent((event) => late.push(event.type));

    await sim.customerCalls('13800138000', ACCESS_CODE);

    expect(late).toEqual(['inbound_call']);
    expect(events).toHaveLength(1);
    expect(sim.listenerErrors).toBe(1);
  });

  it('delivers an event raised by a listener only after every listener has the current one', async () => {
    const { sim } = await simSwitchFixture();
    sim.onEvent((event) => {
      if (event.type === 'inbound_call') void sim.hangup(event.channel.id, 'rejected');
    });
    const seen: string[] = [];
    sim.onEvent((event) => seen.push(event.type));

    await sim.customerCalls('13800138000', ACCESS_CODE);

    expect(seen).toEqual(['inbound_call', 'channel_hungup']);
  });

  it('stops delivering to a listener that unsubscribed', async () => {
    const { sim } = await simSwitchFixture();
    const seen: string[] = [];
    const unsubscribe = sim.onEvent((event) => seen.push(event.type));

    const call = await sim.customerCalls('13800138000', ACCESS_CODE);
    unsubscribe();
    await sim.answer(call.id);

    expect(seen).toEqual(['inbound_call']);
  });
});
