import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SkillAssignment } from '../../cti/agent-state/index.ts';
import { CtiEngine } from '../../cti/engine/cti-engine.ts';
import { BILL, FAULT, GENERAL, PEOPLE, type Person, QUEUES } from '../../cti/engine/cti-harness.ts';
import { SimClock } from '../../switch/sim/sim-clock.ts';
import { createSimSwitch } from '../../switch/sim/sim-switch.ts';
import type { CallEventEnvelope } from './call-event.writer.ts';

// The CTI scenario harness's small call centre, with every published event wrapped in the
// envelope production gives it: a sequence number and the engine's (simulated) clock time.
export async function startEngineRun(append: (envelope: CallEventEnvelope) => void) {
  const clock = new SimClock(new Date('2026-01-05T09:00:00Z'));
  const recordingsDir = await mkdtemp(join(tmpdir(), 'switchboard-cdr-'));
  const sim = createSimSwitch({ clock, recordingsDir });
  for (const p of Object.values(PEOPLE)) sim.registerExtension(p.extension);
  let seq = 0;
  const engine = new CtiEngine({
    port: sim,
    scheduler: clock,
    config: {
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
      vipNumbers: new Set(),
    },
    publish: (event) => append({ seq: ++seq, at: clock.now().toISOString(), event }),
  });

  const pass = async (ms = 0) => {
    await engine.settled();
    await clock.advance(ms);
    await engine.settled();
    await clock.advance(0);
    await engine.settled();
  };

  return {
    clock,
    sim,
    engine,
    recordingsDir,
    pass,
    signIn: async (p: Person, skills: SkillAssignment[]) => {
      await engine.signIn(
        { id: p.id, employeeNo: p.employeeNo, name: p.name },
        { extension: p.extension, skills, ready: true },
      );
      await pass();
    },
    customerCalls: async (accessCode: string, callerNumber = '13800138000') => {
      const channel = await sim.customerCalls(callerNumber, accessCode);
      await pass();
      return channel.id;
    },
    close: async () => {
      engine.stop();
      await rm(recordingsDir, { recursive: true, force: true });
    },
  };
}
