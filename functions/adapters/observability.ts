/**
 * Powertools for AWS Lambda, set up once per process: structured JSON logs carrying the Lambda
 * context and CloudWatch metrics as embedded-metric-format log lines (X-Ray tracing: tracing.ts).
 * flow: handlers and jobs (through middleware/observability) --> observability --> stdout / X-Ray
 *
 * One service name and one namespace for every function: each metric name × dimension set is a
 * billed custom metric, so the function is in the logs, not in the metric dimensions. Outside Lambda
 * (npm start, tests) metrics are dropped rather than printed.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { inLambda } from './config.ts';

export const SERVICE_NAME = process.env.POWERTOOLS_SERVICE_NAME || 'baocao';
export const METRICS_NAMESPACE = process.env.POWERTOOLS_METRICS_NAMESPACE || 'baocao';

export const logger = new Logger({ serviceName: SERVICE_NAME });
export const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: SERVICE_NAME });

export { MetricUnit };

/** True inside a Lambda execution environment, where EMF lines become metrics. */
export { inLambda };

/** Counts one occurrence of a business event (a submission accepted, a report compiled, an email sent). */
export function countEvent(name: string, value = 1): void {
  metrics.addMetric(name, MetricUnit.Count, value);
}
