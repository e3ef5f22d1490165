import { expect, it } from 'vitest';
import { type LiveNotice, onLiveNotice } from '../../live/live-notices.ts';
import { describeOnEachDialect, type ErrorBody, type Page } from '../../testing/test-app.ts';

type Msg = {
  id: number;
  from: { id: number; name: string };
  to: { id: number };
  body: string;
  readAt: string | null;
};
type Help = { id: number; state: string; takenBy: { employeeNo: string } | null; callId: string | null };

describeOnEachDialect('agent messages and help requests (CTI-18)', (server) => {
  const staffId = (employeeNo: string) => server().staffId(employeeNo);

  it('CTI-18 sends to several colleagues; each recipient gets a live notice and reads only their own', async () => {
    const { request, login } = server();
    const notices: LiveNotice[] = [];
    const off = onLiveNotice((n) => notices.push(n));
    const a1001 = await login('1001');
    const a1002 = await login('1002');
    const a1003 = await login('1003');
    const [id1002, id1003] = [await staffId('1002'), await staffId('1003')];
    const sent = await request<{ items: Msg[] }>('POST', '/api/messages', {
      cookie: a1001,
      body: { toStaffIds: [id1002, id1003], body: '3 号线路有故障，来电请先安抚' },
    });
    off();
    expect(sent.status).toBe(201);
    expect(sent.body.items).toHaveLength(2);
    const to1002 = sent.body.items.find((m) => m.to.id === id1002);
    expect(notices.filter((n) => n.topic === 'message').map((n) => n.audience)).toEqual([
      { kind: 'staff', staffIds: [id1002] },
      { kind: 'staff', staffIds: [id1003] },
    ]);

    const inbox = await request<Page<Msg>>('GET', '/api/messages?box=inbox&unreadOnly=true', {
      cookie: a1002,
    });
    expect(inbox.body.items.map((m) => m.body)).toContain('3 号线路有故障，来电请先安抚');
    expect((await request('GET', `/api/messages/${to1002?.id}`, { cookie: a1003 })).status).toBe(404);
    expect((await request('POST', `/api/messages/${to1002?.id}/read`, { cookie: a1003 })).status).toBe(404);
    expect((await request('POST', `/api/messages/${to1002?.id}/read`, { cookie: a1001 })).status).toBe(404); // sender cannot mark
    expect((await request('POST', `/api/messages/${to1002?.id}/read`, { cookie: a1002 })).status).toBe(204);
    const read = await request<Msg>('GET', `/api/messages/${to1002?.id}`, { cookie: a1002 });
    expect(read.body.readAt).not.toBeNull();
    const sentBox = await request<Page<Msg>>('GET', '/api/messages?box=sent', { cookie: a1001 });
    expect(sentBox.body.items.length).toBeGreaterThanOrEqual(2);
  });

  it('rejects bad input: no recipient, an unknown recipient, myself, an empty body, not signed in', async () => {
    const { request, login } = server();
    const me = await login('1001');
    const self = await staffId('1001');
    const post = (body: unknown, cookie: string = me) =>
      request<ErrorBody>('POST', '/api/messages', { cookie, body });
    expect((await post({ toStaffIds: [], body: 'x' })).status).toBe(400);
    expect((await post({ toStaffIds: [999999], body: 'x' })).body.error.code).toBe('UNKNOWN_RECIPIENT');
    expect((await post({ toStaffIds: [self], body: 'x' })).body.error.code).toBe('SELF_RECIPIENT');
    expect((await post({ toStaffIds: [await staffId('1002')], body: '   ' })).status).toBe(400);
    expect((await post({ toStaffIds: [await staffId('1002')], body: 'x' }, '')).status).toBe(401);
  });

  it('CTI-18 help request: leads are told, the first lead takes it, the agent sees who; agents cannot take', async () => {
    const { request, login } = server();
    const notices: LiveNotice[] = [];
    const off = onLiveNotice((n) => notices.push(n));
    const agent = await login('1001');
    const other = await login('1002');
    const lead = await login('2001');
    const lead2 = await login('2002');
    const asked = await request<Help>('POST', '/api/help-requests', {
      cookie: agent,
      body: { body: '客户情绪激动，请求班长协助', callId: 'call-42' },
    });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ state: 'open', callId: 'call-42', takenBy: null });
    expect(notices.find((n) => n.topic === 'help_request')?.audience).toEqual({
      kind: 'roles',
      roles: ['team_lead', 'duty_lead'],
    });
    const id = asked.body.id;
    expect((await request('GET', `/api/help-requests/${id}`, { cookie: other })).status).toBe(404);
    expect((await request('POST', `/api/help-requests/${id}/take`, { cookie: agent })).status).toBe(403);
    const taken = await request<Help>('POST', `/api/help-requests/${id}/take`, { cookie: lead });
    expect(taken.body).toMatchObject({ state: 'taken', takenBy: { employeeNo: '2001' } });
    expect(
      (await request<ErrorBody>('POST', `/api/help-requests/${id}/take`, { cookie: lead2 })).body.error.code,
    ).toBe('ALREADY_TAKEN');
    off();
    expect(notices.at(-1)).toMatchObject({
      topic: 'help_request',
      audience: { kind: 'staff', staffIds: [await staffId('1001')] },
    });
    const mine = await request<{ items: Help[] }>('GET', '/api/help-requests', { cookie: agent });
    expect(mine.body.items.find((h) => h.id === id)?.takenBy?.employeeNo).toBe('2001');
    expect(
      (await request<{ items: Help[] }>('GET', '/api/help-requests', { cookie: other })).body.items.some(
        (h) => h.id === id,
      ),
    ).toBe(false);
  });
});
