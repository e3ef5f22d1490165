import type { Role } from '@switchboard/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type Actor, actorOf } from '../http/access.ts';
import { AppError } from '../http/app-error.ts';
import type { App, AppDeps } from '../http/app-types.ts';
import {
  agentStatusSchema,
  autoAnswerSchema,
  callCommandSchema,
  consultSchema,
  dialSchema,
  forwardingSchema,
  muteSchema,
  notReadySchema,
  recordingSchema,
  signInSchema,
  skillsSchema,
  transferSchema,
} from './cti.schema.ts';
import type { CtiRuntime } from './cti-runtime.ts';
import { CTI_ERRORS } from './engine/cti.errors.ts';

// The agent's softphone (CTI-1 … CTI-17): every command acts on the signed-in person's own agent.
const TAKES_CALLS: Role[] = ['agent', 'team_lead', 'duty_lead'];

type Runtime = Pick<CtiRuntime, 'engine'>;

export function registerCtiAgentRoutes(app: App, deps: AppDeps, cti: Runtime): void {
  const { engine } = cti;
  const config = { access: TAKES_CALLS };
  const tags = ['cti'];
  const status = (actor: Actor) => {
    const view = engine.agentView(actor.id);
    if (!view) throw new AppError(CTI_ERRORS.AGENT_NOT_SIGNED_IN);
    return { ...view, skills: view.skills.map((k) => ({ ...k })) };
  };
  /** 403 when the command names a call that is not the agent's own. */
  const ownCall = (request: FastifyRequest, body: { callId?: string | undefined }) => {
    const actor = actorOf(request);
    const current = engine.agentView(actor.id)?.callId ?? null;
    if (body.callId !== undefined && body.callId !== current) throw new AppError(CTI_ERRORS.CALL_NOT_YOURS);
    return actor;
  };
  const command = <S extends z.ZodType>(
    path: string,
    summary: string,
    body: S,
    run: (actor: Actor, input: z.output<S>) => Promise<unknown>,
  ) => {
    // Generic over the body schema, so typed loosely; the schema still validates every request.
    (app as unknown as FastifyInstance).post(
      `/api/cti/agent/${path}`,
      { config, schema: { tags, summary, body, response: { 200: agentStatusSchema } } },
      async (request: FastifyRequest) => {
        const input = request.body as z.output<S> & { callId?: string };
        const actor = ownCall(request, input);
        await run(actor, input);
        return status(actor);
      },
    );
  };

  app.post(
    '/api/cti/agent/sign-in',
    {
      config,
      schema: {
        tags,
        summary: 'Sign in (签入) at an extension with skills; defaults come from the directory (CTI-1)',
        body: signInSchema,
        response: { 200: agentStatusSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const defaults = await staffDefaults(deps, actor.id);
      const extension = request.body.extension ?? defaults.extension;
      if (!extension) throw new AppError(CTI_ERRORS.NO_EXTENSION);
      await engine.signIn(
        { id: actor.id, employeeNo: actor.employeeNo, name: actor.name },
        { extension, skills: request.body.skills ?? defaults.skills, ready: request.body.ready ?? false },
      );
      return status(actor);
    },
  );

  app.get(
    '/api/cti/agent/me',
    { config, schema: { tags, summary: 'My agent state', response: { 200: agentStatusSchema } } },
    async (request) => status(actorOf(request)),
  );

  app.get(
    '/api/cti/agent/colleagues',
    {
      config,
      schema: {
        tags,
        summary: 'Signed-in colleagues with their live state, for the transfer / consult picker',
        response: {
          200: z.array(
            z.object({
              agentId: z.number(),
              employeeNo: z.string(),
              name: z.string(),
              state: z.string(),
              skills: z.array(z.object({ skillGroupId: z.number(), level: z.number() })),
            }),
          ),
        },
      },
    },
    async (request) => {
      const me = actorOf(request).id;
      // Names and states only: callers' numbers stay on the wall.
      return engine
        .snapshot()
        .agents.filter((a) => a.agentId !== me && a.state !== 'signed_out')
        .map((a) => ({
          agentId: a.agentId,
          employeeNo: a.employeeNo,
          name: a.name,
          state: a.state,
          skills: [...a.skills],
        }));
    },
  );

  command('sign-out', 'Sign out (签出)', callCommandSchema, (a) => engine.signOut(a.id));
  command('ready', 'Ready (示闲) (CTI-2)', callCommandSchema, (a) => engine.setReady(a.id));
  command('not-ready', 'Not ready (示忙) with a reason (CTI-2)', notReadySchema, (a, b) =>
    engine.setNotReady(a.id, b.reason),
  );
  command('answer', 'Answer (应答) (CTI-3)', callCommandSchema, (a) => engine.answer(a.id));
  command('hangup', 'Hang up (挂机) (CTI-5)', callCommandSchema, (a) => engine.hangup(a.id));
  command('hold', 'Hold (保持) (CTI-6)', callCommandSchema, (a) => engine.hold(a.id));
  command('retrieve', 'Retrieve (取保持) (CTI-6)', callCommandSchema, (a) => engine.retrieve(a.id));
  command('mute', 'Mute / unmute (静音) (CTI-7)', muteSchema, (a, b) => engine.mute(a.id, b.muted));
  command('transfer', 'Blind transfer (转接) (CTI-10)', transferSchema, (a, b) =>
    engine.transfer(a.id, b.target),
  );
  command('consult', 'Consult (咨询) or ask for help (内部求助) (CTI-11, CTI-13)', consultSchema, (a, b) =>
    engine.consult(a.id, b.target, { purpose: b.purpose, threeParty: b.threeParty }),
  );
  command('consult/cancel', 'End the consult; the customer stays on hold', callCommandSchema, (a) =>
    engine.cancelConsult(a.id),
  );
  command(
    'consult/complete',
    'Connect the held customer to the consulted party (连接保持) (CTI-11)',
    callCommandSchema,
    (a) => engine.completeTransfer(a.id),
  );
  command('conference', 'Three-way call (三方通话) (CTI-12)', callCommandSchema, (a) =>
    engine.conference(a.id),
  );
  command('pickup', 'Pick up a call ringing in my group (代答) (CTI-4)', callCommandSchema, (a) =>
    engine.pickup(a.id),
  );
  command('dial', 'Call out (呼出) or call a colleague (内部呼叫) (CTI-8, CTI-9)', dialSchema, (a, b) =>
    engine.dial(a.id, b.target),
  );
  command('wrap-up/finish', 'Leave after-call work (退出整理) (CTI-14)', callCommandSchema, (a) =>
    engine.finishWrapUp(a.id),
  );
  command('skills', 'Change skills while signed in (改变技能) (CTI-15)', skillsSchema, (a, b) =>
    engine.changeSkills(a.id, b.skills),
  );
  command('auto-answer', 'Auto-answer on/off (自动应答) (CTI-3)', autoAnswerSchema, (a, b) =>
    engine.setAutoAnswer(a.id, b.on),
  );
  command(
    'forwarding',
    'Forward my calls to a number, or stop (呼叫转移) (CTI-16)',
    forwardingSchema,
    (a, b) => engine.setForwarding(a.id, b.forwardTo),
  );
  command('recording', 'Record on demand, pause or resume (CTI-17)', recordingSchema, (a, b) =>
    engine.recording(a.id, b.action),
  );
}

async function staffDefaults(deps: AppDeps, staffId: number) {
  const [ext, skills] = await Promise.all([
    deps.db
      .selectFrom('staff')
      .leftJoin('extensions', 'extensions.id', 'staff.extension_id')
      .select('extensions.number')
      .where('staff.id', '=', staffId)
      .executeTakeFirst(),
    deps.db
      .selectFrom('staff_skills')
      .select(['skill_group_id', 'level'])
      .where('staff_id', '=', staffId)
      .execute(),
  ]);
  return {
    extension: ext?.number ?? null,
    skills: skills.map((s) => ({ skillGroupId: s.skill_group_id, level: s.level })),
  };
}
