import {
  callIdParamSchema,
  callTagBatchQuerySchema,
  callTagBatchSchema,
  callTagInputSchema,
  callTagMoveSchema,
  callTagOfCallSchema,
  callTagSettingsSchema,
  callTagTreeQuerySchema,
  callTagTreeSchema,
  callTagTypeInputSchema,
  callTagTypeUpdateSchema,
  idParamSchema,
} from '@switchboard/shared';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf, hasAnyRole } from '../../http/access.ts';
import { AppError } from '../../http/app-error.ts';
import type { App, AppDeps } from '../../http/app-types.ts';
import { COMMON_ERRORS } from '../../http/common.errors.ts';
import type { ChangeContext } from '../../http/crud-routes.ts';
import { recordAuditEvent } from '../audit/audit.repository.ts';
import { evaluateFaultAlarms } from '../fault-alarms/index.ts';
import { callTagsOf, callTagTree } from './call-tag.repository.ts';
import { getCallTagSettings, setCallTagSettings } from './call-tag.settings.ts';
import {
  createCallTagType,
  deleteCallTagType,
  moveCallTagType,
  updateCallTagType,
} from './call-tag-types.service.ts';
import { callTagOfCall, TAGGERS, tagCall, visibleCallIds } from './call-tagging.service.ts';

// CTI-19: the tag tree (read by everyone signed in, changed by admin) and the tags of calls.
const tags = ['call-tags'];
const ADMIN = ['admin'] as const;
const READERS = [...TAGGERS, 'qa'] as const;

export function registerCallTagRoutes(app: App, { db, clock }: AppDeps): void {
  const context = (request: FastifyRequest): ChangeContext => ({
    actor: actorOf(request),
    now: clock.now(),
    ip: request.ip,
  });
  const found = (ok: boolean) => {
    if (!ok) throw new AppError(COMMON_ERRORS.NOT_FOUND);
  };
  const tree = async (all: boolean) => ({ items: await callTagTree(db, all) });

  app.get(
    '/api/call-tags/tree',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The purpose → sub-type tree, in order (all=true adds deactivated types; admin only)',
        querystring: callTagTreeQuerySchema,
        response: { 200: callTagTreeSchema },
      },
    },
    async (request) => {
      const all = request.query.all === 'true';
      if (all && !hasAnyRole(actorOf(request), ADMIN)) throw new AppError(COMMON_ERRORS.FORBIDDEN);
      return tree(all);
    },
  );

  app.post(
    '/api/call-tags/types',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Add a purpose (parentId null) or a sub-type; codes are unique',
        body: callTagTypeInputSchema,
        response: { 201: callTagTreeSchema },
      },
    },
    async (request, reply) => {
      const ctx = context(request);
      await db.transaction().execute((trx) => createCallTagType(trx, request.body, ctx));
      return reply.code(201).send(await tree(true));
    },
  );

  app.patch(
    '/api/call-tags/types/:id',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Rename, deactivate or reactivate a tag type',
        params: idParamSchema,
        body: callTagTypeUpdateSchema,
        response: { 200: callTagTreeSchema },
      },
    },
    async (request) => {
      const ctx = context(request);
      found(
        await db.transaction().execute((trx) => updateCallTagType(trx, request.params.id, request.body, ctx)),
      );
      return tree(true);
    },
  );

  app.post(
    '/api/call-tags/types/:id/move',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Move a tag type up or down among its siblings',
        params: idParamSchema,
        body: callTagMoveSchema,
        response: { 200: callTagTreeSchema },
      },
    },
    async (request) => {
      const ctx = context(request);
      const { id } = request.params;
      found(await db.transaction().execute((trx) => moveCallTagType(trx, id, request.body.direction, ctx)));
      return tree(true);
    },
  );

  app.delete(
    '/api/call-tags/types/:id',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Delete a tag type no call uses (409 CALL_TAG_TYPE_IN_USE otherwise: deactivate it)',
        params: idParamSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const ctx = context(request);
      found(await db.transaction().execute((trx) => deleteCallTagType(trx, request.params.id, ctx)));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/call-tags/settings',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Tagging rules (tag required at wrap-up, grace minutes) and fault alarm thresholds',
        response: { 200: callTagSettingsSchema },
      },
    },
    async () => getCallTagSettings(db),
  );

  app.put(
    '/api/call-tags/settings',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Change the tagging rules and the fault alarm thresholds (level 3 < level 2 < level 1)',
        body: callTagSettingsSchema,
        response: { 200: callTagSettingsSchema },
      },
    },
    async (request) => {
      const ctx = context(request);
      await db.transaction().execute(async (trx) => {
        await setCallTagSettings(trx, request.body);
        await recordAuditEvent(trx, {
          at: ctx.now,
          actor: ctx.actor,
          action: 'settings.change',
          objectType: 'call_tag_settings',
          objectId: null,
          ip: ctx.ip,
          detail: { settings: request.body },
        });
      });
      // New thresholds take effect at once.
      await evaluateFaultAlarms(db, ctx.now);
      return getCallTagSettings(db);
    },
  );

  app.get(
    '/api/call-tags/calls',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: 'Tags of the given calls (callIds=a,b,…; at most 200); agents see only their own calls',
        querystring: callTagBatchQuerySchema,
        response: { 200: callTagBatchSchema },
      },
    },
    async (request) => ({
      items: await callTagsOf(db, await visibleCallIds(db, request.query.callIds, actorOf(request))),
    }),
  );

  app.get(
    '/api/call-tags/calls/:callId',
    {
      config: { access: TAGGERS },
      schema: {
        tags,
        summary: "A call's tag, the caller's area if known, and whether I may (still) tag it",
        params: callIdParamSchema,
        response: { 200: callTagOfCallSchema },
      },
    },
    async (request) => callTagOfCall(db, request.params.callId, actorOf(request), clock.now()),
  );

  app.put(
    '/api/call-tags/calls/:callId',
    {
      config: { access: TAGGERS },
      schema: {
        tags,
        summary:
          'Tag a call: purpose, sub-type, area, note (the handling agent until wrap-up + grace; leads always)',
        params: callIdParamSchema,
        body: callTagInputSchema,
        response: { 200: callTagOfCallSchema },
      },
    },
    async (request) => {
      const ctx = context(request);
      const { callId } = request.params;
      await db.transaction().execute((trx) => tagCall(trx, callId, request.body, ctx));
      // SUP-12: a tagged fault call shows on every desktop at once.
      await evaluateFaultAlarms(db, ctx.now);
      return callTagOfCall(db, callId, ctx.actor, ctx.now);
    },
  );
}
