import type { IvrTransferTarget } from '@switchboard/shared';
import type { QueueConfig } from '../../acd/acd.types.ts';
import type { Channel, ChannelId } from '../../switch/switch-port.ts';
import { endCall } from './call-lifecycle.ts';
import { comprehensiveGroupIds, enqueue, enqueueNewCall, queueOfAccessCode } from './call-routing.ts';
import type { Call, IvrExit } from './cti-types.ts';
import { customerLeg, type EngineContext } from './engine-context.ts';
import { startVoicemail } from './voicemail.ts';

// IVR-1 / ACD-7: an inbound call whose access code has a published flow is answered and handed
// to the IVR; when the IVR lets it go to a human, it is queued exactly as a new inbound call.
// CTI-10: an agent may send a connected caller to a flow too.

/** Hands the answered call to the IVR; false when the access code has no published flow. */
export async function enterIvr(ctx: EngineContext, call: Call, channel: Channel): Promise<boolean> {
  if (!ctx.ivr) return false;
  try {
    return await ctx.ivr.start(call.id, channel);
  } catch (err) {
    // The IVR failing must not lose the caller: they wait for an agent instead.
    console.error('IVR start failed; the call is queued', err);
    return false;
  }
}

/**
 * CTI-10 转IVR: an agent sends the caller to a flow (a survey, entering the service password). The
 * agent has already left; the caller comes off hold and meets the flow, and where the flow lets
 * them go `leaveIvr` takes over as for an arriving call. Should the IVR fail to start, the caller
 * is not lost: they wait in the call's queue for another agent.
 */
export async function transferToIvr(
  ctx: EngineContext,
  call: Call,
  customerChannelId: ChannelId,
  flowId: number,
  agentId: number,
): Promise<void> {
  if (call.customerOnHold) {
    await ctx.port.stopHold(customerChannelId);
    call.customerOnHold = false;
  }
  call.phase = 'ivr';
  const channel = ctx.port.getChannel(customerChannelId);
  const started =
    channel !== undefined &&
    (await ctx.ivr?.start(call.id, channel, { flowId, transferredBy: agentId }).catch((err: unknown) => {
      console.error('IVR start after a transfer failed; the call is queued', err);
      return false;
    }));
  if (started) return;
  const queueId = call.queueId ?? queueOfAccessCode(ctx, call.accessCode ?? call.calledNumber)?.id;
  if (!queueId) return endCall(ctx, call, 'no_route');
  await enqueue(ctx, call, queueId, 'transferred');
}

/** The IVR is done with the call: queue it for a human, or end it (served, said goodbye). */
export async function leaveIvr(ctx: EngineContext, exit: IvrExit): Promise<void> {
  const call = ctx.calls.get(exit.callId);
  if (call?.phase !== 'ivr') return; // the caller hung up first: already ended
  const customer = customerLeg(call);
  if (!customer) return endCall(ctx, call, 'abandoned_in_ivr');
  if (exit.voicemail) {
    // The flow's voicemail node (VM-1): the message is filed under the access code's queue.
    call.queueId = queueOfAccessCode(ctx, call.accessCode ?? call.calledNumber)?.id ?? null;
    return startVoicemail(ctx, call, 'ivr');
  }
  if (exit.transfer === null) {
    ctx.ivrReleased.delete(customer.channelId);
    return endCall(ctx, call, 'completed');
  }
  const queue = queueForIvrTarget(ctx, exit.transfer, call.accessCode ?? call.calledNumber);
  if (!queue) return endCall(ctx, call, 'no_route');
  await enqueueNewCall(ctx, call, queue.id);
}

/**
 * A flow's queue target names a skill group by code (GENERAL, BILL …); queues are per skill
 * group. Agent and outside-number targets (and unknown codes) go to the 综合 queue.
 */
function queueForIvrTarget(
  ctx: EngineContext,
  target: IvrTransferTarget,
  accessCode: string,
): QueueConfig | null {
  if (target.kind === 'queue') {
    const group = ctx.config.skillGroups.find((g) => g.code !== undefined && g.code === target.queueCode);
    const queue = group && ctx.config.queues.find((q) => q.skillGroupId === group.id);
    if (queue) return queue;
  }
  const comprehensive = comprehensiveGroupIds(ctx);
  const general = ctx.config.queues.find((q) => comprehensive.has(q.skillGroupId));
  return general ?? queueOfAccessCode(ctx, accessCode);
}
