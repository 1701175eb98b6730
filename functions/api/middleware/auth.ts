/**
 * Authenticates each request: a bearer token (API clients) or the session cookie the sign-in
 * page sets (browsers). Cookie-authenticated writes must also carry the CSRF token derived from
 * the session, which another site cannot read or compute.
 * flow: middy --> auth middleware --> tokens adapter
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type middy from '@middy/core';
import type { Role } from '../../core/auth.ts';
import { authSettingsFromEnv, TokenError, verifyAccessToken } from '../../adapters/auth/tokens.ts';
import { ApiError, header, type HttpEvent, type HttpResult } from '../http.ts';

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

const MESSAGES: Record<string, string> = {
  expired: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
  invalid: 'Mã đăng nhập không hợp lệ. Vui lòng đăng nhập lại.',
  wrong_audience: 'Mã đăng nhập không dành cho hệ thống này.',
  no_role: 'Tài khoản chưa được phân quyền (phòng/đơn vị, Văn phòng hoặc Lãnh đạo Sở).',
};

export interface AuthOptions {
  /** Roles allowed; undefined = any signed-in role. */
  roles?: readonly Role[];
  /** When false, anonymous requests pass through with `event.auth` undefined. */
  required?: boolean;
  /**
   * The sign-in page: a session that does not verify (expired, revoked, forged) is treated as no
   * session, so the page that replaces it still opens instead of answering 401.
   */
  invalidIsAnonymous?: boolean;
}

export function authMiddleware(opts: AuthOptions = {}): middy.MiddlewareObj<HttpEvent, HttpResult> {
  return {
    before: async (request) => {
      const event = request.event;
      const found = requestToken(event);
      if (!found) {
        if (opts.required === false) return;
        throw new ApiError(401, 'unauthenticated', 'Bạn cần đăng nhập để sử dụng chức năng này.');
      }
      try {
        event.auth = await verifyAccessToken(found.token, authSettingsFromEnv());
      } catch (err) {
        if (err instanceof TokenError && opts.invalidIsAnonymous) return;
        if (err instanceof TokenError) throw new ApiError(401, `token_${err.message}`, MESSAGES[err.message] ?? MESSAGES.invalid!);
        throw err;
      }
      const method = event.requestContext?.http?.method ?? 'GET';
      if (found.via === 'cookie' && !['GET', 'HEAD', 'OPTIONS'].includes(method)) {
        const sent = header(event, 'x-csrf-token') ?? '';
        const expected = csrfTokenFor(found.token);
        if (sent.length !== expected.length || !timingSafeEqual(Buffer.from(sent), Buffer.from(expected))) {
          throw new ApiError(403, 'csrf', 'Yêu cầu bị từ chối vì thiếu mã chống giả mạo (CSRF). Hãy tải lại trang rồi thử lại.');
        }
      }
      if (opts.roles && !opts.roles.includes(event.auth.role)) {
        throw new ApiError(403, 'forbidden', 'Tài khoản của bạn không có quyền thực hiện chức năng này.');
      }
    },
  };
}
