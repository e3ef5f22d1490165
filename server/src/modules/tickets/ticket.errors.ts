import { defineErrors, type Message } from '../../http/app-error.ts';
import type { TicketRefusal } from './machine/ticket-machine.ts';

export const TICKET_ERRORS = defineErrors({
  TICKET_WRONG_STATE: {
    status: 409,
    message: {
      'zh-CN': '工单当前状态（{state}）不允许此操作',
      'en-US': 'The ticket is in state {state}, which does not allow this',
    },
  },
  TICKET_NOT_OWNER: {
    status: 403,
    message: {
      'zh-CN': '只有首问坐席（或班长）可以处理此工单',
      'en-US': 'Only the first-contact agent (or a team lead) may do this',
    },
  },
  TICKET_NOT_DEPARTMENT_SUPERVISOR: {
    status: 403,
    message: {
      'zh-CN': '只有受理部门的主管可以复核',
      'en-US': "Only the receiving department's supervisor may review",
    },
  },
  TICKET_NOT_RESPONSIBLE: {
    status: 403,
    message: {
      'zh-CN': '只有责任人或其部门主管可以办结',
      'en-US': 'Only the responsible person or their supervisor may finish it',
    },
  },
  TICKET_NO_HANDLER: {
    status: 409,
    message: {
      'zh-CN': '该部门没有可指派的处理人员',
      'en-US': 'The department has no handler to assign',
    },
  },
});

export const TICKET_FIELD_MESSAGES = {
  reasonRequired: { 'zh-CN': '不成立时请填写原因', 'en-US': 'give the reason when it is not valid' },
  categoryNotOfKind: { 'zh-CN': '类型与工单种类不符', 'en-US': 'does not belong to this kind of ticket' },
  departmentMissing: { 'zh-CN': '部门不存在', 'en-US': 'names a department that does not exist' },
  deadlineNotFuture: { 'zh-CN': '处理时限须晚于当前时间', 'en-US': 'must be later than now' },
} satisfies Record<string, Message>;

export const REFUSAL_ERRORS: Record<
  Exclude<TicketRefusal, 'reason_required' | 'wrong_state'>,
  (typeof TICKET_ERRORS)[keyof typeof TICKET_ERRORS]
> = {
  not_owner: TICKET_ERRORS.TICKET_NOT_OWNER,
  not_department_supervisor: TICKET_ERRORS.TICKET_NOT_DEPARTMENT_SUPERVISOR,
  not_responsible: TICKET_ERRORS.TICKET_NOT_RESPONSIBLE,
};
