import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Principal } from '../../functions/core/auth.ts';
import { zonedInstant } from '../../functions/core/clock.ts';
import { setAgency } from '../../functions/usecases/agency-service.ts';
import { compileReports } from '../../functions/usecases/compile-reports.ts';
import { reportRenderers as renderers } from '../../functions/adapters/renderers.ts';
import { submit } from '../../functions/usecases/submissions.ts';
import { call } from '../support/http.ts';
import { testContainer, tokenFor } from '../support/local.ts';
import { demoProfile } from '../support/demo-profile.ts';
import { smallPlan, taskReport } from '../support/small-plan.ts';
import { readPdf } from '../unit/renderers/pdf-text.ts';

const demo = demoProfile();
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('compiling reports into S3 with versioned metadata', () => {
  it('creates version 1, returns it again for the same data, makes version 2 when data changes, keeps the history', async () => {
    const c = testContainer();
    const a = c.config.agencyId;
    await setAgency(c.agencies, { ...demo, agencyId: a });
    await c.plans.putPlan(smallPlan(a, 3), { hash: 'p1', importedAt: 'x', importedBy: 't', source: 't' });
    const unit = (code: string): Principal => ({ sub: `u-${code}`, role: 'unit', unit: code, agencyId: a });
    await submit(
      c,
      unit('QLKH'),
      { period: '2024-05', unit: 'QLKH', baseRevision: 0, data: { reporterName: 'Nguyễn Thị Nga', otherWork: [], tasks: [taskReport('I-2', 40)] } },
      zonedInstant('2024-05-17', 'Asia/Ho_Chi_Minh', 9),
    );

    const now = new Date('2024-05-21T01:00:00Z');
    const v1 = await compileReports({ ...c, renderers }, { agencyId: a, period: '2024-05', trigger: 'test', now });
    expect(v1.created).toBe(true);
    expect(v1.version.version).toBe(1);
    expect(v1.version.files.map((f) => `${f.audience}.${f.format}`).sort()).toEqual(['director.pdf', 'director.xlsx', 'ubnd.pdf', 'ubnd.xlsx']);
    for (const f of v1.version.files) {
      const got = await c.archive.get(f.key);
      expect(sha(got!.body)).toBe(f.sha256);
      expect(got!.body.byteLength).toBe(f.size);
      expect(f.key).toBe(`reports/${a}/2024-05/v0001/${f.audience}-2024-05.${f.format}`);
    }
    const again = await compileReports({ ...c, renderers }, { agencyId: a, period: '2024-05', trigger: 'test', now: new Date('2024-05-22T01:00:00Z') });
    expect(again.created).toBe(false);
    expect(again.version.version).toBe(1);

    await submit(
      c,
      unit('CCTCDLCL'),
      { period: '2024-05', unit: 'CCTCDLCL', baseRevision: 0, data: { reporterName: 'Hoàng Văn Thắng', otherWork: [], tasks: [taskReport('I-1', 30)] } },
      zonedInstant('2024-05-22', 'Asia/Ho_Chi_Minh', 10),
    );
    const v2 = await compileReports({ ...c, renderers }, { agencyId: a, period: '2024-05', trigger: 'test', now: new Date('2024-05-23T01:00:00Z') });
    expect(v2.created).toBe(true);
    expect(v2.version.version).toBe(2);
    expect(v2.version.inputHash).not.toBe(v1.version.inputHash);
    const versions = await c.reports.listVersions(a, '2024-05');
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    // Version 1's files are still there, unchanged.
    for (const f of v1.version.files) expect(sha((await c.archive.get(f.key))!.body)).toBe(f.sha256);

    // The xlsx of v2 counts the late unit: read it back and find its name on the submissions sheet.
    const xlsx = v2.version.files.find((f) => f.audience === 'director' && f.format === 'xlsx')!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from((await c.archive.get(xlsx.key))!.body) as unknown as ArrayBuffer);
    const text = wb.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String)).join(' ');
    expect(text).toContain('Chi cục Tiêu chuẩn Đo lường Chất lượng');

    // A longer period compiles from the months inside it; a period with no plan still gives a report.
    expect(
      (await compileReports({ ...c, renderers }, { agencyId: a, period: '2024-Q2', trigger: 'test', now: new Date('2024-06-21T01:00:00Z') })).created,
    ).toBe(true);
    const empty = await compileReports({ ...c, renderers }, { agencyId: a, period: '2023', trigger: 'test', now });
    expect(empty.version.files).toHaveLength(4);
  });

  it('lets Văn phòng compile and download over HTTP, and refuses units', async () => {
    const vp = await tokenFor('van-phong');
    const unit = await tokenFor('unit', 'QLKH');
    expect((await call('POST', '/api/reports', { token: unit, body: { period: '2024-04' } })).status).toBe(403);
    expect((await call('POST', '/api/reports', { token: vp, body: { period: '2024-04', kind: 'quarterly' } })).status).toBe(400);
    const first = await call('POST', '/api/reports', { token: vp, body: { period: '2024-04' } });
    expect([200, 201]).toContain(first.status);
    const second = await call('POST', '/api/reports', { token: vp, body: { period: '2024-04' } });
    expect(second.status).toBe(200);
    expect(second.body.report.version).toBe(first.body.report.version);
    const list = await call('GET', '/api/reports?period=2024-04', { token: await tokenFor('lanh-dao') });
    expect(list.status).toBe(200);
    const pdf = list.body.reports[0].files.find((f: { audience: string; format: string }) => f.audience === 'ubnd' && f.format === 'pdf');
    const res = await fetch(pdf.url);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(res.status).toBe(200);
    expect(sha(bytes)).toBe(pdf.sha256);
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    expect((await call('GET', '/api/reports?period=2024-04', { token: unit })).status).toBe(403);
  });
});

describe('the compiled reports page', () => {
  it('shows Văn phòng the versions with download links and the month’s summary; refuses units', async () => {
    const vp = await tokenFor('van-phong');
    await call('POST', '/api/reports', { token: vp, body: { period: '2024-05' } });
    const page = await call('GET', '/reports?period=2024-05', { token: vp });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.body).toContain('Báo cáo tổng hợp tháng 5 năm 2024');
    expect(page.body).toMatch(/phiên bản 1/);
    expect(page.body).toContain('Báo cáo gửi UBND tỉnh');
    expect(page.body).toContain('PDF: Dự thảo báo cáo UBND tỉnh - tháng 5 năm 2024');
    expect(page.body).toContain('data-issue');
    expect(page.body).toContain('đơn vị đã nộp');
    expect(page.body).toContain('data-compile');
    const leader = await call('GET', '/reports?period=2024-05', { token: await tokenFor('lanh-dao') });
    expect(leader.status).toBe(200);
    expect(leader.body).not.toContain('data-compile');
    // Leaders issue too; only Văn phòng uploads the signed PDF.
    expect(leader.body).toContain('data-issue');
    expect(leader.body).not.toContain('data-signed');
    expect((await call('GET', '/reports', { token: await tokenFor('unit', 'QLKH') })).status).toBe(403);
    const anonymous = await call('GET', '/reports');
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toContain('Đăng nhập');
    expect((await call('GET', '/reports?period=2024-13', { token: vp })).status).toBe(400);
  });
});

describe("the demo agency's May 2024, as UBND tỉnh receives it", () => {
  it("holds no proposal addressed to the Sở's leaders and no list of late units — and the province's own proposal", async () => {
    const vp = await tokenFor('van-phong');
    await call('POST', '/api/reports', { token: vp, body: { period: '2024-05' } });
    const list = await call('GET', '/api/reports?period=2024-05', { token: vp });
    const latest = list.body.reports.find((r: { latest: boolean }) => r.latest);
    const file = (audience: string, format: string) =>
      latest.files.find((f: { audience: string; format: string }) => f.audience === audience && f.format === format);
    const bytes = async (f: { url: string }) => Buffer.from(await (await fetch(f.url)).arrayBuffer());
    const pdfText = async (f: { url: string }) =>
      (await readPdf(await bytes(f))).pages
        .flatMap((p) => p.lines.map((l) => l.text))
        .join(' ')
        .replace(/\s+/gu, ' ');
    const workbook = async (f: { url: string }) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await bytes(f)) as unknown as ArrayBuffer);
      return wb;
    };
    // What the demo units wrote to their leaders (infra/local/demo/demo-submissions.ts).
    const internal = ['xin ý kiến Lãnh đạo Sở về việc gia hạn', 'Đề nghị Lãnh đạo Sở có văn bản đôn đốc', 'Tiếp tục theo dõi; xây dựng dự thảo kế hoạch'];
    const ubndPdf = await pdfText(file('ubnd', 'pdf'));
    for (const s of [...internal, 'nộp muộn', 'chưa nộp', 'lưu nháp', 'Chi cục Tiêu chuẩn Đo lường Chất lượng (nộp ngày']) expect(ubndPdf, s).not.toContain(s);
    expect(ubndPdf).toContain('Đề nghị UBND tỉnh xem xét, bổ sung 01 biên chế thanh tra viên chuyên ngành');
    const wb = await workbook(file('ubnd', 'xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Phụ lục']);
    const cells = wb.worksheets
      .flatMap((ws) =>
        ws
          .getSheetValues()
          .flat()
          .map((v) => String(v ?? '')),
      )
      .join(' ');
    for (const s of internal) expect(cells, s).not.toContain(s);
    // The Director's report has them all: the same data, for its own reader.
    const directorPdf = await pdfText(file('director', 'pdf'));
    expect(directorPdf).toContain('nộp báo cáo muộn');
    expect(directorPdf).toContain('xin ý kiến Lãnh đạo Sở về việc gia hạn');
    expect((await workbook(file('director', 'xlsx'))).worksheets.map((w) => w.name)).toEqual([
      'Tổng hợp',
      'Phụ lục',
      'Khó khăn, đề xuất',
      'Tình hình nộp báo cáo',
      // The demo's Giám đốc answered QLKH's May proposal (seed 003's words): the Director's report lists it.
      'Ý kiến chỉ đạo',
    ]);
  });

  it('an explicit date line makes a new draft even when the data are unchanged, instead of being ignored', async () => {
    const c = testContainer();
    const a = c.config.agencyId;
    await setAgency(c.agencies, { ...demo, agencyId: a });
    await c.plans.putPlan(smallPlan(a, 3), { hash: 'p2', importedAt: 'x', importedBy: 't', source: 't' });
    const compile = (issueDate?: string) =>
      compileReports(
        { ...c, renderers },
        { agencyId: a, period: '2024-05', trigger: 'test', now: new Date('2024-05-21T01:00:00Z'), ...(issueDate ? { issueDate } : {}) },
      );
    const v1 = await compile();
    expect((await compile()).created).toBe(false);
    expect((await compile('2024-05-21')).created).toBe(false);
    const dated = await compile('2024-05-23');
    expect([dated.created, dated.version.version, dated.version.issueDate]).toEqual([true, v1.version.version + 1, '2024-05-23']);
    await expect(compile('2024-02-30')).rejects.toMatchObject({ code: 'invalid_issue_date' });
  });
});
