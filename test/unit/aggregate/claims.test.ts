// Every number a sentence states is the model's tables' — for every period kind, both audiences,
// the demo's plan (by category, seed 004) and another Sở's real plan organised by unit (seed 000,
// Hà Tĩnh 2021) — and no sentence needs an official's pen: no blank "số /", doubled space or
// punctuation, "00". The report to UBND tỉnh of a plan organised by unit has its results.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsxGrid } from '../../../functions/adapters/xlsx-grid.ts';
import type { AgencyProfile, Audience } from '../../../functions/core/agency.ts';
import { buildReportModel, type AggregateInput } from '../../../functions/core/aggregate/build-report-model.ts';
import { importPlanFromGrid } from '../../../functions/core/plan-import/index.ts';
import { monthlyPeriodsOf, parsePeriod } from '../../../functions/core/period.ts';
import type { Plan } from '../../../functions/core/plan.ts';
import type { SubmissionHead } from '../../../functions/core/submission.ts';
import { bodyText, claimProblems, hygieneProblems } from '../../support/claims-check.ts';
import { FIXTURES, haTinhProfile } from '../plan-import/helpers.ts';
import { juneInput, report, submitted } from './fixtures.ts';

const text = bodyText;

function haTinh(units: AgencyProfile['units']): AgencyProfile {
  return {
    agencyId: 'skhcn-hatinh',
    effectiveFrom: '2021-01-01',
    superiorHeader: 'UBND TỈNH HÀ TĨNH',
    superiorName: 'Ủy ban nhân dân tỉnh Hà Tĩnh',
    name: 'Sở Khoa học và Công nghệ',
    shortName: 'Sở KH&CN',
    placeName: 'Hà Tĩnh',
    symbol: 'SKHCN',
    timeZone: 'Asia/Ho_Chi_Minh',
    submissionDeadlineDay: 20,
    signers: {
      ubnd: { prefix: '', authority: 'GIÁM ĐỐC', name: 'Đỗ Khoa Văn' },
      director: { prefix: 'TL.', authority: 'GIÁM ĐỐC', title: 'CHÁNH VĂN PHÒNG', name: 'Nguyễn Văn Minh' },
    },
    recipients: { ubnd: ['UBND tỉnh (b/c)'], director: ['Giám đốc, các PGĐ Sở'] },
    archiveLine: 'Lưu: VT, KHTC',
    emails: { ubnd: ['vanthu@ubnd.hatinh.example'], vanPhong: ['vp@skhcn.hatinh.example'], from: 'baocao@skhcn.hatinh.example' },
    units,
    leaders: haTinhProfile.leaders,
  };
}

/** February and March 2021: most units report; KHTC skips March; QLCN's task III-6 (due April) slips. */
function haTinhHeads(plan: Plan): SubmissionHead[] {
  const at = (m: string, day = 18) => ({ at: `${m}-${day}T09:00:00+07:00` });
  const ids = (unit: string) => plan.tasks.filter((t) => t.leadUnit === unit).map((t) => t.id);
  const sub = (unit: string, m: string, progress: (i: number) => number, extra: Partial<Parameters<typeof report>[1]> = {}, day?: number) => ({
    ...submitted(
      unit,
      m,
      ids(unit).map((id, i) => report(id, { progress: progress(i), result: `Triển khai nội dung ${id} theo chương trình`, ...extra })),
      at(m, day),
    ),
    agencyId: 'skhcn-hatinh',
  });
  return [
    sub('VP', '2021-02', () => 10),
    sub('KHTC', '2021-02', () => 15),
    sub('QLCN', '2021-02', (i) => 20 + i * 5),
    sub('QLKH', '2021-02', () => 10),
    sub('VP', '2021-03', () => 25),
    sub('QLCN', '2021-03', (i) => 30 + i * 5, {
      difficulties: 'Sở Tài chính chưa bố trí kinh phí hỗ trợ',
      proposals: 'Đề nghị UBND tỉnh bổ sung kinh phí hỗ trợ khởi nghiệp',
      proposalTo: 'ubnd-tinh',
    }),
    sub('QLKH', '2021-03', () => 5, { reason: 'Các tổ chức chủ trì chậm nộp hồ sơ' }, 23),
    sub('CCTCDLCL', '2021-03', () => 30, { proposals: 'Xin ý kiến Lãnh đạo Sở về kế hoạch kiểm tra', needsDecision: true }),
  ];
}

function input(plan: Plan, profile: AgencyProfile, period: string, audience: Audience, issueDate: string): AggregateInput {
  const p = parsePeriod(period);
  const months = new Set(monthlyPeriodsOf(p).map((x) => x.id));
  const heads = haTinhHeads(plan);
  return {
    profile,
    plan,
    period: p,
    audience,
    issueDate,
    submissions: heads.filter((h) => months.has(h.period)),
    previousSubmissions: heads.filter((h) => !months.has(h.period) && h.period < [...months][0]!),
  };
}

describe('a plan organised by unit (seed 000, Hà Tĩnh 2021)', () => {
  let plan: Plan;
  let profile: AgencyProfile;
  beforeAll(async () => {
    const grid = await readXlsxGrid(await readFile(join(FIXTURES, 'seed-000-hatinh-2021.xlsx')));
    const imported = importPlanFromGrid(grid, { agencyId: 'skhcn-hatinh', year: 2021, profile: haTinhProfile });
    expect(imported.problems).toEqual([]);
    profile = haTinh([...haTinhProfile.units, ...imported.newUnits.map((u) => ({ code: u.code, name: u.name, kind: 'khac' as const }))]);
    plan = imported.plan;
  });

  const kinds: [string, string][] = [
    ['2021-03', '2021-03-21'],
    ['2021-Q1', '2021-03-22'],
    ['2021-H1', '2021-06-23'],
    ['2021-9M', '2021-09-23'],
    ['2021', '2021-12-24'],
  ];

  it.each(kinds.flatMap(([p, d]) => (['director', 'ubnd'] as const).map((a) => [p, a, d] as const)))(
    '%s %s: every stated number agrees with the tables; no sentence to fix by hand',
    (period, audience, date) => {
      const m = buildReportModel(input(plan, profile, period, audience, date));
      expect(claimProblems(m)).toEqual([]);
      expect(hygieneProblems(m)).toEqual([]);
    },
  );

  it("the report to UBND tỉnh has each group's results and its overdue tasks with reasons, and says nothing contradictory", () => {
    const m = buildReportModel(input(plan, profile, '2021-Q1', 'ubnd', '2021-03-22'));
    const t = text(m.body);
    expect(t).toContain('2. Kết quả thực hiện các nhiệm vụ theo kế hoạch');
    expect(t).toMatch(/I\. Văn phòng Sở: \d{2} nhiệm vụ/u);
    expect(t).toMatch(/III\. Phòng Quản lý công nghệ và Chuyên ngành: \d{2} nhiệm vụ/u);
    // Seed 000 numbers two sections "V." (Phòng Quản lý Khoa học, then the Chi cục): each keeps its own tasks.
    const v = m.groups.filter((g) => g.numeral === 'V');
    expect(v.map((g) => [g.title, g.rows.length])).toEqual([
      ['Phòng Quản lý Khoa học', 2],
      ['Chi cục Tiêu chuẩn Đo lường Chất lượng', 1],
    ]);
    expect(t).toMatch(/V\. Phòng Quản lý Khoa học: 02 nhiệm vụ/u);
    expect(t).toMatch(/V\. Chi cục Tiêu chuẩn Đo lường Chất lượng: 01 nhiệm vụ/u);
    expect(t).toContain('Triển khai nội dung III-5 theo chương trình');
    // Proper nouns typed by a unit keep their capitals after the colon.
    expect(t).toContain('Sở Tài chính chưa bố trí kinh phí hỗ trợ.');
    expect(t).toContain('Đề nghị UBND tỉnh bổ sung kinh phí hỗ trợ khởi nghiệp.');
    expect(t).not.toContain('Xin ý kiến Lãnh đạo Sở về kế hoạch kiểm tra');
    const overdue = m.totals['chua-hoan-thanh-qua-han'];
    if (overdue === 0) expect(t).toContain('Không có nhiệm vụ nào chưa hoàn thành đã quá hạn.');
    else expect(t).not.toContain('Không có nhiệm vụ nào chưa hoàn thành đã quá hạn.');
  });

  it("the Director's Q1 says KHTC did not report in March, not that all units reported on time", () => {
    const m = buildReportModel(input(plan, profile, '2021-Q1', 'director', '2021-03-22'));
    const t = text(m.body);
    expect(m.submissionMonths.find((x) => x.period === '2021-03')!.rows.find((r) => r.unit.code === 'KHTC')!.status).toBe('missing');
    expect(t).toMatch(/Tháng 03\/2021 \(hạn nộp 20\/03\/2021\): [^\n]*chưa nộp: [^\n]*Phòng Kế hoạch - Tài chính/u);
    expect(t).not.toMatch(/Tất cả .* đều nộp báo cáo đúng hạn/u);
    // A plan whose number was left blank in the file is not cited with the blank.
    expect(t).not.toMatch(/số \/|ngày \//u);
  });
});

describe('the June fixtures', () => {
  const cases: [string, AggregateInput][] = [
    ['director June', juneInput('director')],
    ['ubnd June', juneInput('ubnd')],
    ['director no plan', { ...juneInput('director'), plan: undefined }],
    ['ubnd no submissions', { ...juneInput('ubnd'), submissions: [], previousSubmissions: [] }],
    ['director no submissions', { ...juneInput('director'), submissions: [], previousSubmissions: [] }],
    ['director Q2', { ...juneInput('director'), period: parsePeriod('2024-Q2') }],
    ['ubnd H1', { ...juneInput('ubnd'), period: parsePeriod('2024-H1') }],
  ];
  it.each(cases)('%s: every stated number agrees with the tables; no sentence to fix by hand', (_n, i) => {
    const m = buildReportModel(i);
    expect(claimProblems(m)).toEqual([]);
    expect(hygieneProblems(m)).toEqual([]);
  });
});
