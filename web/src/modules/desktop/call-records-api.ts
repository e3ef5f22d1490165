import { apiJson } from '../../api/client.ts';

// GET /api/cdrs: an agent reads the calls they took part in, newest first (docs/cti.md).

export type CdrRow = {
  callId: string;
  direction: 'inbound' | 'outbound' | 'internal';
  callerNumber: string;
  calledNumber: string;
  startedAt: string;
  talkMs: number;
  disposition: 'answered' | 'abandoned' | 'unanswered' | 'transferred_out' | 'failed';
  recordings: { recordingId: string; durationMs: number }[];
};

export type CdrPage = { items: CdrRow[]; total: number; page: number; pageSize: number };

export function fetchMyCdrs(page: number, pageSize: number, agentId: number | null): Promise<CdrPage> {
  const query = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  if (agentId !== null) query.set('agentId', String(agentId));
  return apiJson<CdrPage>(`/api/cdrs?${query}`);
}

export function recordingUrl(callId: string, recordingId: string): string {
  return `/api/cdrs/${encodeURIComponent(callId)}/recordings/${encodeURIComponent(recordingId)}`;
}
