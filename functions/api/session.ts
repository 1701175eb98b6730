/**
 * Browser sign-in: the sign-in link carries the token in its #fragment (never sent to servers or
 * logs); /signin's script posts it to POST /auth/session, which verifies it and sets an HttpOnly,
 * SameSite=Strict session cookie. POST /auth/signout clears it.
 * flow: browser --> session handlers --> tokens adapter
 */
import { z } from 'zod';
import { authSettingsFromEnv, TokenError, verifyAccessToken } from '../adapters/auth/tokens.ts';
import { httpHandler } from './handler.ts';
import { ApiError, header, json, type HttpEvent } from './http.ts';
import { SESSION_COOKIE, csrfTokenFor } from './middleware/auth.ts';
import { parseJsonBody } from './validation.ts';

const bodySchema = z.strictObject({ token: z.string().min(20).max(8192) });

function secure(event: HttpEvent): boolean {
  // Behind API Gateway every request is HTTPS; the local server is plain HTTP on localhost,
  // where browsers would drop a Secure cookie.
  return (header(event, 'x-forwarded-proto') ?? (event.requestContext.apiId === 'local' ? 'http' : 'https')) === 'https';
}

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
  const cookie = `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure(event) ? '; Secure' : ''}`;
  return { ...json(200, { role: principal.role, unit: principal.unit ?? null, csrfToken: csrfTokenFor(token) }), cookies: [cookie] };
}, false);

export const signoutHandler = httpHandler(async (event) => {
  return { ...json(200, { signedOut: true }), cookies: [`${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure(event) ? '; Secure' : ''}`] };
}, false);
