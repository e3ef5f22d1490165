// The durable job queue and periodic tasks (see README.md).
export { retryDelayMs } from './backoff.ts';
export {
  type ClaimedJob,
  claimNextJob,
  completeJob,
  enqueueJob,
  failJob,
  findJobByKey,
  type NewJob,
  requeueJob,
} from './job.repository.ts';
export { createJobWorker, type JobContext, type JobHandler, type JobWorker } from './job-worker.ts';
export { type PeriodicTask, runDuePeriodicTasks } from './periodic.ts';
