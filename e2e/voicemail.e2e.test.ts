import { mkdtempSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../server/src/db/database.ts';
import { migrateToLatest } from '../server/src/db/migrate.ts';
import { createPasswordHasher } from '../server/src/modules/auth/password-hasher.ts';
import {
  fakeEventSource,
  silentWav,
  voicemailLeft,
} from '../server/src/modules/voicemail/voicemail.fixture.ts';
import { seedDemoIfEmpty } from '../server/src/seed/seed-demo.ts';
import { apiLogin, DEMO_PASSWORD } from './support/api.ts';
import { browserSuiteSkipped, expectText, UI_TIMEOUT_MS } from './support/browser.ts';
import { QUIET_SERVER_ENV, useBrowserSessions } from './support/browser-sessions.ts';
import { openMenuItem } from './support/menu.ts';
import { pickOption } from './support/select.ts';

// VM-1 on the desktop: a message left while all agents were busy is in the box; team lead 2001
// plays it and assigns it to agent 1001, who marks it handled with the result.
const skip = browserSuiteSkipped('voicemail');
const CALLER = '13912340001';
// The server's data folder, prepared before it starts: demo data and one stored voicemail (fed to
// the module's own event recorder, as the call-control core would) with its WAV.
const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-e2e-vm-'));

type Detail = { state: string; result: string | null; events: { action: string }[] };

describe.skipIf(skip)('voicemail box in Chromium', () => {
  beforeAll(async () => {
    const handle = await openDatabase({ dataDir });
    try {
      await migrateToLatest(handle.db);
      await seedDemoIfEmpty(handle.db, createPasswordHasher({ memoryKib: 1024, timeCost: 1 }), new Date());
      const file = join(dataDir, 'recordings', 'e2e-vm-1.wav');
      await mkdir(join(dataDir, 'recordings'), { recursive: true });
      await writeFile(file, silentWav(3000));
      const source = fakeEventSource(handle.db, () => new Date());
      source.emit(
        voicemailLeft({
          callId: 'e2e-vm-1',
          callerNumber: CALLER,
          file,
          durationMs: 3000,
          startedAt: new Date().toISOString(),
        }),
      );
      await source.recorder.flush();
      source.recorder.close();
    } finally {
      await handle.close();
    }
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));
  const { baseUrl, signedIn } = useBrowserSessions('voicemail', { ...QUIET_SERVER_ENV, DATA_DIR: dataDir });

  async function openVoicemail(page: Page): Promise<void> {
    await openMenuItem(page, 'calls', 'voicemail');
    await page.getByTestId('voicemail-page').waitFor();
  }
  const rowOf = (page: Page) => page.locator('[data-testid^="voicemail-row-"]').filter({ hasText: CALLER });

  it('a lead plays and assigns the message; the agent marks it handled', async () => {
    const lead = await signedIn('2001');
    await openVoicemail(lead);
    const row = rowOf(lead);
    await row.waitFor({ timeout: UI_TIMEOUT_MS });
    const id = Number((await row.getAttribute('data-testid'))?.replace('voicemail-row-', ''));
    await expectText(row, /遇忙/);

    await lead.getByTestId(`voicemail-play-${id}`).click();
    const player = lead.getByTestId('voicemail-player');
    await player.waitFor();
    expect(await player.getAttribute('src')).toBe(`/api/voicemails/${id}/audio`);
    const audio = await lead.evaluate(
      (src) => fetch(src).then(async (r) => [r.status, r.headers.get('content-type')]),
      `/api/voicemails/${id}/audio`,
    );
    expect(audio).toEqual([200, 'audio/wav']);
    await lead.keyboard.press('Escape');
    await lead.getByTestId('voicemail-player-drawer').waitFor({ state: 'hidden' });

    await lead.getByTestId(`voicemail-assign-${id}`).click();
    await pickOption(lead, 'voicemail-assign-select', /^1001 /);
    await lead.getByTestId('voicemail-assign-ok').click();
    await lead.getByTestId('voicemail-state-all').click();
    await expectText(lead.getByTestId(`voicemail-state-of-${id}`), '处理中');

    const agent = await signedIn('1001');
    await openVoicemail(agent);
    await agent.getByTestId('voicemail-mine').click();
    await agent.getByTestId('voicemail-state-assigned').click();
    await rowOf(agent).waitFor({ timeout: UI_TIMEOUT_MS });
    await agent.getByTestId(`voicemail-handle-${id}`).click();
    await agent.getByTestId('voicemail-handle-result').fill('已回电，客户反映的宽带故障已报修');
    await agent.getByTestId('voicemail-handle-ok').click();
    await agent.getByTestId('voicemail-state-all').click();
    await expectText(agent.getByTestId(`voicemail-state-of-${id}`), '已处理');

    const cookie = await apiLogin(baseUrl(), '2001', DEMO_PASSWORD);
    const detail = (await (
      await fetch(`${baseUrl()}/api/voicemails/${id}`, {
        headers: { Cookie: cookie, Accept: 'application/json' },
      })
    ).json()) as Detail;
    expect(detail.state).toBe('handled');
    expect(detail.result).toBe('已回电，客户反映的宽带故障已报修');
    expect(detail.events.map((e) => e.action)).toEqual(['received', 'assigned', 'handled']);
    // The lead's desktop followed through the live notice, without a reload.
    await expectText(lead.getByTestId(`voicemail-state-of-${id}`), '已处理');
  });
});
