// API helpers for the agent desktop suite: ringing one call at the signed-in agent through the
// simulated traffic switch (there is no endpoint that places one given call yet).

async function putTraffic(baseUrl: string, adminCookie: string, body: unknown): Promise<void> {
  const response = await fetch(`${baseUrl}/api/cti/traffic`, {
    method: 'PUT',
    headers: { Cookie: adminCookie, Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`PUT /api/cti/traffic: HTTP ${response.status} ${await response.text()}`);
}

/**
 * Starts a burst of calls on access code 1000 (综合): about one a second, callers who wait and talk
 * for ten minutes, so the first call is still there when the test answers it. Stop it with
 * `stopCalls` as soon as a call rings.
 */
/**
 * Calls on 1000 at a brisk rate. The demo IVR answers 1000 first (IVR-1): every caller presses
 * `ivrDigits` (default '0', a human) about 1.5 s after the answer, so calls still reach agents.
 */
export function startCalls(
  baseUrl: string,
  adminCookie: string,
  opts: { ivrDigits?: string[] } = {},
): Promise<void> {
  return putTraffic(baseUrl, adminCookie, {
    running: true,
    profile: {
      seed: 2026,
      accessCodes: [{ code: '1000', callsPerHour: 3600 }],
      vipShare: 0,
      vipNumbers: [],
      patience: { medianMs: 600_000, sigma: 0.1 },
      talkTime: { medianMs: 600_000, sigma: 0.1 },
      ivrDigits: { probability: 1, digits: opts.ivrDigits ?? ['0'] },
    },
  });
}

export function stopCalls(baseUrl: string, adminCookie: string): Promise<void> {
  return putTraffic(baseUrl, adminCookie, { running: false });
}
