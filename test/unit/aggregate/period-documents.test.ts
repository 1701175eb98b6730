// Every period is its own document. Three months of submissions (test/fixtures/periods/three-months.ts:
// one unit misses the last month, one task finishes in the first month, one falls overdue in the
// second, one unit never reports a task due in August) give quarterly, six-month, nine-month and
// annual reports whose text and workbook state exactly that, for both audiences; every number a
// sentence states is the tables' (claims-check); and their PDFs follow the official layout.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Audience } from '../../../functions/core/agency.ts';
import { buildReportModel } from '../../../functions/core/aggregate/build-report-model.ts';
import type { ReportModel, TaskRow } from '../../../functions/core/report-model.ts';
import { renderXlsx } from '../../../templates/excel/render-xlsx.ts';
import { SUBMISSIONS_SHEET } from '../../../templates/excel/submissions-sheet.ts';
import { renderPdf } from '../../../templates/pdf/render-pdf.ts';
import { periodInput, plan2025 } from '../../fixtures/periods/three-months.ts';
import { bodyText, claimProblems, hygieneProblems } from '../../support/claims-check.ts';
import { layoutProblems } from '../renderers/layout-checks.ts';
import { readPdf } from '../renderers/pdf-text.ts';
import { arrayBuffer } from '../renderers/xlsx-read.ts';

const PERIODS = ['2024-Q2', '2024-H1', '2024-9M', '2024'] as const;
const AUDIENCES: Audience[] = ['director', 'ubnd'];

const model = (p: string, a: Audience) => buildReportModel(periodInput(p, a));
const text = bodyText;
const row = (m: ReportModel, id: string): TaskRow => m.groups.flatMap((g) => g.rows).find((r) => r.taskId === id)!;
const monthOf = (m: ReportModel, id: string) => m.submissionMonths.find((x) => x.period === id)!;

async function sheets(m: ReportModel): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(arrayBuffer(await renderXlsx(m)));
  return wb;
}

describe('the quarter is its own document, not its last month relabelled', () => {
  const d = model('2024-Q2', 'director');
  const u = model('2024-Q2', 'ubnd');

  it('says who reported in each month, and that QLKH missed June', () => {
    expect(d.submissionMonths.map((m) => m.period)).toEqual(['2024-04', '2024-05', '2024-06']);
    const qlkh = d.submissionMonths.map((m) => m.rows.find((r) => r.unit.code === 'QLKH')?.status);
    expect(qlkh).toEqual(['on-time', 'late', 'missing']);
    const t = text(d.body);
    expect(t).toContain(
      'Số liệu quý II năm 2024 được tổng hợp từ báo cáo hằng tháng của các phòng, đơn vị trong 03 tháng, từ tháng 04/2024 đến tháng 06/2024.',
    );
    expect(t).toContain('Tháng 04/2024 (hạn nộp 20/04/2024): 06/06 phòng, đơn vị đã nộp báo cáo, đều đúng hạn.');
    expect(t).toContain(
      'Tháng 05/2024 (hạn nộp 20/05/2024): 05/05 phòng, đơn vị đã nộp báo cáo (04 đúng hạn, 01 nộp muộn); nộp muộn: Phòng Quản lý Khoa học (nộp ngày 22/05/2024).',
    );
    expect(t).toContain(
      'Tháng 06/2024 (hạn nộp 20/06/2024): 04/06 phòng, đơn vị đã nộp báo cáo, đều đúng hạn; chưa nộp: Phòng Quản lý Khoa học; Trung tâm Ứng dụng khoa học và công nghệ.',
    );
    // Not "all units reported on time": the last month's missing unit is named in its unit's paragraph too.
    expect(t).not.toMatch(/Tất cả .* đều nộp báo cáo đúng hạn/u);
    expect(t).toContain('Đơn vị chưa nộp báo cáo tháng 06/2024.');
  });

  it('keeps the task finished in April finished, with April as its month, and asks no report of QLCN after it', () => {
    expect(row(d, 'II-3')).toMatchObject({
      status: 'hoan-thanh-dung-han',
      completedOn: '2024-04-10',
      fromPeriod: '2024-04',
      history: [{ period: '2024-04', status: 'hoan-thanh' }],
    });
    expect(monthOf(d, '2024-05').rows.some((r) => r.unit.code === 'QLCN')).toBe(false);
    expect(text(d.body)).toContain('Tháng 04/2024: Ban hành Kế hoạch nâng hạng chỉ số GPI. Nhiệm vụ đã hoàn thành đúng hạn ngày 10/04/2024.');
  });

  it('counts the task due on 30 April overdue, newly in the quarter, with the reason given in May', () => {
    expect(row(d, 'I-3')).toMatchObject({
      status: 'chua-hoan-thanh-qua-han',
      newlyOverdue: true,
      progress: 85,
      reason: 'Chờ ý kiến góp ý của thành viên Hội đồng sáng kiến tỉnh',
    });
    expect(text(d.body)).toContain(
      'Nhiệm vụ I.3 (Nâng cao chất lượng xét đánh giá, công nhận sáng kiến cơ sở) do Phòng Quản lý khoa học công nghệ cơ sở và Sở hữu trí tuệ chủ trì, thời hạn tháng 04/2024, tiến độ đạt 85% (mới quá hạn trong kỳ). Lý do: Chờ ý kiến góp ý của thành viên Hội đồng sáng kiến tỉnh.',
    );
  });

  it('states what every month achieved and the progress at the start and the end of the quarter', () => {
    expect(row(d, 'I-1')).toMatchObject({ progressStart: 20, progress: 60 });
    expect(text(d.body)).toContain(
      'Tháng 04/2024: Gửi công văn đề nghị các doanh nghiệp đăng ký tham gia. Tháng 05/2024: Tổng hợp danh sách 04 doanh nghiệp đăng ký. Tháng 06/2024: Ký hợp đồng tư vấn xây dựng chương trình. Tiến độ tăng từ 20% (đầu kỳ) lên 60%.',
    );
    // A month that repeats the same result is written once.
    expect(text(d.body)).toContain('Tháng 04–05/2024: Thanh tra 01 mô hình sản xuất nấm. Tháng 06/2024: Ban hành Kết luận thanh tra 01 mô hình.');
    // QLKH's figures are May's, and the report says so.
    expect(text(d.body)).toContain('(Số liệu theo báo cáo tháng 05/2024, đơn vị chưa báo cáo các tháng sau.)');
  });

  it("looks forward to the next quarter: June's next steps, the task due in August, the overdue one", () => {
    const t = text(d.body);
    expect(t).toContain('Trong quý III năm 2024, các phòng, đơn vị tập trung thực hiện các nội dung sau:');
    expect(t).toContain('Có 01 nhiệm vụ theo kế hoạch đến hạn hoàn thành trong quý III năm 2024');
    expect(d.outlook.map((o) => [o.taskId, o.reason])).toEqual([
      ['I-4', 'due-next'],
      ['I-3', 'overdue'],
    ]);
  });

  it('the report to UBND tỉnh has the same figures, the results, and nothing internal', () => {
    expect(u.totals).toEqual(d.totals);
    const t = text(u.body);
    for (const internal of ['nộp muộn', 'chưa nộp', 'lưu nháp', 'Xin ý kiến Lãnh đạo Sở', 'Phòng Quản lý Khoa học', 'đơn vị chưa báo cáo'])
      expect(t, internal).not.toContain(internal);
    expect(JSON.stringify(u)).not.toContain('Xin ý kiến Lãnh đạo Sở về việc gia hạn');
    expect(u.submissionMonths).toEqual([]);
    expect(u.issues.map((i) => [i.proposals, i.proposalTo])).toEqual([['Đề nghị UBND tỉnh bổ sung 01 biên chế thanh tra viên chuyên ngành', 'ubnd-tinh']]);
    expect(t).toContain('Kết quả: Tháng 04/2024: Gửi công văn đề nghị các doanh nghiệp đăng ký tham gia.');
    expect(t).toContain('Có 01 nhiệm vụ chưa hoàn thành đã quá hạn (nêu tại mục 4).');
    expect(t).toContain('4. Các nhiệm vụ chưa hoàn thành đã quá hạn');
    expect(t).toContain('(Số liệu đến tháng 05/2024.)');
  });

  it("the workbooks: the Director's lists each month's submissions, the province's carries no internal sheet", async () => {
    const wb = await sheets(d);
    const ws = wb.getWorksheet(SUBMISSIONS_SHEET)!;
    const cells = ws.getSheetValues().flatMap((r) => (Array.isArray(r) ? r.map((v) => String(v ?? '')) : []));
    for (const m of [
      'Tháng 4 năm 2024 (hạn gửi báo cáo: ngày 20/4/2024)',
      'Tháng 5 năm 2024 (hạn gửi báo cáo: ngày 20/5/2024)',
      'Tháng 6 năm 2024 (hạn gửi báo cáo: ngày 20/6/2024)',
    ])
      expect(cells).toContain(m);
    // June: QLKH's row says it did not report, in the June block (after the June heading).
    const june = cells.indexOf('Tháng 6 năm 2024 (hạn gửi báo cáo: ngày 20/6/2024)');
    const qlkhJune = cells.indexOf('Phòng Quản lý Khoa học', june);
    expect(cells[qlkhJune + 1]).toBe('Chưa nộp');
    expect((await sheets(u)).worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Phụ lục']);
  });
});

describe('six months, nine months and the year', () => {
  it("the half-year sees January to June month by month; March's report is the start of April", () => {
    const h = model('2024-H1', 'director');
    expect(h.submissionMonths.map((m) => m.period)).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06']);
    expect(text(h.body)).toContain('Từ tháng 01/2024 đến tháng 02/2024: không có phòng, đơn vị nào nộp báo cáo.');
    expect(row(h, 'I-1')).toMatchObject({
      progress: 60,
      history: [{ period: '2024-03' }, { period: '2024-04' }, { period: '2024-05' }, { period: '2024-06' }],
    });
    // Q2 and H1 are different documents, not the same body under two labels.
    expect(text(h.body).replaceAll('6 tháng đầu năm 2024', 'X')).not.toBe(text(model('2024-Q2', 'director').body).replaceAll('quý II năm 2024', 'X'));
  });

  it('nine months counts the task due in August with no report overdue, and says nobody reported July to September', () => {
    const m = model('2024-9M', 'director');
    expect(row(m, 'I-4')).toMatchObject({ status: 'chua-hoan-thanh-qua-han', unreported: true, newlyOverdue: true });
    const t = text(m.body);
    expect(t).toContain('Từ tháng 07/2024 đến tháng 09/2024: không có phòng, đơn vị nào nộp báo cáo.');
    expect(t).toContain(
      'Nhiệm vụ I.4 (Ứng dụng tiến bộ kỹ thuật sản xuất giống nấm ăn, nấm dược liệu) do Trung tâm Ứng dụng khoa học và công nghệ chủ trì, thời hạn tháng 08/2024, chưa có báo cáo trong kỳ (mới quá hạn trong kỳ).',
    );
    const u = model('2024-9M', 'ubnd');
    expect(text(u.body)).toContain(
      'Nhiệm vụ I.4 (Ứng dụng tiến bộ kỹ thuật sản xuất giống nấm ăn, nấm dược liệu), thời hạn tháng 08/2024: chưa có báo cáo kết quả trong kỳ.',
    );
  });

  it('the year says nobody reported after June, never that every unit reported on time', () => {
    const y = model('2024', 'director');
    const t = text(y.body);
    expect(t).toContain('Từ tháng 07/2024 đến tháng 12/2024: không có phòng, đơn vị nào nộp báo cáo.');
    expect(t).not.toMatch(/đều đúng hạn: Văn phòng Sở; Phòng Quản lý khoa học công nghệ cơ sở/u);
    expect(y.submissionMonths.filter((m) => m.rows.some((r) => r.status === 'on-time' || r.status === 'late')).map((m) => m.period)).toEqual([
      '2024-03',
      '2024-04',
      '2024-05',
      '2024-06',
    ]);
    // I-1 due in November, last reported in June at 60%: overdue at the year's cut-off.
    expect(row(y, 'I-1')).toMatchObject({ status: 'chua-hoan-thanh-qua-han', progress: 60 });
  });

  it("the year looks forward to the tasks carried over, and to next year's plan once it is imported — never to a month's next steps", () => {
    const without = model('2024', 'director');
    const t = text(without.body);
    expect(t).toContain('Kế hoạch thực hiện nhiệm vụ năm 2025 chưa được nhập vào hệ thống');
    expect(t).toContain('Tiếp tục thực hiện 06 nhiệm vụ năm 2024 chưa hoàn thành:');
    expect(t).not.toContain('Tổ chức đào tạo, tập huấn cho doanh nghiệp');
    expect(without.priorities).toEqual([]);
    const withPlan = buildReportModel(periodInput('2024', 'ubnd', { nextPlan: plan2025() }));
    expect(text(withPlan.body)).toContain(
      'Năm 2025, Sở Khoa học và Công nghệ tập trung thực hiện 04 nhiệm vụ theo Kế hoạch số 12/KH-SKHCN ngày 20/01/2025 về thực hiện',
    );
    expect(withPlan.outlook.filter((o) => o.reason === 'next-plan')).toHaveLength(4);
  });
});

describe('every document of every period kind, both audiences', () => {
  const docs = PERIODS.flatMap((p) => AUDIENCES.map((a) => [p, a] as const));

  it.each(docs)("%s %s: every number a sentence states is the tables', and nothing an official would fix by hand", (p, a) => {
    const m = model(p, a);
    expect(claimProblems(m)).toEqual([]);
    expect(hygieneProblems(m)).toEqual([]);
    // Claims are made: the check is not vacuous.
    expect(m.body.flatMap((b) => (b.type === 'paragraph' || b.type === 'bullets' ? (b.claims ?? []) : [])).length).toBeGreaterThan(5);
  });

  it.each(docs)(
    '%s %s: the PDF follows the official layout, as a draft and once issued',
    async (p, a) => {
      const m = model(p, a);
      expect(layoutProblems(await readPdf(await renderPdf(m)), m)).toEqual([]);
      const issued = { ...m, draft: false, documentNumber: '7' };
      expect(layoutProblems(await readPdf(await renderPdf(issued)), issued)).toEqual([]);
    },
    60_000,
  );
});
