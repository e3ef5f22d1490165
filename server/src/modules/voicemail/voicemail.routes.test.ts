import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeOnEachDialect, type ErrorBody, type TestServer } from '../../testing/test-app.ts';
import { testConfig } from '../../testing/test-config.ts';
import { fakeEventSource, silentWav, voicemailLeft } from './voicemail.fixture.ts';

type Vm = {
  id: number;
  state: string;
  reason: string;
  assignedTo: { id: number; name: string } | null;
  handledBy: { id: number } | null;
  result: string | null;
  events: { action: string; actor: { id: number } | null; note: string | null }[];
};
type VmList = { items: Vm[]; total: number; counts: Record<string, number> };

// VM-1 over HTTP: who sees the box, plays a message, takes, assigns and handles it.
const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-vm-'));
afterAll(() => rm(dataDir, { recursive: true, force: true }));

describeOnEachDialect(
  'voicemail box routes (VM-1)',
  (server) => {
    let seq = 0;
    /** A fresh message with a real WAV under the data folder's recordings. */
    const leave = async (s: TestServer, over: Parameters<typeof voicemailLeft>[0] = {}) => {
      const callId = `call-${s.dialect}-${++seq}`;
      const file = join(dataDir, 'recordings', `${callId}.wav`);
      await mkdir(join(dataDir, 'recordings'), { recursive: true });
      await writeFile(file, silentWav());
      const source = fakeEventSource(s.db);
      source.emit(voicemailLeft({ callId, file, ...over }));
      await source.recorder.flush();
      source.recorder.close();
      const row = await s.db
        .selectFrom('voicemails')
        .select('id')
        .where('call_id', '=', callId)
        .executeTakeFirstOrThrow();
      return row.id;
    };

    it('VM-1 agents and leads list the box newest first with counts and filters; QA and department staff get 403', async () => {
      const s = server();
      const older = await leave(s, { reason: 'after_hours', startedAt: '2026-03-01T10:00:00.000Z' });
      const newer = await leave(s, { reason: 'max_wait', startedAt: '2026-03-02T10:00:00.000Z' });
      const agent = await s.login('1001');
      const list = await s.request<VmList>('GET', '/api/voicemails', { cookie: agent });
      expect(list.status).toBe(200);
      expect(list.body.items.map((v) => v.id).slice(0, 2)).toEqual([newer, older]);
      expect(list.body.counts.new).toBeGreaterThanOrEqual(2);
      const byReason = await s.request<VmList>('GET', '/api/voicemails?reason=after_hours', {
        cookie: agent,
      });
      expect(byReason.body.items.map((v) => v.id)).toContain(older);
      expect(byReason.body.items.every((v) => v.reason === 'after_hours')).toBe(true);
      const window = await s.request<VmList>(
        'GET',
        '/api/voicemails?from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z',
        { cookie: agent },
      );
      expect(window.body.items.map((v) => v.id)).toContain(newer);
      expect(window.body.items.map((v) => v.id)).not.toContain(older);
      expect((await s.request('GET', '/api/voicemails?state=lost', { cookie: agent })).status).toBe(400);
      expect((await s.request('GET', '/api/voicemails')).status).toBe(401);
      for (const who of ['3001', '5101']) {
        expect((await s.request('GET', '/api/voicemails', { cookie: await s.login(who) })).status).toBe(403);
      }
      expect((await s.request('GET', '/api/voicemails/999999', { cookie: agent })).status).toBe(404);
    });

    it('VM-1 plays the message as WAV and audits it; a file outside the recordings folder is never served', async () => {
      const s = server();
      const id = await leave(s);
      const agent = await s.login('1002');
      const played = await s.request('GET', `/api/voicemails/${id}/audio`, { cookie: agent });
      expect(played.status).toBe(200);
      expect(played.headers.get('content-type')).toBe('audio/wav');
      expect(played.text.slice(0, 4)).toBe('RIFF');
      const audit = await s.db
        .selectFrom('audit_events')
        .select(['actor_employee_no', 'object_id'])
        .where('action', '=', 'voicemail.play')
        .execute();
      expect(audit).toContainEqual({ actor_employee_no: '1002', object_id: String(id) });

      const outside = await leave(s, { file: join(dataDir, '..', 'elsewhere.wav') });
      const refused = await s.request<ErrorBody>('GET', `/api/voicemails/${outside}/audio`, {
        cookie: agent,
      });
      expect(refused.status).toBe(404);
      expect(refused.body.error.code).toBe('RECORDING_MISSING');
    });

    it('VM-1 an agent takes an unassigned message; another agent can neither take nor handle it', async () => {
      const s = server();
      const id = await leave(s);
      const [a, b] = [await s.login('1001'), await s.login('1002')];
      const taken = await s.request<Vm>('POST', `/api/voicemails/${id}/assign`, { cookie: a, body: {} });
      expect(taken.status).toBe(200);
      expect(taken.body.state).toBe('assigned');
      expect(taken.body.assignedTo?.id).toBe(await s.staffId('1001'));

      const retake = await s.request<ErrorBody>('POST', `/api/voicemails/${id}/assign`, {
        cookie: b,
        body: {},
      });
      expect(retake.status).toBe(409);
      expect(retake.body.error.code).toBe('ALREADY_ASSIGNED');
      const handle = await s.request<ErrorBody>('POST', `/api/voicemails/${id}/handle`, {
        cookie: b,
        body: { result: '已回电' },
      });
      expect(handle.status).toBe(403);
      expect(handle.body.error.code).toBe('NOT_ASSIGNEE');
      const callBack = await s.request<ErrorBody>('POST', `/api/voicemails/${id}/call-back`, { cookie: b });
      expect(callBack.body.error.code).toBe('NOT_ASSIGNEE');
      const toOther = await s.request('POST', `/api/voicemails/${id}/assign`, {
        cookie: b,
        body: { agentId: await s.staffId('1003') },
      });
      expect(toOther.status).toBe(403);
      const mine = await s.request<VmList>('GET', '/api/voicemails?mine=true', { cookie: a });
      expect(mine.body.items.map((v) => v.id)).toContain(id);
      expect(mine.body.items.every((v) => v.assignedTo?.id === taken.body.assignedTo?.id)).toBe(true);
    });

    it('VM-1 a lead assigns to an agent, who marks it handled with the result; history and audit follow', async () => {
      const s = server();
      const vm = await leave(s);
      const lead = await s.login('2001');
      const noAgent = await s.request<ErrorBody>('POST', `/api/voicemails/${vm}/assign`, {
        cookie: lead,
        body: {},
      });
      expect(noAgent.body.error.code).toBe('AGENT_REQUIRED');
      const toQa = await s.request<ErrorBody>('POST', `/api/voicemails/${vm}/assign`, {
        cookie: lead,
        body: { agentId: await s.staffId('3001') },
      });
      expect(toQa.status).toBe(400);
      expect(toQa.body.error.code).toBe('NOT_AN_AGENT');
      const assignees = await s.request<{ items: { employeeNo: string }[] }>(
        'GET',
        '/api/voicemails/assignees',
        {
          cookie: lead,
        },
      );
      expect(assignees.body.items.map((p) => p.employeeNo)).toContain('1004');
      expect(assignees.body.items.map((p) => p.employeeNo)).not.toContain('3001');

      const assigned = await s.request<Vm>('POST', `/api/voicemails/${vm}/assign`, {
        cookie: lead,
        body: { agentId: await s.staffId('1004') },
      });
      expect(assigned.body.assignedTo?.name).toBeTruthy();
      const agent = await s.login('1004');
      const empty = await s.request<ErrorBody>('POST', `/api/voicemails/${vm}/handle`, {
        cookie: agent,
        body: { result: '  ' },
      });
      expect(empty.status).toBe(400);
      const done = await s.request<Vm>('POST', `/api/voicemails/${vm}/handle`, {
        cookie: agent,
        body: { result: '已回电，客户宽带已恢复' },
      });
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ state: 'handled', result: '已回电，客户宽带已恢复' });
      expect(done.body.events.map((e) => e.action)).toEqual(['received', 'assigned', 'handled']);
      const again = await s.request<ErrorBody>('POST', `/api/voicemails/${vm}/handle`, {
        cookie: lead,
        body: { result: '再次处理' },
      });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('ALREADY_HANDLED');
      const audit = await s.db
        .selectFrom('audit_events')
        .select('actor_employee_no')
        .where('action', '=', 'voicemail.change')
        .where('object_id', '=', String(vm))
        .orderBy('id')
        .execute();
      expect(audit.map((a) => a.actor_employee_no)).toEqual(['2001', '1004']);
    });

    it('VM-1 calling back without call control, and cancelling callbacks, answer with clear errors', async () => {
      const s = server();
      const vm = await leave(s);
      const lead = await s.login('2101');
      const noCti = await s.request<ErrorBody>('POST', `/api/voicemails/${vm}/call-back`, { cookie: lead });
      expect(noCti.status).toBe(409);
      expect(noCti.body.error.code).toBe('CTI_UNAVAILABLE');
      expect(noCti.body.error.message).toMatch(/呼叫控制服务未启用|Call control/);
      const unknown = await s.request('POST', '/api/callbacks/cb-none/cancel', { cookie: lead });
      expect(unknown.status).toBe(404);
      const agentCancel = await s.request('POST', '/api/callbacks/cb-none/cancel', {
        cookie: await s.login('1001'),
      });
      expect(agentCancel.status).toBe(403);
    });
  },
  { config: { ...testConfig, dataDir } },
);
