import type {
  Customer,
  CustomerInput,
  CustomerSaved,
  CustomerUpdate,
  CustomFieldDef,
  DuplicateGroup,
  ImportJob,
  TimelineItem,
} from '@switchboard/shared';
import { apiJson } from '../../api/client.ts';
import { getCurrentLocale } from '../../i18n/locale-store.ts';

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
const BASE = '/api/customers';

export const fetchCustomers = (q: string, page: number, pageSize = 20) =>
  apiJson<Page<Customer>>(`${BASE}?page=${page}&pageSize=${pageSize}&q=${encodeURIComponent(q)}`);
export const fetchCustomer = (id: number) => apiJson<CustomerSaved>(`${BASE}/${id}`);
export const fetchCustomerByPhone = (phone: string) =>
  apiJson<Customer>(`${BASE}/by-phone?phone=${encodeURIComponent(phone)}`);
export const createCustomer = (body: Partial<CustomerInput>) =>
  apiJson<CustomerSaved>(BASE, { method: 'POST', body });
export const updateCustomer = (id: number, body: CustomerUpdate) =>
  apiJson<CustomerSaved>(`${BASE}/${id}`, { method: 'PATCH', body });
export const fetchTimeline = (id: number, pageSize = 20) =>
  apiJson<Page<TimelineItem>>(`${BASE}/${id}/timeline?pageSize=${pageSize}`);
export const fetchFieldDefs = () => apiJson<{ items: CustomFieldDef[] }>(`${BASE}/fields`);
export const defineField = (body: Omit<CustomFieldDef, 'id'>) =>
  apiJson<CustomFieldDef>(`${BASE}/fields`, { method: 'POST', body });
export const fetchDuplicates = () => apiJson<{ items: DuplicateGroup[] }>(`${BASE}/duplicates`);
export const mergeCustomers = (keepId: number, mergeId: number) =>
  apiJson<CustomerSaved>(`${BASE}/merge`, { method: 'POST', body: { keepId, mergeId } });
/** CRM-3: sends the file itself (not base64) as the body, up to 20 MiB; the server streams it. */
export async function uploadImport(file: File): Promise<ImportJob> {
  const format = file.name.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
  const query = new URLSearchParams({ fileName: file.name.slice(0, 120), format });
  const res = await fetch(`${BASE}/imports/file?${query}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      Accept: 'application/json',
      'Accept-Language': getCurrentLocale(),
      'Content-Type': 'application/octet-stream',
    },
    body: file,
  });
  const body = (await res.json().catch(() => null)) as ImportJob | { error?: { message?: string } } | null;
  if (!res.ok) {
    const message = body && 'error' in body ? body.error?.message : undefined;
    throw new Error(message ?? `HTTP ${res.status}`);
  }
  return body as ImportJob;
}
export const fetchImport = (id: number) => apiJson<ImportJob>(`${BASE}/imports/${id}`);
export const fetchAreaOptions = () =>
  apiJson<{ items: { id: number; name: string }[] }>('/api/areas?pageSize=200');
export const exportUrl = (format: 'csv' | 'xlsx') => `${BASE}/export?format=${format}`;
