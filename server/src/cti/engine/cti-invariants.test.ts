import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/app-error.ts';
import { BILL, createHarness, FAULT, GENERAL, type Harness, PEOPLE, type Person } from './cti-harness.ts';
import type { SupervisorRef } from './supervisor-control.ts';

// Property: random sequences of what callers, agents and a team lead do keep the call model sound.
const AGENTS: Person[] = [PEOPLE.wang, PEOPLE.li, PEOPLE.zhang, PEOPLE.liu];
const SKILLS = [
  [{ skillGroupId: BILL, level: 3 }],
  [
    { skillGroupId: BILL, level: 2 },
    { skillGroupId: GENERAL, level: 4 },
  ],
  [{ skillGroupId: FAULT, level: 4 }],
  [{ skillGroupId: GENERAL, level: 5 }],
];
const LEAD: SupervisorRef = { ...PEOPLE.lead };

type Action =
  | { kind: 'customer_calls'; code: string }
  | { kind: 'customer_hangs_up'; index: number }
  | { kind: 'agent'; agent: number; command: AgentCommand; other: number }
  | { kind: 'lead'; agent: number; command: LeadCommand }
  | { kind: 'wait'; ms: number };

const AGENT_COMMANDS = [
  'answer',
  'hangup',
  'hold',
  'retrieve',
  'ready',
  'not_ready',
  'wrap_up',
  'sign_out',
  'sign_in',
  'mute',
  'transfer_queue',
  'transfer_agent',
  'consult',
  'complete',
  'conference',
  'cancel_consult',
  'pickup',
  'dial',
  'auto_answer',
] as const;
type AgentCommand = (typeof AGENT_COMMANDS)[number];
const LEAD_COMMANDS = [
  'listen',
  'whisper',
  'barge',
  'intercept',
  'force_release',
  'force_not_ready',
  'force_ready',
  'leave',
] as const;
type LeadCommand = (typeof LEAD_COMMANDS)[number];

const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('customer_calls' as const),
      code: fc.constantFrom('1000', '10000', '112'),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('customer_hangs_up' as const), index: fc.nat(10) }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('agent' as const),
      agent: fc.nat(AGENTS.length - 1),
      command: fc.constantFrom(...AGENT_COMMANDS),
      other: fc.nat(AGENTS.length - 1),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('lead' as const),
      agent: fc.nat(AGENTS.length - 1),
      command: fc.constantFrom(...LEAD_COMMANDS),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 40_000 }) }),
  },
);

async function perform(h: Harness, a: Action, customers: string[]): Promise<void> {
  const e = h.engine;
  switch (a.kind) {
    case 'customer_calls':
      customers.push(await h.customerCalls(a.code, `138${String(customers.length).padStart(8, '0')}`));
      return;
    case 'customer_hangs_up': {
      const live = customers.filter((c) => h.sim.getChannel(c)?.state !== 'hungup');
      const target = live[a.index % Math.max(1, live.length)];
      if (target) await h.sim.remoteHangsUp(target);
      return;
    }
    case 'wait':
      await h.pass(a.ms);
      return;
    case 'lead': {
      const id = AGENTS[a.agent]!.id;
      const run = {
        listen: () => e.monitor(LEAD, id, 'listen'),
        whisper: () => e.monitor(LEAD, id, 'whisper'),
        barge: () => e.monitor(LEAD, id, 'barge'),
        intercept: () => e.intercept(LEAD, id),
        force_release: () => e.forceRelease(LEAD, id),
        force_not_ready: () => e.forceState(LEAD, id, 'force_not_ready'),
        force_ready: () => e.forceState(LEAD, id, 'force_ready'),
        leave: () => e.stopMonitoring(LEAD, id),
      }[a.command];
      await run();
      return;
    }
    case 'agent': {
      const person = AGENTS[a.agent]!;
      const id = person.id;
      const other = AGENTS[a.other]!.id;
      const run = {
        answer: () => e.answer(id),
        hangup: () => e.hangup(id),
        hold: () => e.hold(id),
        retrieve: () => e.retrieve(id),
        ready: () => e.setReady(id),
        not_ready: () => e.setNotReady(id, 'short_break'),
        wrap_up: () => e.finishWrapUp(id),
        sign_out: () => e.signOut(id),
        sign_in: () =>
          e.signIn(person, { extension: person.extension, skills: SKILLS[a.agent]!, ready: true }),
        mute: () => e.mute(id, true),
        transfer_queue: () => e.transfer(id, { kind: 'queue', queueId: 'q-general' }),
        transfer_agent: () => e.transfer(id, { kind: 'agent', agentId: other }),
        consult: () => e.consult(id, { kind: 'agent', agentId: other }),
        complete: () => e.completeTransfer(id),
        conference: () => e.conference(id),
        cancel_consult: () => e.cancelConsult(id),
        pickup: () => e.pickup(id),
        dial: () => e.dial(id, { number: '02500000000' }),
        auto_answer: () => e.setAutoAnswer(id, true),
      }[a.command];
      await run();
      return;
    }
  }
}

describe('CTI invariants under random commands (property-based)', () => {
  it('keeps agents, calls and channels consistent whatever callers, agents and the team lead do', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 5, maxLength: 80 }), async (actions) => {
        const h = await createHarness();
        const customers: string[] = [];
        try {
          for (const [i, p] of AGENTS.entries()) {
            await h.signIn(p, SKILLS[i]!, true);
            // Half the agents answer by themselves, so many calls get connected and then stirred.
            if (i % 2 === 0) await h.engine.setAutoAnswer(p.id, true);
          }
          for (const a of actions) {
            try {
              await perform(h, a, customers);
            } catch (err) {
              // Refusals are fine (409 and friends); anything else is a bug.
              if (!(err instanceof AppError) || err.status >= 500) throw err;
            }
            await h.pass();
            checkAgentsAndCalls(h);
          }
          // Everyone hangs up and time passes: nothing may be left behind.
          for (const c of customers) await h.sim.remoteHangsUp(c);
          await h.pass(120_000);
          for (const call of h.engine.snapshot().calls) {
            const agentOnIt = call.agentIds[0];
            if (agentOnIt !== undefined) await h.engine.hangup(agentOnIt).catch(() => undefined);
          }
          await h.pass(120_000);
          expect(h.engine.snapshot().calls).toEqual([]);
          expect(h.sim.snapshot().channels.filter((c) => c.state !== 'hungup')).toEqual([]);
          checkEventLog(h);
        } finally {
          await h.close();
        }
      }),
      { numRuns: 100, seed: 20260105 },
    );
  });
});

function checkAgentsAndCalls(h: Harness): void {
  const snapshot = h.engine.snapshot();
  for (const a of snapshot.agents) {
    const onCall = a.state === 'ringing' || a.state === 'talking' || a.state === 'hold';
    if (onCall)
      expect(
        snapshot.calls.some((c) => c.callId === a.callId),
        `${a.employeeNo} ${a.state} on a live call`,
      ).toBe(true);
    if (a.state === 'ready' || a.state === 'signed_out' || a.state === 'not_ready')
      expect(a.callId).toBeNull();
  }
  for (const { callId } of snapshot.calls) {
    const call = h.engine.call(callId)!;
    // Every leg the call model holds is a live channel on the switch…
    for (const leg of call.legs) {
      expect(h.sim.getChannel(leg.channelId)?.state, `${callId} ${leg.role} leg`).not.toBe('hungup');
    }
    // …and a connected call has at least two parties (a lone party's call has ended, CTI-12).
    const parties = call.legs.filter((l) => l.role !== 'supervisor' && l.answered);
    if (call.phase === 'connected') expect(parties.length, `${callId} parties`).toBeGreaterThanOrEqual(2);
  }
}

function checkEventLog(h: Harness): void {
  const lastState = new Map<number, string>();
  const lastSince = new Map<number, number>();
  const started = new Set<string>();
  const ended = new Map<string, number>();
  for (const e of h.events) {
    if (e.type === 'agent_state') {
      const since = Date.parse(e.since);
      expect(since).toBeGreaterThanOrEqual(lastSince.get(e.agentId) ?? 0);
      lastSince.set(e.agentId, since);
      lastState.set(e.agentId, e.state);
    }
    if (e.type === 'call_offered')
      expect(lastState.get(e.agentId), `offer of ${e.callId} to ${e.agentId}`).toBe('ready');
    if (e.type === 'call_started') started.add(e.callId);
    if (e.type === 'call_ended') ended.set(e.callId, (ended.get(e.callId) ?? 0) + 1);
  }
  for (const id of started) expect(ended.get(id), `call ${id} ended exactly once`).toBe(1);
}
