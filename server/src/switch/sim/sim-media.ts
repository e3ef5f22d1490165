import type { ChannelId, PlaybackId } from '../switch-port.ts';
import { requireChannel, requireUpChannel, type SimCore, type SimPlayback } from './sim-core.ts';
import { SimSwitchError } from './sim-switch-error.ts';

// Hold, mute, prompts and DTMF: what a channel hears and sends, apart from the bridge mix.

export const DTMF_GAP_MS = 100;
const DTMF_DIGITS = /^[0-9*#A-D]+$/;

export function startHold(core: SimCore, channelId: ChannelId): void {
  setHold(core, channelId, true);
}

export function stopHold(core: SimCore, channelId: ChannelId): void {
  setHold(core, channelId, false);
}

function setHold(core: SimCore, channelId: ChannelId, onHold: boolean): void {
  const { channel } = requireUpChannel(core, channelId);
  if (channel.onHold === onHold) return;
  channel.onHold = onHold;
  core.events.emit({ type: 'hold_changed', at: core.clock.now(), channelId, onHold });
}

export function setMuted(core: SimCore, channelId: ChannelId, muted: boolean): void {
  const { channel } = requireChannel(core, channelId);
  if (channel.muted === muted) return;
  channel.muted = muted;
  core.events.emit({ type: 'mute_changed', at: core.clock.now(), channelId, muted });
}

/** Plays a prompt; it ends with one `playback_finished` however it ends (done, stopped, DTMF, hangup). */
export function playPrompt(
  core: SimCore,
  channelId: ChannelId,
  prompt: string,
  opts: { interruptibleByDtmf?: boolean } = {},
): PlaybackId {
  requireChannel(core, channelId);
  const durationMs = core.promptDurationMs(prompt);
  const id = core.ids.next('pb');
  const timer = core.clock.setTimer(durationMs, () => finishPlayback(core, id, false));
  core.playbacks.set(id, { id, channelId, interruptibleByDtmf: opts.interruptibleByDtmf === true, timer });
  return id;
}

/** Stops a playback; stopping one that has already finished is a no-op. */
export function stopPlayback(core: SimCore, playbackId: PlaybackId): void {
  if (core.playbacks.has(playbackId)) finishPlayback(core, playbackId, true);
  else if (!core.ids.wasIssued('pb', playbackId)) {
    throw new SimSwitchError('NO_SUCH_PLAYBACK', `no playback ${playbackId}`);
  }
}

export function stopPlaybacksOf(
  core: SimCore,
  channelId: ChannelId,
  only?: (p: SimPlayback) => boolean,
): void {
  for (const playback of [...core.playbacks.values()]) {
    if (playback.channelId === channelId && (only === undefined || only(playback))) {
      finishPlayback(core, playback.id, true);
    }
  }
}

function finishPlayback(core: SimCore, playbackId: PlaybackId, interrupted: boolean): void {
  const playback = core.playbacks.get(playbackId);
  if (playback === undefined) return;
  core.playbacks.delete(playbackId);
  core.clock.cancelTimer(playback.timer);
  core.events.emit({
    type: 'playback_finished',
    at: core.clock.now(),
    channelId: playback.channelId,
    playbackId,
    interrupted,
  });
}

/** The first digit arrives at once, the next ones 100 ms apart; a hangup drops the rest. */
export function pressDigits(core: SimCore, channelId: ChannelId, digits: string): void {
  const sim = requireUpChannel(core, channelId);
  if (!DTMF_DIGITS.test(digits)) {
    throw new SimSwitchError('INVALID_DIGITS', `cannot press ${JSON.stringify(digits)}: use 0-9 * # A-D`);
  }
  const [first, ...rest] = digits;
  rest.forEach((digit, i) => {
    const timer = core.clock.setTimer((i + 1) * DTMF_GAP_MS, () => {
      sim.digitTimers.delete(timer);
      receiveDigit(core, channelId, digit);
    });
    sim.digitTimers.add(timer);
  });
  if (first !== undefined) receiveDigit(core, channelId, first);
}

function receiveDigit(core: SimCore, channelId: ChannelId, digit: string): void {
  core.events.emit({ type: 'dtmf_received', at: core.clock.now(), channelId, digit });
  stopPlaybacksOf(core, channelId, (playback) => playback.interruptibleByDtmf);
}
