import { Tabs, Typography } from 'antd';
import { AnnouncementsAdminTab } from '../announcements/AnnouncementsAdminTab.tsx';
import { CallTagAdmin } from '../call-tags/CallTagAdmin.tsx';
import { AreasTab } from './AreasTab.tsx';
import { useAdminMessages } from './admin-messages.ts';
import { DepartmentsTab } from './DepartmentsTab.tsx';
import { ExtensionsTab } from './ExtensionsTab.tsx';
import { LoginLogTab } from './LoginLogTab.tsx';
import { SkillGroupsTab } from './SkillGroupsTab.tsx';
import { StaffTab } from './StaffTab.tsx';
import { TrafficTab } from './TrafficTab.tsx';

/** 系统管理 (administration): one tab per thing an administrator maintains. Admin role only. */
export function AdminPage() {
  const t = useAdminMessages();
  const tabs = [
    { key: 'staff', label: t('admin.tab.staff'), children: <StaffTab /> },
    { key: 'skill-groups', label: t('admin.tab.skillGroups'), children: <SkillGroupsTab /> },
    { key: 'departments', label: t('admin.tab.departments'), children: <DepartmentsTab /> },
    { key: 'areas', label: t('admin.tab.areas'), children: <AreasTab /> },
    { key: 'extensions', label: t('admin.tab.extensions'), children: <ExtensionsTab /> },
    { key: 'login-log', label: t('admin.tab.loginLog'), children: <LoginLogTab /> },
    { key: 'traffic', label: t('admin.tab.traffic'), children: <TrafficTab /> },
    { key: 'announcements', label: t('admin.tab.announcements'), children: <AnnouncementsAdminTab /> },
    { key: 'call-tags', label: t('admin.tab.callTags'), children: <CallTagAdmin /> },
  ];
  return (
    <section data-testid="admin-page" style={{ padding: 16 }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('admin.title')}
      </Typography.Title>
      <Tabs
        items={tabs.map((tab) => ({
          ...tab,
          label: <span data-testid={`admin-tab-${tab.key}`}>{tab.label}</span>,
        }))}
      />
    </section>
  );
}
