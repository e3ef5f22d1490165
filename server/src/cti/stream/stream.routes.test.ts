import { CLOSE_CODES, followStream, type StreamCursor } from '@switchboard/shared';
import { afterEach, expect, it } from 'vitest';
import { systemClock } from '../../clock.ts';
import type { Actor } from '../../http/access.ts';
import { describeOnEachDialect, startTestServer, type TestServer } from '../../testing/test-app.ts';
import { DIALECTS } from '../../testing/test-config.ts';
import { createEventStream, type Envelope, type EventStream } from './event-stream.ts';
import { registerCtiStream } from './stream.routes.ts';
import { isRefused, openStream, type StreamTestClient } from './stream.test-client.ts';

// An agent sees only their own agent events; everyone else sees every event.
type AgentStateEvent = { type: 'agent_state'; employeeNo: string; state: string; payload?: string };

let stream: EventStream<AgentStateEvent>;
const states = new Map<string, string>();
const canSee = (actor: Actor, event: AgentStateEvent) =>
  !actor.roles.includes('agent') || event.employeeNo === actor.employeeNo;
const snapshotFor = (actor: Actor) => ({
  agents: Object.fromEntries(
    [...states].filter(([employeeNo]) => canSee(actor, { type: 'agent_state', employeeNo, state: '' })),
  ),
});
const publish = (employeeNo: string, state: string, payload?: string) => {
  states.set(employeeNo, state);
  return stream.publish({ type: 'agent_state', employeeNo, state, ...(payload ? { payload } : {}) });
};

const opened: StreamTestClient<AgentStateEvent>[] = [];
afterEach(() => {
  for (const client of opened.splice(0)) client.close();
});

async function connect(s: TestServer, cookie: string) {
  const client = await openStream<AgentStateEvent>(s.baseUrl, cookie);
  if (isRefused(client)) throw new Error(`upgrade refused: ${client.refused} ${client.body}`);
  opened.push(client);
  return client;
}

/** Takes frames until the cursor reaches `seq`, checking the prev chain; returns the visible seqs. */
async function followUntil(client: StreamTestClient<AgentStateEvent>, from: StreamCursor, seq: number) {
  let cursor = from;
  const seen: number[] = [];
  while (cursor.seq < seq) {
    const frame = await client.next();
    if (frame.type === 'replay') seen.push(...frame.events.map((e) => e.seq));
    if (frame.type === 'event') seen.push(frame.seq);
    const next = followStream(cursor, frame);
    if (next === 'gap' || next === undefined) throw new Error(`lost events before ${JSON.stringify(frame)}`);
    cursor = next;
  }
  return seen;
}

const seqsOf = (events: Envelope<AgentStateEvent>[]) => events.map((e) => e.seq);

describeOnEachDialect(
  'CTI event stream',
  (server) => {
    it('refuses a WebSocket upgrade without a session with 401', async () => {
      const anonymous = await openStream(server().baseUrl, undefined);
      expect(isRefused(anonymous) && anonymous.refused).toBe(401);
      const forged = await openStream(server().baseUrl, 'sb_session=not-a-session');
      expect(isRefused(forged) && forged.refused).toBe(401);
    });

    it('refuses to reconnect once the session has been signed out', async () => {
      const s = server();
      const cookie = await s.login('2001');
      await connect(s, cookie);
      await s.request('POST', '/api/auth/logout', { cookie });
      const again = await openStream(s.baseUrl, cookie);
      expect(isRefused(again) && again.refused).toBe(401);
    });

    it('sends a snapshot to a client without a position, then every new event in order', async () => {
      const s = server();
      publish('1001', 'ready');
      const client = await connect(s, await s.login('2001'));
      client.send({ type: 'hello' });

      const snapshot = await client.next();
      expect(snapshot).toMatchObject({ type: 'snapshot', epoch: stream.epoch, seq: stream.lastSeq() });
      expect(snapshot.type === 'snapshot' && snapshot.data).toMatchObject({ agents: { '1001': 'ready' } });

      const a = publish('1002', 'not_ready');
      const b = publish('1001', 'talking');
      expect(await client.next()).toEqual({ type: 'event', prev: a.seq - 1, ...a });
      expect(await client.next()).toEqual({ type: 'event', prev: a.seq, ...b });
    });

    it('replays exactly the missed events to a client that reconnects with its last sequence number', async () => {
      const s = server();
      const cookie = await s.login('2002');
      const first = await connect(s, cookie);
      first.send({ type: 'hello' });
      expect((await first.next()).type).toBe('snapshot');
      publish('1003', 'ready');
      const lastSeen = await first.next();
      if (lastSeen.type !== 'event') throw new Error('expected an event');
      first.close();

      const missed = [publish('1003', 'ringing'), publish('1004', 'ready'), publish('1003', 'talking')];
      const second = await connect(s, cookie);
      second.send({ type: 'hello', epoch: lastSeen.epoch, lastSeq: lastSeen.seq });
      const replay = await second.next();
      // Published while the replay is on its way: must follow it, once each.
      const live = [publish('1004', 'talking'), publish('1003', 'wrap_up')];

      expect(replay).toEqual({ type: 'replay', epoch: stream.epoch, seq: missed[2]?.seq, events: missed });
      const seen = await followUntil(
        second,
        { epoch: stream.epoch, seq: replay.type === 'replay' ? replay.seq : 0 },
        live[1]?.seq ?? 0,
      );
      expect(seen).toEqual(seqsOf(live));
      await second.expectQuiet();
    });

    it('sends a snapshot instead of a replay to a client from an earlier server start', async () => {
      const s = server();
      publish('1005', 'ready');
      const client = await connect(s, await s.login('2001'));
      client.send({ type: 'hello', epoch: 'epoch-of-a-server-that-restarted', lastSeq: 1 });
      expect(await client.next()).toMatchObject({
        type: 'snapshot',
        epoch: stream.epoch,
        seq: stream.lastSeq(),
      });
    });

    it('sends a snapshot when the missed events are no longer kept', async () => {
      const s = server();
      const from = stream.lastSeq();
      for (let i = 0; i < 60; i++) publish('1006', i % 2 ? 'ready' : 'not_ready');
      const client = await connect(s, await s.login('2001'));
      client.send({ type: 'hello', epoch: stream.epoch, lastSeq: from });
      const frame = await client.next();
      expect(frame).toMatchObject({ type: 'snapshot', seq: stream.lastSeq() });
      expect(frame.type === 'snapshot' && frame.data).toMatchObject({ agents: { '1006': 'ready' } });
    });

    it('shows an agent only their own events, and tells them nothing was lost in between', async () => {
      const s = server();
      const agent = await connect(s, await s.login('1007'));
      agent.send({ type: 'hello' });
      const snapshot = await agent.next();
      expect(snapshot.type === 'snapshot' && Object.keys(snapshot.data as object)).toEqual(['agents']);
      expect(snapshot.type === 'snapshot' && snapshot.data).toEqual({ agents: {} });

      publish('1008', 'ready');
      const own = publish('1007', 'ready');
      publish('1009', 'ready');
      const ownLater = publish('1007', 'talking');

      const first = await agent.next();
      const second = await agent.next();
      expect(first).toEqual({
        type: 'event',
        prev: snapshot.type === 'snapshot' ? snapshot.seq : -1,
        ...own,
      });
      expect(second).toEqual({ type: 'event', prev: own.seq, ...ownLater });
      await agent.expectQuiet();
    });

    it('replays to an agent only their own missed events, with the position past the hidden ones', async () => {
      const s = server();
      const cookie = await s.login('1010');
      const from = stream.lastSeq();
      publish('1011', 'ready');
      const own = publish('1010', 'ready');
      const last = publish('1011', 'talking');
      const agent = await connect(s, cookie);
      agent.send({ type: 'hello', epoch: stream.epoch, lastSeq: from });
      expect(await agent.next()).toEqual({
        type: 'replay',
        epoch: stream.epoch,
        seq: last.seq,
        events: [own],
      });
    });

    it("answers a ping with the client's position, so an agent's cursor keeps up with hidden events", async () => {
      const s = server();
      const agent = await connect(s, await s.login('1012'));
      agent.send({ type: 'ping' });
      expect(await agent.next()).toEqual({ type: 'pong' });
      agent.send({ type: 'hello' });
      await agent.next();
      const hidden = publish('1013', 'ready');
      agent.send({ type: 'ping' });
      expect(await agent.next()).toEqual({ type: 'pong', seq: hidden.seq });
      const own = publish('1012', 'ready');
      expect(await agent.next()).toMatchObject({ type: 'event', prev: hidden.seq, seq: own.seq });
    });

    it('closes the connection on a malformed message or a second hello with 4400', async () => {
      const s = server();
      const cookie = await s.login('2001');
      const garbled = await connect(s, cookie);
      garbled.socket.send('{not json');
      expect((await garbled.closed).code).toBe(CLOSE_CODES.PROTOCOL_ERROR);

      const twice = await connect(s, cookie);
      twice.send({ type: 'hello' });
      twice.send({ type: 'hello' });
      expect((await twice.next()).type).toBe('snapshot');
      expect((await twice.closed).code).toBe(CLOSE_CODES.PROTOCOL_ERROR);
    });

    it('closes a connection that never says hello', async () => {
      const s = server();
      const silent = await connect(s, await s.login('2001'));
      expect(await silent.closed).toEqual({ code: CLOSE_CODES.PROTOCOL_ERROR, reason: 'hello expected' });
    });

    it('closes a client that does not keep up with 4008 instead of queueing without bound', async () => {
      const s = server();
      const slow = await connect(s, await s.login('2001'));
      slow.send({ type: 'hello' });
      await slow.next();
      slow.socket.pause();
      const payload = 'x'.repeat(64 * 1024);
      for (let i = 0; i < 400; i++) publish('1014', 'ready', payload);
      slow.socket.resume();
      const closed = await slow.closed;
      expect(closed).toEqual({ code: CLOSE_CODES.TOO_SLOW, reason: 'too slow, reconnect and resync' });
    });
  },
  {
    beforeListen: (app) => {
      stream = createEventStream<AgentStateEvent>({ capacity: 50, clock: systemClock });
      states.clear();
      registerCtiStream(app, {
        stream,
        snapshot: snapshotFor,
        canSee,
        helloTimeoutMs: 1000,
        maxBufferedBytes: 256 * 1024,
      });
    },
  },
);

describeOnEachDialect(
  'CTI event stream heartbeat',
  (server) => {
    it('closes a connection that stops answering pings', async () => {
      const s = server();
      const cookie = await s.login('2001');
      const healthy = await connect(s, cookie);
      const dead = await openStream<AgentStateEvent>(s.baseUrl, cookie, { autoPong: false });
      if (isRefused(dead)) throw new Error('refused');
      opened.push(dead);
      healthy.send({ type: 'hello' });
      dead.send({ type: 'hello' });
      await healthy.next();
      await dead.next();

      expect((await dead.closed).code).toBe(1006);
      expect(healthy.socket.readyState).toBe(healthy.socket.OPEN);
    });
  },
  {
    beforeListen: (app) => {
      const heartbeatStream = createEventStream<AgentStateEvent>({ clock: systemClock });
      registerCtiStream(app, {
        stream: heartbeatStream,
        snapshot: () => ({}),
        canSee: () => true,
        heartbeatMs: 250,
      });
    },
  },
);

it('tells connected clients to resync elsewhere when the server shuts down', async () => {
  const s = await startTestServer(DIALECTS[0] ?? 'pglite', {
    beforeListen: (app) =>
      registerCtiStream(app, {
        stream: createEventStream<AgentStateEvent>({ clock: systemClock }),
        snapshot: () => ({}),
        canSee: () => true,
      }),
  });
  const client = await connect(s, await s.login('2001'));
  client.send({ type: 'hello' });
  await client.next();
  await s.close();
  expect(await client.closed).toEqual({ code: CLOSE_CODES.GOING_AWAY, reason: 'server shutting down' });
});
