import { text } from '@switchboard/shared';
import { z } from 'zod';
import { actorOf } from '../../http/access.ts';
import type { App, AppDeps } from '../../http/app-types.ts';
import { recordAuditEvent } from '../audit/audit.repository.ts';
import { getCenterName, setCenterName } from './center.repository.ts';

const centerSchema = z.object({ name: z.string() });

export function registerCenterRoutes(app: App, { db, clock }: AppDeps): void {
  app.get(
    '/api/center',
    {
      config: { access: 'public' },
      schema: {
        tags: ['center'],
        summary: "The call centre's name (window title, login page)",
        response: { 200: centerSchema },
      },
    },
    async () => ({ name: await getCenterName(db) }),
  );

  app.put(
    '/api/center',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['center'],
        summary: 'Rename the call centre',
        body: z.strictObject({ name: text(60) }),
        response: { 200: centerSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await db.transaction().execute(async (trx) => {
        await setCenterName(trx, request.body.name);
        await recordAuditEvent(trx, {
          at: clock.now(),
          actor,
          action: 'settings.change',
          objectType: 'center',
          objectId: 'name',
          ip: request.ip,
          detail: { name: request.body.name },
        });
      });
      return { name: request.body.name };
    },
  );
}
