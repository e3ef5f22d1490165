import type { SimClock, TimerId } from '../sim/sim-clock.ts';
import type { SwitchDriver } from '../switch-driver.ts';
import type { Channel, ChannelId, SwitchEvent, SwitchPort } from '../switch-port.ts';
import { createRandom, deriveSeed, type Random } from './random.ts';
import {
  bridgedWithAgent,
  type CallDraft,
  drawCaller,
  type LiveCall,
  type PlacedCall,
  placedCallView,
} from './traffic-call.ts';
import { createCallbackPhones } from './traffic-callbacks.ts';
import { type TrafficProfile, trafficProfileSchema } from './traffic-profile.ts';

// The traffic generator plays the customers. The model, kept deliberately simple:
// - Arrivals are a Poisson process per access code: exponential gaps on the simulated clock, each
//   code with its own random streams (one for arrival times, one for the callers), so a code's calls
//   do not change when another code or the caller mix changes.
// - Everything about a call (number, VIP, patience, talk time, IVR script, all-busy choice) is drawn
//   when it arrives, so the same seed and the same switch behaviour give the same calls at the same
//   times. After the switch answers, the caller presses its script's steps on the clock.
// - Patience runs from the moment the call is placed (ringing, IVR and queue all count) until an
//   agent is bridged with the caller: a bridge holding the caller and at least one other member
//   whose role is `speak`. Then talk time runs; when it is over the caller hangs up.
// - Talk time keeps running whatever happens next (hold, transfer, the agent leaving the bridge):
//   a caller on hold is still "in the call". Only the switch hanging up ends it sooner.
// - All busy (ACD-6, VM-1): a caller whose patience runs out, answered and done with its steps, may
//   press 1 (callback: the switch hangs up; its phone then answers the dial-back as drawn, see
//   traffic-callbacks.ts) or 2 (voicemail: speaks for the drawn message time, then # or hangs up)
//   instead of abandoning. If the switch does not hang up within AFTER_REQUEST_MS, the caller does.
// - stop() ends arrivals only: calls in progress finish naturally. stopAndHangUpAll() also hangs
//   every caller up at once (counted abandoned if still waiting, completed if talking).

const HOUR_MS = 3_600_000;
/** How long a caller who pressed 1, or # after a message, waits for the switch to hang up. */
const AFTER_REQUEST_MS = 15_000;

export type TrafficClock = Pick<SimClock, 'now' | 'setTimer' | 'cancelTimer'>;

export type TrafficGeneratorOptions = {
  driver: SwitchDriver;
  port: Pick<SwitchPort, 'onEvent' | 'getChannel' | 'getBridge'>;
  clock: TrafficClock;
  profile: TrafficProfile;
  /** A switch call that failed (never thrown into the clock); logged unless told. */
  onError?: (error: unknown) => void;
  /**
   * Whether the caller is waiting in a queue now, i.e. hears the "press 1 / press 2" offer. A
   * caller still in the IVR hangs up when patience runs out instead of pressing 1 or 2 (which the
   * IVR would take for a menu choice). Without it, every caller whose steps are done is queued.
   */
  hearsAllBusyOffer?: (channelId: ChannelId) => boolean;
};

/** `placed` = `abandoned` + `completed` + `endedBySwitch` + `inProgress`. */
export type TrafficStats = {
  placed: number;
  /** Calls an agent was bridged with (some still talking). */
  answeredByAgent: number;
  /** The caller gave up waiting. */
  abandoned: number;
  /** The caller hung up after talking (or after asking for a callback or leaving a message). */
  completed: number;
  /** The switch (or the agent) hung up first. */
  endedBySwitch: number;
  inProgress: number;
  /** Callers who pressed 1 (call me back) instead of hanging up. */
  callbackRequests: number;
  /** Callers who pressed 2 (leave a message) instead of hanging up. */
  voicemailRequests: number;
  /** Dials of such a caller's number that they answered. */
  callbacksAnswered: number;
};

export type TrafficGenerator = {
  /** Starts arrivals (a no-op when running). */
  start(): void;
  /** Stops arrivals; calls in progress go on until their caller or the switch hangs up. */
  stop(): void;
  /** Stops arrivals and hangs up every caller now. */
  stopAndHangUpAll(): Promise<void>;
  /** Validates and switches to a new profile; when running, arrivals are redrawn at the new rates. */
  setProfile(profile: TrafficProfile): void;
  profile(): TrafficProfile;
  isRunning(): boolean;
  stats(): TrafficStats;
  onCallPlaced(listener: (call: PlacedCall) => void): () => void;
  /** Stops arrivals, forgets calls in progress (cancelling their timers) and unsubscribes from the switch. */
  dispose(): void;
};

export type { PlacedCall };

type Outcome = 'abandoned' | 'completed' | 'endedBySwitch';
type IvrScripts = TrafficProfile['accessCodes'][number]['ivrScripts'];

export function createTrafficGenerator(options: TrafficGeneratorOptions): TrafficGenerator {
  const { driver, port, clock } = options;
  const onError = options.onError ?? ((error: unknown) => console.error('traffic generator', error));
  let profile = trafficProfileSchema.parse(options.profile);
  let running = false;
  let disposed = false;
  let hangUpEpoch = 0; // moves on stopAndHangUpAll, so calls still being placed are hung up too
  const streams = new Map<string, Random>();
  const arrivalTimers = new Map<string, TimerId>();
  const calls = new Map<ChannelId, LiveCall>();
  const placedListeners = new Set<(call: PlacedCall) => void>();
  const counts = {
    placed: 0,
    answeredByAgent: 0,
    abandoned: 0,
    completed: 0,
    endedBySwitch: 0,
    callbackRequests: 0,
    voicemailRequests: 0,
  };

  const stream = (name: string): Random => {
    let random = streams.get(name);
    if (random === undefined) {
      random = createRandom(deriveSeed(profile.seed, name));
      streams.set(name, random);
    }
    return random;
  };

  const callbacks = createCallbackPhones({
    driver,
    port,
    clock,
    profile: () => profile,
    random: () => stream('callbacks'),
    onError,
  });

  const scheduleArrival = (code: string, callsPerHour: number, scripts?: IvrScripts): void => {
    if (!running || callsPerHour <= 0) return;
    const gapMs = Math.round(stream(`arrivals:${code}`).exponential(HOUR_MS / callsPerHour));
    const timer = clock.setTimer(gapMs, () => {
      arrivalTimers.delete(code);
      const draft = drawCaller(stream(`callers:${code}`), profile, scripts);
      scheduleArrival(code, callsPerHour, scripts);
      return place(code, draft);
    });
    arrivalTimers.set(code, timer);
  };

  const place = async (code: string, draft: CallDraft): Promise<void> => {
    const epoch = hangUpEpoch;
    let channel: Channel;
    try {
      channel = await driver.customerCalls(draft.callerNumber, code);
    } catch (error) {
      onError(error);
      return;
    }
    if (disposed) {
      await driver.remoteHangsUp(channel.id).catch(onError);
      return;
    }
    const call: LiveCall = {
      ...draft,
      channelId: channel.id,
      accessCode: code,
      at: channel.createdAt,
      phase: 'waiting',
      timer: null,
      ivrTimer: null,
      ivrArmed: draft.ivrSteps.length > 0,
      ivrDone: draft.ivrSteps.length === 0,
    };
    calls.set(call.channelId, call);
    counts.placed++;
    const view = placedCallView(call);
    for (const listener of [...placedListeners]) {
      try {
        listener(view);
      } catch (error) {
        onError(error);
      }
    }
    if (!calls.has(call.channelId)) return; // a listener already ended it
    if (epoch !== hangUpEpoch) return hangUp(call, 'abandoned');
    const waitedMs = clock.now().getTime() - call.at.getTime();
    call.timer = clock.setTimer(Math.max(0, call.patienceMs - waitedMs), () => outOfPatience(call));
    catchUp(call);
  };

  // Events about the channel may have come before we knew its id (the switch raises `inbound_call`
  // inside `customerCalls`, and the ACD may answer and bridge at once): read where it stands now.
  const catchUp = (call: LiveCall): void => {
    const channel = port.getChannel(call.channelId);
    if (channel === undefined || channel.state === 'hungup') {
      finish(call, 'endedBySwitch');
      return;
    }
    const bridge = channel.bridgeId === null ? undefined : port.getBridge(channel.bridgeId);
    if (bridge !== undefined && bridgedWithAgent(bridge, call.channelId)) agentAnswered(call);
    else if (channel.state === 'up') switchAnswered(call);
  };

  const switchAnswered = (call: LiveCall): void => {
    if (call.phase !== 'waiting' || !call.ivrArmed) return;
    call.ivrArmed = false;
    scheduleStep(call, 0);
  };

  const scheduleStep = (call: LiveCall, index: number): void => {
    const step = call.ivrSteps[index];
    if (step === undefined) {
      call.ivrDone = true;
      return;
    }
    call.ivrTimer = clock.setTimer(step.afterMs, () => {
      call.ivrTimer = null;
      scheduleStep(call, index + 1);
      return press(call, step.digits);
    });
  };

  const press = (call: LiveCall, digits: string): Promise<void> =>
    driver.customerPressesDigits(call.channelId, digits).catch(onError);

  // Patience is over: hang up, or (answered, steps done) press 1 or 2 as drawn (ACD-6, VM-1).
  const outOfPatience = (call: LiveCall): Promise<void> | undefined => {
    call.timer = null;
    const up = port.getChannel(call.channelId)?.state === 'up';
    const offered = options.hearsAllBusyOffer?.(call.channelId) ?? true;
    if (call.allBusy === null || !call.ivrDone || !up || !offered) return hangUp(call, 'abandoned');
    call.phase = 'leaving';
    if (call.allBusy === 'callback') {
      counts.callbackRequests++;
      callbacks.expect(call.callerNumber);
      call.timer = clock.setTimer(AFTER_REQUEST_MS, () => hangUp(call, 'completed'));
      return press(call, '1');
    }
    counts.voicemailRequests++;
    call.timer = clock.setTimer(call.messageMs, () => {
      call.timer = null;
      if (!call.messageEndsWithHash) return hangUp(call, 'completed');
      call.timer = clock.setTimer(AFTER_REQUEST_MS, () => hangUp(call, 'completed'));
      return press(call, '#');
    });
    return press(call, '2');
  };

  const agentAnswered = (call: LiveCall): void => {
    if (call.phase !== 'waiting') return;
    call.phase = 'talking';
    cancelTimers(call);
    counts.answeredByAgent++;
    call.timer = clock.setTimer(call.talkTimeMs, () => hangUp(call, 'completed'));
  };

  const cancelTimers = (call: LiveCall): void => {
    if (call.timer !== null) clock.cancelTimer(call.timer);
    if (call.ivrTimer !== null) clock.cancelTimer(call.ivrTimer);
    call.timer = null;
    call.ivrTimer = null;
  };

  const finish = (call: LiveCall, outcome: Outcome): boolean => {
    if (!calls.delete(call.channelId)) return false;
    cancelTimers(call);
    counts[outcome]++;
    return true;
  };

  // Forgotten before the hangup, so the `channel_hungup` it raises is not taken for the switch's.
  const hangUp = async (call: LiveCall, outcome: Outcome): Promise<void> => {
    if (!finish(call, outcome)) return;
    await driver.remoteHangsUp(call.channelId).catch(onError);
  };

  const onEvent = (event: SwitchEvent): void => {
    callbacks.onEvent(event);
    if (event.type === 'channel_answered') {
      const call = calls.get(event.channelId);
      if (call !== undefined) switchAnswered(call);
    } else if (event.type === 'bridge_changed') {
      for (const member of event.bridge.members) {
        const call = calls.get(member.channelId);
        if (call !== undefined && bridgedWithAgent(event.bridge, call.channelId)) agentAnswered(call);
      }
    } else if (event.type === 'channel_hungup') {
      const call = calls.get(event.channelId);
      if (call !== undefined) finish(call, 'endedBySwitch');
    }
  };
  const unsubscribe = port.onEvent(onEvent);

  const stopArrivals = (): void => {
    running = false;
    for (const timer of arrivalTimers.values()) clock.cancelTimer(timer);
    arrivalTimers.clear();
  };

  const startArrivals = (): void => {
    running = true;
    for (const { code, callsPerHour, ivrScripts } of profile.accessCodes)
      scheduleArrival(code, callsPerHour, ivrScripts);
  };

  return {
    start() {
      if (running) return;
      if (disposed) throw new Error('the traffic generator was disposed');
      startArrivals();
    },
    stop: stopArrivals,
    async stopAndHangUpAll() {
      stopArrivals();
      hangUpEpoch++;
      const live = [...calls.values()];
      await Promise.all([
        ...live.map((call) => hangUp(call, call.phase === 'waiting' ? 'abandoned' : 'completed')),
        callbacks.hangUpAll(),
      ]);
    },
    setProfile(next) {
      const parsed = trafficProfileSchema.parse(next);
      if (parsed.seed !== profile.seed) streams.clear();
      profile = parsed;
      if (!running) return;
      // Poisson arrivals have no memory: redrawing every pending gap at the new rates is exact.
      stopArrivals();
      startArrivals();
    },
    profile: () => profile,
    isRunning: () => running,
    stats: () => ({ ...counts, inProgress: calls.size, callbacksAnswered: callbacks.answered() }),
    onCallPlaced(listener) {
      const entry = (call: PlacedCall) => listener(call);
      placedListeners.add(entry);
      return () => {
        placedListeners.delete(entry);
      };
    },
    dispose() {
      stopArrivals();
      for (const call of calls.values()) cancelTimers(call);
      calls.clear();
      callbacks.dispose();
      if (disposed) return;
      disposed = true;
      unsubscribe();
    },
  };
}
