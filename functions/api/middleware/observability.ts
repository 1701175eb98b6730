/**
 * The observability middleware every handler and job wears: logs carry the Lambda context and the
 * request's correlation id, and the metrics it recorded are flushed when it ends, even when it
 * fails. X-Ray: Lambda's active tracing for every function, plus the jobs' tracing middleware.
 * flow: middy (first in the chain) --> observability middleware --> adapters/observability (Powertools)
 *
 * Use it first: `middy(fn).use(observability()).use(…)`, so the trace and the log context cover the
 * other middleware too.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type middy from '@middy/core';
import { inLambda, logger, metrics } from '../../adapters/observability.ts';

/**
 * The id that ties a log line to the API Gateway access log (`requestContext.requestId`) or to a
 * schedule run (`scheduledTime`); undefined for anything else.
 */
export function correlationIdOf(event: unknown): string | undefined {
  if (typeof event !== 'object' || event === null) return undefined;
  const requestId = (event as { requestContext?: { requestId?: unknown } }).requestContext?.requestId;
  if (typeof requestId === 'string' && requestId !== '') return requestId;
  const scheduled = (event as { scheduledTime?: unknown }).scheduledTime;
  return typeof scheduled === 'string' && scheduled !== '' ? `schedule:${scheduled}` : undefined;
}

function correlation<TEvent, TResult>(): middy.MiddlewareObj<TEvent, TResult> {
  return {
    before: (request) => {
      const id = correlationIdOf(request.event);
      if (id) logger.setCorrelationId(id);
    },
  };
}

function flushMetrics<TEvent, TResult>(): middy.MiddlewareObj<TEvent, TResult> {
  const flush = () => {
    // Only recorded metrics are written (Powertools would warn on every request with none), and only
    // in Lambda, where the EMF lines become metrics; elsewhere they would be noise in the output.
    if (metrics.hasStoredMetrics() && inLambda()) metrics.publishStoredMetrics();
    else metrics.clearMetrics();
  };
  return { after: flush, onError: flush };
}

export function observability<TEvent = unknown, TResult = unknown>(): middy.MiddlewareObj<TEvent, TResult>[] {
  return [
    injectLambdaContext(logger, { resetKeys: true }) as middy.MiddlewareObj<TEvent, TResult>,
    correlation<TEvent, TResult>(),
    flushMetrics<TEvent, TResult>(),
  ];
}
