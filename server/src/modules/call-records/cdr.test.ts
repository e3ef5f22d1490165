import { describe, expect, it } from 'vitest';
import type { CtiEvent } from '../../cti/engine/cti-types.ts';
import { deriveCdr, type TimedCtiEvent } from './cdr.ts';

// Hand-written event lists in the order the engine publishes them; `s` is seconds after T0.
const T0 = Date.parse('2026-01-05T09:00:00Z');
const at = (s: number) => new Date(T0 + s * 1000);
const ev = (s: number, event: CtiEvent): TimedCtiEvent => ({ at: at(s), event });
const CALL = 'call-7';
const WANG = 1;
const LI = 2;
const ZHANG = 3;

const inboundStart = (vip = false): TimedCtiEvent[] => [
  ev(0, {
    type: 'call_started',
    callId: CALL,
    direction: 'inbound',
    callerNumber: '13800138000',
    calledNumber: '10000',
    accessCode: '10000',
    vip,
    agentId: null,
  }),
  ev(0, { type: 'call_queued', callId: CALL, queueId: 'q-bill', priority: 0, reason: 'new' }),
];
const offered = (s: number, agentId: number) =>
  ev(s, {
    type: 'call_offered',
    callId: CALL,
    agentId,
    number: '8001',
    call: {
      direction: 'inbound',
      callerNumber: '13800138000',
      calledNumber: '10000',
      accessCode: '10000',
      queueId: 'q-bill',
      vip: false,
      customerData: {},
    },
    via: 'skill',
    explanation: { 'zh-CN': '分配', 'en-US': 'offered' },
  });
const answered = (s: number, agentId: number) => ev(s, { type: 'call_answered', callId: CALL, agentId });
const ended = (s: number, cause: Extract<CtiEvent, { type: 'call_ended' }>['cause'] = 'completed') =>
  ev(s, { type: 'call_ended', callId: CALL, cause });
const agentLeft = (s: number, staffId: number) =>
  ev(s, { type: 'party_left', callId: CALL, role: 'agent', staffId, number: `800${staffId}` });

function derive(events: TimedCtiEvent[]) {
  const derived = deriveCdr(events);
  if (!derived) throw new Error('no CDR derived');
  return derived;
}

describe('deriveCdr (CTI-20)', () => {
  it('records an answered call: wait until answer, talk until hang-up, the recording file', () => {
    const { cdr, legs } = derive([
      ...inboundStart(true),
      offered(10, WANG),
      answered(15, WANG),
      ev(15, { type: 'recording_started', callId: CALL, recordingId: 'rec-1' }),
      agentLeft(75, WANG),
      ended(75),
      ev(75, {
        type: 'recording_finished',
        callId: CALL,
        recordingId: 'rec-1',
        file: '/r/c.wav',
        durationMs: 60_000,
      }),
    ]);
    expect(cdr).toMatchObject({
      callId: CALL,
      direction: 'inbound',
      callerNumber: '13800138000',
      accessCode: '10000',
      queueId: 'q-bill',
      firstAgentId: WANG,
      lastAgentId: WANG,
      startedAt: at(0),
      queuedAt: at(0),
      offeredAt: at(10),
      answeredAt: at(15),
      endedAt: at(75),
      endCause: 'completed',
      disposition: 'answered',
      waitMs: 15_000,
      talkMs: 60_000,
      holdMs: 0,
      transfers: 0,
      vip: true,
      recordingFiles: [{ recordingId: 'rec-1', file: '/r/c.wav', durationMs: 60_000 }],
    });
    expect(legs).toEqual([
      {
        role: 'customer',
        staffId: null,
        number: '13800138000',
        offeredAt: at(0),
        joinedAt: at(0),
        leftAt: at(75),
        talkMs: 75_000,
      },
      {
        role: 'agent',
        staffId: WANG,
        number: '8001',
        offeredAt: at(10),
        joinedAt: at(15),
        leftAt: at(75),
        talkMs: 60_000,
      },
    ]);
  });

  it('records a caller who hangs up in the queue as abandoned, with the time they waited', () => {
    const { cdr, legs } = derive([...inboundStart(), ended(20, 'abandoned_in_queue')]);
    expect(cdr).toMatchObject({
      disposition: 'abandoned',
      waitMs: 20_000,
      talkMs: 0,
      answeredAt: null,
      firstAgentId: null,
      lastAgentId: null,
    });
    expect(legs).toHaveLength(1);
  });

  it('records an inbound call the IVR served and released, with no agent, as ivr (IVR-5)', () => {
    const [start] = inboundStart();
    const { cdr } = derive([start!, ended(20_000, 'completed')]);
    expect(cdr.disposition).toBe('ivr');
    expect(cdr.endCause).toBe('completed');
  });

  it('records a caller who hung up in the IVR as abandoned, the end cause keeping where (IVR-5)', () => {
    const [start] = inboundStart();
    const { cdr } = derive([start!, ended(5_000, 'abandoned_in_ivr')]);
    expect(cdr.disposition).toBe('abandoned');
    expect(cdr.endCause).toBe('abandoned_in_ivr');
  });

  it('records a call no queue serves (never queued) as failed, not abandoned', () => {
    const [start] = inboundStart();
    const { cdr } = derive([start!, ended(0, 'abandoned_in_queue')]);
    expect(cdr.disposition).toBe('failed');
  });

  it('counts 30 s on hold as hold, not talk', () => {
    const { cdr } = derive([
      ...inboundStart(),
      offered(0, WANG),
      answered(5, WANG),
      ev(15, { type: 'call_held', callId: CALL, agentId: WANG }),
      ev(45, { type: 'call_retrieved', callId: CALL, agentId: WANG }),
      agentLeft(65, WANG),
      ended(65),
    ]);
    expect(cdr).toMatchObject({ waitMs: 5_000, holdMs: 30_000, talkMs: 30_000, disposition: 'answered' });
  });

  it('follows a blind transfer to another queue: one transfer, first and last agent differ', () => {
    const { cdr, legs } = derive([
      ...inboundStart(),
      offered(0, WANG),
      answered(5, WANG),
      ev(35, {
        type: 'transferred',
        callId: CALL,
        fromAgentId: WANG,
        target: { kind: 'queue', queueId: 'q-fault' },
        mode: 'blind',
      }),
      ev(35, { type: 'call_queued', callId: CALL, queueId: 'q-fault', priority: 300, reason: 'transferred' }),
      offered(45, ZHANG),
      answered(50, ZHANG),
      agentLeft(110, ZHANG),
      ended(110),
    ]);
    expect(cdr).toMatchObject({
      transfers: 1,
      firstAgentId: WANG,
      lastAgentId: ZHANG,
      queueId: 'q-bill',
      waitMs: 20_000,
      talkMs: 90_000,
      disposition: 'answered',
    });
    expect(legs.map((l) => [l.staffId, l.joinedAt, l.leftAt])).toEqual([
      [null, at(0), at(110)],
      [WANG, at(5), at(35)],
      [ZHANG, at(50), at(110)],
    ]);
  });

  it('follows a consult then connect-held (连接保持): the consulted agent takes the call', () => {
    const target = { kind: 'agent', agentId: LI } as const;
    const { cdr, legs } = derive([
      ...inboundStart(),
      offered(0, WANG),
      answered(5, WANG),
      ev(20, { type: 'call_held', callId: CALL, agentId: WANG }),
      ev(20, { type: 'consult_started', callId: CALL, agentId: WANG, target, purpose: 'consult' }),
      ev(25, { type: 'consult_answered', callId: CALL, target }),
      ev(40, { type: 'transferred', callId: CALL, fromAgentId: WANG, target, mode: 'attended' }),
      agentLeft(100, LI),
      ended(100),
    ]);
    expect(cdr).toMatchObject({
      transfers: 1,
      firstAgentId: WANG,
      lastAgentId: LI,
      holdMs: 20_000,
      talkMs: 75_000,
      disposition: 'answered',
    });
    expect(legs[2]).toEqual({
      role: 'agent',
      staffId: LI,
      number: '8002',
      offeredAt: at(20),
      joinedAt: at(25),
      leftAt: at(100),
      talkMs: 75_000,
    });
  });

  it('treats an agent hanging up during an answered consult as the transfer it becomes', () => {
    const target = { kind: 'agent', agentId: LI } as const;
    const { cdr } = derive([
      ...inboundStart(),
      offered(0, WANG),
      answered(5, WANG),
      ev(20, { type: 'call_held', callId: CALL, agentId: WANG }),
      ev(20, { type: 'consult_started', callId: CALL, agentId: WANG, target, purpose: 'consult' }),
      ev(25, { type: 'consult_answered', callId: CALL, target }),
      agentLeft(30, WANG),
      agentLeft(90, LI),
      ended(90),
    ]);
    expect(cdr).toMatchObject({ transfers: 1, lastAgentId: LI, holdMs: 10_000, talkMs: 75_000 });
  });

  it('marks a call handed to an outside number as transferred out', () => {
    const { cdr } = derive([
      ...inboundStart(),
      offered(0, WANG),
      answered(5, WANG),
      ev(35, {
        type: 'transferred',
        callId: CALL,
        fromAgentId: WANG,
        target: { kind: 'number', number: '02588888888' },
        mode: 'blind',
      }),
      ended(200),
    ]);
    expect(cdr).toMatchObject({
      disposition: 'transferred_out',
      talkMs: 30_000,
      waitMs: 5_000,
      lastAgentId: WANG,
    });
  });

  it('records an outbound call to a busy number as unanswered, dialled by the agent', () => {
    const { cdr, legs } = derive([
      ev(0, {
        type: 'call_started',
        callId: CALL,
        direction: 'outbound',
        callerNumber: '8001',
        calledNumber: '02512345678',
        accessCode: null,
        vip: false,
        agentId: null,
      }),
      ev(0, agentState(WANG, 'talking', 0)),
      ev(1, agentState(WANG, 'after_call_work', 1)),
      ended(1, 'busy'),
    ]);
    expect(cdr).toMatchObject({
      direction: 'outbound',
      disposition: 'unanswered',
      endCause: 'busy',
      firstAgentId: WANG,
      lastAgentId: WANG,
      answeredAt: null,
      waitMs: 1_000,
      talkMs: 0,
    });
    expect(legs).toEqual([
      {
        role: 'outside',
        staffId: null,
        number: '02512345678',
        offeredAt: at(0),
        joinedAt: null,
        leftAt: at(1),
        talkMs: 0,
      },
      {
        role: 'agent',
        staffId: WANG,
        number: '8001',
        offeredAt: at(0),
        joinedAt: at(0),
        leftAt: at(1),
        talkMs: 1_000,
      },
    ]);
  });

  it('derives nothing until the call has ended, and ignores other calls', () => {
    expect(deriveCdr(inboundStart())).toBeNull();
    const other = ev(3, { type: 'call_held', callId: 'call-8', agentId: WANG });
    const { cdr } = derive([...inboundStart(), other, ended(9, 'abandoned_in_queue')]);
    expect(cdr.waitMs).toBe(9_000);
  });
});

function agentState(agentId: number, state: 'talking' | 'after_call_work', s: number): CtiEvent {
  return {
    type: 'agent_state',
    agentId,
    employeeNo: `100${agentId}`,
    state,
    reason: null,
    since: at(s).toISOString(),
    callId: CALL,
    by: null,
  };
}
