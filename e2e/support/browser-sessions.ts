import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { type RunningServer, spawnServer } from '../../server/src/testing/spawn-server.ts';
import { DEMO_PASSWORD } from './api.ts';
import {
  assertChromium,
  assertWebBuilt,
  closeQuietly,
  expectPath,
  failureScreenshot,
  launchBrowser,
  newContext,
} from './browser.ts';

/** No random calls and no auto-pilot agents: the only calls are the ones a test places. */
export const QUIET_SERVER_ENV = {
  PASSWORD_MEMORY_KIB: '1024',
  PASSWORD_TIME_COST: '1',
  SIMULATE_TRAFFIC: 'false',
  DEMO_AUTOPILOT_AGENTS: '0',
} as const;

export type BrowserSessions = {
  baseUrl(): string;
  server(): RunningServer;
  /** A fresh browser session (own cookies), not signed in; closed after the test. */
  newPage(): Promise<Page>;
  /** A fresh browser session signed in through the login form, on the desktop; closed after the test. */
  signedIn(employeeNo: string, password?: string): Promise<Page>;
};

/**
 * One real server and one Chromium for the enclosing `describe`, a separate browser context per
 * person signed in; on a failure every open page is screenshotted and the server's output printed.
 * A failed start is rethrown by every test that asks for a session, so it counts as failures.
 */
export function useBrowserSessions(
  name: string,
  env: Record<string, string> = QUIET_SERVER_ENV,
): BrowserSessions {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let setupError: unknown;
  const contexts: BrowserContext[] = [];
  // What each page printed to its console, kept to explain a failure.
  const consoleLines = new WeakMap<Page, string[]>();

  beforeAll(async () => {
    try {
      assertWebBuilt();
      assertChromium();
      const [started, launched] = await Promise.allSettled([spawnServer(env), launchBrowser()]);
      if (started.status === 'fulfilled') server = started.value;
      if (launched.status === 'fulfilled') browser = launched.value;
      if (started.status === 'rejected') throw started.reason;
      if (launched.status === 'rejected') throw launched.reason;
    } catch (error) {
      setupError = error;
    }
  });

  afterAll(async () => {
    for (const c of contexts) await closeQuietly(c);
    await closeQuietly(browser);
    await server?.stop();
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') {
      const shots: string[] = [];
      const pages: string[] = [];
      for (const [i, c] of contexts.entries()) {
        const page = c.pages()[0];
        const shot = await failureScreenshot(page, `${name}-${i}-${ctx.task.name}`);
        if (shot) shots.push(shot);
        if (page) pages.push(await describePage(page, consoleLines.get(page) ?? []));
      }
      console.error(
        `[e2e] "${ctx.task.name}" failed; screenshots: ${shots.join(', ') || '(none)'}\n` +
          `[e2e] pages:\n${pages.join('\n') || '(none)'}\n` +
          `[e2e] server output:\n${server?.logs() ?? '(no server)'}`,
      );
    }
    // Each test starts from fresh sessions.
    for (const c of contexts.splice(0)) await closeQuietly(c);
  });

  const started = (): RunningServer => {
    if (setupError) throw setupError;
    if (!server) throw new Error('server not started');
    return server;
  };

  const newPage = async (): Promise<Page> => {
    const base = started().baseUrl;
    if (!browser) throw new Error('browser not started');
    const context = await newContext(browser, base);
    contexts.push(context);
    const page = await context.newPage();
    const lines: string[] = [];
    consoleLines.set(page, lines);
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') lines.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => lines.push(`pageerror: ${e.message}`));
    return page;
  };

  return {
    server: started,
    baseUrl: () => started().baseUrl,
    newPage,
    async signedIn(employeeNo, password = DEMO_PASSWORD) {
      const page = await newPage();
      await page.goto('/');
      await expectPath(page, '/login');
      await page.getByTestId('login-employee-no').fill(employeeNo);
      await page.getByTestId('login-password').fill(password);
      // The desktop is ready once its first screen has loaded what is addressed to this person.
      const firstAnnouncements = page.waitForResponse((r) => r.url().includes('/api/announcements/mine'));
      await page.getByTestId('login-submit').click();
      await expectPath(page, '/');
      await firstAnnouncements;
      return page;
    },
  };
}

/** The URL, visible text and console errors of a page, for a failure report (CI keeps no files). */
async function describePage(page: Page, consoleLines: string[]): Promise<string> {
  const text = await page
    .evaluate('document.body.innerText')
    .then((t) => String(t).replace(/\s+/g, ' ').slice(0, 1500))
    .catch((e: unknown) => `(no text: ${String(e)})`);
  return `  ${page.url()}\n  text: ${text}\n  console: ${consoleLines.slice(-20).join(' | ') || '(none)'}`;
}
