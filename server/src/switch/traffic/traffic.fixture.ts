import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { SimClock } from '../sim/sim-clock.ts';
import { createSimSwitch, type SimSwitch } from '../sim/sim-switch.ts';
import type { ChannelId, SwitchEvent } from '../switch-port.ts';
import {
  createTrafficGenerator,
  type PlacedCall,
  type TrafficGeneratorOptions,
} from './traffic-generator.ts';
import type { TrafficProfile } from './traffic-profile.ts';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** One code at 60 calls/h, no VIPs, fixed patience (30 s) and talk time (2 min). */
export const profileWith = (overrides: Partial<TrafficProfile> = {}): TrafficProfile => ({
  seed: 7,
  accessCodes: [{ code: '1000', callsPerHour: 60 }],
  vipShare: 0,
  vipNumbers: [],
  patience: { medianMs: 30_000, sigma: 0 },
  talkTime: { medianMs: 120_000, sigma: 0 },
  ...overrides,
});

/** A simulated switch on its own clock with a traffic generator (disposed after the test). */
export async function setup(profile: TrafficProfile, options: Partial<TrafficGeneratorOptions> = {}) {
  const clock = new SimClock(new Date('2026-01-05T09:00:00Z'));
  const recordingsDir = await mkdtemp(join(tmpdir(), 'switchboard-traffic-'));
  onTestFinished(() => rm(recordingsDir, { recursive: true, force: true }));
  const sim = createSimSwitch({ clock, recordingsDir });
  const events: SwitchEvent[] = [];
  sim.onEvent((event) => events.push(event));
  const traffic = createTrafficGenerator({ driver: sim, port: sim, clock, profile, ...options });
  onTestFinished(() => traffic.dispose());
  const placed: PlacedCall[] = [];
  traffic.onCallPlaced((call) => placed.push(call));
  const channel = (id: ChannelId) => sim.getChannel(id);
  return { clock, sim, events, traffic, placed, channel };
}

/** The switch picks up every customer call (as the IVR or queue would). */
export const switchAnswersCalls = (sim: SimSwitch) =>
  sim.onEvent((event) => {
    if (event.type === 'inbound_call') void sim.answer(event.channel.id);
  });

/** A stand-in agent: answers the customer, rings extension 8001, answers it and bridges the two. */
export function agentTakesCalls(sim: SimSwitch, limit = Number.POSITIVE_INFINITY) {
  const agentLegs: ChannelId[] = [];
  let taken = 0;
  sim.registerExtension('8001');
  sim.onEvent((event) => {
    if (event.type !== 'inbound_call' || taken++ >= limit) return;
    void (async () => {
      await sim.answer(event.channel.id);
      const leg = await sim.originate({
        endpoint: { kind: 'extension', number: '8001' },
        callerNumber: event.channel.callerNumber,
        ringTimeoutMs: 20_000,
      });
      agentLegs.push(leg.id);
      await sim.answer(leg.id);
      const bridge = await sim.createBridge();
      await sim.addToBridge(bridge.id, event.channel.id);
      await sim.addToBridge(bridge.id, leg.id);
    })();
  });
  return agentLegs;
}

/** How long the channel lived, placed to hung up. */
export const endedAfterMs = (sim: SimSwitch, id: ChannelId) => {
  const channel = sim.getChannel(id);
  return (channel?.hungupAt?.getTime() ?? Number.NaN) - (channel?.createdAt.getTime() ?? Number.NaN);
};
