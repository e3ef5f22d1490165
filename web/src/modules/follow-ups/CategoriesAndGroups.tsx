import type { FollowUpCategory, FollowUpGroup } from '@switchboard/shared';
import { App, Button, Card, Input, Space, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useFollowUpMessages } from './follow-up-messages.ts';
import { createCategory, followUpCategories, followUpGroups } from './follow-ups-api.ts';

/** Categories (FUP-2: built-in plus the administrator's) and the groups with their people. */
export function CategoriesAndGroups() {
  const t = useFollowUpMessages();
  const { message } = App.useApp();
  const [categories, setCategories] = useState<FollowUpCategory[]>([]);
  const [groups, setGroups] = useState<FollowUpGroup[]>([]);
  const [name, setName] = useState('');
  const fail = useCallback(
    (e: unknown) => message.error(e instanceof Error ? e.message : String(e)),
    [message],
  );
  const load = useCallback(async () => {
    try {
      const [c, g] = await Promise.all([followUpCategories(), followUpGroups()]);
      setCategories(c.items);
      setGroups(g.items);
    } catch (e) {
      fail(e);
    }
  }, [fail]);
  useEffect(() => {
    void load();
  }, [load]);

  const add = async () => {
    try {
      await createCategory(name.trim());
      setName('');
      await load();
    } catch (e) {
      fail(e);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="follow-up-categories">
      <Card size="small" title={t('fu.category')}>
        <Space wrap>
          {categories.map((c) => (
            <Tag key={c.id} color={c.builtin ? 'blue' : 'default'}>
              {c.name}
            </Tag>
          ))}
          <Input
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={30}
            style={{ width: 160 }}
          />
          <Button disabled={!name.trim()} onClick={() => void add()}>
            {t('fu.category.add')}
          </Button>
        </Space>
      </Card>
      {groups.map((g) => (
        <Card key={g.id} size="small" title={`${t('fu.rule.group')}：${g.name}`}>
          <div>
            {t('fu.group.members')}：{g.members.map((m) => `${m.name}(${m.employeeNo})`).join('、')}
          </div>
          <div>
            {t('fu.group.leads')}：{g.leads.map((m) => `${m.name}(${m.employeeNo})`).join('、')}
          </div>
        </Card>
      ))}
    </Space>
  );
}
