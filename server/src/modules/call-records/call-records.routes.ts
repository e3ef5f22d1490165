import { pageOf, type Role } from '@switchboard/shared';
import { type Actor, actorOf, hasAnyRole } from '../../http/access.ts';
import { AppError } from '../../http/app-error.ts';
import type { App, AppDeps } from '../../http/app-types.ts';
import { recordAuditEvent } from '../audit/audit.repository.ts';
import { CALL_RECORDS_ERRORS } from './call-records.errors.ts';
import { type CdrScope, findCdr, findCdrs, findStateHistory } from './call-records.repository.ts';
import {
  agentIdParamSchema,
  callIdParamSchema,
  cdrDetailSchema,
  cdrListQuerySchema,
  cdrSchema,
  stateHistoryQuerySchema,
  stateHistoryRowSchema,
} from './call-records.schema.ts';

// Leads, duty leads, QA and administrators read every call record; an agent reads the calls they
// took part in and their own state history. Department roles never see call records.
const READ_ALL: Role[] = ['team_lead', 'duty_lead', 'qa', 'admin'];
const READERS: Role[] = [...READ_ALL, 'agent'];

function scopeOf(actor: Actor): CdrScope {
  return hasAnyRole(actor, READ_ALL) ? 'all' : { agentId: actor.id };
}

export type CallRecordsDeps = Pick<AppDeps, 'db' | 'clock'>;

export function registerCallRecordsRoutes(app: App, deps: CallRecordsDeps): void {
  app.get(
    '/api/cdrs',
    {
      config: { access: READERS },
      schema: {
        tags: ['call-records'],
        summary: 'Call detail records (CTI-20), newest first',
        querystring: cdrListQuerySchema,
        response: { 200: pageOf(cdrSchema) },
      },
    },
    async (request) => findCdrs(deps.db, request.query, scopeOf(actorOf(request))),
  );

  app.get(
    '/api/cdrs/:callId',
    {
      config: { access: READERS },
      schema: {
        tags: ['call-records'],
        summary: "One call's record: CDR, legs and every event in order (routing explanations included)",
        params: callIdParamSchema,
        response: { 200: cdrDetailSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { callId } = request.params;
      // Caller numbers are customer data: who opened which call is audited with the read.
      return deps.db.transaction().execute(async (trx) => {
        const found = await findCdr(trx, callId, scopeOf(actor));
        if (!found) throw new AppError(CALL_RECORDS_ERRORS.CDR_NOT_FOUND);
        await recordAuditEvent(trx, {
          at: deps.clock.now(),
          actor,
          action: 'cdr.read',
          objectType: 'cdr',
          objectId: callId,
          ip: request.ip,
        });
        return found;
      });
    },
  );

  app.get(
    '/api/agents/:id/state-history',
    {
      config: { access: READERS },
      schema: {
        tags: ['call-records'],
        summary: "An agent's state periods (CTI-14): ready, not ready with reason, talking, wrap-up…",
        params: agentIdParamSchema,
        querystring: stateHistoryQuerySchema,
        response: { 200: pageOf(stateHistoryRowSchema) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { id } = request.params;
      const scope = scopeOf(actor);
      if (scope !== 'all' && scope.agentId !== id)
        throw new AppError(CALL_RECORDS_ERRORS.STATE_HISTORY_NOT_FOUND);
      return findStateHistory(deps.db, id, request.query);
    },
  );
}
