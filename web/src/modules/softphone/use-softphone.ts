import { useContext } from 'react';
import { SoftphoneContext, type SoftphoneContextValue } from './softphone-context.ts';

export function useSoftphone(): SoftphoneContextValue {
  const value = useContext(SoftphoneContext);
  if (!value) throw new Error('useSoftphone must be used inside <SoftphoneProvider>');
  return value;
}
