import { describe, expect, it } from 'vitest';
import type { ChannelId } from '../switch-port.ts';
import {
  agentTakesCalls,
  endedAfterMs,
  HOUR,
  MINUTE,
  profileWith,
  setup,
  switchAnswersCalls,
} from './traffic.fixture.ts';

describe('callers', () => {
  it('abandon after their patience when no agent answers, even if the switch picked up', async () => {
    const { clock, sim, traffic, placed } = await setup(profileWith());
    switchAnswersCalls(sim);

    traffic.start();
    await clock.advance(30 * MINUTE);
    traffic.stop();
    await clock.advance(MINUTE);

    expect(placed.length).toBeGreaterThan(10);
    for (const call of placed) {
      expect(sim.getChannel(call.channelId)).toMatchObject({ state: 'hungup', hangupCause: 'normal' });
      expect(sim.getChannel(call.channelId)?.answeredAt).not.toBeNull();
      expect(endedAfterMs(sim, call.channelId)).toBe(30_000);
    }
    expect(traffic.stats()).toEqual({
      placed: placed.length,
      answeredByAgent: 0,
      abandoned: placed.length,
      completed: 0,
      endedBySwitch: 0,
      inProgress: 0,
      callbackRequests: 0,
      voicemailRequests: 0,
      callbacksAnswered: 0,
    });
    expect(clock.pendingTimers).toBe(0);
  });

  it('talk for their talk time once an agent is bridged with them, then hang up', async () => {
    const { clock, sim, traffic, placed } = await setup(
      profileWith({ patience: { medianMs: 10_000, sigma: 0 } }),
    );
    const agentLegs = agentTakesCalls(sim);

    traffic.start();
    await clock.advance(30 * MINUTE);
    traffic.stop();
    await clock.advance(5 * MINUTE);

    expect(placed.length).toBeGreaterThan(10);
    for (const call of placed) {
      expect(sim.getChannel(call.channelId)).toMatchObject({ state: 'hungup', hangupCause: 'normal' });
      expect(endedAfterMs(sim, call.channelId)).toBe(120_000); // patience (10 s) no longer counts
    }
    const n = placed.length;
    expect(traffic.stats()).toMatchObject({ placed: n, answeredByAgent: n, completed: n, abandoned: 0 });
    expect(traffic.stats().inProgress).toBe(0);
    for (const leg of agentLegs) await sim.hangup(leg);
    expect(clock.pendingTimers).toBe(0);
  });

  it('keep waiting while alone in a bridge or with a listener only; the agent joining starts the talk', async () => {
    const { clock, sim, traffic, placed } = await setup(
      profileWith({
        accessCodes: [{ code: '1000', callsPerHour: 36_000 }],
        patience: { medianMs: 60_000, sigma: 0 },
        talkTime: { medianMs: 60_000, sigma: 0 },
      }),
    );
    traffic.onCallPlaced(() => traffic.stop()); // just one call
    let bridgeId = '';
    sim.onEvent((event) => {
      if (event.type !== 'inbound_call') return;
      void (async () => {
        await sim.answer(event.channel.id);
        bridgeId = (await sim.createBridge()).id;
        await sim.addToBridge(bridgeId, event.channel.id);
      })();
    });

    traffic.start();
    await clock.advance(1000);
    const [call] = placed;
    if (call === undefined) throw new Error('no call placed');
    await clock.advance(call.at.getTime() + 20_000 - clock.now().getTime());
    expect(sim.getChannel(call.channelId)?.state).toBe('up');
    sim.registerExtension('8001');
    const supervisor = await sim.originate({
      endpoint: { kind: 'extension', number: '8001' },
      callerNumber: '1000',
      ringTimeoutMs: 20_000,
    });
    await sim.answer(supervisor.id);
    await sim.addToBridge(bridgeId, supervisor.id, { kind: 'listen' });
    await clock.advance(10_000);
    expect(traffic.stats().answeredByAgent).toBe(0);
    await sim.setBridgeRole(bridgeId, supervisor.id, { kind: 'speak' }); // barges in: now it is answered
    await clock.advance(45_000); // past the patience (60 s after the call), short of the talk (60 s)
    expect(sim.getChannel(call.channelId)?.state).toBe('up');
    await clock.advance(MINUTE);

    expect(endedAfterMs(sim, call.channelId)).toBe(30_000 + 60_000);
    expect(traffic.stats()).toMatchObject({ placed: 1, answeredByAgent: 1, completed: 1, inProgress: 0 });
    await sim.hangup(supervisor.id);
    expect(clock.pendingTimers).toBe(0);
  });

  it('are just forgotten when the switch hangs up first', async () => {
    const { clock, sim, traffic, placed } = await setup(profileWith());
    sim.onEvent((event) => {
      if (event.type === 'inbound_call') clock.setTimer(5000, () => sim.hangup(event.channel.id));
    });

    traffic.start();
    await clock.advance(30 * MINUTE);
    traffic.stop();
    await clock.advance(MINUTE);

    expect(placed.length).toBeGreaterThan(10);
    for (const call of placed) expect(endedAfterMs(sim, call.channelId)).toBe(5000);
    expect(traffic.stats()).toMatchObject({ abandoned: 0, endedBySwitch: placed.length, inProgress: 0 });
    expect(clock.pendingTimers).toBe(0);
  });

  it('are caught up on when the switch answered and bridged them before customerCalls returned', async () => {
    const { clock, sim, traffic } = await setup(profileWith({ patience: { medianMs: 1000, sigma: 0 } }));
    sim.registerExtension('8001');
    const agentLegs: ChannelId[] = [];
    // A synchronous ACD: everything happens inside the `inbound_call` delivery.
    sim.onEvent((event) => {
      if (event.type !== 'inbound_call') return;
      void sim.answer(event.channel.id);
      void sim
        .originate({ endpoint: { kind: 'extension', number: '8001' }, callerNumber: '1', ringTimeoutMs: 1 })
        .then(async (leg) => {
          agentLegs.push(leg.id);
          await sim.answer(leg.id);
          const bridge = await sim.createBridge();
          await sim.addToBridge(bridge.id, event.channel.id);
          await sim.addToBridge(bridge.id, leg.id);
        });
    });

    traffic.start();
    await clock.advance(HOUR);
    traffic.stop();
    await clock.advance(5 * MINUTE);

    const { placed, completed, abandoned } = traffic.stats();
    expect(placed).toBeGreaterThan(20);
    expect({ completed, abandoned }).toEqual({ completed: placed, abandoned: 0 });
    for (const leg of agentLegs) await sim.hangup(leg);
    expect(clock.pendingTimers).toBe(0);
  });

  it('press IVR digits about 1.5 s after the switch answers, when the profile says so', async () => {
    const { clock, sim, traffic, placed, events } = await setup(
      profileWith({ ivrDigits: { probability: 1, digits: ['12'] } }),
    );
    switchAnswersCalls(sim);

    traffic.start();
    await clock.advance(30 * MINUTE);
    traffic.stop();
    await clock.advance(MINUTE);

    expect(placed.length).toBeGreaterThan(10);
    for (const call of placed) {
      expect(call.ivrDigits).toBe('12');
      const dtmf = events.filter((e) => e.type === 'dtmf_received' && e.channelId === call.channelId);
      expect(dtmf.map((e) => (e.type === 'dtmf_received' ? e.digit : ''))).toEqual(['1', '2']);
      const afterMs = (dtmf[0]?.at.getTime() ?? 0) - call.at.getTime();
      expect(afterMs).toBeGreaterThanOrEqual(1000);
      expect(afterMs).toBeLessThanOrEqual(2000);
    }
    expect(clock.pendingTimers).toBe(0);
  });

  it('press nothing while nobody answers, nor when the probability is 0', async () => {
    for (const [profile, answers] of [
      [profileWith({ ivrDigits: { probability: 1, digits: ['1'] } }), false],
      [profileWith({ ivrDigits: { probability: 0, digits: ['1'] } }), true],
    ] as const) {
      const { clock, sim, traffic, events } = await setup(profile);
      if (answers) switchAnswersCalls(sim);
      traffic.start();
      await clock.advance(30 * MINUTE);
      expect(traffic.stats().placed).toBeGreaterThan(10);
      expect(events.some((e) => e.type === 'dtmf_received')).toBe(false);
    }
  });

  it("follow their access code's IVR script: each step after the previous one, from the script's numbers", async () => {
    const { clock, sim, traffic, placed, events } = await setup(
      profileWith({
        accessCodes: [
          {
            code: '1000',
            callsPerHour: 60,
            ivrScripts: [
              {
                name: 'bill',
                weight: 1,
                callerNumbers: ['13910039595'],
                steps: [
                  { afterMs: 3000, digits: '1' },
                  { afterMs: 3500, digits: '135790' },
                ],
              },
            ],
          },
        ],
        ivrDigits: { probability: 1, digits: ['0'] }, // for other codes only
      }),
    );
    switchAnswersCalls(sim);

    traffic.start();
    await clock.advance(30 * MINUTE);
    traffic.stop();
    await clock.advance(MINUTE);

    expect(placed.length).toBeGreaterThan(10);
    for (const call of placed) {
      expect(call).toMatchObject({ callerNumber: '13910039595', ivrScript: 'bill', ivrDigits: '1135790' });
      const answeredAt = sim.getChannel(call.channelId)?.answeredAt?.getTime() ?? Number.NaN;
      const dtmf = events.flatMap((e) =>
        e.type === 'dtmf_received' && e.channelId === call.channelId
          ? [[e.digit, e.at.getTime() - answeredAt]]
          : [],
      );
      expect(dtmf).toEqual([
        ['1', 3000],
        ['1', 6500],
        ['3', 6600],
        ['5', 6700],
        ['7', 6800],
        ['9', 6900],
        ['0', 7000],
      ]);
    }
    expect(clock.pendingTimers).toBe(0);
  });

  it('draw IVR scripts by weight; an empty script presses nothing', async () => {
    const { clock, sim, traffic, placed, events } = await setup(
      profileWith({
        accessCodes: [
          {
            code: '1000',
            callsPerHour: 3600,
            ivrScripts: [
              { name: 'human', weight: 3, steps: [{ afterMs: 1500, digits: '0' }] },
              { name: 'silent', weight: 1, steps: [] },
              { name: 'never', weight: 0, steps: [{ afterMs: 1500, digits: '9' }] },
            ],
          },
        ],
        patience: { medianMs: 5000, sigma: 0 },
      }),
    );
    switchAnswersCalls(sim);

    traffic.start();
    await clock.advance(30 * MINUTE);

    const n = placed.length;
    const human = placed.filter((c) => c.ivrScript === 'human');
    expect(Math.abs(human.length / n - 0.75)).toBeLessThan(0.05);
    expect(placed.filter((c) => c.ivrScript === 'silent').every((c) => c.ivrDigits === null)).toBe(true);
    expect(placed.some((c) => c.ivrScript === 'never')).toBe(false);
    const pressed = new Set(events.flatMap((e) => (e.type === 'dtmf_received' ? [e.channelId] : [])));
    expect(pressed).toEqual(new Set(human.map((c) => c.channelId)));
  });
});
