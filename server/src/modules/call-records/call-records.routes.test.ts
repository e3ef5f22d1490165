import { beforeAll, expect, it } from 'vitest';
import type { CtiEvent } from '../../cti/engine/cti-types.ts';
import { describeOnEachDialect, type Page } from '../../testing/test-app.ts';
import { createCallEventWriter } from './call-event.writer.ts';

type CdrItem = { callId: string; firstAgentId: number | null; disposition: string; talkMs: number };
type Detail = {
  cdr: CdrItem & { recordings: unknown[] };
  legs: { role: string; staffId: number | null }[];
  events: { type: string; data: Record<string, unknown> }[];
};

/** call-a: answered by `agentId` at 09:00:05, 60 s talk. call-b, at 09:01:40: abandoned in the queue. */
function calls(agentId: number): CtiEvent[][] {
  const a = 'call-a';
  return [
    [
      {
        type: 'call_started',
        callId: a,
        direction: 'inbound',
        callerNumber: '13800138000',
        calledNumber: '10000',
        accessCode: '10000',
        vip: false,
        agentId: null,
      },
      { type: 'call_queued', callId: a, queueId: 'q-bill', priority: 0, reason: 'new' },
      {
        type: 'call_offered',
        callId: a,
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
        explanation: { 'zh-CN': '分配给', 'en-US': 'offered to 1001: longest idle' },
      },
      { type: 'call_answered', callId: a, agentId },
      { type: 'call_ended', callId: a, cause: 'completed' },
    ],
    [
      {
        type: 'call_started',
        callId: 'call-b',
        direction: 'inbound',
        callerNumber: '13900000009',
        calledNumber: '112',
        accessCode: '112',
        vip: false,
        agentId: null,
      },
      { type: 'call_queued', callId: 'call-b', queueId: 'q-fault', priority: 0, reason: 'new' },
      { type: 'call_ended', callId: 'call-b', cause: 'abandoned_in_queue' },
    ],
  ];
}
const SECONDS = [0, 0, 0, 5, 65];

describeOnEachDialect('call records API (CTI-20)', (server) => {
  const idOf = (employeeNo: string) => server().staffId(employeeNo);
  let agentA = 0;
  let agentB = 0;

  beforeAll(async () => {
    agentA = await idOf('1001');
    agentB = await idOf('1002');
    const writer = createCallEventWriter(server().db, { epoch: 'routes' });
    let seq = 0;
    for (const [n, call] of calls(agentA).entries()) {
      call.forEach((event, i) => {
        const seconds = n * 100 + (SECONDS[i] ?? 0);
        const at = new Date(Date.parse('2026-01-05T09:00:00Z') + seconds * 1000).toISOString();
        writer.append({ seq: ++seq, at, event });
      });
    }
    const state = (s: 'ready' | 'not_ready', since: string): CtiEvent => ({
      type: 'agent_state',
      agentId: agentB,
      employeeNo: '1002',
      state: s,
      reason: s === 'ready' ? null : 'meal',
      since,
      callId: null,
      by: null,
    });
    writer.append({
      seq: ++seq,
      at: '2026-01-05T10:00:00Z',
      event: state('ready', '2026-01-05T10:00:00Z'),
    });
    writer.append({
      seq: ++seq,
      at: '2026-01-05T10:10:00Z',
      event: state('not_ready', '2026-01-05T10:10:00Z'),
    });
    writer.append({
      seq: ++seq,
      at: '2026-01-05T10:40:00Z',
      event: state('ready', '2026-01-05T10:40:00Z'),
    });
    await writer.close();
  });

  it('lets QA open any call record, with legs and the routing explanation, and audits the read', async () => {
    const s = server();
    const res = await s.request<Detail>('GET', '/api/cdrs/call-a', { cookie: await s.login('3001') });
    expect(res.status).toBe(200);
    expect(res.body.cdr).toMatchObject({
      callId: 'call-a',
      firstAgentId: agentA,
      disposition: 'answered',
      talkMs: 60_000,
    });
    expect(res.body.legs.map((l) => [l.role, l.staffId])).toEqual([
      ['customer', null],
      ['agent', agentA],
    ]);
    const offered = res.body.events.find((e) => e.type === 'call_offered');
    expect(offered?.data.explanation).toMatchObject({ 'en-US': 'offered to 1001: longest idle' });
    const audit = await s.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'cdr.read')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_employee_no: '3001', object_type: 'cdr', object_id: 'call-a' });
  });

  it('shows an agent only the calls they took part in; another agent gets 404', async () => {
    const s = server();
    const own = await s.request<Detail>('GET', '/api/cdrs/call-a', { cookie: await s.login('1001') });
    expect(own.status).toBe(200);
    const other = await s.request('GET', '/api/cdrs/call-a', { cookie: await s.login('1002') });
    expect(other.status).toBe(404);
    const list = await s.request<Page<CdrItem>>('GET', '/api/cdrs', { cookie: await s.login('1002') });
    expect(list.body.total).toBe(0);
  });

  it('refuses department staff with 403', async () => {
    const s = server();
    const cookie = await s.login('5001');
    for (const url of ['/api/cdrs', '/api/cdrs/call-a', `/api/agents/${agentA}/state-history`]) {
      expect((await s.request('GET', url, { cookie })).status, url).toBe(403);
    }
  });

  it('lists records newest first with filters', async () => {
    const s = server();
    const cookie = await s.login('2001');
    const all = await s.request<Page<CdrItem>>('GET', '/api/cdrs', { cookie });
    expect(all.body.items.map((c) => c.callId)).toEqual(['call-b', 'call-a']);
    const abandoned = await s.request<Page<CdrItem>>('GET', '/api/cdrs?disposition=abandoned', { cookie });
    expect(abandoned.body.items.map((c) => c.callId)).toEqual(['call-b']);
    const byAgent = await s.request<Page<CdrItem>>('GET', `/api/cdrs?agentId=${agentA}&queueId=q-bill`, {
      cookie,
    });
    expect(byAgent.body.items.map((c) => c.callId)).toEqual(['call-a']);
    const byCaller = await s.request<Page<CdrItem>>('GET', '/api/cdrs?callerNumber=13900000009', {
      cookie,
    });
    expect(byCaller.body.total).toBe(1);
    const later = await s.request<Page<CdrItem>>('GET', '/api/cdrs?from=2026-01-05T09:00:01Z', { cookie });
    expect(later.body.items.map((c) => c.callId)).toEqual(['call-b']);
  });

  it("gives an agent their own state history and 404 for a colleague's; a team lead reads anyone's", async () => {
    const s = server();
    type Row = { state: string; reason: string | null; durationMs: number };
    const own = await s.request<Page<Row>>('GET', `/api/agents/${agentB}/state-history`, {
      cookie: await s.login('1002'),
    });
    expect(own.status).toBe(200);
    expect(own.body.items.map((r) => [r.state, r.reason, r.durationMs])).toEqual([
      ['ready', null, 600_000],
      ['not_ready', 'meal', 1_800_000],
    ]);
    const colleague = await s.request('GET', `/api/agents/${agentB}/state-history`, {
      cookie: await s.login('1001'),
    });
    expect(colleague.status).toBe(404);
    const lead = await s.request<Page<Row>>(
      'GET',
      `/api/agents/${agentB}/state-history?from=2026-01-05T10:20:00Z&to=2026-01-05T11:00:00Z`,
      { cookie: await s.login('2001') },
    );
    expect(lead.body.items.map((r) => r.state)).toEqual(['not_ready']);
  });
});
