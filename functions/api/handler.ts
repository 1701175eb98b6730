/**
 * Wraps a route's function in the middleware every HTTP handler shares: security headers, error
 * mapping, authentication. Handlers stay thin: parse, call a use case, shape the response.
 * flow: API Gateway / local server --> handler wrapper --> route function
 */
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { authMiddleware, type AuthOptions } from './middleware/auth.ts';
import { errorMiddleware } from './middleware/errors.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import type { HttpEvent, HttpResult } from './http.ts';

export type RouteFn = (event: HttpEvent, context: Context) => Promise<HttpResult>;

export function httpHandler(fn: RouteFn, auth: AuthOptions | false = {}) {
  const h = middy<HttpEvent, HttpResult>(fn).use(securityHeaders()).use(errorMiddleware());
  if (auth !== false) h.use(authMiddleware(auth));
  return h;
}
