import {
  smsPhoneParamSchema,
  smsSubscriptionsInputSchema,
  smsSubscriptionsSchema,
} from '@switchboard/shared';
import { actorOf } from '../../http/access.ts';
import type { App, AppDeps } from '../../http/app-types.ts';
import { getSmsSubscriptions, setSmsSubscriptions } from './sms-subscription.ts';

// 手机短信定制 (MSG-2): agents read and set a number's SMS subscriptions and its opt-out.
const tags = ['outbox'];
const SENDERS = ['agent', 'team_lead', 'duty_lead', 'admin'] as const;

export function registerSmsSubscriptionRoutes(app: App, { db, clock }: AppDeps): void {
  app.get(
    '/api/outbox/subscriptions/:phone',
    {
      config: { access: SENDERS },
      schema: {
        tags,
        summary: "A number's SMS subscriptions per category and whether it opted out (退订)",
        params: smsPhoneParamSchema,
        response: { 200: smsSubscriptionsSchema },
      },
    },
    async (request) => getSmsSubscriptions(db, request.params.phone),
  );

  app.put(
    '/api/outbox/subscriptions/:phone',
    {
      config: { access: SENDERS },
      schema: {
        tags,
        summary: 'Set categories (subscribing lifts an opt-out) or opt the number out of all bulk SMS',
        params: smsPhoneParamSchema,
        body: smsSubscriptionsInputSchema,
        response: { 200: smsSubscriptionsSchema },
      },
    },
    async (request) => {
      const { phone } = request.params;
      await db.transaction().execute((trx) =>
        setSmsSubscriptions(trx, phone, request.body, {
          source: 'agent',
          staffId: actorOf(request).id,
          now: clock.now(),
        }),
      );
      return getSmsSubscriptions(db, phone);
    },
  );
}
