import type { IvrLogEvent } from '@switchboard/shared';
import { describe, expect, it } from 'vitest';
import { type AnalyticsLogRow, journeyAnalytics } from './journey-analytics.ts';

// A small data set computed by hand (IVR-6): three calls through menu → bill / human.
const nodes = [
  { id: 'menu', name: '主菜单', type: 'menu' as const },
  { id: 'bill', name: '报读话费', type: 'readout' as const },
  { id: 'human', name: '转人工', type: 'transfer' as const },
];
const T0 = Date.UTC(2026, 0, 5, 9);
function call(
  callId: string,
  rows: [number, string, IvrLogEvent, Record<string, unknown>?][],
): AnalyticsLogRow[] {
  return rows.map(([sec, nodeId, event, detail], seq) => ({
    callId,
    seq,
    at: new Date(T0 + sec * 1000),
    nodeId,
    event,
    detail: detail ?? {},
  }));
}
const logs = [
  // A: menu 4 s, key 1, bill 10 s, hung up satisfied
  ...call('A', [
    [0, 'menu', 'node_enter'],
    [4, 'menu', 'node_exit', { reason: 'digits_collected' }],
    [4, 'bill', 'node_enter'],
    [14, 'bill', 'caller_hangup'],
    [14, 'bill', 'node_exit', { reason: 'caller_hangup' }],
  ]),
  // B: menu timeout, error prompt, then key → human after 12 s
  ...call('B', [
    [0, 'menu', 'node_enter'],
    [5, 'menu', 'timeout'],
    [5, 'menu', 'error_prompt'],
    [12, 'menu', 'node_exit', { reason: 'human_key' }],
  ]),
  // C: hung up in the menu after 2 s
  ...call('C', [
    [0, 'menu', 'node_enter'],
    [2, 'menu', 'node_exit', { reason: 'caller_hangup' }],
  ]),
  // D: menu 6 s, → human node
  ...call('D', [
    [0, 'menu', 'node_enter'],
    [6, 'menu', 'node_exit', { reason: 'digits_collected' }],
    [6, 'human', 'node_enter'],
    [6, 'human', 'node_exit', { reason: 'done' }],
  ]),
];
const sessions = [
  { callId: 'A', service: 'bill', exitClass: 'self_served' as const },
  { callId: 'B', service: null, exitClass: 'transferred_agent' as const },
  { callId: 'C', service: null, exitClass: 'abandoned_ivr' as const },
  { callId: 'D', service: 'bill', exitClass: 'abandoned_queue' as const },
];

describe('IVR-6 journey analytics against a hand-computed data set', () => {
  const a = journeyAnalytics(nodes, sessions, logs);
  it('per node: visits, exits by reason, timeouts, errors, abandon rate, mean time', () => {
    expect(a.nodes.find((n) => n.nodeId === 'menu')).toEqual({
      nodeId: 'menu',
      name: '主菜单',
      type: 'menu',
      visits: 4,
      exits: { digits_collected: 2, human_key: 1, caller_hangup: 1 },
      timeouts: 1,
      errors: 1,
      abandons: 1,
      abandonRate: 0.25,
      meanTimeMs: 6000, // (4 + 12 + 2 + 6) / 4
    });
    expect(a.nodes.find((n) => n.nodeId === 'bill')).toMatchObject({
      visits: 1,
      abandons: 1,
      abandonRate: 1,
      meanTimeMs: 10000,
    });
    expect(a.nodes.find((n) => n.nodeId === 'human')).toMatchObject({
      visits: 1,
      abandons: 0,
      meanTimeMs: 0,
    });
  });
  it('per service: self-service and transfer rates; exits by class; links for the sankey', () => {
    expect(a.calls).toBe(4);
    expect(a.exits).toEqual({ self_served: 1, transferred_agent: 1, abandoned_ivr: 1, abandoned_queue: 1 });
    expect(a.services).toEqual([
      { service: 'bill', calls: 2, selfServed: 1, transferred: 1, selfServiceRate: 0.5, transferRate: 0.5 },
    ]);
    expect(a.links).toEqual([
      { source: 'menu', target: 'bill', value: 1 },
      { source: 'menu', target: 'human', value: 1 },
    ]);
  });
});
