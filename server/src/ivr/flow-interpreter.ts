import type {
  IvrExitClass,
  IvrFlowDefinition,
  IvrLogEvent,
  IvrNode,
  IvrNodeExitReason,
  IvrTransferTarget,
} from '@switchboard/shared';
import { sayValue } from './number-speech.ts';

// The flow interpreter as a pure step function (IVR-1): (flow, state, event) → (state, actions).
// The runtime performs the actions (play, collect timer, query, transfer …) on the switch and
// feeds their outcome back as events. Every step also emits `log` actions: the IVR log (IVR-3).

export type IvrOutcome =
  | { kind: 'transfer'; target: IvrTransferTarget; human: boolean }
  | { kind: 'voicemail' }
  | { kind: 'hangup' }
  | { kind: 'caller_hangup' }
  | { kind: 'system_release'; reason: string };

export type IvrWait = 'prompt' | 'digits' | 'query' | 'password' | null;

export type IvrState = {
  status: 'running' | 'ended';
  nodeId: string | null;
  wait: IvrWait;
  promptPlaying: boolean;
  /** Tries used at the current menu/collect node. */
  tries: number;
  digits: string;
  vars: Record<string, string>;
  service: string | null;
  served: boolean;
  path: string[];
  outcome: IvrOutcome | null;
};

export type IvrEvent =
  | { type: 'start'; vars?: Record<string, string> }
  | { type: 'dtmf'; digit: string }
  | { type: 'prompt_finished' }
  | { type: 'timeout' }
  | { type: 'query_result'; ok: boolean; values?: Record<string, string> }
  | { type: 'password_result'; result: 'ok' | 'fail' | 'locked' }
  | { type: 'hangup' };

export type IvrAction =
  | { type: 'play'; prompts: string[]; interruptible: boolean }
  | { type: 'stop_prompt' }
  | { type: 'start_timer'; ms: number }
  | { type: 'cancel_timer' }
  | { type: 'query'; system: string; vars: Record<string, string> }
  | { type: 'verify_password'; digits: string }
  | { type: 'set_password'; digits: string }
  | { type: 'transfer'; target: IvrTransferTarget; human: boolean }
  | { type: 'voicemail' }
  | { type: 'hangup' }
  | { type: 'log'; event: IvrLogEvent; nodeId: string | null; detail: Record<string, unknown> };

export type StepResult = { state: IvrState; actions: IvrAction[] };

/** Nodes passed through in one step before the flow is judged to loop. */
const MAX_HOPS = 50;

export function initialState(): IvrState {
  return {
    status: 'running',
    nodeId: null,
    wait: null,
    promptPlaying: false,
    tries: 0,
    digits: '',
    vars: {},
    service: null,
    served: false,
    path: [],
    outcome: null,
  };
}

/** IVR-5: how the call left the IVR, before any queue outcome is known. */
export function exitClassOf(state: IvrState): IvrExitClass | null {
  const o = state.outcome;
  if (o === null) return null;
  if (o.kind === 'transfer') return 'transferred_agent';
  if (o.kind === 'voicemail') return 'self_served';
  return state.served ? 'self_served' : 'abandoned_ivr';
}

const interpolate = (text: string, vars: Record<string, string>) =>
  text.replace(/\{([A-Za-z0-9_.]+)\}/g, (_, k: string) => vars[k] ?? '');

function compare(
  op: 'eq' | 'ne' | 'gt' | 'lt' | 'set',
  actual: string | undefined,
  expected: string,
): boolean {
  if (op === 'set') return actual !== undefined && actual !== '';
  if (actual === undefined) return op === 'ne';
  if (op === 'eq') return actual === expected;
  if (op === 'ne') return actual !== expected;
  const a = Number(actual);
  const b = Number(expected);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return op === 'gt' ? a > b : a < b;
}

class Stepper {
  readonly actions: IvrAction[] = [];
  private hops = 0;
  constructor(
    private readonly flow: IvrFlowDefinition,
    readonly state: IvrState,
  ) {}

  private readonly nodes = new Map<string, IvrNode>();
  node(): IvrNode | undefined {
    if (this.nodes.size === 0) for (const n of this.flow.nodes) this.nodes.set(n.id, n);
    return this.state.nodeId === null ? undefined : this.nodes.get(this.state.nodeId);
  }

  log(event: IvrLogEvent, detail: Record<string, unknown> = {}): void {
    this.actions.push({ type: 'log', event, nodeId: this.state.nodeId, detail });
  }

  /** Leaves the current node for `next` with the end reason; runs `next` at once. */
  leave(reason: IvrNodeExitReason, next: string | null, detail: Record<string, unknown> = {}): void {
    if (this.state.promptPlaying) this.stopPrompt();
    if (this.state.wait === 'digits') this.actions.push({ type: 'cancel_timer' });
    this.log('node_exit', { reason, next, ...detail });
    this.state.wait = null;
    if (next !== null) this.enter(next);
  }

  stopPrompt(): void {
    this.actions.push({ type: 'stop_prompt' });
    this.log('prompt_interrupted');
    this.state.promptPlaying = false;
  }

  play(prompts: string[], interruptible: boolean): void {
    const list = prompts.filter((p) => p !== '');
    if (list.length === 0) return;
    this.actions.push({ type: 'play', prompts: list, interruptible });
    this.log('prompt_started', { prompts: list });
    this.state.promptPlaying = true;
  }

  end(outcome: IvrOutcome): void {
    this.state.status = 'ended';
    this.state.wait = null;
    this.state.outcome = outcome;
  }

  release(reason: string): void {
    this.log('system_release', { reason });
    this.log('node_exit', { reason: 'error', next: null });
    this.end({ kind: 'system_release', reason });
    this.actions.push({ type: 'hangup' });
  }

  human(): void {
    const target = this.flow.humanTarget;
    if (target === null) {
      this.release('no_human_target');
      return;
    }
    this.leave('human_key', null);
    this.log('transfer', { target, human: true });
    this.end({ kind: 'transfer', target, human: true });
    this.actions.push({ type: 'transfer', target, human: true });
  }

  enter(id: string): void {
    this.hops += 1;
    this.state.nodeId = id;
    const node = this.node();
    if (node === undefined) {
      this.release(`missing_node:${id}`);
      return;
    }
    if (this.hops > MAX_HOPS) {
      this.release('loop');
      return;
    }
    this.state.tries = 0;
    this.state.digits = '';
    this.state.path.push(id);
    if (node.service !== undefined && this.state.service === null) this.state.service = node.service;
    if (node.served) this.state.served = true;
    this.log('node_enter', { type: node.type });
    const s = this.state;
    switch (node.type) {
      case 'play':
        this.play([interpolate(node.prompt, s.vars)], false);
        if (s.promptPlaying) s.wait = 'prompt';
        else this.leave('prompt_finished', node.next);
        return;
      case 'set_data':
        s.vars[node.key] = interpolate(node.value, s.vars);
        this.leave('done', node.next);
        return;
      case 'query':
        s.wait = 'query';
        this.actions.push({ type: 'query', system: node.system, vars: { ...s.vars } });
        return;
      case 'menu':
      case 'collect':
        this.prompt(node, []);
        return;
      case 'branch': {
        const i = node.conditions.findIndex((c) =>
          compare(c.op, s.vars[c.key], interpolate(c.value, s.vars)),
        );
        const next = i >= 0 ? (node.conditions[i]?.next ?? node.otherwise) : node.otherwise;
        this.log('branch', { condition: i, next });
        this.leave('done', next);
        return;
      }
      case 'readout': {
        const value = s.vars[node.valueKey];
        this.play([node.prompt, ...(value === undefined ? [] : sayValue(value, node.format))], false);
        if (s.promptPlaying) s.wait = 'prompt';
        else this.leave('prompt_finished', node.next);
        return;
      }
      case 'verify_password':
      case 'set_password': {
        const digits = s.vars[node.digitsKey] ?? '';
        delete s.vars[node.digitsKey];
        s.wait = 'password';
        this.actions.push({ type: node.type, digits });
        return;
      }
      case 'transfer':
        this.play([node.prompt], false);
        this.log('transfer', { target: node.target, human: false });
        this.log('node_exit', { reason: 'done', next: null });
        this.end({ kind: 'transfer', target: node.target, human: false });
        this.actions.push({ type: 'transfer', target: node.target, human: false });
        return;
      case 'voicemail':
        this.play([node.prompt], false);
        this.log('node_exit', { reason: 'done', next: null });
        this.end({ kind: 'voicemail' });
        this.actions.push({ type: 'voicemail' });
        return;
      case 'hangup':
        this.play([node.prompt], false);
        this.log('node_exit', { reason: 'done', next: null });
        this.end({ kind: 'hangup' });
        this.actions.push({ type: 'hangup' });
        return;
    }
  }

  /** (Re)plays a menu/collect prompt, with the error prompt first on a retry. */
  prompt(node: IvrNode & { type: 'menu' | 'collect' }, before: string[]): void {
    this.state.digits = '';
    this.state.wait = 'digits';
    this.play([...before, interpolate(node.prompt, this.state.vars)], true);
    if (!this.state.promptPlaying) this.actions.push({ type: 'start_timer', ms: node.timeoutMs });
  }

  /** A timeout or a wrong key: retry with the error prompt, or take the node's failure exit. */
  retry(node: IvrNode & { type: 'menu' | 'collect' }, reason: 'key_timeout' | 'error'): void {
    this.state.tries += 1;
    const retries = node.type === 'menu' ? node.retries : 2;
    if (this.state.tries > retries) {
      const next = reason === 'error' && node.type === 'menu' ? node.onInvalid : node.onTimeout;
      this.leave(reason, next);
      return;
    }
    const errorPrompt = node.type === 'menu' ? node.errorPrompt : 'ivr/invalid';
    this.log('error_prompt', { prompt: errorPrompt, try: this.state.tries });
    this.prompt(node, [errorPrompt]);
  }

  onDigits(event: { type: 'dtmf'; digit: string } | { type: 'timeout' }): void {
    const node = this.node();
    if (node === undefined || (node.type !== 'menu' && node.type !== 'collect')) return;
    const s = this.state;
    if (event.type === 'timeout') {
      this.log('timeout', {
        digits: node.type === 'collect' && node.secret ? '*'.repeat(s.digits.length) : s.digits,
      });
      if (node.type === 'collect') {
        if (s.digits.length >= node.minDigits) {
          this.collected(node);
          return;
        }
        if (s.digits !== '' && s.digits === this.flow.humanKey) {
          this.human();
          return;
        }
      }
      this.retry(node, 'key_timeout');
      return;
    }
    const { digit } = event;
    const secret = node.type === 'collect' && node.secret;
    this.log('key_press', { digit: secret ? '*' : digit });
    if (s.promptPlaying) this.stopPrompt();
    else this.actions.push({ type: 'cancel_timer' });
    if (node.type === 'menu') {
      if (digit === this.flow.humanKey) {
        this.human();
        return;
      }
      const option = node.options.find((o) => o.digit === digit);
      if (option === undefined) {
        this.retry(node, 'error');
        return;
      }
      this.log('branch', { digit, next: option.next });
      this.leave('digits_collected', option.next, { digit });
      return;
    }
    if (node.terminator !== undefined && digit === node.terminator) {
      if (s.digits !== '' && s.digits === this.flow.humanKey) {
        this.human();
        return;
      }
      if (s.digits.length >= node.minDigits) {
        this.collected(node);
        return;
      }
      this.retry(node, 'error');
      return;
    }
    s.digits += digit;
    if (s.digits.length >= node.maxDigits) {
      this.collected(node);
      return;
    }
    this.actions.push({ type: 'start_timer', ms: node.timeoutMs });
  }

  collected(node: IvrNode & { type: 'collect' }): void {
    this.state.vars[node.storeAs] = this.state.digits;
    this.log('digits_collected', { key: node.storeAs, digits: node.secret ? '******' : this.state.digits });
    this.leave('digits_collected', node.next);
  }
}

export function step(flow: IvrFlowDefinition, previous: IvrState, event: IvrEvent): StepResult {
  const state: IvrState = structuredClone(previous);
  const s = new Stepper(flow, state);
  if (state.status === 'ended') return { state, actions: [] };
  if (event.type === 'start') {
    if (state.nodeId !== null) return { state, actions: [] };
    Object.assign(state.vars, event.vars ?? {});
    s.enter(flow.start);
    return { state, actions: s.actions };
  }
  if (event.type === 'hangup') {
    if (state.promptPlaying) s.log('prompt_interrupted');
    state.promptPlaying = false;
    s.log('caller_hangup');
    s.log('node_exit', { reason: 'caller_hangup', next: null });
    s.end({ kind: 'caller_hangup' });
    return { state, actions: s.actions };
  }
  const node = s.node();
  if (node === undefined) return { state, actions: [] };
  switch (event.type) {
    case 'prompt_finished':
      if (!state.promptPlaying) break;
      state.promptPlaying = false;
      s.log('prompt_finished');
      if (state.wait === 'prompt' && 'next' in node) s.leave('prompt_finished', node.next);
      else if (state.wait === 'digits' && (node.type === 'menu' || node.type === 'collect'))
        s.actions.push({ type: 'start_timer', ms: node.timeoutMs });
      break;
    case 'dtmf':
    case 'timeout':
      if (state.wait === 'digits') s.onDigits(event);
      else if (event.type === 'dtmf' && state.wait === 'prompt' && event.digit === flow.humanKey) {
        s.log('key_press', { digit: event.digit });
        s.human();
      } else if (event.type === 'dtmf') s.log('key_press', { digit: event.digit, ignored: true });
      break;
    case 'query_result':
      if (state.wait !== 'query' || node.type !== 'query') break;
      if (!event.ok) {
        s.log('error_prompt', { system: node.system });
        s.leave('error', node.onError);
        break;
      }
      for (const [k, v] of Object.entries(event.values ?? {})) state.vars[`${node.resultKey}.${k}`] = v;
      s.leave('done', node.next);
      break;
    case 'password_result': {
      if (state.wait !== 'password') break;
      s.log('password', { kind: node.type, result: event.result });
      if (node.type === 'verify_password') {
        const next =
          event.result === 'ok' ? node.onOk : event.result === 'locked' ? node.onLocked : node.onFail;
        s.leave(event.result === 'ok' ? 'done' : 'error', next);
      } else if (node.type === 'set_password') {
        s.leave(event.result === 'ok' ? 'done' : 'error', event.result === 'ok' ? node.onOk : node.onFail);
      }
      break;
    }
  }
  return { state, actions: s.actions };
}
