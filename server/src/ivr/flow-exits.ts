import type { IvrNode } from '@switchboard/shared';

/** Every exit of a node, named by the field it sits in (e.g. `options[1].next`, `onTimeout`). */
export function exitsOf(node: IvrNode): { field: string; target: string }[] {
  switch (node.type) {
    case 'play':
    case 'set_data':
    case 'readout':
      return [{ field: 'next', target: node.next }];
    case 'query':
      return [
        { field: 'next', target: node.next },
        { field: 'onError', target: node.onError },
      ];
    case 'menu':
      return [
        ...node.options.map((o, i) => ({ field: `options[${i}].next`, target: o.next })),
        { field: 'onTimeout', target: node.onTimeout },
        { field: 'onInvalid', target: node.onInvalid },
      ];
    case 'collect':
      return [
        { field: 'next', target: node.next },
        { field: 'onTimeout', target: node.onTimeout },
      ];
    case 'branch':
      return [
        ...node.conditions.map((c, i) => ({ field: `conditions[${i}].next`, target: c.next })),
        { field: 'otherwise', target: node.otherwise },
      ];
    case 'verify_password':
      return [
        { field: 'onOk', target: node.onOk },
        { field: 'onFail', target: node.onFail },
        { field: 'onLocked', target: node.onLocked },
      ];
    case 'set_password':
      return [
        { field: 'onOk', target: node.onOk },
        { field: 'onFail', target: node.onFail },
      ];
    case 'transfer':
    case 'voicemail':
    case 'hangup':
      return [];
  }
}
