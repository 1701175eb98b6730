/**
 * Where a request's session is: the bearer token (API clients) or the session cookie (browsers),
 * and the CSRF token derived from it. Read the same way by the handlers' auth middleware and by the
 * API Gateway authorizer — which is why this file imports nothing but node:crypto: the authorizer
 * runs before every guarded request and stays small.
 * flow: auth middleware / authorizer / pages --> request token
 */
import { createHash } from 'node:crypto';

export const SESSION_COOKIE = 'baocao_session';

/** What both API Gateway events (a route's, and the authorizer's) carry to authenticate with. */
interface Credentials {
  headers?: Record<string, string | undefined>;
  cookies?: string[];
}

/**
 * A cookie's value, or undefined. A value that cannot be percent-decoded ("%", "%E0%A4") is read
 * as no cookie at all: an unreadable cookie means "not signed in", never an error — this runs on
 * every page and in the gateway's authorizer, before anything could answer a 4xx.
 */
export function cookieValue(event: Credentials, name: string): string | undefined {
  for (const c of event.cookies ?? []) {
    const i = c.indexOf('=');
    if (i > 0 && c.slice(0, i).trim() === name) return decodeCookie(c.slice(i + 1).trim());
  }
  return undefined;
}

function decodeCookie(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw) || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The access token a request carries: a bearer token (API clients) wins over the session cookie
 * (browsers). The handlers and the gateway's authorizer read it the same way.
 */
export function requestToken(event: Credentials): { token: string; via: 'bearer' | 'cookie' } | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(event.headers?.authorization ?? '')?.[1];
  if (bearer) return { token: bearer, via: 'bearer' };
  const cookie = cookieValue(event, SESSION_COOKIE);
  return cookie ? { token: cookie, via: 'cookie' } : undefined;
}

/** The CSRF token of a session: a hash of the (HttpOnly) session token. */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`csrf:${sessionToken}`).digest('base64url');
}
