import type { ChangePasswordRequest, LoginRequest, Me, MeResponse } from '@switchboard/shared';
import { apiJson, apiVoid } from './client.ts';

export async function login(request: LoginRequest): Promise<Me> {
  const { user } = await apiJson<MeResponse>('/api/auth/login', {
    method: 'POST',
    body: request,
    sessionRequired: false,
  });
  return user;
}

export function logout(): Promise<void> {
  return apiVoid('/api/auth/logout', { method: 'POST', sessionRequired: false });
}

/** Who is signed in; rejects with a 401 `ApiRequestError` when nobody is. */
export async function fetchMe(signal?: AbortSignal): Promise<Me> {
  const options = signal ? { sessionRequired: false, signal } : { sessionRequired: false };
  const { user } = await apiJson<MeResponse>('/api/auth/me', options);
  return user;
}

/**
 * Changes the signed-in user's password. A 401 here is ambiguous (wrong current password or
 * expired session), so the caller decides; the global session-expired handler is not told.
 */
export function changePassword(request: ChangePasswordRequest): Promise<void> {
  return apiVoid('/api/auth/password', { method: 'POST', body: request, sessionRequired: false });
}
