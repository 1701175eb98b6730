/**
 * Browser sign-in: the sign-in link carries the token in its #fragment (never sent to servers or
 * logs); /signin's script posts it to POST /auth/session, which verifies it and sets an HttpOnly,
 * SameSite=Strict session cookie. POST /auth/signout clears it.
 * flow: browser --> session handlers --> tokens adapter
 */
// A namespace import lets esbuild drop the parts of zod (locales above all) that are not used.
import * as z from 'zod';
import { authSettingsFromEnv, TokenError, verifyAccessToken } from '../adapters/auth/tokens.ts';
import { httpHandler } from './handler.ts';
import { ApiError, json } from './http.ts';
import { SESSION_COOKIE, csrfTokenFor } from './middleware/auth.ts';
import { parseJsonBody } from './validation.ts';

const bodySchema = z.strictObject({ token: z.string().min(20).max(8192) });

// Always Secure: API Gateway is HTTPS-only, and browsers treat http://localhost and 127.0.0.1
// as secure contexts, so the local server's cookie is kept too.
const COOKIE_FLAGS = 'Path=/; HttpOnly; Secure; SameSite=Strict';

export const sessionHandler = httpHandler(async (event) => {
  const { token } = parseJsonBody(event, bodySchema);
  let principal;
  try {
    principal = await verifyAccessToken(token, authSettingsFromEnv());
  } catch (err) {
    if (err instanceof TokenError) throw new ApiError(401, `token_${err.message}`, 'Đường dẫn đăng nhập không hợp lệ hoặc đã hết hạn. Hãy xin một đường dẫn mới.');
    throw err;
  }
  const exp = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')).exp as number;
  const maxAge = Math.max(0, exp - Math.floor(Date.now() / 1000));
  const cookie = `${SESSION_COOKIE}=${token}; ${COOKIE_FLAGS}; Max-Age=${maxAge}`;
  return { ...json(200, { role: principal.role, unit: principal.unit ?? null, csrfToken: csrfTokenFor(token) }), cookies: [cookie] };
}, false);

export const signoutHandler = httpHandler(async () => {
  return { ...json(200, { signedOut: true }), cookies: [`${SESSION_COOKIE}=; ${COOKIE_FLAGS}; Max-Age=0`] };
}, false);
