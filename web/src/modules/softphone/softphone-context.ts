import { createContext } from 'react';
import type { CallBook, CallInfo } from './call-model.ts';
import type { AgentCommand, AgentCommandPath, AgentView } from './softphone-api.ts';

export type SoftphoneContextValue = {
  /** Agents, team leads and duty leads take calls; others have no softphone. */
  takesCalls: boolean;
  /** My CTI status; null when signed out (or not yet known, see `loaded`). */
  agent: AgentView | null;
  loaded: boolean;
  calls: CallBook;
  /** The call I am ringing / talking / holding / wrapping up, if any. */
  currentCall: CallInfo | null;
  /** The command on its way to the server, if any (its button shows a spinner). */
  pending: AgentCommandPath | null;
  /** Sends a command; a refusal is shown as a toast in the user's language. Resolves to success. */
  run(command: AgentCommand): Promise<boolean>;
};

export const SoftphoneContext = createContext<SoftphoneContextValue | null>(null);
