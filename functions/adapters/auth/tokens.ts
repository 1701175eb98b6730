/**
 * Bearer-token verification, the same code in Lambda and locally. In AWS the keys are the
 * Cognito user pool's JWKS (AUTH_JWKS_URL); locally they are a key pair kept under the data
 * directory (AUTH_JWKS_FILE) with which the CLI mints tokens. Claims follow Cognito access
 * tokens: `sub`, `cognito:groups`, `client_id`, `token_use`.
 * flow: auth middleware --> tokens --> jose
 */
import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { agencyFromGroups, MAX_TOKEN_LIFETIME_SECONDS, roleFromGroups, type Principal } from '../../core/auth.ts';
import { jwksSource, requiredSetting } from '../config.ts';

export interface AuthSettings {
  issuer: string;
  clientId: string;
  jwksUrl?: string;
  jwksFile?: string;
}

/** The auth settings from the environment; no fallback (a missing one is named: adapters/config.ts). */
export function authSettingsFromEnv(): AuthSettings {
  return {
    issuer: requiredSetting('AUTH_ISSUER'),
    clientId: requiredSetting('AUTH_CLIENT_ID'),
    ...jwksSource(),
  };
}

let cachedKeys: { source: string; keys: JWTVerifyGetKey } | undefined;

function keySet(s: AuthSettings): JWTVerifyGetKey {
  const source = s.jwksUrl ?? s.jwksFile ?? '';
  if (cachedKeys?.source === source) return cachedKeys.keys;
  let keys: JWTVerifyGetKey;
  if (s.jwksUrl) keys = createRemoteJWKSet(new URL(s.jwksUrl));
  else if (s.jwksFile) keys = createLocalJWKSet(JSON.parse(readFileSync(s.jwksFile, 'utf8')).public);
  else throw new Error('No token keys configured (AUTH_JWKS_URL or AUTH_JWKS_FILE)');
  cachedKeys = { source, keys };
  return keys;
}

export class TokenError extends Error {
  override name = 'TokenError';
}

export class KeysUnavailableError extends Error {
  override name = 'KeysUnavailableError';
}

/** How far a token's clock may be ahead of ours (iat, nbf) or behind (exp), in seconds. */
export const CLOCK_SKEW_SECONDS = 30;

/**
 * The signing key for a token, chosen by its `kid`: a token that names no key is refused even
 * when the key set has a single key that would fit (Cognito always names one).
 */
function keyFor(keys: JWTVerifyGetKey): JWTVerifyGetKey {
  return (header, token) => {
    if (typeof header.kid !== 'string' || header.kid === '') throw new TokenError('invalid');
    return keys(header, token);
  };
}

/** A verified access token: who, and what sign-out needs to revoke it. */
export interface VerifiedToken {
  principal: Principal;
  /** The token's `jti`: what the revocation list records. */
  tokenId: string;
  /** Its `exp`, epoch seconds. */
  expiresAt: number;
  /** Its `iat`, epoch seconds: a disabled person's tokens issued before they were disabled are refused. */
  issuedAt: number;
  /** Cognito's `username` (what AdminUserGlobalSignOut takes); the `sub` when the token has none. */
  username: string;
}

/** verifyToken's principal: for callers that only need who is asking. */
export async function verifyAccessToken(token: string, s: AuthSettings): Promise<Principal> {
  return (await verifyToken(token, s)).principal;
}

/**
 * Verifies signature (RS256 only, the key named by `kid`), expiry, issuer, client and token use;
 * requires `exp`, `iat`, `sub` and `jti`, an `iat` no further ahead than the clock skew, and a
 * lifetime (exp − iat) of at most a working day; maps groups to a principal. Whether the token was
 * signed out is the revocation list's to say (session-check.ts).
 */
export async function verifyToken(token: string, s: AuthSettings): Promise<VerifiedToken> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, keyFor(keySet(s)), {
      issuer: s.issuer,
      algorithms: ['RS256'],
      clockTolerance: CLOCK_SKEW_SECONDS,
      requiredClaims: ['exp', 'iat', 'sub', 'jti'],
      // Also refuses an iat in the future (beyond the skew) and one older than any token we issue.
      maxTokenAge: MAX_TOKEN_LIFETIME_SECONDS,
    }));
  } catch (err) {
    const code = (err as { code?: string }).code;
    // Keys that cannot be fetched say nothing about the token: that is an outage, not a 401.
    if (code === 'ERR_JWKS_TIMEOUT' || (err instanceof TypeError && /fetch/i.test(err.message))) {
      throw new KeysUnavailableError('The token signing keys (JWKS) could not be fetched', { cause: err });
    }
    throw new TokenError(code === 'ERR_JWT_EXPIRED' ? 'expired' : 'invalid');
  }
  // A token that claims to live longer than any we issue was not issued by us (or not as configured).
  if ((payload.exp ?? 0) - (payload.iat ?? 0) > MAX_TOKEN_LIFETIME_SECONDS + CLOCK_SKEW_SECONDS) throw new TokenError('invalid');
  if (payload.token_use !== 'access' || (payload.client_id ?? payload.aud) !== s.clientId) throw new TokenError('wrong_audience');
  const groups = Array.isArray(payload['cognito:groups']) ? (payload['cognito:groups'] as unknown[]).filter((g): g is string => typeof g === 'string') : [];
  const role = roleFromGroups(groups);
  if (!role || typeof payload.sub !== 'string') throw new TokenError('no_role');
  // The agency comes from the user's own groups, never from the deployment: a user of one Sở is
  // scoped to it on every route (docs/security.md, "Agencies").
  const agencyId = agencyFromGroups(groups);
  if (!agencyId) throw new TokenError('no_agency');
  if (typeof payload.jti !== 'string' || payload.jti === '') throw new TokenError('invalid');
  const principal: Principal = {
    sub: payload.sub,
    agencyId,
    role: role.role,
    ...(role.unit ? { unit: role.unit } : {}),
    ...(typeof payload.name === 'string' ? { name: payload.name } : typeof payload.username === 'string' ? { name: payload.username } : {}),
  };
  return {
    principal,
    tokenId: payload.jti,
    expiresAt: payload.exp!,
    issuedAt: payload.iat ?? 0,
    username: typeof payload.username === 'string' ? payload.username : payload.sub,
  };
}
