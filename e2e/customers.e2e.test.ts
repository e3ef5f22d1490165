import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { apiLogin, DEMO_PASSWORD } from './support/api.ts';
import { browserSuiteSkipped, expectText, UI_TIMEOUT_MS } from './support/browser.ts';
import { useBrowserSessions } from './support/browser-sessions.ts';

// Customers in a real browser (CRM-1, UI-7): an agent finds a demo customer, opens and edits it;
// a call from a known number pops that customer's record on the agent's desktop.
const skip = browserSuiteSkipped('customers');

describe.skipIf(skip)('customers in Chromium', () => {
  const { baseUrl, signedIn } = useBrowserSessions('customers');

  async function openCustomers(page: Page): Promise<void> {
    const item = page.getByTestId('menu-customers');
    await page.getByTestId('menu-support').waitFor();
    if (!(await item.isVisible())) await page.getByTestId('menu-support').click();
    await item.click();
    await page.getByTestId('customers-page').waitFor();
  }

  it('CRM-1: agent 1001 searches a demo customer by phone, opens it and edits the address', async () => {
    const page = await signedIn('1001');
    await openCustomers(page);
    await page.getByTestId('customer-search').locator('input').fill('13900000003');
    await page.getByTestId('customer-search').locator('input').press('Enter');
    const row = page.getByTestId('customer-table').locator('tr', { hasText: '13900000003' });
    await row.click();
    await page.getByTestId('customer-detail').waitFor();
    await page.getByTestId('customer-edit').click();
    await page.getByTestId('customer-address').fill('滨江大道 88 号（e2e）');
    await page.getByTestId('customer-save').click();
    await expectText(page.getByTestId('customer-detail-address'), '滨江大道 88 号（e2e）');
  });

  it(
    'UI-7: a call from a known number pops the customer record on the agent desktop',
    async () => {
      // 1002 is in 故障报修 (access code 112).
      const page = await signedIn('1002');
      await expectText(page.getByTestId('live-status'), '已连接');
      await page.getByTestId('sp-sign-in').click();
      await expectText(page.getByTestId('agent-state'), /示忙/);
      await page.getByTestId('sp-ready').click();
      await expectText(page.getByTestId('agent-state'), '示闲');

      const admin = await apiLogin(baseUrl(), 'admin', DEMO_PASSWORD);
      const response = await fetch(`${baseUrl()}/api/cti/traffic/call`, {
        method: 'POST',
        headers: { Cookie: admin, 'Content-Type': 'application/json' },
        body: JSON.stringify({ callerNumber: '13900000002', accessCode: '112' }),
      });
      if (!response.ok) throw new Error(`place call: HTTP ${response.status} ${await response.text()}`);

      await page.getByTestId('screen-pop').waitFor({ timeout: 15_000 });
      const pop = page.getByTestId('pop-customer');
      await expectText(pop.getByTestId('customer-detail-name'), '李强');
      await expectText(pop, /VIP4/);
    },
    60_000 + UI_TIMEOUT_MS,
  );
});
