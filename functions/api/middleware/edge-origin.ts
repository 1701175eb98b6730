/**
 * In AWS the API is meant to be reached through CloudFront, whose web ACL (AWS WAF) filters and
 * rate-limits requests; CloudFront adds a header carrying a secret (ORIGIN_VERIFY_SECRET, from
 * Secrets Manager) that a caller going straight to the execute-api address cannot know. Functions
 * refuse requests without it. Locally there is no CloudFront and no secret: nothing is checked.
 * This file imports only node:crypto: the gateway's small authorizer uses it too.
 * flow: authorizer / http handler --> edge origin --> headers
 */
import { timingSafeEqual } from 'node:crypto';

/** The header CloudFront adds to every request it forwards (infra/constructs/portal-edge.ts). */
export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';

/** True when no secret is configured (local), or the request carries CloudFront's. */
export function cameThroughEdge(headers: Record<string, string | undefined> | undefined): boolean {
  const secret = process.env.ORIGIN_VERIFY_SECRET;
  if (!secret) return true;
  const sent = Buffer.from(headers?.[ORIGIN_VERIFY_HEADER] ?? '');
  const expected = Buffer.from(secret);
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}
