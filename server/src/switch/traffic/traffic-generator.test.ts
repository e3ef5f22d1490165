import { describe, expect, it } from 'vitest';
import { agentTakesCalls, HOUR, MINUTE, profileWith, setup } from './traffic.fixture.ts';
import { DEMO_PROFILE, type TrafficProfile, trafficProfileSchema } from './traffic-profile.ts';

describe('arrivals', () => {
  it('places about callsPerHour calls an hour (Poisson)', async () => {
    const { clock, traffic } = await setup(
      profileWith({
        accessCodes: [{ code: '1000', callsPerHour: 3600 }],
        patience: { medianMs: 5000, sigma: 0 },
      }),
    );

    traffic.start();
    await clock.advance(HOUR);
    traffic.stop();

    const { placed } = traffic.stats();
    expect(Math.abs(placed - 3600)).toBeLessThanOrEqual(4 * Math.sqrt(3600));
  });

  it('repeats exactly for the same seed, and differs for another', async () => {
    const run = async (seed: number) => {
      const profile = profileWith({
        seed,
        accessCodes: [{ code: '1000', callsPerHour: 600 }],
        vipShare: 0.2,
        vipNumbers: ['13900000001', '13900000002'],
        patience: { medianMs: 60_000, sigma: 0.6 },
      });
      const { clock, traffic, placed } = await setup(profile);
      traffic.start();
      await clock.advance(30 * MINUTE);
      return placed.map(({ at, callerNumber, vip, patienceMs, talkTimeMs }) => ({
        at: at.getTime(),
        callerNumber,
        vip,
        patienceMs,
        talkTimeMs,
      }));
    };

    const first = await run(11);
    expect(first.length).toBeGreaterThan(200);
    expect(await run(11)).toEqual(first);
    expect((await run(12)).slice(0, 10)).not.toEqual(first.slice(0, 10));
  });

  it('keeps each access code on its own random streams', async () => {
    const callsOn1000 = async (accessCodes: TrafficProfile['accessCodes']) => {
      const { clock, traffic, placed } = await setup(profileWith({ accessCodes }));
      traffic.start();
      await clock.advance(2 * HOUR);
      return placed.filter((c) => c.accessCode === '1000').map((c) => [c.at.getTime(), c.callerNumber]);
    };

    const alone = await callsOn1000([{ code: '1000', callsPerHour: 60 }]);
    const together = await callsOn1000([
      { code: '112', callsPerHour: 120 },
      { code: '1000', callsPerHour: 60 },
    ]);
    expect(alone.length).toBeGreaterThan(60);
    expect(together).toEqual(alone);
  });

  it('draws VIP callers at the configured share, others from random mobile numbers', async () => {
    const vipNumbers = ['13900000001', '13900000002', '13900000003'];
    const { clock, traffic, placed } = await setup(
      profileWith({
        accessCodes: [{ code: '1000', callsPerHour: 3600 }],
        vipShare: 0.25,
        vipNumbers,
        patience: { medianMs: 1000, sigma: 0 },
      }),
    );

    traffic.start();
    await clock.advance(HOUR);

    const vips = placed.filter((call) => call.vip);
    const n = placed.length;
    expect(Math.abs(vips.length - 0.25 * n)).toBeLessThan(4 * Math.sqrt(n * 0.25 * 0.75));
    expect(vips.every((call) => vipNumbers.includes(call.callerNumber))).toBe(true);
    expect(placed.filter((call) => !call.vip).every((call) => /^13\d{9}$/.test(call.callerNumber))).toBe(
      true,
    );
    expect(new Set(placed.map((call) => call.callerNumber)).size).toBeGreaterThan(n * 0.7);
  });
});

describe('control', () => {
  it('stop() ends arrivals but lets calls in progress finish; start() resumes', async () => {
    const { clock, sim, traffic } = await setup(
      profileWith({ accessCodes: [{ code: '1000', callsPerHour: 600 }] }),
    );
    const agentLegs = agentTakesCalls(sim);

    traffic.start();
    await clock.advance(10 * MINUTE);
    traffic.stop();
    expect(traffic.isRunning()).toBe(false);
    const atStop = traffic.stats();
    expect(atStop.inProgress).toBeGreaterThan(0);

    await clock.advance(HOUR);
    expect(traffic.stats()).toMatchObject({ placed: atStop.placed, completed: atStop.placed, inProgress: 0 });
    for (const leg of agentLegs) await sim.hangup(leg);
    expect(clock.pendingTimers).toBe(0);

    traffic.start();
    await clock.advance(10 * MINUTE);
    expect(traffic.stats().placed).toBeGreaterThan(atStop.placed);
  });

  it('stopAndHangUpAll() hangs every caller up at once, waiting or talking', async () => {
    const { clock, sim, traffic } = await setup(
      profileWith({
        accessCodes: [{ code: '1000', callsPerHour: 600 }],
        patience: { medianMs: HOUR, sigma: 0 },
      }),
    );
    const agentLegs = agentTakesCalls(sim, 2); // two callers talk, the rest wait

    traffic.start();
    await clock.advance(20 * MINUTE);
    await traffic.stopAndHangUpAll();
    await clock.advance(0);

    const stats = traffic.stats();
    expect(stats.placed).toBeGreaterThan(3);
    expect(stats.inProgress).toBe(0);
    expect(stats).toMatchObject({
      answeredByAgent: 2,
      completed: 2,
      abandoned: stats.placed - 2,
      endedBySwitch: 0,
    });
    expect(sim.snapshot().channels.filter((c) => c.direction === 'inbound')).toEqual([]);
    for (const leg of agentLegs) await sim.hangup(leg);
    expect(clock.pendingTimers).toBe(0);
  });

  it('setProfile() switches rates live and refuses an invalid profile', async () => {
    const { clock, traffic, placed } = await setup(profileWith());

    traffic.start();
    await clock.advance(HOUR);
    traffic.setProfile(profileWith({ accessCodes: [{ code: '112', callsPerHour: 600 }] }));
    const before = placed.length;
    await clock.advance(HOUR);

    const after = placed.slice(before);
    expect(after.every((call) => call.accessCode === '112')).toBe(true);
    expect(Math.abs(after.length - 600)).toBeLessThanOrEqual(4 * Math.sqrt(600));
    expect(() => traffic.setProfile(profileWith({ vipShare: 0.5, vipNumbers: [] }))).toThrow();
    expect(traffic.profile().accessCodes).toEqual([{ code: '112', callsPerHour: 600 }]);
  });

  it('reports a failing switch to onError without breaking the clock', async () => {
    const errors: unknown[] = [];
    const { clock, traffic } = await setup(
      profileWith({ accessCodes: [{ code: '1000', callsPerHour: 600 }] }),
      {
        driver: {
          customerCalls: () => Promise.reject(new Error('trunk down')),
          customerPressesDigits: async () => {},
          remoteHangsUp: async () => {},
          setExternalBehaviour: () => {},
        },
        onError: (error) => errors.push(error),
      },
    );

    traffic.start();
    await clock.advance(HOUR);

    expect(errors.length).toBeGreaterThan(500);
    expect(traffic.stats().placed).toBe(0);
  });
  it('dispose() stops arrivals, cancels its timers and leaves the switch alone', async () => {
    const { clock, sim, traffic } = await setup(
      profileWith({ accessCodes: [{ code: '1000', callsPerHour: 600 }] }),
    );
    agentTakesCalls(sim);

    traffic.start();
    await clock.advance(10 * MINUTE);
    const live = traffic.stats().inProgress;
    expect(live).toBeGreaterThan(0);
    traffic.dispose();

    expect(traffic.isRunning()).toBe(false);
    expect(clock.pendingTimers).toBe(0);
    expect(sim.snapshot().channels.filter((c) => c.direction === 'inbound')).toHaveLength(live);
    expect(() => traffic.start()).toThrow(/disposed/);
  });
});

describe('profiles', () => {
  it('runs the demo profile gently on all four access codes', async () => {
    const { clock, traffic, placed } = await setup(DEMO_PROFILE);

    traffic.start();
    await clock.advance(2 * HOUR);

    expect(placed.length).toBeGreaterThan(140); // 200 expected
    expect(placed.length).toBeLessThan(260);
    expect(new Set(placed.map((call) => call.accessCode))).toEqual(
      new Set(['1000', '10000', '112', '10001']),
    );
    expect(placed.some((call) => call.vip)).toBe(true);
  });

  it('accepts the demo profile and refuses nonsense', () => {
    expect(trafficProfileSchema.parse(DEMO_PROFILE)).toEqual(DEMO_PROFILE);
    const bad: unknown[] = [
      { ...DEMO_PROFILE, vipShare: 1.5 },
      { ...DEMO_PROFILE, vipNumbers: [] },
      { ...DEMO_PROFILE, accessCodes: [...DEMO_PROFILE.accessCodes, { code: '1000', callsPerHour: 1 }] },
      { ...DEMO_PROFILE, accessCodes: [{ code: 'abc', callsPerHour: 1 }] },
      { ...DEMO_PROFILE, patience: { medianMs: 0, sigma: 1 } },
      { ...DEMO_PROFILE, ivrDigits: { probability: 0.5, digits: ['9x'] } },
      { ...DEMO_PROFILE, allBusy: { ...DEMO_PROFILE.allBusy, callbackShare: 0.6, voicemailShare: 0.6 } },
      {
        ...DEMO_PROFILE,
        accessCodes: [{ code: '1000', callsPerHour: 1, ivrScripts: [{ name: 'x', weight: 0, steps: [] }] }],
      },
    ];
    for (const profile of bad) expect(trafficProfileSchema.safeParse(profile).success).toBe(false);
  });
});
