import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiLogin, DEMO_PASSWORD } from './support/api.ts';
import { browserSuiteSkipped, expectText, UI_TIMEOUT_MS } from './support/browser.ts';
import { useBrowserSessions } from './support/browser-sessions.ts';
import { type NewAnnouncement, publishForAll } from './support/call-flow-support.ts';

// 公告通知区 (UI-5, MSG-1) on the agent desktop: three titles, urgent first and marked 紧急; 显示全部
// opens them all; a new urgent announcement appears at once through the live stream's notice,
// without waiting for the 15 s poll.
const skip = browserSuiteSkipped('announcement area');
const AGENT = '1003';
/** What "at once" means for a pushed announcement: well under the 15 s poll. */
const PUSH_MS = 2_000;

const URGENT: NewAnnouncement = {
  title: '系统升级期间暂停办理套餐变更',
  body: '今晚 23:00 至次日 01:00 暂停办理套餐变更，请提前告知客户。',
  urgent: true,
};
/** Published in this order, the urgent one second: the newest ordinary ones come after it. */
const FIVE: NewAnnouncement[] = [
  { title: '本周排班已更新', body: '请登录排班系统查看本周班次。', urgent: false },
  URGENT,
  { title: '知识库新增宽带故障排查指引', body: '见知识库“宽带”分类。', urgent: false },
  { title: '季度服务之星评选开始', body: '欢迎推荐身边的同事。', urgent: false },
  { title: '请按时完成质检复核', body: '本周五前完成上周录音的复核。', urgent: false },
];
const PUSHED: NewAnnouncement = {
  title: '机房断电演练，话务可能短暂中断',
  body: '15 分钟内如遇断线请勿回拨，等待系统恢复。',
  urgent: true,
};

describe.skipIf(skip)('announcement area in Chromium', () => {
  const { baseUrl, signedIn } = useBrowserSessions('announcements');

  /** The titles the area shows, as the user reads them (紧急 tag included). */
  async function shownTitles(page: Page): Promise<string[]> {
    const titles = page.getByTestId('announcement-area').getByTestId('announcement-title');
    return (await titles.allTextContents()).map((text) => text.trim());
  }

  it('shows three titles, urgent first and marked 紧急, and all five under 显示全部', async () => {
    const admin = await apiLogin(baseUrl(), 'admin', DEMO_PASSWORD);
    for (const announcement of FIVE) await publishForAll(baseUrl(), admin, announcement);

    const page = await signedIn(AGENT);
    const area = page.getByTestId('announcement-area');
    await area.waitFor();
    const [ordinary1, , ordinary3, ordinary4, ordinary5] = FIVE.map((a) => a.title);
    await expect
      .poll(() => shownTitles(page), { timeout: UI_TIMEOUT_MS, interval: 100, message: 'titles in the area' })
      .toEqual([`紧急${URGENT.title}`, ordinary5, ordinary4]);
    const first = area.getByTestId('announcement-title').first();
    expect(await first.locator('.ant-tag').textContent()).toBe('紧急');

    // 显示全部 lists all five, in the same order, each with its text.
    await expectText(page.getByTestId('announcements-show-all'), /显示全部\s*\(5\)/);
    await page.getByTestId('announcements-show-all').click();
    const items = page.getByTestId('announcement-item');
    await expect.poll(() => items.count(), { timeout: UI_TIMEOUT_MS }).toBe(5);
    const listed = (await items.getByTestId('announcement-title').allTextContents()).map((t) => t.trim());
    expect(listed).toEqual([`紧急${URGENT.title}`, ordinary5, ordinary4, ordinary3, ordinary1]);
    await expectText(items.first(), new RegExp(URGENT.body.slice(0, 10)));
  });

  it('shows a new urgent announcement within 2 s while the desktop is open', async () => {
    const admin = await apiLogin(baseUrl(), 'admin', DEMO_PASSWORD);
    const page = await signedIn(AGENT);
    const loadedAt = Date.now();
    await expectText(page.getByTestId('live-status'), '已连接');
    const area = page.getByTestId('announcement-area');
    await area.waitFor();
    // Let the refetches of the page's start (first load, stream snapshot, focus) settle.
    await page.waitForTimeout(500);
    const before = await shownTitles(page);

    const publishedAt = Date.now();
    // Well before the next 15 s poll, so only the live notice can bring it within 2 s.
    expect(publishedAt - loadedAt).toBeLessThan(10_000);
    await publishForAll(baseUrl(), admin, PUSHED);
    const title = area.getByTestId('announcement-title').first();
    await expect
      .poll(() => title.textContent({ timeout: 500 }).catch(() => null), {
        timeout: PUSH_MS,
        interval: 50,
        message: 'the pushed announcement at the top of the area',
      })
      .toBe(`紧急${PUSHED.title}`);
    expect(Date.now() - publishedAt).toBeLessThan(PUSH_MS + 500);
    // The newest urgent one goes first; the others move down, still three at most.
    expect(await shownTitles(page)).toEqual([`紧急${PUSHED.title}`, ...before].slice(0, 3));
    await expectText(title.locator('.ant-tag'), '紧急');
  });
});
