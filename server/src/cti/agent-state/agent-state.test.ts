import { describe, expect, it } from 'vitest';
import {
  accept,
  at,
  expectRefused,
  held,
  play,
  ringing,
  SKILLS,
  signedIn,
  T0,
  talking,
  wrappingUp,
} from './agent-state.fixtures.ts';
import { type AgentEvent, signedOutAgent } from './agent-state.ts';
import { isOfferable } from './guards.ts';
import { historyRowFor } from './history.ts';

describe('agent state machine (CTI-1…CTI-17, SUP-5, SUP-6)', () => {
  it('walks the happy path sign-in → ready → offered → answered → hold → retrieved → ended → wrap-up → ready', () => {
    let agent = signedOutAgent(T0);
    const states: string[] = [];
    const events: AgentEvent[] = [
      { type: 'sign_in', at: at(1), skills: SKILLS, extension: '8001' },
      { type: 'set_ready', at: at(2) },
      { type: 'call_offered', at: at(3), callId: 'c1' },
      { type: 'call_answered', at: at(5), callId: 'c1' },
      { type: 'call_held', at: at(60), callId: 'c1' },
      { type: 'call_retrieved', at: at(90), callId: 'c1' },
      { type: 'call_ended', at: at(120), callId: 'c1', wrapUpMs: 20_000 },
      { type: 'wrap_up_timer_elapsed', at: at(140) },
    ];
    for (const event of events) {
      agent = accept(agent, event).agent;
      states.push(agent.state);
    }
    expect(states).toEqual([
      'not_ready',
      'ready',
      'ringing',
      'talking',
      'hold',
      'talking',
      'after_call_work',
      'ready',
    ]);
    expect(agent).toMatchObject({ since: at(140), callId: null, wrapUpDeadline: null, extension: '8001' });
  });

  it('signs in not ready (签入未就绪) by default, ready when asked, and prompts supervisors (CTI-1, SUP-6)', () => {
    const result = accept(signedOutAgent(T0), {
      type: 'sign_in',
      at: at(1),
      skills: SKILLS,
      extension: '8001',
    });
    expect(result.agent).toMatchObject({ state: 'not_ready', notReadyReason: 'signed_in', skills: SKILLS });
    expect(result.effects).toEqual([
      { type: 'notify_supervisors', kind: 'signed_in', reason: null, by: null },
    ]);
    expect(signedIn(true).state).toBe('ready');
  });

  it('refuses a second sign-in and a sign-in choosing one skill group twice', () => {
    expectRefused(
      signedIn(),
      { type: 'sign_in', at: at(5), skills: SKILLS, extension: '8002' },
      'ALREADY_SIGNED_IN',
    );
    const twice = [...SKILLS, { skillGroupId: 1, level: 1 }];
    expectRefused(
      signedOutAgent(T0),
      { type: 'sign_in', at: at(1), skills: twice, extension: '8001' },
      'DUPLICATE_SKILL',
    );
  });

  it('refuses sign-out while ringing, talking or on hold (BUSY_ON_CALL)', () => {
    for (const agent of [ringing(), talking(), held()]) {
      expectRefused(agent, { type: 'sign_out', at: at(20) }, 'BUSY_ON_CALL');
    }
  });

  it('signs out from ready, not ready and wrap-up, clearing skills and extension', () => {
    for (const agent of [signedIn(true), signedIn(false), wrappingUp()]) {
      const result = accept(agent, { type: 'sign_out', at: at(20) });
      expect(result.agent).toMatchObject({ state: 'signed_out', skills: [], extension: null, callId: null });
      expect(result.effects).toContainEqual({
        type: 'notify_supervisors',
        kind: 'signed_out',
        reason: null,
        by: null,
      });
    }
    expect(accept(wrappingUp(), { type: 'sign_out', at: at(20) }).effects).toContainEqual({
      type: 'cancel_wrap_up_timer',
    });
  });

  it('refuses commands from a signed-out agent with a bilingual message', () => {
    const error = expectRefused(signedOutAgent(T0), { type: 'set_ready', at: at(1) }, 'NOT_SIGNED_IN');
    expect(error.message).toEqual({ 'zh-CN': '坐席未签入', 'en-US': 'The agent is not signed in' });
  });

  it('moves between ready and not ready with a reason, prompting rest start and end (CTI-2, SUP-6)', () => {
    const rest = accept(signedIn(), { type: 'set_not_ready', at: at(10), reason: 'meal' });
    expect(rest.agent).toMatchObject({ state: 'not_ready', notReadyReason: 'meal', since: at(10) });
    expect(rest.effects).toEqual([
      { type: 'notify_supervisors', kind: 'rest_started', reason: 'meal', by: null },
    ]);
    const back = accept(rest.agent, { type: 'set_ready', at: at(40) });
    expect(back.agent).toMatchObject({ state: 'ready', notReadyReason: null, since: at(40) });
    expect(back.effects).toEqual([
      { type: 'notify_supervisors', kind: 'rest_ended', reason: 'meal', by: null },
    ]);
  });

  it('treats asking for the current state again as a no-op that keeps `since`', () => {
    const agent = signedIn();
    const again = accept(agent, { type: 'set_ready', at: at(30) });
    expect(again.agent).toBe(agent);
    expect(again.effects).toEqual([]);
  });

  it('refuses a not-ready reason an agent cannot choose', () => {
    const forged = { type: 'set_not_ready', at: at(5), reason: 'forced' } as unknown as AgentEvent;
    expectRefused(signedIn(), forged, 'REASON_NOT_SELECTABLE');
  });

  it('offers a call only to a ready agent', () => {
    const offer: AgentEvent = { type: 'call_offered', at: at(20), callId: 'c9' };
    expectRefused(signedIn(false), offer, 'NOT_READY');
    expectRefused(signedOutAgent(T0), offer, 'NOT_SIGNED_IN');
    expectRefused(ringing(), offer, 'BUSY_ON_CALL');
    expectRefused(talking(), offer, 'BUSY_ON_CALL');
    expectRefused(wrappingUp(), offer, 'IN_AFTER_CALL_WORK');
    expect(accept(signedIn(), offer).agent).toMatchObject({ state: 'ringing', callId: 'c9' });
  });

  it('refuses an offer when the agent is on hold (CTI-6)', () => {
    const agent = held();
    expect(isOfferable(agent)).toBe(false);
    expectRefused(agent, { type: 'call_offered', at: at(20), callId: 'c2' }, 'BUSY_ON_CALL');
  });

  it('still rings with auto-answer, asking the CTI layer to answer (CTI-3)', () => {
    const agent = { ...signedIn(), autoAnswer: true };
    const result = accept(agent, { type: 'call_offered', at: at(2), callId: 'c1' });
    expect(result.agent.state).toBe('ringing');
    expect(result.effects).toEqual([{ type: 'auto_answer', callId: 'c1' }]);
    expect(accept(signedIn(), { type: 'call_offered', at: at(2), callId: 'c1' }).effects).toEqual([]);
  });

  it('answers at once when auto-answer is switched on while the phone rings', () => {
    const result = accept(ringing(), { type: 'set_auto_answer', at: at(3), on: true });
    expect(result.effects).toEqual([{ type: 'auto_answer', callId: 'c1' }]);
  });

  it('returns to ready when an offer is withdrawn (abandoned or picked up, CTI-4)', () => {
    const result = accept(ringing(), { type: 'offer_withdrawn', at: at(5), callId: 'c1' });
    expect(result.agent).toMatchObject({ state: 'ready', callId: null, since: at(5) });
  });

  it('puts the agent not ready (未应答) when an offer rings out unanswered', () => {
    const result = accept(ringing(), { type: 'offer_timed_out', at: at(22), callId: 'c1' });
    expect(result.agent).toMatchObject({ state: 'not_ready', notReadyReason: 'no_answer', callId: null });
    expect(result.effects).toEqual([]);
  });

  it('refuses to answer when no call is ringing, and a fact about another call', () => {
    const error = expectRefused(
      signedIn(),
      { type: 'call_answered', at: at(5), callId: 'c1' },
      'NO_CALL_RINGING',
    );
    expect(error.message).toEqual({ 'zh-CN': '没有振铃的来电', 'en-US': 'No call is ringing' });
    expectRefused(ringing(), { type: 'call_answered', at: at(5), callId: 'old' }, 'WRONG_CALL');
    expectRefused(talking(), { type: 'call_ended', at: at(9), callId: 'old', wrapUpMs: 0 }, 'WRONG_CALL');
  });

  it('refuses hold when not in a call, and retrieve when not on hold', () => {
    expectRefused(signedIn(), { type: 'call_held', at: at(5), callId: 'c1' }, 'NOT_IN_CALL');
    expectRefused(held(), { type: 'call_held', at: at(5), callId: 'c1' }, 'ALREADY_ON_HOLD');
    expectRefused(talking(), { type: 'call_retrieved', at: at(5), callId: 'c1' }, 'NOT_ON_HOLD');
  });

  it('ends a held call straight into wrap-up when the customer hangs up on hold', () => {
    const result = accept(held(), { type: 'call_ended', at: at(30), callId: 'c1', wrapUpMs: 15_000 });
    expect(result.agent).toMatchObject({ state: 'after_call_work', callId: 'c1', wrapUpDeadline: at(45) });
    expect(result.effects).toEqual([{ type: 'start_wrap_up_timer', deadline: at(45) }]);
  });

  it('skips wrap-up when the wrap-up time is zero, and refuses a negative one', () => {
    expect(
      accept(talking(), { type: 'call_ended', at: at(9), callId: 'c1', wrapUpMs: 0 }).agent,
    ).toMatchObject({
      state: 'ready',
      callId: null,
    });
    expectRefused(
      talking(),
      { type: 'call_ended', at: at(9), callId: 'c1', wrapUpMs: -1 },
      'INVALID_WRAP_UP_TIME',
    );
  });

  it('lets the agent end wrap-up by hand, cancelling the timer (CTI-14)', () => {
    const result = accept(wrappingUp(), { type: 'wrap_up_finished', at: at(15) });
    expect(result.agent).toMatchObject({ state: 'ready', wrapUpDeadline: null, callId: null, since: at(15) });
    expect(result.effects).toEqual([{ type: 'cancel_wrap_up_timer' }]);
    const viaReady = accept(wrappingUp(), { type: 'set_ready', at: at(15) });
    expect(viaReady.agent.state).toBe('ready');
    expect(viaReady.effects).toEqual([{ type: 'cancel_wrap_up_timer' }]);
  });

  it('refuses a wrap-up timer that fires before the deadline (WRAP_UP_NOT_DUE)', () => {
    expectRefused(wrappingUp(), { type: 'wrap_up_timer_elapsed', at: at(39) }, 'WRAP_UP_NOT_DUE');
    const done = accept(wrappingUp(), { type: 'wrap_up_timer_elapsed', at: at(40) });
    expect(done.agent.state).toBe('ready');
    expect(done.effects).toEqual([]);
    expectRefused(signedIn(), { type: 'wrap_up_timer_elapsed', at: at(40) }, 'NOT_IN_AFTER_CALL_WORK');
  });

  it('returns an outbound caller to the state they dialled from (CTI-8)', () => {
    const fromRest = play(signedIn(), [
      { type: 'set_not_ready', at: at(2), reason: 'other' },
      { type: 'outbound_started', at: at(3), callId: 'o1' },
    ]);
    expect(fromRest).toMatchObject({ state: 'talking', callId: 'o1' });
    const after = accept(fromRest, { type: 'call_ended', at: at(60), callId: 'o1', wrapUpMs: 0 }).agent;
    expect(after).toMatchObject({ state: 'not_ready', notReadyReason: 'other' });
    expectRefused(talking(), { type: 'outbound_started', at: at(5), callId: 'o2' }, 'BUSY_ON_CALL');
    expectRefused(wrappingUp(), { type: 'outbound_started', at: at(12), callId: 'o2' }, 'IN_AFTER_CALL_WORK');
  });

  it('keeps the agent on hold, not offerable, while consulting with the customer held (CTI-6, CTI-11)', () => {
    const agent = held();
    const result = accept(agent, { type: 'outbound_started', at: at(6), callId: 'consult-1' });
    expect(result.agent).toMatchObject({ state: 'hold', callId: 'c1', since: at(4) });
    expect(isOfferable(result.agent)).toBe(false);
  });

  it('changes skills while signed in, even on a call, without changing state (CTI-15)', () => {
    const skills = [
      { skillGroupId: 2, level: 1 },
      { skillGroupId: 3, level: 5 },
    ];
    const result = accept(talking(), { type: 'change_skills', at: at(8), skills });
    expect(result.agent).toMatchObject({ state: 'talking', skills, since: at(3) });
    expectRefused(signedOutAgent(T0), { type: 'change_skills', at: at(8), skills }, 'NOT_SIGNED_IN');
  });

  it('counts an event stamped before the current state began at `since` (clock stepped back)', () => {
    const agent = talking();
    const ended = accept(agent, { type: 'call_ended', at: at(1), callId: 'c1', wrapUpMs: 0 }).agent;
    expect(ended.since).toEqual(agent.since);
    expect(historyRowFor(agent, ended)?.durationMs).toBe(0);
  });

  it('never mutates the agent it is given', () => {
    const agent = talking();
    const snapshot = structuredClone(agent);
    accept(agent, { type: 'call_held', at: at(9), callId: 'c1' });
    accept(agent, { type: 'set_not_ready', at: at(9), reason: 'meal' });
    expect(agent).toEqual(snapshot);
  });
});
