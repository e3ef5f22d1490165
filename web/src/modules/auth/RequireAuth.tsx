import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { SessionPending } from './SessionPending.tsx';
import { useSession } from './use-session.ts';

/** Renders `children` only for a signed-in user; everyone else goes to /login. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const location = useLocation();

  if (state.status === 'authenticated') return children;
  if (state.status === 'anonymous') {
    const from = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to="/login" replace state={{ from }} />;
  }
  return <SessionPending state={state} />;
}
