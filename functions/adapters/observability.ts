/**
 * Powertools for AWS Lambda, set up once per process: structured JSON logs carrying the Lambda
 * context and CloudWatch metrics as embedded-metric-format log lines (X-Ray tracing: tracing.ts).
 * flow: handlers and jobs (through runtime/observability) --> observability --> stdout / X-Ray
 *
 * One service name and one namespace for every function: each metric name × dimension set is a
 * billed custom metric, so the function is in the logs, not in the metric dimensions.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { search } from '@aws-lambda-powertools/logger/correlationId';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { inLambda } from './config.ts';

export const SERVICE_NAME = process.env.POWERTOOLS_SERVICE_NAME || 'baocao';
export const METRICS_NAMESPACE = process.env.POWERTOOLS_METRICS_NAMESPACE || 'baocao';

export const logger = new Logger({ serviceName: SERVICE_NAME, correlationIdSearchFn: search });

// Most requests record no metric; Powertools then warns "No application metrics to publish" on
// every invocation. That warning goes to the debug level of our logger instead of the console.
const metricsLog = {
  debug: (...a: unknown[]) => logger.debug(String(a[0])),
  info: (...a: unknown[]) => logger.info(String(a[0])),
  warn: (...a: unknown[]) => logger.debug(String(a[0])),
  error: (...a: unknown[]) => logger.error(String(a[0])),
};

export const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: SERVICE_NAME, logger: metricsLog });
// EMF lines become metrics only in Lambda; elsewhere (npm start, tests) they would be noise on the
// console. Decided when publishing, as tests and the local server set the environment late.
Object.defineProperty(metrics, 'disabled', { get: () => !inLambda(), configurable: true });

export { MetricUnit };

/** True inside a Lambda execution environment, where EMF lines become metrics. */
export { inLambda };

/** Counts one occurrence of a business event (a submission accepted, a report compiled, an email sent). */
export function countEvent(name: string, value = 1): void {
  metrics.addMetric(name, MetricUnit.Count, value);
}
