/**
 * The local stand-in for Cognito: an RSA key pair in a file under the data directory, and
 * minting of access tokens with Cognito's claim names. Only `npm start`, the CLI and tests use it.
 * flow: CLI / tests --> local issuer --> jose
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { agencyGroup, groupsForRole, type Role } from '../../core/auth.ts';

interface KeyFile {
  kid: string;
  private: JWK;
  public: { keys: JWK[] };
}

/** Creates the key file if missing; returns its path. */
export async function ensureLocalKeys(file: string): Promise<string> {
  if (existsSync(file)) return file;
  mkdirSync(path.dirname(file), { recursive: true });
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  const priv = { ...(await exportJWK(privateKey)), kid, alg: 'RS256' };
  const pub = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const data: KeyFile = { kid, private: priv, public: { keys: [pub] } };
  writeFileSync(file, JSON.stringify(data), { mode: 0o600 });
  return file;
}

export interface MintOptions {
  file: string;
  issuer: string;
  clientId: string;
  /** The agency the user belongs to (its group goes into the token). */
  agencyId: string;
  role: Role;
  unit?: string;
  name?: string;
  sub?: string;
  /** Lifetime in seconds (default 8 hours: a working day). */
  ttlSeconds?: number;
  /** For tests of expired tokens. */
  now?: number;
}

export async function mintToken(o: MintOptions): Promise<string> {
  const data = JSON.parse(readFileSync(o.file, 'utf8')) as KeyFile;
  const key = await importJWK(data.private, 'RS256');
  const now = o.now ?? Math.floor(Date.now() / 1000);
  const sub = o.sub ?? `local-${o.role}${o.unit ? `-${o.unit.toLowerCase()}` : ''}`;
  return new SignJWT({
    token_use: 'access',
    client_id: o.clientId,
    'cognito:groups': [...groupsForRole(o.role, o.unit), agencyGroup(o.agencyId)],
    username: o.name ?? sub,
    ...(o.name ? { name: o.name } : {}),
  })
    .setProtectedHeader({ alg: 'RS256', kid: data.kid })
    .setIssuer(o.issuer)
    .setSubject(sub)
    .setIssuedAt(now)
    .setExpirationTime(now + (o.ttlSeconds ?? 8 * 3600))
    .setJti(randomUUID())
    .sign(key);
}
