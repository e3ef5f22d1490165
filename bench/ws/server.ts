import Fastify from 'fastify';
import { systemClock } from '../../server/src/clock.ts';
import { createEventStream } from '../../server/src/cti/stream/event-stream.ts';
import { registerCtiStream } from '../../server/src/cti/stream/stream.routes.ts';
import { type Actor, registerAccessControl } from '../../server/src/http/access.ts';

// The bench's own server (started by run.ts as a child process, killed and started again): the real
// event stream and WebSocket route, with an access resolver that lets every connection in — the CTI
// engine and its sessions are not what is measured. Never used outside the bench.
// Publishes RATE synthetic CTI events per second, each carrying its publish time (epoch ms, µs
// precision) so clients on the same machine can compute delivery latency.

export type BenchEvent = {
  type: 'agent_state';
  agentId: number;
  state: 'ready' | 'not_ready' | 'talking' | 'wrap_up';
  reason: string | null;
  queue: string;
  /** performance.timeOrigin + performance.now() at publish, in ms. */
  sentAt: number;
};

/** What the server tells run.ts over IPC. */
export type ServerReport =
  | { type: 'ready'; epoch: string; startupMs: number }
  | {
      type: 'stats';
      epoch: string;
      lastSeq: number;
      /** Since the previous stats request: how late publishes were, and how long each fan-out took. */
      lateP99Ms: number;
      lateMaxMs: number;
      fanOutP50Ms: number;
      fanOutP99Ms: number;
      fanOutMaxMs: number;
    };

const port = Number(process.env.PORT);
const rate = Number(process.env.RATE ?? 100);
const agents = Number(process.env.SNAPSHOT_AGENTS ?? 200);
const STATES = ['ready', 'not_ready', 'talking', 'wrap_up'] as const;
const wallNow = () => performance.timeOrigin + performance.now();
const nearestRank = (sorted: Float64Array, p: number) =>
  sorted[Math.max(0, Math.ceil((sorted.length * p) / 100) - 1)] ?? 0;

const stream = createEventStream<BenchEvent>({ clock: systemClock });
const board = new Map<number, BenchEvent>();
for (let agentId = 1; agentId <= agents; agentId++) {
  board.set(agentId, {
    type: 'agent_state',
    agentId,
    state: 'ready',
    reason: null,
    queue: 'GENERAL',
    sentAt: 0,
  });
}
const benchActor = (id: number): Actor => ({
  id,
  employeeNo: String(id),
  name: `bench ${id}`,
  roles: ['team_lead'],
  departmentId: null,
  sessionHash: 'bench',
});

const app = Fastify({ logger: false });
let connections = 0;
registerAccessControl(app, async () => benchActor(++connections));
registerCtiStream(app, {
  stream,
  // A supervisor wall's view: every agent's current state.
  snapshot: () => ({ agents: [...board.values()] }),
  canSee: () => true,
});

// Publishes on a fixed schedule; a late tick catches up. How late each publish was, and how long
// publish() took (it sends to every client synchronously), are recorded.
let lateness: number[] = [];
let fanOut: number[] = [];
let published = 0;
function startPublishing(): void {
  const start = performance.now();
  const tick = () => {
    const due = Math.floor(((performance.now() - start) * rate) / 1000) + 1;
    while (published < due) {
      const dueAt = start + (published * 1000) / rate;
      lateness.push(performance.now() - dueAt);
      const agentId = 1 + (published % agents);
      const state = STATES[published % STATES.length] ?? 'ready';
      const event: BenchEvent = {
        type: 'agent_state',
        agentId,
        state,
        reason: state === 'not_ready' ? '小休' : null,
        queue: 'GENERAL',
        sentAt: wallNow(),
      };
      board.set(agentId, event);
      const t0 = performance.now();
      stream.publish(event);
      fanOut.push(performance.now() - t0);
      published++;
    }
    const next = start + (published * 1000) / rate;
    setTimeout(tick, Math.max(0, next - performance.now()));
  };
  tick();
}

process.on('message', (message: unknown) => {
  if (message !== 'stats') return;
  const late = Float64Array.from(lateness).sort();
  const fan = Float64Array.from(fanOut).sort();
  lateness = [];
  fanOut = [];
  const report: ServerReport = {
    type: 'stats',
    epoch: stream.epoch,
    lastSeq: stream.lastSeq(),
    lateP99Ms: nearestRank(late, 99),
    lateMaxMs: nearestRank(late, 100),
    fanOutP50Ms: nearestRank(fan, 50),
    fanOutP99Ms: nearestRank(fan, 99),
    fanOutMaxMs: nearestRank(fan, 100),
  };
  process.send?.(report);
});
process.on('disconnect', () => process.exit(0));

await app.listen({ port, host: '127.0.0.1' });
startPublishing();
const ready: ServerReport = { type: 'ready', epoch: stream.epoch, startupMs: performance.now() };
process.send?.(ready);
