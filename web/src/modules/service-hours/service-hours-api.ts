import type {
  ServiceCalendar,
  ServiceCalendarInput,
  ServiceHoursOverview,
  ServiceHoursStatus,
} from '@switchboard/shared';
import { apiJson, apiVoid } from '../../api/client.ts';

const SH = '/api/service-hours';

/** null: the centre default; a number: that skill group's own calendar. */
export type CalendarScope = number | null;
const pathOf = (scope: CalendarScope) => (scope === null ? `${SH}/center` : `${SH}/skill-groups/${scope}`);

export const fetchServiceHours = () => apiJson<ServiceHoursOverview>(SH);
export const fetchServiceHoursStatus = (signal?: AbortSignal) =>
  apiJson<ServiceHoursStatus>(`${SH}/status`, signal ? { signal } : {});
export const saveCalendar = (scope: CalendarScope, input: ServiceCalendarInput) =>
  apiJson<ServiceCalendar>(pathOf(scope), { method: 'PUT', body: input });
export const deleteCalendar = (scope: CalendarScope) => apiVoid(pathOf(scope), { method: 'DELETE' });
