import type { Me } from '@switchboard/shared';
import { createContext } from 'react';

export type SessionState =
  | { status: 'loading' }
  /** The first "who am I" check failed for a reason other than 401 (server down, 5xx). */
  | { status: 'unavailable'; message: string }
  /** Nobody is signed in. `expired` is true when a session ended by timeout rather than sign-out. */
  | { status: 'anonymous'; expired: boolean; loggedOut: boolean }
  | { status: 'authenticated'; user: Me };

export interface SessionContextValue {
  state: SessionState;
  /** Signs in; rejects with `ApiRequestError` (401 wrong credentials, 429 locked out, …). */
  login: (employeeNo: string, password: string) => Promise<void>;
  /** Signs out on the server and locally. */
  logout: () => Promise<void>;
  /** Marks the session as expired: the app goes back to the sign-in page with a notice. */
  expire: () => void;
  /** Records that the password was changed (clears `mustChangePassword`). */
  passwordChanged: () => void;
  /** Re-runs the "who am I" check (after `unavailable`). */
  retry: () => void;
}

export const SessionContext = createContext<SessionContextValue | null>(null);
