import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testContainer } from '../support/local.ts';

describe('S3 archive against s3rver', () => {
  const c = testContainer();
  const prefix = `test/${c.config.agencyId}/`;

  it('stores and returns several MB of binary byte-exact, with content type and checksum', async () => {
    const body = randomBytes(6 * 1024 * 1024 + 123);
    const stored = await c.archive.put(`${prefix}big.bin`, body, 'application/octet-stream', { audience: 'director' });
    expect(stored.size).toBe(body.length);
    const back = await c.archive.get(`${prefix}big.bin`);
    expect(back).toBeDefined();
    expect(Buffer.from(back!.body).equals(body)).toBe(true);
    expect(back!.contentType).toBe('application/octet-stream');
    expect(back!.metadata.sha256).toBe(stored.sha256);
    expect(back!.metadata.audience).toBe('director');
  });

  it('lists by prefix across pages and says whether a key exists', async () => {
    const keys = Array.from({ length: 1005 }, (_, i) => `${prefix}many/${String(i).padStart(4, '0')}.txt`);
    for (let i = 0; i < keys.length; i += 50) {
      await Promise.all(keys.slice(i, i + 50).map((k) => c.archive.put(k, Buffer.from(k), 'text/plain')));
    }
    const listed = await c.archive.list(`${prefix}many/`);
    expect(listed.map((o) => o.key).sort()).toEqual(keys);
    expect(await c.archive.exists(keys[0]!)).toBe(true);
    expect(await c.archive.exists(`${prefix}nope`)).toBe(false);
    expect(await c.archive.get(`${prefix}nope`)).toBeUndefined();
  });

  it('gives a presigned GET link that downloads the exact bytes with a Vietnamese file name', async () => {
    const body = randomBytes(3 * 1024 * 1024);
    await c.archive.put(`${prefix}report.pdf`, body, 'application/pdf');
    const url = await c.archive.presignGet(`${prefix}report.pdf`, 300, 'Báo cáo tháng 5.pdf');
    expect(url).toContain('X-Amz-Signature=');
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(body)).toBe(true);
    expect(decodeURIComponent(url)).toContain("filename*=UTF-8''B%C3%A1o");
  });
});
