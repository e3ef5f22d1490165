import type { ExternalBehaviour } from '../switch-driver.ts';
import type {
  Channel,
  ChannelDirection,
  ChannelId,
  Endpoint,
  HangupCause,
  OriginateRequest,
} from '../switch-port.ts';
import { detachFromBridge } from './sim-bridges.ts';
import {
  assertNever,
  copyChannel,
  ENDED_CHANNELS_KEPT,
  requireChannel,
  type SimChannel,
  type SimCore,
} from './sim-core.ts';
import { stopPlaybacksOf } from './sim-media.ts';
import { stopRecordingsOf } from './sim-recordings.ts';
import { SimSwitchError } from './sim-switch-error.ts';

export const DEFAULT_EXTERNAL_BEHAVIOUR: ExternalBehaviour = { kind: 'answer', afterMs: 3000 };
export const BUSY_AFTER_MS = 1000;

/** A customer dials an access code: a ringing inbound channel the switch may answer. */
export function customerCalls(core: SimCore, callerNumber: string, accessCode: string): Channel {
  const sim = newChannel(
    core,
    'inbound',
    { kind: 'external', number: callerNumber },
    callerNumber,
    accessCode,
  );
  core.events.emit({ type: 'inbound_call', at: core.clock.now(), channel: copyChannel(sim.channel) });
  return copyChannel(sim.channel);
}

/**
 * Places an outbound channel. It always starts ringing; how it ends is decided on the clock, even
 * an unreachable number (after 0 ms), so the caller knows the id before any outcome event.
 */
export function originate(core: SimCore, req: OriginateRequest): Channel {
  if (!Number.isFinite(req.ringTimeoutMs) || req.ringTimeoutMs < 0) {
    throw new SimSwitchError('INVALID_ARGUMENT', `ring timeout ${req.ringTimeoutMs} ms is not valid`);
  }
  const { endpoint } = req;
  const sim = newChannel(core, 'outbound', { ...endpoint }, req.callerNumber, endpoint.number);
  core.events.emit({ type: 'channel_ringing', at: core.clock.now(), channelId: sim.channel.id });
  const [afterMs, outcome] = ringOutcome(core, endpoint, req.ringTimeoutMs);
  sim.ringTimer = core.clock.setTimer(afterMs, async () => {
    sim.ringTimer = null;
    if (outcome === 'answer') answerChannel(core, sim);
    else await endChannel(core, sim, outcome);
  });
  return copyChannel(sim.channel);
}

function ringOutcome(
  core: SimCore,
  endpoint: Endpoint,
  ringTimeoutMs: number,
): [number, 'answer' | HangupCause] {
  // Whatever would happen after the ring timeout never happens: the switch gives up first.
  const unlessTimedOut = (
    afterMs: number,
    outcome: 'answer' | HangupCause,
  ): [number, 'answer' | HangupCause] =>
    afterMs < ringTimeoutMs ? [afterMs, outcome] : [ringTimeoutMs, 'no_answer'];
  if (endpoint.kind === 'extension') {
    // A registered extension rings until the agent answers remotely (`answer`) or the timeout.
    return core.extensions.has(endpoint.number) ? [ringTimeoutMs, 'no_answer'] : [0, 'unreachable'];
  }
  const behaviour = core.externalBehaviours.get(endpoint.number) ?? DEFAULT_EXTERNAL_BEHAVIOUR;
  switch (behaviour.kind) {
    case 'answer':
      return unlessTimedOut(behaviour.afterMs, 'answer');
    case 'busy':
      return unlessTimedOut(BUSY_AFTER_MS, 'busy');
    case 'no_answer':
      return [ringTimeoutMs, 'no_answer'];
    case 'unreachable':
      return [0, 'unreachable'];
    default:
      return assertNever(behaviour);
  }
}

/**
 * Answers a ringing inbound channel (the switch picks up) or a channel ringing an extension (the
 * agent's phone, by remote control). An outside number answers by itself. Answering twice is a no-op.
 */
export function answer(core: SimCore, channelId: ChannelId): void {
  const sim = requireChannel(core, channelId);
  const { channel } = sim;
  if (channel.state === 'up') return;
  if (channel.direction === 'outbound' && channel.endpoint.kind === 'external') {
    throw new SimSwitchError(
      'NOT_ANSWERABLE',
      `channel ${channelId} rings an outside number; it answers itself`,
    );
  }
  answerChannel(core, sim);
}

function answerChannel(core: SimCore, sim: SimChannel): void {
  if (sim.ringTimer !== null) core.clock.cancelTimer(sim.ringTimer);
  sim.ringTimer = null;
  sim.channel.state = 'up';
  sim.channel.answeredAt = core.clock.now();
  core.events.emit({ type: 'channel_answered', at: core.clock.now(), channelId: sim.channel.id });
}

/** Hangs up a channel; hanging up one that has already hung up is a no-op. */
export async function hangup(
  core: SimCore,
  channelId: ChannelId,
  cause: HangupCause = 'normal',
): Promise<void> {
  const sim = core.channels.get(channelId);
  if (sim !== undefined) return endChannel(core, sim, cause);
  if (!core.ids.wasIssued('ch', channelId)) {
    throw new SimSwitchError('NO_SUCH_CHANNEL', `no channel ${channelId}`);
  }
}

/** The far party hangs up; a phone that hangs up while still ringing rejects the call. */
export async function remoteHangsUp(core: SimCore, channelId: ChannelId): Promise<void> {
  const channel = core.channels.get(channelId)?.channel;
  const rejects = channel?.direction === 'outbound' && channel.state === 'ringing';
  await hangup(core, channelId, rejects ? 'rejected' : 'normal');
}

/**
 * Ends a channel: `channel_hungup`, then it leaves its bridge (`bridge_changed`), its playbacks end
 * (`playback_finished`, interrupted) and its recordings are written (`recording_finished`). Hold
 * and mute simply end with it, without events.
 */
export async function endChannel(core: SimCore, sim: SimChannel, cause: HangupCause): Promise<void> {
  const { channel } = sim;
  if (!core.channels.delete(channel.id)) return;
  if (sim.ringTimer !== null) core.clock.cancelTimer(sim.ringTimer);
  sim.ringTimer = null;
  for (const timer of sim.digitTimers) core.clock.cancelTimer(timer);
  sim.digitTimers.clear();
  channel.state = 'hungup';
  channel.hungupAt = core.clock.now();
  channel.hangupCause = cause;
  channel.onHold = false;
  core.endedChannels.set(channel.id, channel);
  if (core.endedChannels.size > ENDED_CHANNELS_KEPT) {
    const oldest = core.endedChannels.keys().next();
    if (oldest.done !== true) core.endedChannels.delete(oldest.value);
  }
  core.events.emit({ type: 'channel_hungup', at: core.clock.now(), channelId: channel.id, cause });
  detachFromBridge(core, channel);
  stopPlaybacksOf(core, channel.id);
  await stopRecordingsOf(core, { channelId: channel.id });
}

function newChannel(
  core: SimCore,
  direction: ChannelDirection,
  endpoint: Endpoint,
  callerNumber: string,
  calledNumber: string,
): SimChannel {
  const channel: Channel = {
    id: core.ids.next('ch'),
    direction,
    endpoint,
    callerNumber,
    calledNumber,
    state: 'ringing',
    createdAt: core.clock.now(),
    answeredAt: null,
    hungupAt: null,
    hangupCause: null,
    bridgeId: null,
    onHold: false,
    muted: false,
  };
  const sim: SimChannel = { channel, ringTimer: null, digitTimers: new Set() };
  core.channels.set(channel.id, sim);
  return sim;
}
