import { describe, expect, it } from 'vitest';
import type { CallInfo } from './call-model.ts';
import { emptyCall } from './call-model.ts';
import type { AgentView } from './softphone-api.ts';
import { allowedActions } from './softphone-rules.ts';

// Which softphone buttons are enabled in each state (UI-8): impossible buttons stay greyed out.

function agent(state: AgentView['state']): AgentView {
  return {
    id: 1,
    employeeNo: '1001',
    state,
    since: '2026-11-22T08:00:00.000Z',
    notReadyReason: null,
    callId: null,
    extension: '8001',
    autoAnswer: false,
    forwardTo: null,
    skills: [],
    wrapUpDeadline: null,
  };
}

const talkingCall = (patch: Partial<CallInfo> = {}): CallInfo => ({ ...emptyCall('c1'), ...patch });

describe('softphone buttons by state (UI-8)', () => {
  it('offers only 签入 before signing in', () => {
    expect([...allowedActions(null, null)]).toEqual(['sign-in']);
    expect([...allowedActions(agent('signed_out'), null)]).toEqual(['sign-in']);
  });

  it('lets a ready agent dial, pick up, go not-ready and sign out, but not answer or hold', () => {
    const allowed = allowedActions(agent('ready'), null);
    for (const a of ['dial', 'pickup', 'not-ready', 'sign-out'] as const) expect(allowed.has(a)).toBe(true);
    for (const a of ['answer', 'hold', 'hangup', 'ready'] as const) expect(allowed.has(a)).toBe(false);
  });

  it('lets a not-ready agent go ready again', () => {
    expect(allowedActions(agent('not_ready'), null).has('ready')).toBe(true);
  });

  it('offers answer and hang-up while ringing, and no not-ready', () => {
    const allowed = allowedActions(agent('ringing'), talkingCall());
    expect(allowed.has('answer')).toBe(true);
    expect(allowed.has('hangup')).toBe(true);
    expect(allowed.has('not-ready')).toBe(false);
  });

  it('offers hold, transfer, consult and mute while talking; retrieve instead of hold on hold', () => {
    const talking = allowedActions(agent('talking'), talkingCall());
    for (const a of ['hold', 'transfer', 'consult', 'mute', 'hangup', 'recording'] as const)
      expect(talking.has(a)).toBe(true);
    expect(talking.has('retrieve')).toBe(false);
    const held = allowedActions(agent('hold'), talkingCall({ held: true }));
    expect(held.has('retrieve')).toBe(true);
    expect(held.has('hold')).toBe(false);
    expect(held.has('mute')).toBe(false);
  });

  it('during a consultation offers cancel, and complete/conference only once the colleague answered', () => {
    const target = { kind: 'agent' as const, agentId: 2 };
    const ringingConsult = talkingCall({ consult: { target, purpose: 'consult', answered: false } });
    const before = allowedActions(agent('hold'), ringingConsult);
    expect(before.has('consult/cancel')).toBe(true);
    expect(before.has('consult/complete')).toBe(false);
    expect(before.has('transfer')).toBe(false);
    const answered = talkingCall({ consult: { target, purpose: 'consult', answered: true } });
    const after = allowedActions(agent('hold'), answered);
    expect(after.has('consult/complete')).toBe(true);
    expect(after.has('conference')).toBe(true);
  });

  it('offers 整理完成 in wrap-up and no call buttons', () => {
    const allowed = allowedActions(agent('after_call_work'), null);
    expect(allowed.has('wrap-up/finish')).toBe(true);
    expect(allowed.has('answer')).toBe(false);
    expect(allowed.has('sign-out')).toBe(false);
  });
});
