import { parentPort, workerData } from 'node:worker_threads';
import { type Backoff, ClientFleet, type FleetCounters, type MeasureWindow } from './clients.ts';

// One worker thread's share of the clients, so receiving 100,000 frames a second is not limited to
// one core. Driven by worker-fleet.ts over messages.

export type WorkerSetup = { url: string; clients: number; backoff: Backoff; concurrency: number };

export type ToWorker =
  | { type: 'connect' }
  | { type: 'window'; window: MeasureWindow }
  | { type: 'counters' }
  | { type: 'results' }
  | { type: 'stop' };

export type FromWorker =
  | { type: 'synced'; epoch: string; at: number }
  | { type: 'connected' }
  | { type: 'counters'; counters: FleetCounters }
  | {
      type: 'results';
      latency: { buckets: Uint32Array; count: number; max: number };
      missing: number;
      duplicated: number;
      clientsShort: number;
    };

const port = parentPort;
if (!port) throw new Error('client-worker.ts runs as a worker thread');
const setup = workerData as WorkerSetup;
const post = (message: FromWorker) => port.postMessage(message);
const fleet = new ClientFleet(setup.url, setup.clients, setup.backoff, (epoch, at) =>
  post({ type: 'synced', epoch, at }),
);

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'connect':
      void fleet.connectAll(setup.concurrency).then(() => post({ type: 'connected' }));
      break;
    case 'window':
      fleet.startWindow(message.window);
      break;
    case 'counters':
      post({ type: 'counters', counters: fleet.resetCounters() });
      break;
    case 'results': {
      const { buckets, count, max } = fleet.latency;
      post({ type: 'results', latency: { buckets, count, max }, ...fleet.missingInWindow() });
      break;
    }
    case 'stop':
      fleet.stop();
      port.close();
      break;
  }
});
