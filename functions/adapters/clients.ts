/**
 * The one place that builds AWS SDK clients, so endpoint and retry settings are not repeated.
 * flow: adapters --> clients --> AWS SDK
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import type { RuntimeConfig } from './config.ts';

/** Emulators accept any credentials; AWS uses the Lambda role's (the default chain). */
const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export function makeDynamoClient(cfg: Pick<RuntimeConfig, 'region' | 'endpoints'>): DynamoDBClient {
  return new DynamoDBClient({
    region: cfg.region,
    ...(cfg.endpoints.dynamodb ? { endpoint: cfg.endpoints.dynamodb, credentials: LOCAL_CREDENTIALS } : {}),
    maxAttempts: 4,
  });
}

export function makeDocumentClient(cfg: Pick<RuntimeConfig, 'region' | 'endpoints'>): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(makeDynamoClient(cfg), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

export function makeS3Client(cfg: RuntimeConfig): S3Client {
  return new S3Client({
    region: cfg.region,
    ...(cfg.endpoints.s3
      ? {
          endpoint: cfg.endpoints.s3,
          credentials: LOCAL_CREDENTIALS,
          // s3rver serves path-style URLs only, and corrupts streamed uploads that carry
          // the SDK's default trailing checksums.
          forcePathStyle: true,
          requestChecksumCalculation: 'WHEN_REQUIRED' as const,
          responseChecksumValidation: 'WHEN_REQUIRED' as const,
        }
      : {}),
    maxAttempts: 4,
  });
}

export function makeSesClient(cfg: RuntimeConfig): SESv2Client {
  return new SESv2Client({
    region: cfg.region,
    ...(cfg.endpoints.ses ? { endpoint: cfg.endpoints.ses, credentials: LOCAL_CREDENTIALS } : {}),
    maxAttempts: 3,
  });
}
