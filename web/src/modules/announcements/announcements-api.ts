import type { MyAnnouncements } from '@switchboard/shared';
import { apiJson, apiVoid } from '../../api/client.ts';

export const ANNOUNCEMENTS_PATH = '/api/announcements';

export const fetchMyAnnouncements = (signal?: AbortSignal) =>
  apiJson<MyAnnouncements>(`${ANNOUNCEMENTS_PATH}/mine`, signal ? { signal } : {});

export const markAnnouncementRead = (id: number) =>
  apiVoid(`${ANNOUNCEMENTS_PATH}/${id}/read`, { method: 'POST' });
