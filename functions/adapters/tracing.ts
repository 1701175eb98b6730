/**
 * Powertools' X-Ray tracer, kept apart from the logger and metrics: it brings aws-xray-sdk-core
 * (~117 KB), which the small API bundles cannot afford (the submit function must stay under
 * 300 KB; docs/performance.md). The jobs use it; the API functions are traced by Lambda's active
 * tracing alone (one segment per invocation). Outside Lambda it turns itself off.
 * flow: jobs (through runtime/tracing) --> tracing --> X-Ray
 */
import { Tracer } from '@aws-lambda-powertools/tracer';
import { SERVICE_NAME } from './observability.ts';

export const tracer = new Tracer({ serviceName: SERVICE_NAME });

const traced = new WeakSet<object>();

/**
 * Wraps the container's SDK clients so each DynamoDB, S3 and SES call of a job is a subsegment of
 * its trace. Once per client: the container lives as long as the process.
 */
export function traceClients<C extends { doc: object; s3: object; ses: object }>(c: C): C {
  if (!traced.has(c)) {
    traced.add(c);
    tracer.captureAWSv3Client(c.doc);
    tracer.captureAWSv3Client(c.s3);
    tracer.captureAWSv3Client(c.ses);
  }
  return c;
}
