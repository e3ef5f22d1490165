import type { ChannelId, HangupCause, SwitchEvent } from '../../switch/switch-port.ts';
import { acceptInboundCall, enqueue } from './call-routing.ts';
import {
  attemptFailed,
  customerAnswered,
  customerReached,
  previewAccepted,
  previewDeclined,
  requestCallback,
} from './callbacks.ts';
import type { Call, CallEndCause, CallLeg, CtiAgent } from './cti-types.ts';
import {
  applyAgentEvent,
  customerLeg,
  type EngineContext,
  hangupQuietly,
  removeLeg,
} from './engine-context.ts';
import { farewellFinished } from './release.ts';
import {
  callerLeftVoicemail,
  startVoicemail,
  voicemailDigit,
  voicemailPlaybackFinished,
  voicemailRecorded,
} from './voicemail.ts';

// What the engine does when the switch reports something: a leg answered, a leg hung up, a
// recording finished. Commands that end a leg on purpose remove it first, so the hang-up that
// follows is not handled twice.
export async function handleSwitchEvent(ctx: EngineContext, event: SwitchEvent): Promise<void> {
  const recordings = ctx.recordings;
  switch (event.type) {
    case 'inbound_call':
      await acceptInboundCall(ctx, event.channel);
      return;
    case 'channel_answered':
      await legAnswered(ctx, event.channelId);
      return;
    case 'channel_hungup':
      await legHungUp(ctx, event.channelId, event.cause);
      return;
    case 'dtmf_received':
      await digitPressed(ctx, event.channelId, event.digit);
      return;
    case 'playback_finished': {
      const found = ctx.legs.get(event.channelId);
      const call = found && ctx.calls.get(found.callId);
      if (call?.phase === 'voicemail')
        await voicemailPlaybackFinished(ctx, call, event.channelId, event.playbackId);
      else if (call?.phase === 'releasing') await farewellFinished(ctx, call, event.playbackId);
      return;
    }
    case 'recording_finished': {
      if (voicemailRecorded(ctx, event.recordingId, event.file, event.durationMs)) return;
      const callId = recordings.get(event.recordingId);
      recordings.delete(event.recordingId);
      if (callId) {
        ctx.emit({
          type: 'recording_finished',
          callId,
          recordingId: event.recordingId,
          file: event.file,
          durationMs: event.durationMs,
        });
      }
      return;
    }
    default:
      return;
  }
}

/**
 * A key from a customer outside the IVR: while waiting, 1 books a callback (ACD-6) and 2 leaves a
 * message (VM-1); in voicemail, # ends the message. Keys during a conversation are not ours.
 */
async function digitPressed(ctx: EngineContext, channelId: ChannelId, digit: string): Promise<void> {
  const found = ctx.legs.get(channelId);
  const call = found && ctx.calls.get(found.callId);
  if (!call || found.leg.role !== 'customer') return;
  if (call.phase === 'voicemail') return voicemailDigit(ctx, call, digit);
  if (call.phase !== 'queued') return;
  const options = ctx.config.queues.find((q) => q.id === call.queueId)?.allBusyOptions;
  if (digit === '1' && options?.callback) await requestCallback(ctx, call);
  else if (digit === '2' && options?.voicemail) await startVoicemail(ctx, call, 'all_busy');
}

async function legAnswered(ctx: EngineContext, channelId: ChannelId): Promise<void> {
  const found = ctx.legs.get(channelId);
  const call = found && ctx.calls.get(found.callId);
  if (!found || !call || found.leg.answered) return;
  const leg = found.leg;
  leg.answered = true;
  const now = ctx.scheduler.now();
  switch (leg.role) {
    case 'agent': {
      const agent = leg.staffId === null ? undefined : ctx.agents.get(leg.staffId);
      if (call.direction === 'inbound') {
        if (agent) await connectParty(ctx, call, leg, agent);
        return;
      }
      if (call.callback && call.phase === 'offering') {
        // ACD-6: the agent took the callback's preview; the agent waits in the bridge while the
        // customer's phone rings.
        await ensureBridge(ctx, call);
        await ctx.port.addToBridge(call.bridgeId!, channelId);
        if (agent) await previewAccepted(ctx, call, agent);
        return;
      }
      // Outbound or internal call (CTI-8, CTI-9): the caller's own phone waits in the bridge; the
      // called agent's answer connects the call.
      await ensureBridge(ctx, call);
      await ctx.port.addToBridge(call.bridgeId!, channelId);
      if (agent && leg.staffId !== call.ownerAgentId) {
        applyAgentEvent(ctx, agent, { type: 'call_answered', at: now, callId: call.id });
        agent.callsHandledToday++;
        ctx.emit({ type: 'call_answered', callId: call.id, agentId: agent.id });
        await markConnected(ctx, call, agent);
      }
      return;
    }
    case 'consult': {
      await ctx.port.addToBridge(call.bridgeId!, channelId);
      const agent = leg.staffId === null ? undefined : ctx.agents.get(leg.staffId);
      if (agent) {
        applyAgentEvent(ctx, agent, { type: 'call_answered', at: now, callId: call.id });
        ctx.emit({ type: 'call_answered', callId: call.id, agentId: agent.id });
      }
      if (call.consult) ctx.emit({ type: 'consult_answered', callId: call.id, target: call.consult.target });
      if (!call.customerOnHold) {
        // Three-party help (CTI-13): the helper joins the conversation directly.
        if (call.consult)
          ctx.emit({ type: 'conference_started', callId: call.id, agentId: call.ownerAgentId ?? 0 });
        leg.role = leg.staffId === null ? 'outside' : 'agent';
        call.consult = null;
      }
      return;
    }
    case 'outside': {
      await ensureBridge(ctx, call);
      await ctx.port.addToBridge(call.bridgeId!, channelId);
      const customer = customerLeg(call);
      if (customer && call.customerOnHold) {
        await ctx.port.stopHold(customer.channelId);
        call.customerOnHold = false;
        await ctx.port.addToBridge(call.bridgeId!, customer.channelId);
      }
      await markConnected(ctx, call);
      return;
    }
    case 'supervisor': {
      if (!call.bridgeId || call.phase !== 'connected') {
        await hangupQuietly(ctx, channelId);
        return;
      }
      await ctx.port.addToBridge(call.bridgeId, channelId, bridgeRoleFor(call, leg));
      return;
    }
    case 'customer': {
      // Only a callback dials a customer leg (ACD-6): the customer picked up.
      if (!call.callback || !call.bridgeId) return;
      await ctx.port.addToBridge(call.bridgeId, channelId);
      customerAnswered(ctx, call, leg);
      const agent = call.ownerAgentId === null ? undefined : ctx.agents.get(call.ownerAgentId);
      await markConnected(ctx, call, agent);
      return;
    }
  }
}

/** An agent's phone answered a customer call: bridge them, start recording (CTI-17). */
async function connectParty(ctx: EngineContext, call: Call, leg: CallLeg, agent: CtiAgent): Promise<void> {
  const now = ctx.scheduler.now();
  applyAgentEvent(ctx, agent, { type: 'call_answered', at: now, callId: call.id });
  await ensureBridge(ctx, call);
  const customer = customerLeg(call);
  if (customer && call.customerOnHold) {
    await ctx.port.stopHold(customer.channelId);
    call.customerOnHold = false;
  }
  if (customer) await ctx.port.addToBridge(call.bridgeId!, customer.channelId);
  await ctx.port.addToBridge(call.bridgeId!, leg.channelId);
  call.ownerAgentId = agent.id;
  call.firstAgentId ??= agent.id;
  agent.callsHandledToday++;
  ctx.emit({ type: 'call_answered', callId: call.id, agentId: agent.id });
  await markConnected(ctx, call, agent);
  // ACD-6: a customer who called again and reached an agent needs no callback any more.
  if (call.firstAgentId === agent.id) await customerReached(ctx, call.callerNumber);
}

async function markConnected(ctx: EngineContext, call: Call, agent?: CtiAgent): Promise<void> {
  if (call.phase === 'connected') return;
  call.phase = 'connected';
  call.answeredAt = ctx.scheduler.now();
  if (!call.recordingId && (ctx.config.recordByDefault || agent?.recordAll))
    await startCallRecording(ctx, call);
}

export async function ensureBridge(ctx: EngineContext, call: Call): Promise<void> {
  if (call.bridgeId) return;
  call.bridgeId = (await ctx.port.createBridge()).id;
}

export async function startCallRecording(ctx: EngineContext, call: Call): Promise<void> {
  if (!call.bridgeId) return;
  const day = call.startedAt.toISOString().slice(0, 10);
  call.recordingId = await ctx.port.startRecording({ bridgeId: call.bridgeId }, `${day}/${call.id}`);
  call.recordingPaused = false;
  ctx.recordings.set(call.recordingId, call.id);
  ctx.emit({ type: 'recording_started', callId: call.id, recordingId: call.recordingId });
}

/** A running average of handle time (answer → end), for expected-wait announcements. */
function recordHandleTime(ctx: EngineContext, call: Call): void {
  if (!call.answeredAt || !call.endedAt || call.direction !== 'inbound') return;
  const handled = call.endedAt.getTime() - call.answeredAt.getTime() + ctx.config.wrapUpMs;
  const previous = ctx.stats.averageHandleMs;
  ctx.stats.averageHandleMs = previous === null ? handled : Math.round(previous * 0.9 + handled * 0.1);
}

/** SUP-8: a supervisor chose to record this agent; their current call starts recording now. */
export async function startCallRecordingIfChosen(ctx: EngineContext, agentId: number): Promise<void> {
  const agent = ctx.agents.get(agentId);
  const call = agent?.status.callId ? ctx.calls.get(agent.status.callId) : undefined;
  if (agent?.recordAll && call && call.phase === 'connected' && !call.recordingId)
    await startCallRecording(ctx, call);
}

export function bridgeRoleFor(call: Call, leg: CallLeg) {
  const agentLeg = call.legs.find((l) => l.role === 'agent' && l.staffId === call.ownerAgentId);
  if (leg.monitorMode === 'listen') return { kind: 'listen' as const };
  if (leg.monitorMode === 'whisper' && agentLeg) return { kind: 'whisper' as const, to: agentLeg.channelId };
  return { kind: 'speak' as const };
}

async function legHungUp(ctx: EngineContext, channelId: ChannelId, cause: HangupCause): Promise<void> {
  const found = ctx.legs.get(channelId);
  const call = found && ctx.calls.get(found.callId);
  if (!found || !call) return;
  const leg = found.leg;
  removeLeg(ctx, call, channelId);
  const now = ctx.scheduler.now();
  const agent = leg.staffId === null ? undefined : ctx.agents.get(leg.staffId);

  if (leg.role === 'customer') {
    if (call.callback && !leg.answered) return attemptFailed(ctx, call, cause);
    if (call.phase === 'voicemail') return callerLeftVoicemail(ctx, call);
    if (call.phase === 'releasing' && call.releasing) return endCall(ctx, call, call.releasing.cause);
    if (call.phase === 'ivr') {
      // The IVR releasing a served caller is not an abandonment (IVR-5).
      return endCall(ctx, call, ctx.ivrReleased.delete(channelId) ? 'completed' : 'abandoned_in_ivr');
    }
    if (call.phase === 'queued') return endCall(ctx, call, 'abandoned_in_queue');
    if (call.phase === 'offering') return endCall(ctx, call, 'abandoned_ringing');
    ctx.emit({ type: 'party_left', callId: call.id, role: 'customer', staffId: null, number: leg.number });
    return continueOrEnd(ctx, call);
  }
  if (leg.role === 'supervisor') {
    ctx.emit({
      type: 'party_left',
      callId: call.id,
      role: 'supervisor',
      staffId: leg.staffId,
      number: leg.number,
    });
    return;
  }
  if (!leg.answered) return legFailed(ctx, call, leg, agent, cause);

  ctx.emit({ type: 'party_left', callId: call.id, role: leg.role, staffId: leg.staffId, number: leg.number });
  if (leg.role === 'consult') {
    call.consult = null;
    ctx.emit({ type: 'consult_ended', callId: call.id, cause: 'hung_up' });
    if (agent) applyAgentEvent(ctx, agent, { type: 'call_ended', at: now, callId: call.id, wrapUpMs: 0 });
    return continueOrEnd(ctx, call);
  }
  const wasOwner = leg.staffId !== null && leg.staffId === call.ownerAgentId;
  if (call.callback && call.phase === 'offering' && wasOwner) {
    // The agent hung up while the callback's customer was still ringing: this attempt failed.
    return attemptFailed(ctx, call, 'agent_left');
  }
  if (agent) agentLeavesCall(ctx, agent, call);
  if (call.consult && wasOwner) {
    // The agent hung up in the middle of a consult: an answered consult becomes the transfer
    // (the held customer meets the consulted party); an unanswered one is dropped and the
    // customer goes back to the queue ahead of everyone.
    return agentDroppedDuringConsult(ctx, call);
  }
  return continueOrEnd(ctx, call);
}

async function agentDroppedDuringConsult(ctx: EngineContext, call: Call): Promise<void> {
  const consult = call.consult;
  const consultLeg = consult && call.legs.find((l) => l.channelId === consult.channelId);
  const customer = customerLeg(call);
  if (!consult || !consultLeg || !customer) return continueOrEnd(ctx, call);
  if (consultLeg.answered) {
    await ctx.port.stopHold(customer.channelId);
    call.customerOnHold = false;
    await ctx.port.addToBridge(call.bridgeId!, customer.channelId);
    consultLeg.role = consultLeg.staffId === null ? 'outside' : 'agent';
    call.ownerAgentId = consultLeg.staffId;
    call.consult = null;
    return;
  }
  removeLeg(ctx, call, consultLeg.channelId);
  const helper = consultLeg.staffId === null ? undefined : ctx.agents.get(consultLeg.staffId);
  if (helper) agentLeavesCall(ctx, helper, call);
  await hangupQuietly(ctx, consultLeg.channelId);
  call.consult = null;
  if (call.queueId) await enqueue(ctx, call, call.queueId, 'transferred');
  else await endCall(ctx, call, 'completed');
}

/** A leg that never answered: an offer rang out or was refused, a consult or outside call failed. */
async function legFailed(
  ctx: EngineContext,
  call: Call,
  leg: CallLeg,
  agent: CtiAgent | undefined,
  cause: HangupCause,
) {
  const now = ctx.scheduler.now();
  const offered = call.direction === 'inbound' || call.callback !== null;
  if (leg.role === 'agent' && offered && call.phase === 'offering' && agent) {
    ctx.emit({ type: 'offer_failed', callId: call.id, agentId: agent.id, cause });
    const event = cause === 'no_answer' ? ('offer_timed_out' as const) : ('offer_withdrawn' as const);
    if (agent.status.callId === call.id)
      applyAgentEvent(ctx, agent, { type: event, at: now, callId: call.id });
    agent.channelId = null;
    if (call.callback) return previewDeclined(ctx, call, agent.id);
    call.excludedAgentIds.push(agent.id);
    await enqueue(ctx, call, call.queueId!, call.reason);
    return;
  }
  if (leg.role === 'consult') {
    call.consult = null;
    ctx.emit({ type: 'consult_ended', callId: call.id, cause });
    if (agent && agent.status.callId === call.id) {
      applyAgentEvent(ctx, agent, {
        type: cause === 'no_answer' ? 'offer_timed_out' : 'offer_withdrawn',
        at: now,
        callId: call.id,
      });
    }
    return;
  }
  if (leg.role === 'outside' && call.direction === 'inbound' && call.queueId) {
    // A blind transfer to an outside number failed: the customer goes back to the queue, first in line.
    await enqueue(ctx, call, call.queueId, 'transferred');
    return;
  }
  if (agent && agent.status.callId === call.id && agent.status.state === 'ringing') {
    applyAgentEvent(ctx, agent, {
      type: cause === 'no_answer' ? 'offer_timed_out' : 'offer_withdrawn',
      at: now,
      callId: call.id,
    });
  }
  const endCause: CallEndCause = cause === 'busy' ? 'busy' : cause === 'no_answer' ? 'no_answer' : 'failed';
  return endCall(ctx, call, endCause);
}

/** The agent is off the call: wrap-up starts (CTI-14). */
export function agentLeavesCall(ctx: EngineContext, agent: CtiAgent, call: Call): void {
  if (agent.status.callId !== call.id) return;
  const at = ctx.scheduler.now();
  agent.channelId = null;
  if (agent.status.state === 'ringing') {
    applyAgentEvent(ctx, agent, { type: 'offer_withdrawn', at, callId: call.id });
  } else if (agent.status.state === 'talking' || agent.status.state === 'hold') {
    applyAgentEvent(ctx, agent, { type: 'call_ended', at, callId: call.id, wrapUpMs: ctx.config.wrapUpMs });
  }
  if (call.ownerAgentId === agent.id) call.ownerAgentId = null;
}

/** Three-way (CTI-12): when one party leaves the others go on; with one party left the call ends. */
async function continueOrEnd(ctx: EngineContext, call: Call): Promise<void> {
  const parties = call.legs.filter((l) => l.role !== 'supervisor' && l.answered);
  if (parties.length <= 1) return endCall(ctx, call, 'completed');
}

/** Ends the call for everyone still on it: every leg hung up, agents to wrap-up, bridge gone. */
export async function endCall(ctx: EngineContext, call: Call, cause: CallEndCause): Promise<void> {
  if (call.phase === 'ended') return;
  call.phase = 'ended';
  call.endedAt = ctx.scheduler.now();
  if (call.queueTimer !== null) ctx.scheduler.cancelTimer(call.queueTimer);
  call.queueTimer = null;
  recordHandleTime(ctx, call);
  for (const leg of [...call.legs]) {
    removeLeg(ctx, call, leg.channelId);
    const agent = leg.staffId === null ? undefined : ctx.agents.get(leg.staffId);
    if (agent && leg.role !== 'supervisor') agentLeavesCall(ctx, agent, call);
    await hangupQuietly(ctx, leg.channelId, cause === 'forced' ? 'forced' : 'normal');
  }
  for (const agent of ctx.agents.values()) {
    if (agent.status.callId === call.id && agent.status.state !== 'after_call_work')
      agentLeavesCall(ctx, agent, call);
  }
  if (call.bridgeId) await ctx.port.destroyBridge(call.bridgeId).catch(() => undefined);
  ctx.emit({ type: 'call_ended', callId: call.id, cause });
  ctx.calls.delete(call.id);
  // No routing pass here: an agent freed by this call asks for one when they become ready.
}
