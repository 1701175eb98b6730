import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { APIGatewayRequestAuthorizerEventV2 } from 'aws-lambda';
import { ensureLocalKeys, mintToken } from '../../../functions/adapters/auth/local-issuer.ts';
import { handler } from '../../../functions/api/authorizer.ts';

let file: string;
const event = (over: Partial<APIGatewayRequestAuthorizerEventV2>): APIGatewayRequestAuthorizerEventV2 =>
  ({
    type: 'REQUEST',
    routeArn: 'arn',
    identitySource: [],
    routeKey: 'GET /api/form',
    rawPath: '/api/form',
    rawQueryString: '',
    headers: {},
    requestContext: {} as never,
    ...over,
  }) as APIGatewayRequestAuthorizerEventV2;

beforeAll(async () => {
  file = await ensureLocalKeys(path.join(mkdtempSync(path.join(os.tmpdir(), 'authz-')), 'jwks.json'));
  Object.assign(process.env, { AUTH_JWKS_FILE: file, AUTH_ISSUER: 'iss-test', AUTH_CLIENT_ID: 'client-test', AGENCY_ID: 'a-test' });
});

describe('Lambda authorizer', () => {
  it('accepts a valid token from the Authorization header or the session cookie', async () => {
    const token = await mintToken({ file, issuer: 'iss-test', clientId: 'client-test', agencyId: 'a-test', role: 'unit', unit: 'QLKH' });
    expect(await handler(event({ headers: { authorization: `Bearer ${token}` } }))).toEqual({
      isAuthorized: true,
      context: { sub: 'local-unit-qlkh', role: 'unit', unit: 'QLKH', agencyId: 'a-test' },
    });
    expect((await handler(event({ cookies: ['theme=dark', `baocao_session=${token}`] }))).isAuthorized).toBe(true);
  });
  it('refuses a missing, expired, foreign or malformed token', async () => {
    const expired = await mintToken({ file, issuer: 'iss-test', clientId: 'client-test', agencyId: 'a-test', role: 'van-phong', now: 1_000_000_000 });
    const foreign = await mintToken({ file, issuer: 'iss-test', clientId: 'other-client', agencyId: 'a-test', role: 'van-phong' });
    for (const e of [
      event({}),
      event({ headers: { authorization: `Bearer ${expired}` } }),
      event({ headers: { authorization: `Bearer ${foreign}` } }),
      event({ cookies: ['baocao_session=garbage'] }),
    ]) {
      expect(await handler(e)).toEqual({ isAuthorized: false });
    }
  });
  it('refuses, in AWS, a request that did not come through CloudFront (no or a wrong origin header)', async () => {
    const token = await mintToken({ file, issuer: 'iss-test', clientId: 'client-test', agencyId: 'a-test', role: 'unit', unit: 'QLKH' });
    process.env.ORIGIN_VERIFY_SECRET = 'cloudfront-only-0123456789';
    try {
      const headers = (extra: Record<string, string>) => ({ authorization: `Bearer ${token}`, ...extra });
      expect(await handler(event({ headers: headers({}) }))).toEqual({ isAuthorized: false });
      expect(await handler(event({ headers: headers({ 'x-origin-verify': 'cloudfront-only-0123456788' }) }))).toEqual({ isAuthorized: false });
      expect((await handler(event({ headers: headers({ 'x-origin-verify': 'cloudfront-only-0123456789' }) }))).isAuthorized).toBe(true);
    } finally {
      delete process.env.ORIGIN_VERIFY_SECRET;
    }
  });
  it('reads an unreadable session cookie as no session: refused, never an error', async () => {
    const token = await mintToken({ file, issuer: 'iss-test', clientId: 'client-test', agencyId: 'a-test', role: 'unit', unit: 'QLKH' });
    for (const cookie of [
      'baocao_session=%',
      'baocao_session=%E0%A4%A',
      'baocao_session=%zz',
      'baocao_session=',
      'baocao_session',
      '=%',
      `baocao_session=%${token}`,
    ]) {
      expect(await handler(event({ cookies: [cookie] })), cookie).toEqual({ isAuthorized: false });
    }
    // A broken cookie of another name does not hide a good session cookie.
    expect((await handler(event({ cookies: ['theme=%', `baocao_session=${token}`] }))).isAuthorized).toBe(true);
  });
});
