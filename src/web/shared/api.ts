import type { ApiError } from '../../contract/common.ts';
import i18n from './i18n.ts';

/** An error answered by the API: `message` is already in the user's language. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError,
  ) {
    super(body.message);
  }
  get code(): string {
    return this.body.code;
  }
}

/**
 * Calls the JSON API. The session cookie goes along by itself; the language
 * header makes errors come back in the language shown. A network failure
 * becomes an ApiRequestError with code NETWORK.
 */
export async function api<T>(method: string, path: string, body?: unknown, options: { headers?: Record<string, string> } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        'accept-language': i18n.language,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...options.headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiRequestError(0, { code: 'NETWORK', message: i18n.t('common:errors.network') });
  }
  const text = await response.text();
  const data: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const err = (data ?? {}) as Partial<ApiError>;
    throw new ApiRequestError(response.status, {
      code: err.code ?? 'INTERNAL',
      message: err.message ?? i18n.t('common:errors.unexpected'),
      ...(err.field ? { field: err.field } : {}),
      ...(err.details ? { details: err.details } : {}),
      ...(err.ref ? { ref: err.ref } : {}),
    });
  }
  return data as T;
}

/** Builds a query string from defined values only. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
