import { priorityOf } from '../../acd/queue-order.ts';
import type { Call } from './cti-types.ts';
import type { EngineContext } from './engine-context.ts';

/** A new call in the engine's table, announced with `call_started`. The one place calls are born. */
export function startCall(
  ctx: EngineContext,
  init: Pick<Call, 'direction' | 'callerNumber' | 'calledNumber' | 'accessCode' | 'vip' | 'phase'> & {
    id?: string;
    agentId: number | null;
  },
): Call {
  const call: Call = {
    id: init.id ?? ctx.nextCallId(),
    direction: init.direction,
    callerNumber: init.callerNumber,
    calledNumber: init.calledNumber,
    accessCode: init.accessCode,
    vip: init.vip,
    customerData: {},
    phase: init.phase,
    queueId: null,
    reason: 'new',
    priority: priorityOf({ reason: 'new', vip: init.vip }),
    enqueuedAt: null,
    excludedAgentIds: [],
    ownerAgentId: init.agentId,
    firstAgentId: init.agentId,
    legs: [],
    bridgeId: null,
    customerOnHold: false,
    consult: null,
    recordingId: null,
    recordingPaused: false,
    voicemail: null,
    releasing: null,
    callback: null,
    queueTimer: null,
    startedAt: ctx.scheduler.now(),
    answeredAt: null,
    endedAt: null,
  };
  ctx.calls.set(call.id, call);
  ctx.emit({
    type: 'call_started',
    callId: call.id,
    direction: call.direction,
    callerNumber: call.callerNumber,
    calledNumber: call.calledNumber,
    accessCode: call.accessCode,
    vip: call.vip,
    agentId: init.agentId,
  });
  return call;
}
