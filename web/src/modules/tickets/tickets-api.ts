import type {
  FeedbackLog,
  Ticket,
  TicketDetail,
  TicketInput,
  TicketScope,
  TicketSummary,
  TicketWorkflow,
} from '@switchboard/shared';
import { apiJson } from '../../api/client.ts';

export const TICKETS_PATH = '/api/tickets';

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
const query = (params: Record<string, string | number | undefined>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  return q.toString();
};

export const listTickets = (scope: TicketScope, params: Record<string, string | number | undefined> = {}) =>
  apiJson<Page<Ticket>>(`${TICKETS_PATH}?${query({ scope, pageSize: 100, ...params })}`);
export const getTicket = (id: number) => apiJson<TicketDetail>(`${TICKETS_PATH}/${id}`);
export const createTicket = (body: TicketInput) =>
  apiJson<TicketDetail>(TICKETS_PATH, { method: 'POST', body });
export const ticketCommand = (id: number, action: string, body: Record<string, unknown>) =>
  apiJson<TicketDetail>(`${TICKETS_PATH}/${id}/${action}`, { method: 'POST', body });
export const customerTickets = (customerId: number) =>
  apiJson<{ items: Ticket[] }>(`${TICKETS_PATH}/customer/${customerId}`);
export const listWorkflows = () => apiJson<{ items: TicketWorkflow[] }>(`${TICKETS_PATH}/workflows`);
export const updateWorkflow = (
  id: number,
  body: { reviewDepartmentId: number | null; defaultDeadlineHours: number },
) => apiJson<TicketWorkflow>(`${TICKETS_PATH}/workflows/${id}`, { method: 'PUT', body });
export const ticketSummary = (params: Record<string, string | undefined>) =>
  apiJson<TicketSummary>(`${TICKETS_PATH}/reports/summary?${query(params)}`);
export const feedbackLog = (period: string, date: string) =>
  apiJson<FeedbackLog>(`${TICKETS_PATH}/reports/feedback-log?${query({ period, date })}`);
export const feedbackLogExportUrl = (period: string, date: string) =>
  `${TICKETS_PATH}/reports/feedback-log/export?${query({ period, date })}`;

export type DepartmentOption = { id: number; name: string };
export const listDepartments = async (): Promise<DepartmentOption[]> =>
  (await apiJson<Page<DepartmentOption>>('/api/departments?pageSize=200')).items;

export type CustomerPrefill = {
  id: number;
  name: string;
  gender: 'male' | 'female' | 'unknown';
  phones: string[];
  cardNo: string | null;
};
export const getCustomerPrefill = (id: number) => apiJson<CustomerPrefill>(`/api/customers/${id}`);
