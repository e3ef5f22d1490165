import type { Clock } from '../../../clock.ts';
import type { Config } from '../../../config.ts';
import type { Db } from '../../../db/database.ts';
import { recordDeliveryReceipt, recordInboundSms } from '../sms-inbound.ts';
import type { OutboundAdapters } from './adapter.ts';
import { createSinkAdapter } from './sink-adapter.ts';
import { createSmppAdapter } from './smpp-adapter.ts';
import { createSmtpAdapter } from './smtp-adapter.ts';

/** The gateways configured for SMS and e-mail (MSG-4); 'sink' unless the environment says otherwise. */
export function createOutboundAdapters(db: Db, clock: Clock, config: Config['messaging']): OutboundAdapters {
  const sink = createSinkAdapter(db, clock);
  const sms =
    config.smsAdapter === 'smpp'
      ? createSmppAdapter(config.smpp, {
          onInbound: (sms) =>
            recordInboundSms(db, { ...sms, provider: 'smpp', receivedAt: clock.now() }).then(() => {}),
          onReceipt: (receipt) => recordDeliveryReceipt(db, receipt, clock.now()),
        })
      : sink;
  const email = config.emailAdapter === 'smtp' ? createSmtpAdapter(config.smtp) : sink;
  return { sms, email };
}
