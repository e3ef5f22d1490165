import { describe, expect, it } from 'vitest';
import { accept, at, play, signedIn, T0, talking } from './agent-state.fixtures.ts';
import { AGENT_STATE_LABELS, AGENT_STATES, signedOutAgent } from './agent-state.ts';
import { closeOpenPeriod, historyRowFor } from './history.ts';
import { NOT_READY_REASON_LABELS, NOT_READY_REASONS } from './reasons.ts';

describe('agent state history', () => {
  it('closes the previous period with its duration and reason', () => {
    const before = play(signedIn(), [{ type: 'set_not_ready', at: at(10), reason: 'meal' }]);
    const after = accept(before, { type: 'set_ready', at: at(70) }).agent;
    expect(historyRowFor(before, after)).toEqual({
      state: 'not_ready',
      reason: 'meal',
      callId: null,
      startedAt: at(10),
      endedAt: at(70),
      durationMs: 60_000,
      endCause: 'state_change',
    });
  });

  it('writes a row when only the not-ready reason changes, none when nothing changed', () => {
    const meal = play(signedIn(), [{ type: 'set_not_ready', at: at(10), reason: 'meal' }]);
    const training = accept(meal, { type: 'set_not_ready', at: at(20), reason: 'training' }).agent;
    expect(historyRowFor(meal, training)).toMatchObject({ reason: 'meal', durationMs: 10_000 });
    const pending = accept(talking(), { type: 'set_not_ready', at: at(5), reason: 'meal' }).agent;
    expect(historyRowFor(talking(), pending)).toBeNull();
  });

  it('writes no row for signed-out time', () => {
    expect(historyRowFor(signedOutAgent(T0), signedIn())).toBeNull();
  });

  it('closes the open period on server restart', () => {
    expect(closeOpenPeriod(talking(), at(63), 'system_restart')).toMatchObject({
      state: 'talking',
      callId: 'c1',
      durationMs: 60_000,
      endCause: 'system_restart',
    });
    expect(closeOpenPeriod(signedOutAgent(T0), at(63), 'system_restart')).toBeNull();
  });
});

describe('labels', () => {
  it('names every state and reason in zh-CN and en-US', () => {
    for (const state of AGENT_STATES) expect(AGENT_STATE_LABELS[state]['zh-CN']).not.toBe('');
    for (const reason of NOT_READY_REASONS) expect(NOT_READY_REASON_LABELS[reason]['en-US']).not.toBe('');
    expect(AGENT_STATE_LABELS.after_call_work['zh-CN']).toBe('整理');
    expect(NOT_READY_REASON_LABELS.no_answer['zh-CN']).toBe('未应答');
  });
});
