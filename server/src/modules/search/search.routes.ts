import {
  idParamSchema,
  savedQueryInputSchema,
  savedQuerySchema,
  searchCriteriaSchema,
  searchResultSchema,
} from '@switchboard/shared';
import { z } from 'zod';
import { actorOf, hasAnyRole } from '../../http/access.ts';
import { AppError } from '../../http/app-error.ts';
import type { App, AppDeps } from '../../http/app-types.ts';
import { COMMON_ERRORS } from '../../http/common.errors.ts';
import { CUSTOMER_ERRORS } from '../customers/customer.errors.ts';
import { CUSTOMER_READERS } from '../customers/customer.routes.ts';
import { comprehensiveSearch } from './search.repository.ts';

// QRY-1 comprehensive query (综合查询). Every signed-in staff member may search; customer and
// call groups are given only to the roles that read customers, tickets as the ticket module
// scopes them. Saved queries belong to the one who saved them.
const tags = ['search'];

export function registerSearchRoutes(app: App, { db, clock }: AppDeps): void {
  app.post(
    '/api/search',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Search customers, the agent phone book, call records and tickets; grouped with counts',
        body: searchCriteriaSchema,
        response: { 200: searchResultSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return comprehensiveSearch(db, actor, request.body, hasAnyRole(actor, CUSTOMER_READERS));
    },
  );

  app.get(
    '/api/search/saved',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'My saved queries',
        response: { 200: z.object({ items: z.array(savedQuerySchema) }) },
      },
    },
    async (request) => {
      const rows = await db
        .selectFrom('saved_queries')
        .selectAll()
        .where('staff_id', '=', actorOf(request).id)
        .orderBy('name')
        .execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          criteria: searchCriteriaSchema.parse(
            typeof r.criteria === 'string' ? JSON.parse(r.criteria) : r.criteria,
          ),
          createdAt: new Date(r.created_at).toISOString(),
        })),
      };
    },
  );

  app.post(
    '/api/search/saved',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Save a query under a name',
        body: savedQueryInputSchema,
        response: { 201: savedQuerySchema },
      },
    },
    async (request, reply) => {
      const staffId = actorOf(request).id;
      const { name, criteria } = request.body;
      const now = clock.now();
      const taken = await db
        .selectFrom('saved_queries')
        .select('id')
        .where('staff_id', '=', staffId)
        .where('name', '=', name)
        .executeTakeFirst();
      if (taken) throw new AppError(CUSTOMER_ERRORS.SAVED_QUERY_NAME_TAKEN);
      const { id } = await db
        .insertInto('saved_queries')
        .values({ staff_id: staffId, name, criteria: JSON.stringify(criteria), created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      return reply.code(201).send({ id, name, criteria, createdAt: now.toISOString() });
    },
  );

  app.delete(
    '/api/search/saved/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Delete one of my saved queries',
        params: idParamSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const res = await db
        .deleteFrom('saved_queries')
        .where('id', '=', request.params.id)
        .where('staff_id', '=', actorOf(request).id)
        .executeTakeFirst();
      if (Number(res.numDeletedRows) === 0) throw new AppError(COMMON_ERRORS.NOT_FOUND);
      return reply.code(204).send(null);
    },
  );
}
