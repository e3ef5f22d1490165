import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IvrJourney } from '@switchboard/shared';
import { afterEach, expect, it } from 'vitest';
import { SimClock } from '../../switch/sim/sim-clock.ts';
import { createSimSwitch, type SimSwitch } from '../../switch/sim/sim-switch.ts';
import { describeOnEachDialect } from '../../testing/test-app.ts';
import { IvrHost, type IvrLeave } from './ivr-host.ts';
import { setServicePassword } from './service-password.ts';

// IVR-1…IVR-5 and ACD-7 end to end on the simulated switch with its controllable clock: the
// demo flow of access code 1000, DTMF sent by the simulated caller.
describeOnEachDialect('IVR on the simulated switch (IVR-1, IVR-3, IVR-5, ACD-7)', (server) => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => cleanup?.());

  async function setup() {
    const clock = new SimClock(new Date('2026-01-05T09:00:00Z'));
    const dir = await mkdtemp(join(tmpdir(), 'switchboard-ivr-'));
    const sim: SimSwitch = createSimSwitch({ clock, recordingsDir: dir, promptDurationMs: () => 1000 });
    const left: IvrLeave[] = [];
    const host = new IvrHost({
      db: server().db,
      port: sim,
      timers: clock,
      hasher: server().deps.hasher,
      onLeave: (l) => void left.push(l),
    });
    cleanup = async () => {
      host.close();
      await sim.shutdown();
      await rm(dir, { recursive: true, force: true });
    };
    let calls = 0;
    const call = async (caller: string, accessCode = '1000') => {
      const channel = await sim.customerCalls(caller, accessCode);
      await sim.answer(channel.id);
      calls += 1;
      const callId = `ivr-test-${server().dialect}-${caller}-${calls}`;
      return { callId, channel, started: await host.start(callId, channel) };
    };
    /** Lets `ms` pass in steps, waiting for the IVR (and its database work) after each. */
    const pass = async (ms: number) => {
      for (let t = 0; t < ms; t += 100) {
        await clock.advance(100);
        await host.flush();
      }
    };
    const press = async (channelId: string, digits: string) => {
      await sim.customerPressesDigits(channelId, digits);
      await pass(digits.length * 100 + 100);
    };
    const journey = async (callId: string) => {
      await host.flush();
      const res = await server().request<IvrJourney>('GET', `/api/ivr/calls/${callId}/journey`, {
        cookie: await server().login('1001'),
      });
      expect(res.status, res.text).toBe(200);
      return res.body;
    };
    return { sim, host, left, call, pass, press, journey };
  }

  it('an access code without a published flow does not enter the IVR', async () => {
    const { call } = await setup();
    expect((await call('13900000001', '112')).started).toBe(false);
  });

  it('bill query: the service password, the bill read out, hang up: self-served, every step in the IVR log', async () => {
    const { call, pass, press, journey, sim } = await setup();
    await setServicePassword(server().db, server().deps.hasher, {
      phoneNumber: '13912340001',
      digits: '135790',
      callId: null,
      now: new Date(),
    });
    const { callId, channel } = await call('13912340001');
    await pass(1000); // welcome
    await press(channel.id, '1'); // interrupts the menu prompt
    await press(channel.id, '135790');
    await pass(15_000); // readout prompts
    await sim.remoteHangsUp(channel.id);
    await pass(100);
    const j = await journey(callId);
    expect(j.path.map((p) => p.nodeId)).toEqual([
      'welcome',
      'main_menu',
      'bill_password',
      'bill_verify',
      'bill_query',
      'bill_readout',
      'bill_after',
    ]);
    expect(j.exitClass).toBe('self_served');
    expect(j.service).toBe('bill');
    const events = j.log.map((l) => l.event);
    expect(events).toContain('prompt_interrupted');
    expect(events).toContain('prompt_finished');
    expect(events).toContain('caller_hangup');
    expect(j.log.filter((l) => l.event === 'key_press').map((l) => l.detail.digit)).toEqual([
      '1',
      '*',
      '*',
      '*',
      '*',
      '*',
      '*',
    ]);
    expect(JSON.stringify(j.log)).not.toContain('135790');
  });

  it("ACD-7: '0' during the menu leaves the IVR for the general queue, classified as transferred", async () => {
    const { call, pass, press, left, journey } = await setup();
    const { callId, channel } = await call('13912340002');
    await pass(1500);
    await press(channel.id, '0');
    expect(left.map((l) => [l.callId, l.transfer])).toEqual([
      [callId, { kind: 'queue', queueCode: 'GENERAL' }],
    ]);
    const j = await journey(callId);
    expect(j.exitClass).toBe('transferred_agent');
    expect(j.path.map((p) => p.nodeId)).toEqual(['welcome', 'main_menu']);
  });

  it('silence at the menu: timeouts and error prompts, then goodbye and release (abandoned in IVR)', async () => {
    const { call, pass, journey, sim } = await setup();
    const { callId, channel } = await call('13912340003');
    await pass(1000 + 3 * (2000 + 5000) + 1000);
    const j = await journey(callId);
    expect(j.log.filter((l) => l.event === 'timeout')).toHaveLength(3);
    expect(j.log.filter((l) => l.event === 'error_prompt')).toHaveLength(2);
    expect(j.path.at(-1)?.nodeId).toBe('goodbye');
    expect(j.exitClass).toBe('abandoned_ivr');
    expect(sim.getChannel(channel.id)?.state).toBe('hungup');
  });
});
