/**
 * Cheap read calls that tell whether DynamoDB, S3 and SES answer, for GET /health. Each probe
 * gives up after two seconds so a dead backend cannot hold the health check.
 * flow: health handler --> health-probes --> AWS SDK
 */
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { ListEmailTemplatesCommand } from '@aws-sdk/client-sesv2';
import type { Container } from './container.ts';

export interface Probe {
  up: boolean;
  ms: number;
  error?: string;
}

async function probe(fn: () => Promise<unknown>): Promise<Probe> {
  const t = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([fn(), new Promise((_, rej) => (timer = setTimeout(() => rej(new Error('timeout')), 2000)))]);
    return { up: true, ms: Date.now() - t };
  } catch (err) {
    return { up: false, ms: Date.now() - t, error: err instanceof Error ? err.name : 'error' };
  } finally {
    clearTimeout(timer);
  }
}

export async function probeBackends(c: Container): Promise<{ dynamodb: Probe; s3: Probe; ses: Probe }> {
  const [dynamodb, s3, ses] = await Promise.all([
    probe(() => c.doc.send(new DescribeTableCommand({ TableName: c.config.tableName }))),
    probe(() => c.s3.send(new HeadBucketCommand({ Bucket: c.config.bucketName }))),
    probe(() => c.ses.send(new ListEmailTemplatesCommand({ PageSize: 1 }))),
  ]);
  return { dynamodb, s3, ses };
}
