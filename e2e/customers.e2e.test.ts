import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiLogin, DEMO_PASSWORD } from './support/api.ts';
import { browserSuiteSkipped, docScreenshot, expectText, UI_TIMEOUT_MS } from './support/browser.ts';
import { useBrowserSessions } from './support/browser-sessions.ts';
import { openMenuItem } from './support/menu.ts';

// Customers in a real browser (CRM-1…4, QRY-1, UI-7): an agent finds a demo customer, opens and
// edits it; the comprehensive query opens a customer hit in its own tab; data maintenance imports
// a CSV with a broken row and merges a duplicate pair; a call from an unknown number lets the
// agent create the customer from the pop; a call from a known number pops that customer's record
// with open tickets and recent contacts.
const skip = browserSuiteSkipped('customers');

describe.skipIf(skip)('customers in Chromium', () => {
  const { baseUrl, signedIn } = useBrowserSessions('customers');

  async function openSupport(page: Page, leaf: 'customers' | 'search'): Promise<void> {
    await openMenuItem(page, 'support', leaf);
  }
  async function openCustomers(page: Page): Promise<void> {
    await openSupport(page, 'customers');
    await page.getByTestId('customers-page').waitFor();
  }
  async function readyAgent(page: Page): Promise<void> {
    await expectText(page.getByTestId('live-status'), '已连接');
    await page.getByTestId('sp-sign-in').click();
    await expectText(page.getByTestId('agent-state'), /示忙/);
    await page.getByTestId('sp-ready').click();
    await expectText(page.getByTestId('agent-state'), '示闲');
  }
  async function placeCall(callerNumber: string, accessCode: string): Promise<void> {
    const admin = await apiLogin(baseUrl(), 'admin', DEMO_PASSWORD);
    const response = await fetch(`${baseUrl()}/api/cti/traffic/call`, {
      method: 'POST',
      headers: { Cookie: admin, 'Content-Type': 'application/json' },
      body: JSON.stringify({ callerNumber, accessCode }),
    });
    if (!response.ok) throw new Error(`place call: HTTP ${response.status} ${await response.text()}`);
  }
  async function api<T>(who: string, method: string, path: string, body?: unknown): Promise<T> {
    const cookie = await apiLogin(baseUrl(), who, DEMO_PASSWORD);
    const res = await fetch(`${baseUrl()}${path}`, {
      method,
      headers: { Cookie: cookie, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
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

  it('QRY-1: hits open what they show (customer tab, ticket detail, dial); 更多 pages a group; saved queries run', async () => {
    const page = await signedIn('1001');
    await openSupport(page, 'search');
    await page.getByTestId('search-page').waitFor();
    await page.getByTestId('search-box').locator('input').fill('13900000004');
    await page.getByTestId('search-box').locator('input').press('Enter');
    const hit = page.getByTestId('search-group-customers').locator('[data-testid^="search-hit-customers-"]');
    await hit.first().click();
    await expectText(page.locator('[data-testid^="tab-customer-"]'), /客户：/);
    await page.getByTestId('customer-detail').waitFor();

    // A group at its cap offers 更多; a saved query runs again from the list.
    await page.getByTestId('tab-search').click();
    await page.getByTestId('search-box').locator('input').fill('139');
    await page.getByTestId('search-saved').locator('input').fill('e2e 号段');
    await page.getByTestId('search-saved').getByRole('button').first().click();
    await page.getByTestId('search-saved').getByText('e2e 号段').waitFor();
    await page.getByTestId('search-box').locator('input').fill('');
    await page.getByTestId('search-saved').getByText('e2e 号段').click();
    const hits = page.getByTestId('search-group-customers').locator('[data-testid^="search-hit-customers-"]');
    await page.getByTestId('search-more-customers').waitFor();
    expect(await hits.count()).toBe(20);
    expect(await page.getByTestId('search-box').locator('input').inputValue()).toBe('139');
    await page.getByTestId('search-more-customers').click();
    for (let i = 0; i < 50 && (await hits.count()) === 20; i++) await page.waitForTimeout(200);
    expect(await hits.count()).toBeGreaterThan(20);

    // A ticket hit opens the ticket's detail; a phone-book entry offers click-to-dial.
    await page.getByTestId('search-box').locator('input').fill('13912345001');
    await page.getByTestId('search-box').locator('input').press('Enter');
    await page
      .getByTestId('search-group-tickets')
      .locator('[data-testid^="search-hit-tickets-"]')
      .first()
      .click();
    await page.getByTestId('ticket-detail').getByTestId('ticket-state').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('search-box').locator('input').fill('2001');
    await page.getByTestId('search-box').locator('input').press('Enter');
    await expectText(
      page.getByTestId('search-group-staff').locator('[data-testid^="search-dial-"]'),
      /拨打 8101/,
    );
  });

  it('CRM-3: data maintenance imports a CSV; the report names the broken row and why', async () => {
    const page = await signedIn('3101');
    await openCustomers(page);
    await page.getByRole('tab', { name: '导入导出' }).click();
    const panel = page.getByTestId('customer-import-panel');
    await panel.waitFor();
    const csv = [
      '姓名,电话,性别',
      '浏览器导入甲,13677770001,男',
      '浏览器导入乙,不是号码,女',
      '浏览器导入丙,13677770003,女',
    ];
    await panel.locator('input[type="file"]').setInputFiles({
      name: 'e2e-import.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv.join('\n')),
    });
    await expectText(panel.getByTestId('customer-import-progress'), /已处理 3\/3 行，导入 2 行/);
    await expectText(panel.getByTestId('customer-import-rejected-3'), /第 3 行：字段无效：phones/);
  });

  it('CRM-4: data maintenance merges a duplicate pair in the browser', async () => {
    const page = await signedIn('3101');
    await openCustomers(page);
    await page.getByRole('tab', { name: '重复客户' }).click();
    const panel = page.getByTestId('customer-duplicates-panel');
    const merges = panel.getByTestId('customer-merge');
    await merges.first().waitFor();
    const before = await merges.count();
    const pair = ((await panel.locator('.ant-list-item').first().textContent()) ?? '').split('：')[0] ?? '';
    await merges.first().click();
    // The merged pair leaves the list (the records stay, one marked merged).
    for (let i = 0; i < 50 && (await merges.count()) === before; i++) await page.waitForTimeout(200);
    expect(await panel.textContent()).not.toContain(`${pair}：`);
    expect(await merges.count()).toBe(before - 1);
  });

  it(
    'UI-7: a call from an unknown number: the agent creates the customer in the pop, which then shows it',
    async () => {
      // 1005 is in 故障报修 (access code 112); the call is answered so it stays with 1005.
      const page = await signedIn('1005');
      await readyAgent(page);
      await placeCall('13966660001', '112');
      await page.getByTestId('screen-pop').waitFor({ timeout: 15_000 });
      await page.getByTestId('sp-answer').click();
      const form = page.getByTestId('pop-new-customer');
      await form.waitFor();
      expect(await form.getByTestId('customer-phones').inputValue()).toContain('13966660001');
      await form.getByTestId('customer-name').fill('弹屏新客户');
      await form.getByTestId('customer-save').click();
      const pop = page.getByTestId('pop-customer');
      await expectText(pop.getByTestId('customer-detail-name'), '弹屏新客户');
      const id = await pop.getAttribute('data-customer-id');
      const found = await api<{ id: number }>('1001', 'GET', '/api/customers/by-phone?phone=13966660001');
      expect(String(found.id)).toBe(id);
    },
    60_000 + UI_TIMEOUT_MS,
  );

  it(
    'UI-7: a call from a known number pops the customer record on the agent desktop',
    async () => {
      // 1002 is in 故障报修 (access code 112).
      // The caller has an open ticket and a note on the record: the pop shows both.
      const customer = await api<{ id: number }>('1001', 'GET', '/api/customers/by-phone?phone=13900000002');
      await api('1001', 'POST', '/api/tickets', {
        kind: 'complaint',
        category: 'equipment',
        phone: '13900000002',
        customerName: '李强',
        customerId: customer.id,
        gender: 'male',
        aspects: ['service'],
        reason: '弹屏测试：宽带时断时续',
      });
      await fetch(`${baseUrl()}/api/customers/${customer.id}/notes`, {
        method: 'POST',
        headers: {
          Cookie: await apiLogin(baseUrl(), '1001', DEMO_PASSWORD),
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ summary: '弹屏测试：客户要求上午回电' }),
      });
      const page = await signedIn('1002');
      await readyAgent(page);
      await placeCall('13900000002', '112');

      await page.getByTestId('screen-pop').waitFor({ timeout: 15_000 });
      const pop = page.getByTestId('pop-customer');
      await expectText(pop.getByTestId('customer-detail-name'), '李强');
      await expectText(pop, /VIP4/);
      await expectText(pop.getByTestId('customer-tickets'), /弹屏测试：宽带时断时续/);
      await expectText(pop.getByTestId('customer-timeline'), /弹屏测试：客户要求上午回电/);
      await page.mouse.move(640, 700);
      await docScreenshot(page, 'screen-pop-customer.png');
    },
    60_000 + UI_TIMEOUT_MS,
  );
});
