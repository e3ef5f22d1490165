import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { api, apiLogin, DEMO_PASSWORD } from './support/api.ts';
import {
  browserSuiteSkipped,
  docScreenshot,
  expectPath,
  expectText,
  UI_TIMEOUT_MS,
} from './support/browser.ts';
import { QUIET_SERVER_ENV, useBrowserSessions } from './support/browser-sessions.ts';
import { startCalls, stopCalls } from './support/desktop-support.ts';
import { openMenuItem } from './support/menu.ts';
import { pickOption } from './support/select.ts';

// The agent desktop in a real browser against the real server: softphone sign-in and states, the
// menu by role, the 5-tab limit, the live connection healing itself, and a call from ring to wrap-up.
const skip = browserSuiteSkipped('agent desktop');

describe.skipIf(skip)('agent desktop in Chromium', () => {
  const sessions = useBrowserSessions('desktop', QUIET_SERVER_ENV);
  const { baseUrl } = sessions;
  let page: Page;

  beforeEach(async () => {
    page = await sessions.newPage();
  });

  async function logIn(employeeNo: string): Promise<void> {
    await page.goto('/');
    await expectPath(page, '/login');
    await page.getByTestId('login-employee-no').fill(employeeNo);
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('softphone').waitFor();
    await expectPath(page, '/');
  }

  const agentState = () => page.getByTestId('agent-state');
  const liveStatus = () => page.getByTestId('live-status');

  async function signInReady(): Promise<void> {
    await expectText(liveStatus(), '已连接');
    await page.getByTestId('sp-sign-in').click();
    await expectText(agentState(), /示忙/);
    await page.getByTestId('sp-ready').click();
    await expectText(agentState(), '示闲');
  }

  /** Signs `employeeNo` in, ready, and lets calls arrive on 1000 until one rings there; returns the admin cookie. */
  async function ringOneCall(employeeNo: string): Promise<string> {
    const admin = await apiLogin(baseUrl(), 'admin', DEMO_PASSWORD);
    await logIn(employeeNo);
    await signInReady();
    await startCalls(baseUrl(), admin);
    try {
      await page.getByTestId('screen-pop').waitFor({ timeout: 15_000 });
    } finally {
      await stopCalls(baseUrl(), admin);
    }
    return admin;
  }

  it('signs agent 1002 in and out, shows the agent menu, and refuses a 6th tab', async () => {
    await logIn('1002');
    await expectText(agentState(), '未签入');
    // Signed out: only 签入 is possible.
    expect(await page.getByTestId('sp-sign-in').isEnabled()).toBe(true);
    expect(await page.getByTestId('sp-answer').isEnabled()).toBe(false);
    expect(await page.getByTestId('sp-ready').isEnabled()).toBe(false);

    await signInReady();
    expect(await page.getByTestId('sp-sign-in').isEnabled()).toBe(false);
    expect(await page.getByTestId('sp-hangup').isEnabled()).toBe(false);

    // An agent's menu: no 实时监控, no 系统管理.
    const menu = page.getByTestId('main-menu');
    for (const group of ['calls', 'support', 'reports', 'recordings', 'mine'])
      await menu.getByTestId(`menu-${group}`).waitFor();
    expect(await menu.getByTestId('menu-monitor').count()).toBe(0);
    expect(await menu.getByTestId('menu-admin').count()).toBe(0);
    await page.getByTestId('announcement-area').waitFor();
    await page.mouse.move(640, 600);
    await docScreenshot(page, 'desktop-idle.png');

    // 示忙 with a reason, then back.
    await page.getByTestId('sp-not-ready').click();
    await page.getByTestId('sp-reason-meal').click();
    await expectText(agentState(), '示忙 · 用餐');
    await page.getByTestId('sp-ready').click();
    await expectText(agentState(), '示闲');

    // Tabs: 工作台 + 4 more make 5; the 6th is refused with a message naming the limit.
    await openMenuItem(page, 'calls', 'call-history');
    await page.getByTestId('tab-call-history').waitFor();
    await page.getByTestId('call-records').waitFor();
    await openMenuItem(page, 'recordings', 'my-recordings');
    await page.getByTestId('tab-my-recordings').waitFor();
    await openMenuItem(page, 'support', 'customers');
    await page.getByTestId('tab-customers').waitFor();
    await openMenuItem(page, 'support', 'knowledge');
    await page.getByTestId('tab-knowledge').waitFor();
    await expectText(page.locator('.sb-desktop__tab-count'), '5/5');
    await openMenuItem(page, 'support', 'tickets', { opensTab: false });
    await expectText(page.getByTestId('tab-limit-message'), /最多同时打开 5 个标签页/);
    expect(await page.getByTestId('tab-tickets').count()).toBe(0);
    // Closing one makes room.
    await page
      .locator('.ant-tabs-tab', { has: page.getByTestId('tab-customers') })
      .locator('.ant-tabs-tab-remove')
      .click();
    await page.getByTestId('tab-customers').waitFor({ state: 'detached' });
    await openMenuItem(page, 'support', 'tickets');
    await page.getByTestId('tab-tickets').waitFor();

    await page.getByTestId('sp-sign-out').click();
    await expectText(agentState(), '未签入');
  });

  it('tells the agent to reload when a page of an older build is gone from the server', async () => {
    // As after an upgrade while the desktop was open: the old page chunk answers 404.
    await page.route(/\/assets\/CustomersPage-[^/]+\.js$/, (route) => route.fulfill({ status: 404 }));
    await logIn('1004');
    await openMenuItem(page, 'support', 'customers');
    await expectText(page.getByTestId('new-version'), /系统已升级/);
    // The rest of the desktop goes on working.
    await openMenuItem(page, 'calls', 'call-history');
    await page.getByTestId('call-records').waitFor();
  });

  it('shows a lost live connection at once and heals it without a reload', async () => {
    await logIn('1003');
    await expectText(liveStatus(), '已连接');
    // Test hook of the live client (web/src/modules/live): drops the socket as a network loss would.
    await page.evaluate('window.__switchboardLive.close()');
    await page.getByTestId('live-banner').waitFor();
    await expectText(liveStatus(), '已连接');
    await page.getByTestId('live-banner').waitFor({ state: 'detached' });
    // Still following the stream: a command's state change arrives as before.
    await page.getByTestId('sp-sign-in').click();
    await expectText(agentState(), /示忙/);
    await page.getByTestId('sp-sign-out').click();
    await expectText(agentState(), '未签入');
  });

  it(
    'pops the caller tab when a call rings, then answers, holds, retrieves and hangs up',
    async () => {
      await ringOneCall('1001');
      await expectText(agentState(), '振铃');
      await expectText(page.getByTestId('pop-status'), '振铃中');
      await expectText(page.getByTestId('pop-routing'), /分配给 1001/);
      expect(await page.locator('[data-testid^="tab-call-"]').count()).toBe(1);

      await page.getByTestId('sp-answer').click();
      await expectText(agentState(), '通话');
      await expectText(page.getByTestId('pop-status'), '通话中');
      // The talk time runs.
      await expectText(page.getByTestId('talk-time'), /^00:0[1-9]$/);

      await page.getByTestId('sp-hold').click();
      await expectText(agentState(), '保持');
      expect(await page.getByTestId('sp-hold').isEnabled()).toBe(false);
      await page.getByTestId('sp-retrieve').click();
      await expectText(agentState(), '通话');
      await page.mouse.move(640, 700);
      await docScreenshot(page, 'desktop.png');

      await page.getByTestId('sp-hangup').click();
      await expectText(agentState(), '整理');
      await expectText(page.getByTestId('talk-time'), '--:--');
      expect(await page.getByTestId('sp-wrap-up').isEnabled()).toBe(true);
      await expectText(page.getByTestId('pop-status'), '已结束');
    },
    60_000 + UI_TIMEOUT_MS,
  );

  it(
    'CTI-10 转IVR: sends the caller to the 满意度调查 flow and is left in wrap-up',
    async () => {
      const admin = await ringOneCall('2001'); // a team lead in 综合, where calls on 1000 go after 0
      await page.getByTestId('sp-answer').click();
      await expectText(agentState(), '通话');

      await page.getByTestId('sp-transfer').click();
      await page.locator('label', { has: page.getByTestId('target-kind-ivr') }).click();
      await pickOption(page, 'target-ivr-flow', '满意度调查');
      await docScreenshot(page, 'transfer-to-ivr.png');
      await page.getByTestId('target-submit').click();
      await page.getByTestId('target-dialog').waitFor({ state: 'hidden' });
      await expectText(agentState(), '整理');
      // The caller is in the survey now: the call goes on without the agent, in the IVR.
      const callId = (
        (await page.locator('[data-testid^="tab-call-"]').first().getAttribute('data-testid')) ?? ''
      ).replace('tab-call-', '');
      const snapshot = await api<{ calls: { callId: string; phase: string }[] }>(
        baseUrl(),
        admin,
        'GET',
        '/api/cti/snapshot',
      );
      expect(snapshot.calls.find((c) => c.callId === callId)?.phase).toBe('ivr');

      // As a team lead, 2001 finds the call in the survey's analytics, under their name.
      await openMenuItem(page, 'reports', 'ivr-analytics');
      await pickOption(page, 'ivr-analytics-flow', '满意度调查');
      await page.getByTestId('ivr-analytics-load').click();
      await expectText(page.getByTestId('ivr-analytics-by-agent'), /2001\s*郑晓梅\s*1/);
      await page.getByTestId('ivr-analytics-by-agent').scrollIntoViewIfNeeded();
      await docScreenshot(page, 'ivr-analytics-by-agent.png');
    },
    60_000 + UI_TIMEOUT_MS,
  );
});
