import { AppError } from '../../http/app-error.ts';
import type { AgentEvent } from '../agent-state/index.ts';
import { agentLeavesCall, bridgeRoleFor, endCall } from './call-lifecycle.ts';
import { CTI_ERRORS } from './cti.errors.ts';
import type { Call, CallLeg, MonitorMode, StaffRef } from './cti-types.ts';
import {
  addLeg,
  agentLegOf,
  agentOrThrow,
  applyAgentEvent,
  type EngineContext,
  hangupQuietly,
  removeLeg,
} from './engine-context.ts';

// Team-lead functions (SUP-1 … SUP-5, SUP-8), written on the same port as the agent's.
export type SupervisorRef = StaffRef & { extension: string | null };

function agentsCall(ctx: EngineContext, agentId: number): Call {
  const agent = agentOrThrow(ctx, agentId);
  const call = agent.status.callId ? ctx.calls.get(agent.status.callId) : undefined;
  if (call?.phase !== 'connected') throw new AppError(CTI_ERRORS.NOT_CONNECTED);
  return call;
}

function supervisorLeg(call: Call, supervisorId: number): CallLeg | undefined {
  return call.legs.find((l) => l.role === 'supervisor' && l.staffId === supervisorId);
}

/**
 * SUP-1 监听 / whisper / SUP-2 插入: joins the agent's call, or switches mode live when already in it.
 * The supervisor's phone is called and picked up by remote control.
 */
export async function monitor(
  ctx: EngineContext,
  supervisor: SupervisorRef,
  agentId: number,
  mode: MonitorMode,
) {
  const call = agentsCall(ctx, agentId);
  const existing = supervisorLeg(call, supervisor.id);
  if (existing) {
    existing.monitorMode = mode;
    if (existing.answered && call.bridgeId)
      await ctx.port.setBridgeRole(call.bridgeId, existing.channelId, bridgeRoleFor(call, existing));
    ctx.emit({ type: 'supervisor_mode_changed', callId: call.id, supervisorId: supervisor.id, mode });
    return;
  }
  if (!supervisor.extension) throw new AppError(CTI_ERRORS.SUPERVISOR_NO_EXTENSION);
  const channel = await ctx.port.originate({
    endpoint: { kind: 'extension', number: supervisor.extension },
    callerNumber: call.callerNumber,
    ringTimeoutMs: ctx.config.offerRingTimeoutMs,
  });
  addLeg(ctx, call, {
    channelId: channel.id,
    role: 'supervisor',
    staffId: supervisor.id,
    number: supervisor.extension,
    answered: false,
    monitorMode: mode,
  });
  await ctx.port.answer(channel.id);
  ctx.emit({ type: 'supervisor_joined', callId: call.id, supervisorId: supervisor.id, agentId, mode });
}

export async function stopMonitoring(ctx: EngineContext, supervisor: SupervisorRef, agentId: number) {
  const call = agentsCall(ctx, agentId);
  const leg = supervisorLeg(call, supervisor.id);
  if (!leg) throw new AppError(CTI_ERRORS.SUPERVISOR_NOT_IN_CALL);
  await ctx.port.hangup(leg.channelId, 'normal');
}

/** SUP-3 拦截: the supervisor takes the call over; the agent leaves (wrap-up). */
export async function intercept(ctx: EngineContext, supervisor: SupervisorRef, agentId: number) {
  const call = agentsCall(ctx, agentId);
  const leg = supervisorLeg(call, supervisor.id);
  if (!leg) throw new AppError(CTI_ERRORS.SUPERVISOR_NOT_IN_CALL);
  if (!leg.answered || !call.bridgeId) throw new AppError(CTI_ERRORS.SUPERVISOR_LEG_NOT_READY);
  const agent = agentOrThrow(ctx, agentId);
  leg.monitorMode = 'barge';
  await ctx.port.setBridgeRole(call.bridgeId, leg.channelId, { kind: 'speak' });
  // From now on the supervisor is a party of the call, not an observer.
  leg.role = 'agent';
  delete leg.monitorMode;
  const agentLeg = agentLegOf(call, agentId);
  agentLeavesCall(ctx, agent, call);
  if (agentLeg) {
    removeLeg(ctx, call, agentLeg.channelId);
    await hangupQuietly(ctx, agentLeg.channelId);
  }
  call.ownerAgentId = null;
  ctx.emit({ type: 'intercepted', callId: call.id, supervisorId: supervisor.id, agentId });
}

/** SUP-4 强拆: ends the agent's call for everyone. */
export async function forceRelease(ctx: EngineContext, supervisor: SupervisorRef, agentId: number) {
  const agent = agentOrThrow(ctx, agentId);
  const call = agent.status.callId ? ctx.calls.get(agent.status.callId) : undefined;
  if (!call || call.phase === 'ended') throw new AppError(CTI_ERRORS.NO_CALL);
  ctx.emit({ type: 'force_released', callId: call.id, supervisorId: supervisor.id, agentId });
  await endCall(ctx, call, 'forced');
}

/** SUP-5: force ready / not ready / pause / sign-out. */
export function forceState(
  ctx: EngineContext,
  supervisor: SupervisorRef,
  agentId: number,
  kind: 'force_ready' | 'force_not_ready' | 'force_pause' | 'force_sign_out',
) {
  const agent = agentOrThrow(ctx, agentId);
  const by = { id: supervisor.id, employeeNo: supervisor.employeeNo };
  const event: AgentEvent = { type: kind, at: ctx.scheduler.now(), by };
  applyAgentEvent(ctx, agent, event, {
    id: supervisor.id,
    employeeNo: supervisor.employeeNo,
    name: supervisor.name,
  });
}

/** SUP-8: record every call of this agent from now on (the current one too). */
export function setRecordAgent(ctx: EngineContext, agentId: number, on: boolean) {
  const agent = agentOrThrow(ctx, agentId);
  agent.recordAll = on;
}
