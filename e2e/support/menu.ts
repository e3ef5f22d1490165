import type { Page } from 'playwright-core';
import { UI_TIMEOUT_MS } from './browser.ts';

/**
 * Opens a page from the desktop's side menu: opens the item's group when it is closed, clicks the
 * item and waits for its tab. Some groups start open (calls, recordings, monitor, admin), so
 * clicking the group blindly would close it; a group clicked while its animation runs may end up
 * closed; and on a loaded machine a click on an item still sliding into view can come to nothing.
 * So: look, click the group only when the item is hidden, and click the item again until its tab
 * is there (`opensTab: false` when the tab is expected to be refused).
 */
export async function openMenuItem(
  page: Page,
  group: string,
  item: string,
  options: { opensTab?: boolean } = {},
): Promise<void> {
  const groupTitle = page.locator(`.ant-menu-submenu-title [data-testid="menu-${group}"]`);
  const entry = page.locator(`.ant-menu-item [data-testid="menu-${item}"]`);
  const tab = page.getByTestId(`tab-${item}`);
  await groupTitle.waitFor({ timeout: UI_TIMEOUT_MS });
  const deadline = Date.now() + UI_TIMEOUT_MS;
  for (;;) {
    for (let attempt = 0; attempt < 4; attempt++) {
      if (await entry.isVisible()) break;
      await groupTitle.click();
      await entry.waitFor({ state: 'visible', timeout: 2_500 }).catch(() => undefined);
    }
    await entry.click();
    if (options.opensTab === false) return;
    const opened = await tab
      .waitFor({ timeout: 3_000 })
      .then(() => true)
      .catch(() => false);
    if (opened) return;
    if (Date.now() > deadline) throw new Error(`menu item ${item} opened no tab`);
  }
}
