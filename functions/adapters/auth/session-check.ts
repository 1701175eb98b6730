/**
 * The one check every handler runs on a token: valid (tokens.ts) and not signed out (the
 * revocation list). The API Gateway authorizer runs tokens.ts only and stays free of the AWS SDK
 * (docs/decisions.md): a signed-out token it lets through is refused here, by the function, before
 * anything is read.
 * flow: auth middleware / session handlers --> session check --> tokens + revocation list
 */
import { revocationList } from './revocation-list.ts';
import { authSettingsFromEnv, TokenError, verifyToken, type VerifiedToken } from './tokens.ts';

export async function checkSession(token: string): Promise<VerifiedToken> {
  const verified = await verifyToken(token, authSettingsFromEnv());
  const p = verified.principal;
  if (await revocationList().isRevoked(p.agencyId, verified.tokenId, p.sub, verified.issuedAt)) throw new TokenError('revoked');
  return verified;
}
