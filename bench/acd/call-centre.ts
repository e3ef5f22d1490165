import type { QueueConfig, SelectionPolicy } from '../../server/src/acd/acd.types.ts';
import type { SkillAssignment } from '../../server/src/cti/agent-state/index.ts';
import { CtiEngine } from '../../server/src/cti/engine/cti-engine.ts';
import type { CtiConfig, CtiEvent } from '../../server/src/cti/engine/cti-types.ts';
import { SimClock } from '../../server/src/switch/sim/sim-clock.ts';
import { createSimSwitch, type SimSwitch } from '../../server/src/switch/sim/sim-switch.ts';
import {
  createTrafficGenerator,
  type TrafficGenerator,
} from '../../server/src/switch/traffic/traffic-generator.ts';
import type { TrafficProfile } from '../../server/src/switch/traffic/traffic-profile.ts';

// The bench's call centre, built in-process on the simulated switch: four skill groups (综合 plus
// three specialist groups), one queue per group with its own access code and selection policy,
// N agents with extensions and auto-answer on, and the seeded traffic generator playing the customers.

export const GENERAL = 1;
export const BILL = 2;
export const FAULT = 3;
export const BUSINESS = 4;

export const SKILL_GROUPS = [
  { id: GENERAL, name: '综合', isComprehensive: true },
  { id: BILL, name: '话费查询', isComprehensive: false },
  { id: FAULT, name: '故障报修', isComprehensive: false },
  { id: BUSINESS, name: '业务办理', isComprehensive: false },
];

/** Specialist calls may also go to 综合 agents after this wait (below patience, so overflow happens). */
export const OVERFLOW_AFTER_MS = 5000;

/** The traffic generator takes at most this many calls an hour per access code. */
export const MAX_CALLS_PER_HOUR_PER_CODE = 100_000;

/**
 * One queue per skill group. Above 100,000 calls an hour per queue (the traffic profile's limit per
 * access code) a queue gets more access codes (`1000`, `100001`, `100002`…), all leading to it.
 */
export function queuesFor(codesPerQueue = 1): QueueConfig[] {
  const codes = (base: string) => [
    base,
    ...Array.from({ length: codesPerQueue - 1 }, (_, i) => `${base}${String(i + 1).padStart(2, '0')}`),
  ];
  return [
    queue('q-general', GENERAL, '综合', codes('1000'), 'longest_idle', null),
    queue('q-bill', BILL, '话费查询', codes('10000'), 'fewest_calls', OVERFLOW_AFTER_MS),
    queue('q-fault', FAULT, '故障报修', codes('112'), 'highest_skill', OVERFLOW_AFTER_MS),
    queue('q-business', BUSINESS, '业务办理', codes('10086'), 'round_robin', OVERFLOW_AFTER_MS),
  ];
}

const VIP_NUMBERS = Array.from({ length: 20 }, (_, i) => `139000000${String(i).padStart(2, '0')}`);

function queue(
  id: string,
  skillGroupId: number,
  name: string,
  accessCodes: string[],
  policy: SelectionPolicy,
  overflowAfterMs: number | null,
): QueueConfig {
  return {
    id,
    skillGroupId,
    name,
    accessCodes,
    policy,
    overflowAfterMs,
    maxWaitMs: null,
    maxWaitTarget: null,
    announceEveryMs: 30_000,
  };
}

export type LoadModel = {
  agents: number;
  /** New calls per second, split evenly over the queues' access codes (Poisson each). */
  rate: number;
  /** Log-normal talk time: median and sigma. */
  talkMedianMs: number;
  talkSigma: number;
  /** Log-normal patience (time a caller waits for an agent before hanging up). */
  patienceMedianMs: number;
  patienceSigma: number;
  wrapUpMs: number;
  vipShare: number;
  seed: number;
  recordByDefault: boolean;
};

/**
 * Agent k (0-based): a quarter are 综合 only (level 2–3); the rest are specialists of one of the
 * three groups (level 1–5), and every other specialist also holds 综合 at level 1.
 */
export function skillsOf(k: number): SkillAssignment[] {
  const group = k % 4;
  if (group === 0) return [{ skillGroupId: GENERAL, level: 2 + (k % 2) }];
  const specialist = { skillGroupId: [BILL, FAULT, BUSINESS][group - 1] ?? BILL, level: 1 + (k % 5) };
  return k % 8 >= 4 ? [specialist, { skillGroupId: GENERAL, level: 1 }] : [specialist];
}

export const extensionOf = (k: number) => `8${String(k + 1).padStart(4, '0')}`;

/** Talk and patience means of a log-normal: median · e^(σ²/2). */
export const lognormalMean = (median: number, sigma: number) => median * Math.exp((sigma * sigma) / 2);

export type CallCentre = {
  clock: SimClock;
  sim: SimSwitch;
  engine: CtiEngine;
  traffic: TrafficGenerator;
  config: CtiConfig;
  profile: TrafficProfile;
};

export async function buildCallCentre(
  model: LoadModel,
  recordingsDir: string,
  publish: (event: CtiEvent) => void,
): Promise<CallCentre> {
  const codesPerQueue = Math.max(1, Math.ceil((model.rate * 3600) / 4 / MAX_CALLS_PER_HOUR_PER_CODE));
  const queues = queuesFor(codesPerQueue);
  const clock = new SimClock(new Date('2026-11-22T09:00:00+08:00'));
  const sim = createSimSwitch({ clock, recordingsDir });
  const config: CtiConfig = {
    queues,
    skillGroups: SKILL_GROUPS,
    wrapUpMs: model.wrapUpMs,
    offerRingTimeoutMs: 15_000,
    outboundRingTimeoutMs: 30_000,
    recordByDefault: model.recordByDefault,
    vipNumbers: new Set(VIP_NUMBERS),
  };
  const engine = new CtiEngine({ port: sim, scheduler: clock, config, publish });

  for (let k = 0; k < model.agents; k++) {
    const extension = extensionOf(k);
    sim.registerExtension(extension);
    const id = k + 1;
    const employeeNo = `B${String(id).padStart(4, '0')}`;
    await engine.signIn({ id, employeeNo, name: `压测${employeeNo}` }, { extension, skills: skillsOf(k) });
    await engine.setAutoAnswer(id, true);
    await engine.setReady(id);
  }
  await engine.settled();

  const perCode = (model.rate * 3600) / (queues.length * codesPerQueue);
  const profile: TrafficProfile = {
    seed: model.seed,
    accessCodes: queues.flatMap((q) => q.accessCodes.map((code) => ({ code, callsPerHour: perCode }))),
    vipShare: model.vipShare,
    vipNumbers: VIP_NUMBERS,
    patience: { medianMs: model.patienceMedianMs, sigma: model.patienceSigma },
    talkTime: { medianMs: model.talkMedianMs, sigma: model.talkSigma },
  };
  const traffic = createTrafficGenerator({
    driver: sim,
    port: sim,
    clock,
    profile,
    onError: (error) => console.error('traffic generator:', error),
  });
  return { clock, sim, engine, traffic, config, profile };
}
