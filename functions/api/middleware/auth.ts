/**
 * Authenticates each request: a bearer token (API clients) or the session cookie the sign-in
 * page sets (browsers). Cookie-authenticated writes must also carry the CSRF token derived from
 * the session, which another site cannot read or compute.
 * flow: middy --> auth middleware --> tokens adapter
 */
import { timingSafeEqual } from 'node:crypto';
import type middy from '@middy/core';
import type { Principal, Role } from '../../core/auth.ts';
import { checkSession } from '../../adapters/auth/session-check.ts';
import { isKnownAgency } from '../../adapters/auth/known-agency.ts';
import { TokenError } from '../../adapters/auth/tokens.ts';
import { container } from '../../adapters/container.ts';
import { ApiError, header, type HttpEvent, type HttpResult } from '../http.ts';
import { csrfTokenFor, requestToken } from './request-token.ts';

/**
 * A cookie-authenticated write must carry X-CSRF-Token = csrfTokenFor(session): another site can
 * make the browser send the cookie (or, for a sign-out, want it cleared) but cannot read or compute
 * this token.
 */
export function assertCsrf(event: HttpEvent, sessionToken: string): void {
  const sent = header(event, 'x-csrf-token') ?? '';
  const expected = csrfTokenFor(sessionToken);
  if (sent.length !== expected.length || !timingSafeEqual(Buffer.from(sent), Buffer.from(expected))) {
    throw new ApiError(403, 'csrf', 'Yêu cầu bị từ chối vì thiếu mã chống giả mạo (CSRF). Hãy tải lại trang rồi thử lại.');
  }
}

/** A 403 naming the agency when the deployment does not hold the one the token names (never a fallback to another). */
export async function assertKnownAgency(p: Principal): Promise<void> {
  if (await isKnownAgency(container().agencies, p.agencyId)) return;
  throw new ApiError(
    403,
    'unknown_agency',
    `Cơ quan "${p.agencyId}" ghi trong tài khoản của bạn chưa có trong hệ thống. Đề nghị quản trị viên kiểm tra nhóm cơ quan của tài khoản.`,
  );
}

const MESSAGES: Record<string, string> = {
  expired: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
  revoked: 'Phiên đăng nhập đã kết thúc (đã đăng xuất). Vui lòng đăng nhập lại.',
  invalid: 'Mã đăng nhập không hợp lệ. Vui lòng đăng nhập lại.',
  wrong_audience: 'Mã đăng nhập không dành cho hệ thống này.',
  no_role: 'Tài khoản chưa được phân quyền (phòng/đơn vị, Văn phòng hoặc Lãnh đạo Sở).',
  no_agency: 'Tài khoản chưa được gắn với đúng một cơ quan (Sở). Đề nghị quản trị viên thêm tài khoản vào nhóm của cơ quan mình.',
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
        event.auth = (await checkSession(found.token)).principal;
      } catch (err) {
        if (err instanceof TokenError && opts.invalidIsAnonymous) return;
        if (err instanceof TokenError) throw new ApiError(401, `token_${err.message}`, MESSAGES[err.message] ?? MESSAGES.invalid!);
        throw err;
      }
      await assertKnownAgency(event.auth);
      const method = event.requestContext?.http?.method ?? 'GET';
      if (found.via === 'cookie' && !['GET', 'HEAD', 'OPTIONS'].includes(method)) assertCsrf(event, found.token);
      if (opts.roles && !opts.roles.includes(event.auth.role)) {
        throw new ApiError(403, 'forbidden', 'Tài khoản của bạn không có quyền thực hiện chức năng này.');
      }
    },
  };
}
