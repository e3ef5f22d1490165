import {
  AudioOutlined,
  BarChartOutlined,
  DashboardOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  PhoneOutlined,
  SettingOutlined,
  ToolOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { App, Button, Empty, Layout, Menu, Tabs } from 'antd';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { useOutletContext } from 'react-router';
import { useI18n } from '../../i18n/use-i18n.ts';
import { AnnouncementArea } from '../announcements/AnnouncementArea.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { FaultAlarmBanner } from '../fault-alarms/FaultAlarmBanner.tsx';
import { ScreenPop } from '../screen-pop/ScreenPop.tsx';
import { AfterHoursBanner } from '../service-hours/AfterHoursBanner.tsx';
import { HomePage } from '../shell/HomePage.tsx';
import type { ShellOutletContext } from '../shell/shell-outlet.ts';
import { useSoftphone } from '../softphone/use-softphone.ts';
import { CallRecordsTab } from './CallRecordsTab.tsx';
import { findLeaf, type MenuGroupKey, menuFor, type TabKind } from './desktop-menu.ts';
import { closeTab, type DesktopTab, MAX_TABS, openTab, type TabsState } from './desktop-tabs.ts';
import { LazyAdminPage, LazyWallPage, ModulePageView, PageLoader } from './module-pages.tsx';
import { OpenTabContext, type PageTab } from './open-tab-context.ts';
import { PlannedFeature } from './PlannedFeature.tsx';
import { ProfileTab } from './ProfileTab.tsx';
import './desktop.css';

const GROUP_ICONS: Record<MenuGroupKey, ReactNode> = {
  calls: <PhoneOutlined />,
  support: <ToolOutlined />,
  reports: <BarChartOutlined />,
  recordings: <AudioOutlined />,
  monitor: <DashboardOutlined />,
  mine: <UserOutlined />,
  admin: <SettingOutlined />,
};

const HOME_TAB: DesktopTab = { key: 'home', title: 'menu.home', kind: { kind: 'home' } };

/** The agent desktop (UI-4 … UI-7): main menu, announcement area, and the tabbed main area. */
export function DesktopPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const { openPasswordDialog } = useOutletContext<ShellOutletContext>();
  const { calls, currentCall } = useSoftphone();
  const [collapsed, setCollapsed] = useState(false);
  const [state, setState] = useState<TabsState>({ tabs: [HOME_TAB], active: HOME_TAB.key });
  const stateRef = useRef(state);
  stateRef.current = state;

  const open = useCallback(
    (tab: DesktopTab, force = false) => {
      const result = openTab(stateRef.current, tab, { force });
      if (result.outcome === 'refused') {
        message.warning({
          content: (
            <span data-testid="tab-limit-message">
              {t('tabs.limit', { max: MAX_TABS, title: t(tab.title, tab.titleParams) })}
            </span>
          ),
          key: 'tab-limit',
        });
        return;
      }
      stateRef.current = result.state;
      setState(result.state);
    },
    [message, t],
  );

  const openPageTab = useCallback(
    (tab: PageTab) =>
      open({
        key: tab.key,
        title: 'menu.search',
        kind: { kind: 'element', label: tab.title, element: tab.element },
      }),
    [open],
  );

  // Screen pop (UI-7): the call that rings or is answered opens in its own tab, even if 5 are open.
  const poppedRef = useRef<string | null>(null);
  const currentCallId = currentCall?.callId ?? null;
  useEffect(() => {
    if (!currentCallId || poppedRef.current === currentCallId) return;
    poppedRef.current = currentCallId;
    open(
      {
        key: `call-${currentCallId}`,
        title: 'screenPop.tabTitle',
        titleParams: { number: currentCallId },
        kind: { kind: 'screen-pop', callId: currentCallId },
      },
      true,
    );
  }, [currentCallId, open]);

  const onMenuClick = ({ key }: { key: string }) => {
    const leaf = findLeaf(key);
    if (!leaf) return;
    if (leaf.opens === 'password-dialog') {
      openPasswordDialog();
      return;
    }
    if (leaf.opens.kind === 'current-call' && currentCall) {
      poppedRef.current = null;
      open({
        key: `call-${currentCall.callId}`,
        title: 'screenPop.tabTitle',
        titleParams: { number: currentCall.callId },
        kind: { kind: 'screen-pop', callId: currentCall.callId },
      });
      return;
    }
    open({ key: leaf.key, title: leaf.label, kind: leaf.opens });
  };

  const render = (tab: DesktopTab): ReactNode => {
    const kind: TabKind = tab.kind;
    switch (kind.kind) {
      case 'home':
        return <HomePage />;
      case 'current-call':
        return <Empty description={t('screenPop.noCall')} />;
      case 'call-records':
        return <CallRecordsTab />;
      case 'wall':
        return (
          <PageLoader>
            <LazyWallPage />
          </PageLoader>
        );
      case 'admin':
        return (
          <PageLoader>
            <LazyAdminPage />
          </PageLoader>
        );
      case 'profile':
        return <ProfileTab />;
      case 'planned':
        return <PlannedFeature feature={tab.title} release={kind.release} />;
      case 'screen-pop':
        return <ScreenPop callId={kind.callId} />;
      case 'page':
        return <ModulePageView page={kind.page} />;
      case 'element':
        return kind.element;
    }
  };

  const tabTitle = (tab: DesktopTab): string => {
    if (tab.kind.kind === 'screen-pop') {
      const call = calls[tab.kind.callId];
      return t('screenPop.tabTitle', { number: call?.callerNumber ?? tab.kind.callId });
    }
    if (tab.kind.kind === 'element') return tab.kind.label;
    return t(tab.title, tab.titleParams);
  };

  const groups = menuFor(user.roles);

  return (
    <OpenTabContext value={openPageTab}>
      <Layout className="sb-desktop" hasSider>
        <Layout.Sider
          className="sb-desktop__sider"
          theme="light"
          width={188}
          collapsedWidth={52}
          collapsed={collapsed}
          trigger={null}
        >
          <nav data-testid="main-menu" aria-label={t('menu.label')} className="sb-desktop__nav">
            <Menu
              mode="inline"
              selectable={false}
              inlineIndent={16}
              defaultOpenKeys={['calls', 'recordings', 'monitor', 'admin']}
              onClick={onMenuClick}
              items={groups.map((group) => ({
                key: group.key,
                icon: GROUP_ICONS[group.key],
                label: <span data-testid={`menu-${group.key}`}>{t(group.label)}</span>,
                children: group.items.map((item) => ({
                  key: item.key,
                  label: <span data-testid={`menu-${item.key}`}>{t(item.label)}</span>,
                })),
              }))}
            />
          </nav>
          <Button
            type="text"
            className="sb-desktop__collapse"
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={() => setCollapsed((c) => !c)}
            aria-label={t(collapsed ? 'menu.expand' : 'menu.collapse')}
            title={t(collapsed ? 'menu.expand' : 'menu.collapse')}
            data-testid="menu-collapse"
          >
            {collapsed ? null : t('menu.collapse')}
          </Button>
        </Layout.Sider>
        <Layout.Content className="sb-desktop__main">
          <FaultAlarmBanner />
          <AfterHoursBanner />
          <AnnouncementArea />
          <Tabs
            className="sb-desktop__tabs"
            type="editable-card"
            hideAdd
            size="small"
            activeKey={state.active ?? undefined}
            onChange={(key) => setState((s) => ({ ...s, active: key }))}
            onEdit={(key, action) => {
              if (action === 'remove' && typeof key === 'string') {
                setState((s) => {
                  const next = closeTab(s, key);
                  stateRef.current = next;
                  return next;
                });
              }
            }}
            tabBarExtraContent={{
              right: (
                <span className="sb-desktop__tab-count" title={t('tabs.limitHint', { max: MAX_TABS })}>
                  {state.tabs.length}/{MAX_TABS}
                </span>
              ),
            }}
            items={state.tabs.map((tab) => ({
              key: tab.key,
              label: <span data-testid={`tab-${tab.key}`}>{tabTitle(tab)}</span>,
              children: <div className="sb-desktop__pane">{render(tab)}</div>,
            }))}
          />
          {state.tabs.length === 0 && <Empty className="sb-desktop__empty" description={t('home.hint')} />}
        </Layout.Content>
      </Layout>
    </OpenTabContext>
  );
}
