import { useContext } from 'react';
import { CenterContext, type CenterContextValue } from './center-context.ts';

export function useCenter(): CenterContextValue {
  return useContext(CenterContext);
}
