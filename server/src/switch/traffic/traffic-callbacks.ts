import type { ExternalBehaviour, SwitchDriver } from '../switch-driver.ts';
import type { ChannelId, SwitchEvent, SwitchPort } from '../switch-port.ts';
import type { Random } from './random.ts';
import { wholeMs } from './traffic-call.ts';
import type { TrafficClock } from './traffic-generator.ts';
import type { TrafficProfile } from './traffic-profile.ts';

// The phones of customers who asked for a callback (ACD-6). Each dial of such a number is an
// attempt whose outcome was drawn (and set on the switch) before it: answered after a few
// seconds, busy, or ringing out. An answered callee talks for a drawn talk time and hangs up; an
// unanswered attempt draws the next one. Nothing here knows why the switch dials: it only sees an
// outbound channel to an outside number it was told to expect.

/** A request nobody dials back within this long is forgotten. */
const EXPECTED_FOR_MS = 24 * 3_600_000;

type Attempt = { behaviour: ExternalBehaviour; talkTimeMs: number };
type Expected = { since: number; next: Attempt };
type Leg = { number: string; talkTimeMs: number; timer: ReturnType<TrafficClock['setTimer']> | null };

export type CallbackPhones = {
  /** The customer at `number` asked to be called back: the next dials of it are theirs. */
  expect(number: string): void;
  onEvent(event: SwitchEvent): void;
  answered(): number;
  /** Hangs up every callback in progress and forgets every request. */
  hangUpAll(): Promise<void>;
  dispose(): void;
};

export function createCallbackPhones(deps: {
  driver: Pick<SwitchDriver, 'remoteHangsUp' | 'setExternalBehaviour'>;
  port: Pick<SwitchPort, 'getChannel'>;
  clock: TrafficClock;
  profile: () => TrafficProfile;
  random: () => Random;
  onError: (error: unknown) => void;
}): CallbackPhones {
  const { driver, port, clock, onError } = deps;
  const expected = new Map<string, Expected>();
  const legs = new Map<ChannelId, Leg>();
  let answered = 0;

  // Always the same three draws, so the stream stays aligned whatever the outcome.
  const drawAttempt = (): Attempt => {
    const profile = deps.profile();
    const busy = profile.allBusy;
    const random = deps.random();
    const u = random.uniform();
    const afterMs = random.int(busy?.callbackAnswerAfterMs.min ?? 0, busy?.callbackAnswerAfterMs.max ?? 0);
    const talkTimeMs = wholeMs(random.lognormal(profile.talkTime.medianMs, profile.talkTime.sigma));
    const answerShare = busy?.callbackAnswerShare ?? 1;
    const behaviour: ExternalBehaviour =
      u < answerShare
        ? { kind: 'answer', afterMs }
        : u < answerShare + (busy?.callbackBusyShare ?? 0)
          ? { kind: 'busy' }
          : { kind: 'no_answer' };
    return { behaviour, talkTimeMs };
  };

  const arm = (number: string, since: number): void => {
    const next = drawAttempt();
    expected.set(number, { since, next });
    driver.setExternalBehaviour(number, next.behaviour);
  };

  const hangUp = async (channelId: ChannelId, leg: Leg): Promise<void> => {
    if (!legs.delete(channelId)) return;
    if (leg.timer !== null) clock.cancelTimer(leg.timer);
    await driver.remoteHangsUp(channelId).catch(onError);
  };

  const cancelLegTimers = (): void => {
    for (const leg of legs.values()) if (leg.timer !== null) clock.cancelTimer(leg.timer);
  };

  return {
    expect(number) {
      const now = clock.now().getTime();
      for (const [n, e] of expected) if (now - e.since > EXPECTED_FOR_MS) expected.delete(n);
      arm(number, now);
    },
    onEvent(event) {
      if (event.type === 'channel_ringing') {
        const channel = port.getChannel(event.channelId);
        if (channel?.direction !== 'outbound' || channel.endpoint.kind !== 'external') return;
        const wanted = expected.get(channel.endpoint.number);
        if (wanted === undefined || legs.has(channel.id)) return;
        legs.set(channel.id, {
          number: channel.endpoint.number,
          talkTimeMs: wanted.next.talkTimeMs,
          timer: null,
        });
      } else if (event.type === 'channel_answered') {
        const leg = legs.get(event.channelId);
        if (leg === undefined || leg.timer !== null) return;
        expected.delete(leg.number);
        answered++;
        leg.timer = clock.setTimer(leg.talkTimeMs, () => hangUp(event.channelId, leg));
      } else if (event.type === 'channel_hungup') {
        const leg = legs.get(event.channelId);
        if (leg === undefined) return;
        legs.delete(event.channelId);
        if (leg.timer !== null) clock.cancelTimer(leg.timer);
        const wanted = expected.get(leg.number);
        if (wanted !== undefined) arm(leg.number, wanted.since); // not reached: the next attempt
      }
    },
    answered: () => answered,
    async hangUpAll() {
      expected.clear();
      await Promise.all([...legs].map(([channelId, leg]) => hangUp(channelId, leg)));
    },
    dispose() {
      cancelLegTimers();
      legs.clear();
      expected.clear();
    },
  };
}
