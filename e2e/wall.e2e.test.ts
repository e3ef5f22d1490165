import type { Locator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiLogin, DEMO_PASSWORD } from './support/api.ts';
import {
  browserSuiteSkipped,
  docScreenshot,
  expectPath,
  expectText,
  UI_TIMEOUT_MS,
} from './support/browser.ts';
import { QUIET_SERVER_ENV, useBrowserSessions } from './support/browser-sessions.ts';
import { openMenuItem } from './support/menu.ts';
import { auditEvents, setTraffic, snapshot, trafficProfile } from './support/wall-support.ts';

// The supervisor wall (实时监控, SUP-7) in a real browser against the real server: four demo agents
// on autopilot take simulated calls; the team lead 2001 watches them, listens to a call (SUP-1)
// and force-releases it (SUP-4).
const AUTOPILOT_AGENTS = 4;
const TEAM_LEAD = '2001';
/** The wall reads the snapshot every second: a change on the server shows within this time. */
const WALL_LAG_MS = 3_000;
const skip = browserSuiteSkipped('supervisor wall');

describe.skipIf(skip)('supervisor wall in Chromium', () => {
  const sessions = useBrowserSessions('wall', {
    ...QUIET_SERVER_ENV,
    DEMO_AUTOPILOT_AGENTS: String(AUTOPILOT_AGENTS),
  });
  const { baseUrl } = sessions;
  let page: Page;

  beforeEach(async () => {
    page = await sessions.newPage();
  });

  /** Signs in through the login form and opens 实时监控 from the menu. */
  async function openWallAs(employeeNo: string): Promise<void> {
    await page.goto('/');
    await expectPath(page, '/login');
    await page.getByTestId('login-employee-no').fill(employeeNo);
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    // 实时监控 is the `monitor` menu group (open by default); its item `wall` opens the wall tab.
    await openMenuItem(page, 'monitor', 'wall');
    await page.getByTestId('wall').waitFor();
  }

  const tile = (employeeNo: string): Locator => page.getByTestId(`wall-agent-${employeeNo}`);

  /** Waits until the tile shows `state` (the snapshot's state name, kept in data-state). */
  async function expectTileState(employeeNo: string, state: string, timeout = UI_TIMEOUT_MS): Promise<void> {
    await expect
      .poll(
        () =>
          tile(employeeNo)
            .getAttribute('data-state', { timeout: 500 })
            .catch(() => null),
        {
          timeout,
          interval: 50,
          message: `state of agent ${employeeNo}'s tile`,
        },
      )
      .toBe(state);
  }

  it('shows the autopilot agents, a call arriving, listening to it and force-releasing it', async () => {
    const admin = await apiLogin(baseUrl(), 'admin', DEMO_PASSWORD);
    const before = await snapshot(baseUrl(), admin);
    const agents = before.agents.filter((a) => a.state !== 'signed_out');
    expect(agents).toHaveLength(AUTOPILOT_AGENTS);

    await openWallAs(TEAM_LEAD);

    // Every autopilot agent has a tile, signed in ready (示闲), and the counts agree.
    for (const agent of agents) {
      await expectTileState(agent.employeeNo, 'ready');
      await expectText(page.getByTestId(`wall-agent-state-${agent.employeeNo}`), '示闲');
    }
    await expectText(page.getByTestId('wall-count-ready'), new RegExp(`示闲\\s*${AUTOPILOT_AGENTS}`));
    await expectText(page.getByTestId('wall-count-talking'), /通话\s*0/);

    // Calls arrive on one access code at 3,600 an hour for about three seconds. The callers talk
    // and wait long enough that nothing ends by itself during the test.
    const profile = await trafficProfile(baseUrl(), admin);
    const code = profile.accessCodes[0]?.code;
    if (!code) throw new Error('the demo traffic profile has no access code');
    await setTraffic(baseUrl(), admin, true, {
      ...profile,
      // The demo IVR answers first: every caller asks for a human (0) at once.
      ivrDigits: { probability: 1, digits: ['0'] },
      accessCodes: [{ code, callsPerHour: 3600 }],
      talkTime: { medianMs: 600_000, sigma: 0 },
      patience: { medianMs: 600_000, sigma: 0 },
    });
    let talking: { agentId: number; employeeNo: string; callId: string } | undefined;
    try {
      await expect
        .poll(
          async () => {
            const now = await snapshot(baseUrl(), admin);
            const agent = now.agents.find((a) => a.state === 'talking' && a.callId !== null);
            if (agent?.callId)
              talking = { agentId: agent.agentId, employeeNo: agent.employeeNo, callId: agent.callId };
            return talking !== undefined;
          },
          { timeout: UI_TIMEOUT_MS, interval: 100, message: 'an autopilot agent talking on the server' },
        )
        .toBe(true);
    } finally {
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      await setTraffic(baseUrl(), admin, false);
    }
    if (!talking) throw new Error('no agent is talking');
    const { agentId, employeeNo, callId } = talking;

    // The wall follows the server within a few seconds: the tile turns 通话 with the caller's number.
    await expectTileState(employeeNo, 'talking', WALL_LAG_MS);
    await expectText(page.getByTestId(`wall-agent-state-${employeeNo}`), '通话');
    await expectText(tile(employeeNo), /1\d{10}/);
    await expectText(page.getByTestId('wall-kpi-calls'), /^[1-9]\d*$/);
    await page.waitForTimeout(1_500); // let the charts draw a few samples for the picture
    await docScreenshot(page, 'wall.png');

    // The team lead opens the agent and listens (监听).
    await tile(employeeNo).click();
    await expectText(page.getByTestId('wall-drawer-state'), '通话');
    await page.getByTestId('wall-action-listen').click();
    await page.getByTestId('wall-monitoring').waitFor();
    await expect
      .poll(async () => {
        const now = await snapshot(baseUrl(), admin);
        return now.lines.some((l) => l.callId === callId && l.role === 'supervisor');
      })
      .toBe(true);
    const monitors = await auditEvents(baseUrl(), admin, 'supervisor.monitor');
    expect(monitors[0]).toMatchObject({
      actorEmployeeNo: TEAM_LEAD,
      objectType: 'agent',
      objectId: String(agentId),
      detail: { mode: 'listen', callId },
    });

    // 强拆 asks first, then ends the call: the tile leaves 通话 (the agent wraps up).
    await page.getByTestId('wall-action-force-release').click();
    await page.getByTestId('wall-confirm-ok').click();
    await expect
      .poll(() => tile(employeeNo).getAttribute('data-state'), { timeout: WALL_LAG_MS, interval: 50 })
      .not.toBe('talking');
    await expectText(page.getByTestId(`wall-agent-state-${employeeNo}`), '整理');
    // The caller's leg is torn down right after the agent's: the call leaves the server's list.
    await expect
      .poll(async () => (await snapshot(baseUrl(), admin)).calls.map((c) => c.callId), {
        timeout: WALL_LAG_MS,
      })
      .not.toContain(callId);
    const releases = await auditEvents(baseUrl(), admin, 'supervisor.force_release');
    expect(releases[0]).toMatchObject({ actorEmployeeNo: TEAM_LEAD, objectId: String(agentId) });
  });
});
