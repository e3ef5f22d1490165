import { describe, expect, it } from 'vitest';
import type { Bridge, ChannelId } from '../switch-port.ts';
import { simSwitchFixture } from './sim-switch.fixture.ts';
import { type MemberAudio, whoHears } from './who-hears.ts';

/** A customer and an agent talking in one bridge, with a supervisor's leg ready to join. */
async function callWithSupervisor() {
  const fixture = await simSwitchFixture();
  const { sim } = fixture;
  const customer = await fixture.answeredCall();
  const agent = await fixture.agentLeg('8001');
  const supervisor = await fixture.agentLeg('8100');
  const bridge = await sim.createBridge();
  await sim.addToBridge(bridge.id, customer);
  await sim.addToBridge(bridge.id, agent);
  const hears = (channelId: ChannelId) => [...(sim.whoHears(bridge.id).get(channelId) ?? [])].sort();
  return { ...fixture, customer, agent, supervisor, bridge: bridge.id, hears };
}

describe('who hears whom in a bridge', () => {
  it('three speaking members all hear each other', async () => {
    const { sim, customer, agent, supervisor, bridge, hears } = await callWithSupervisor();

    await sim.addToBridge(bridge, supervisor);

    expect(hears(customer)).toEqual([agent, supervisor].sort());
    expect(hears(agent)).toEqual([customer, supervisor].sort());
    expect(hears(supervisor)).toEqual([customer, agent].sort());
  });

  it('a listening member hears everyone and is heard by no one', async () => {
    const { sim, customer, agent, supervisor, bridge, hears } = await callWithSupervisor();

    await sim.addToBridge(bridge, supervisor, { kind: 'listen' });

    expect(hears(supervisor)).toEqual([customer, agent].sort());
    expect(hears(customer)).toEqual([agent]);
    expect(hears(agent)).toEqual([customer]);
  });

  it('a whisper member is heard by the agent only', async () => {
    const { sim, customer, agent, supervisor, bridge, hears } = await callWithSupervisor();

    await sim.addToBridge(bridge, supervisor, { kind: 'whisper', to: agent });

    expect(hears(agent)).toEqual([customer, supervisor].sort());
    expect(hears(customer)).toEqual([agent]);
    expect(hears(supervisor)).toEqual([customer, agent].sort());
  });

  it('a supervisor switches live from silent monitor to whisper to barge-in', async () => {
    const { sim, events, customer, agent, supervisor, bridge, hears } = await callWithSupervisor();
    await sim.addToBridge(bridge, supervisor, { kind: 'listen' });

    await sim.setBridgeRole(bridge, supervisor, { kind: 'whisper', to: agent });
    expect(hears(customer)).toEqual([agent]);
    expect(hears(agent)).toContain(supervisor);

    await sim.setBridgeRole(bridge, supervisor, { kind: 'speak' });
    expect(hears(customer)).toEqual([agent, supervisor].sort());

    const roles = events.flatMap((event) =>
      event.type === 'bridge_changed'
        ? [event.bridge.members.find((m) => m.channelId === supervisor)?.role]
        : [],
    );
    expect(roles.slice(-3)).toEqual([{ kind: 'listen' }, { kind: 'whisper', to: agent }, { kind: 'speak' }]);
  });

  it('a held channel hears only music and is heard by no one', async () => {
    const { sim, events, customer, agent, hears } = await callWithSupervisor();

    await sim.startHold(customer);
    expect(hears(customer)).toEqual([]);
    expect(hears(agent)).toEqual([]);
    expect(sim.getChannel(customer)?.onHold).toBe(true);

    await sim.stopHold(customer);
    expect(hears(agent)).toEqual([customer]);
    expect(events.filter((event) => event.type === 'hold_changed')).toMatchObject([
      { channelId: customer, onHold: true },
      { channelId: customer, onHold: false },
    ]);
  });

  it('a muted channel still hears the others but is heard by no one', async () => {
    const { sim, events, customer, agent, hears } = await callWithSupervisor();

    await sim.setMuted(agent, true);

    expect(hears(agent)).toEqual([customer]);
    expect(hears(customer)).toEqual([]);
    expect(events.at(-1)).toMatchObject({ type: 'mute_changed', channelId: agent, muted: true });
  });

  it('a member that is not up takes no part in the mix', () => {
    const bridge: Bridge = {
      id: 'br-1',
      members: [
        { channelId: 'a', role: { kind: 'speak' } },
        { channelId: 'b', role: { kind: 'speak' } },
      ],
    };
    const audio: Record<string, MemberAudio> = {
      a: { state: 'up', onHold: false, muted: false },
      b: { state: 'ringing', onHold: false, muted: false },
    };

    const hearing = whoHears(bridge, (channelId) => audio[channelId]);

    expect(hearing).toEqual(
      new Map([
        ['a', new Set()],
        ['b', new Set()],
      ]),
    );
  });
});

describe('bridge membership', () => {
  it('when one of three parties hangs up, the other two stay bridged and hear each other', async () => {
    const { sim, events, customer, agent, supervisor, bridge, hears } = await callWithSupervisor();
    await sim.addToBridge(bridge, supervisor);

    await sim.remoteHangsUp(agent);

    expect(sim.getBridge(bridge)?.members.map((m) => m.channelId)).toEqual([customer, supervisor]);
    expect(hears(customer)).toEqual([supervisor]);
    expect(hears(supervisor)).toEqual([customer]);
    expect(events.slice(-2).map((event) => event.type)).toEqual(['channel_hungup', 'bridge_changed']);
    expect(sim.getChannel(agent)?.bridgeId).toBeNull();
  });

  it('adding a channel to a second bridge moves it out of the first', async () => {
    const { sim, events, customer, agent, bridge } = await callWithSupervisor();
    const other = await sim.createBridge();

    await sim.addToBridge(other.id, customer);

    expect(sim.getBridge(bridge)?.members.map((m) => m.channelId)).toEqual([agent]);
    expect(sim.getBridge(other.id)?.members.map((m) => m.channelId)).toEqual([customer]);
    expect(sim.getChannel(customer)?.bridgeId).toBe(other.id);
    expect(events.slice(-2).map((event) => event.type === 'bridge_changed' && event.bridge.id)).toEqual([
      bridge,
      other.id,
    ]);
  });

  it('destroying a bridge leaves its members up and unbridged, and a second destroy is a no-op', async () => {
    const { sim, events, customer, agent, bridge } = await callWithSupervisor();

    await sim.destroyBridge(bridge);
    await sim.destroyBridge(bridge);

    expect(sim.getBridge(bridge)).toBeUndefined();
    for (const channelId of [customer, agent]) {
      expect(sim.getChannel(channelId)).toMatchObject({ state: 'up', bridgeId: null });
    }
    expect(events.filter((event) => event.type === 'bridge_changed').at(-1)).toMatchObject({
      bridge: { id: bridge, members: [] },
    });
  });

  it('removing a member leaves it up and emits the new member list', async () => {
    const { sim, events, customer, agent, bridge } = await callWithSupervisor();

    await sim.removeFromBridge(bridge, customer);

    expect(events.at(-1)).toMatchObject({
      type: 'bridge_changed',
      bridge: { id: bridge, members: [{ channelId: agent }] },
    });
    expect(sim.getChannel(customer)?.state).toBe('up');
  });

  it('rejects removing a channel that is not a member, and an unknown bridge', async () => {
    const { sim, supervisor, bridge } = await callWithSupervisor();

    await expect(sim.removeFromBridge(bridge, supervisor)).rejects.toMatchObject({ code: 'NOT_IN_BRIDGE' });
    await expect(sim.setBridgeRole(bridge, supervisor, { kind: 'speak' })).rejects.toMatchObject({
      code: 'NOT_IN_BRIDGE',
    });
    await expect(sim.addToBridge('br-99', supervisor)).rejects.toMatchObject({ code: 'NO_SUCH_BRIDGE' });
  });

  it('rejects a whisper to someone outside the bridge', async () => {
    const { sim, supervisor, bridge } = await callWithSupervisor();

    await expect(
      sim.addToBridge(bridge, supervisor, { kind: 'whisper', to: 'ch-404' }),
    ).rejects.toMatchObject({
      code: 'INVALID_WHISPER_TARGET',
    });
    expect(sim.getChannel(supervisor)?.bridgeId).toBeNull();
  });

  it('rejects holding a channel that has not been answered', async () => {
    const { sim } = await simSwitchFixture();
    const call = await sim.customerCalls('13800138000', '95105');

    await expect(sim.startHold(call.id)).rejects.toMatchObject({ code: 'CHANNEL_NOT_UP' });
  });
});
