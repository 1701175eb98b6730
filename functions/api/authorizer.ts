/**
 * API Gateway Lambda authorizer (HTTP API, simple responses): accepts a Cognito access token from
 * the Authorization header (API clients) or from the HttpOnly session cookie (the browser pages
 * and their scripts), verified by the same code the handlers run. API Gateway's built-in JWT
 * authorizer reads only the header, so it would refuse every browser call.
 * flow: API Gateway --> authorizer --> tokens adapter
 */
import type { APIGatewayRequestAuthorizerEventV2 } from 'aws-lambda';
import { authSettingsFromEnv, TokenError, verifyAccessToken } from '../adapters/auth/tokens.ts';
import { checkSettings } from '../adapters/config.ts';
import { cameThroughEdge } from './middleware/edge-origin.ts';
import { requestToken } from './middleware/request-token.ts';

// A missing auth setting stops the authorizer at start-up, naming it (adapters/config.ts).
checkSettings('auth');

export interface AuthorizerResult {
  isAuthorized: boolean;
  context?: { sub: string; role: string; unit: string; agencyId: string };
}

export async function handler(event: APIGatewayRequestAuthorizerEventV2): Promise<AuthorizerResult> {
  // A request that skipped CloudFront (and its web ACL) goes no further.
  if (!cameThroughEdge(event.headers)) return { isAuthorized: false };
  const token = requestToken(event)?.token;
  if (!token) return { isAuthorized: false };
  try {
    const p = await verifyAccessToken(token, authSettingsFromEnv());
    return { isAuthorized: true, context: { sub: p.sub, role: p.role, unit: p.unit ?? '', agencyId: p.agencyId } };
  } catch (err) {
    if (err instanceof TokenError) return { isAuthorized: false };
    throw err;
  }
}
