import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { SimClock } from '../switch/sim/sim-clock.ts';
import { describeOnEachDialect } from '../testing/test-app.ts';
import { createCtiRuntime } from './cti-runtime.ts';
import type { CtiEvent } from './engine/cti-types.ts';

// CDRs, IVR sessions and recordings are keyed by call id: two runs of the server on one database
// (a restart) must never hand out the same id.
describeOnEachDialect('call ids across restarts', (server) => {
  async function firstCallId(callIdPrefix: string): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'switchboard-call-ids-'));
    const clock = new SimClock(new Date('2026-01-05T09:00:00Z'));
    const cti = await createCtiRuntime({
      db: server().db,
      clock,
      dataDir: dir,
      wrapUpMs: 30_000,
      recordByDefault: false,
      callIdPrefix,
    });
    try {
      const started: string[] = [];
      cti.onEvent((event: CtiEvent) => {
        if (event.type === 'call_started') started.push(event.callId);
      });
      await cti.sim.customerCalls('13912345678', '112');
      await clock.advance(100);
      await cti.engine.settled();
      const id = started[0];
      if (!id) throw new Error('no call started');
      return id;
    } finally {
      await cti.stop();
      await rm(dir, { recursive: true, force: true });
    }
  }

  it('numbers each run’s calls under its own prefix, so a restarted server never reuses an id', async () => {
    const before = await firstCallId('call-run1');
    const after = await firstCallId('call-run2');
    expect(before).toBe('call-run1-1');
    expect(after).toBe('call-run2-1');
  });
});
