import { idParamSchema, pageOf } from '@switchboard/shared';
import type { FastifyInstance, FastifyRequest, FastifySchema } from 'fastify';
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { isForeignKeyViolation } from '../db/db-errors.ts';
import { type AuditAction, recordAuditEvent } from '../modules/audit/audit.repository.ts';
import { type Access, type Actor, actorOf } from './access.ts';
import { AppError } from './app-error.ts';
import type { App, AppDeps } from './app-types.ts';
import { COMMON_ERRORS } from './common.errors.ts';

/** What a mutation knows about who made it, when and from where. */
export type ChangeContext = { actor: Actor; now: Date; ip: string };

export type CrudRepository<View, Create, Update, ListQuery> = {
  list(db: Db, query: ListQuery, actor: Actor): Promise<{ items: View[]; total: number }>;
  /** undefined when the object does not exist or the actor may not see it (both answer 404). */
  get(db: Db, id: number, actor: Actor): Promise<View | undefined>;
  create(trx: Db, input: Create, ctx: ChangeContext): Promise<number>;
  /** false when there is no such object. */
  update(trx: Db, id: number, input: Update, ctx: ChangeContext): Promise<boolean>;
  remove(trx: Db, id: number, ctx: ChangeContext): Promise<boolean>;
};

export type CrudSpec<V extends z.ZodType, C extends z.ZodType, U extends z.ZodType, Q extends z.ZodType> = {
  path: string;
  tag: string;
  noun: string;
  objectType: string;
  access: { read: Access; write: Access };
  schemas: { view: V; create: C; update: U; listQuery: Q };
  repository: CrudRepository<z.infer<V>, z.output<C>, z.output<U>, z.output<Q>>;
  /** Raised when a removal is refused because other records still point at the object. */
  inUseError: AppError;
  removeSummary?: string;
  removeAction?: AuditAction;
};

// One way to expose a directory table: list with search and paging, read, create, update, remove.
// Every change runs in one transaction with its audit row; reads outside the actor's scope are 404.
export function registerCrudRoutes<
  V extends z.ZodType,
  C extends z.ZodType,
  U extends z.ZodType,
  Q extends z.ZodType,
>(app: App, deps: AppDeps, spec: CrudSpec<V, C, U, Q>): void {
  const { db, clock } = deps;
  const { repository: repo, schemas } = spec;
  // Generic over schemas, so the zod type provider cannot type these handlers: the schemas
  // still validate every request; the casts below only restate what they guarantee.
  const routes = typedLoosely(app);
  const tags = [spec.tag];
  const itemPath = `${spec.path}/:id`;
  const context = (request: FastifyRequest): ChangeContext => ({
    actor: actorOf(request),
    now: clock.now(),
    ip: request.ip,
  });
  const audit = async (trx: Db, ctx: ChangeContext, action: AuditAction, id: number, detail: object) =>
    recordAuditEvent(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action,
      objectType: spec.objectType,
      objectId: id,
      ip: ctx.ip,
      detail: { ...detail },
    });
  const mustExist = (view: z.infer<V> | undefined): z.infer<V> => {
    if (view === undefined) throw new AppError(COMMON_ERRORS.NOT_FOUND);
    return view;
  };

  routes.get(
    spec.path,
    {
      config: { access: spec.access.read },
      schema: loose({
        tags,
        summary: `List ${spec.noun}s (search, paging)`,
        querystring: schemas.listQuery,
        response: { 200: pageOf(schemas.view) },
      }),
    },
    async (request) => {
      const query = request.query as z.output<Q> & { page: number; pageSize: number };
      const { items, total } = await repo.list(db, query, actorOf(request));
      return { items, total, page: query.page, pageSize: query.pageSize };
    },
  );

  routes.get(
    itemPath,
    {
      config: { access: spec.access.read },
      schema: loose({
        tags,
        summary: `Read one ${spec.noun}`,
        params: idParamSchema,
        response: { 200: schemas.view },
      }),
    },
    async (request) => mustExist(await repo.get(db, paramsOf(request).id, actorOf(request))),
  );

  routes.post(
    spec.path,
    {
      config: { access: spec.access.write },
      schema: loose({
        tags,
        summary: `Create a ${spec.noun}`,
        body: schemas.create,
        response: { 201: schemas.view },
      }),
    },
    async (request, reply) => {
      const ctx = context(request);
      const body = request.body as z.output<C>;
      const id = await db.transaction().execute(async (trx) => {
        const newId = await repo.create(trx, body, ctx);
        await audit(trx, ctx, spec.objectType === 'staff' ? 'staff.create' : 'directory.change', newId, {
          op: 'create',
          input: redact(body),
        });
        return newId;
      });
      return reply.code(201).send(mustExist(await repo.get(db, id, ctx.actor)));
    },
  );

  routes.patch(
    itemPath,
    {
      config: { access: spec.access.write },
      schema: loose({
        tags,
        summary: `Change a ${spec.noun}`,
        params: idParamSchema,
        body: schemas.update,
        response: { 200: schemas.view },
      }),
    },
    async (request) => {
      const ctx = context(request);
      const { id } = paramsOf(request);
      const body = request.body as z.output<U>;
      await db.transaction().execute(async (trx) => {
        if (!(await repo.update(trx, id, body, ctx))) throw new AppError(COMMON_ERRORS.NOT_FOUND);
        await audit(trx, ctx, spec.objectType === 'staff' ? 'staff.update' : 'directory.change', id, {
          op: 'update',
          input: redact(body),
        });
      });
      return mustExist(await repo.get(db, id, ctx.actor));
    },
  );

  routes.delete(
    itemPath,
    {
      config: { access: spec.access.write },
      schema: loose({
        tags,
        summary: spec.removeSummary ?? `Delete a ${spec.noun}`,
        params: idParamSchema,
        response: { 204: z.null() },
      }),
    },
    async (request, reply) => {
      const ctx = context(request);
      const { id } = paramsOf(request);
      try {
        await db.transaction().execute(async (trx) => {
          if (!(await repo.remove(trx, id, ctx))) throw new AppError(COMMON_ERRORS.NOT_FOUND);
          await audit(trx, ctx, spec.removeAction ?? 'directory.change', id, { op: 'delete' });
        });
      } catch (err) {
        if (isForeignKeyViolation(err)) throw spec.inUseError;
        throw err;
      }
      return reply.code(204).send(null);
    },
  );
}

type IdRequest = FastifyRequest<{ Params: { id: number } }>;
const paramsOf = (request: FastifyRequest) => (request as IdRequest).params;
const typedLoosely = (app: App) => app as unknown as FastifyInstance;
const loose = (schema: object) => schema as FastifySchema;

function redact(input: unknown): unknown {
  if (input && typeof input === 'object' && 'password' in input) return { ...input, password: '***' };
  return input;
}
