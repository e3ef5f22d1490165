import { createContext } from 'react';

export interface CenterContextValue {
  /** The center's display name, or null until `/api/center` answered (or if it failed). */
  name: string | null;
}

export const CenterContext = createContext<CenterContextValue>({ name: null });
