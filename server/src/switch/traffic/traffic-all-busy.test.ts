import { describe, expect, it } from 'vitest';
import type { SimSwitch } from '../sim/sim-switch.ts';
import type { ChannelId, SwitchEvent } from '../switch-port.ts';
import { MINUTE, profileWith, setup, switchAnswersCalls } from './traffic.fixture.ts';
import type { TrafficGeneratorOptions } from './traffic-generator.ts';
import { DEMO_PROFILE, type TrafficProfile } from './traffic-profile.ts';

// All busy (ACD-6, VM-1) from the customers' side: an impatient caller presses 1 (callback) or 2
// (voice message) instead of hanging up; a caller who asked for a callback answers the dial-back.

type AllBusy = NonNullable<TrafficProfile['allBusy']>;

/** Patience 30 s, talk time 2 min; one call, which the switch answers unless told. */
const oneCaller = async (
  allBusy: Partial<AllBusy>,
  switchAnswers = true,
  options: Partial<TrafficGeneratorOptions> = {},
) => {
  const s = await setup(
    profileWith({
      accessCodes: [{ code: '112', callsPerHour: 36_000 }],
      allBusy: {
        callbackShare: 0,
        voicemailShare: 0,
        message: { medianMs: 20_000, sigma: 0 },
        hashShare: 1,
        callbackAnswerShare: 1,
        callbackBusyShare: 0,
        callbackAnswerAfterMs: { min: 4000, max: 4000 },
        ...allBusy,
      },
    }),
    options,
  );
  if (switchAnswers) switchAnswersCalls(s.sim);
  s.traffic.onCallPlaced(() => s.traffic.stop());
  s.traffic.start();
  await s.clock.advance(1000);
  const [call] = s.placed;
  if (call === undefined) throw new Error('no call placed');
  return { ...s, call };
};

const dtmfOf = (events: SwitchEvent[], channelId: ChannelId, since: Date) =>
  events.flatMap((e) =>
    e.type === 'dtmf_received' && e.channelId === channelId
      ? [[e.digit, e.at.getTime() - since.getTime()]]
      : [],
  );

/** A stand-in for the engine: on `digit` it hangs the caller up (and returns the caller's number). */
const hangsUpOn = (sim: SimSwitch, digit: string) => {
  const numbers: string[] = [];
  sim.onEvent((event) => {
    if (event.type !== 'dtmf_received' || event.digit !== digit) return;
    numbers.push(sim.getChannel(event.channelId)?.callerNumber ?? '');
    void sim.hangup(event.channelId);
  });
  return numbers;
};

const dialOut = (sim: SimSwitch, number: string) =>
  sim.originate({ endpoint: { kind: 'external', number }, callerNumber: '112', ringTimeoutMs: 30_000 });

describe('all busy: callers', () => {
  it('press 1 when their patience runs out, and answer the callback, talk and hang up', async () => {
    const { clock, sim, traffic, call, events } = await oneCaller({ callbackShare: 1 });
    const asked = hangsUpOn(sim, '1');
    expect(call.allBusy).toBe('callback');

    await clock.advance(call.at.getTime() + 31_000 - clock.now().getTime());
    expect(dtmfOf(events, call.channelId, call.at)).toEqual([['1', 30_000]]);
    expect(asked).toEqual([call.callerNumber]);
    expect(sim.getChannel(call.channelId)?.state).toBe('hungup');

    await clock.advance(MINUTE); // the engine waits for an agent, then dials the caller back
    const dialledAt = clock.now().getTime();
    const leg = await dialOut(sim, call.callerNumber);
    await clock.advance(3999);
    expect(sim.getChannel(leg.id)?.state).toBe('ringing');
    await clock.advance(1);
    expect(sim.getChannel(leg.id)?.answeredAt?.getTime()).toBe(dialledAt + 4000);
    await clock.advance(2 * MINUTE);

    expect(sim.getChannel(leg.id)).toMatchObject({ state: 'hungup', hangupCause: 'normal' });
    expect(sim.getChannel(leg.id)?.hungupAt?.getTime()).toBe(dialledAt + 4000 + 120_000);
    expect(traffic.stats()).toMatchObject({
      placed: 1,
      abandoned: 0,
      endedBySwitch: 1,
      callbackRequests: 1,
      callbacksAnswered: 1,
      inProgress: 0,
    });
    expect(clock.pendingTimers).toBe(0);
  });

  it('ring out or are busy as drawn; each dial-back is an attempt of its own', async () => {
    const { clock, sim, traffic, call } = await oneCaller({
      callbackShare: 1,
      callbackAnswerShare: 0,
      callbackBusyShare: 1,
    });
    hangsUpOn(sim, '1');
    await clock.advance(MINUTE);

    for (let attempt = 0; attempt < 2; attempt++) {
      const leg = await dialOut(sim, call.callerNumber);
      await clock.advance(MINUTE);
      expect(sim.getChannel(leg.id)).toMatchObject({
        state: 'hungup',
        hangupCause: 'busy',
        answeredAt: null,
      });
    }
    expect(traffic.stats()).toMatchObject({ callbackRequests: 1, callbacksAnswered: 0 });
    expect(clock.pendingTimers).toBe(0);
  });

  it('hang up themselves when the switch does not take the callback request', async () => {
    const { clock, sim, traffic, call } = await oneCaller({ callbackShare: 1 });

    await clock.advance(MINUTE);

    expect(sim.getChannel(call.channelId)?.hungupAt?.getTime()).toBe(call.at.getTime() + 30_000 + 15_000);
    expect(traffic.stats()).toMatchObject({ callbackRequests: 1, completed: 1, abandoned: 0 });
    expect(clock.pendingTimers).toBe(0);
  });

  it('press 2, speak for the drawn message time, then press #', async () => {
    const { clock, sim, traffic, call, events } = await oneCaller({ voicemailShare: 1 });
    hangsUpOn(sim, '#');
    expect(call).toMatchObject({ allBusy: 'voicemail', messageMs: 20_000, messageEndsWithHash: true });

    await clock.advance(MINUTE);

    expect(dtmfOf(events, call.channelId, call.at)).toEqual([
      ['2', 30_000],
      ['#', 50_000],
    ]);
    expect(sim.getChannel(call.channelId)?.hungupAt?.getTime()).toBe(call.at.getTime() + 50_000);
    expect(traffic.stats()).toMatchObject({ voicemailRequests: 1, endedBySwitch: 1, abandoned: 0 });
    expect(clock.pendingTimers).toBe(0);
  });

  it('or just hang up after speaking, when they do not end with #', async () => {
    const { clock, sim, traffic, call, events } = await oneCaller({ voicemailShare: 1, hashShare: 0 });

    await clock.advance(MINUTE);

    expect(dtmfOf(events, call.channelId, call.at)).toEqual([['2', 30_000]]);
    expect(sim.getChannel(call.channelId)?.hungupAt?.getTime()).toBe(call.at.getTime() + 50_000);
    expect(traffic.stats()).toMatchObject({ voicemailRequests: 1, completed: 1 });
  });

  it('abandon as before while the switch has not answered them', async () => {
    const { clock, sim, traffic, call, events } = await oneCaller({ callbackShare: 1 }, false);

    await clock.advance(MINUTE);

    expect(events.some((e) => e.type === 'dtmf_received')).toBe(false);
    expect(sim.getChannel(call.channelId)?.hungupAt?.getTime()).toBe(call.at.getTime() + 30_000);
    expect(traffic.stats()).toMatchObject({ abandoned: 1, callbackRequests: 0 });
  });

  it('hang up instead of pressing while they do not hear the offer (still in the IVR)', async () => {
    const heard: ChannelId[] = [];
    const { clock, traffic, call, events } = await oneCaller({ callbackShare: 1 }, true, {
      hearsAllBusyOffer: (channelId) => {
        heard.push(channelId);
        return false;
      },
    });

    await clock.advance(MINUTE);

    expect(heard).toEqual([call.channelId]); // asked once, when patience ran out
    expect(dtmfOf(events, call.channelId, call.at)).toEqual([]);
    expect(traffic.stats()).toMatchObject({ abandoned: 1, callbackRequests: 0 });
  });

  it('choose callback and voicemail at about the configured shares', async () => {
    const { clock, traffic, placed } = await setup(
      profileWith({
        accessCodes: [{ code: '112', callsPerHour: 3600 }],
        allBusy: DEMO_PROFILE.allBusy, // 15% callback, 10% voicemail
      }),
    );
    traffic.start();
    await clock.advance(60 * MINUTE);

    const n = placed.length;
    const share = (choice: string) => placed.filter((c) => c.allBusy === choice).length / n;
    expect(Math.abs(share('callback') - 0.15)).toBeLessThan(0.04);
    expect(Math.abs(share('voicemail') - 0.1)).toBeLessThan(0.04);
  });
});
