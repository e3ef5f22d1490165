import { accessCodeText, phoneText, type Role } from '@switchboard/shared';
import { z } from 'zod';
import { type Actor, actorOf } from '../http/access.ts';
import type { App, AppDeps } from '../http/app-types.ts';
import { type AuditAction, recordAuditEvent } from '../modules/audit/audit.repository.ts';
import { trafficProfileSchema } from '../switch/traffic/traffic-profile.ts';
import { agentIdParamSchema, forceStateSchema, monitorSchema, recordAgentSchema } from './cti.schema.ts';
import type { CtiRuntime } from './cti-runtime.ts';
import type { SupervisorRef } from './engine/supervisor-control.ts';

// The team lead's functions (SUP-1 … SUP-8) and the live wall's data (SUP-7). Every supervisor
// action is audited.
const LEADS: Role[] = ['team_lead', 'duty_lead'];
const WALL_READERS: Role[] = ['team_lead', 'duty_lead', 'qa', 'admin'];

export function registerCtiSupervisorRoutes(app: App, deps: AppDeps, cti: CtiRuntime): void {
  const { engine } = cti;
  const tags = ['cti-supervisor'];
  const ok = z.object({ ok: z.literal(true) });

  const supervisorOf = async (actor: Actor): Promise<SupervisorRef> => {
    const row = await deps.db
      .selectFrom('staff')
      .leftJoin('extensions', 'extensions.id', 'staff.extension_id')
      .select('extensions.number')
      .where('staff.id', '=', actor.id)
      .executeTakeFirst();
    return { id: actor.id, employeeNo: actor.employeeNo, name: actor.name, extension: row?.number ?? null };
  };
  const audit = (
    actor: Actor,
    ip: string,
    action: AuditAction,
    agentId: number,
    detail: Record<string, unknown>,
  ) =>
    recordAuditEvent(deps.db, {
      at: deps.clock.now(),
      actor,
      action,
      objectType: 'agent',
      objectId: agentId,
      ip,
      detail: { ...detail, callId: engine.agentView(agentId)?.callId ?? null },
    });

  app.post(
    '/api/cti/supervise/:agentId/monitor',
    {
      config: { access: LEADS },
      schema: {
        tags,
        summary:
          'Listen (监听), whisper or barge in (强插); switches mode live when already on the call (SUP-1, SUP-2)',
        params: agentIdParamSchema,
        body: monitorSchema,
        response: { 200: ok },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await engine.monitor(await supervisorOf(actor), request.params.agentId, request.body.mode);
      await audit(actor, request.ip, 'supervisor.monitor', request.params.agentId, {
        mode: request.body.mode,
      });
      return { ok: true as const };
    },
  );

  const simple = (
    path: string,
    summary: string,
    action: AuditAction,
    run: (sup: SupervisorRef, agentId: number) => Promise<unknown>,
  ) =>
    app.post(
      `/api/cti/supervise/:agentId/${path}`,
      {
        config: { access: LEADS },
        schema: { tags, summary, params: agentIdParamSchema, response: { 200: ok } },
      },
      async (request) => {
        const actor = actorOf(request);
        await run(await supervisorOf(actor), request.params.agentId);
        await audit(actor, request.ip, action, request.params.agentId, { op: path });
        return { ok: true as const };
      },
    );
  simple('stop-monitor', 'Leave the call being monitored', 'supervisor.monitor', (s, a) =>
    engine.stopMonitoring(s, a),
  );
  simple('intercept', 'Take the call over (拦截); the agent leaves (SUP-3)', 'supervisor.intercept', (s, a) =>
    engine.intercept(s, a),
  );
  simple('force-release', "End the agent's call (强拆) (SUP-4)", 'supervisor.force_release', (s, a) =>
    engine.forceRelease(s, a),
  );

  app.post(
    '/api/cti/supervise/:agentId/force-state',
    {
      config: { access: LEADS },
      schema: {
        tags,
        summary: 'Force ready / not ready / pause / sign-out (强制示闲/示忙/暂停/签出) (SUP-5)',
        params: agentIdParamSchema,
        body: forceStateSchema,
        response: { 200: ok },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await engine.forceState(await supervisorOf(actor), request.params.agentId, request.body.state);
      await audit(actor, request.ip, 'supervisor.force_state', request.params.agentId, {
        state: request.body.state,
      });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/cti/supervise/:agentId/record',
    {
      config: { access: LEADS },
      schema: {
        tags,
        summary: "Record this agent's calls (选择座席录音) (SUP-8)",
        params: agentIdParamSchema,
        body: recordAgentSchema,
        response: { 200: ok },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await engine.recordAgent(request.params.agentId, request.body.on);
      await audit(actor, request.ip, 'supervisor.record', request.params.agentId, { on: request.body.on });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/cti/snapshot',
    {
      config: { access: WALL_READERS },
      schema: {
        tags,
        summary: 'Live picture (实时监控): agents, counts by state, queues, calls in progress (SUP-7)',
      },
    },
    async () => engine.snapshot(),
  );

  app.get(
    '/api/cti/traffic',
    {
      config: { access: ['admin'] },
      schema: { tags, summary: 'Simulated traffic: running, profile, counters' },
    },
    async () => ({
      running: cti.traffic.isRunning(),
      profile: cti.traffic.profile(),
      stats: cti.traffic.stats(),
    }),
  );

  app.post(
    '/api/cti/traffic/call',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        summary: 'Place one simulated customer call (test and demo)',
        body: z.strictObject({ callerNumber: phoneText, accessCode: accessCodeText }),
        response: { 200: z.object({ channelId: z.string() }) },
      },
    },
    async (request) => {
      const channel = await cti.sim.customerCalls(request.body.callerNumber, request.body.accessCode);
      return { channelId: channel.id };
    },
  );

  app.put(
    '/api/cti/traffic',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        summary: 'Switch simulated traffic on/off and set its rates',
        body: z.strictObject({ running: z.boolean(), profile: trafficProfileSchema.optional() }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (request.body.profile) cti.traffic.setProfile(request.body.profile);
      if (request.body.running) cti.traffic.start();
      else cti.traffic.stop();
      await recordAuditEvent(deps.db, {
        at: deps.clock.now(),
        actor,
        action: 'traffic.change',
        objectType: 'traffic',
        objectId: null,
        ip: request.ip,
        detail: { running: request.body.running, profileChanged: request.body.profile !== undefined },
      });
      return { running: cti.traffic.isRunning(), profile: cti.traffic.profile(), stats: cti.traffic.stats() };
    },
  );
}
