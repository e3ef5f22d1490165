import { describe, expect, it } from 'vitest';
import { latestView } from './agent-view.ts';
import type { AgentView } from './softphone-api.ts';

// The softphone learns its state from the live stream and from each command's answer; whichever
// arrives last must not take the agent back to an older state.

const view = (state: AgentView['state'], since: string, patch: Partial<AgentView> = {}): AgentView => ({
  id: 1,
  employeeNo: '1001',
  state,
  since,
  notReadyReason: null,
  callId: 'c1',
  extension: '8001',
  autoAnswer: false,
  forwardTo: null,
  skills: [],
  wrapUpDeadline: null,
  ...patch,
});

describe('the softphone keeps the newest state (UI-8)', () => {
  it("keeps 通话 from the stream when the 应答 request's answer (still 振铃) arrives after it", () => {
    const talking = view('talking', '2026-11-22T08:00:05.000Z');
    const lateAnswer = view('ringing', '2026-11-22T08:00:01.000Z', { autoAnswer: true });
    const result = latestView(talking, lateAnswer);
    expect(result?.state).toBe('talking');
    // Settings the answer carries are still taken.
    expect(result?.autoAnswer).toBe(true);
  });

  it('takes a newer or equally new view', () => {
    const ready = view('ready', '2026-11-22T08:00:00.000Z');
    const talking = view('talking', '2026-11-22T08:00:05.000Z');
    expect(latestView(ready, talking)).toBe(talking);
    expect(latestView(talking, { ...talking, autoAnswer: true })?.autoAnswer).toBe(true);
  });

  it('takes the view when there was none, and none when signed out of the CTI', () => {
    const ready = view('ready', '2026-11-22T08:00:00.000Z');
    expect(latestView(null, ready)).toBe(ready);
    expect(latestView(ready, null)).toBeNull();
  });
});
