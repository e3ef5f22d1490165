import { endCall } from './call-lifecycle.ts';
import type { Call, CallEndCause } from './cti-types.ts';
import { customerLeg, type EngineContext } from './engine-context.ts';
import { stopWatching } from './queue-watch.ts';

// The system lets a caller go with a last word ("your message was received", "we will call you
// back"): the prompt plays to the end, then the call ends with the cause given. A caller who hangs
// up during the prompt ends it with the same cause.

export async function releaseWithPrompt(
  ctx: EngineContext,
  call: Call,
  text: string,
  cause: CallEndCause,
): Promise<void> {
  stopWatching(ctx, call);
  const customer = customerLeg(call);
  if (!customer) return endCall(ctx, call, cause);
  call.phase = 'releasing';
  if (call.customerOnHold) {
    await ctx.port.stopHold(customer.channelId).catch(() => undefined);
    call.customerOnHold = false;
  }
  const playbackId = await ctx.port.playPrompt(customer.channelId, `tts:${text}`);
  call.releasing = { playbackId, cause };
}

/** A prompt ended: the farewell's end ends the call. */
export async function farewellFinished(ctx: EngineContext, call: Call, playbackId: string): Promise<void> {
  if (call.phase === 'releasing' && call.releasing?.playbackId === playbackId)
    await endCall(ctx, call, call.releasing.cause);
}
