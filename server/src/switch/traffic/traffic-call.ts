import type { TimerId } from '../sim/sim-clock.ts';
import type { Bridge, ChannelId } from '../switch-port.ts';
import type { Random } from './random.ts';
import type { TrafficProfile } from './traffic-profile.ts';

/** After the switch answers, a caller who uses the IVR presses its digits this long later. */
const IVR_DELAY_MS = { min: 1000, max: 2000 } as const;

/** A call the generator placed, with what was drawn for it. */
export type PlacedCall = {
  channelId: ChannelId;
  accessCode: string;
  callerNumber: string;
  vip: boolean;
  at: Date;
  patienceMs: number;
  talkTimeMs: number;
  /** What the caller will press once the switch answers, if anything. */
  ivrDigits: string | null;
};

/** What is drawn for a caller before the call is placed. */
export type CallDraft = Omit<PlacedCall, 'channelId' | 'accessCode' | 'at'> & { ivrDelayMs: number };

/** A call in progress, as the generator tracks it. */
export type LiveCall = PlacedCall & {
  ivrDelayMs: number;
  phase: 'waiting' | 'talking';
  /** Patience while waiting, talk time while talking. */
  timer: TimerId | null;
  ivrTimer: TimerId | null;
  /** The digits are still to be scheduled (once, when the switch answers). */
  ivrArmed: boolean;
};

/** Draws one caller; always in the same order, so a seeded stream gives the same callers. */
export function drawCaller(random: Random, profile: TrafficProfile): CallDraft {
  const vip = profile.vipNumbers.length > 0 && random.chance(profile.vipShare);
  const callerNumber = vip ? random.pick(profile.vipNumbers) : mobileNumber(random);
  const patienceMs = wholeMs(random.lognormal(profile.patience.medianMs, profile.patience.sigma));
  const talkTimeMs = wholeMs(random.lognormal(profile.talkTime.medianMs, profile.talkTime.sigma));
  const ivr = profile.ivrDigits;
  const presses = ivr !== undefined && random.chance(ivr.probability);
  const ivrDigits = presses ? random.pick(ivr.digits) : null;
  const ivrDelayMs = presses ? random.int(IVR_DELAY_MS.min, IVR_DELAY_MS.max) : 0;
  return { callerNumber, vip, patienceMs, talkTimeMs, ivrDigits, ivrDelayMs };
}

/** The caller and at least one other member who speaks: an agent (or anyone else) took the call. */
export function bridgedWithAgent(bridge: Bridge, channelId: ChannelId): boolean {
  return (
    bridge.members.some((member) => member.channelId === channelId) &&
    bridge.members.some((member) => member.channelId !== channelId && member.role.kind === 'speak')
  );
}

export function placedCallView(call: LiveCall): PlacedCall {
  const { channelId, accessCode, callerNumber, vip, at, patienceMs, talkTimeMs, ivrDigits } = call;
  return { channelId, accessCode, callerNumber, vip, at, patienceMs, talkTimeMs, ivrDigits };
}

/** A mainland mobile number, 13x xxxx xxxx. */
function mobileNumber(random: Random): string {
  return `13${random.int(0, 9)}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
}

function wholeMs(ms: number): number {
  return Math.max(1, Math.round(ms));
}
