import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiLogin, DEMO_PASSWORD } from './support/api.ts';
import { browserSuiteSkipped, docScreenshot, expectText } from './support/browser.ts';
import { useBrowserSessions } from './support/browser-sessions.ts';
import { openMenuItem } from './support/menu.ts';
import { trafficProfile } from './support/wall-support.ts';

// 系统管理 in a real browser: the admin publishes an urgent announcement to one skill group and
// only that group's agents see it (MSG-1, UI-5); a duplicate 工号 shows the server's error on the
// field (PLAT-3).
const skip = browserSuiteSkipped('administration and announcements');
const TITLE = '话费查询组紧急通知：今晚计费系统割接';

describe.skipIf(skip)('administration page in Chromium', () => {
  const { signedIn, baseUrl } = useBrowserSessions('admin');

  async function openAdminTab(page: Page, tab: string): Promise<void> {
    if (!(await page.getByTestId('admin-page').isVisible())) {
      await openMenuItem(page, 'admin', 'admin');
      await page.getByTestId('admin-page').waitFor();
    }
    await page.getByTestId(`admin-tab-${tab}`).click();
  }

  it('lets the admin publish an urgent announcement to the 话费查询 skill group', async () => {
    const page = await signedIn('admin');
    await openAdminTab(page, 'announcements');
    await page.getByTestId('announcement-create').click();
    await page.getByTestId('announcement-title-input').fill(TITLE);
    await page
      .getByTestId('announcement-body-input')
      .fill('今晚 22:00 起计费系统割接，话费查询请统一答复“稍后查询”。');
    await page.getByTestId('announcement-urgent').click();
    await page.getByTestId('announcement-audience').getByText('按技能组').click();
    await page.getByTestId('announcement-targets').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '话费查询' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('announcement-save').click();
    const row = page.getByTestId('admin-announcements').locator('tr', { hasText: TITLE });
    await row.waitFor();
    await expectText(row, /紧急.*话费查询.*生效中/);
    await docScreenshot(page, 'admin.png');
  });

  it('shows it to agent 1001 (话费查询) in the announcement area, marked urgent', async () => {
    const page = await signedIn('1001');
    const area = page.getByTestId('announcement-area');
    const title = area.getByTestId('announcement-title').filter({ hasText: TITLE });
    await expectText(title, new RegExp(`紧急\\s*${TITLE}`));
    await title.click();
    await expectText(page.getByTestId('announcement-detail').locator('.ant-modal-body'), /计费系统割接/);
  });

  it('does not show it to agent 1003 (投诉)', async () => {
    const page = await signedIn('1003');
    const area = page.getByTestId('announcement-area');
    await area.waitFor();
    expect(await area.textContent()).not.toContain(TITLE);
  });

  it('sets what impatient callers press when all agents are busy, keeping the IVR scripts (ACD-6)', async () => {
    const page = await signedIn('admin');
    await openAdminTab(page, 'traffic');
    await expectText(page.getByTestId('traffic-stats'), /预约回呼\s*\d+.*回呼接通\s*\d+.*留言\s*\d+/);
    const press1 = page.getByTestId('traffic-callback-percent');
    const press2 = page.getByTestId('traffic-voicemail-percent');
    await expect.poll(() => press1.inputValue()).toBe('15'); // the demo profile's share
    await press1.fill('70');
    await press2.fill('40');
    await page.getByTestId('traffic-save').click();
    await expectText(page.getByTestId('admin-traffic'), /按1与按2合计不能超过 100%/);
    await press2.fill('20');
    await page.getByTestId('traffic-save').click();
    await expectText(page.locator('.ant-message'), /已保存/);

    const cookie = await apiLogin(baseUrl(), 'admin', DEMO_PASSWORD);
    const profile = await trafficProfile(baseUrl(), cookie);
    expect(profile.allBusy).toMatchObject({ callbackShare: 0.7, voicemailShare: 0.2 });
    const demo = profile.accessCodes.find((c) => c.code === '1000');
    expect(demo?.ivrScripts?.map((s) => s.name)).toContain('bill');
  });

  it("shows the server's duplicate error on the 工号 field", async () => {
    const page = await signedIn('admin');
    await openAdminTab(page, 'staff');
    await page.getByTestId('staff-create').click();
    await page.getByTestId('staff-employee-no').fill('1001');
    await page.getByTestId('staff-name').fill('重复工号');
    await page.getByTestId('staff-password').fill('Initial-2026');
    await page.getByTestId('staff-save').click();
    const field = page.locator('.ant-form-item', { has: page.getByTestId('staff-employee-no') });
    await expectText(field.locator('.ant-form-item-explain-error'), '该值已被使用');
    await expectText(page.getByTestId('staff-error'), /与现有记录重复/);
  });
});
