import { Worker } from 'node:worker_threads';
import type { FromWorker, ToWorker, WorkerSetup } from './client-worker.ts';
import { type Backoff, type FleetCounters, LatencyHistogram, type MeasureWindow } from './clients.ts';

// The bench's clients spread over worker threads; the same questions as one ClientFleet, summed.

// tsx's loader is not inherited by worker threads on Node 20: each worker registers it first.
const WORKER_BOOTSTRAP = `import('tsx/esm/api')
  .then(({ register }) => { register(); return import(${JSON.stringify(new URL('./client-worker.ts', import.meta.url).href)}); })`;

export type FleetResults = {
  latency: LatencyHistogram;
  missing: number;
  duplicated: number;
  clientsShort: number;
};

export class WorkerFleet {
  /** Wall-clock times (ms) of every snapshot or replay received, per epoch. */
  readonly syncTimes = new Map<string, number[]>();
  private readonly workers: Worker[];
  private waiters: { epoch: string; count: number; resolve: () => void }[] = [];

  constructor(
    url: string,
    readonly size: number,
    backoff: Backoff,
    threads: number,
  ) {
    this.workers = Array.from({ length: threads }, (_, i) => {
      const clients = Math.floor(size / threads) + (i < size % threads ? 1 : 0);
      const setup: WorkerSetup = { url, clients, backoff, concurrency: Math.ceil(100 / threads) };
      const worker = new Worker(WORKER_BOOTSTRAP, { eval: true, workerData: setup });
      worker.on('message', (m: FromWorker) => {
        if (m.type === 'synced') this.noteSynced(m.epoch, m.at);
      });
      worker.on('error', (err) => {
        console.error('client worker failed', err);
        process.exit(1);
      });
      return worker;
    });
  }

  async connectAll(): Promise<void> {
    await this.ask({ type: 'connect' }, 'connected');
  }

  /** Starts a new measured window in every worker, forgetting the previous one's figures. */
  startWindow(window: MeasureWindow): void {
    for (const w of this.workers) w.postMessage({ type: 'window', window } satisfies ToWorker);
  }

  /** Resolves once `count` clients have received a snapshot or replay in `epoch`. */
  syncedIn(epoch: string, count = this.size): Promise<void> {
    if (this.syncedCount(epoch) >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ epoch, count, resolve }));
  }

  syncedCount(epoch: string): number {
    return this.syncTimes.get(epoch)?.length ?? 0;
  }

  /** The counters since the previous call, summed over the workers. */
  async takeCounters(): Promise<FleetCounters> {
    const replies = await this.ask({ type: 'counters' }, 'counters');
    const sum: FleetCounters = { events: 0, gaps: 0, snapshots: 0, replays: 0, closes: 0, connectErrors: 0 };
    for (const { counters } of replies) {
      for (const key of Object.keys(sum) as (keyof FleetCounters)[]) sum[key] += counters[key];
    }
    return sum;
  }

  async results(): Promise<FleetResults> {
    const replies = await this.ask({ type: 'results' }, 'results');
    const latency = new LatencyHistogram();
    let missing = 0;
    let duplicated = 0;
    let clientsShort = 0;
    for (const r of replies) {
      latency.merge(r.latency);
      missing += r.missing;
      duplicated += r.duplicated;
      clientsShort += r.clientsShort;
    }
    return { latency, missing, duplicated, clientsShort };
  }

  async stop(): Promise<void> {
    for (const w of this.workers) w.postMessage({ type: 'stop' } satisfies ToWorker);
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private noteSynced(epoch: string, at: number): void {
    const times = this.syncTimes.get(epoch) ?? [];
    times.push(at);
    this.syncTimes.set(epoch, times);
    this.waiters = this.waiters.filter((w) => {
      if (w.epoch !== epoch || times.length < w.count) return true;
      w.resolve();
      return false;
    });
  }

  private ask<T extends FromWorker['type']>(
    message: ToWorker,
    reply: T,
  ): Promise<Extract<FromWorker, { type: T }>[]> {
    return Promise.all(
      this.workers.map(
        (worker) =>
          new Promise<Extract<FromWorker, { type: T }>>((resolve) => {
            const onMessage = (m: FromWorker) => {
              if (m.type !== reply) return;
              worker.off('message', onMessage);
              resolve(m as Extract<FromWorker, { type: T }>);
            };
            worker.on('message', onMessage);
            worker.postMessage(message);
          }),
      ),
    );
  }
}
