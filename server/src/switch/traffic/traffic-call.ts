import type { TimerId } from '../sim/sim-clock.ts';
import type { Bridge, ChannelId } from '../switch-port.ts';
import type { Random } from './random.ts';
import type { TrafficProfile } from './traffic-profile.ts';

/** After the switch answers, a caller who uses the IVR presses its digits this long later. */
const IVR_DELAY_MS = { min: 1000, max: 2000 } as const;

/** Digits pressed `afterMs` after the previous step (the first: after the switch answered). */
export type IvrStep = { afterMs: number; digits: string };
/** What an impatient caller does instead of hanging up (ACD-6, VM-1): press 1 or 2. */
export type AllBusyChoice = 'callback' | 'voicemail';

type IvrScript = NonNullable<TrafficProfile['accessCodes'][number]['ivrScripts']>[number];

/** A call the generator placed, with what was drawn for it. */
export type PlacedCall = {
  channelId: ChannelId;
  accessCode: string;
  callerNumber: string;
  vip: boolean;
  at: Date;
  patienceMs: number;
  talkTimeMs: number;
  /** Everything the caller will press once the switch answers, in order, if anything. */
  ivrDigits: string | null;
  /** The access code's IVR script drawn for the caller, by name. */
  ivrScript: string | null;
  ivrSteps: IvrStep[];
  /** When patience runs out (IVR steps done): press 1 or 2 instead of hanging up. */
  allBusy: AllBusyChoice | null;
  /** A voicemail caller speaks this long after pressing 2, then presses # (or hangs up). */
  messageMs: number;
  messageEndsWithHash: boolean;
};

/** What is drawn for a caller before the call is placed. */
export type CallDraft = Omit<PlacedCall, 'channelId' | 'accessCode' | 'at'>;

/** A call in progress, as the generator tracks it. */
export type LiveCall = PlacedCall & {
  /** `leaving`: pressed 1 or 2, the switch is taking the request (or the message). */
  phase: 'waiting' | 'talking' | 'leaving';
  /** Patience while waiting, talk time while talking, the message or a grace while leaving. */
  timer: TimerId | null;
  ivrTimer: TimerId | null;
  /** The steps are still to be scheduled (once, when the switch answers). */
  ivrArmed: boolean;
  /** Every step has been pressed (or there were none). */
  ivrDone: boolean;
};

/**
 * Draws one caller; always in the same order, so a seeded stream gives the same callers. `scripts`
 * are the access code's IVR scripts; without them the profile's `ivrDigits` apply.
 */
export function drawCaller(random: Random, profile: TrafficProfile, scripts?: IvrScript[]): CallDraft {
  let vip = profile.vipNumbers.length > 0 && random.chance(profile.vipShare);
  let callerNumber = vip ? random.pick(profile.vipNumbers) : mobileNumber(random);
  const patienceMs = wholeMs(random.lognormal(profile.patience.medianMs, profile.patience.sigma));
  const talkTimeMs = wholeMs(random.lognormal(profile.talkTime.medianMs, profile.talkTime.sigma));
  let ivrScript: string | null = null;
  let ivrSteps: IvrStep[] = [];
  const ivr = profile.ivrDigits;
  if (scripts !== undefined) {
    const script = pickWeighted(random, scripts);
    ivrScript = script.name;
    ivrSteps = script.steps.map((step) => ({ ...step }));
    if (script.callerNumbers !== undefined) {
      callerNumber = random.pick(script.callerNumbers);
      vip = profile.vipNumbers.includes(callerNumber);
    }
  } else if (ivr !== undefined && random.chance(ivr.probability)) {
    const digits = random.pick(ivr.digits);
    ivrSteps = [{ afterMs: random.int(IVR_DELAY_MS.min, IVR_DELAY_MS.max), digits }];
  }
  let allBusy: AllBusyChoice | null = null;
  let messageMs = 0;
  let messageEndsWithHash = false;
  const busy = profile.allBusy;
  if (busy !== undefined) {
    const u = random.uniform();
    allBusy =
      u < busy.callbackShare ? 'callback' : u < busy.callbackShare + busy.voicemailShare ? 'voicemail' : null;
    if (allBusy === 'voicemail') {
      messageMs = wholeMs(random.lognormal(busy.message.medianMs, busy.message.sigma));
      messageEndsWithHash = random.chance(busy.hashShare);
    }
  }
  const ivrDigits = ivrSteps.length > 0 ? ivrSteps.map((step) => step.digits).join('') : null;
  return {
    callerNumber,
    vip,
    patienceMs,
    talkTimeMs,
    ivrDigits,
    ivrScript,
    ivrSteps,
    allBusy,
    messageMs,
    messageEndsWithHash,
  };
}

/** The caller and at least one other member who speaks: an agent (or anyone else) took the call. */
export function bridgedWithAgent(bridge: Bridge, channelId: ChannelId): boolean {
  return (
    bridge.members.some((member) => member.channelId === channelId) &&
    bridge.members.some((member) => member.channelId !== channelId && member.role.kind === 'speak')
  );
}

export function placedCallView(call: LiveCall): PlacedCall {
  const { phase, timer, ivrTimer, ivrArmed, ivrDone, ivrSteps, ...view } = call;
  return { ...view, ivrSteps: ivrSteps.map((step) => ({ ...step })) };
}

/** A mainland mobile number, 13x xxxx xxxx. */
function mobileNumber(random: Random): string {
  return `13${random.int(0, 9)}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
}

export function wholeMs(ms: number): number {
  return Math.max(1, Math.round(ms));
}

function pickWeighted<T extends { weight: number }>(random: Random, items: readonly T[]): T {
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  let x = random.uniform() * total;
  for (const item of items) {
    if (x < item.weight) return item;
    x -= item.weight;
  }
  return items.findLast((item) => item.weight > 0) ?? (items[0] as T);
}
