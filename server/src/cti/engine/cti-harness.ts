import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { QueueConfig } from '../../acd/acd.types.ts';
import { SimClock } from '../../switch/sim/sim-clock.ts';
import { createSimSwitch, type SimSwitch } from '../../switch/sim/sim-switch.ts';
import type { ChannelId } from '../../switch/switch-port.ts';
import type { SkillAssignment } from '../agent-state/index.ts';
import { CtiEngine } from './cti-engine.ts';
import type { CtiConfig, CtiEvent, ServiceHours } from './cti-types.ts';

// A small call centre on the simulated switch, for the CTI scenario suite. Scenarios speak only
// through the engine (the agents' and supervisors' commands) and the switch driver (what callers
// and phones do), so the same suite can later run on the SIP engine.
export const GENERAL = 1;
export const BILL = 2;
export const FAULT = 3;

export const QUEUES: QueueConfig[] = [
  queue('q-general', GENERAL, '综合', ['1000'], null),
  queue('q-bill', BILL, '话费查询', ['10000'], 60_000),
  queue('q-fault', FAULT, '故障报修', ['112'], 60_000),
];

function queue(
  id: string,
  skillGroupId: number,
  name: string,
  accessCodes: string[],
  overflowAfterMs: number | null,
): QueueConfig {
  return {
    id,
    skillGroupId,
    name,
    accessCodes,
    policy: 'longest_idle',
    overflowAfterMs,
    maxWaitMs: null,
    maxWaitTarget: null,
    announceEveryMs: 30_000,
    allBusyOptions: { callback: true, voicemail: true },
  };
}

export const PEOPLE = {
  wang: { id: 1, employeeNo: '1001', name: '王芳', extension: '8001' },
  li: { id: 2, employeeNo: '1002', name: '李伟', extension: '8002' },
  zhang: { id: 3, employeeNo: '1003', name: '张娜', extension: '8003' },
  liu: { id: 4, employeeNo: '1004', name: '刘敏', extension: '8004' },
  lead: { id: 100, employeeNo: '2001', name: '郑晓梅', extension: '8101' },
} as const;

export type Person = (typeof PEOPLE)[keyof typeof PEOPLE];

export type Harness = Awaited<ReturnType<typeof createHarness>>;

export async function createHarness(
  overrides: Partial<CtiConfig> = {},
  deps: { serviceHours?: ServiceHours } = {},
) {
  const clock = new SimClock(new Date('2026-01-05T09:00:00Z'));
  const recordingsDir = await mkdtemp(join(tmpdir(), 'switchboard-cti-'));
  const sim: SimSwitch = createSimSwitch({ clock, recordingsDir });
  for (const p of Object.values(PEOPLE)) sim.registerExtension(p.extension);
  const events: CtiEvent[] = [];
  const config: CtiConfig = {
    queues: QUEUES,
    skillGroups: [
      { id: GENERAL, name: '综合', isComprehensive: true },
      { id: BILL, name: '话费查询', isComprehensive: false },
      { id: FAULT, name: '故障报修', isComprehensive: false },
    ],
    wrapUpMs: 30_000,
    offerRingTimeoutMs: 15_000,
    outboundRingTimeoutMs: 30_000,
    recordByDefault: true,
    vipNumbers: new Set(['13900000001']),
    ...overrides,
  };
  const engine = new CtiEngine({
    port: sim,
    scheduler: clock,
    config,
    publish: (e) => events.push(e),
    ...(deps.serviceHours ? { serviceHours: deps.serviceHours } : {}),
  });

  /** Lets simulated time pass and every resulting event be handled. */
  const pass = async (ms = 0) => {
    await engine.settled();
    await clock.advance(ms);
    await engine.settled();
    await clock.advance(0);
    await engine.settled();
  };

  const signIn = async (p: Person, skills: SkillAssignment[], ready = true) => {
    await engine.signIn(
      { id: p.id, employeeNo: p.employeeNo, name: p.name },
      { extension: p.extension, skills, ready },
    );
    await pass();
  };

  /** A customer calls an access code; returns the customer's channel id. */
  const customerCalls = async (accessCode: string, callerNumber = '13800138000') => {
    const channel = await sim.customerCalls(callerNumber, accessCode);
    await pass();
    return channel.id;
  };

  const stateOf = (p: Person) => engine.agentView(p.id)?.state;
  const callOf = (p: Person) => {
    const callId = engine.agentView(p.id)?.callId;
    return callId ? engine.call(callId) : undefined;
  };
  const channelOf = (p: Person): ChannelId => {
    const channel = engine.agent(p.id)?.channelId;
    if (!channel) throw new Error(`${p.employeeNo} has no channel`);
    return channel;
  };
  /** Whether `listener` hears `speaker` right now, by the switch's own mix. */
  const hears = (listener: ChannelId, speaker: ChannelId) => {
    const bridgeId = sim.getChannel(listener)?.bridgeId;
    if (!bridgeId) return false;
    return sim.whoHears(bridgeId).get(listener)?.has(speaker) ?? false;
  };

  return {
    clock,
    sim,
    engine,
    events,
    recordingsDir,
    pass,
    signIn,
    customerCalls,
    stateOf,
    callOf,
    channelOf,
    hears,
    eventsOf: <T extends CtiEvent['type']>(type: T) =>
      events.filter((e): e is Extract<CtiEvent, { type: T }> => e.type === type),
    close: async () => {
      engine.stop();
      await rm(recordingsDir, { recursive: true, force: true });
    },
  };
}
