/**
 * Two agencies in one deployment: every request is scoped to the agency of the signed-in user
 * (the token's agency group), never to the deployment's. A second Sở (Tây Ninh, its own units,
 * plan and submissions) beside the demo agency: for each role of each agency, every JSON route
 * with parameters an attacker would try answers with its own agency's data only; a token naming
 * an agency the deployment does not hold is refused everywhere with a message that says so.
 * flow: vitest --> local HTTP server --> handlers --> DynamoDB Local / s3rver
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../functions/core/agency.ts';
import { zonedInstant } from '../../functions/core/clock.ts';
import { setAgency } from '../../functions/usecases/agency-service.ts';
import { submit } from '../../functions/usecases/submissions.ts';
import { demoProfile } from '../support/demo-profile.ts';
import { call } from '../support/http.ts';
import { localEnv, testContainer, tokenFor } from '../support/local.ts';
import { assertResponseMatchesSpec } from '../support/openapi.ts';
import { smallPlan, taskReport } from '../support/small-plan.ts';

const demo = demoProfile();
/** The second agency's own words: none of them may ever reach a user of the demo agency. */
const TN = 'Tây Ninh';
const OTHER_UNITS: Unit[] = [
  { code: 'QLKH', name: `Phòng Quản lý Khoa học tỉnh ${TN}`, kind: 'phong' },
  { code: 'TTUD', name: `Trung tâm Ứng dụng tiến bộ KH&CN ${TN}`, kind: 'trung-tam' },
];
/** Words only the demo agency's data hold (its units not in the second agency, its plan, its place). */
const DEMO_ONLY = ['Chi cục Tiêu chuẩn Đo lường Chất lượng', 'Bắc Giang', 'Thanh tra Sở'];

let other: string;
const tok: Record<string, string> = {};

beforeAll(async () => {
  const env = localEnv();
  other = `skhcn-tn-${randomUUID().slice(0, 6)}`;
  const c = testContainer(other);
  await setAgency(c.agencies, {
    ...demo,
    agencyId: other,
    superiorHeader: `UBND TỈNH ${TN.toUpperCase()}`,
    superiorName: `Ủy ban nhân dân tỉnh ${TN}`,
    placeName: TN,
    units: OTHER_UNITS,
    emails: { ubnd: [`vanthu@${other}.example`], vanPhong: [`vp@${other}.example`], from: `baocao@${other}.example` },
  });
  const plan = smallPlan(other, 2);
  plan.tasks = plan.tasks.map((t, i) => ({ ...t, leadUnit: OTHER_UNITS[i]!.code, content: `${t.content} trên địa bàn tỉnh ${TN}` }));
  await c.plans.putPlan(plan, { hash: `plan-${other}`, importedAt: '2024-01-05T00:00:00Z', importedBy: 'test', source: 'test' });
  await submit(
    c,
    { sub: 'u-tn', role: 'unit', unit: 'QLKH', agencyId: other },
    {
      period: '2024-05',
      unit: 'QLKH',
      baseRevision: 0,
      data: { reporterName: `Người báo cáo ${TN}`, otherWork: [], tasks: [{ ...taskReport('I-1', 35), result: `Kết quả ở ${TN}` }] },
    },
    zonedInstant('2024-05-15', 'Asia/Ho_Chi_Minh', 9),
  );
  tok.demoVp = await tokenFor('van-phong');
  tok.demoUnit = await tokenFor('unit', 'QLKH');
  tok.otherVp = await tokenFor('van-phong', undefined, { agencyId: other });
  tok.otherLd = await tokenFor('lanh-dao', undefined, { agencyId: other });
  tok.otherUnit = await tokenFor('unit', 'QLKH', { agencyId: other });
  tok.nowhere = await tokenFor('van-phong', undefined, { agencyId: 'skhcn-khong-co' });
  expect(env.AGENCY_ID).not.toBe(other);
});

/** The JSON routes a user reads, with the parameters of the demo agency's data. */
const READS = [
  '/api/plan?year=2024',
  '/api/plan?year=2024&unit=QLKH',
  '/api/form?period=2024-05&unit=QLKH',
  '/api/submissions?period=2024-05',
  '/api/submissions/2024-05/QLKH',
  '/api/submissions/2024-05/QLKH/revisions',
  '/api/status?period=2024-05',
  '/api/reports?period=2024-05',
  '/api/directions?year=2024',
];

const text = (body: unknown) => (typeof body === 'string' ? body : JSON.stringify(body));

describe('agency × role × endpoint', () => {
  it("a user of the second agency reads only the second agency's data, whatever the route or parameter", async () => {
    for (const who of ['otherVp', 'otherLd', 'otherUnit'] as const) {
      for (const path of READS) {
        const res = await call('GET', path, { token: tok[who]! });
        expect(res.status, `${who} GET ${path}: ${text(res.body).slice(0, 300)}`).toBeLessThan(500);
        for (const word of DEMO_ONLY) expect(text(res.body), `${who} GET ${path}`).not.toContain(word);
      }
    }
    // What it does see is its own: its plan, its unit's report.
    const plan = await call('GET', '/api/plan?year=2024', { token: tok.otherVp! });
    expect(plan.status).toBe(200);
    expect(plan.body.tasks.map((t: { content: string }) => t.content.endsWith(`tỉnh ${TN}`))).toEqual([true, true]);
    const own = await call('GET', '/api/submissions/2024-05/QLKH', { token: tok.otherVp! });
    expect(text(own.body)).toContain(`Kết quả ở ${TN}`);
    const board = await call('GET', '/api/status?period=2024-05', { token: tok.otherLd! });
    expect(board.status).toBe(200);
    expect(text(board.body)).toContain(OTHER_UNITS[1]!.name);
  });

  it("a user of the demo agency never sees the second agency's data", async () => {
    for (const who of ['demoVp', 'demoUnit'] as const) {
      for (const path of READS) {
        const res = await call('GET', path, { token: tok[who]! });
        expect(res.status, `${who} GET ${path}`).toBeLessThan(500);
        expect(text(res.body), `${who} GET ${path}`).not.toContain(TN);
      }
    }
  });

  it("writes land in the writer's own agency: a unit code of the demo agency is not a door into it", async () => {
    const before = await call('GET', '/api/submissions/2024-05/TTR/revisions', { token: tok.demoVp! });
    // TTR exists in the demo agency only.
    const attempt = await call('PUT', '/api/submissions/2024-05/TTR/draft', {
      token: tok.otherVp!,
      body: { data: { reporterName: 'Kẻ lạ', otherWork: [], tasks: [] } },
    });
    expect(attempt.status).toBeGreaterThanOrEqual(400);
    expect(attempt.status).toBeLessThan(500);
    const after = await call('GET', '/api/submissions/2024-05/TTR/revisions', { token: tok.demoVp! });
    expect(after.body).toEqual(before.body);
    const lock = await call('POST', '/api/periods/2031-01/lock', { token: tok.otherVp!, body: { reason: 'Chốt số liệu' } });
    expect(lock.status).toBe(200);
    // The demo's direction (its Giám đốc's, on QLKH's May proposal) is not found from the other agency, read or changed.
    const demoDirections = await call('GET', '/api/directions?year=2024&state=directed', { token: tok.demoVp! });
    const id = demoDirections.body.items.find((i: { period: string }) => i.period === '2024-05')?.id as string;
    expect(id).toMatch(/^2024-05\.QLKH\./);
    const otherLd = await tokenFor('lanh-dao', undefined, { agencyId: other });
    expect((await call('GET', `/api/directions/${id}`, { token: otherLd })).status).toBe(404);
    const change = await call('PUT', `/api/directions/${id}`, { token: otherLd, body: { expectedVersion: 1, text: 'Kẻ lạ' } });
    expect([change.status, change.body?.error?.code]).toEqual([404, 'direction_not_found']);
    expect((await call('GET', `/api/directions/${id}`, { token: tok.demoVp! })).body.direction.version).toBe(1);
    const demoForm = await call('GET', '/api/form?period=2031-01&unit=QLKH', { token: tok.demoUnit! });
    expect(demoForm.status).toBe(200);
    expect(text(demoForm.body)).not.toContain('"locked":true');
  });

  it('refuses a token naming an agency the deployment does not hold, on every route and at sign-in, saying so', async () => {
    for (const path of READS) {
      const res = await call('GET', path, { token: tok.nowhere! });
      expect([path, res.status, res.body?.error?.code]).toEqual([path, 403, 'unknown_agency']);
      assertResponseMatchesSpec('GET', path, res);
      expect(res.body.error.message).toContain('skhcn-khong-co');
    }
    const session = await call('POST', '/auth/session', { body: { token: tok.nowhere } });
    expect([session.status, session.body?.error?.code]).toEqual([403, 'unknown_agency']);
    assertResponseMatchesSpec('POST', '/auth/session', session);
    expect(session.headers.get('set-cookie')).toBeNull();
  });
});
