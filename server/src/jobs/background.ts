import type { AppDeps } from '../http/app-types.ts';
import { createOutboundAdapters } from '../modules/outbox/adapters/index.ts';
import { messagingJobHandlers } from '../modules/outbox/outbox-jobs.ts';
import { startInboundMail } from '../modules/work-items/inbound-mail.ts';
import { createJobWorker } from './job-worker.ts';
import { PERIODIC_TASKS } from './periodic-tasks.ts';

/**
 * Starts the server's durable background work (outbox sender, deadline watch, …) and returns the
 * function that stops it. Called by main.ts only: tests drive each job directly with their clock.
 */
export function startBackgroundWork(deps: AppDeps): () => Promise<void> {
  const adapters = createOutboundAdapters(deps.db, deps.clock, deps.config.messaging);
  const worker = createJobWorker({
    db: deps.db,
    clock: deps.clock,
    handlers: messagingJobHandlers(adapters),
    periodicTasks: PERIODIC_TASKS,
    pollMs: deps.config.messaging.jobPollMs,
  });
  worker.start();
  // MSG-5: e-mail and fax-by-e-mail arrive as work items when a port is configured.
  const port = deps.config.messaging.inboundSmtpPort;
  const stopMail = port
    ? startInboundMail({ db: deps.db, clock: deps.clock, log: (m, err) => console.error(m, err) }, port)
    : undefined;
  return async () => {
    await stopMail?.();
    await worker.stop();
    await adapters.sms.close?.();
    if (adapters.email !== adapters.sms) await adapters.email.close?.();
  };
}
