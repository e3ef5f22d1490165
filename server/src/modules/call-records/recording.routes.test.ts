import { expect, it } from 'vitest';
import { describeOnEachDialect, type Page, type TestServer } from '../../testing/test-app.ts';

type Cdr = { callId: string; talkMs: number; recordings: { recordingId: string; durationMs: number }[] };

// End to end: a simulated call is answered over HTTP, talks for a minute, hangs up; its CDR lists
// the recording, and the WAV plays back in the browser (audited).
describeOnEachDialect(
  'recordings play back (CTI-17, CTI-20)',
  (server) => {
    const settle = async (s: TestServer, ms = 0) => {
      await s.cti!.engine.settled();
      await s.cti!.clock.advance(ms);
      await s.cti!.engine.settled();
      await s.callEvents!.flush();
    };

    it('serves the WAV of an answered call to the agent who took it and to QA, not to another agent', async () => {
      const s = server();
      const agent = await s.login('1001');
      await s.request('POST', '/api/cti/agent/sign-in', { cookie: agent, body: { ready: true } });
      await s.cti!.sim.customerCalls('13800000009', '10000');
      await settle(s);
      await s.request('POST', '/api/cti/agent/answer', { cookie: agent, body: {} });
      await settle(s, 60_000);
      await s.request('POST', '/api/cti/agent/hangup', { cookie: agent, body: {} });
      await settle(s, 1_000);
      const list = await s.request<Page<Cdr>>('GET', '/api/cdrs', { cookie: agent });
      const cdr = list.body.items[0];
      expect(cdr?.talkMs).toBe(60_000);
      const recording = cdr?.recordings[0];
      expect(recording?.durationMs).toBe(60_000);
      const url = `/api/cdrs/${cdr?.callId}/recordings/${recording?.recordingId}`;
      const played = await s.request('GET', url, { cookie: agent });
      expect(played.status).toBe(200);
      expect(played.headers.get('content-type')).toBe('audio/wav');
      expect(played.text.slice(0, 4)).toBe('RIFF');
      expect((await s.request('GET', url, { cookie: await s.login('3001') })).status).toBe(200);
      expect((await s.request('GET', url, { cookie: await s.login('1002') })).status).toBe(404);
      const audit = await s.db
        .selectFrom('audit_events')
        .select('actor_employee_no')
        .where('action', '=', 'recording.play')
        .execute();
      expect(audit.map((a) => a.actor_employee_no)).toEqual(['1001', '3001']);
    });
  },
  { cti: true },
);
