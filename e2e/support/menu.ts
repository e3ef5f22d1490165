import type { Page } from 'playwright-core';
import { UI_TIMEOUT_MS } from './browser.ts';

/**
 * Opens a page from the desktop's side menu: opens the item's group when it is closed, then
 * clicks the item. Some groups start open (calls, recordings, monitor, admin), so clicking the
 * group blindly would close it; and a group clicked while its open/close animation runs may end
 * up closed. So: look, click the group only when the item is hidden, and look again.
 */
export async function openMenuItem(page: Page, group: string, item: string): Promise<void> {
  const groupTitle = page.locator(`.ant-menu-submenu-title [data-testid="menu-${group}"]`);
  const entry = page.locator(`.ant-menu-item [data-testid="menu-${item}"]`);
  await groupTitle.waitFor({ timeout: UI_TIMEOUT_MS });
  for (let attempt = 0; attempt < 4; attempt++) {
    if (await entry.isVisible()) break;
    await groupTitle.click();
    await entry.waitFor({ state: 'visible', timeout: 2_500 }).catch(() => undefined);
  }
  await entry.click();
}
