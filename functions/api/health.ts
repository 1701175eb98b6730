/**
 * GET /health: 200 with which backends answer, so an operator (and `npm start`) can tell at a
 * glance whether DynamoDB, S3 and SES are up. No authentication.
 * flow: API --> health handler --> adapters (cheap read calls)
 */
import { container } from '../adapters/container.ts';
import { probeBackends } from '../adapters/health-probes.ts';
import { httpHandler } from './handler.ts';
import { json } from './http.ts';
import type { Health } from './schemas/responses.ts';

export const handler = httpHandler(async () => {
  const c = container();
  const backends = await probeBackends(c);
  const ok = backends.dynamodb.up && backends.s3.up && backends.ses.up;
  return json<Health>(200, { status: ok ? 'ok' : 'degraded', backends, agencyId: c.config.agencyId });
}, false);
