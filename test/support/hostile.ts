/**
 * Hostile request corpus: tokens that must be refused, and bodies that must be refused, built
 * programmatically so each family covers every field. Shared by the hardening tests.
 */
import { generateKeyPair, SignJWT } from 'jose';
import { mintToken } from '../../functions/adapters/auth/local-issuer.ts';
import { localEnv } from './local.ts';

/** Tokens that are forged, expired, for another client or issuer, or otherwise unusable. */
export async function badTokens(): Promise<[string, string][]> {
  const env = localEnv();
  const base = { file: env.AUTH_JWKS_FILE!, issuer: env.AUTH_ISSUER!, clientId: env.AUTH_CLIENT_ID!, role: 'unit' as const, unit: 'QLKH' };
  const { privateKey } = await generateKeyPair('RS256');
  const forged = await new SignJWT({ token_use: 'access', client_id: env.AUTH_CLIENT_ID, 'cognito:groups': ['van-phong'] })
    .setProtectedHeader({ alg: 'RS256', kid: 'forged' })
    .setIssuer(env.AUTH_ISSUER!)
    .setSubject('attacker')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(privateKey);
  const good = await mintToken(base);
  const [h, p] = good.split('.');
  const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
  const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ ...payload, 'cognito:groups': ['van-phong'] })).toString('base64url')}.`;
  const tamperedPayload = `${h}.${Buffer.from(JSON.stringify({ ...payload, 'cognito:groups': ['van-phong'] })).toString('base64url')}.${good.split('.')[2]}`;
  return [
    ['forged (other key)', forged],
    ['expired', await mintToken({ ...base, now: Math.floor(Date.now() / 1000) - 3 * 3600, ttlSeconds: 3600 })],
    ['wrong client (audience)', await mintToken({ ...base, clientId: 'another-client' })],
    ['wrong issuer', await mintToken({ ...base, issuer: 'https://evil.example/issuer' })],
    ['alg none', unsigned],
    ['payload tampered', tamperedPayload],
    ['garbage', 'not-a-token'],
    ['truncated', good.slice(0, good.length - 10)],
    ['no role', await mintToken({ ...base, role: 'unit', unit: '../../x' })],
  ];
}
