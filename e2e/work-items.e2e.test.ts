import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiLogin, DEMO_PASSWORD } from './support/api.ts';
import { browserSuiteSkipped, expectText, UI_TIMEOUT_MS } from './support/browser.ts';
import { useBrowserSessions } from './support/browser-sessions.ts';
import { openMenuItem } from './support/menu.ts';

// MSG-5 on the agent desktop: a message sent through the public web form (网上留言) appears in
// agent 1001's 工作项 page through the live notice; the agent takes it, replies by SMS through
// the outbox, and resolves it.
const skip = browserSuiteSkipped('work items');
const SUBJECT = '宽带报修（e2e 网上留言）';

type Detail = { state: string; events: { action: string; note: string | null }[] };

describe.skipIf(skip)('work items in Chromium', () => {
  const { baseUrl, signedIn } = useBrowserSessions('work-items');

  async function openWorkItems(page: Page): Promise<void> {
    await openMenuItem(page, 'calls', 'work-items');
    await page.getByTestId('work-items-page').waitFor();
  }

  it('a web-form message appears live for 1001, who takes it, replies by SMS and resolves it', async () => {
    const page = await signedIn('1001');
    await expectText(page.getByTestId('live-status'), '已连接');
    await openWorkItems(page);
    await expectText(page.getByTestId('work-items-tab-new'), /待处理/);

    const submitted = await fetch(`${baseUrl()}/api/contact-form`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: '周女士',
        phone: '139 8888 0001',
        subject: SUBJECT,
        message: '小区宽带昨晚开始断网，麻烦安排师傅上门。',
      }),
    });
    expect(submitted.status).toBe(201);

    // No reload: the live notice refreshes the list.
    const row = page.locator('[data-testid^="work-item-row-"]').filter({ hasText: SUBJECT });
    await row.waitFor({ timeout: UI_TIMEOUT_MS });
    const id = Number((await row.getAttribute('data-testid'))?.replace('work-item-row-', ''));
    await page.getByTestId(`work-item-open-${id}`).click();
    const detail = page.getByTestId('work-item-detail');
    await expectText(detail.getByTestId('work-item-body'), /小区宽带昨晚开始断网/);

    await detail.getByTestId('work-item-take').click();
    await expectText(detail.getByTestId('work-item-state'), '处理中');

    await detail.getByTestId('work-item-reply-body').fill('您好，师傅今天下午三点前上门，请保持电话畅通。');
    await detail.getByTestId('work-item-reply-send').click();
    const lead = await apiLogin(baseUrl(), '2001', DEMO_PASSWORD);
    const read = async () =>
      (await (
        await fetch(`${baseUrl()}/api/work-items/${id}`, {
          headers: { Cookie: lead, Accept: 'application/json' },
        })
      ).json()) as Detail;
    await expect
      .poll(async () => (await read()).events.map((e) => e.action), { timeout: UI_TIMEOUT_MS })
      .toEqual(['created', 'taken', 'reply_sms']);
    expect((await read()).events[2]?.note).toMatch(/^13988880001: 您好/);

    await detail.getByTestId('work-item-resolve').click();
    await expectText(detail.getByTestId('work-item-state'), '已解决');
    expect((await read()).state).toBe('resolved');
  });
});
