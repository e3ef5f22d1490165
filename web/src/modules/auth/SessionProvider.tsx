import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { isApiRequestError } from '../../api/api-error.ts';
import * as authApi from '../../api/auth-api.ts';
import { onSessionExpired } from '../../api/client.ts';
import { SessionContext, type SessionContextValue, type SessionState } from './session-context.ts';
import { clearSessionMarker, hadSession, markSessionActive } from './session-marker.ts';

/** How often, at most, returning to the tab re-checks the session with the server. */
const RECHECK_INTERVAL_MS = 60_000;

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const lastCheckRef = useRef(0);

  const expire = useCallback(() => {
    clearSessionMarker();
    setState((current) =>
      current.status === 'authenticated' ? { status: 'anonymous', expired: true, loggedOut: false } : current,
    );
  }, []);

  // First "who am I" check (and again on retry).
  useEffect(() => {
    void attempt;
    const controller = new AbortController();
    authApi
      .fetchMe(controller.signal)
      .then((user) => {
        markSessionActive();
        lastCheckRef.current = Date.now();
        setState({ status: 'authenticated', user });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (isApiRequestError(error) && error.status === 401) {
          const expired = hadSession();
          clearSessionMarker();
          setState({ status: 'anonymous', expired, loggedOut: false });
        } else {
          setState({
            status: 'unavailable',
            message: error instanceof Error ? error.message : String(error),
          });
        }
      });
    return () => controller.abort();
  }, [attempt]);

  // Any signed-in API call answering 401 means the server dropped the session.
  useEffect(() => onSessionExpired(expire), [expire]);

  // Coming back to the tab after a while: ask the server whether the session is still alive, so an
  // idle-timed-out session is noticed without the user having to click something first.
  const authenticated = state.status === 'authenticated';
  useEffect(() => {
    if (!authenticated) return;
    const recheck = () => {
      if (document.visibilityState !== 'visible') return;
      if (Date.now() - lastCheckRef.current < RECHECK_INTERVAL_MS) return;
      lastCheckRef.current = Date.now();
      authApi.fetchMe().then(
        (user) =>
          setState((current) => (current.status === 'authenticated' ? { ...current, user } : current)),
        (error: unknown) => {
          if (isApiRequestError(error) && error.status === 401) expire();
        },
      );
    };
    window.addEventListener('focus', recheck);
    document.addEventListener('visibilitychange', recheck);
    return () => {
      window.removeEventListener('focus', recheck);
      document.removeEventListener('visibilitychange', recheck);
    };
  }, [authenticated, expire]);

  const login = useCallback(async (employeeNo: string, password: string) => {
    const user = await authApi.login({ employeeNo, password });
    markSessionActive();
    lastCheckRef.current = Date.now();
    setState({ status: 'authenticated', user });
  }, []);

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } catch (error) {
      // 401: the session was already gone, which is what we wanted.
      if (!(isApiRequestError(error) && error.status === 401)) throw error;
    }
    clearSessionMarker();
    setState({ status: 'anonymous', expired: false, loggedOut: true });
  }, []);

  const passwordChanged = useCallback(() => {
    setState((current) =>
      current.status === 'authenticated'
        ? { status: 'authenticated', user: { ...current.user, mustChangePassword: false } }
        : current,
    );
  }, []);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo<SessionContextValue>(
    () => ({ state, login, logout, expire, passwordChanged, retry }),
    [state, login, logout, expire, passwordChanged, retry],
  );

  return <SessionContext value={value}>{children}</SessionContext>;
}
