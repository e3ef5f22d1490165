import { describe, it } from 'vitest';
import { browserSuiteSkipped, expectText } from './support/browser.ts';
import { useBrowserSessions } from './support/browser-sessions.ts';

// 系统管理 → IVR 流程 (IVR-1): the admin opens the demo flow of access code 1000, adds a node that
// nothing leads to, and validation marks that node and explains the problem on it; deleting the
// node makes the flow valid again.
const skip = browserSuiteSkipped('IVR flow editor');

describe.skipIf(skip)('IVR flow editor in Chromium', () => {
  const { signedIn } = useBrowserSessions('ivr');

  it('shows validation problems on the node concerned', async () => {
    const page = await signedIn('admin');
    await page.getByTestId('menu-admin').first().click();
    await page.getByTestId('menu-ivr-flows').click();
    await page.getByTestId('ivr-flows-page').waitFor();
    await page.locator('tr', { hasText: '1000' }).first().click();
    await page.getByTestId('ivr-node-row-main_menu').waitFor();

    await page.getByTestId('ivr-add-node').click(); // a 'play' node, exits unset, unreachable
    await page.getByTestId('ivr-validate').click();
    await expectText(page.getByTestId('ivr-validation-summary'), /校验未通过：2 处问题/);
    const marked = page.locator('[data-testid^="ivr-node-problems-"]');
    await expectText(marked, '2');
    await expectText(page.getByTestId('ivr-node-form'), /从起始节点无法到达此节点/);
    await expectText(page.getByTestId('ivr-node-form'), /出口 next 未指定下一节点/);

    await page.getByTestId('ivr-delete-node').click();
    await page.getByTestId('ivr-validate').click();
    await expectText(page.getByTestId('ivr-validation-summary'), '校验通过');
  });
});
