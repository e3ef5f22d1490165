import type { Readable } from 'node:stream';
import {
  type CustomerInput,
  customerInputSchema,
  customerListQuerySchema,
  customerNoteSchema,
  customerSavedSchema,
  customerSchema,
  customerUpdateSchema,
  customFieldDefInputSchema,
  customFieldDefSchema,
  duplicateGroupSchema,
  exportQuerySchema,
  idParamSchema,
  importFileQuerySchema,
  importInputSchema,
  importJobSchema,
  mergeInputSchema,
  pageOf,
  pageQuerySchema,
  phoneQuerySchema,
  type Role,
  timelineItemSchema,
} from '@switchboard/shared';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/access.ts';
import { AppError } from '../../http/app-error.ts';
import type { App, AppDeps } from '../../http/app-types.ts';
import { COMMON_ERRORS } from '../../http/common.errors.ts';
import { type CustomerChangeContext, recordCustomerAudit } from './customer.audit.ts';
import { CUSTOMER_ERRORS } from './customer.errors.ts';
import { exportCustomers } from './customer.export.ts';
import { failImport, getImportJob, RowFeed, runImport, startImport, uploadRows } from './customer.import.ts';
import { forReader } from './customer.privacy.ts';
import { customerRepository as repo } from './customer.repository.ts';
import { createCustomer, mergeCustomers, updateCustomer } from './customer.service.ts';
import { customerTimeline } from './customer.timeline.ts';
import { appendTimelineEntry, findCustomerIdByPhone } from './index.ts';

// CRM-1…4. Front-line staff read and edit customers; the back office (data maintenance, admin,
// team leads) also imports, exports and merges; only admin defines custom fields. Department
// roles (dept_supervisor, dept_handler) have no access: they see what a ticket carries.
const tags = ['customers'];
export const CUSTOMER_READERS: readonly Role[] = [
  'agent',
  'team_lead',
  'duty_lead',
  'qa',
  'data_maintenance',
  'admin',
];
const WRITERS: readonly Role[] = ['agent', 'team_lead', 'duty_lead', 'data_maintenance', 'admin'];
const BACK_OFFICE: readonly Role[] = ['team_lead', 'data_maintenance', 'admin'];
const ADMIN: readonly Role[] = ['admin'];
/** The largest import file (CRM-3): about 200,000 rows of CSV. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
const IMPORT_CONTENT_TYPES = [
  'application/octet-stream',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

export function registerCustomerRoutes(app: App, { db, clock }: AppDeps): void {
  const context = (request: FastifyRequest): CustomerChangeContext => ({
    actor: actorOf(request),
    now: clock.now(),
    ip: request.ip,
  });
  const mustExist = <T>(value: T | undefined): T => {
    if (value === undefined) throw new AppError(COMMON_ERRORS.NOT_FOUND);
    return value;
  };

  app.get(
    '/api/customers',
    {
      config: { access: CUSTOMER_READERS },
      schema: {
        tags,
        summary: 'List/search customers (客户资料): name, phone, card, address, custom fields; paged',
        querystring: customerListQuerySchema,
        response: { 200: pageOf(customerSchema) },
      },
    },
    async (request) => {
      const q = request.query;
      const roles = actorOf(request).roles;
      const found = await repo.list(db, q);
      return {
        ...found,
        items: found.items.map((c) => forReader(c, roles)),
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );

  app.get(
    '/api/customers/by-phone',
    {
      config: { access: CUSTOMER_READERS },
      schema: {
        tags,
        summary: 'The customer owning a phone number (screen pop, UI-7); 404 if none',
        querystring: phoneQuerySchema,
        response: { 200: customerSchema },
      },
    },
    async (request) => {
      const id = await findCustomerIdByPhone(db, request.query.phone);
      const c = mustExist(id === null ? undefined : await repo.get(db, id));
      await recordCustomerAudit(db, context(request), 'customer.read', c.id, { via: 'phone' });
      return forReader(c, actorOf(request).roles);
    },
  );

  app.get(
    '/api/customers/duplicates',
    {
      config: { access: WRITERS },
      schema: {
        tags,
        summary: 'Groups of live records sharing a phone or a card number (CRM-4)',
        response: { 200: z.object({ items: z.array(duplicateGroupSchema) }) },
      },
    },
    async () => ({ items: await repo.duplicateGroups(db) }),
  );

  app.post(
    '/api/customers/merge',
    {
      config: { access: BACK_OFFICE },
      schema: {
        tags,
        summary: 'Merge mergeId into keepId: phones and timeline move, the other is marked merged (audited)',
        body: mergeInputSchema,
        response: { 200: customerSavedSchema },
      },
    },
    async (request) => {
      const ctx = context(request);
      const { keepId, mergeId } = request.body;
      return db.transaction().execute((trx) => mergeCustomers(trx, keepId, mergeId, ctx));
    },
  );

  app.get(
    '/api/customers/export',
    {
      config: { access: BACK_OFFICE },
      schema: {
        tags,
        summary: 'Export all live customers as CSV or XLSX (audited)',
        querystring: exportQuerySchema,
      },
    },
    async (request, reply) => {
      const ctx = context(request);
      const { format } = request.query;
      const file = await db.transaction().execute(async (trx) => {
        const out = await exportCustomers(trx, format);
        await recordCustomerAudit(trx, ctx, 'customer.export', null, { format, rows: out.rows });
        return out;
      });
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="customers.${format}"`)
        .send(file.body);
    },
  );

  // Runs an import: the job starts once the header is read, rows reach it while the upload goes
  // on, and the reply (202, the job) comes when the whole file has arrived.
  async function importUpload(
    request: FastifyRequest,
    fileName: string,
    format: 'csv' | 'xlsx',
    pieces: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  ) {
    const ctx = context(request);
    const batches = uploadRows(format, pieces, IMPORT_MAX_BYTES)[Symbol.asyncIterator]();
    const first = await batches.next(); // a bad header or an oversize file fails before any job
    const jobId = await startImport(db, fileName, ctx);
    const feed = new RowFeed();
    void runImport(db, jobId, feed, ctx).catch(async (err: unknown) => {
      request.log.error({ err }, 'customer import failed');
      await failImport(db, jobId, clock.now()).catch(() => undefined);
    });
    try {
      for (let next = first; !next.done; next = await batches.next()) feed.push(next.value);
      feed.end();
    } catch (err) {
      feed.fail(err);
      throw err;
    }
    return mustExist(await getImportJob(db, jobId, ctx.actor.id));
  }

  app.post(
    '/api/customers/imports',
    {
      config: { access: BACK_OFFICE },
      schema: {
        tags,
        summary: 'Import a small CSV/XLSX file sent as base64 JSON (1 MiB body limit); see /imports/file',
        body: importInputSchema,
        response: { 202: importJobSchema },
      },
    },
    async (request, reply) => {
      const { fileName, format, contentBase64 } = request.body;
      const job = await importUpload(request, fileName, format, [Buffer.from(contentBase64, 'base64')]);
      return reply.code(202).send(job);
    },
  );

  // The raw file as the request body (up to 20 MiB), read as a stream: only this scope accepts
  // non-JSON bodies.
  app.register(async (scope) => {
    scope.addContentTypeParser(IMPORT_CONTENT_TYPES, (_request, payload, done) => done(null, payload));
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/customers/imports/file',
      {
        config: { access: BACK_OFFICE },
        bodyLimit: IMPORT_MAX_BYTES,
        schema: {
          tags,
          summary:
            'Import customers from a CSV/XLSX file sent as the raw body (≤ 20 MiB); runs as a job, poll its progress',
          querystring: importFileQuerySchema,
          response: { 202: importJobSchema },
        },
      },
      async (request, reply) => {
        const declared = Number(request.headers['content-length'] ?? 0);
        if (declared > IMPORT_MAX_BYTES) {
          throw new AppError(COMMON_ERRORS.BODY_TOO_LARGE, { params: { limit: IMPORT_MAX_BYTES } });
        }
        const { fileName, format } = request.query;
        const body = request.body as Readable;
        return reply.code(202).send(await importUpload(request, fileName, format, body));
      },
    );
  });

  app.get(
    '/api/customers/imports/:id',
    {
      config: { access: BACK_OFFICE },
      schema: {
        tags,
        summary: 'Progress and rejected rows of one of my imports',
        params: idParamSchema,
        response: { 200: importJobSchema },
      },
    },
    async (request) => mustExist(await getImportJob(db, request.params.id, actorOf(request).id)),
  );

  app.get(
    '/api/customers/fields',
    {
      config: { access: CUSTOMER_READERS },
      schema: {
        tags,
        summary: 'Custom field definitions (自定义字段)',
        response: { 200: z.object({ items: z.array(customFieldDefSchema) }) },
      },
    },
    async () => ({ items: await listFieldDefs() }),
  );

  app.post(
    '/api/customers/fields',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Define a custom field (admin); its values are then searchable',
        body: customFieldDefInputSchema,
        response: { 201: customFieldDefSchema },
      },
    },
    async (request, reply) => {
      const ctx = context(request);
      const body = request.body;
      const id = await db.transaction().execute(async (trx) => {
        const taken = await trx
          .selectFrom('customer_field_defs')
          .select('id')
          .where('key', '=', body.key)
          .executeTakeFirst();
        if (taken) throw new AppError(CUSTOMER_ERRORS.FIELD_KEY_TAKEN);
        const row = await trx
          .insertInto('customer_field_defs')
          .values({ ...body, choices: JSON.stringify(body.choices), created_at: ctx.now })
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordCustomerAudit(trx, ctx, 'customer.field_define', null, { key: body.key });
        return row.id;
      });
      return reply.code(201).send({ ...body, id });
    },
  );

  app.get(
    '/api/customers/:id',
    {
      config: { access: CUSTOMER_READERS },
      schema: {
        tags,
        summary: 'One customer record',
        params: idParamSchema,
        response: { 200: customerSavedSchema },
      },
    },
    async (request) => {
      const c = mustExist(await repo.get(db, request.params.id));
      // PLAT-6: every opening of a record is logged.
      await recordCustomerAudit(db, context(request), 'customer.read', c.id);
      const duplicates = await repo.duplicatesOf(db, c.phones, c.cardNo, c.id);
      return { ...forReader(c, actorOf(request).roles), duplicates };
    },
  );

  app.post(
    '/api/customers',
    {
      config: { access: WRITERS },
      schema: {
        tags,
        summary: 'Create a customer; records sharing a phone/card come back as duplicates (a warning)',
        body: customerInputSchema,
        response: { 201: customerSavedSchema },
      },
    },
    async (request, reply) => {
      const ctx = context(request);
      const saved = await db
        .transaction()
        .execute((trx) => createCustomer(trx, request.body as CustomerInput, ctx));
      return reply.code(201).send(saved);
    },
  );

  app.patch(
    '/api/customers/:id',
    {
      config: { access: WRITERS },
      schema: {
        tags,
        summary: 'Change a customer (custom values are merged key by key)',
        params: idParamSchema,
        body: customerUpdateSchema,
        response: { 200: customerSavedSchema },
      },
    },
    async (request) => {
      const ctx = context(request);
      return db.transaction().execute((trx) => updateCustomer(trx, request.params.id, request.body, ctx));
    },
  );

  app.get(
    '/api/customers/:id/timeline',
    {
      config: { access: CUSTOMER_READERS },
      schema: {
        tags,
        summary: 'Contact history (CRM-2): calls and appended entries, newest first, paged',
        params: idParamSchema,
        querystring: pageQuerySchema,
        response: { 200: pageOf(timelineItemSchema) },
      },
    },
    async (request) => {
      const { id } = request.params;
      mustExist(await repo.get(db, id));
      const { page, pageSize } = request.query;
      return { ...(await customerTimeline(db, id, page, pageSize)), page, pageSize };
    },
  );

  app.post(
    '/api/customers/:id/notes',
    {
      config: { access: WRITERS },
      schema: {
        tags,
        summary: 'Add a note to the customer timeline',
        params: idParamSchema,
        body: customerNoteSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const ctx = context(request);
      const { id } = request.params;
      mustExist(await repo.get(db, id));
      await appendTimelineEntry(db, {
        customerId: id,
        at: ctx.now,
        kind: 'note',
        refId: `note-${ctx.now.getTime()}`,
        summary: request.body.summary,
        staffId: ctx.actor.id,
      });
      return reply.code(204).send(null);
    },
  );

  async function listFieldDefs() {
    const rows = await db.selectFrom('customer_field_defs').selectAll().orderBy('id').execute();
    return rows.map((r) => ({
      id: r.id,
      key: r.key,
      label: r.label,
      type: r.type,
      choices: typeof r.choices === 'string' ? (JSON.parse(r.choices) as string[]) : r.choices,
    }));
  }
}
