/**
 * GET /health: 200 with which backends answer, so an operator (and `npm start`) can tell at a
 * glance whether DynamoDB, S3 and SES are up. No authentication.
 * flow: API --> health handler --> adapters (cheap read calls)
 */
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { ListEmailTemplatesCommand } from '@aws-sdk/client-sesv2';
import { container } from '../adapters/container.ts';
import { httpHandler } from './handler.ts';
import { json } from './http.ts';

async function probe(fn: () => Promise<unknown>): Promise<{ up: boolean; ms: number; error?: string }> {
  const t = Date.now();
  try {
    await Promise.race([fn(), new Promise((_, rej) => setTimeout(() => rej(new Error('timeout')), 2000))]);
    return { up: true, ms: Date.now() - t };
  } catch (err) {
    return { up: false, ms: Date.now() - t, error: err instanceof Error ? err.name : 'error' };
  }
}

export const handler = httpHandler(async () => {
  const c = container();
  const [dynamodb, s3, ses] = await Promise.all([
    probe(() => c.doc.send(new DescribeTableCommand({ TableName: c.config.tableName }))),
    probe(() => c.s3.send(new HeadBucketCommand({ Bucket: c.config.bucketName }))),
    probe(() => c.ses.send(new ListEmailTemplatesCommand({ PageSize: 1 }))),
  ]);
  const ok = dynamodb.up && s3.up && ses.up;
  return json(200, { status: ok ? 'ok' : 'degraded', backends: { dynamodb, s3, ses }, agencyId: c.config.agencyId });
}, false);
