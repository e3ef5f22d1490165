import type { ChannelId, PlaybackId, RecordingId } from '../../switch/switch-port.ts';
import { endCall } from './call-lifecycle.ts';
import type { Call, VoicemailReason } from './cti-types.ts';
import { customerLeg, type EngineContext } from './engine-context.ts';
import { stopWatching } from './queue-watch.ts';
import { releaseWithPrompt } from './release.ts';

// VM-1 语音留言: the caller hears a prompt, then speaks after it; `#`, hanging up or the time
// limit ends the message. The recorded message is announced (`voicemail_left`) when the switch
// has written its file; one shorter than a second is taken for a caller who said nothing.

const DEFAULT_MAX_MS = 120_000;
const SHORTEST_MESSAGE_MS = 1_000;

const PROMPTS: Record<VoicemailReason | 'goodbye', string> = {
  all_busy: '坐席正忙。请在提示音后留下您的姓名、电话和事由，留言完毕请按井号键或挂机。',
  max_wait: '抱歉让您久等了。请在提示音后留言，我们会尽快回复您，留言完毕请按井号键或挂机。',
  after_hours: '您好，现在是非工作时间。请在提示音后留言，我们上班后会尽快回复您，留言完毕请按井号键或挂机。',
  ivr: '请在提示音后留言，留言完毕请按井号键或挂机。',
  goodbye: '您的留言已收到，感谢您的来电，再见。',
};

/** Where a call in voicemail is: hearing the prompt, or speaking. */
export type VoicemailStage =
  | { stage: 'prompt'; reason: VoicemailReason; playbackId: PlaybackId }
  | { stage: 'recording'; reason: VoicemailReason; recordingId: RecordingId };

/** Takes a waiting (or IVR, or just answered) caller to voicemail. */
export async function startVoicemail(ctx: EngineContext, call: Call, reason: VoicemailReason): Promise<void> {
  const customer = customerLeg(call);
  if (!customer || call.phase === 'ended') return;
  stopWatching(ctx, call);
  call.phase = 'voicemail';
  if (call.customerOnHold) {
    await ctx.port.stopHold(customer.channelId).catch(() => undefined);
    call.customerOnHold = false;
  }
  ctx.emit({ type: 'voicemail_started', callId: call.id, reason });
  const playbackId = await ctx.port.playPrompt(customer.channelId, `tts:${PROMPTS[reason]}`);
  call.voicemail = { stage: 'prompt', reason, playbackId };
}

/** A prompt ended on a channel: after the voicemail prompt, recording starts. */
export async function voicemailPlaybackFinished(
  ctx: EngineContext,
  call: Call,
  channelId: ChannelId,
  playbackId: PlaybackId,
): Promise<void> {
  const vm = call.voicemail;
  if (call.phase !== 'voicemail' || vm?.stage !== 'prompt' || vm.playbackId !== playbackId) return;
  const day = call.startedAt.toISOString().slice(0, 10);
  const recordingId = await ctx.port.startRecording({ channelId }, `${day}/voicemail-${call.id}`);
  call.voicemail = { stage: 'recording', reason: vm.reason, recordingId };
  ctx.voicemails.set(recordingId, {
    callId: call.id,
    callerNumber: call.callerNumber,
    accessCode: call.accessCode,
    queueId: call.queueId,
    reason: vm.reason,
    startedAt: ctx.scheduler.now(),
  });
  const maxMs = ctx.config.voicemailMaxMs ?? DEFAULT_MAX_MS;
  call.queueTimer = ctx.scheduler.setTimer(maxMs, () =>
    ctx.serialize(async () => {
      call.queueTimer = null;
      await finishMessage(ctx, call);
    }),
  );
}

/** `#` ends the message; other keys are ignored while speaking. */
export async function voicemailDigit(ctx: EngineContext, call: Call, digit: string): Promise<void> {
  if (digit === '#' && call.voicemail?.stage === 'recording') await finishMessage(ctx, call);
}

async function finishMessage(ctx: EngineContext, call: Call): Promise<void> {
  const vm = call.voicemail;
  if (call.phase !== 'voicemail' || vm?.stage !== 'recording') return;
  await ctx.port.stopRecording(vm.recordingId).catch(() => undefined);
  call.voicemail = null;
  await releaseWithPrompt(ctx, call, PROMPTS.goodbye, 'voicemail');
}

/**
 * The caller hung up in voicemail: the switch stops the recording itself. Hanging up during the
 * prompt is giving up (abandoned), not leaving a message.
 */
export async function callerLeftVoicemail(ctx: EngineContext, call: Call): Promise<void> {
  if (call.voicemail?.stage === 'recording') return endCall(ctx, call, 'voicemail');
  return endCall(ctx, call, call.queueId ? 'abandoned_in_queue' : 'abandoned_in_ivr');
}

/** The switch wrote a message's file: announce it, unless it is too short to hold anything. */
export function voicemailRecorded(
  ctx: EngineContext,
  recordingId: RecordingId,
  file: string,
  durationMs: number,
): boolean {
  const pending = ctx.voicemails.get(recordingId);
  if (!pending) return false;
  ctx.voicemails.delete(recordingId);
  if (durationMs < SHORTEST_MESSAGE_MS) return true;
  ctx.emit({
    type: 'voicemail_left',
    callId: pending.callId,
    callerNumber: pending.callerNumber,
    accessCode: pending.accessCode,
    queueId: pending.queueId,
    reason: pending.reason,
    recordingId,
    file,
    durationMs,
    startedAt: pending.startedAt.toISOString(),
  });
  return true;
}
