/**
 * Browser sign-in and sign-out. A person signs in by an emailed code (POST /auth/code, then POST
 * /auth/session with the address and code: our own codes locally, Cognito's in AWS), or, locally, by
 * a link carrying a token in its #fragment (never sent to servers or logs) that /signin's script
 * posts to POST /auth/session. Either way the token is verified and kept in an HttpOnly,
 * SameSite=Strict session cookie. POST /auth/signout ends the session: the token goes on
 * the revocation list (and, in AWS, the user's Cognito sessions end), then the cookie is cleared.
 * flow: browser --> session handlers --> session check, revocation list, Cognito sign-out
 */
import { userSignOut } from '../adapters/auth/cognito-sign-out.ts';
import { revocationList } from '../adapters/auth/revocation-list.ts';
import { checkSession } from '../adapters/auth/session-check.ts';
import { TokenError, type VerifiedToken } from '../adapters/auth/tokens.ts';
import { checkSettings } from '../adapters/config.ts';
import { log } from '../adapters/log.ts';
import { httpHandler } from './handler.ts';
import { ApiError, json, type HttpEvent } from './http.ts';
import type { CodeResponse, SessionResponse, SignoutResponse } from './schemas/responses.ts';
import { assertCsrf, assertKnownAgency } from './middleware/auth.ts';
import { SESSION_COOKIE, csrfTokenFor, requestToken } from './middleware/request-token.ts';
import { codeRequestSchema, sessionSchema } from './schemas/session.ts';
import { container } from '../adapters/container.ts';
import { localTokenIssuer } from '../adapters/auth/local-token-issuer.ts';
import { ownCodes, requestCode, signInWithCode } from '../usecases/code-sign-in.ts';
import { cognitoCodeChannel } from '../adapters/auth/identity.ts';
import { parseJsonBody } from './validation.ts';

// In AWS, sign-out ends the user's Cognito sessions too: the user pool must be named.
checkSettings('signOut');

// Always Secure: API Gateway is HTTPS-only, and browsers treat http://localhost and 127.0.0.1
// as secure contexts, so the local server's cookie is kept too.
const COOKIE_FLAGS = 'Path=/; HttpOnly; Secure; SameSite=Strict';

/**
 * The code sign-in of this deployment: our own codes where it holds its signing key (the local
 * stack), Cognito's passwordless email codes where it has a user pool (AWS).
 */
function codeSignInDeps() {
  const c = container();
  const tokens = localTokenIssuer();
  const channel = tokens ? ownCodes({ agencies: c.agencies, mailer: c.mailer, tokens }) : cognitoCodeChannel();
  if (!channel) {
    // Neither (a misconfigured deployment): a 4xx that says so; nothing else is broken.
    throw new ApiError(404, 'code_signin_unavailable', 'Nơi triển khai này chưa bật đăng nhập bằng mã gửi qua thư; hãy liên hệ Văn phòng Sở.');
  }
  return { users: c.users, codes: c.signInCodes, channel };
}

const sourceOf = (event: HttpEvent) => event.requestContext?.http?.sourceIp ?? 'unknown';

/** POST /auth/code {email}: sends a one-time code when the address has an active account (the same answer either way). */
export const codeHandler = httpHandler(async (event) => {
  const { email } = parseJsonBody(event, codeRequestSchema);
  const out = await requestCode(codeSignInDeps(), { email, source: sourceOf(event), now: new Date() });
  return json<CodeResponse>(202, {
    sentTo: out.sentTo,
    minutes: out.minutes,
    message: `Nếu ${out.sentTo} có tài khoản, mã đăng nhập đã được gửi tới địa chỉ này; mã dùng được ${out.minutes} phút.`,
  });
}, false);

export const sessionHandler = httpHandler(async (event) => {
  const body = parseJsonBody(event, sessionSchema);
  if ('code' in body) {
    // The code proves the address; the session is then the token issued for its person.
    const { token } = await signInWithCode(codeSignInDeps(), { email: body.email, code: body.code, source: sourceOf(event), now: new Date() });
    return openSession(token);
  }
  return openSession(body.token);
}, false);

async function openSession(token: string) {
  let session: VerifiedToken;
  try {
    // A signed-out token cannot open a new session either.
    session = await checkSession(token);
  } catch (err) {
    if (err instanceof TokenError)
      throw new ApiError(401, `token_${err.message}`, 'Đường dẫn đăng nhập không hợp lệ hoặc đã hết hạn. Hãy xin một đường dẫn mới.');
    throw err;
  }
  await assertKnownAgency(session.principal);
  const maxAge = Math.max(0, session.expiresAt - Math.floor(Date.now() / 1000));
  const cookie = `${SESSION_COOKIE}=${token}; ${COOKIE_FLAGS}; Max-Age=${maxAge}`;
  return {
    ...json<SessionResponse>(200, { role: session.principal.role, unit: session.principal.unit ?? null, csrfToken: csrfTokenFor(token) }),
    cookies: [cookie],
  };
}

/** Where the browser goes after signing out: the sign-in page (there is no hosted Cognito page whose own session would need ending). */
function afterSignOut(): string {
  return '/signin';
}

/**
 * Ends the session the request carries. A cookie session must prove it is the page's own request
 * (X-CSRF-Token): another site's form gets a 403 and the cookie stays. Without a session there is
 * nothing to end, and no cookie is touched.
 */
export const signoutHandler = httpHandler(async (event: HttpEvent) => {
  const found = requestToken(event);
  if (!found) return json<SignoutResponse>(200, { signedOut: true, next: afterSignOut() });
  if (found.via === 'cookie') assertCsrf(event, found.token);
  let session: VerifiedToken | undefined;
  try {
    session = await checkSession(found.token);
  } catch (err) {
    // Expired, forged or already signed out: nothing left to revoke, only the cookie to clear.
    if (!(err instanceof TokenError)) throw err;
  }
  if (session) {
    await revocationList().revoke(session.principal.agencyId, session.tokenId, session.expiresAt, session.principal.sub, new Date().toISOString());
    try {
      await userSignOut()?.signOut(session.username);
    } catch (err) {
      // The token is refused already (revocation list); Cognito's refresh token, never handed to the browser, ends at expiry.
      log.warn('Cognito sign-out failed', { error: err instanceof Error ? err.name : String(err) });
    }
  }
  const res = json<SignoutResponse>(200, { signedOut: true, next: afterSignOut() });
  return found.via === 'cookie' ? { ...res, cookies: [`${SESSION_COOKIE}=; ${COOKIE_FLAGS}; Max-Age=0`] } : res;
}, false);
