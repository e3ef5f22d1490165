import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiLogin, createStaff, DEMO_PASSWORD, loginLog } from './support/api.ts';
import { browserSuiteSkipped, docScreenshot, expectPath, expectText } from './support/browser.ts';
import { useBrowserSessions } from './support/browser-sessions.ts';

// The web shell in a real browser against the real server: sign-in page, home page with the
// status bar, language switch, sign-out and the forced password change.
const CENTER_NAME = '示例客服中心';
const skip = browserSuiteSkipped('web shell: login and home');

describe.skipIf(skip)('web shell in Chromium', () => {
  const sessions = useBrowserSessions('web-shell', { PASSWORD_MEMORY_KIB: '1024', PASSWORD_TIME_COST: '1' });
  const { baseUrl } = sessions;
  let page: Page;

  beforeEach(async () => {
    page = await sessions.newPage();
  });

  /** Opens the app the way a user does (the root address) and waits for the sign-in form. */
  async function openLoginPage(): Promise<void> {
    await page.goto('/');
    await expectPath(page, '/login');
    await page.getByTestId('login-submit').waitFor();
  }

  async function submitLogin(employeeNo: string, password: string): Promise<void> {
    await page.getByTestId('login-employee-no').fill(employeeNo);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
  }

  async function signIn(employeeNo: string, password: string): Promise<void> {
    await openLoginPage();
    await submitLogin(employeeNo, password);
    await page.getByTestId('status-bar').waitFor();
    await expectPath(page, '/');
  }

  it('shows the center name as the login heading and the window title', async () => {
    await openLoginPage();
    await expectText(page.getByTestId('center-name'), CENTER_NAME);
    await expect.poll(() => page.title()).toBe(CENTER_NAME);
    expect(await page.getByTestId('locale-switch').getAttribute('data-locale')).toBe('zh-CN');
    await docScreenshot(page, 'login.png');
  });

  it('shows the server error for a wrong password, stays on /login and logs the failure', async () => {
    await openLoginPage();
    await submitLogin('1002', 'Wrong@2026');

    await expectText(page.getByTestId('login-error'), '工号或密码错误');
    await expectPath(page, '/login');
    // The password is cleared for the next try; the employee number is kept.
    expect(await page.getByTestId('login-password').inputValue()).toBe('');
    expect(await page.getByTestId('login-employee-no').inputValue()).toBe('1002');

    const admin = await apiLogin(baseUrl(), 'admin', DEMO_PASSWORD);
    const rows = await loginLog(baseUrl(), admin, '1002');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      event: 'login',
      loginName: '1002',
      ip: '127.0.0.1',
      result: 'failure',
    });
    // Recorded from the browser, not from this test's own API calls.
    expect(rows[0]?.userAgent).toMatch(/Chrome/);
  });

  it('signs agent 1001 in to the home page with the status bar, then signs out for good', async () => {
    await signIn('1001', DEMO_PASSWORD);

    await expectText(page.getByTestId('welcome'), /王芳/);
    await expectText(page.getByTestId('header-center-name'), CENTER_NAME);
    await expect.poll(() => page.title()).toBe(CENTER_NAME);
    await expectText(page.getByTestId('status-employee-no'), '1001');
    await expectText(page.getByTestId('status-name'), '王芳');
    await expectText(page.getByTestId('status-extension'), '8001');
    await expectText(page.getByTestId('status-skills'), /话费查询/);
    await expectText(page.getByTestId('status-roles'), /业务代表/);
    await expectText(page.getByTestId('status-agent-state'), /未签入/);
    // A demo agent has no pending password change.
    expect(await page.getByTestId('change-password-dialog').count()).toBe(0);
    await docScreenshot(page, 'home.png');

    await page.getByTestId('logout').click();
    await expectPath(page, '/login');
    await expectText(page.getByTestId('login-notice'), '您已安全退出。');
    expect((await page.context().cookies())?.map((c) => c.name)).not.toContain('sb_session');

    await page.goto('/');
    await expectPath(page, '/login');
    await page.getByTestId('login-submit').waitFor();
    expect(await page.getByTestId('status-bar').count()).toBe(0);
    // Ended by the user, so no "session expired" warning either.
    expect(await page.getByTestId('login-notice').count()).toBe(0);
  });

  it('switches the login page to English, including the server error message', async () => {
    await openLoginPage();
    await expectText(page.getByTestId('login-submit'), '登录');

    await page.getByTestId('locale-switch').click();
    await expectText(page.getByTestId('login-submit'), 'Sign in');
    await expectText(page.locator('label[for="employeeNo"]'), 'Employee ID');
    await expectText(page.locator('label[for="password"]'), 'Password');
    expect(await page.getByTestId('locale-switch').getAttribute('data-locale')).toBe('en-US');
    expect(await page.getAttribute('html', 'lang')).toBe('en-US');

    await submitLogin('1003', 'Wrong@2026');
    await expectText(page.getByTestId('login-error'), 'Wrong employee ID or password');
    await expectPath(page, '/login');

    // The choice survives a reload.
    await page.reload();
    await expectText(page.getByTestId('login-submit'), 'Sign in');
  });

  it('validates required fields in the browser without calling the server', async () => {
    const loginRequests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/auth/login') loginRequests.push(request.method());
    });
    await openLoginPage();
    const fieldErrors = page.locator('.ant-form-item-explain-error');

    await page.getByTestId('login-submit').click();
    await expect.poll(() => fieldErrors.allInnerTexts()).toEqual(['请输入工号', '请输入密码']);

    // Blanks only still count as empty for the employee number.
    await page.getByTestId('login-employee-no').fill('   ');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await expect.poll(() => fieldErrors.allInnerTexts()).toEqual(['请输入工号']);

    // Give a wrongly sent request time to show up before concluding none was sent.
    await page.waitForTimeout(300);
    expect(loginRequests).toEqual([]);
    expect(await page.getByTestId('login-error').count()).toBe(0);
    await expectPath(page, '/login');
  });

  it('forces a new user to change the password, then lets them in with the new one', async () => {
    const admin = await apiLogin(baseUrl(), 'admin', DEMO_PASSWORD);
    await createStaff(baseUrl(), admin, {
      employeeNo: 'E2E01',
      name: '测试员',
      roles: ['agent'],
      password: 'Initial@2026',
    });

    await signIn('E2E01', 'Initial@2026');
    const dialog = page.getByTestId('change-password-dialog');
    await dialog.waitFor();
    await page.getByTestId('change-password-forced').waitFor();
    // Forced: the only ways out are changing the password or signing out.
    expect(await dialog.locator('.ant-modal-close').count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(400); // longer than the modal's closing animation
    expect(await dialog.isVisible()).toBe(true);

    await page.getByTestId('change-password-current').fill('Initial@2026');
    await page.getByTestId('change-password-new').fill('Changed@2026');
    await page.getByTestId('change-password-confirm').fill('Changed@2026');
    await page.getByTestId('change-password-submit').click();

    await dialog.waitFor({ state: 'hidden' });
    await expectText(page.locator('.ant-message'), /密码已修改/);
    await expectText(page.getByTestId('welcome'), /测试员/);

    await page.getByTestId('logout').click();
    await expectPath(page, '/login');
    await submitLogin('E2E01', 'Changed@2026');
    await page.getByTestId('status-bar').waitFor();
    await expectText(page.getByTestId('status-employee-no'), 'E2E01');
    await expectText(page.getByTestId('welcome'), /测试员/);
    expect(await dialog.count()).toBe(0);
  });
});
