import type { Bridge, BridgeId, BridgeRole, Channel, ChannelId } from '../switch-port.ts';
import {
  bridgeView,
  emitBridgeChanged,
  requireBridge,
  requireChannel,
  type SimBridge,
  type SimCore,
} from './sim-core.ts';
import { stopRecordingsOf } from './sim-recordings.ts';
import { SimSwitchError } from './sim-switch-error.ts';

const SPEAK: BridgeRole = { kind: 'speak' };

export function createBridge(core: SimCore): Bridge {
  const bridge: SimBridge = { id: core.ids.next('br'), members: new Map() };
  core.bridges.set(bridge.id, bridge);
  emitBridgeChanged(core, bridge);
  return bridgeView(bridge);
}

/** Puts a channel in a bridge; a channel already in another bridge moves (it is in one at most). */
export function addToBridge(core: SimCore, bridgeId: BridgeId, channelId: ChannelId, role = SPEAK): void {
  const bridge = requireBridge(core, bridgeId);
  const { channel } = requireChannel(core, channelId);
  checkRole(bridge, channelId, role);
  if (channel.bridgeId === bridgeId) {
    setRole(core, bridge, channelId, role);
    return;
  }
  detachFromBridge(core, channel);
  bridge.members.set(channelId, { ...role });
  channel.bridgeId = bridgeId;
  emitBridgeChanged(core, bridge);
}

export function setBridgeRole(
  core: SimCore,
  bridgeId: BridgeId,
  channelId: ChannelId,
  role: BridgeRole,
): void {
  const bridge = requireBridge(core, bridgeId);
  requireMember(core, bridge, channelId);
  checkRole(bridge, channelId, role);
  setRole(core, bridge, channelId, role);
}

export function removeFromBridge(core: SimCore, bridgeId: BridgeId, channelId: ChannelId): void {
  const bridge = requireBridge(core, bridgeId);
  detachFromBridge(core, requireMember(core, bridge, channelId));
}

/** Members stay up, just unbridged; recordings of the bridge stop. Destroying it twice is a no-op. */
export async function destroyBridge(core: SimCore, bridgeId: BridgeId): Promise<void> {
  const bridge = core.bridges.get(bridgeId);
  if (bridge === undefined) {
    if (core.ids.wasIssued('br', bridgeId)) return;
    throw new SimSwitchError('NO_SUCH_BRIDGE', `no bridge ${bridgeId}`);
  }
  core.bridges.delete(bridgeId);
  for (const channelId of bridge.members.keys()) {
    const sim = core.channels.get(channelId);
    if (sim !== undefined) sim.channel.bridgeId = null;
  }
  bridge.members.clear();
  emitBridgeChanged(core, bridge); // no `bridge_destroyed` event in the port: an empty member list says it
  await stopRecordingsOf(core, { bridgeId });
}

/** Takes a channel out of whatever bridge it is in (also used when it hangs up). */
export function detachFromBridge(core: SimCore, channel: Channel): void {
  if (channel.bridgeId === null) return;
  const bridge = core.bridges.get(channel.bridgeId);
  channel.bridgeId = null;
  if (bridge === undefined || !bridge.members.delete(channel.id)) return;
  emitBridgeChanged(core, bridge);
}

function requireMember(core: SimCore, bridge: SimBridge, channelId: ChannelId): Channel {
  const { channel } = requireChannel(core, channelId);
  if (!bridge.members.has(channelId)) {
    throw new SimSwitchError('NOT_IN_BRIDGE', `channel ${channelId} is not in bridge ${bridge.id}`);
  }
  return channel;
}

function checkRole(bridge: SimBridge, channelId: ChannelId, role: BridgeRole): void {
  if (role.kind !== 'whisper') return;
  if (role.to === channelId || !bridge.members.has(role.to)) {
    throw new SimSwitchError(
      'INVALID_WHISPER_TARGET',
      `channel ${channelId} cannot whisper to ${role.to}: not another member of bridge ${bridge.id}`,
    );
  }
}

function setRole(core: SimCore, bridge: SimBridge, channelId: ChannelId, role: BridgeRole): void {
  const current = bridge.members.get(channelId);
  if (current !== undefined && sameRole(current, role)) return;
  bridge.members.set(channelId, { ...role });
  emitBridgeChanged(core, bridge);
}

function sameRole(a: BridgeRole, b: BridgeRole): boolean {
  return a.kind === b.kind && (a.kind !== 'whisper' || (b.kind === 'whisper' && a.to === b.to));
}
