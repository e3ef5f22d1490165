import type { JobHandler } from '../../jobs/job-worker.ts';
import type { OutboundAdapters } from './adapters/adapter.ts';
import { CAMPAIGN_ENQUEUE_JOB, campaignEnqueueHandler } from './campaign.service.ts';
import { OUTBOX_SEND_JOB } from './index.ts';
import { outboxSendHandler } from './outbox-sender.ts';

/** The job kinds of the messaging module, for the background worker (and tests). */
export function messagingJobHandlers(adapters: OutboundAdapters): Record<string, JobHandler> {
  return {
    [OUTBOX_SEND_JOB]: outboxSendHandler(adapters),
    [CAMPAIGN_ENQUEUE_JOB]: campaignEnqueueHandler,
  };
}
