/**
 * The X-Ray middleware of the jobs: their runs, and the AWS calls inside them (the SDK clients are
 * wrapped with `captureAWSv3Client` in adapters/tracing.ts), as traces. Responses are not captured:
 * they hold report versions and links.
 * flow: job handlers --> tracing middleware --> adapters/tracing (Powertools tracer)
 */
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type middy from '@middy/core';
import { tracer } from '../adapters/tracing.ts';

export function tracing<TEvent = unknown, TResult = unknown>(): middy.MiddlewareObj<TEvent, TResult> {
  return captureLambdaHandler(tracer, { captureResponse: false }) as middy.MiddlewareObj<TEvent, TResult>;
}
