import type { IvrNode, IvrNodeType } from '@switchboard/shared';

/** A fresh node of each type, exits unset (validation points them out until filled). */
export function newNode(type: IvrNodeType, id: string): IvrNode {
  const base = { id, name: '' };
  switch (type) {
    case 'play':
      return { ...base, type, prompt: '', next: '' };
    case 'set_data':
      return { ...base, type, key: 'key', value: '', next: '' };
    case 'query':
      return { ...base, type, system: 'bill', resultKey: 'bill', next: '', onError: '' };
    case 'menu':
      return {
        ...base,
        type,
        prompt: '',
        options: [],
        timeoutMs: 5000,
        retries: 2,
        errorPrompt: 'ivr/invalid',
        onTimeout: '',
        onInvalid: '',
      };
    case 'collect':
      return {
        ...base,
        type,
        prompt: '',
        minDigits: 1,
        maxDigits: 6,
        timeoutMs: 5000,
        storeAs: 'digits',
        secret: false,
        next: '',
        onTimeout: '',
      };
    case 'branch':
      return { ...base, type, conditions: [], otherwise: '' };
    case 'readout':
      return { ...base, type, prompt: '', valueKey: '', format: 'amount', next: '' };
    case 'verify_password':
      return { ...base, type, digitsKey: 'password', onOk: '', onFail: '', onLocked: '' };
    case 'set_password':
      return { ...base, type, digitsKey: 'newPassword', onOk: '', onFail: '' };
    case 'transfer':
      return { ...base, type, prompt: '', target: { kind: 'queue', queueCode: '' } };
    case 'voicemail':
      return { ...base, type, prompt: '' };
    case 'hangup':
      return { ...base, type, prompt: '' };
  }
}

export const NODE_TYPES: IvrNodeType[] = [
  'play',
  'set_data',
  'query',
  'menu',
  'collect',
  'branch',
  'readout',
  'verify_password',
  'set_password',
  'transfer',
  'voicemail',
  'hangup',
];

/** Fields of a node that name the next node. */
export const EXIT_FIELDS = new Set([
  'next',
  'onError',
  'onTimeout',
  'onInvalid',
  'otherwise',
  'onOk',
  'onFail',
  'onLocked',
]);

/** The node ids a node leads to, for the node list. */
export function exitsOfNode(node: IvrNode): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(node))
    if (EXIT_FIELDS.has(key) && typeof value === 'string') out.push(value || '∅');
  if (node.type === 'menu') for (const o of node.options) out.push(`${o.digit}→${o.next || '∅'}`);
  if (node.type === 'branch') for (const c of node.conditions) out.push(`${c.key}→${c.next || '∅'}`);
  return out;
}

/** The keys of a telephone keypad, for menu options, the human key and terminators. */
export const KEYPAD = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*', '#'] as const;

/** A node as offered in a "next node" select. */
export type NodeChoice = { id: string; name: string };

export const nodeOptions = (nodes: NodeChoice[]) =>
  nodes.map((n) => ({ value: n.id, label: n.name ? `${n.id} · ${n.name}` : n.id }));
