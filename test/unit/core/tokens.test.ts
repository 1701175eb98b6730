// Access-token verification (functions/adapters/auth/tokens.ts) against a local key pair: the
// claims a token must carry and the forgeries it must not get through with.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureLocalKeys, mintToken } from '../../../functions/adapters/auth/local-issuer.ts';
import { TokenError, verifyAccessToken, type AuthSettings } from '../../../functions/adapters/auth/tokens.ts';
import { hmacWithThePublicKey, signedByTheRealKey } from '../../support/hostile.ts';

let env: Record<string, string>;
let settings: AuthSettings;
const now = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  const file = await ensureLocalKeys(path.join(mkdtempSync(path.join(os.tmpdir(), 'tokens-')), 'jwks.json'));
  env = { AUTH_JWKS_FILE: file, AUTH_ISSUER: 'iss-test', AUTH_CLIENT_ID: 'client-test', AGENCY_ID: 'skhcn-test' };
  settings = { issuer: 'iss-test', clientId: 'client-test', jwksFile: file };
});

async function outcome(token: string): Promise<string> {
  try {
    const p = await verifyAccessToken(token, settings);
    return `accepted as ${p.role}`;
  } catch (err) {
    if (err instanceof TokenError) return `refused: ${err.message}`;
    throw err;
  }
}

describe('access tokens', () => {
  it("scopes the principal to the agency its groups name — exactly one, well formed — never to the deployment's", async () => {
    const mint = (agencyId: string) =>
      mintToken({ file: env.AUTH_JWKS_FILE!, issuer: 'iss-test', clientId: 'client-test', agencyId, role: 'unit', unit: 'QLKH' });
    expect((await verifyAccessToken(await mint('skhcn-tayninh'), settings)).agencyId).toBe('skhcn-tayninh');
    expect((await verifyAccessToken(await mint('skhcn-bacgiang'), settings)).agencyId).toBe('skhcn-bacgiang');
    expect(await outcome(await signedByTheRealKey(env, { 'cognito:groups': ['van-phong'] }))).toBe('refused: no_agency');
    expect(await outcome(await signedByTheRealKey(env, { 'cognito:groups': ['van-phong', 'agency-skhcn-a', 'agency-skhcn-b'] }))).toBe('refused: no_agency');
    expect(await outcome(await signedByTheRealKey(env, { 'cognito:groups': ['van-phong', 'agency-../x'] }))).toBe('refused: no_agency');
    expect(await outcome(await signedByTheRealKey(env, { 'cognito:groups': ['van-phong', 'agency-SKHCN'] }))).toBe('refused: no_agency');
  });

  it('accepts what the issuer mints, a lifetime of exactly a working day, and an iat a few seconds ahead', async () => {
    expect(
      await outcome(await mintToken({ file: env.AUTH_JWKS_FILE!, issuer: 'iss-test', clientId: 'client-test', agencyId: 'skhcn-test', role: 'van-phong' })),
    ).toBe('accepted as van-phong');
    expect(await outcome(await signedByTheRealKey(env, { iat: now(), exp: now() + 8 * 3600 }))).toBe('accepted as van-phong');
    expect(await outcome(await signedByTheRealKey(env, { iat: now() + 20, exp: now() + 3600 }))).toBe('accepted as van-phong');
  });

  it('requires exp, iat, sub, jti and a kid naming the key', async () => {
    expect(await outcome(await signedByTheRealKey(env, { exp: undefined }))).toBe('refused: invalid');
    expect(await outcome(await signedByTheRealKey(env, { iat: undefined }))).toBe('refused: invalid');
    expect(await outcome(await signedByTheRealKey(env, { sub: undefined }))).toBe('refused: invalid');
    // Sign-out revokes a token by its jti: one without cannot be signed out.
    expect(await outcome(await signedByTheRealKey(env, { jti: undefined }))).toBe('refused: invalid');
    expect(await outcome(await signedByTheRealKey(env, {}, { kid: undefined }))).toBe('refused: invalid');
    expect(await outcome(await signedByTheRealKey(env, {}, { kid: 'unknown' }))).toBe('refused: invalid');
  });

  it('refuses an iat in the future beyond the skew, and a lifetime longer than a working day', async () => {
    expect(await outcome(await signedByTheRealKey(env, { iat: now() + 3600, exp: now() + 7200 }))).toBe('refused: invalid');
    expect(await outcome(await signedByTheRealKey(env, { iat: now(), exp: now() + 5 * 365 * 86400 }))).toBe('refused: invalid');
    expect(await outcome(await signedByTheRealKey(env, { iat: now() - 60, exp: now() + 9 * 3600 }))).toBe('refused: invalid');
    // Older than any token we issue, even if its exp says otherwise.
    expect(await outcome(await signedByTheRealKey(env, { iat: now() - 9 * 3600, exp: now() + 3600 }))).toMatch(/^refused/);
  });

  it('refuses a signature by another key under the real kid, and HS256 keyed with the public key', async () => {
    const { generateKeyPair, SignJWT } = await import('jose');
    const { privateKey } = await generateKeyPair('RS256');
    const real = await signedByTheRealKey(env, {});
    const kid = JSON.parse(Buffer.from(real.split('.')[0]!, 'base64url').toString()).kid as string;
    const forged = await new SignJWT({ token_use: 'access', client_id: 'client-test', 'cognito:groups': ['van-phong'] })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuer('iss-test')
      .setSubject('attacker')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    expect(await outcome(forged)).toBe('refused: invalid');
    expect(await outcome(await hmacWithThePublicKey(env))).toBe('refused: invalid');
  });
});
