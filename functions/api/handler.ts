/**
 * Wraps a route's function in the middleware every HTTP handler shares: observability (logs with
 * the Lambda context, metrics, traces), security headers, error mapping, authentication. Handlers stay thin: parse, call a use case, shape the response.
 * flow: API Gateway / local server --> handler wrapper --> route function
 */
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { checkSettings } from '../adapters/config.ts';
import { authMiddleware, type AuthOptions } from './middleware/auth.ts';
import { cameThroughEdge } from './middleware/edge-origin.ts';
import { errorMiddleware } from './middleware/errors.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { CORRELATION, observability } from '../runtime/observability.ts';
import type { HttpEvent, HttpResult } from './http.ts';

export type RouteFn = (event: HttpEvent, context: Context) => Promise<HttpResult>;

/** Requests that bypassed CloudFront and its web ACL get the gateway's own refusal, before anything else runs. */
function edgeOnly(): middy.MiddlewareObj<HttpEvent, HttpResult> {
  return {
    before: async (request) => {
      if (!cameThroughEdge(request.event.headers)) return { statusCode: 403, headers: { 'content-type': 'application/json' }, body: '{"message":"Forbidden"}' };
      return undefined;
    },
  };
}

export function httpHandler(fn: RouteFn, auth: AuthOptions | false = {}) {
  // Every API function gets the data and auth settings from the stack: one missing stops the
  // function at start-up, naming it (adapters/config.ts), instead of serving demo defaults.
  checkSettings('data', 'auth');
  // Observability first, so its log context and trace cover the other middleware too.
  const h = middy<HttpEvent, HttpResult>(fn)
    .use(observability<HttpEvent, HttpResult>(CORRELATION.api))
    .use(edgeOnly())
    .use(securityHeaders())
    .use(errorMiddleware());
  if (auth !== false) h.use(authMiddleware(auth));
  return h;
}
