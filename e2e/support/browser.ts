import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';

// Launch and teardown of the real browser for the e2e suites: Debian's Chromium, headless.
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const WEB_INDEX = join(REPO_ROOT, 'web', 'dist', 'index.html');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Viewport of every page (and of the documentation screenshots). */
export const VIEWPORT = { width: 1280, height: 800 } as const;

/**
 * How long a UI expectation may take to come true before the test fails. A patience limit, not a
 * speed target (speed is measured in bench/): CI runs browsers, servers and database suites side
 * by side on two cores, where a step that takes milliseconds alone can take seconds.
 */
export const UI_TIMEOUT_MS = 15_000;

function ciIsSet(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

const CHROMIUM_MISSING = `Chromium not found at ${CHROMIUM_PATH}: apt-get install chromium`;

/**
 * Whether a browser suite must be skipped because Chromium is missing. Never silent: off CI it
 * prints a loud warning; on CI the suite is not skipped, so `assertChromium` fails it with the
 * install hint.
 */
export function browserSuiteSkipped(suite: string): boolean {
  if (existsSync(CHROMIUM_PATH) || ciIsSet()) return false;
  const message = CHROMIUM_MISSING;
  const line = '!'.repeat(100);
  console.warn(
    `\n${line}\n!!! BROWSER SUITE SKIPPED: "${suite}"\n!!! ${message}\n!!! (with CI set, this fails the run instead)\n${line}\n`,
  );
  return true;
}

/** The suites serve the built web app; fail early and clearly when it has not been built. */
export function assertWebBuilt(): void {
  if (!existsSync(WEB_INDEX)) {
    throw new Error(
      `${WEB_INDEX} is missing: build the web app first (npm run build at the repository root)`,
    );
  }
}

/** Fails with the install hint when Chromium is missing (used on CI, where the suite is not skipped). */
export function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(CHROMIUM_MISSING);
}

export async function launchBrowser(): Promise<Browser> {
  assertChromium();
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** A fresh, isolated context (cookies, storage) with the Chinese UI defaults and the docs viewport. */
export async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: VIEWPORT,
    // No sliding drawers and dropdowns (the app honours the setting): on a loaded machine a click
    // on an element still moving can land beside it and do nothing.
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(UI_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(15_000);
  return context;
}

export async function closeQuietly(target: { close(): Promise<void> } | undefined): Promise<void> {
  if (!target) return;
  try {
    await target.close();
  } catch {
    // Already closed (the browser went away first); nothing left to clean up.
  }
}

/** Waits for the element to be visible, then until its text matches (reporting the last text seen). */
export async function expectText(locator: Locator, expected: string | RegExp): Promise<void> {
  await locator.waitFor({ state: 'visible' });
  const poll = expect.poll(() => locator.textContent({ timeout: 1_000 }).catch(() => null), {
    timeout: UI_TIMEOUT_MS,
    interval: 50,
    message: `text of ${locator}`,
  });
  if (typeof expected === 'string') await poll.toBe(expected);
  else await poll.toMatch(expected);
}

/** Waits until the page is at `path` (no query or hash), reporting the last URL seen. */
export async function expectPath(page: Page, path: string): Promise<void> {
  await expect
    .poll(() => new URL(page.url()).pathname, { timeout: UI_TIMEOUT_MS, interval: 50, message: 'page path' })
    .toBe(path);
}

/** Saves a documentation screenshot under docs/screenshots (overwritten on every run). */
export async function docScreenshot(page: Page, name: string): Promise<string> {
  const file = join(REPO_ROOT, 'docs', 'screenshots', name);
  await mkdir(dirname(file), { recursive: true });
  // Let web fonts and antd's entry animations settle so the picture is stable between runs.
  await page.evaluate('document.fonts.ready.then(() => true)');
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  return file;
}

/** On failure: a screenshot of the page in the temp folder, so the red test can be looked at. */
export async function failureScreenshot(page: Page | undefined, testName: string): Promise<string | null> {
  if (!page || page.isClosed()) return null;
  const file = join(tmpdir(), `switchboard-e2e-${testName.replace(/[^\w-]+/g, '_').slice(0, 80)}.png`);
  try {
    await page.screenshot({ path: file, timeout: 5_000 });
    return file;
  } catch {
    return null;
  }
}
