import type { Page } from 'playwright-core';
import { UI_TIMEOUT_MS } from './browser.ts';

/**
 * Picks the option showing `text` in the antd Select (single choice) with this test id, and
 * waits until the select shows it. On a loaded machine a click can land while the dropdown still
 * slides in and select nothing; then the dropdown is opened and the option clicked again.
 */
export async function pickOption(page: Page, selectTestId: string, text: string | RegExp): Promise<void> {
  const select = page.getByTestId(selectTestId);
  const dropdown = page.locator('.ant-select-dropdown:visible');
  const shows = async () => {
    const shown = (await select.textContent()) ?? '';
    return typeof text === 'string' ? shown.includes(text) : text.test(shown);
  };
  const deadline = Date.now() + UI_TIMEOUT_MS;
  for (;;) {
    if ((await dropdown.count()) === 0) await select.click();
    await dropdown.locator('.ant-select-item-option', { hasText: text }).first().click();
    // Wait for the dropdown to close, so the next pick does not hit this one while it fades out.
    while ((await dropdown.count()) > 0 && Date.now() < deadline) await page.waitForTimeout(50);
    if (await shows()) return;
    if (Date.now() > deadline) throw new Error(`select ${selectTestId} does not show ${String(text)}`);
  }
}
