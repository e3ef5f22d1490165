import { useContext } from 'react';
import { LiveContext, type LiveContextValue } from './live-context.ts';

export function useLive(): LiveContextValue {
  const value = useContext(LiveContext);
  if (!value) throw new Error('useLive must be used inside <LiveProvider>');
  return value;
}
