import type { FollowUpTask } from '@switchboard/shared';
import { App, Button, Space, Table, Tag, Tooltip } from 'antd';
import { useSoftphone } from '../softphone/use-softphone.ts';
import { type FollowUpMessageKey, useFollowUpMessages } from './follow-up-messages.ts';
import { checkDial } from './follow-ups-api.ts';

type Props = { tasks: FollowUpTask[]; mine: boolean; onVisit(task: FollowUpTask): void; testId: string };

/** Follow-up tasks, overdue ones highlighted; a member calls (FUP-5) and fills the form from here. */
export function FollowUpTaskTable({ tasks, mine, onVisit, testId }: Props) {
  const t = useFollowUpMessages();
  const { message } = App.useApp();
  const { run, takesCalls } = useSoftphone();
  const blockedText = (task: FollowUpTask) =>
    task.blockedReason
      ? t(`fu.blocked.${task.blockedReason}` as FollowUpMessageKey, { from: task.callFrom, to: task.callTo })
      : '';

  // The server checks the do-not-call list and calling hours again right before the call.
  const call = async (task: FollowUpTask) => {
    try {
      const check = await checkDial(task.id);
      if (!check.allowed) {
        message.warning(
          t(`fu.blocked.${check.reason ?? 'closed'}` as FollowUpMessageKey, {
            from: task.callFrom,
            to: task.callTo,
          }),
        );
        return;
      }
      await run({ path: 'dial', body: { target: { number: check.phone } } });
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Table<FollowUpTask>
      rowKey="id"
      size="small"
      data-testid={testId}
      dataSource={tasks}
      locale={{ emptyText: t('fu.empty') }}
      pagination={{ pageSize: 20 }}
      rowClassName={(task) => (task.overdue ? 'sb-follow-up-overdue' : '')}
      onRow={(task) =>
        ({
          'data-testid': `follow-up-task-${task.id}`,
          style: task.overdue ? { background: '#fff1f0' } : {},
        }) as object
      }
      columns={[
        { title: t('fu.customer'), dataIndex: 'customerName' },
        { title: t('fu.phone'), dataIndex: 'phone' },
        { title: t('fu.category'), dataIndex: 'categoryName' },
        { title: t('fu.rule'), dataIndex: 'ruleName' },
        { title: t('fu.service'), render: (_, task) => `${task.serviceName}（${task.serviceDate}）` },
        ...(mine ? [] : [{ title: t('fu.assignee'), dataIndex: 'assigneeName' }]),
        {
          title: t('fu.deadline'),
          render: (_, task) => (
            <Space>
              {new Date(task.deadlineAt).toLocaleString()}
              {task.overdue && <Tag color="red">{t('fu.overdue')}</Tag>}
            </Space>
          ),
        },
        { title: t('fu.attempts'), render: (_, task) => `${task.attempts}/${task.maxAttempts}` },
        {
          title: t('fu.status'),
          render: (_, task) => <Tag>{t(`fu.status.${task.status}` as FollowUpMessageKey)}</Tag>,
        },
        ...(mine
          ? [
              {
                title: '',
                render: (_: unknown, task: FollowUpTask) => (
                  <Space>
                    <Tooltip title={blockedText(task)}>
                      <Button
                        size="small"
                        disabled={!task.callable || !takesCalls}
                        onClick={() => void call(task)}
                        data-testid={`follow-up-call-${task.id}`}
                      >
                        {t('fu.call')}
                      </Button>
                    </Tooltip>
                    <Button
                      size="small"
                      type="primary"
                      disabled={task.status !== 'open' || task.blockedReason === 'retry_later'}
                      onClick={() => onVisit(task)}
                      data-testid={`follow-up-visit-${task.id}`}
                    >
                      {t('fu.visit')}
                    </Button>
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
