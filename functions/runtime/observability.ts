/**
 * The observability middleware every handler and job wears, all Powertools: logs carry the Lambda
 * context and the correlation id found at `correlationIdPath` in the event (the API Gateway
 * request id, or a schedule's time), and the metrics recorded are flushed when it ends, even when
 * it fails (`logMetrics`). X-Ray: Lambda's active tracing for every function, plus tracing.ts.
 * flow: middy (first in the chain) --> observability middleware --> adapters/observability (Powertools)
 *
 * Use it first: `middy(fn).use(observability(path)).use(…)`, so the log context covers the other
 * middleware too.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type middy from '@middy/core';
import { logger, metrics } from '../adapters/observability.ts';

/** Where the correlation id is in an API Gateway (HTTP API) event, and in a schedule's event. */
export const CORRELATION = { api: 'requestContext.requestId', schedule: 'scheduledTime' } as const;

export function observability<TEvent = unknown, TResult = unknown>(correlationIdPath: string): middy.MiddlewareObj<TEvent, TResult>[] {
  return [
    injectLambdaContext(logger, { resetKeys: true, correlationIdPath }) as middy.MiddlewareObj<TEvent, TResult>,
    logMetrics(metrics) as middy.MiddlewareObj<TEvent, TResult>,
  ];
}
