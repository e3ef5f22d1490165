import { createReadStream } from 'node:fs';
import {
  callbackIdParamSchema,
  callbackListQuerySchema,
  callbackListSchema,
  idParamSchema,
  voicemailAssigneesSchema,
  voicemailAssignSchema,
  voicemailDetailSchema,
  voicemailHandleSchema,
  voicemailListQuerySchema,
  voicemailListSchema,
} from '@switchboard/shared';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../http/access.ts';
import { AppError } from '../../http/app-error.ts';
import type { App, AppDeps } from '../../http/app-types.ts';
import { COMMON_ERRORS } from '../../http/common.errors.ts';
import { recordAuditEvent } from '../audit/audit.repository.ts';
import { listCallbackRequests } from './callback.repository.ts';
import { cancelCallbackRequest } from './callback.service.ts';
import { VOICEMAIL_ERRORS } from './voicemail.errors.ts';
import { notifyCallbacksChanged, notifyVoicemailsChanged } from './voicemail.notices.ts';
import { getVoicemailDetail, listAssignees, listVoicemails } from './voicemail.repository.ts';
import {
  assignVoicemail,
  callBackTarget,
  handleVoicemail,
  recordCallBack,
  VOICEMAIL_LEADS,
  type VoicemailContext,
} from './voicemail.service.ts';
import { findVoicemailAudio } from './voicemail-audio.ts';

// The voicemail box and callback list (VM-1, ACD-6). Agents, leads and admin read; QA has no part
// in following up messages. Object rules (who may act on which message) live in the service.
const tags = ['voicemail'];
const READERS = ['agent', 'team_lead', 'duty_lead', 'admin'] as const;

export function registerVoicemailRoutes(app: App, deps: AppDeps): void {
  const { db, clock } = deps;
  const ctx = (request: FastifyRequest): VoicemailContext => ({
    actor: actorOf(request),
    now: clock.now(),
    ip: request.ip,
  });
  const detail = async (id: number) => {
    const found = await getVoicemailDetail(db, id);
    if (!found) throw new AppError(COMMON_ERRORS.NOT_FOUND);
    return found;
  };
  const changed = async (id: number) => {
    const vm = await detail(id);
    notifyVoicemailsChanged(id, vm.state);
    return vm;
  };

  app.get(
    '/api/voicemails',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: 'The voicemail box by state, reason, time or "mine", newest first, with counts per state',
        querystring: voicemailListQuerySchema,
        response: { 200: voicemailListSchema },
      },
    },
    async (request) => listVoicemails(db, request.query, actorOf(request).id),
  );

  app.get(
    '/api/voicemails/assignees',
    {
      config: { access: VOICEMAIL_LEADS },
      schema: {
        tags,
        summary: 'Who a voicemail can be assigned to',
        response: { 200: voicemailAssigneesSchema },
      },
    },
    async () => listAssignees(db),
  );

  app.get(
    '/api/voicemails/:id',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: 'One voicemail with its history and the calls made back (with their CDR result)',
        params: idParamSchema,
        response: { 200: voicemailDetailSchema },
      },
    },
    async (request) => detail(request.params.id),
  );

  app.get(
    '/api/voicemails/:id/audio',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: 'Play the message (WAV); audited',
        params: idParamSchema,
        produces: ['audio/wav'],
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const audio = await findVoicemailAudio(db, id, deps.config.dataDir);
      await recordAuditEvent(db, {
        at: clock.now(),
        actor: actorOf(request),
        action: 'voicemail.play',
        objectType: 'voicemail',
        objectId: id,
        ip: request.ip,
        detail: { callId: audio.callId },
      });
      reply.header('content-type', 'audio/wav');
      reply.header('content-length', String(audio.size));
      reply.header('content-disposition', `inline; filename="voicemail-${id}.wav"`);
      return reply.send(createReadStream(audio.file));
    },
  );

  app.post(
    '/api/voicemails/:id/assign',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: 'A lead assigns the message to an agent; an agent takes an unassigned one (no body)',
        params: idParamSchema,
        body: voicemailAssignSchema,
        response: { 200: voicemailDetailSchema },
      },
    },
    async (request) => {
      await assignVoicemail(db, request.params.id, request.body, ctx(request));
      return changed(request.params.id);
    },
  );

  app.post(
    '/api/voicemails/:id/handle',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: 'Mark handled with what was done (assignee or lead)',
        params: idParamSchema,
        body: voicemailHandleSchema,
        response: { 200: voicemailDetailSchema },
      },
    },
    async (request) => {
      await handleVoicemail(db, request.params.id, request.body.result, ctx(request));
      return changed(request.params.id);
    },
  );

  app.post(
    '/api/voicemails/:id/call-back',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: "Call the caller back from the actor's softphone (assignee or lead; signed in)",
        params: idParamSchema,
        response: { 200: voicemailDetailSchema.extend({ callId: z.string() }) },
      },
    },
    async (request) => {
      const c = ctx(request);
      const number = await callBackTarget(db, request.params.id, c.actor);
      if (!deps.cti) throw new AppError(VOICEMAIL_ERRORS.CTI_UNAVAILABLE);
      const callId = await deps.cti.engine.dial(c.actor.id, { number });
      await recordCallBack(db, request.params.id, callId, c);
      return { ...(await changed(request.params.id)), callId };
    },
  );

  app.get(
    '/api/callbacks',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: 'Automatic callback requests (自动回呼) with their attempts, newest first',
        querystring: callbackListQuerySchema,
        response: { 200: callbackListSchema },
      },
    },
    async (request) => listCallbackRequests(db, request.query),
  );

  app.post(
    '/api/callbacks/:callbackId/cancel',
    {
      config: { access: VOICEMAIL_LEADS },
      schema: {
        tags,
        summary: 'Withdraw a waiting callback (lead); audited',
        params: callbackIdParamSchema,
        response: { 200: z.object({ callbackId: z.string(), state: z.literal('cancelled') }) },
      },
    },
    async (request) => {
      const { callbackId } = request.params;
      await cancelCallbackRequest(db, deps.cti, callbackId, ctx(request));
      notifyCallbacksChanged(callbackId, 'cancelled');
      return { callbackId, state: 'cancelled' as const };
    },
  );
}
