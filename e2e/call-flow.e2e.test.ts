import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiLogin, DEMO_PASSWORD } from './support/api.ts';
import { browserSuiteSkipped, expectText, UI_TIMEOUT_MS } from './support/browser.ts';
import { useBrowserSessions } from './support/browser-sessions.ts';
import { flowSnapshot, placeCall } from './support/call-flow-support.ts';
import { openMenuItem } from './support/menu.ts';

// The whole story of one call, end to end in a real browser against the real server: agent A
// signs in, a simulated customer call rings, the screen pop opens, A answers, holds, consults agent
// B (another browser session), completes the transfer and wraps up; B talks to the caller; the team
// lead follows it all on the wall (实时监控) and barges in.
const skip = browserSuiteSkipped('call flow');

const AGENT_A = '1001'; // 话费查询 (BILL) and 综合
const AGENT_B = '1002'; // 故障报修 only: cannot be offered a 话费查询 call
const TEAM_LEAD = '2001';
/** 话费查询: of the agents signed in, only A has that skill. */
const ACCESS_CODE = '10000';
const CALLER = '13900001111';
/** The wall reads the snapshot every second: a change on the server shows within this time. */
const WALL_LAG_MS = 3_000;

describe.skipIf(skip)('one call from ring to barge-in, in Chromium', () => {
  const { baseUrl, signedIn } = useBrowserSessions('call-flow');

  /** 签入 then 示闲 on the softphone, once the live connection is up. */
  async function signInReady(page: Page): Promise<void> {
    await expectText(page.getByTestId('live-status'), '已连接');
    await page.getByTestId('sp-sign-in').click();
    await expectText(page.getByTestId('agent-state'), /示忙/);
    await page.getByTestId('sp-ready').click();
    await expectText(page.getByTestId('agent-state'), '示闲');
  }

  async function openWall(page: Page): Promise<void> {
    // 实时监控 is the `monitor` menu group (open by default); its item `wall` opens the wall tab.
    await openMenuItem(page, 'monitor', 'wall');
    await page.getByTestId('wall').waitFor();
  }

  /** Waits until the wall tile shows `state` (the snapshot's state name, kept in data-state). */
  async function expectTileState(tile: Locator, state: string): Promise<void> {
    await expect
      .poll(() => tile.getAttribute('data-state', { timeout: 500 }).catch(() => null), {
        timeout: WALL_LAG_MS + UI_TIMEOUT_MS,
        interval: 50,
        message: `state of ${tile}`,
      })
      .toBe(state);
  }

  it('rings agent A, who answers, holds, consults agent B and transfers; the team lead sees it and barges in', async () => {
    const admin = await apiLogin(baseUrl(), 'admin', DEMO_PASSWORD);
    const leadCookie = await apiLogin(baseUrl(), TEAM_LEAD, DEMO_PASSWORD);

    // The team lead watches the wall; agent A signs in ready.
    const lead = await signedIn(TEAM_LEAD);
    await openWall(lead);
    const a = await signedIn(AGENT_A);
    await signInReady(a);
    const tileA = lead.getByTestId(`wall-agent-${AGENT_A}`);
    await expectTileState(tileA, 'ready');
    await expectText(lead.getByTestId(`wall-agent-state-${AGENT_A}`), '示闲');

    // A customer calls 话费查询: it rings at A, and the screen pop opens with the caller's number.
    await placeCall(baseUrl(), admin, CALLER, ACCESS_CODE);
    await a.getByTestId('screen-pop').waitFor();
    await expectText(a.getByTestId('pop-caller'), CALLER);
    await expectText(a.getByTestId('pop-status'), '振铃中');
    await expectText(a.getByTestId('pop-routing'), new RegExp(`分配给 ${AGENT_A}`));
    await expectText(a.getByTestId('agent-state'), '振铃');
    await expectTileState(tileA, 'ringing');

    // Agent B signs in only now, so the call could never have been offered to B.
    const b = await signedIn(AGENT_B);
    await signInReady(b);

    // A answers: talking, the talk time runs; the wall shows A 通话 with the caller's number.
    await a.getByTestId('sp-answer').click();
    await expectText(a.getByTestId('agent-state'), '通话');
    await expectText(a.getByTestId('pop-status'), '通话中');
    await expectText(a.getByTestId('talk-time'), /^00:0[1-9]$/);
    await expectTileState(tileA, 'talking');
    await expectText(lead.getByTestId(`wall-agent-state-${AGENT_A}`), '通话');
    await expectText(tileA, new RegExp(CALLER));

    // A holds the caller.
    await a.getByTestId('sp-hold').click();
    await expectText(a.getByTestId('agent-state'), '保持');
    await expectTileState(tileA, 'hold');
    await expectText(lead.getByTestId(`wall-agent-state-${AGENT_A}`), '保持');

    // A consults B: the picker lists B as a ready colleague.
    await a.getByTestId('sp-consult').click();
    // (The dialog's test id sits on antd's zero-size modal root: wait for its content instead.)
    const picker = a.getByTestId('target-agent');
    await picker.waitFor();
    await picker.click();
    const optionB = a.locator('.ant-select-item-option').filter({ hasText: new RegExp(`^${AGENT_B} `) });
    await expectText(optionB, new RegExp(`^${AGENT_B} .+ · 示闲$`));
    await optionB.click();
    await a.getByTestId('target-submit').click();
    await picker.waitFor({ state: 'detached' });

    // B's phone rings with A's consultation; B answers.
    await expectText(b.getByTestId('agent-state'), '振铃');
    await b.getByTestId('sp-answer').click();
    await expectText(b.getByTestId('agent-state'), '通话');

    // A completes the transfer and is left in wrap-up (整理), then finishes it.
    const complete = a.getByTestId('sp-complete');
    await expect.poll(() => complete.isEnabled(), { timeout: UI_TIMEOUT_MS }).toBe(true);
    await complete.click();
    await expectText(a.getByTestId('agent-state'), '整理');
    await expectText(a.getByTestId('talk-time'), '--:--');
    // A's call history shows the hand-over, and A's pop says A is off the call.
    await expectText(a.getByTestId('pop-timeline'), /转接/);
    await expectText(a.getByTestId('pop-status'), '已结束');
    const wrapUp = a.getByTestId('sp-wrap-up');
    expect(await wrapUp.isEnabled()).toBe(true);
    await expectTileState(tileA, 'after_call_work');
    await wrapUp.click();
    // The call has no purpose tag (CTI-19): the softphone asks once before ending wrap-up.
    await a.getByRole('button', { name: '仍然结束整理' }).click();
    await expectText(a.getByTestId('agent-state'), '示闲');
    await expectTileState(tileA, 'ready');
    expect(await a.getByTestId('sp-answer').isEnabled()).toBe(false);

    // B now talks to the caller: B's talk time runs and B's pop shows the caller, in conversation.
    await expectText(b.getByTestId('agent-state'), '通话');
    await expectText(b.getByTestId('talk-time'), /^\d\d:\d\d$/);
    await b.getByTestId('screen-pop').waitFor();
    await expectText(b.getByTestId('pop-caller'), CALLER);
    await expectText(b.getByTestId('pop-status'), '通话中');
    const snap = await flowSnapshot(baseUrl(), leadCookie);
    const agentB = snap.agents.find((x) => x.employeeNo === AGENT_B);
    const callId = agentB?.callId;
    if (!agentB || !callId) throw new Error(`agent ${AGENT_B} is not on a call: ${JSON.stringify(snap)}`);
    expect(agentB.state).toBe('talking');
    expect(snap.lines.filter((l) => l.callId === callId && l.role === 'customer')).toMatchObject([
      { number: CALLER, connected: true },
    ]);
    expect(await b.getByTestId('screen-pop').getAttribute('data-call-id')).toBe(callId);

    // The wall: B's tile shows 通话 with the caller's number; A's is no longer on the call.
    const tileB = lead.getByTestId(`wall-agent-${AGENT_B}`);
    await expectTileState(tileB, 'talking');
    await expectText(lead.getByTestId(`wall-agent-state-${AGENT_B}`), '通话');
    await expectText(tileB, new RegExp(CALLER));
    expect(await tileA.getAttribute('data-state')).not.toBe('talking');

    // The team lead opens B and barges in (强插): the server has the lead's line on the call.
    await tileB.click();
    await expectText(lead.getByTestId('wall-drawer-state'), '通话');
    await lead.getByTestId('wall-action-barge').click();
    await lead.getByTestId('wall-monitoring').waitFor();
    await expect
      .poll(
        async () => {
          const now = await flowSnapshot(baseUrl(), leadCookie);
          return now.lines.filter((l) => l.callId === callId && l.role === 'supervisor');
        },
        { timeout: UI_TIMEOUT_MS, interval: 100, message: "the team lead's line on the call" },
      )
      .toMatchObject([{ connected: true }]);
    // B is still talking to the caller, now with the team lead on the line.
    await expectText(b.getByTestId('agent-state'), '通话');
    await expectTileState(tileB, 'talking');
  }, 90_000);
});
