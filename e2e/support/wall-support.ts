// API helpers for the supervisor wall suite (实时监控, SUP-7): the simulated traffic switch, the live
// snapshot and the audit trail. Types cover only the fields the suite reads.

export interface TrafficProfile {
  seed: number;
  accessCodes: { code: string; callsPerHour: number; ivrScripts?: { name: string }[] }[];
  allBusy?: { callbackShare: number; voicemailShare: number };
  talkTime: { medianMs: number; sigma: number };
  patience: { medianMs: number; sigma: number };
  [key: string]: unknown;
}

export interface SnapshotAgent {
  agentId: number;
  employeeNo: string;
  state: string;
  callId: string | null;
}

export interface Snapshot {
  agents: SnapshotAgent[];
  calls: { callId: string; agentIds: number[] }[];
  lines: { callId: string; role: string; number: string; connected: boolean }[];
}

export interface AuditEventRow {
  action: string;
  actorEmployeeNo: string | null;
  objectType: string;
  objectId: string | null;
  detail: Record<string, unknown>;
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

export async function trafficProfile(baseUrl: string, adminCookie: string): Promise<TrafficProfile> {
  const { profile } = await call<{ profile: TrafficProfile }>(baseUrl, adminCookie, '/api/cti/traffic');
  return profile;
}

/** Switches the simulated traffic on or off (admin). */
export async function setTraffic(
  baseUrl: string,
  adminCookie: string,
  running: boolean,
  profile?: TrafficProfile,
): Promise<void> {
  await call(baseUrl, adminCookie, '/api/cti/traffic', {
    method: 'PUT',
    body: JSON.stringify(profile ? { running, profile } : { running }),
  });
}

/** The live picture as the server has it now (team lead, duty lead, QA or admin). */
export function snapshot(baseUrl: string, cookie: string): Promise<Snapshot> {
  return call<Snapshot>(baseUrl, cookie, '/api/cti/snapshot');
}

/** Audit events with this action, newest first (admin). */
export async function auditEvents(
  baseUrl: string,
  adminCookie: string,
  action: string,
): Promise<AuditEventRow[]> {
  const query = new URLSearchParams({ action, pageSize: '100' });
  const page = await call<{ items: AuditEventRow[] }>(baseUrl, adminCookie, `/api/audit/events?${query}`);
  return page.items;
}
