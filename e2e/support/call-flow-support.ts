// API helpers for the end-to-end call story and the announcement area: placing one simulated
// customer call, publishing announcements, and the live snapshot with the call legs the suites read.

export interface FlowSnapshot {
  agents: { agentId: number; employeeNo: string; state: string; callId: string | null }[];
  calls: { callId: string; callerNumber?: string; agentIds: number[] }[];
  lines: {
    callId: string;
    role: string;
    number: string;
    connected: boolean;
    staffId?: number | null;
    [key: string]: unknown;
  }[];
}

async function call<T>(baseUrl: string, cookie: string, path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    ...init,
    headers: { Cookie: cookie, Accept: 'application/json', 'Content-Type': 'application/json' },
  });
  if (!response.ok)
    throw new Error(`${init.method ?? 'GET'} ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Places one simulated customer call from `callerNumber` to `accessCode` (admin). */
export async function placeCall(
  baseUrl: string,
  adminCookie: string,
  callerNumber: string,
  accessCode: string,
): Promise<string> {
  const { channelId } = await call<{ channelId: string }>(baseUrl, adminCookie, '/api/cti/traffic/call', {
    method: 'POST',
    body: JSON.stringify({ callerNumber, accessCode }),
  });
  return channelId;
}

/** The live picture as the server has it now (team lead, duty lead, QA or admin). */
export function flowSnapshot(baseUrl: string, cookie: string): Promise<FlowSnapshot> {
  return call<FlowSnapshot>(baseUrl, cookie, '/api/cti/snapshot');
}

export interface NewAnnouncement {
  title: string;
  body: string;
  urgent: boolean;
}

/** Publishes an announcement for everyone, valid from now on (admin); returns its id. */
export async function publishForAll(
  baseUrl: string,
  adminCookie: string,
  announcement: NewAnnouncement,
): Promise<number> {
  const created = await call<{ id: number }>(baseUrl, adminCookie, '/api/announcements', {
    method: 'POST',
    body: JSON.stringify({ ...announcement, validFrom: new Date().toISOString(), audience: 'all' }),
  });
  return created.id;
}
