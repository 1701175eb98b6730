/**
 * The page and static handlers in process (no emulator needed for these paths): static files by
 * allow-list only, with types and revalidation; anonymous visitors and expired sessions get a
 * Vietnamese page (not JSON) on pages, JSON where JSON was asked for; and no browser script
 * builds HTML from strings.
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Context } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureLocalKeys, mintToken } from '../../../functions/adapters/auth/local-issuer.ts';
import type { HttpEvent, HttpResult } from '../../../functions/api/http.ts';
import { handler as formPage } from '../../../functions/api/pages/form-page.ts';
import { handler as signinPage } from '../../../functions/api/pages/signin-page.ts';
import { handler as staticFiles } from '../../../functions/api/pages/static.ts';
import { handler as statusPage } from '../../../functions/api/pages/status-page.ts';
import { assetType, assetUrl, webDir, webManifest } from '../../../templates/web/assets.ts';

function fileURLPath(rel: string): string {
  return path.resolve(new URL(rel, import.meta.url).pathname);
}

function event(p: {
  path: string;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  cookies?: string[];
}): HttpEvent {
  return {
    version: '2.0',
    routeKey: `GET ${p.path}`,
    rawPath: p.path,
    rawQueryString: new URLSearchParams(p.query ?? {}).toString(),
    headers: p.headers ?? {},
    ...(p.query ? { queryStringParameters: p.query } : {}),
    ...(p.pathParameters ? { pathParameters: p.pathParameters } : {}),
    ...(p.cookies ? { cookies: p.cookies } : {}),
    requestContext: {
      accountId: '0',
      apiId: 'local',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: { method: 'GET', path: p.path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
      requestId: 'r',
      routeKey: `GET ${p.path}`,
      stage: '$default',
      time: '',
      timeEpoch: 0,
    },
    isBase64Encoded: false,
  } as HttpEvent;
}

const context = { awsRequestId: 'req-1', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;
const call = (h: (e: HttpEvent, c: Context) => Promise<HttpResult>, e: HttpEvent) => h(e, context);

describe('static files', () => {
  const dir = webDir();
  const manifest = webManifest(dir);

  it('serves every built file under its hashed name, with its type, an ETag and a year of caching', async () => {
    expect(manifest.files.length).toBeGreaterThan(5);
    for (const name of manifest.files) {
      const res = await call(staticFiles, event({ path: `/static/${name}`, pathParameters: { file: name } }));
      expect(res.statusCode, name).toBe(200);
      expect(res.headers?.['content-type']).toBe(assetType(name));
      expect(res.headers?.['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers?.['x-content-type-options']).toBe('nosniff');
      expect(res.isBase64Encoded).toBe(true);
      expect(Buffer.from(res.body!, 'base64').equals(readFileSync(path.join(dir, name)))).toBe(true);
    }
    for (const [logical, file] of Object.entries(manifest.entries)) expect(file, logical).toMatch(/^[a-z]+-[A-Z0-9]{8}\.(js|css)$/);
  });

  it('answers 304 when the browser already has the file', async () => {
    const css = manifest.entries['app.css']!;
    const first = await call(staticFiles, event({ path: `/static/${css}`, pathParameters: { file: css } }));
    const etag = String(first.headers?.etag);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    const again = await call(staticFiles, event({ path: `/static/${css}`, pathParameters: { file: css }, headers: { 'if-none-match': `W/${etag}` } }));
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('refuses anything not on the list: logical names, the manifest, sources, traversal, odd spellings', async () => {
    const form = manifest.entries['form.js']!;
    const names = [
      'app.css',
      'form.js',
      'manifest.json',
      'build.json',
      'form.ts',
      'html.ts',
      'assets.ts',
      '../../package.json',
      '..%2F..%2Fpackage.json',
      `${form}/../${manifest.entries['app.css']}`,
      form.toUpperCase(),
      `./${form}`,
      '',
      '.',
      'constructor',
      '__proto__',
      'toString',
    ];
    for (const name of names) {
      const res = await call(staticFiles, event({ path: `/static/${name}`, pathParameters: { file: name } }));
      expect(res.statusCode, name).toBe(404);
      expect(JSON.parse(res.body!).error.code).toBe('not_found');
    }
  });

  it('the manifest names a built file for every page script and the stylesheet', () => {
    expect(Object.keys(manifest.entries).sort()).toEqual([
      'app.css',
      'common.js',
      'dashboard.js',
      'form.js',
      'people.js',
      'plan.js',
      'profile.js',
      'reminders.js',
      'reports.js',
      'signin.js',
    ]);
    for (const file of Object.values(manifest.entries)) expect(manifest.files).toContain(file);
  });

  it('no browser script parses HTML from strings', () => {
    const client = fileURLPath('../../../templates/web/client/');
    for (const name of readdirSync(client).filter((n) => n.endsWith('.ts'))) {
      const src = readFileSync(path.join(client, name), 'utf8');
      expect(src, name).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/);
    }
    for (const name of manifest.files.filter((n) => n.endsWith('.js'))) {
      expect(readFileSync(path.join(dir, name), 'utf8'), name).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/);
    }
  });
});

describe('pages for visitors who are not signed in', () => {
  it('GET / explains how to sign in, as a page with the strict CSP', async () => {
    const res = await call(formPage, event({ path: '/', headers: { accept: 'text/html' } }));
    expect(res.statusCode).toBe(200);
    expect(res.headers?.['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers?.['content-security-policy']).toContain("script-src 'self'");
    expect(res.body).toContain('Đăng nhập để báo cáo');
    expect(res.body).toContain('Văn phòng Sở');
    // Operator commands are for the docs, not for anyone who opens the portal.
    expect(res.body).not.toContain('npm run cli');
    expect(res.body).toContain('href="/signin"');
  });

  it('GET /status is a page for a browser and a 401 JSON for ?format=json or Accept: application/json', async () => {
    const page = await call(statusPage, event({ path: '/status', headers: { accept: 'text/html,*/*' } }));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Bảng theo dõi nộp báo cáo dành cho Văn phòng và Lãnh đạo Sở.');
    for (const e of [event({ path: '/status', query: { format: 'json' } }), event({ path: '/status', headers: { accept: 'application/json' } })]) {
      const res = await call(statusPage, e);
      expect(res.statusCode).toBe(401);
      expect(res.headers?.['content-type']).toContain('application/json');
      expect(JSON.parse(res.body!).error.code).toBe('unauthenticated');
    }
  });

  it('answers the gateway’s bare 403 to a request that skipped CloudFront, in AWS, before anything else runs', async () => {
    process.env.ORIGIN_VERIFY_SECRET = 'cloudfront-only-0123456789';
    try {
      for (const [h, path] of [
        [signinPage, '/signin'],
        [formPage, '/'],
        [staticFiles, assetUrl('app.css')],
      ] as const) {
        const file = path.slice('/static/'.length);
        const bare = await call(h, event({ path, pathParameters: { file } }));
        expect([bare.statusCode, bare.body], path).toEqual([403, '{"message":"Forbidden"}']);
        const through = await call(
          h,
          event({ path, pathParameters: { file: path.slice('/static/'.length) }, headers: { 'x-origin-verify': 'cloudfront-only-0123456789' } }),
        );
        expect(through.statusCode, path).toBe(200);
      }
    } finally {
      delete process.env.ORIGIN_VERIFY_SECRET;
    }
  });

  it('GET /signin renders the sign-in page', async () => {
    const res = await call(signinPage, event({ path: '/signin' }));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`<script type="module" src="${assetUrl('signin.js')}"></script>`);
  });
});

describe('pages for an expired or broken session', () => {
  let expired: string;
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'baocao-web-'));
    const file = await ensureLocalKeys(path.join(dir, 'jwks.json'));
    Object.assign(process.env, { AUTH_JWKS_FILE: file, AUTH_ISSUER: 'baocao-local', AUTH_CLIENT_ID: 'baocao-local-client', AGENCY_ID: 'skhcn-bacgiang' });
    expired = await mintToken({
      file,
      issuer: 'baocao-local',
      clientId: 'baocao-local-client',
      agencyId: 'skhcn-bacgiang',
      role: 'unit',
      unit: 'QLKH',
      now: Math.floor(Date.now() / 1000) - 20 * 3600,
      ttlSeconds: 3600,
    });
  });

  it('answers a page saying the session expired and how to sign in again, not JSON', async () => {
    const res = await call(formPage, event({ path: '/', cookies: [`baocao_session=${expired}`] }));
    expect(res.statusCode).toBe(401);
    expect(res.headers?.['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers?.['content-security-policy']).toContain("default-src 'none'");
    expect(res.body).toContain('Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.');
    expect(res.body).toContain('<a href="/signin">trang đăng nhập</a>');
  });

  it('still opens the sign-in page, where a new link replaces the session', async () => {
    for (const cookie of [`baocao_session=${expired}`, 'baocao_session=eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.', 'baocao_session=%']) {
      const res = await call(signinPage, event({ path: '/signin', cookies: [cookie] }));
      expect(res.statusCode, cookie).toBe(200);
      expect(res.body).toContain(`<script type="module" src="${assetUrl('signin.js')}"></script>`);
    }
  });

  it('treats a forged cookie the same way', async () => {
    const res = await call(statusPage, event({ path: '/status', cookies: ['baocao_session=eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.'] }));
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain('Mã đăng nhập không hợp lệ');
  });
});
