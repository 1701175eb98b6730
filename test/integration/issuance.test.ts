// Issuing a compiled report under a number from the register, against DynamoDB Local and s3rver:
// the draft is marked DỰ THẢO, the issued files carry the number and date, numbers are never
// reused (two clerks at once get two numbers), issued documents never change, and a signed PDF is
// accepted only when it is the issued document. Over HTTP: the routes and who may use them.
// Each test makes its own agency (testContainer), except the HTTP one (demo agency, period 2023-11).
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../functions/core/auth.ts';
import { zonedInstant } from '../../functions/core/clock.ts';
import type { Plan } from '../../functions/core/plan.ts';
import type { ReportModel } from '../../functions/core/report-model.ts';
import { unpdfText } from '../../functions/adapters/pdf-text.ts';
import { setAgency } from '../../functions/usecases/agency-service.ts';
import { attachSignedPdf } from '../../functions/usecases/attach-signed.ts';
import { compileReports } from '../../functions/usecases/compile-reports.ts';
import { issueReport, type IssueInput } from '../../functions/usecases/issue-report.ts';
import { submit } from '../../functions/usecases/submissions.ts';
import { reportRenderers as renderers } from '../../functions/adapters/renderers.ts';
import { renderPdf } from '../../templates/pdf/render-pdf.ts';
import { readPdf } from '../unit/renderers/pdf-text.ts';
import { demoProfile } from '../support/demo-profile.ts';
import { call } from '../support/http.ts';
import { testContainer, tokenFor } from '../support/local.ts';

const TZ = 'Asia/Ho_Chi_Minh';
const demo = demoProfile();
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function plan(agencyId: string): Plan {
  return {
    agencyId,
    year: 2024,
    tasks: [
      {
        id: 'I-1',
        number: '1',
        group: { numeral: 'I', title: 'NHIỆM VỤ TRỌNG TÂM DO CHỦ TỊCH UBND TỈNH GIAO' },
        category: 'trong-tam-ubnd',
        content: 'Đẩy mạnh việc ứng dụng, nhân rộng kết quả các nhiệm vụ khoa học và công nghệ vào sản xuất và đời sống',
        leadUnit: 'QLKH',
        coordinatingUnits: [],
        start: { kind: 'month', year: 2024, month: 1 },
        finish: { kind: 'month', year: 2024, month: 12 },
        milestones: [],
        order: 1,
      },
    ],
  };
}

async function agency() {
  const c = testContainer();
  const a = c.config.agencyId;
  await setAgency(c.agencies, { ...demo, agencyId: a });
  await c.plans.putPlan(plan(a), { hash: `p-${a}`, importedAt: 'x', importedBy: 't', source: 't' });
  const unit: Principal = { sub: 'u-qlkh', role: 'unit', unit: 'QLKH', agencyId: a };
  const report = (period: string, progress: number, day = 17) =>
    submit(
      c,
      unit,
      {
        period,
        unit: 'QLKH',
        baseRevision: 0,
        data: {
          reporterName: 'Nguyễn Thị Nga',
          otherWork: [],
          tasks: [
            {
              taskId: 'I-1',
              status: 'dang-thuc-hien',
              progress,
              result: `Nghiệm thu ${progress / 10} nhiệm vụ cấp tỉnh.`,
              difficulties: '',
              proposals: '',
              needsDecision: false,
              nextPlan: '',
            },
          ],
        },
      },
      zonedInstant(`${period}-${day}`, TZ, 9),
    );
  const compile = (period: string, at: string) => compileReports({ ...c, renderers }, { agencyId: a, period, trigger: 'test', now: new Date(at) });
  const issue = (period: string, at: string, o: Partial<IssueInput> = {}) =>
    issueReport({ ...c, renderers }, { agencyId: a, period, audience: 'ubnd', by: 'u-vp', now: new Date(at), timeZone: TZ, ...o });
  return { c, a, report, compile, issue };
}

async function pdfLines(bytes: Uint8Array): Promise<{ first: string[]; all: string[] }> {
  const read = await readPdf(Buffer.from(bytes));
  return { first: read.pages[0]!.lines.map((l) => l.text), all: read.pages.flatMap((p) => p.lines.map((l) => l.text)) };
}

describe('from draft to issued document', () => {
  it('a fresh compile is marked DỰ THẢO; issuing numbers it, on page 1, in the appendix line and in the workbook', async () => {
    const t = await agency();
    await t.report('2024-05', 30);
    const v = (await t.compile('2024-05', '2024-05-21T01:00:00Z')).version;
    expect(v.issued).toBeUndefined();
    expect(Object.keys(v.models ?? {}).sort()).toEqual(['director', 'ubnd']);
    const draftPdf = (await t.c.archive.get(v.files.find((f) => f.audience === 'ubnd' && f.format === 'pdf')!.key))!.body;
    const draft = await pdfLines(draftPdf);
    expect(draft.first).toContain('DỰ THẢO');
    expect(draft.first.join(' ')).toMatch(/Số:\s+\/BC-SKHCN/u);
    expect(draft.all.join(' ')).toMatch(/\(Kèm theo Báo cáo số\s+\/BC-SKHCN ngày 21 tháng 5 năm 2024 của Sở Khoa học và Công nghệ\)/u);

    const out = await t.issue('2024-05', '2024-05-22T02:00:00Z');
    expect(out.issuance).toMatchObject({ number: 1, symbol: 'BC-SKHCN', year: 2024, date: '2024-05-22', source: 'register', by: 'u-vp' });
    expect(out.version.issued?.ubnd?.number).toBe(1);
    const pdf = (await t.c.archive.get(out.issuance.files.find((f) => f.format === 'pdf')!.key))!.body;
    expect(sha(pdf)).toBe(out.issuance.files.find((f) => f.format === 'pdf')!.sha256);
    const issued = await pdfLines(pdf);
    expect(issued.first).not.toContain('DỰ THẢO');
    expect(issued.first.join(' ')).toContain('Số: 01/BC-SKHCN');
    expect(issued.first.join(' ')).toContain('Bắc Giang, ngày 22 tháng 5 năm 2024');
    expect(issued.all.join(' ')).toContain('(Kèm theo Báo cáo số 01/BC-SKHCN ngày 22 tháng 5 năm 2024 của Sở Khoa học và Công nghệ)');

    // The workbook's first sheet says what it is: DỰ THẢO before, the issued report's appendix after.
    const firstSheetRow3 = async (key: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from((await t.c.archive.get(key))!.body) as unknown as ArrayBuffer);
      return String(wb.worksheets[0]!.getCell(3, 1).value);
    };
    expect(await firstSheetRow3(v.files.find((f) => f.audience === 'ubnd' && f.format === 'xlsx')!.key)).toMatch(/^DỰ THẢO — chưa phát hành\./u);
    expect(await firstSheetRow3(out.issuance.files.find((f) => f.format === 'xlsx')!.key)).toBe(
      '(Kèm theo Báo cáo số 01/BC-SKHCN ngày 22 tháng 5 năm 2024 của Sở Khoa học và Công nghệ)',
    );

    // Issuing the report to UBND tỉnh closes the month: units can no longer revise it.
    expect(await t.c.submissions.getLock(t.a, '2024-05')).toMatchObject({ locked: true, reason: 'Đã phát hành Báo cáo số 01/BC-SKHCN gửi UBND tỉnh' });
    // The draft files are still there, unchanged: an issued version adds files, it overwrites none.
    expect(sha((await t.c.archive.get(v.files[0]!.key))!.body)).toBe(v.files[0]!.sha256);
  });

  it('numbers follow the register of the year; a typed number is taken once, a number in use is refused naming its holder', async () => {
    const t = await agency();
    for (const p of ['2024-04', '2024-05', '2024-06', '2024-07']) {
      await t.report(p, Number(p.slice(5)) * 10);
      await t.compile(p, `${p}-21T01:00:00Z`);
    }
    expect((await t.issue('2024-04', '2024-04-22T02:00:00Z')).issuance.number).toBe(1);
    // The clerk's own register has reached 15: the next number typed in.
    expect((await t.issue('2024-05', '2024-05-22T02:00:00Z', { number: 15 })).issuance).toMatchObject({ number: 15, source: 'typed' });
    // Then the system continues after it.
    expect((await t.issue('2024-06', '2024-06-22T02:00:00Z')).issuance.number).toBe(16);
    // A number already used: 409 naming the document that holds it; nothing changes.
    await expect(t.issue('2024-07', '2024-07-22T02:00:00Z', { number: 15 })).rejects.toMatchObject({
      kind: 'conflict',
      code: 'number_taken',
      message: expect.stringContaining('Số 15/BC-SKHCN năm 2024 đã cấp cho Báo cáo UBND tỉnh tháng 5 năm 2024 (phiên bản 1, ngày 22/05/2024)'),
    });
    expect((await t.c.reports.latest(t.a, '2024-07'))!.issued).toBeUndefined();
    expect((await t.c.reports.listRegister(t.a, 2024, 'BC-SKHCN')).map((e) => [e.number, e.period])).toEqual([
      [1, '2024-04'],
      [15, '2024-05'],
      [16, '2024-06'],
    ]);
    // The Director's report of the demo is Văn phòng's: its own register (BC-VP), from 1.
    const director = await t.issue('2024-04', '2024-04-22T03:00:00Z', { audience: 'director' });
    expect(director.issuance).toMatchObject({ number: 1, symbol: 'BC-VP' });
    const dpdf = await pdfLines((await t.c.archive.get(director.issuance.files.find((f) => f.format === 'pdf')!.key))!.body);
    expect(dpdf.first).toEqual(expect.arrayContaining(['SỞ KHOA HỌC VÀ CÔNG NGHỆ', 'VĂN PHÒNG', 'Kính gửi: Giám đốc Sở.']));
    expect(dpdf.all.join(' ')).toContain('Số: 01/BC-VP');
    expect(dpdf.all).toContain('CHÁNH VĂN PHÒNG');
    expect(dpdf.all.join(' ')).toContain('của Văn phòng Sở Khoa học và Công nghệ)');
  });

  it('two clerks issuing at the same moment get two different numbers; the same document twice is issued once', async () => {
    const t = await agency();
    for (const p of ['2024-05', '2024-06', '2024-07']) {
      await t.report(p, Number(p.slice(5)) * 10);
      await t.compile(p, `${p}-21T01:00:00Z`);
    }
    const both = await Promise.all([
      t.issue('2024-05', '2024-08-01T02:00:00Z'),
      t.issue('2024-06', '2024-08-01T02:00:00Z'),
      t.issue('2024-07', '2024-08-01T02:00:00Z'),
    ]);
    expect(both.map((b) => b.issuance.number).sort()).toEqual([1, 2, 3]);
    const register = await t.c.reports.listRegister(t.a, 2024, 'BC-SKHCN');
    expect(register.map((e) => e.number)).toEqual([1, 2, 3]);

    await t.report('2024-08', 80);
    await t.compile('2024-08', '2024-08-21T01:00:00Z');
    const race = await Promise.allSettled([t.issue('2024-08', '2024-08-22T02:00:00Z'), t.issue('2024-08', '2024-08-22T02:00:00Z')]);
    expect(race.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = race.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ kind: 'conflict', code: 'already_issued' });
    // The loser's number was never written to the register: no gap a clerk would have to explain.
    expect((await t.c.reports.listRegister(t.a, 2024, 'BC-SKHCN')).map((e) => e.number)).toEqual([1, 2, 3, 4]);
  });

  it('an issued version never changes: a superseded version is refused, a correction is a new version under a new number', async () => {
    const t = await agency();
    await t.report('2024-05', 30);
    const v1 = (await t.compile('2024-05', '2024-05-21T01:00:00Z')).version;
    // Data changed (a late unit): version 2. Version 1 can no longer be issued.
    const late: Principal = { sub: 'u-tt', role: 'unit', unit: 'TTR', agencyId: t.a };
    await submit(
      t.c,
      late,
      {
        period: '2024-05',
        unit: 'TTR',
        baseRevision: 0,
        data: { reporterName: 'Trần Minh Đức', otherWork: [{ kind: 'thuong-xuyen', text: 'Tiếp công dân định kỳ.' }], tasks: [] },
      },
      zonedInstant('2024-05-22', TZ, 9),
    );
    const v2 = (await t.compile('2024-05', '2024-05-22T01:00:00Z')).version;
    expect(v2.version).toBe(2);
    await expect(t.issue('2024-05', '2024-05-23T02:00:00Z', { version: v1.version })).rejects.toMatchObject({
      code: 'superseded',
      message: expect.stringContaining('Phiên bản 1 đã được thay bằng phiên bản 2'),
    });
    const issued = await t.issue('2024-05', '2024-05-23T02:00:00Z', { version: 2 });
    await expect(t.issue('2024-05', '2024-05-23T03:00:00Z')).rejects.toMatchObject({
      code: 'already_issued',
      message: expect.stringContaining('đã được phát hành số 01/BC-SKHCN ngày 23/05/2024'),
    });

    // A correction: reopen, the unit revises, compile → version 3 (a draft); issued under number 2.
    await t.c.submissions.setLock({ agencyId: t.a, period: '2024-05', locked: false, at: '2024-05-24T01:00:00Z', by: 'u-vp', reason: 'đính chính' });
    const head = await t.c.submissions.getHead(t.a, '2024-05', 'QLKH');
    await submit(
      t.c,
      { sub: 'u-qlkh', role: 'unit', unit: 'QLKH', agencyId: t.a },
      {
        period: '2024-05',
        unit: 'QLKH',
        baseRevision: head!.revision,
        data: { ...head!.data!, tasks: head!.data!.tasks.map((x) => ({ ...x, progress: 35 })) },
      },
      zonedInstant('2024-05-24', TZ, 9),
    );
    const v3 = (await t.compile('2024-05', '2024-05-24T03:00:00Z')).version;
    expect([v3.version, v3.issued]).toEqual([3, undefined]);
    expect((await t.issue('2024-05', '2024-05-24T04:00:00Z')).issuance.number).toBe(2);
    // Version 2's issued files are untouched.
    const again = (await t.c.reports.getVersion(t.a, '2024-05', 2))!;
    expect(again.issued!.ubnd).toEqual(issued.issuance);
    for (const f of issued.issuance.files) expect(sha((await t.c.archive.get(f.key))!.body)).toBe(f.sha256);
  });

  it('refuses a date before the draft or in the future, a number out of range, and a period never compiled', async () => {
    const t = await agency();
    await t.report('2024-05', 30);
    await t.compile('2024-05', '2024-05-21T01:00:00Z');
    await expect(t.issue('2024-05', '2024-05-22T02:00:00Z', { date: '2024-05-20' })).rejects.toMatchObject({
      code: 'date_out_of_range',
      message: expect.stringContaining('21/05/2024'),
    });
    await expect(t.issue('2024-05', '2024-05-22T02:00:00Z', { date: '2024-05-23' })).rejects.toMatchObject({ code: 'date_out_of_range' });
    await expect(t.issue('2024-05', '2024-05-22T02:00:00Z', { date: '2024-02-30' })).rejects.toMatchObject({ code: 'invalid_date' });
    await expect(t.issue('2024-05', '2024-05-22T02:00:00Z', { number: 0 })).rejects.toMatchObject({ code: 'invalid_number' });
    await expect(t.issue('2024-06', '2024-06-22T02:00:00Z')).rejects.toMatchObject({ kind: 'not_found', code: 'not_compiled' });
    expect(await t.c.reports.listRegister(t.a, 2024, 'BC-SKHCN')).toEqual([]);
  });
});

describe('the PDF signed outside the system', () => {
  it('is accepted only when it is the issued document; then it is what the version holds, with its sha256', async () => {
    const t = await agency();
    await t.report('2024-05', 30);
    const v = (await t.compile('2024-05', '2024-05-21T01:00:00Z')).version;
    const deps = { ...t.c, pdfText: unpdfText };
    const attach = (bytes: Uint8Array, fileName = 'bao-cao-da-ky.pdf') =>
      attachSignedPdf(deps, { agencyId: t.a, period: '2024-05', audience: 'ubnd', bytes, fileName, by: 'u-vp', now: new Date('2024-05-22T05:00:00Z') });
    const draftPdf = (await t.c.archive.get(v.files.find((f) => f.audience === 'ubnd' && f.format === 'pdf')!.key))!.body;
    await expect(attach(draftPdf)).rejects.toMatchObject({ kind: 'conflict', code: 'not_issued' });

    const issued = (await t.issue('2024-05', '2024-05-22T02:00:00Z')).issuance;
    // What signing software does: the same document, with the signer's stamp added to the page.
    const model = JSON.parse(new TextDecoder().decode((await t.c.archive.get(v.models!.ubnd!))!.body)) as ReportModel;
    const stamped: ReportModel = {
      ...model,
      draft: false,
      documentNumber: '1',
      issueDate: '2024-05-22',
      body: [
        ...model.body,
        { type: 'paragraph', text: 'Ký bởi: Ngô Chí Vinh; Cơ quan: Sở Khoa học và Công nghệ tỉnh Bắc Giang; Thời gian ký: 22.05.2024 10:15:02 +07:00' },
      ],
    };
    const signed = await renderPdf(stamped);

    // Not the issued document: the draft (number blank, DỰ THẢO), another month's, not a PDF at all.
    await expect(attach(draftPdf)).rejects.toMatchObject({
      kind: 'invalid',
      code: 'signed_mismatch',
      message: expect.stringContaining('Báo cáo số 01/BC-SKHCN'),
    });
    await expect(
      attach(await renderPdf({ ...stamped, period: { ...stamped.period, label: 'tháng 4 năm 2024' }, subject: 'Kết quả thực hiện nhiệm vụ tháng 4 năm 2024' })),
    ).rejects.toMatchObject({ code: 'signed_mismatch' });
    await expect(attach(new TextEncoder().encode('Báo cáo đã ký'))).rejects.toMatchObject({ code: 'not_pdf' });
    await expect(attach(new TextEncoder().encode('%PDF-1.7\nhỏng'))).rejects.toMatchObject({ code: 'pdf_unreadable' });
    expect((await t.c.reports.latest(t.a, '2024-05'))!.issued!.ubnd!.signed).toBeUndefined();

    const ok = await attach(signed, 'Báo cáo 01 đã ký.pdf');
    expect(ok.signed).toMatchObject({ sha256: sha(signed), size: signed.byteLength, fileName: 'Báo cáo 01 đã ký.pdf', by: 'u-vp' });
    const stored = (await t.c.reports.latest(t.a, '2024-05'))!.issued!.ubnd!;
    expect(stored.signed!.sha256).toBe(sha(signed));
    expect(sha((await t.c.archive.get(stored.signed!.key))!.body)).toBe(sha(signed));
    // The issued files themselves stay as they were.
    expect(stored.files).toEqual(issued.files);
  });
});

describe('over HTTP', () => {
  it('Văn phòng and leaders issue, units may not; a typed number is taken; the signed PDF goes in as the body', async () => {
    const vp = await tokenFor('van-phong');
    const leader = await tokenFor('lanh-dao');
    const unit = await tokenFor('unit', 'QLKH');
    const period = '2023-11';
    await call('POST', '/api/reports', { token: vp, body: { period } });
    expect((await call('POST', `/api/reports/${period}/issue`, { token: unit, body: { audience: 'ubnd' } })).status).toBe(403);
    expect((await call('POST', `/api/reports/${period}/issue`, { token: vp, body: { audience: 'nobody' } })).status).toBe(422);
    expect((await call('POST', '/api/reports/2023-13/issue', { token: vp, body: { audience: 'ubnd' } })).status).toBe(404);
    const first = await call('POST', `/api/reports/${period}/issue`, { token: leader, body: { audience: 'director' } });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.number).toMatch(/^\d{2,}\/BC-VP$/u);
    // A number typed from the clerk's register (other files of this run issue in the same year's register: a number of its own).
    const typed = 5000 + Math.floor(Math.random() * 4000);
    const taken = await call('POST', `/api/reports/${period}/issue`, { token: vp, body: { audience: 'ubnd', number: typed } });
    expect(taken.status, JSON.stringify(taken.body)).toBe(201);
    expect(taken.body.number).toBe(`${typed}/BC-SKHCN`);
    const again = await call('POST', `/api/reports/${period}/issue`, { token: vp, body: { audience: 'ubnd' } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_issued');

    const listed = await call('GET', `/api/reports?period=${period}`, { token: leader });
    const issued = listed.body.reports[0].issued.ubnd;
    expect(issued.numberText).toBe(taken.body.number);
    const pdf = issued.files.find((f: { format: string }) => f.format === 'pdf');
    expect(pdf.fileName).toBe(`Báo cáo số ${taken.body.number.replace('/', '-')} - UBND tỉnh - tháng 11 năm 2023.pdf`);
    const bytes = Buffer.from(await (await fetch(pdf.url)).arrayBuffer());
    expect(sha(bytes)).toBe(pdf.sha256);

    const put = (body: Buffer | string, token: string, type = 'application/pdf') =>
      call('PUT', `/api/reports/${period}/signed?audience=ubnd`, {
        token,
        rawBody: body,
        headers: { 'content-type': type, 'x-file-name': encodeURIComponent('Báo cáo đã ký.pdf') },
      });
    expect((await put(bytes, unit)).status).toBe(403);
    expect((await put(bytes, vp, 'application/json')).status).toBe(415);
    const bad = await put(Buffer.from('không phải PDF'), vp);
    expect([bad.status, bad.body.error.code]).toEqual([422, 'not_pdf']);
    const ok = await put(bytes, vp);
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.signed).toMatchObject({ sha256: sha(bytes), fileName: 'Báo cáo đã ký.pdf' });
  });
});
