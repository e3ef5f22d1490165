import type { ExternalBehaviour, SwitchDriver } from '../switch-driver.ts';
import type {
  Bridge,
  BridgeId,
  BridgeRole,
  Channel,
  ChannelId,
  HangupCause,
  OriginateRequest,
  PlaybackId,
  RecordingId,
  SwitchEvent,
  SwitchPort,
} from '../switch-port.ts';
import * as bridges from './sim-bridges.ts';
import * as channels from './sim-channels.ts';
import type { SimClock } from './sim-clock.ts';
import {
  bridgeView,
  copyChannel,
  type RecordingTarget,
  requireBridge,
  type SimCore,
  SimIds,
} from './sim-core.ts';
import { SimEvents } from './sim-events.ts';
import * as media from './sim-media.ts';
import * as recordings from './sim-recordings.ts';
import type { WavFormat } from './wav.ts';
import { whoHears } from './who-hears.ts';

export type SimSwitchOptions = {
  clock: SimClock;
  recordingsDir: string;
  /** Prepended to every id (`ch-1` → `<prefix>ch-1`), e.g. to tell two switches apart. */
  idPrefix?: string;
  /** How long a prompt plays; 2000 ms unless told. */
  promptDurationMs?: (prompt: string) => number;
  /** μ-law (default, half the size) or 16-bit PCM. */
  recordingFormat?: WavFormat;
};

export type SimSwitchSnapshot = { at: Date; channels: Channel[]; bridges: Bridge[] };

export function createSimSwitch(options: SimSwitchOptions): SimSwitch {
  return new SimSwitch(options);
}

/**
 * The built-in switch: virtual endpoints on a simulated clock. Implements the port the CTI layer
 * uses and the driver tests use to play the customers, phones and outside numbers.
 */
export class SimSwitch implements SwitchPort, SwitchDriver {
  readonly #core: SimCore;

  constructor(options: SimSwitchOptions) {
    this.#core = {
      clock: options.clock,
      events: new SimEvents(),
      ids: new SimIds(options.idPrefix ?? ''),
      recordingsDir: options.recordingsDir,
      recordingFormat: options.recordingFormat ?? 'mulaw',
      promptDurationMs: options.promptDurationMs ?? (() => 2000),
      channels: new Map(),
      endedChannels: new Map(),
      bridges: new Map(),
      playbacks: new Map(),
      recordings: new Map(),
      finishingRecordings: new Map(),
      extensions: new Set(),
      externalBehaviours: new Map(),
    };
  }

  // ── SwitchPort ──

  async originate(req: OriginateRequest): Promise<Channel> {
    return channels.originate(this.#core, req);
  }

  async answer(channelId: ChannelId): Promise<void> {
    channels.answer(this.#core, channelId);
  }

  hangup(channelId: ChannelId, cause: HangupCause = 'normal'): Promise<void> {
    return channels.hangup(this.#core, channelId, cause);
  }

  /** A live channel, or one of the last 1000 hung up (to read how it ended). */
  getChannel(channelId: ChannelId): Channel | undefined {
    const channel = this.#core.channels.get(channelId)?.channel ?? this.#core.endedChannels.get(channelId);
    return channel === undefined ? undefined : copyChannel(channel);
  }

  async createBridge(): Promise<Bridge> {
    return bridges.createBridge(this.#core);
  }

  async addToBridge(bridgeId: BridgeId, channelId: ChannelId, role?: BridgeRole): Promise<void> {
    bridges.addToBridge(this.#core, bridgeId, channelId, role);
  }

  async setBridgeRole(bridgeId: BridgeId, channelId: ChannelId, role: BridgeRole): Promise<void> {
    bridges.setBridgeRole(this.#core, bridgeId, channelId, role);
  }

  async removeFromBridge(bridgeId: BridgeId, channelId: ChannelId): Promise<void> {
    bridges.removeFromBridge(this.#core, bridgeId, channelId);
  }

  destroyBridge(bridgeId: BridgeId): Promise<void> {
    return bridges.destroyBridge(this.#core, bridgeId);
  }

  getBridge(bridgeId: BridgeId): Bridge | undefined {
    const bridge = this.#core.bridges.get(bridgeId);
    return bridge === undefined ? undefined : bridgeView(bridge);
  }

  async startHold(channelId: ChannelId): Promise<void> {
    media.startHold(this.#core, channelId);
  }

  async stopHold(channelId: ChannelId): Promise<void> {
    media.stopHold(this.#core, channelId);
  }

  async setMuted(channelId: ChannelId, muted: boolean): Promise<void> {
    media.setMuted(this.#core, channelId, muted);
  }

  async playPrompt(
    channelId: ChannelId,
    prompt: string,
    opts?: { interruptibleByDtmf?: boolean },
  ): Promise<PlaybackId> {
    return media.playPrompt(this.#core, channelId, prompt, opts);
  }

  async stopPlayback(playbackId: PlaybackId): Promise<void> {
    media.stopPlayback(this.#core, playbackId);
  }

  async startRecording(target: RecordingTarget, name: string): Promise<RecordingId> {
    return recordings.startRecording(this.#core, target, name);
  }

  async pauseRecording(recordingId: RecordingId): Promise<void> {
    recordings.pauseRecording(this.#core, recordingId);
  }

  async resumeRecording(recordingId: RecordingId): Promise<void> {
    recordings.resumeRecording(this.#core, recordingId);
  }

  stopRecording(recordingId: RecordingId): Promise<void> {
    return recordings.stopRecording(this.#core, recordingId);
  }

  onEvent(listener: (event: SwitchEvent) => void): () => void {
    return this.#core.events.on(listener);
  }

  // ── SwitchDriver ──

  async customerCalls(callerNumber: string, accessCode: string): Promise<Channel> {
    return channels.customerCalls(this.#core, callerNumber, accessCode);
  }

  async customerPressesDigits(channelId: ChannelId, digits: string): Promise<void> {
    media.pressDigits(this.#core, channelId, digits);
  }

  remoteHangsUp(channelId: ChannelId): Promise<void> {
    return channels.remoteHangsUp(this.#core, channelId);
  }

  setExternalBehaviour(number: string, behaviour: ExternalBehaviour): void {
    this.#core.externalBehaviours.set(number, { ...behaviour });
  }

  // ── The simulation itself ──

  /** An agent's phone comes online; calls to an unregistered extension are unreachable. */
  registerExtension(number: string): void {
    this.#core.extensions.add(number);
  }

  /** Later calls to it are unreachable; calls already on it go on. */
  unregisterExtension(number: string): void {
    this.#core.extensions.delete(number);
  }

  /** Listeners that threw (they are skipped, never allowed to break the switch). */
  get listenerErrors(): number {
    return this.#core.events.listenerErrors;
  }

  get lastListenerError(): unknown {
    return this.#core.events.lastListenerError;
  }

  /** For each member of a bridge, the members whose voice it hears (see `whoHears`). */
  whoHears(bridgeId: BridgeId): Map<ChannelId, Set<ChannelId>> {
    const bridge = bridgeView(requireBridge(this.#core, bridgeId));
    return whoHears(bridge, (channelId) => this.#core.channels.get(channelId)?.channel);
  }

  /** Every live channel and bridge, in creation order. */
  snapshot(): SimSwitchSnapshot {
    return {
      at: this.#core.clock.now(),
      channels: [...this.#core.channels.values()].map((sim) => copyChannel(sim.channel)),
      bridges: [...this.#core.bridges.values()].map(bridgeView),
    };
  }

  /** Hangs up every channel (`system_restart`), destroys every bridge and writes every recording. */
  async shutdown(): Promise<void> {
    const core = this.#core;
    const hangups = [...core.channels.values()].map((sim) =>
      channels.endChannel(core, sim, 'system_restart'),
    );
    const destroys = [...core.bridges.keys()].map((bridgeId) => bridges.destroyBridge(core, bridgeId));
    await Promise.all([...hangups, ...destroys, recordings.stopAllRecordings(core)]);
  }
}
