/**
 * Powertools' X-Ray tracer, kept apart from the logger and metrics: it brings aws-xray-sdk-core
 * (~117 KB), which the small API bundles cannot afford (the submit function must stay under
 * 300 KB; docs/performance.md). The jobs use it; the API functions are traced by Lambda's active
 * tracing alone (one segment per invocation). Outside Lambda it turns itself off.
 * flow: jobs (through middleware/tracing) --> tracing --> X-Ray
 */
import { Tracer } from '@aws-lambda-powertools/tracer';
import { SERVICE_NAME } from './observability.ts';

export const tracer = new Tracer({ serviceName: SERVICE_NAME });
