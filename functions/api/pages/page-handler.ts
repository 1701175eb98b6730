/**
 * What the HTML pages share: the handler wrapper (optional sign-in, and errors answered as a
 * Vietnamese page instead of JSON, so an expired session shows how to sign in again), the
 * signed-in user for the header, and the CSRF token for the page's scripts.
 * flow: page handlers --> page handler --> http handler + layout
 */
import type middy from '@middy/core';
import type { Principal } from '../../core/auth.ts';
import { log } from '../../adapters/log.ts';
import { html as htmlBody, type HttpEvent, type HttpResult } from '../http.ts';
import { httpHandler, type RouteFn } from '../handler.ts';
import { SESSION_COOKIE, cookieValue, csrfTokenFor } from '../middleware/request-token.ts';
import { toApiError } from '../middleware/errors.ts';
import { HTML_SECURITY_HEADERS } from '../middleware/security-headers.ts';
import { html } from '../../../templates/web/html.ts';
import { messagePage, signInHelp, type PageUser } from '../../../templates/web/layout.ts';

/** The response for an HTML page, with the headers the security middleware would add. */
export function pageResponse(status: number, body: string, headers: Record<string, string> = {}): HttpResult {
  const res = htmlBody(status, body, headers);
  return { ...res, headers: { ...HTML_SECURITY_HEADERS, 'strict-transport-security': 'max-age=31536000; includeSubDomains', ...res.headers } };
}

/** An error as a page: 401 explains how to sign in, 403 says whose page it is, the rest say what to do. */
export function errorPage(status: number, message: string, user?: PageUser): HttpResult {
  if (status === 401) {
    return pageResponse(
      401,
      messagePage({
        title: 'Cần đăng nhập',
        lead: 'Trang này dành cho cán bộ các phòng, đơn vị, Văn phòng và Lãnh đạo Sở.',
        body: signInHelp(message),
        tone: 'info',
      }),
    );
  }
  const title =
    status === 403 ? 'Không có quyền truy cập' : status === 404 ? 'Không tìm thấy' : status >= 500 ? 'Hệ thống đang gặp sự cố' : 'Yêu cầu chưa hợp lệ';
  return pageResponse(
    status,
    messagePage({
      title,
      lead: message,
      tone: 'error',
      body: html`<p><a href="/">Về trang báo cáo</a></p>`,
      ...(user ? { user } : {}),
    }),
  );
}

export interface PageOptions {
  /** Requests that asked for JSON (a page with a JSON twin): their errors stay JSON. */
  jsonWhen?: (event: HttpEvent) => boolean;
}

function htmlErrors(o: PageOptions): middy.MiddlewareObj<HttpEvent, HttpResult> {
  return {
    // Runs before the JSON error middleware (middy calls onError in reverse order) and answers
    // first, so a browser never gets a JSON error for a page.
    onError: async (request) => {
      if (o.jsonWhen?.(request.event)) return undefined;
      const user = request.event.auth ? pageUser(request.event.auth) : undefined;
      const api = toApiError(request.error);
      if (api) return errorPage(api.status, api.message, user);
      const requestId = request.context.awsRequestId;
      log.error('unhandled error', {
        requestId,
        error: request.error instanceof Error ? (request.error.stack ?? request.error.message) : String(request.error),
      });
      return errorPage(500, `Lỗi hệ thống. Vui lòng thử lại hoặc báo cho quản trị viên mã lỗi ${requestId}.`, user);
    },
  };
}

/** A page handler: anonymous visitors reach the function (event.auth undefined); errors become pages. */
export function pageHandler(fn: RouteFn, o: PageOptions & { invalidIsAnonymous?: boolean } = {}) {
  return httpHandler(fn, { required: false, ...(o.invalidIsAnonymous ? { invalidIsAnonymous: true } : {}) }).use(htmlErrors(o));
}

export function pageUser(p: Principal, unitName?: string): PageUser {
  return {
    role: p.role,
    ...(p.unit ? { unit: { code: p.unit, ...(unitName ? { name: unitName } : {}) } } : {}),
    // Local tokens fall back to the user id as the name; that is no name to show.
    ...(p.name && p.name !== p.sub ? { name: p.name } : {}),
  };
}

/** The CSRF token page scripts send back as X-CSRF-Token; empty when not signed in by cookie. */
export function pageCsrfToken(event: HttpEvent): string {
  const session = cookieValue(event, SESSION_COOKIE);
  return session ? csrfTokenFor(session) : '';
}
