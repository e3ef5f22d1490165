import { join } from 'node:path';
import type { QueueConfig } from '../acd/acd.types.ts';
import type { Db } from '../db/database.ts';
import type { PasswordHasher } from '../modules/auth/password-hasher.ts';
import { IvrHost } from '../modules/ivr-flows/ivr-host.ts';
import { loadServiceHours, type ServiceHoursCache } from '../modules/service-hours/index.ts';
import type { SimClock } from '../switch/sim/sim-clock.ts';
import { createSimSwitch, type SimSwitch } from '../switch/sim/sim-switch.ts';
import type { SwitchPort } from '../switch/switch-port.ts';
import { createTrafficGenerator, type TrafficGenerator } from '../switch/traffic/traffic-generator.ts';
import { DEMO_PROFILE, type TrafficProfile } from '../switch/traffic/traffic-profile.ts';
import { CtiEngine } from './engine/cti-engine.ts';
import type { CtiConfig, CtiEvent } from './engine/cti-types.ts';

// Everything the call-control core needs at run time, built once at start-up: the switch (the
// simulated one by default), the engine, and the traffic generator that keeps the demo alive.
export type CtiRuntime = {
  engine: CtiEngine;
  sim: SimSwitch;
  clock: SimClock;
  traffic: TrafficGenerator;
  /** When each skill group takes calls; closed ones send new callers to voicemail (VM-1). */
  serviceHours: ServiceHoursCache;
  /** The IVR host, when the runtime was given a hasher (IVR-1). */
  ivr: IvrHost | undefined;
  config: CtiConfig;
  /** Listeners of every published CTI event (live stream, call-event writer). */
  onEvent(listener: (event: CtiEvent) => void): () => void;
  stop(): Promise<void>;
};

export type CtiRuntimeOptions = {
  db: Db;
  clock: SimClock;
  dataDir: string;
  wrapUpMs: number;
  recordByDefault: boolean;
  trafficProfile?: TrafficProfile;
  /**
   * Given, inbound calls whose access code has a published IVR flow enter the IVR first (IVR-1);
   * the hasher checks service passwords. Without it every inbound call is queued at once.
   */
  hasher?: PasswordHasher;
  /** Call ids `<prefix>-N`; the server passes one per run so ids never repeat across restarts. */
  callIdPrefix?: string;
};

/** Default queue settings per skill group; an admin page to tune them comes with the desktop. */
export function queuesFromSkillGroups(
  groups: { id: number; name: string; isComprehensive: boolean; accessCodes: string[] }[],
) {
  return groups.map(
    (g): QueueConfig => ({
      id: `q-${g.id}`,
      skillGroupId: g.id,
      name: g.name,
      accessCodes: g.accessCodes,
      policy: 'longest_idle',
      overflowAfterMs: g.isComprehensive ? null : 60_000,
      maxWaitMs: null,
      maxWaitTarget: null,
      announceEveryMs: 30_000,
      allBusyOptions: { callback: true, voicemail: true },
    }),
  );
}

export async function loadSkillGroups(db: Db) {
  const [groups, codes] = await Promise.all([
    db.selectFrom('skill_groups').select(['id', 'code', 'name', 'is_comprehensive']).orderBy('id').execute(),
    db.selectFrom('skill_group_access_codes').select(['skill_group_id', 'access_code']).execute(),
  ]);
  return groups.map((g) => ({
    id: g.id,
    code: g.code,
    name: g.name,
    isComprehensive: g.is_comprehensive,
    accessCodes: codes.filter((c) => c.skill_group_id === g.id).map((c) => c.access_code),
  }));
}

export async function createCtiRuntime(opts: CtiRuntimeOptions): Promise<CtiRuntime> {
  const groups = await loadSkillGroups(opts.db);
  const extensions = await opts.db.selectFrom('extensions').select('number').execute();
  const sim = createSimSwitch({ clock: opts.clock, recordingsDir: join(opts.dataDir, 'recordings') });
  for (const e of extensions) sim.registerExtension(e.number);
  const profile = opts.trafficProfile ?? DEMO_PROFILE;
  const config: CtiConfig = {
    queues: queuesFromSkillGroups(groups),
    skillGroups: groups.map(({ id, code, name, isComprehensive }) => ({ id, code, name, isComprehensive })),
    wrapUpMs: opts.wrapUpMs,
    offerRingTimeoutMs: 15_000,
    outboundRingTimeoutMs: 45_000,
    recordByDefault: opts.recordByDefault,
    vipNumbers: new Set(profile.vipNumbers),
  };
  const listeners = new Set<(event: CtiEvent) => void>();
  const serviceHours = await loadServiceHours(opts.db);
  let ivr: IvrHost | undefined;
  const engine: CtiEngine = new CtiEngine({
    ...(opts.hasher
      ? {
          ivr: {
            start: (callId, channel, transfer) => ivr!.start(callId, channel, transfer),
            hasPublishedFlow: (flowId) => ivr!.hasPublishedFlow(flowId),
          },
        }
      : {}),
    port: sim,
    scheduler: opts.clock,
    config,
    serviceHours,
    ...(opts.callIdPrefix ? { callIdPrefix: opts.callIdPrefix } : {}),
    publish: (event) => {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (err) {
          console.error('CTI event listener failed', err);
        }
      }
    },
  });
  if (opts.hasher) {
    const host = createIvrHost(opts.db, sim, opts.clock, opts.hasher, engine);
    ivr = host;
    // IVR-5: a caller the IVR passed to a queue who gives up waiting (or while it rings).
    listeners.add((event) => {
      if (
        event.type === 'call_ended' &&
        (event.cause === 'abandoned_in_queue' || event.cause === 'abandoned_ringing')
      )
        host.abandonedInQueue(event.callId);
    });
  }
  const traffic = createTrafficGenerator({
    driver: sim,
    port: sim,
    clock: opts.clock,
    profile,
    hearsAllBusyOffer: (channelId) => {
      const call = engine.callOfCustomer(channelId);
      const options = config.queues.find((q) => q.id === call?.queueId)?.allBusyOptions;
      return call?.phase === 'queued' && options !== undefined;
    },
  });
  return {
    engine,
    sim,
    clock: opts.clock,
    traffic,
    serviceHours,
    get ivr() {
      return ivr;
    },
    config,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop() {
      traffic.dispose();
      await engine.settled();
      await sim.shutdown();
      await engine.settled();
      await ivr?.flush();
      ivr?.close();
      engine.stop();
    },
  };
}

/**
 * One IVR host on the engine's switch port and clock. Its hang-ups of served callers are told to
 * the engine first (so they are not counted as abandoned), and where a call goes next comes back
 * to the engine through `ivrLeft` (ACD-7).
 */
function createIvrHost(db: Db, sim: SimSwitch, clock: SimClock, hasher: PasswordHasher, engine: CtiEngine) {
  const hangup: SwitchPort['hangup'] = (channelId, cause) => {
    // A caller who hung up first is abandoned; only a live channel is released by the IVR.
    if (sim.getChannel(channelId)?.state !== 'hungup') engine.ivrReleasing(channelId);
    return sim.hangup(channelId, cause);
  };
  const port = new Proxy<SwitchPort>(sim, {
    get(target, prop) {
      if (prop === 'hangup') return hangup;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return new IvrHost({
    db,
    port,
    timers: clock,
    hasher,
    onLeave: (leave) => {
      void engine
        .ivrLeft({ callId: leave.callId, transfer: leave.transfer, voicemail: leave.voicemail })
        .catch((err) => {
          console.error('IVR hand-off failed', err);
        });
    },
  });
}
