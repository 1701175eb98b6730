/**
 * GET /static/{file} — the pages' scripts and stylesheet from templates/web/, by allow-list
 * only (no path ever reaches the file system from the request), with an ETag so browsers
 * revalidate cheaply; `no-cache` because file names carry no version and a deploy must not
 * leave a new page running an old script.
 * flow: API Gateway --> static handler --> templates/web/*
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ASSETS, isAsset } from '../../../templates/web/assets.ts';
import { httpHandler } from '../handler.ts';
import { ApiError, header, type HttpResult } from '../http.ts';

/** Folder of the assets: BAOCAO_WEB_DIR when set (a Lambda bundle copies them beside itself). */
export function webDir(): string {
  return resolve(process.env.BAOCAO_WEB_DIR ?? fileURLToPath(new URL('../../../templates/web/', import.meta.url)));
}

interface Asset {
  body: Buffer;
  etag: string;
  type: string;
}

const cache = new Map<string, Asset>();

/** Reads an allow-listed asset once per container; undefined for any other name. */
export function loadAsset(name: string, dir = webDir()): Asset | undefined {
  if (!isAsset(name)) return undefined;
  const key = `${dir}\n${name}`;
  let a = cache.get(key);
  if (!a) {
    const body = readFileSync(join(dir, name));
    a = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`, type: ASSETS[name]! };
    cache.set(key, a);
  }
  return a;
}

export const handler = httpHandler(async (event): Promise<HttpResult> => {
  const name = event.pathParameters?.file ?? '';
  const asset = loadAsset(name);
  if (!asset) throw new ApiError(404, 'not_found', 'Không tìm thấy tệp này.');
  const headers = { 'content-type': asset.type, 'cache-control': 'public, no-cache', etag: asset.etag };
  if ((header(event, 'if-none-match') ?? '').split(',').map((s) => s.trim().replace(/^W\//, '')).includes(asset.etag)) {
    return { statusCode: 304, headers, body: '' };
  }
  return { statusCode: 200, headers, body: asset.body.toString('base64'), isBase64Encoded: true };
}, false);
