import type {
  IvrFlowDefinition,
  IvrTransferTarget,
  IvrValidationProblem,
  IvrValidationProblemCode,
} from '@switchboard/shared';
import { exitsOf } from './flow-exits.ts';

// Checks a flow before it is published (IVR-1): no dangling or unset exit, every node reachable
// from the start, every menu key and timeout handled, the human key (ACD-7) usable. Each problem
// names the node and field concerned, in Chinese and English, so the editor shows it in place.

type Problem = IvrValidationProblem & { code: IvrValidationProblemCode };

const problem = (
  code: IvrValidationProblemCode,
  nodeId: string | null,
  field: string | null,
  zh: string,
  en: string,
): Problem => ({ code, nodeId, field, message: { 'zh-CN': zh, 'en-US': en } });

const targetEmpty = (t: IvrTransferTarget): boolean =>
  (t.kind === 'queue' && t.queueCode.trim() === '') ||
  (t.kind === 'agent' && t.employeeNo.trim() === '') ||
  (t.kind === 'number' && t.number.trim() === '');

export function validateFlow(flow: IvrFlowDefinition): Problem[] {
  const problems: Problem[] = [];
  if (flow.nodes.length === 0) {
    return [problem('no_nodes', null, 'nodes', '流程没有任何节点', 'the flow has no nodes')];
  }
  const ids = new Map<string, number>();
  for (const node of flow.nodes) ids.set(node.id, (ids.get(node.id) ?? 0) + 1);
  for (const [id, n] of ids) {
    if (n > 1)
      problems.push(
        problem('duplicate_id', id, 'id', `节点编号 ${id} 重复`, `node id ${id} is used ${n} times`),
      );
  }
  if (!ids.has(flow.start)) {
    problems.push(
      problem(
        'missing_start',
        null,
        'start',
        `起始节点 ${flow.start || '(空)'} 不存在`,
        `start node ${flow.start || '(empty)'} does not exist`,
      ),
    );
  }
  if (flow.humanKey !== null && (flow.humanTarget === null || targetEmpty(flow.humanTarget))) {
    problems.push(
      problem(
        'no_human_target',
        null,
        'humanTarget',
        '已设置转人工按键，但未指定转人工目标',
        'a human key is set but no human target',
      ),
    );
  }

  for (const node of flow.nodes) {
    for (const { field, target } of exitsOf(node)) {
      if (target.trim() === '') {
        problems.push(
          problem(
            'unset_exit',
            node.id,
            field,
            `出口 ${field} 未指定下一节点`,
            `exit ${field} has no next node`,
          ),
        );
      } else if (!ids.has(target)) {
        problems.push(
          problem(
            'dangling_exit',
            node.id,
            field,
            `出口 ${field} 指向不存在的节点 ${target}`,
            `exit ${field} points to missing node ${target}`,
          ),
        );
      }
    }
    if (node.type === 'menu') {
      if (node.options.length === 0) {
        problems.push(
          problem(
            'menu_no_options',
            node.id,
            'options',
            '菜单没有任何按键选项',
            'the menu has no key options',
          ),
        );
      }
      const seen = new Set<string>();
      for (const [i, o] of node.options.entries()) {
        if (seen.has(o.digit)) {
          problems.push(
            problem(
              'menu_duplicate_digit',
              node.id,
              `options[${i}].digit`,
              `按键 ${o.digit} 重复`,
              `key ${o.digit} is used twice`,
            ),
          );
        }
        seen.add(o.digit);
        if (o.digit === flow.humanKey) {
          problems.push(
            problem(
              'menu_digit_is_human_key',
              node.id,
              `options[${i}].digit`,
              `按键 ${o.digit} 已保留给转人工`,
              `key ${o.digit} is reserved for a human agent`,
            ),
          );
        }
      }
    }
    if (node.type === 'collect' && node.minDigits > node.maxDigits) {
      problems.push(
        problem(
          'collect_digit_range',
          node.id,
          'minDigits',
          '最少位数不能大于最多位数',
          'minDigits must not exceed maxDigits',
        ),
      );
    }
    if (node.type === 'transfer' && targetEmpty(node.target)) {
      problems.push(
        problem('empty_target', node.id, 'target', '未指定转接目标', 'the transfer has no target'),
      );
    }
  }

  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  const reached = new Set<string>();
  const stack = ids.has(flow.start) ? [flow.start] : [];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (reached.has(id)) continue;
    reached.add(id);
    const node = byId.get(id);
    if (node) for (const { target } of exitsOf(node)) if (byId.has(target)) stack.push(target);
  }
  if (ids.has(flow.start)) {
    for (const node of flow.nodes) {
      if (!reached.has(node.id)) {
        problems.push(
          problem(
            'unreachable',
            node.id,
            null,
            '从起始节点无法到达此节点',
            'no path from the start reaches this node',
          ),
        );
      }
    }
  }
  return problems;
}
