import { sql } from 'kysely';
import { z } from 'zod';
import type { App, AppDeps } from '../../http/app-types.ts';

export function registerHealthRoutes(app: App, { db, dbKind, config }: AppDeps): void {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['health'],
        summary: 'Liveness and database reachability',
        response: {
          200: z.object({
            status: z.literal('ok'),
            db: z.enum(['pglite', 'postgresql']),
            version: z.string(),
          }),
          503: z.object({
            status: z.literal('degraded'),
            db: z.enum(['pglite', 'postgresql']),
            version: z.string(),
          }),
        },
      },
    },
    async (_request, reply) => {
      try {
        await sql`select 1`.execute(db);
        return { status: 'ok' as const, db: dbKind, version: config.version };
      } catch {
        return reply.code(503).send({ status: 'degraded' as const, db: dbKind, version: config.version });
      }
    },
  );
}
