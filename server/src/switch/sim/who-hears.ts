import type { Bridge, BridgeRole, ChannelId, ChannelState } from '../switch-port.ts';

/** What decides whether a bridge member's voice goes into the mix (a `Channel` fits). */
export type MemberAudio = { state: ChannelState; onHold: boolean; muted: boolean };

/**
 * For each member of the bridge, the members whose voice it hears. `speak` is heard by all others,
 * `listen` by no one, `whisper` only by its `to`. A held member hears only music and is heard by no
 * one; a muted member is heard by no one; a member that is not up (or unknown) takes no part.
 */
export function whoHears(
  bridge: Bridge,
  audioOf: (channelId: ChannelId) => MemberAudio | undefined,
): Map<ChannelId, Set<ChannelId>> {
  const inMix = (channelId: ChannelId) => {
    const audio = audioOf(channelId);
    return audio !== undefined && audio.state === 'up' && !audio.onHold;
  };
  const speaking = (channelId: ChannelId) => inMix(channelId) && audioOf(channelId)?.muted === false;
  const hearing = new Map<ChannelId, Set<ChannelId>>();
  for (const listener of bridge.members) {
    const heard = new Set<ChannelId>();
    if (inMix(listener.channelId)) {
      for (const speaker of bridge.members) {
        if (speaker.channelId === listener.channelId || !speaking(speaker.channelId)) continue;
        if (reaches(speaker.role, listener.channelId)) heard.add(speaker.channelId);
      }
    }
    hearing.set(listener.channelId, heard);
  }
  return hearing;
}

function reaches(role: BridgeRole, listener: ChannelId): boolean {
  switch (role.kind) {
    case 'speak':
      return true;
    case 'listen':
      return false;
    case 'whisper':
      return role.to === listener;
  }
}
