import type { ActiveFaultAlarms, FaultAlarmEvent } from '@switchboard/shared';
import { apiJson, apiVoid } from '../../api/client.ts';

export const fetchActiveFaultAlarms = (signal?: AbortSignal) =>
  apiJson<ActiveFaultAlarms>('/api/fault-alarms/active', signal ? { signal } : {});
export const fetchFaultAlarmEvents = (page: number, pageSize: number) =>
  apiJson<{ items: FaultAlarmEvent[]; total: number }>(
    `/api/fault-alarms/events?page=${page}&pageSize=${pageSize}`,
  );
export const acknowledgeFaultAlarm = (areaId: number) =>
  apiVoid(`/api/fault-alarms/${areaId}/acknowledge`, { method: 'POST' });
