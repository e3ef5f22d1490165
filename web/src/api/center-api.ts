import { apiJson } from './client.ts';

export interface CenterInfo {
  name: string;
}

export function fetchCenter(signal?: AbortSignal): Promise<CenterInfo> {
  return apiJson<CenterInfo>(
    '/api/center',
    signal ? { sessionRequired: false, signal } : { sessionRequired: false },
  );
}
