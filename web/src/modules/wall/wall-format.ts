// Durations on the wall: mm:ss under an hour, h:mm:ss above.
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  const mm = String(minutes).padStart(2, '0');
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** Colours per agent state, shared by the tiles, the legend and the donut. */
export const STATE_COLORS = {
  signed_out: '#9ca3af',
  ready: '#16a34a',
  not_ready: '#f59e0b',
  ringing: '#8b5cf6',
  talking: '#1458d6',
  hold: '#db2777',
  after_call_work: '#0891b2',
} as const;
