import type { ExternalBehaviour } from '../switch-driver.ts';
import type {
  Bridge,
  BridgeId,
  BridgeRole,
  Channel,
  ChannelId,
  PlaybackId,
  RecordingId,
} from '../switch-port.ts';
import type { SimClock, TimerId } from './sim-clock.ts';
import type { SimEvents } from './sim-events.ts';
import { SimSwitchError } from './sim-switch-error.ts';
import type { WavFormat } from './wav.ts';

// The simulated switch's state, shared by the channel, bridge, media and recording operations.

export type SimChannel = {
  channel: Channel;
  /** Decides how a ringing outbound channel ends (answer, busy, timeout…). */
  ringTimer: TimerId | null;
  /** Digits still to be pressed by `customerPressesDigits`. */
  digitTimers: Set<TimerId>;
};

export type SimBridge = { id: BridgeId; members: Map<ChannelId, BridgeRole> };

export type SimPlayback = {
  id: PlaybackId;
  channelId: ChannelId;
  interruptibleByDtmf: boolean;
  timer: TimerId;
};

export type RecordingTarget = { bridgeId: BridgeId } | { channelId: ChannelId };

export type SimRecording = {
  id: RecordingId;
  target: RecordingTarget;
  file: string;
  seed: number;
  /** Recorded time before the current segment. */
  recordedMs: number;
  /** When the current segment started (epoch ms), or null while paused. */
  segmentStartedAt: number | null;
};

type IdKind = 'ch' | 'br' | 'pb' | 'rec';

/** Sequential ids (`ch-1`, `br-1`…) so a seeded run repeats exactly. */
export class SimIds {
  #counters: Record<IdKind, number> = { ch: 0, br: 0, pb: 0, rec: 0 };

  constructor(readonly prefix: string) {}

  next(kind: IdKind): string {
    this.#counters[kind]++;
    return `${this.prefix}${kind}-${this.#counters[kind]}`;
  }

  /** Sequence number of the last id issued of this kind. */
  last(kind: IdKind): number {
    return this.#counters[kind];
  }

  /** Whether this id was handed out once: an issued id that is no longer live has ended. */
  wasIssued(kind: IdKind, id: string): boolean {
    const head = `${this.prefix}${kind}-`;
    if (!id.startsWith(head)) return false;
    const n = Number(id.slice(head.length));
    return Number.isInteger(n) && n >= 1 && n <= this.#counters[kind] && String(n) === id.slice(head.length);
  }
}

export type SimCore = {
  clock: SimClock;
  events: SimEvents;
  ids: SimIds;
  recordingsDir: string;
  recordingFormat: WavFormat;
  promptDurationMs: (prompt: string) => number;
  channels: Map<ChannelId, SimChannel>;
  /** The last hung-up channels, so `getChannel` can still tell how they ended. */
  endedChannels: Map<ChannelId, Channel>;
  bridges: Map<BridgeId, SimBridge>;
  playbacks: Map<PlaybackId, SimPlayback>;
  recordings: Map<RecordingId, SimRecording>;
  /** Recordings whose file is being written; a second stop waits for the same write. */
  finishingRecordings: Map<RecordingId, Promise<void>>;
  extensions: Set<string>;
  externalBehaviours: Map<string, ExternalBehaviour>;
};

export const ENDED_CHANNELS_KEPT = 1000;

export function requireChannel(core: SimCore, channelId: ChannelId): SimChannel {
  const sim = core.channels.get(channelId);
  if (sim !== undefined) return sim;
  if (core.ids.wasIssued('ch', channelId)) {
    throw new SimSwitchError('CHANNEL_HUNG_UP', `channel ${channelId} has hung up`);
  }
  throw new SimSwitchError('NO_SUCH_CHANNEL', `no channel ${channelId}`);
}

export function requireUpChannel(core: SimCore, channelId: ChannelId): SimChannel {
  const sim = requireChannel(core, channelId);
  if (sim.channel.state !== 'up') {
    throw new SimSwitchError('CHANNEL_NOT_UP', `channel ${channelId} is ${sim.channel.state}, not up`);
  }
  return sim;
}

export function requireBridge(core: SimCore, bridgeId: BridgeId): SimBridge {
  const bridge = core.bridges.get(bridgeId);
  if (bridge === undefined) throw new SimSwitchError('NO_SUCH_BRIDGE', `no bridge ${bridgeId}`);
  return bridge;
}

export function copyChannel(channel: Channel): Channel {
  const copyDate = (date: Date | null) => (date === null ? null : new Date(date));
  return {
    ...channel,
    endpoint: { ...channel.endpoint },
    createdAt: new Date(channel.createdAt),
    answeredAt: copyDate(channel.answeredAt),
    hungupAt: copyDate(channel.hungupAt),
  };
}

export function bridgeView(bridge: SimBridge): Bridge {
  return {
    id: bridge.id,
    members: [...bridge.members].map(([channelId, role]) => ({ channelId, role: { ...role } })),
  };
}

export function emitBridgeChanged(core: SimCore, bridge: SimBridge): void {
  core.events.emit({ type: 'bridge_changed', at: core.clock.now(), bridge: bridgeView(bridge) });
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value ${JSON.stringify(value)}`);
}
