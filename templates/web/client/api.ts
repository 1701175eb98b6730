/**
 * The pages' JSON calls: they carry the CSRF token and survive a dropped connection. No DOM type is
 * needed here (the unit tests run it in Node with a stubbed fetch).
 * flow: page scripts --> api --> fetch
 */

interface ErrorEnvelope {
  error?: { code?: string; message?: string; fields?: { field: string; message: string }[]; current?: unknown };
}

/** What a call gave: never thrown; `network` when the request did not complete. */
export interface ApiResult<T = unknown> {
  ok: boolean;
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: the pages read the API's JSON by shape, as the API documents it
  body: (T & ErrorEnvelope) | any;
  network?: true;
  headers?: Headers;
}

/** The CSRF token the page's meta tag carries ('' outside a page). */
export function csrfToken(): string {
  const doc = (globalThis as { document?: { querySelector(s: string): { getAttribute(n: string): string | null } | null } }).document;
  return doc?.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';
}

/**
 * Calls the JSON API. Never throws: returns { ok, status, body } or { ok: false, network: true }
 * when the request did not complete (offline, timeout) — the caller decides whether to retry.
 */
export async function api(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResult> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), 30000);
  try {
    const res = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(method !== 'GET' ? { 'x-csrf-token': csrfToken() } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: ctrl.signal,
    });
    let parsed: ErrorEnvelope | null = null;
    const type = res.headers.get('content-type') || '';
    if (type.includes('json')) {
      try {
        parsed = (await res.json()) as ErrorEnvelope;
      } catch {
        parsed = null;
      }
    }
    // In AWS the API Gateway authorizer refuses a missing or expired session itself, with
    // 403 {"message":"Forbidden"} — not the application's error envelope: that is "sign in again".
    if ((res.status === 401 || res.status === 403) && !parsed?.error) {
      return {
        ok: false,
        status: 401,
        body: { error: { code: 'unauthenticated', message: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.', fields: [] } },
        headers: res.headers,
      };
    }
    return { ok: res.ok, status: res.status, body: parsed, headers: res.headers };
  } catch {
    return { ok: false, status: 0, network: true, body: null };
  } finally {
    clearTimeout(timer);
  }
}

/** A failure worth retrying with the same request: no answer, or the server said "later". */
export function isTransient(res: ApiResult): boolean {
  return res.network === true || res.status === 502 || res.status === 503 || res.status === 504 || res.status === 500;
}
