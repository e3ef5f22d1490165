import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { buildApp } from './app.ts';
import { systemClock } from './clock.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createCtiRuntime } from './cti/cti-runtime.ts';
import { startDemoAutopilot } from './cti/demo-autopilot.ts';
import { DataDirLockedError, openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { startBackgroundWork } from './jobs/background.ts';
import { createPasswordHasher } from './modules/auth/password-hasher.ts';
import { createCallEventWriter } from './modules/call-records/call-event.writer.ts';
import { closeDanglingCalls } from './modules/call-records/restart-recovery.ts';
import { pendingCallbacks, recordVoicemailEvents } from './modules/voicemail/index.ts';
import { seedDemoIfEmpty } from './seed/seed-demo.ts';
import { SimClock } from './switch/sim/sim-clock.ts';

// `npm start`: configuration → database (migrated) → demo data on first start → HTTP server.
async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  const handle = await openDatabase(config);
  await migrateToLatest(handle.db);
  const hasher = createPasswordHasher(config.password);
  const seeded = config.seedDemo && (await seedDemoIfEmpty(handle.db, hasher, systemClock.now()));
  // Calls the previous process held died with it: close them in the CDRs (system_restart).
  const recovered = await closeDanglingCalls(handle.db, systemClock.now());
  // The simulated switch runs on its own clock, driven by wall-clock time.
  const switchClock = new SimClock(new Date());
  const stopSwitchClock = switchClock.startRealtime();
  const cti = await createCtiRuntime({
    db: handle.db,
    clock: switchClock,
    dataDir: config.dataDir,
    wrapUpMs: config.cti.wrapUpMs,
    recordByDefault: config.cti.recordCalls,
    // Each run numbers its calls under its own prefix: CDRs and recordings are keyed by call id.
    callIdPrefix: `call-${Date.now().toString(36)}`,
    // IVR-1: calls on access codes with a published flow meet the IVR first.
    hasher,
  });
  const writer = createCallEventWriter(handle.db, {
    epoch: randomUUID(),
    onError: (error) => console.error('call event writer', error),
  });
  let seq = 0;
  cti.onEvent((event) => writer.append({ seq: ++seq, at: switchClock.now().toISOString(), event }));
  // VM-1, ACD-6: voicemails and callback requests are stored; waiting callbacks survive a restart.
  const voicemails = recordVoicemailEvents(handle.db, cti);
  for (const pending of await pendingCallbacks(handle.db)) await cti.engine.restoreCallback(pending);
  const deps = { db: handle.db, dbKind: handle.kind, config, clock: systemClock, hasher, cti };
  const app = await buildApp(deps);
  if (recovered.callsClosed || recovered.agentPeriodsClosed) {
    app.log.warn(recovered, 'Closed calls and agent periods left open by the previous run (system_restart)');
  }
  if (seeded)
    app.log.info('Seeded the demo call centre (示例客服中心); demo accounts are listed in the README');
  if (config.seedDemo) await startDemoAutopilot(handle.db, cti, config.cti.demoAutopilotAgents);
  if (config.cti.simulateTraffic) cti.traffic.start();
  const stopBackgroundWork = startBackgroundWork(deps);
  const shutdown = async (signal: string) => {
    app.log.info(`${signal}: shutting down`);
    // A client that never reads its response must not keep a restart waiting forever.
    setTimeout(() => {
      app.log.error('shutdown took over 15 s: exiting anyway');
      process.exit(1);
    }, 15_000).unref();
    await stopBackgroundWork();
    await app.close();
    await cti.stop();
    stopSwitchClock();
    await voicemails.flush();
    voicemails.close();
    await writer.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    `Switchboard on http://localhost:${config.port} (database: ${handle.kind}${handle.kind === 'pglite' ? ` in ${config.dataDir}` : ''})`,
  );
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) {
    console.error(err.message);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
});
