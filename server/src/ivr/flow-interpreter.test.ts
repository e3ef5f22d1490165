import { describe, expect, it } from 'vitest';
import { DEMO_FLOW } from './demo-flow.ts';
import { exitClassOf, type IvrAction, type IvrEvent, initialState, step } from './flow-interpreter.ts';

/** Runs events through the demo flow; returns the final state and every action. */
function run(events: IvrEvent[]) {
  let state = initialState();
  const actions: IvrAction[] = [];
  for (const event of [{ type: 'start' } as IvrEvent, ...events]) {
    const r = step(DEMO_FLOW, state, event);
    state = r.state;
    actions.push(...r.actions);
  }
  const logs = actions.filter((a) => a.type === 'log');
  const others = actions.filter((a) => a.type !== 'log');
  return { state, others, logs, events: logs.map((l) => `${l.nodeId}:${l.event}`) };
}
const dtmf = (digits: string): IvrEvent[] => [...digits].map((digit) => ({ type: 'dtmf', digit }));
const done: IvrEvent = { type: 'prompt_finished' };

describe('IVR-1 interpreter (pure step function) on the demo flow', () => {
  it('plays the welcome, then the menu prompt interruptible, with the key timer after the prompt', () => {
    const { others, state } = run([done]);
    expect(others).toEqual([
      { type: 'play', prompts: ['ivr/welcome'], interruptible: false },
      { type: 'play', prompts: ['ivr/main_menu'], interruptible: true },
    ]);
    expect(state.nodeId).toBe('main_menu');
    const after = step(DEMO_FLOW, state, done);
    expect(after.actions.filter((a) => a.type !== 'log')).toEqual([{ type: 'start_timer', ms: 5000 }]);
  });

  it('bill query: password collected and verified, bill queried and read out in Chinese, self-served (IVR-2, IVR-5)', () => {
    const r = run([
      done,
      ...dtmf('1'),
      ...dtmf('123456'),
      { type: 'password_result', result: 'ok' },
      { type: 'query_result', ok: true, values: { amount: '86.5' } },
      done,
      { type: 'hangup' },
    ]);
    expect(r.others).toContainEqual({ type: 'verify_password', digits: '123456' });
    expect(r.others).toContainEqual({ type: 'query', system: 'bill', vars: {} });
    expect(r.others).toContainEqual({
      type: 'play',
      prompts: ['bill/your_amount_is', 'num/80', 'num/6', 'unit/yuan', 'num/5', 'unit/jiao'].flatMap((p) =>
        p === 'num/80' ? ['num/8', 'num/10'] : [p],
      ),
      interruptible: false,
    });
    expect(r.state.path).toEqual([
      'welcome',
      'main_menu',
      'bill_password',
      'bill_verify',
      'bill_query',
      'bill_readout',
      'bill_after',
    ]);
    expect(r.state.service).toBe('bill');
    expect(exitClassOf(r.state)).toBe('self_served');
    // the password never appears in the log or the state
    expect(JSON.stringify(r.logs)).not.toContain('123456');
    expect(JSON.stringify(r.state)).not.toContain('123456');
    expect(r.events).toContain('main_menu:prompt_interrupted');
  });

  it("ACD-7: '0' goes to a human during a prompt, from the main menu and while the password is being collected", () => {
    const duringWelcome = run([...dtmf('0')]);
    expect(duringWelcome.state.outcome?.kind).toBe('transfer');
    expect(duringWelcome.events).toContain('welcome:prompt_interrupted');
    const otherKeyInWelcome = run([...dtmf('5')]);
    expect(otherKeyInWelcome.state.nodeId).toBe('welcome');
    const fromMenu = run([done, ...dtmf('0')]);
    expect(fromMenu.others.at(-1)).toEqual({
      type: 'transfer',
      target: { kind: 'queue', queueCode: 'GENERAL' },
      human: true,
    });
    expect(exitClassOf(fromMenu.state)).toBe('transferred_agent');
    const fromPassword = run([done, ...dtmf('1'), done, ...dtmf('0#')]);
    expect(fromPassword.state.outcome).toEqual({
      kind: 'transfer',
      target: { kind: 'queue', queueCode: 'GENERAL' },
      human: true,
    });
    const zeroThenWait = run([done, ...dtmf('1'), done, ...dtmf('0'), { type: 'timeout' }]);
    expect(zeroThenWait.state.outcome?.kind).toBe('transfer');
  });

  it('wrong keys and timeouts: error prompt and retry, then the failure exit (IVR-3 log)', () => {
    const r = run([done, ...dtmf('7'), done, { type: 'timeout' }, done, ...dtmf('8')]);
    expect(r.events.filter((e) => e === 'main_menu:error_prompt')).toHaveLength(2);
    expect(r.events).toContain('main_menu:timeout');
    expect(r.others).toContainEqual({
      type: 'play',
      prompts: ['ivr/invalid', 'ivr/main_menu'],
      interruptible: true,
    });
    // third mistake: onInvalid → to_human
    expect(r.state.path.at(-1)).toBe('to_human');
    expect(r.state.outcome).toEqual({
      kind: 'transfer',
      target: { kind: 'queue', queueCode: 'GENERAL' },
      human: false,
    });
    const exit = r.logs.find((l) => l.type === 'log' && l.event === 'node_exit' && l.nodeId === 'main_menu');
    expect(exit).toMatchObject({ detail: { reason: 'error', next: 'to_human' } });
  });

  it('silence at the main menu ends with goodbye: the caller was not served (abandoned in IVR)', () => {
    const r = run([done, { type: 'timeout' }, done, { type: 'timeout' }, done, { type: 'timeout' }]);
    expect(r.state.path.at(-1)).toBe('goodbye');
    expect(r.others.at(-1)).toEqual({ type: 'hangup' });
    expect(exitClassOf(r.state)).toBe('abandoned_ivr');
  });

  it('a locked password leads to a human; a wrong one asks again; a failing query releases to a human', () => {
    const locked = run([
      done,
      ...dtmf('1'),
      ...dtmf('111111'),
      { type: 'password_result', result: 'locked' },
      done,
    ]);
    expect(locked.state.path.slice(-2)).toEqual(['bill_locked', 'to_human']);
    const wrong = run([
      done,
      ...dtmf('1'),
      ...dtmf('111111'),
      { type: 'password_result', result: 'fail' },
      done,
    ]);
    expect(wrong.state.nodeId).toBe('bill_password');
    expect(wrong.events).toContain('bill_verify:password');
    const failing = run([
      done,
      ...dtmf('1'),
      ...dtmf('123456'),
      { type: 'password_result', result: 'ok' },
      { type: 'query_result', ok: false },
      done,
    ]);
    expect(failing.events).toContain('bill_query:error_prompt');
    expect(failing.state.path.slice(-2)).toEqual(['bill_unavailable', 'to_human']);
  });

  it('caller hangup mid-prompt logs the interrupted prompt and the hangup at its node', () => {
    const r = run([{ type: 'hangup' }]);
    expect(r.events.slice(-3)).toEqual([
      'welcome:prompt_interrupted',
      'welcome:caller_hangup',
      'welcome:node_exit',
    ]);
    expect(exitClassOf(r.state)).toBe('abandoned_ivr');
    // events after the end change nothing
    expect(step(DEMO_FLOW, r.state, { type: 'dtmf', digit: '1' }).actions).toEqual([]);
  });

  it('sets a new service password from the IVR (IVR-2)', () => {
    const r = run([done, ...dtmf('9'), ...dtmf('654321'), { type: 'password_result', result: 'ok' }, done]);
    expect(r.others).toContainEqual({ type: 'set_password', digits: '654321' });
    expect(r.state.path.slice(-2)).toEqual(['password_set', 'goodbye']);
    expect(exitClassOf(r.state)).toBe('self_served');
  });

  it('releases the call on a loop of instant nodes rather than spinning', () => {
    const loop = {
      start: 'a',
      humanKey: null,
      humanTarget: null,
      nodes: [
        { id: 'a', name: '', type: 'set_data' as const, key: 'x', value: '1', next: 'b' },
        { id: 'b', name: '', type: 'set_data' as const, key: 'x', value: '2', next: 'a' },
      ],
    };
    const r = step(loop, initialState(), { type: 'start' });
    expect(r.state.outcome).toEqual({ kind: 'system_release', reason: 'loop' });
    expect(r.actions.at(-1)).toEqual({ type: 'hangup' });
  });
});
