import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../../templates/web/client/api.ts';

afterEach(() => vi.unstubAllGlobals());

function respond(status: number, body: unknown) {
  vi.stubGlobal('fetch', async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
}

describe('the pages’ API helper', () => {
  it('treats API Gateway’s own 403 (no error envelope) as an expired session', async () => {
    respond(403, { message: 'Forbidden' });
    const res = await api('GET', '/api/form');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
    expect(res.body.error.message).toMatch(/đăng nhập lại/);
  });
  it('keeps the application’s own 403 as it is', async () => {
    respond(403, { error: { code: 'forbidden', message: 'Bạn chỉ được xem báo cáo của phòng, đơn vị mình.', fields: [] } });
    const res = await api('GET', '/api/form?unit=TTR');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });
  it('reports a dropped connection as a network failure', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('fetch failed');
    });
    expect(await api('GET', '/api/form')).toMatchObject({ ok: false, network: true });
  });
});
