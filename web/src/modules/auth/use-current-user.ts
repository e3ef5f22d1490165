import type { Me } from '@switchboard/shared';
import { useSession } from './use-session.ts';

/** The signed-in user. Only call below <RequireAuth>. */
export function useCurrentUser(): Me {
  const { state } = useSession();
  if (state.status !== 'authenticated') throw new Error('useCurrentUser called without a signed-in user');
  return state.user;
}
