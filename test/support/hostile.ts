/**
 * Hostile request corpus: tokens that must be refused, and bodies that must be refused, built
 * programmatically so each family covers every field. Shared by the hardening tests.
 */
import { readFileSync } from 'node:fs';
import { createPublicKey, randomUUID } from 'node:crypto';
import { generateKeyPair, importJWK, SignJWT, type JWK, type JWTPayload } from 'jose';
import { mintToken } from '../../functions/adapters/auth/local-issuer.ts';
import { agencyGroup } from '../../functions/core/auth.ts';
import { localEnv } from './local.ts';

/**
 * A token signed with the stack's real key, with claims and header as given: for the cases the
 * issuer would never produce (no exp, an iat in the future, a lifetime of years, no kid).
 */
export async function signedByTheRealKey(env: Record<string, string>, claims: JWTPayload, header: { kid?: string | undefined } = {}): Promise<string> {
  const file = JSON.parse(readFileSync(env.AUTH_JWKS_FILE!, 'utf8')) as { kid: string; private: JWK };
  const now = Math.floor(Date.now() / 1000);
  const full: JWTPayload = {
    token_use: 'access',
    client_id: env.AUTH_CLIENT_ID,
    'cognito:groups': ['van-phong', agencyGroup(env.AGENCY_ID!)],
    iss: env.AUTH_ISSUER,
    sub: 'attacker',
    jti: randomUUID(),
    iat: now,
    exp: now + 3600,
    ...claims,
  };
  for (const k of Object.keys(full)) if (full[k] === undefined) delete full[k];
  const kid = 'kid' in header ? header.kid : file.kid;
  return new SignJWT(full).setProtectedHeader({ alg: 'RS256', ...(kid ? { kid } : {}) }).sign(await importJWK(file.private, 'RS256'));
}

/** HS256 with the server's public key as the HMAC secret: the classic algorithm-confusion forgery. */
export async function hmacWithThePublicKey(env: Record<string, string>): Promise<string> {
  const file = JSON.parse(readFileSync(env.AUTH_JWKS_FILE!, 'utf8')) as { kid: string; public: { keys: JWK[] } };
  const pem = createPublicKey({ key: file.public.keys[0]! as import('node:crypto').JsonWebKey, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
  return new SignJWT({ token_use: 'access', client_id: env.AUTH_CLIENT_ID, 'cognito:groups': ['van-phong', agencyGroup(env.AGENCY_ID!)] })
    .setProtectedHeader({ alg: 'HS256', kid: file.kid })
    .setIssuer(env.AUTH_ISSUER!)
    .setSubject('attacker')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(String(pem)));
}

/** Tokens that are forged, expired, for another client or issuer, or otherwise unusable. */
export async function badTokens(): Promise<[string, string][]> {
  const env = localEnv();
  const base = {
    file: env.AUTH_JWKS_FILE!,
    issuer: env.AUTH_ISSUER!,
    clientId: env.AUTH_CLIENT_ID!,
    agencyId: env.AGENCY_ID!,
    role: 'unit' as const,
    unit: 'QLKH',
  };
  const { privateKey } = await generateKeyPair('RS256');
  const forgedWith = (kid: string) =>
    new SignJWT({ token_use: 'access', client_id: env.AUTH_CLIENT_ID, 'cognito:groups': ['van-phong', agencyGroup(env.AGENCY_ID!)] })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuer(env.AUTH_ISSUER!)
      .setSubject('attacker')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
  const realKid = (JSON.parse(readFileSync(env.AUTH_JWKS_FILE!, 'utf8')) as { kid: string }).kid;
  const now = Math.floor(Date.now() / 1000);
  const good = await mintToken(base);
  const [h, p] = good.split('.');
  const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
  const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ ...payload, 'cognito:groups': ['van-phong', agencyGroup(env.AGENCY_ID!)] })).toString('base64url')}.`;
  const tamperedPayload = `${h}.${Buffer.from(JSON.stringify({ ...payload, 'cognito:groups': ['van-phong', agencyGroup(env.AGENCY_ID!)] })).toString('base64url')}.${good.split('.')[2]}`;
  return [
    ['forged (other key)', await forgedWith('forged')],
    ['forged signature with the real kid', await forgedWith(realKid)],
    ['HS256 signed with the public key', await hmacWithThePublicKey(env)],
    ['no exp', await signedByTheRealKey(env, { exp: undefined })],
    ['no iat', await signedByTheRealKey(env, { iat: undefined })],
    ['iat an hour in the future', await signedByTheRealKey(env, { iat: now + 3600, exp: now + 7200 })],
    ['exp five years away', await signedByTheRealKey(env, { exp: now + 5 * 365 * 86400 })],
    ['lifetime of a day and a half', await signedByTheRealKey(env, { iat: now - 60, exp: now + 36 * 3600 })],
    ['no kid', await signedByTheRealKey(env, {}, { kid: undefined })],
    ['unknown kid, real key', await signedByTheRealKey(env, {}, { kid: 'another-key' })],
    ['no sub', await signedByTheRealKey(env, { sub: undefined })],
    ['no jti', await signedByTheRealKey(env, { jti: undefined })],
    ['expired', await mintToken({ ...base, now: Math.floor(Date.now() / 1000) - 3 * 3600, ttlSeconds: 3600 })],
    ['wrong client (audience)', await mintToken({ ...base, clientId: 'another-client' })],
    ['wrong issuer', await mintToken({ ...base, issuer: 'https://evil.example/issuer' })],
    ['alg none', unsigned],
    ['payload tampered', tamperedPayload],
    ['garbage', 'not-a-token'],
    ['truncated', good.slice(0, good.length - 10)],
    ['no role', await mintToken({ ...base, role: 'unit', unit: '../../x' })],
    ['no agency group', await signedByTheRealKey(env, { 'cognito:groups': ['van-phong'] })],
    ['two agency groups', await signedByTheRealKey(env, { 'cognito:groups': ['van-phong', agencyGroup(env.AGENCY_ID!), agencyGroup('skhcn-other')] })],
    ['malformed agency group', await signedByTheRealKey(env, { 'cognito:groups': ['van-phong', 'agency-../../x'] })],
  ];
}
