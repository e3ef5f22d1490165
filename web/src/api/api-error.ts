import type { ApiError } from '@switchboard/shared';

export type ApiFieldError = NonNullable<ApiError['error']['fields']>[number];

/** A failed API call. `message` is already in the user's language and can be shown as is. */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: readonly ApiFieldError[];
  /** Seconds from the `Retry-After` header (429 responses), if the server sent one. */
  readonly retryAfterSeconds: number | null;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    fields?: readonly ApiFieldError[];
    retryAfterSeconds?: number | null;
  }) {
    super(init.message);
    this.name = 'ApiRequestError';
    this.status = init.status;
    this.code = init.code;
    this.fields = init.fields ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }
}

/** Status 0 means the request never got an HTTP answer (offline, server down, CORS). */
export const NETWORK_ERROR_STATUS = 0;

export function isApiRequestError(value: unknown): value is ApiRequestError {
  return value instanceof ApiRequestError;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isFieldError(value: unknown): value is ApiFieldError {
  return isRecord(value) && typeof value.path === 'string' && typeof value.message === 'string';
}

/** Narrows a parsed JSON body to the documented error shape. */
export function isApiErrorBody(value: unknown): value is ApiError {
  if (!isRecord(value) || !isRecord(value.error)) return false;
  const { code, message, fields } = value.error;
  if (typeof code !== 'string' || typeof message !== 'string') return false;
  return fields === undefined || (Array.isArray(fields) && fields.every(isFieldError));
}

/** Reads the last path segment: "body.newPassword", "/newPassword" and "newPassword" all give "newPassword". */
export function fieldName(path: string): string {
  const segments = path.split(/[./[\]]+/).filter((segment) => segment.length > 0);
  return segments[segments.length - 1] ?? path;
}
