import type { CtiEvent } from '../../server/src/cti/engine/cti-types.ts';
import { percentile } from '../lib/stats.ts';

// Wall-clock timing of the engine's published events (performance.now() taken inside `publish`).
//
// Routing latency of an offer = offer − max(call queued, offered agent became ready): the time the
// ACD took once the call and the agent could meet. `agent_freed` offers are those where the agent
// became ready after the call was queued (the steady state: a queue is waiting, an agent frees up);
// `call_arrived` offers are calls that found a free agent already ready.
// Wait = offer − call queued: the raw enqueue→offer time, queueing included.

export type Trigger = 'agent_freed' | 'call_arrived';

export type Distribution = {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
};

export function distribution(values: readonly number[]): Distribution {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? (sorted[sorted.length - 1] ?? Number.NaN) : Number.NaN,
    mean: sorted.length ? sum / sorted.length : Number.NaN,
  };
}

export class RoutingTracker {
  readonly #queuedAt = new Map<string, number>();
  readonly #readyAt = new Map<number, number>();
  /** Only offers made while `recording` is on are kept (the measured window). */
  recording = false;
  readonly routingMs: number[] = [];
  readonly routingByTrigger: Record<Trigger, number[]> = { agent_freed: [], call_arrived: [] };
  readonly waitMs: number[] = [];
  readonly counts = {
    started: 0,
    queued: 0,
    offered: 0,
    offerFailed: 0,
    answered: 0,
    announcements: 0,
    ended: 0,
    events: 0,
  };
  readonly endedByCause = new Map<string, number>();

  on(event: CtiEvent, now: number): void {
    this.counts.events++;
    switch (event.type) {
      case 'call_started':
        this.counts.started++;
        return;
      case 'call_queued':
        this.counts.queued++;
        this.#queuedAt.set(event.callId, now);
        return;
      case 'agent_state':
        if (event.state === 'ready') this.#readyAt.set(event.agentId, now);
        else this.#readyAt.delete(event.agentId);
        return;
      case 'call_offered': {
        this.counts.offered++;
        const queued = this.#queuedAt.get(event.callId);
        this.#queuedAt.delete(event.callId);
        // The offer is published just before the agent leaves `ready`, so its ready time is still here.
        const ready = this.#readyAt.get(event.agentId);
        if (!this.recording || queued === undefined) return;
        this.waitMs.push(now - queued);
        const trigger: Trigger = ready !== undefined && ready > queued ? 'agent_freed' : 'call_arrived';
        const latency = now - Math.max(queued, ready ?? queued);
        this.routingMs.push(latency);
        this.routingByTrigger[trigger].push(latency);
        return;
      }
      case 'offer_failed':
        this.counts.offerFailed++;
        return;
      case 'queue_announcement':
        this.counts.announcements++;
        return;
      case 'call_answered':
        this.counts.answered++;
        return;
      case 'call_ended':
        this.counts.ended++;
        this.#queuedAt.delete(event.callId);
        this.endedByCause.set(event.cause, (this.endedByCause.get(event.cause) ?? 0) + 1);
        return;
      default:
        return;
    }
  }
}
