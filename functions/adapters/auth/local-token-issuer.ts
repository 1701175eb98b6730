/**
 * Issues a session token for a person who proved their address with a code — where the deployment
 * holds its own signing key: the local stack (AUTH_JWKS_FILE, the key the CLI mints with). In AWS the
 * tokens are Cognito's, from its passwordless email sign-in (adapters/auth/cognito-code-channel.ts;
 * docs/decisions.md, "Sign-in by email code").
 * flow: session handlers --> local token issuer --> local issuer (jose)
 */
import type { User } from '../../core/users.ts';
import type { TokenIssuer } from '../../usecases/ports.ts';
import { mintToken } from './local-issuer.ts';

/** The issuer, when this deployment can issue tokens itself; undefined in AWS. */
export function localTokenIssuer(): TokenIssuer | undefined {
  const file = process.env.AUTH_JWKS_FILE;
  const issuer = process.env.AUTH_ISSUER;
  const clientId = process.env.AUTH_CLIENT_ID;
  if (!file || !issuer || !clientId) return undefined;
  return {
    issue: (user: User) =>
      mintToken({
        file,
        issuer,
        clientId,
        agencyId: user.agencyId,
        role: user.role,
        ...(user.unit ? { unit: user.unit } : {}),
        name: user.name,
        sub: user.sub,
      }),
  };
}
