import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { container, resetContainer } from '../../functions/adapters/container.ts';
import { mintToken } from '../../functions/adapters/auth/local-issuer.ts';
import { setAgency } from '../../functions/usecases/agency-service.ts';
import { readXlsxGrid } from '../../functions/adapters/xlsx-grid.ts';
import { importPlan } from '../../functions/usecases/import-plan.ts';
import { startLocalStack, type LocalStack } from '../../infra/local/stack.ts';
import { demoProfile } from '../support/demo-profile.ts';

// Its own stack, in this worker, so that everything the server and the emulators print during a
// full run can be captured and searched for secrets.
let stack: LocalStack;
const captured: string[] = [];
const restore: (() => void)[] = [];
const secrets: string[] = [];

function capture(stream: NodeJS.WriteStream): void {
  const original = stream.write.bind(stream);
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof stream.write;
  restore.push(() => (stream.write = original));
}

/** The sockets listening on this machine, from the kernel's own tables (Linux): address and port. */
function listeningAddresses(): { address: string; port: number }[] {
  const out: { address: string; port: number }[] = [];
  for (const [file, v6] of [
    ['/proc/net/tcp', false],
    ['/proc/net/tcp6', true],
  ] as const) {
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 4 || cols[3] !== '0A') continue; // 0A: LISTEN
      const [hex, portHex] = cols[1]!.split(':') as [string, string];
      out.push({ address: v6 ? ipv6(hex) : ipv4(hex), port: parseInt(portHex, 16) });
    }
  }
  return out;
}
/** /proc writes each 32-bit word in host (little-endian) order. */
const word = (hex: string) => hex.match(/../g)!.reverse().join('');
const ipv4 = (hex: string) =>
  word(hex)
    .match(/../g)!
    .map((b) => parseInt(b, 16))
    .join('.');
function ipv6(hex: string): string {
  const words = (hex.match(/.{8}/g) ?? []).map(word).join('');
  if (/^0{20}ffff/i.test(words)) return `::ffff:${ipv4(hex.slice(24))}`;
  return /^0+$/.test(words) ? '::' : words.match(/.{4}/g)!.join(':');
}

async function fetchAs(pathName: string, init: RequestInit = {}) {
  return fetch(`${stack.server.url}${pathName}`, { redirect: 'manual', ...init });
}

beforeAll(async () => {
  capture(process.stdout);
  capture(process.stderr);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'baocao-sec-'));
  process.env.AGENCY_ID = `sec-${randomUUID().slice(0, 6)}`;
  process.env.LOG_LEVEL = 'debug';
  stack = await startLocalStack({ keysDir: dir, port: 0, log: (line) => captured.push(line) });
  resetContainer();
  const c = container();
  const demo = demoProfile();
  await setAgency(c.agencies, { ...demo, agencyId: c.config.agencyId });
  const plan = await importPlan(
    { ...c, readSheets: readXlsxGrid },
    {
      agencyId: c.config.agencyId,
      year: 2024,
      fileName: 'plan.xlsx',
      bytes: readFileSync(new URL('../fixtures/plans/seed-004-bacgiang-2024.xlsx', import.meta.url)),
      importedBy: 'test',
      now: new Date(),
    },
  );
  expect(plan.ok).toBe(true);
});

afterAll(async () => {
  await stack?.stop();
  for (const r of restore) r();
});

describe('security of a full run', () => {
  it('puts security headers on every HTML page and sets the session cookie HttpOnly, Secure, SameSite', async () => {
    const mint = (role: 'unit' | 'van-phong', unit?: string) =>
      mintToken({
        file: stack.env.AUTH_JWKS_FILE!,
        issuer: stack.env.AUTH_ISSUER!,
        clientId: stack.env.AUTH_CLIENT_ID!,
        agencyId: stack.env.AGENCY_ID!,
        role,
        ...(unit ? { unit } : {}),
      });
    const unitToken = await mint('unit', 'QLKH');
    const vpToken = await mint('van-phong');
    secrets.push(unitToken, vpToken);

    const session = await fetchAs('/auth/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: unitToken }),
    });
    expect(session.status).toBe(200);
    const setCookie = session.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^baocao_session=/);
    for (const flag of ['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/']) expect(setCookie).toContain(flag);
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    secrets.push(csrfToken);
    const cookie = setCookie.split(';')[0]!;

    const pages: [string, Record<string, string>][] = [
      ['/', { cookie }],
      ['/?period=2024-06', { cookie }],
      ['/status?period=2024-06', { cookie }], // 403 page for a unit
      ['/status?period=2024-06', { authorization: `Bearer ${vpToken}` }],
      ['/reports', { authorization: `Bearer ${vpToken}` }],
      ['/signin', {}],
      ['/', {}], // anonymous: how to sign in
      ['/status', { cookie: 'baocao_session=forged' }], // 401 page
    ];
    for (const [p, headers] of pages) {
      const res = await fetchAs(p, { headers: { accept: 'text/html', ...headers } });
      expect(res.headers.get('content-type'), p).toMatch(/^text\/html/);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, p).toContain("frame-ancestors 'none'");
      expect(csp, p).toContain("script-src 'self'");
      expect(csp, p).not.toContain('unsafe-inline');
      expect(res.headers.get('referrer-policy'), p).toBe('no-referrer');
      expect(res.headers.get('x-frame-options'), p).toBe('DENY');
      expect(res.headers.get('x-content-type-options'), p).toBe('nosniff');
      expect(await res.text(), p).not.toContain(unitToken);
    }

    // A cookie-authenticated write without the CSRF header is refused; with it, it goes through.
    const body = JSON.stringify({ data: { reporterName: 'Nguyễn Thị Nga', otherWork: [], tasks: [] } });
    const noCsrf = await fetchAs('/api/submissions/2024-06/QLKH/draft', { method: 'PUT', headers: { cookie, 'content-type': 'application/json' }, body });
    expect(noCsrf.status).toBe(403);
    const withCsrf = await fetchAs('/api/submissions/2024-06/QLKH/draft', {
      method: 'PUT',
      headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body,
    });
    expect(withCsrf.status).toBe(200);

    // More of a normal month: submit, compile, download, and some refused requests.
    const june = (await (await fetchAs('/api/form?period=2024-06', { headers: { authorization: `Bearer ${unitToken}` } })).json()) as {
      tasks: { task: { id: string } }[];
    };
    const submit = await fetchAs('/api/submissions', {
      method: 'POST',
      headers: { authorization: `Bearer ${unitToken}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({
        period: '2024-06',
        baseRevision: 0,
        data: {
          reporterName: 'Nguyễn Thị Nga',
          otherWork: [],
          tasks: [{ taskId: june.tasks[0]!.task.id, status: 'dang-thuc-hien', progress: 30, result: 'Đã tổ chức hội đồng.' }],
        },
      }),
    });
    expect(submit.status).toBe(201);
    const compile = await fetchAs('/api/reports', {
      method: 'POST',
      headers: { authorization: `Bearer ${vpToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ period: '2024-06' }),
    });
    expect(compile.status).toBe(201);
    const expired = await mintToken({
      file: stack.env.AUTH_JWKS_FILE!,
      issuer: stack.env.AUTH_ISSUER!,
      clientId: stack.env.AUTH_CLIENT_ID!,
      agencyId: stack.env.AGENCY_ID!,
      role: 'unit',
      unit: 'QLKH',
      now: 1_000_000_000,
    });
    secrets.push(expired);
    expect((await fetchAs('/api/form?period=2024-06', { headers: { authorization: `Bearer ${expired}` } })).status).toBe(401);
    const signout = await fetchAs('/auth/signout', { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(signout.headers.get('set-cookie')).toMatch(/Max-Age=0/);
  });

  it('signs out only with the CSRF token, and a signed-out session is refused everywhere, cookie and bearer alike', async () => {
    const mint = (role: 'unit' | 'van-phong', unit?: string) =>
      mintToken({
        file: stack.env.AUTH_JWKS_FILE!,
        issuer: stack.env.AUTH_ISSUER!,
        clientId: stack.env.AUTH_CLIENT_ID!,
        agencyId: stack.env.AGENCY_ID!,
        role,
        ...(unit ? { unit } : {}),
      });
    const token = await mint('unit', 'QLKH');
    const otherSession = await mint('unit', 'QLKH');
    secrets.push(token, otherSession);
    const session = await fetchAs('/auth/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    secrets.push(csrfToken);
    const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0]!;
    const form = (headers: Record<string, string>) => fetchAs('/api/form?period=2024-06', { headers });
    expect((await form({ cookie })).status).toBe(200);

    // Another site's form: without the cookie (SameSite=Strict keeps it home) nothing happens; with it, no CSRF token, a 403.
    const crossSite: Record<string, string>[] = [
      { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      { cookie },
    ];
    for (const headers of crossSite) {
      const res = await fetchAs('/auth/signout', { method: 'POST', headers, body: 'x=1' });
      expect(res.headers.get('set-cookie'), JSON.stringify(headers)).toBeNull();
      expect(res.status, JSON.stringify(headers)).toBe('cookie' in headers ? 403 : 200);
      expect((await form({ cookie })).status).toBe(200);
    }

    const out = await fetchAs('/auth/signout', { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(out.status).toBe(200);
    expect(await out.json()).toEqual({ signedOut: true, next: '/signin' });
    expect(out.headers.get('set-cookie')).toMatch(/^baocao_session=;.*Max-Age=0/);

    // The same cookie replayed: 401 on the API, the sign-in page on pages; the token opens no new session.
    const replayed = await form({ cookie });
    expect(replayed.status).toBe(401);
    expect(((await replayed.json()) as { error: { code: string } }).error.code).toBe('token_revoked');
    expect((await form({ authorization: `Bearer ${token}` })).status).toBe(401);
    const page = await fetchAs('/?period=2024-06', { headers: { cookie, accept: 'text/html' } });
    expect(page.status).toBe(401);
    expect(await page.text()).toContain('Phiên đăng nhập đã kết thúc (đã đăng xuất). Vui lòng đăng nhập lại.');
    expect((await fetchAs('/signin', { headers: { cookie } })).status).toBe(200);
    const again = await fetchAs('/auth/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
    expect(again.status).toBe(401);
    // Only that session ended; the list entry goes when the token would have expired anyway.
    expect((await form({ authorization: `Bearer ${otherSession}` })).status).toBe(200);
    const c = container();
    const jti = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).jti as string;
    const exp = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).exp as number;
    const entry = await c.doc.send(new GetCommand({ TableName: c.config.tableName, Key: { PK: `AGENCY#${c.config.agencyId}#REVOKED#${jti}`, SK: 'REVOKED' } }));
    expect(entry.Item).toMatchObject({ expiresAt: exp + 60, sub: 'local-unit-qlkh' });

    // An API client signs out with its bearer token: no CSRF token needed, no cookie to clear.
    const vp = await mint('van-phong');
    secrets.push(vp);
    const bearerOut = await fetchAs('/auth/signout', { method: 'POST', headers: { authorization: `Bearer ${vp}` } });
    expect([bearerOut.status, bearerOut.headers.get('set-cookie')]).toEqual([200, null]);
    expect((await fetchAs('/api/status?period=2024-06', { headers: { authorization: `Bearer ${vp}` } })).status).toBe(401);
  });

  it('listens on 127.0.0.1 only: the server and every emulator (none of them checks credentials)', () => {
    const ports = [stack.server.port, stack.emulators.ports.dynamodb, stack.emulators.ports.s3, stack.emulators.ports.ses];
    const listening = listeningAddresses();
    for (const port of ports) {
      const addresses = listening.filter((l) => l.port === port).map((l) => l.address);
      expect(addresses.length, `port ${port} listens`).toBeGreaterThan(0);
      for (const address of addresses) expect(address, `port ${port}`).toMatch(/^(127\.0\.0\.1|::ffff:127\.0\.0\.1)$/);
    }
  });

  it('leaves no token, cookie, CSRF token or signing key in the logs of the run', async () => {
    const logs = captured.join('\n');
    expect(logs.length).toBeGreaterThan(100); // the run did log (requests, warnings)
    expect(logs).toMatch(/POST \/api\/submissions 201/);
    for (const s of secrets) expect(logs.includes(s)).toBe(false);
    expect(logs).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}/);
    expect(logs).not.toMatch(/baocao_session=[^;\s]{20,}/);
    const key = JSON.parse(readFileSync(stack.env.AUTH_JWKS_FILE!, 'utf8')) as { private: { d: string } };
    expect(logs.includes(key.private.d)).toBe(false);
  });
});
