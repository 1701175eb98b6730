/**
 * GET /static/{file} — the pages' scripts, stylesheet and source maps as the web build wrote them
 * (infra/web-build.ts), by allow-list only: the build's manifest lists every file, and no path
 * ever reaches the file system from the request. File names carry a hash of their content, so a
 * file never changes under its name: browsers and CloudFront keep it for a year without asking
 * again, and a deploy's new pages name new files.
 * The same function answers the addresses no route matches (API Gateway's $default route), with
 * a page for browsers and JSON for API clients (./not-found.ts): it is the lightest function and
 * needs no permission, and a function of its own would add resources to every agency's stack.
 * flow: API Gateway --> static handler --> BAOCAO_WEB_DIR (templates/web/assets) | not found
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assetType, isAsset, webDir } from '../../../templates/web/assets.ts';
import { httpHandler } from '../handler.ts';
import { ApiError, header, type HttpResult } from '../http.ts';
import { notFound, UNMATCHED_ROUTE_KEY } from './not-found.ts';

/** A hashed name never changes content: cache it for a year, never revalidate. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

interface Asset {
  body: Buffer;
  etag: string;
  type: string;
}

const cache = new Map<string, Asset>();

/** Reads a built asset once per container; undefined for any name the manifest does not list. */
export function loadAsset(name: string, dir = webDir()): Asset | undefined {
  if (!isAsset(name, dir)) return undefined;
  const key = `${dir}\n${name}`;
  let a = cache.get(key);
  if (!a) {
    const body = readFileSync(join(dir, name));
    a = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`, type: assetType(name)! };
    cache.set(key, a);
  }
  return a;
}

export const handler = httpHandler(async (event): Promise<HttpResult> => {
  // Also API Gateway's $default route: an address no route matches.
  if (event.routeKey === UNMATCHED_ROUTE_KEY) return notFound(event);
  const name = event.pathParameters?.file ?? '';
  const asset = loadAsset(name);
  if (!asset) throw new ApiError(404, 'not_found', 'Không tìm thấy tệp này.');
  const headers = { 'content-type': asset.type, 'cache-control': IMMUTABLE, etag: asset.etag };
  if (
    (header(event, 'if-none-match') ?? '')
      .split(',')
      .map((s) => s.trim().replace(/^W\//, ''))
      .includes(asset.etag)
  ) {
    return { statusCode: 304, headers, body: '' };
  }
  return { statusCode: 200, headers, body: asset.body.toString('base64'), isBase64Encoded: true };
}, false);
