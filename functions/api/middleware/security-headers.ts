/**
 * Security headers on every response: HTML pages get a strict CSP (no inline script; pages load
 * their script from /static), no framing, no referrer leaks; JSON gets nosniff.
 * flow: middy --> security headers --> handler
 */
import type middy from '@middy/core';
import type { HttpEvent, HttpResult } from '../http.ts';

export const HTML_SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
  'cross-origin-opener-policy': 'same-origin',
};

/** The page CSP with one more origin the page's script may connect to (the attachment upload endpoint). */
export function cspConnectingTo(origin: string): Record<string, string> {
  return {
    'content-security-policy': HTML_SECURITY_HEADERS['content-security-policy']!.replace("connect-src 'self'", `connect-src 'self' ${origin}`),
  };
}

export function securityHeaders(): middy.MiddlewareObj<HttpEvent, HttpResult> {
  const apply = (request: middy.Request<HttpEvent, HttpResult>) => {
    const res = request.response;
    if (!res || typeof res !== 'object') return;
    const type = String(res.headers?.['content-type'] ?? '');
    res.headers = {
      ...(type.startsWith('text/html') ? HTML_SECURITY_HEADERS : { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' }),
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      ...res.headers,
    };
  };
  return { after: async (r) => apply(r), onError: async (r) => apply(r) };
}
