import type { FollowUpTask } from '@switchboard/shared';
import { App, Button, Tabs } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { useLive } from '../live/use-live.ts';
import { CategoriesAndGroups } from './CategoriesAndGroups.tsx';
import { DoNotCallAdmin } from './DoNotCallAdmin.tsx';
import { FollowUpRulesAdmin } from './FollowUpRulesAdmin.tsx';
import { FollowUpTaskTable } from './FollowUpTaskTable.tsx';
import { useFollowUpMessages } from './follow-up-messages.ts';
import { allFollowUpTasks, myFollowUpTasks, overdueNotice } from './follow-ups-api.ts';
import { VisitFormModal } from './VisitFormModal.tsx';

/** 回访任务: my follow-ups (members), all open tasks, rules and campaigns, do-not-call (team leads). */
export function FollowUpsPage() {
  const t = useFollowUpMessages();
  const me = useCurrentUser();
  const live = useLive();
  const { message, notification } = App.useApp();
  const works = me.roles.some((r) => r === 'agent' || r === 'team_lead');
  const manages = me.roles.some((r) => r === 'team_lead' || r === 'admin');
  const [mine, setMine] = useState<FollowUpTask[]>([]);
  const [team, setTeam] = useState<FollowUpTask[]>([]);
  const [visiting, setVisiting] = useState<FollowUpTask | null>(null);

  const reload = useCallback(async () => {
    try {
      if (works) setMine((await myFollowUpTasks()).items);
      if (manages) setTeam((await allFollowUpTasks()).items);
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  }, [works, manages, message]);
  useEffect(() => {
    void reload();
  }, [reload]);
  // FUP-4: the overdue warning pops up on the member's and the team lead's desktop.
  useEffect(
    () =>
      live.subscribe({
        onEvent: (envelope) => {
          const notice = overdueNotice(envelope.event);
          if (!notice) return;
          notification.warning({
            title: t('fu.overdueWarning', { id: notice.taskId }),
            duration: 0,
            props: { 'data-testid': 'follow-up-overdue-warning' } as React.HTMLAttributes<HTMLDivElement>,
          });
          void reload();
        },
      }),
    [live, notification, reload, t],
  );

  const items = [
    ...(works
      ? [
          {
            key: 'mine',
            label: t('fu.tab.mine'),
            children: (
              <FollowUpTaskTable tasks={mine} mine onVisit={setVisiting} testId="follow-up-my-tasks" />
            ),
          },
        ]
      : []),
    ...(manages
      ? [
          {
            key: 'team',
            label: t('fu.tab.team'),
            children: (
              <FollowUpTaskTable
                tasks={team}
                mine={false}
                onVisit={setVisiting}
                testId="follow-up-team-tasks"
              />
            ),
          },
          { key: 'rules', label: t('fu.tab.rules'), children: <FollowUpRulesAdmin /> },
          { key: 'dnc', label: t('fu.tab.dnc'), children: <DoNotCallAdmin /> },
          { key: 'setup', label: t('fu.tab.setup'), children: <CategoriesAndGroups /> },
        ]
      : []),
  ];

  return (
    <section data-testid="follow-ups-page">
      <Tabs
        items={items.map((i) => ({
          ...i,
          label: <span data-testid={`follow-up-tab-${i.key}`}>{i.label}</span>,
        }))}
        tabBarExtraContent={<Button onClick={() => void reload()}>{t('fu.refresh')}</Button>}
        onChange={() => void reload()}
      />
      <VisitFormModal
        task={visiting}
        onClose={() => setVisiting(null)}
        onSaved={() => {
          setVisiting(null);
          void reload();
        }}
      />
    </section>
  );
}
