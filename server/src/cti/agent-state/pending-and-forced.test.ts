import { describe, expect, it } from 'vitest';
import {
  accept,
  at,
  boss,
  expectRefused,
  play,
  ringing,
  signedIn,
  talking,
  wrappingUp,
} from './agent-state.fixtures.ts';

describe('pending ready / not-ready requests and supervisor forces (CTI-2, CTI-14, SUP-5)', () => {
  it('applies a not-ready asked for during the call when wrap-up ends (示忙 after this call)', () => {
    const asked = accept(talking(), { type: 'set_not_ready', at: at(5), reason: 'short_break' });
    expect(asked.agent).toMatchObject({ state: 'talking', since: at(3) });
    expect(asked.effects).toEqual([]);
    const ended = play(asked.agent, [
      { type: 'call_ended', at: at(10), callId: 'c1', wrapUpMs: 30_000 },
      { type: 'wrap_up_timer_elapsed', at: at(40) },
    ]);
    expect(ended).toMatchObject({ state: 'not_ready', notReadyReason: 'short_break' });
  });

  it('keeps wrap-up running when the agent asks for not ready during it, then applies it', () => {
    const asked = accept(wrappingUp(), { type: 'set_not_ready', at: at(12), reason: 'meal' });
    expect(asked.agent).toMatchObject({ state: 'after_call_work', since: at(10) });
    expect(accept(asked.agent, { type: 'wrap_up_finished', at: at(20) }).agent).toMatchObject({
      state: 'not_ready',
      notReadyReason: 'meal',
    });
  });

  it('clears a pending not-ready when the agent sets ready again during the call', () => {
    const agent = play(talking(), [
      { type: 'set_not_ready', at: at(5), reason: 'meal' },
      { type: 'set_ready', at: at(6) },
      { type: 'call_ended', at: at(10), callId: 'c1', wrapUpMs: 0 },
    ]);
    expect(agent.state).toBe('ready');
  });

  it('applies a not-ready asked for while ringing when the caller abandons', () => {
    const agent = play(ringing(), [
      { type: 'set_not_ready', at: at(3), reason: 'training' },
      { type: 'offer_withdrawn', at: at(4), callId: 'c1' },
    ]);
    expect(agent).toMatchObject({ state: 'not_ready', notReadyReason: 'training' });
  });

  it('lets a supervisor force an idle agent not ready and ready again, naming who (SUP-5, SUP-6)', () => {
    const forced = accept(signedIn(), { type: 'force_not_ready', at: at(5), by: boss });
    expect(forced.agent).toMatchObject({ state: 'not_ready', notReadyReason: 'forced' });
    expect(forced.effects).toEqual([
      { type: 'notify_supervisors', kind: 'rest_started', reason: 'forced', by: boss },
    ]);
    const paused = accept(signedIn(), { type: 'force_pause', at: at(5), by: boss });
    expect(paused.agent).toMatchObject({ state: 'not_ready', notReadyReason: 'forced' });
    const resumed = accept(forced.agent, { type: 'force_ready', at: at(9), by: boss });
    expect(resumed.agent.state).toBe('ready');
  });

  it('makes a forced not-ready during a call pending until the call is over', () => {
    const agent = accept(talking(), { type: 'force_not_ready', at: at(5), by: boss }).agent;
    expect(agent.state).toBe('talking');
    const after = accept(agent, { type: 'call_ended', at: at(10), callId: 'c1', wrapUpMs: 0 }).agent;
    expect(after).toMatchObject({ state: 'not_ready', notReadyReason: 'forced' });
  });

  it('ends wrap-up when a supervisor forces the agent ready', () => {
    expect(accept(wrappingUp(), { type: 'force_ready', at: at(12), by: boss }).agent.state).toBe('ready');
  });

  it('refuses a force sign-out during a call until it is force-released (SUP-4, SUP-5)', () => {
    expectRefused(talking(), { type: 'force_sign_out', at: at(5), by: boss }, 'BUSY_ON_CALL');
    const out = accept(signedIn(false), { type: 'force_sign_out', at: at(5), by: boss });
    expect(out.agent.state).toBe('signed_out');
    expect(out.effects).toEqual([{ type: 'notify_supervisors', kind: 'signed_out', reason: null, by: boss }]);
  });
});
