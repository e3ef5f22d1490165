import { type IvrFlowDefinitionInput, ivrFlowDefinitionSchema } from '@switchboard/shared';
import { describe, expect, it } from 'vitest';
import { DEMO_FLOW } from './demo-flow.ts';
import { validateFlow } from './flow-validator.ts';
import { SURVEY_FLOW } from './survey-flow.ts';

const flow = (input: IvrFlowDefinitionInput) => ivrFlowDefinitionSchema.parse(input);
const ok: IvrFlowDefinitionInput = {
  start: 'menu',
  humanTarget: { kind: 'queue', queueCode: 'general' },
  nodes: [
    {
      id: 'menu',
      type: 'menu',
      prompt: 'm',
      options: [{ digit: '1', next: 'bye' }],
      onTimeout: 'bye',
      onInvalid: 'bye',
    },
    { id: 'bye', type: 'hangup' },
  ],
};
const withNodes = (patch: (nodes: IvrFlowDefinitionInput['nodes']) => IvrFlowDefinitionInput['nodes']) =>
  flow({ ...ok, nodes: patch(structuredClone(ok.nodes)) });
const codes = (f: ReturnType<typeof flow>) => validateFlow(f).map((p) => [p.code, p.nodeId, p.field]);

describe('IVR-1 flow validation', () => {
  it('accepts a sound flow, the demo flow of access code 1000 and the demo survey', () => {
    expect(validateFlow(flow(ok))).toEqual([]);
    expect(validateFlow(DEMO_FLOW)).toEqual([]);
    expect(validateFlow(SURVEY_FLOW)).toEqual([]);
  });

  it('rejects an empty flow and a missing start', () => {
    expect(codes(flow({ ...ok, nodes: [] }))).toEqual([['no_nodes', null, 'nodes']]);
    expect(codes(flow({ ...ok, start: 'nope' }))).toEqual([['missing_start', null, 'start']]);
  });

  it('rejects a dangling exit and an unset exit, naming the node and field, in both languages', () => {
    const problems = validateFlow(
      withNodes((n) => {
        n[0] = {
          id: 'menu',
          type: 'menu',
          prompt: 'm',
          options: [{ digit: '1', next: 'ghost' }],
          onTimeout: '',
          onInvalid: 'bye',
        };
        return n;
      }),
    );
    expect(problems.map((p) => [p.code, p.nodeId, p.field])).toEqual([
      ['dangling_exit', 'menu', 'options[0].next'],
      ['unset_exit', 'menu', 'onTimeout'],
    ]);
    expect(problems[0]?.message['zh-CN']).toContain('ghost');
    expect(problems[0]?.message['en-US']).toBe('exit options[0].next points to missing node ghost');
  });

  it('rejects an unreachable node and a duplicate id', () => {
    expect(codes(withNodes((n) => [...n, { id: 'island', type: 'hangup' }]))).toEqual([
      ['unreachable', 'island', null],
    ]);
    expect(codes(withNodes((n) => [...n, { id: 'bye', type: 'hangup' }]))).toEqual([
      ['duplicate_id', 'bye', 'id'],
    ]);
  });

  it('rejects a menu without options, a key used twice and a key reserved for a human (ACD-7)', () => {
    const menu = (options: { digit: string; next: string }[]) =>
      withNodes((n) => {
        n[0] = { id: 'menu', type: 'menu', prompt: 'm', options, onTimeout: 'bye', onInvalid: 'bye' };
        return n;
      });
    expect(codes(menu([]))).toEqual([['menu_no_options', 'menu', 'options']]);
    expect(
      codes(
        menu([
          { digit: '1', next: 'bye' },
          { digit: '1', next: 'bye' },
        ]),
      ),
    ).toEqual([['menu_duplicate_digit', 'menu', 'options[1].digit']]);
    expect(codes(menu([{ digit: '0', next: 'bye' }]))).toEqual([
      ['menu_digit_is_human_key', 'menu', 'options[0].digit'],
    ]);
  });

  it('rejects a digit range upside down, a transfer without target and a human key without target', () => {
    expect(
      codes(
        withNodes((n) => [
          {
            id: 'menu',
            type: 'collect',
            prompt: 'p',
            minDigits: 6,
            maxDigits: 4,
            storeAs: 'x',
            next: 'q',
            onTimeout: 'bye',
          },
          { id: 'q', type: 'transfer', target: { kind: 'queue', queueCode: ' ' } },
          ...n.slice(1),
        ]),
      ),
    ).toEqual([
      ['collect_digit_range', 'menu', 'minDigits'],
      ['empty_target', 'q', 'target'],
    ]);
    expect(codes(flow({ ...ok, humanTarget: null }))).toEqual([['no_human_target', null, 'humanTarget']]);
    expect(codes(flow({ ...ok, humanKey: null, humanTarget: null }))).toEqual([]);
  });
});
