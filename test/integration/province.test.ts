/**
 * Văn phòng UBND tỉnh's view: three agencies of one province — one delivered its May report,
 * one issued it without delivering, one only compiled a draft — one that compiled nothing, and an
 * agency of another province that must not appear. Each agency's state, number, files and lateness
 * against the province's deadline, the roll-up of tasks the Chủ tịch UBND tỉnh assigned read from
 * the issued reports, the page, and who may see them.
 * flow: vitest --> use cases (set up) --> local HTTP server --> province handlers
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AgencyProfile } from '../../functions/core/agency.ts';
import { zonedInstant } from '../../functions/core/clock.ts';
import { reportRenderers as renderers } from '../../functions/adapters/renderers.ts';
import { setAgency } from '../../functions/usecases/agency-service.ts';
import { compileReports } from '../../functions/usecases/compile-reports.ts';
import { issueReport } from '../../functions/usecases/issue-report.ts';
import { runJob } from '../../functions/usecases/run-job.ts';
import { DEFAULT_JOB_SETTINGS } from '../../functions/usecases/send-once.ts';
import { submit } from '../../functions/usecases/submissions.ts';
import { demoProfile } from '../support/demo-profile.ts';
import { call } from '../support/http.ts';
import { testContainer, tokenFor } from '../support/local.ts';
import { assertResponseMatchesSpec } from '../support/openapi.ts';
import { smallPlan, taskReport } from '../support/small-plan.ts';

const demo = demoProfile();
const run = randomUUID().slice(0, 6);
const province = `tinh-${run}`;
const ids = { office: `vpubnd-${run}`, delivered: `sa-${run}`, issued: `sb-${run}`, draft: `sc-${run}`, none: `sd-${run}`, elsewhere: `se-${run}` };
let officeToken: string;

function profileOf(agencyId: string, place: string, inProvince = province): AgencyProfile {
  return {
    ...demo,
    agencyId,
    province: inProvince,
    placeName: place,
    emails: { ubnd: [`vanthu.${run}@ubnd.example.test`], vanPhong: [`vp.${agencyId}@example.test`], from: 'baocao@skhcn.bacgiang.example' },
  };
}

async function agencyWithMay(agencyId: string, place: string, step: 'none' | 'draft' | 'issued' | 'delivered', inProvince = province) {
  const c = testContainer(agencyId);
  await setAgency(c.agencies, profileOf(agencyId, place, inProvince));
  if (step === 'none') return;
  await c.plans.putPlan(smallPlan(agencyId, 3), { hash: `p-${agencyId}`, importedAt: '2024-01-05T00:00:00Z', importedBy: 'test', source: 'test' });
  await submit(
    c,
    { sub: 'u', role: 'unit', unit: 'QLKH', agencyId },
    {
      period: '2024-05',
      unit: 'QLKH',
      baseRevision: 0,
      data: { reporterName: 'Người báo cáo', otherWork: [], tasks: [{ ...taskReport('I-2', 60), result: `Kết quả của ${place}` }] },
    },
    zonedInstant('2024-05-15', 'Asia/Ho_Chi_Minh', 9),
  );
  await compileReports({ ...c, renderers }, { agencyId, period: '2024-05', trigger: 'test', now: new Date('2024-05-21T01:00:00Z') });
  if (step === 'draft') return;
  await issueReport(
    { ...c, renderers },
    { agencyId, period: '2024-05', audience: 'ubnd', by: 'test', now: new Date('2024-05-21T02:00:00Z'), timeZone: 'Asia/Ho_Chi_Minh' },
  );
  if (step === 'issued') return;
  const deps = { ...c, renderers, clock: () => new Date('2024-05-21T03:00:05Z'), sleep: async () => undefined, settings: { ...DEFAULT_JOB_SETTINGS } };
  await runJob(deps, { agencyId, job: 'deliver', kind: 'monthly', scheduledTime: new Date('2024-05-21T03:00:00Z'), source: 'test' });
}

beforeAll(async () => {
  const c = testContainer(ids.office);
  // Văn phòng UBND tỉnh is an agency of its own: its profile names the province and its deadline day for the Sở's reports.
  await setAgency(c.agencies, {
    ...profileOf(ids.office, 'Tỉnh X'),
    kind: 'province-office',
    name: 'Văn phòng UBND tỉnh',
    shortName: 'VP UBND tỉnh',
    symbol: 'VPUBND',
    superiorHeader: 'UBND TỈNH X',
    submissionDeadlineDay: 25,
    signers: { ...demo.signers, ubnd: { prefix: 'KT.', authority: 'CHÁNH VĂN PHÒNG', title: 'PHÓ CHÁNH VĂN PHÒNG', name: 'Nguyễn Văn Phòng' } },
    recipients: { ...demo.recipients, ubnd: ['Như trên', 'Các PCT UBND tỉnh (b/c)'] },
    documents: { ubnd: { issuerName: 'VĂN PHÒNG', kinhGui: ['Chủ tịch UBND tỉnh'] } },
  });
  await agencyWithMay(ids.delivered, 'Alpha', 'delivered');
  await agencyWithMay(ids.issued, 'Bravo', 'issued');
  await agencyWithMay(ids.draft, 'Charlie', 'draft');
  await agencyWithMay(ids.none, 'Delta', 'none');
  await agencyWithMay(ids.elsewhere, 'Echo', 'delivered', `khac-${run}`);
  officeToken = await tokenFor('ubnd-tinh', undefined, { agencyId: ids.office });
});

describe("the province's view", () => {
  it('lists every agency of the province with where its report to UBND tỉnh stands, and only those', async () => {
    const res = await call('GET', '/api/province?period=2024-05', { token: officeToken });
    expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(200);
    assertResponseMatchesSpec('GET', '/api/province?period=2024-05', res);
    expect(res.body.deadline).toBe('2024-05-25');
    const byId = Object.fromEntries(res.body.agencies.map((a: { agencyId: string }) => [a.agencyId, a]));
    expect(Object.keys(byId).sort()).toEqual([ids.delivered, ids.issued, ids.draft, ids.none].sort());
    expect(byId[ids.delivered]).toMatchObject({ state: 'delivered', numberText: '01/BC-SKHCN', issuedOn: '2024-05-21', late: false });
    expect(byId[ids.delivered].files.map((f: { format: string }) => f.format).sort()).toEqual(['pdf', 'xlsx']);
    expect(byId[ids.issued]).toMatchObject({ state: 'issued', numberText: '01/BC-SKHCN' });
    expect(byId[ids.issued]).not.toHaveProperty('deliveredAt');
    // Not delivered and the province's deadline (25/05/2024) has long passed: late.
    expect(byId[ids.issued].late).toBe(true);
    expect(byId[ids.draft]).toMatchObject({ state: 'draft', late: true, files: [] });
    expect(byId[ids.none]).toMatchObject({ state: 'not-compiled', late: true, files: [] });
    // The files are the issued report's, downloadable.
    const pdf = byId[ids.delivered].files.find((f: { format: string }) => f.format === 'pdf');
    const got = await fetch(pdf.url);
    expect(got.status).toBe(200);
    expect(
      Buffer.from(await got.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('rolls up the tasks the Chủ tịch UBND tỉnh assigned from the issued reports only, as each report states them', async () => {
    const res = await call('GET', '/api/province?period=2024-05', { token: officeToken });
    const rows = res.body.rollup as { agencyId: string; number: string; content: string; status: string; result: string; progress?: number }[];
    // Issued (delivered or not): in; a draft or nothing: out.
    expect([...new Set(rows.map((r) => r.agencyId))].sort()).toEqual([ids.delivered, ids.issued].sort());
    const alpha = rows.filter((r) => r.agencyId === ids.delivered);
    expect(alpha.map((r) => r.number)).toEqual(['1', '2', '3']);
    const reported = alpha.find((r) => r.number === '2')!;
    expect(reported).toMatchObject({ progress: 60 });
    expect(reported.result).toContain('Kết quả của Alpha');
    expect(alpha.find((r) => r.number === '1')!.status).toBe('chua-co-bao-cao');
  });

  it('draws the page for Văn phòng UBND tỉnh and refuses everyone else', async () => {
    const page = await call('GET', '/province?period=2024-05', { token: officeToken });
    expect(page.status).toBe(200);
    const html = String(page.body);
    expect(html).toContain('Báo cáo các Sở gửi UBND tỉnh — tháng 5 năm 2024');
    expect(html).toContain('Đã gửi UBND tỉnh');
    expect(html).toContain('Chưa tổng hợp');
    expect(html).toContain('Đã gửi: 1/4 cơ quan; quá hạn: 3');
    expect(html).toContain('Kết quả của Alpha');
    expect(html).not.toContain('Echo');
    const sở = await tokenFor('van-phong', undefined, { agencyId: ids.delivered });
    const refused = await call('GET', '/api/province?period=2024-05', { token: sở });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'forbidden']);
    expect((await call('GET', '/province', { token: sở })).status).toBe(403);
    expect((await call('GET', '/api/province?period=2024-13', { token: officeToken })).status).toBe(400);
    const anonymous = await call('GET', '/province');
    expect([anonymous.status, String(anonymous.body).includes('Đăng nhập để xem báo cáo các Sở')]).toEqual([200, true]);
  });

  it("compiles Văn phòng UBND tỉnh's roll-up from the issued reports and issues it under the office's own number and header", async () => {
    const compiled = await call('POST', '/api/reports', { token: officeToken, body: { period: '2024-05' } });
    expect(compiled.status, JSON.stringify(compiled.body).slice(0, 400)).toBe(201);
    assertResponseMatchesSpec('POST', '/api/reports', compiled);
    const report = compiled.body.report;
    expect(report.kind).toBe('province-rollup');
    // One document, to UBND tỉnh.
    expect(report.files.map((f: { audience: string; format: string }) => `${f.audience}.${f.format}`).sort()).toEqual(['ubnd.pdf', 'ubnd.xlsx']);
    // Nothing changed: the same version.
    const again = await call('POST', '/api/reports', { token: officeToken, body: { period: '2024-05' } });
    expect([again.status, again.body.report.version]).toEqual([200, report.version]);
    // A roll-up has no Director's document to issue.
    const wrong = await call('POST', '/api/reports/2024-05/issue', { token: officeToken, body: { audience: 'director' } });
    expect([wrong.status, wrong.body.error.code]).toEqual([400, 'rollup_one_document']);

    const issued = await call('POST', '/api/reports/2024-05/issue', { token: officeToken, body: { audience: 'ubnd' } });
    expect(issued.status, JSON.stringify(issued.body).slice(0, 400)).toBe(201);
    expect(issued.body.number).toBe('01/BC-VPUBND');
    const listed = await call('GET', '/api/reports?period=2024-05', { token: officeToken });
    expect(listed.status).toBe(200);
    const files = listed.body.reports[0].issued.ubnd.files as { format: string; url: string }[];
    const dir = mkdtempSync(path.join(tmpdir(), 'rollup-'));
    const pdfFile = path.join(dir, 'r.pdf');
    writeFileSync(pdfFile, Buffer.from(await (await fetch(files.find((f) => f.format === 'pdf')!.url)).arrayBuffer()));
    const text = execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' }).replace(/\s+/gu, ' ');
    for (const words of [
      'UBND TỈNH X',
      'VĂN PHÒNG',
      'Số: 01/BC-VPUBND',
      'Kính gửi: Chủ tịch UBND tỉnh',
      'Tổng hợp kết quả thực hiện nhiệm vụ do Chủ tịch UBND tỉnh giao tháng 5 năm 2024',
      // Each Sở of the province, where its report stands, against the office's deadline (25/05/2024).
      'chậm nhất ngày 25/05/2024',
      'trong 04 cơ quan của tỉnh: 01 cơ quan đã gửi báo cáo, đúng hạn; 01 cơ quan đã ban hành báo cáo nhưng chưa gửi; 01 cơ quan mới có bản dự thảo, chưa ban hành; 01 cơ quan chưa tổng hợp báo cáo',
      'Sở Khoa học và Công nghệ tỉnh Alpha: Báo cáo số 01/BC-SKHCN ngày 21/05/2024, đã gửi UBND tỉnh ngày 21/05/2024 (đúng hạn)',
      'Sở Khoa học và Công nghệ tỉnh Bravo: Báo cáo số 01/BC-SKHCN ngày 21/05/2024, chưa gửi UBND tỉnh',
      'Sở Khoa học và Công nghệ tỉnh Charlie: chưa ban hành báo cáo (mới có bản dự thảo)',
      'Sở Khoa học và Công nghệ tỉnh Delta: chưa tổng hợp báo cáo',
      // The issued reports' results, Sở by Sở; the draft's never.
      'Kết quả của Alpha',
      'Kết quả của Bravo',
      'KT. CHÁNH VĂN PHÒNG',
      'Nguyễn Văn Phòng',
      'Các PCT UBND tỉnh (b/c)',
    ])
      expect(text).toContain(words);
    expect(text).not.toContain('Kết quả của Charlie');
    expect(text).not.toContain('Echo');
    expect(text).not.toContain('DỰ THẢO');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await (await fetch(files.find((f) => f.format === 'xlsx')!.url)).arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Tình hình gửi báo cáo')!;
    const cells: string[] = [];
    sheet.eachRow((row) => cells.push((row.values as unknown[]).map((v) => String(v ?? '')).join('|')));
    expect(cells.find((r) => r.includes('tỉnh Alpha'))).toContain('01/BC-SKHCN');
    expect(cells.find((r) => r.includes('tỉnh Delta'))).toContain('Chưa tổng hợp, đã quá hạn');
    expect(cells.some((r) => r.includes('Echo'))).toBe(false);
  });

  it('refuses a roll-up when no Sở has issued the report yet, saying where to look', async () => {
    const res = await call('POST', '/api/reports', { token: officeToken, body: { period: '2024-04' } });
    expect([res.status, res.body.error.code]).toEqual([422, 'nothing_issued']);
    expect(res.body.error.message).toContain('tháng 4 năm 2024');
  });
});
