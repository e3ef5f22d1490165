import {
  idParamSchema,
  ivrAnalyticsQuerySchema,
  ivrAnalyticsSchema,
  ivrFlowDefinitionSchema,
  ivrFlowInputSchema,
  ivrFlowSchema,
  ivrFlowVersionSchema,
  ivrJourneySchema,
  ivrValidationResultSchema,
} from '@switchboard/shared';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../http/access.ts';
import { AppError } from '../../http/app-error.ts';
import type { App, AppDeps } from '../../http/app-types.ts';
import { COMMON_ERRORS } from '../../http/common.errors.ts';
import type { ChangeContext } from '../../http/crud-routes.ts';
import { validateFlow } from '../../ivr/flow-validator.ts';
import { flowAnalytics } from './ivr-analytics.repository.ts';
import { findFlow, findVersion, listFlows, listVersions } from './ivr-flow.repository.ts';
import { createFlow, publishVersion, saveDraft, updateFlow } from './ivr-flow.service.ts';
import { journeyOf } from './ivr-session.repository.ts';

// IVR-1 flows (admin), IVR-6 analytics (team leads, QA, admin), IVR-3 journey of a call (staff
// who handle calls: the screen pop shows the path the caller took).
const tags = ['ivr'];
const ADMIN = ['admin'] as const;
const ANALYSTS = ['team_lead', 'duty_lead', 'qa', 'admin'] as const;
const CALL_HANDLERS = ['agent', 'team_lead', 'duty_lead', 'qa', 'admin'] as const;
const versionParams = z.object({
  id: z.coerce.number().int().positive(),
  version: z.coerce.number().int().positive(),
});

export function registerIvrRoutes(app: App, { db, clock }: AppDeps): void {
  const context = (request: FastifyRequest): ChangeContext => ({
    actor: actorOf(request),
    now: clock.now(),
    ip: request.ip,
  });
  const mustExist = <T>(value: T | undefined): T => {
    if (value === undefined) throw new AppError(COMMON_ERRORS.NOT_FOUND);
    return value;
  };

  app.get(
    '/api/ivr/flows',
    {
      // Analysts too: the IVR analytics page picks its flow from this list.
      config: { access: ANALYSTS },
      schema: {
        tags,
        summary: 'IVR flows with their published and latest versions (editing stays with admins)',
        response: { 200: z.object({ items: z.array(ivrFlowSchema) }) },
      },
    },
    async () => ({ items: await listFlows(db) }),
  );

  app.post(
    '/api/ivr/flows',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Create a flow (draft version 1)',
        body: ivrFlowInputSchema,
        response: { 201: ivrFlowSchema },
      },
    },
    async (request, reply) => {
      const id = await createFlow(db, context(request), request.body);
      return reply.code(201).send(mustExist(await findFlow(db, id)));
    },
  );

  app.put(
    '/api/ivr/flows/:id',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Rename a flow or change its access code',
        params: idParamSchema,
        body: ivrFlowInputSchema,
        response: { 200: ivrFlowSchema },
      },
    },
    async (request) => {
      await updateFlow(db, context(request), request.params.id, request.body);
      return mustExist(await findFlow(db, request.params.id));
    },
  );

  app.get(
    '/api/ivr/flows/:id/versions',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Versions of a flow, newest first',
        params: idParamSchema,
        response: { 200: z.object({ items: z.array(ivrFlowVersionSchema) }) },
      },
    },
    async (request) => {
      mustExist(await findFlow(db, request.params.id));
      return { items: await listVersions(db, request.params.id) };
    },
  );

  app.put(
    '/api/ivr/flows/:id/draft',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary:
          'Save the definition as the draft (a new version after a published one); returns the validation problems',
        params: idParamSchema,
        body: z.object({ definition: ivrFlowDefinitionSchema }),
        response: { 200: z.object({ version: ivrFlowVersionSchema, validation: ivrValidationResultSchema }) },
      },
    },
    async (request) => {
      mustExist(await findFlow(db, request.params.id));
      const { version, problems } = await saveDraft(
        db,
        context(request),
        request.params.id,
        request.body.definition,
      );
      return { version, validation: { ok: problems.length === 0, problems } };
    },
  );

  app.post(
    '/api/ivr/validate',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Validate a definition without saving it',
        body: z.object({ definition: ivrFlowDefinitionSchema }),
        response: { 200: ivrValidationResultSchema },
      },
    },
    async (request) => {
      const problems = validateFlow(request.body.definition);
      return { ok: problems.length === 0, problems };
    },
  );

  app.post(
    '/api/ivr/flows/:id/versions/:version/publish',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Publish a draft version (422 with the problems if it fails validation)',
        params: versionParams,
        response: { 200: ivrFlowVersionSchema },
      },
    },
    async (request) => {
      await publishVersion(db, context(request), request.params.id, request.params.version);
      return mustExist(await findVersion(db, request.params.id, request.params.version));
    },
  );

  app.get(
    '/api/ivr/analytics',
    {
      config: { access: ANALYSTS },
      schema: {
        tags,
        summary: 'Journey analytics of a flow over a period (IVR-6)',
        querystring: ivrAnalyticsQuerySchema,
        response: { 200: ivrAnalyticsSchema },
      },
    },
    async (request) => {
      mustExist(await findFlow(db, request.query.flowId));
      return flowAnalytics(
        db,
        request.query.flowId,
        new Date(request.query.from),
        new Date(request.query.to),
      );
    },
  );

  app.get(
    '/api/ivr/transfer-targets',
    {
      config: { access: CALL_HANDLERS },
      schema: {
        tags,
        summary: 'The published flows an agent may send a caller to (转IVR, CTI-10)',
        response: { 200: z.object({ items: z.array(z.object({ id: z.number().int(), name: z.string() })) }) },
      },
    },
    async () => ({
      items: (await listFlows(db))
        .filter((f) => f.publishedVersionId !== null)
        .map((f) => ({ id: f.id, name: f.accessCode ? `${f.name}（${f.accessCode}）` : f.name })),
    }),
  );

  app.get(
    '/api/ivr/calls/:callId/journey',
    {
      config: { access: CALL_HANDLERS },
      schema: {
        tags,
        summary: "The caller's path and IVR log of one call (screen pop, IVR-3)",
        params: z.object({ callId: z.string().min(1).max(80) }),
        response: { 200: ivrJourneySchema },
      },
    },
    async (request) => mustExist(await journeyOf(db, request.params.callId)),
  );
}
