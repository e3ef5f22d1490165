// Direct calls to the server's HTTP API (no browser), for setting up data and checking what the
// server recorded. Types cover only the fields the suites read.

export const DEMO_PASSWORD = 'Demo@2026';
const SESSION_COOKIE = 'sb_session';

export interface LoginLogRow {
  id: string;
  at: string;
  event: 'login' | 'logout';
  loginName: string;
  staffName: string | null;
  ip: string;
  userAgent: string;
  result: 'success' | 'failure' | 'refused';
  reason: string | null;
}

interface Page<T> {
  items: T[];
  total: number;
}

async function expectOk(response: Response, what: string): Promise<void> {
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`);
}

/** One JSON request with a session cookie; fails with the server's answer unless it is 2xx. */
export async function api<T>(
  baseUrl: string,
  cookie: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      Cookie: cookie,
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

/** Signs in through the API and returns the `Cookie` header value of the new session. */
export async function apiLogin(baseUrl: string, employeeNo: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ employeeNo, password }),
  });
  await expectOk(response, `API login as ${employeeNo}`);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0] ?? '')
    .find((pair) => pair.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error(`API login as ${employeeNo}: no ${SESSION_COOKIE} cookie in the answer`);
  return cookie;
}

/** Login log rows (newest first) for one login name; needs an admin session. */
export async function loginLog(
  baseUrl: string,
  adminCookie: string,
  loginName: string,
): Promise<LoginLogRow[]> {
  const query = new URLSearchParams({ loginName, pageSize: '100' });
  const response = await fetch(`${baseUrl}/api/audit/logins?${query}`, {
    headers: { Cookie: adminCookie, Accept: 'application/json' },
  });
  await expectOk(response, `login log for ${loginName}`);
  const page = (await response.json()) as Page<LoginLogRow>;
  return page.items;
}

export interface NewStaff {
  employeeNo: string;
  name: string;
  roles: string[];
  password: string;
}

/** Creates a staff member (who must change the password at first sign-in); needs an admin session. */
export async function createStaff(baseUrl: string, adminCookie: string, staff: NewStaff): Promise<void> {
  const response = await fetch(`${baseUrl}/api/staff`, {
    method: 'POST',
    headers: { Cookie: adminCookie, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(staff),
  });
  await expectOk(response, `create staff ${staff.employeeNo}`);
}
