/**
 * Helpers for integration tests: the running local stack's environment and a container of real
 * adapters bound to it. Each test file uses its own agency id so files never see each other's data.
 */
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { makeContainer, type Container } from '../../functions/adapters/container.ts';
import { mintToken } from '../../functions/adapters/auth/local-issuer.ts';
import type { Role } from '../../functions/core/auth.ts';

export function localEnv(): Record<string, string> {
  const env = inject('localEnv');
  Object.assign(process.env, env);
  return env;
}

export function testContainer(agencyId = `t-${randomUUID().slice(0, 8)}`): Container {
  const env = localEnv();
  return makeContainer({
    tableName: env.TABLE_NAME!,
    bucketName: env.BUCKET_NAME!,
    agencyId,
    region: env.AWS_REGION!,
    endpoints: { dynamodb: env.DYNAMODB_ENDPOINT, s3: env.S3_ENDPOINT, ses: env.SES_ENDPOINT },
  });
}

/** A token of the stack's agency (AGENCY_ID, the demo) unless `extra.agencyId` names another. */
export async function tokenFor(
  role: Role,
  unit?: string,
  extra: { ttlSeconds?: number; now?: number; name?: string; agencyId?: string; sub?: string } = {},
): Promise<string> {
  const env = localEnv();
  return mintToken({
    file: env.AUTH_JWKS_FILE!,
    issuer: env.AUTH_ISSUER!,
    clientId: env.AUTH_CLIENT_ID!,
    agencyId: env.AGENCY_ID!,
    role,
    ...(unit ? { unit } : {}),
    ...extra,
  });
}
