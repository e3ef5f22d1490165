import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { registerCtiAgentRoutes } from './cti/cti-agent.routes.ts';
import { registerLiveCtiStream } from './cti/cti-stream.ts';
import { registerCtiSupervisorRoutes } from './cti/cti-supervisor.routes.ts';
import { registerAccessControl } from './http/access.ts';
import type { App, AppDeps } from './http/app-types.ts';
import { registerErrorHandling, sendError, toAppError } from './http/error-handler.ts';
import { registerAnnouncementRoutes } from './modules/announcements/announcement.routes.ts';
import { registerAuditRoutes } from './modules/audit/audit.routes.ts';
import { registerAuthRoutes, SESSION_COOKIE } from './modules/auth/auth.routes.ts';
import { resolveSession } from './modules/auth/auth.service.ts';
import { registerCallRecordsRoutes } from './modules/call-records/call-records.routes.ts';
import { registerRecordingRoutes } from './modules/call-records/recording.routes.ts';
import { registerCallTagRoutes } from './modules/call-tags/call-tag.routes.ts';
import { registerCenterRoutes } from './modules/center/center.routes.ts';
import { registerCustomerRoutes } from './modules/customers/customer.routes.ts';
import { registerDirectoryRoutes } from './modules/directory/directory.routes.ts';
import { registerFaultAlarmRoutes } from './modules/fault-alarms/fault-alarm.routes.ts';
import { registerFollowUpRoutes } from './modules/follow-ups/follow-up.routes.ts';
import { registerHealthRoutes } from './modules/health/health.routes.ts';
import { registerIvrRoutes } from './modules/ivr-flows/ivr.routes.ts';
import { registerKnowledgeRoutes } from './modules/knowledge/knowledge.routes.ts';
import { registerMessageRoutes } from './modules/messages/message.routes.ts';
import { registerOutboxRoutes } from './modules/outbox/outbox.routes.ts';
import { registerSearchRoutes } from './modules/search/search.routes.ts';
import { registerServiceHoursRoutes } from './modules/service-hours/service-hours.routes.ts';
import { registerTicketRoutes } from './modules/tickets/ticket.routes.ts';
import { registerVoicemailRoutes } from './modules/voicemail/voicemail.routes.ts';
import { registerWorkItemRoutes } from './modules/work-items/work-item.routes.ts';

const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

export type BuildAppOptions = { logger?: boolean; serveWeb?: boolean };

/** The HTTP application: transport, access control, errors, API docs and every module's routes. */
export async function buildApp(deps: AppDeps, opts: BuildAppOptions = {}): Promise<App> {
  const app = Fastify({
    logger: opts.logger === false ? false : { level: deps.config.logLevel },
    bodyLimit: deps.config.bodyLimitBytes,
    trustProxy: deps.config.trustProxy,
    // Malformed URLs and the like, rejected before routing, answer in the same error shape.
    frameworkErrors: (err, request, reply) =>
      sendError(request, reply, toAppError(err, request, deps.config.bodyLimitBytes)),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app, deps.config.bodyLimitBytes);
  await app.register(fastifyCookie);
  registerAccessControl(app, (request) => resolveSession(deps, request.cookies[SESSION_COOKIE]));

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Switchboard API',
        description:
          'Customer-service call center (客服呼叫中心). Sign in with POST /api/auth/login; the session cookie authenticates every other call.',
        version: deps.config.version,
      },
      tags: [
        { name: 'auth', description: 'Sign in, sign out, own password' },
        { name: 'directory', description: 'Staff, skill groups, departments, areas, extensions' },
        { name: 'audit', description: 'Login log and audit trail' },
        { name: 'center', description: 'Centre settings' },
        { name: 'call-records', description: 'Call detail records (CDR) and agent state history' },
        { name: 'cti', description: "The agent's softphone: sign-in, states and call functions" },
        { name: 'cti-supervisor', description: 'Team lead: monitor, barge, intercept, force; the live wall' },
        { name: 'announcements', description: 'Announcements (公告通知): back office and my own' },
        { name: 'health', description: 'Health check' },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });

  registerHealthRoutes(app, deps);
  registerCenterRoutes(app, deps);
  registerAuthRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerDirectoryRoutes(app, deps);
  registerCallRecordsRoutes(app, deps);
  registerRecordingRoutes(app, deps);
  registerAnnouncementRoutes(app, deps);
  registerCustomerRoutes(app, deps);
  registerSearchRoutes(app, deps);
  registerTicketRoutes(app, deps);
  registerCallTagRoutes(app, deps);
  registerFaultAlarmRoutes(app, deps);
  registerMessageRoutes(app, deps);
  registerOutboxRoutes(app, deps);
  registerWorkItemRoutes(app, deps);
  registerKnowledgeRoutes(app, deps);
  registerFollowUpRoutes(app, deps);
  registerIvrRoutes(app, deps);
  registerVoicemailRoutes(app, deps);
  registerServiceHoursRoutes(app, deps);
  if (deps.cti) {
    registerCtiAgentRoutes(app, deps, deps.cti);
    registerCtiSupervisorRoutes(app, deps, deps.cti);
    registerLiveCtiStream(app, deps.cti);
  }

  if (opts.serveWeb !== false && existsSync(WEB_DIST)) await serveWebApp(app);
  return app;
}

// The built desktop at `/`; unknown non-API paths get index.html so client-side routes work.
async function serveWebApp(app: App): Promise<void> {
  await app.register(fastifyStatic, {
    root: WEB_DIST,
    wildcard: false,
    // Brotli / gzip copies made at build time (web/scripts/precompress.mjs).
    preCompressed: true,
    setHeaders: (res, path) => {
      // Hashed file names never change content: cache them for good; index.html always revalidates.
      res.header(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.callNotFound();
    return reply.sendFile('index.html');
  });
}
