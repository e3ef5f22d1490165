import { getCurrentLocale } from '../i18n/locale-store.ts';
import { translate } from '../i18n/messages.ts';
import { ApiRequestError, isApiErrorBody, NETWORK_ERROR_STATUS } from './api-error.ts';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /**
   * True (the default) for calls made inside a signed-in session: a 401 answer then means the
   * session expired and the registered handler is told. Pass false where a 401 means something
   * else (wrong credentials at sign-in, the first "who am I" check).
   */
  sessionRequired?: boolean;
  signal?: AbortSignal;
}

type SessionExpiredHandler = () => void;
let sessionExpiredHandler: SessionExpiredHandler | null = null;

/** Registers the single listener for "a signed-in call got 401". Returns an unsubscribe function. */
export function onSessionExpired(handler: SessionExpiredHandler): () => void {
  sessionExpiredHandler = handler;
  return () => {
    if (sessionExpiredHandler === handler) sessionExpiredHandler = null;
  };
}

function parseRetryAfter(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function toError(response: Response): Promise<ApiRequestError> {
  const body = await readJson(response);
  const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'));
  if (isApiErrorBody(body)) {
    return new ApiRequestError({
      status: response.status,
      code: body.error.code,
      message: body.error.message,
      fields: body.error.fields ?? [],
      retryAfterSeconds,
    });
  }
  return new ApiRequestError({
    status: response.status,
    code: 'http_error',
    message: translate(getCurrentLocale(), 'error.server', { status: response.status }),
    retryAfterSeconds,
  });
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': getCurrentLocale(),
  };
  const init: RequestInit = {
    method: options.method ?? 'GET',
    credentials: 'same-origin',
    headers,
  };
  if (options.signal) init.signal = options.signal;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }

  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiRequestError({
      status: NETWORK_ERROR_STATUS,
      code: 'network_error',
      message: translate(getCurrentLocale(), 'error.network'),
    });
  }

  if (response.ok) return response;
  const error = await toError(response);
  if (response.status === 401 && (options.sessionRequired ?? true)) sessionExpiredHandler?.();
  throw error;
}

/** Calls the API and returns the parsed JSON body (typed by the shared contract). */
export async function apiJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  // The server validates its responses against the shared schemas; trust the contract here.
  return (await response.json()) as T;
}

/** Calls an API endpoint whose success answer has no body (204). */
export async function apiVoid(path: string, options: RequestOptions = {}): Promise<void> {
  await send(path, options);
}
