import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ivrFlowDefinitionSchema } from '@switchboard/shared';
import { afterEach, expect, it } from 'vitest';
import { deriveCdr } from '../modules/call-records/cdr.ts';
import { flowAnalytics } from '../modules/ivr-flows/ivr-analytics.repository.ts';
import { insertFlow } from '../modules/ivr-flows/ivr-flow.repository.ts';
import { SimClock } from '../switch/sim/sim-clock.ts';
import { DEMO_PROFILE } from '../switch/traffic/traffic-profile.ts';
import { describeOnEachDialect } from '../testing/test-app.ts';
import { type CtiRuntime, createCtiRuntime } from './cti-runtime.ts';
import type { CtiEvent } from './engine/cti-types.ts';

// IVR-1 / ACD-7 on the simulated switch with its controllable clock: the runtime's engine hands
// calls on 1000 (the seeded demo flow) to the IVR; '0' reaches a human through the 综合 queue.
const requireAllBusy = () => {
  if (!DEMO_PROFILE.allBusy) throw new Error('the demo profile has no all-busy behaviour');
  return DEMO_PROFILE.allBusy;
};

describeOnEachDialect('inbound calls enter the IVR (IVR-1, ACD-7)', (server) => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => cleanup?.());

  /** Each runtime numbers its calls from call-1: forget the IVR sessions of the one before. */
  async function forgetIvrSessions() {
    const { db } = server();
    await db.deleteFrom('ivr_log').where('call_id', 'like', 'call-%').execute();
    await db.deleteFrom('ivr_sessions').where('call_id', 'like', 'call-%').execute();
  }

  async function setup() {
    await forgetIvrSessions();
    const dir = await mkdtemp(join(tmpdir(), 'switchboard-cti-ivr-'));
    const clock = new SimClock(new Date('2026-01-05T09:00:00Z'));
    const cti: CtiRuntime = await createCtiRuntime({
      db: server().db,
      clock,
      dataDir: dir,
      wrapUpMs: 30_000,
      recordByDefault: false,
      hasher: server().deps.hasher,
    });
    const events: { at: Date; event: CtiEvent }[] = [];
    cti.onEvent((event) => events.push({ at: clock.now(), event }));
    cleanup = async () => {
      await cti.stop();
      await forgetIvrSessions();
      await rm(dir, { recursive: true, force: true });
    };
    const settle = async () => {
      for (let i = 0; i < 3; i++) {
        await cti.engine.settled();
        await cti.ivr?.flush();
      }
    };
    /** Lets `ms` of simulated time pass in small steps, the IVR and the engine keeping up. */
    const pass = async (ms: number) => {
      for (let t = 0; t < ms; t += 100) {
        await clock.advance(100);
        await settle();
      }
      await settle();
    };
    const general = cti.config.skillGroups.find((g) => g.code === 'GENERAL');
    const extension = (
      await server().db.selectFrom('extensions').select('number').orderBy('number').executeTakeFirst()
    )?.number;
    if (!general || !extension) throw new Error('the demo seed has no 综合 group or no extension');
    // A real staff row: the IVR session of a transfer names the agent who sent the caller.
    const agent = { id: await server().staffId('1001'), employeeNo: '1001', name: '王芳' };
    await cti.engine.signIn(agent, {
      extension,
      skills: [{ skillGroupId: general.id, level: 3 }],
      ready: true,
    });
    const callOf = (type: CtiEvent['type']) =>
      events.filter((e) => e.event.type === type).map((e) => e.event);
    return { cti, clock, pass, settle, agent, events, callOf };
  }

  it('a call to 1000 hears the menu, presses 0, is queued and offered to the ready agent, who answers', async () => {
    const { cti, pass, agent, callOf } = await setup();
    const customer = await cti.sim.customerCalls('13912345678', '1000');
    await pass(300);
    const started = callOf('call_started')[0];
    if (started?.type !== 'call_started') throw new Error('no call_started');
    expect(cti.engine.call(started.callId)?.phase).toBe('ivr');
    expect(cti.engine.snapshot().calls).toMatchObject([{ callId: started.callId, phase: 'ivr' }]);
    expect(callOf('call_queued')).toHaveLength(0);
    expect(cti.engine.agentView(agent.id)?.state).toBe('ready');

    await pass(2_500); // the welcome, then the main menu starts
    await cti.sim.customerPressesDigits(customer.id, '0');
    await pass(1_000);
    expect(callOf('call_queued')).toMatchObject([{ callId: started.callId, reason: 'new' }]);
    expect(cti.engine.agentView(agent.id)?.state).toBe('ringing');
    await cti.engine.answer(agent.id);
    await pass(200);
    expect(cti.engine.agentView(agent.id)?.state).toBe('talking');
    expect(cti.engine.call(started.callId)?.phase).toBe('connected');
  });

  it('a caller who hangs up in the IVR ends abandoned_in_ivr, and the CDR says abandoned', async () => {
    const { cti, pass, events, callOf } = await setup();
    const customer = await cti.sim.customerCalls('13912345679', '1000');
    await pass(1_500);
    await cti.sim.remoteHangsUp(customer.id);
    await pass(200);
    expect(callOf('call_ended')).toMatchObject([{ cause: 'abandoned_in_ivr' }]);
    expect(callOf('call_queued')).toHaveLength(0);
    const derived = deriveCdr(events);
    expect(derived?.cdr).toMatchObject({ endCause: 'abandoned_in_ivr', disposition: 'abandoned' });
  });

  it('IVR-5: a caller who pressed 0 and hangs up before an agent answers is abandoned in queue', async () => {
    const { cti, pass, callOf } = await setup();
    const customer = await cti.sim.customerCalls('13912345675', '1000');
    await pass(2_800);
    await cti.sim.customerPressesDigits(customer.id, '0');
    await pass(1_000); // queued and ringing the agent
    await cti.sim.remoteHangsUp(customer.id);
    await pass(200);
    const ended = callOf('call_ended')[0];
    expect(ended).toMatchObject({ cause: 'abandoned_ringing' });
    const callId = ended?.type === 'call_ended' ? ended.callId : '';
    const session = await server()
      .db.selectFrom('ivr_sessions')
      .select('exit_class')
      .where('call_id', '=', callId)
      .executeTakeFirstOrThrow();
    expect(session.exit_class).toBe('abandoned_queue');
  });

  it('a caller the IVR lets go itself (menu timed out, goodbye) ends completed, not abandoned', async () => {
    const { cti, pass, callOf } = await setup();
    await cti.sim.customerCalls('13912345671', '1000');
    await pass(40_000); // the welcome, the menu three times (2 retries), the goodbye
    expect(callOf('call_ended')).toMatchObject([{ cause: 'completed' }]);
    expect(callOf('call_queued')).toHaveLength(0);
  });

  it('a simulated caller whose patience ends in the IVR hangs up: no 1 or 2 pressed, nothing booked (ACD-6)', async () => {
    const { cti, pass, callOf } = await setup();
    cti.traffic.setProfile({
      ...DEMO_PROFILE,
      accessCodes: [
        { code: '1000', callsPerHour: 3600, ivrScripts: [{ name: 'silent', weight: 1, steps: [] }] },
      ],
      patience: { medianMs: 8_000, sigma: 0 }, // the welcome and the menu take longer
      allBusy: { ...requireAllBusy(), callbackShare: 1, voicemailShare: 0 },
    });
    cti.traffic.onCallPlaced(() => cti.traffic.stop());
    cti.traffic.start();
    await pass(20_000);
    expect(cti.traffic.stats()).toMatchObject({ placed: 1, abandoned: 1, callbackRequests: 0 });
    expect(callOf('call_ended')).toMatchObject([{ cause: 'abandoned_in_ivr' }]);
    expect(callOf('callback_requested')).toHaveLength(0);
  });

  it('CTI-10 转IVR: the agent sends the caller to the survey, wraps up; the caller rates 1 and is released', async () => {
    const { cti, pass, agent, events, callOf } = await setup();
    const { db } = server();
    const survey = await db
      .selectFrom('ivr_flows')
      .select('id')
      .where('name', '=', '满意度调查')
      .executeTakeFirstOrThrow();
    const customer = await cti.sim.customerCalls('13912345673', '1000');
    await pass(2_800); // the welcome, then 0 for a human
    await cti.sim.customerPressesDigits(customer.id, '0');
    await pass(1_000);
    await cti.engine.answer(agent.id);
    await pass(200);
    const started = callOf('call_started')[0];
    const callId = started?.type === 'call_started' ? started.callId : '';

    await cti.engine.transfer(agent.id, { kind: 'ivr', flowId: survey.id });
    await pass(200);
    expect(cti.engine.agentView(agent.id)?.state).toBe('after_call_work');
    expect(cti.engine.call(callId)?.phase).toBe('ivr');
    await pass(2_500); // the survey's introduction
    await cti.sim.customerPressesDigits(customer.id, '1');
    await pass(6_000); // thanks, goodbye, released by the IVR
    expect(callOf('call_ended')).toMatchObject([{ callId, cause: 'completed' }]);
    expect(deriveCdr(events)?.cdr).toMatchObject({ disposition: 'answered' });

    const sessions = await db
      .selectFrom('ivr_sessions')
      .select(['session_no', 'exit_class', 'transferred_by', 'path'])
      .where('call_id', '=', callId)
      .orderBy('session_no')
      .execute();
    expect(sessions.map((x) => [x.session_no, x.exit_class, x.transferred_by])).toEqual([
      [1, 'transferred_agent', null],
      [2, 'self_served', agent.id],
    ]);
    expect(sessions[1]?.path).toEqual(['survey_intro', 'survey_rate', 'rated_satisfied', 'survey_goodbye']);
    // One log for the call, in order across both sessions.
    const log = await db
      .selectFrom('ivr_log')
      .select(['session_no', 'seq'])
      .where('call_id', '=', callId)
      .orderBy('seq')
      .execute();
    expect(log.map((r) => r.seq)).toEqual(log.map((_r, i) => i));
    expect(log.at(-1)?.session_no).toBe(2);
    expect(log.findIndex((r) => r.session_no === 2)).toBeGreaterThan(0);

    // The survey's analytics count the session under the agent who sent the caller, by rating.
    const analytics = await flowAnalytics(
      db,
      survey.id,
      new Date('2026-01-05T00:00:00Z'),
      new Date('2026-01-06T00:00:00Z'),
    );
    expect(analytics.byAgent).toEqual([
      { staffId: agent.id, employeeNo: '1001', name: '王芳', sessions: 1, outcomes: { rated_satisfied: 1 } },
    ]);
    expect(analytics.nodes.find((n) => n.nodeId === 'rated_satisfied')?.visits).toBe(1);
  });

  it('CTI-10 转IVR to a flow that is not published is refused; the agent keeps the caller', async () => {
    const { cti, pass, agent } = await setup();
    const customer = await cti.sim.customerCalls('13912345674', '1000');
    await pass(2_800);
    await cti.sim.customerPressesDigits(customer.id, '0');
    await pass(1_000);
    await cti.engine.answer(agent.id);
    await pass(200);
    await expect(cti.engine.transfer(agent.id, { kind: 'ivr', flowId: 999_999 })).rejects.toMatchObject({
      code: 'IVR_NOT_AVAILABLE',
    });
    expect(cti.engine.agentView(agent.id)?.state).toBe('talking');
    expect(cti.sim.getChannel(customer.id)?.state).toBe('up');
  });

  it('a flow ending on its voicemail node records the caller’s message (VM-1)', async () => {
    const { db } = server();
    const definition = ivrFlowDefinitionSchema.parse({
      start: 'welcome',
      nodes: [
        { id: 'welcome', type: 'play', prompt: 'welcome', next: 'message' },
        { id: 'message', type: 'voicemail' },
      ],
    });
    const flow = await insertFlow(db, {
      name: '留言测试',
      accessCode: '1999',
      definition,
      createdBy: null,
      now: new Date('2026-01-05T08:00:00Z'),
    });
    await db
      .updateTable('ivr_flows')
      .set({ published_version_id: flow.versionId })
      .where('id', '=', flow.flowId)
      .execute();
    try {
      const { cti, pass, callOf } = await setup();
      const customer = await cti.sim.customerCalls('13912345672', '1999');
      await pass(2_500); // the welcome
      expect(callOf('voicemail_started')).toMatchObject([{ reason: 'ivr' }]);
      await pass(2_000 + 4_000); // the voicemail prompt, then four seconds of message
      await cti.sim.customerPressesDigits(customer.id, '#');
      await pass(3_000);
      const [left] = callOf('voicemail_left');
      expect(left).toMatchObject({ reason: 'ivr', callerNumber: '13912345672' });
      // Spoken from the end of the prompt (within the 100 ms steps and the IVR's hand-over) until #.
      const ms = left?.type === 'voicemail_left' ? left.durationMs : 0;
      expect(ms).toBeGreaterThanOrEqual(4_000);
      expect(ms).toBeLessThanOrEqual(5_000);
      expect(callOf('call_ended')).toMatchObject([{ cause: 'voicemail' }]);
    } finally {
      await forgetIvrSessions();
      await db.deleteFrom('ivr_flows').where('id', '=', flow.flowId).execute();
    }
  });

  it('a call to an access code without a published flow is queued at once, as before', async () => {
    const { cti, pass, agent, callOf } = await setup();
    await cti.sim.customerCalls('13912345670', '112');
    await pass(0);
    expect(callOf('call_queued')).toHaveLength(1);
    expect(cti.ivr?.activeCalls).toBe(0);
    expect(cti.engine.agentView(agent.id)?.state).not.toBe('signed_out');
  });
});
