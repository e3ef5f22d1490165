import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import type { ChannelId, SwitchEvent } from '../switch-port.ts';
import { SimClock } from './sim-clock.ts';
import { createSimSwitch, type SimSwitchOptions } from './sim-switch.ts';

export const ACCESS_CODE = '95105';

/** A fresh simulated switch with its own clock, recordings folder (removed after the test) and event log. */
export async function simSwitchFixture(
  options: Partial<Omit<SimSwitchOptions, 'clock' | 'recordingsDir'>> = {},
) {
  const clock = new SimClock(new Date('2026-01-05T09:00:00Z'));
  const recordingsDir = await mkdtemp(join(tmpdir(), 'switchboard-sim-'));
  onTestFinished(() => rm(recordingsDir, { recursive: true, force: true }));
  const sim = createSimSwitch({ clock, recordingsDir, ...options });
  const events: SwitchEvent[] = [];
  sim.onEvent((event) => events.push(event));

  /** A customer's call the switch has answered. */
  const answeredCall = async (callerNumber = '13800138000'): Promise<ChannelId> => {
    const channel = await sim.customerCalls(callerNumber, ACCESS_CODE);
    await sim.answer(channel.id);
    return channel.id;
  };

  /** An agent's extension leg, answered remotely. */
  const agentLeg = async (extension: string): Promise<ChannelId> => {
    sim.registerExtension(extension);
    const channel = await sim.originate({
      endpoint: { kind: 'extension', number: extension },
      callerNumber: ACCESS_CODE,
      ringTimeoutMs: 20_000,
    });
    await sim.answer(channel.id);
    return channel.id;
  };

  const eventTypes = () => events.map((event) => event.type);

  return { clock, sim, events, eventTypes, recordingsDir, answeredCall, agentLeg };
}
