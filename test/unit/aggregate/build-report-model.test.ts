// buildReportModel on a monthly period: header data, rows and statuses, breakdowns that add up,
// carried-forward and earlier unfinished tasks, submissions per unit, issues, edge cases.
import { describe, expect, it } from 'vitest';
import { buildReportModel, type AggregateInput } from '../../../functions/core/aggregate/build-report-model.ts';
import { parsePeriod } from '../../../functions/core/period.ts';
import { TASK_STATUSES, type ReportModel, type StatusCounts, type TaskRow } from '../../../functions/core/report-model.ts';
import { draftOnly, juneInput, plan2024, profile2024, report, submitted } from './fixtures.ts';

const rowsOf = (m: ReportModel): TaskRow[] => m.groups.flatMap((g) => g.rows);
const row = (m: ReportModel, id: string): TaskRow => {
  const r = rowsOf(m).find((x) => x.taskId === id);
  if (!r) throw new Error(`no row ${id}`);
  return r;
};
function sum(rows: { counts: StatusCounts }[]): StatusCounts {
  const out = Object.fromEntries([...TASK_STATUSES, 'total'].map((k) => [k, 0])) as StatusCounts;
  for (const r of rows) for (const k of [...TASK_STATUSES, 'total'] as const) out[k] += r.counts[k];
  return out;
}

describe('document header data', () => {
  it('UBND report: symbol, subject, Kính gửi, recipients with the archive line, signer', () => {
    const m = buildReportModel(juneInput('ubnd'));
    expect(m.documentSymbol).toBe('BC-SKHCN');
    expect(m.subject).toBe('Kết quả thực hiện nhiệm vụ tháng 6 năm 2024');
    expect(m.kinhGui).toEqual(['Ủy ban nhân dân tỉnh Bắc Giang']);
    expect(m.recipients).toEqual(['UBND tỉnh (b/c)', 'Văn phòng UBND tỉnh', 'Sở Nội vụ', 'Lãnh đạo Sở', 'Lưu: VT, VP']);
    expect(m.signer).toEqual({ prefix: 'KT.', authority: 'GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Ngô Chí Vinh' });
    expect(m.appendixTitle).toBe('KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 6 NĂM 2024');
    expect(m.agency).toEqual({
      name: 'Sở Khoa học và Công nghệ',
      shortName: 'Sở KH&CN',
      superiorHeader: 'UBND TỈNH BẮC GIANG',
      superiorName: 'Ủy ban nhân dân tỉnh Bắc Giang',
      placeName: 'Bắc Giang',
      symbol: 'SKHCN',
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    expect(m.period).toEqual({
      id: '2024-06',
      kind: 'monthly',
      label: 'tháng 6 năm 2024',
      window: { from: '2024-05-15', to: '2024-06-14' },
      submissionDeadline: '2024-06-20',
    });
    expect(m.issueDate).toBe('2024-06-21');
    expect(m.schemaVersion).toBe(2);
    expect(m.inputHash).toMatch(/^[0-9a-f]{64}$/);
    // A compiled model is a draft until issued; the header's issuer is the Sở by default.
    expect(m.draft).toBe(true);
    expect(m.documentNumber).toBeUndefined();
    expect(m.issuer).toEqual({ superiorHeader: 'UBND TỈNH BẮC GIANG', name: 'Sở Khoa học và Công nghệ' });
    expect(buildReportModel({ ...juneInput('ubnd'), documentNumber: '15' })).toMatchObject({ draft: false, documentNumber: '15' });
  });

  it('the Director report as Văn phòng issues it, when the profile says so', () => {
    const input = juneInput('director');
    input.profile.documents = { director: { issuerSuperior: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', issuerName: 'Văn phòng', symbol: 'BC-VP', kinhGui: ['Giám đốc Sở'] } };
    const m = buildReportModel(input);
    expect(m.issuer).toEqual({ superiorHeader: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', name: 'Văn phòng' });
    expect(m.documentSymbol).toBe('BC-VP');
    expect(m.kinhGui).toEqual(['Giám đốc Sở']);
    expect((m.body.at(-1) as { text: string }).text).toContain('Văn phòng Sở tổng hợp, báo cáo Giám đốc Sở xem xét, chỉ đạo./.');
  });

  it('Director report of a profile without document settings: internal subject, no Kính gửi, its own recipients and signer', () => {
    const input = juneInput('director');
    delete input.profile.documents;
    input.profile.signers.director = { prefix: 'TL.', authority: 'GIÁM ĐỐC', title: 'CHÁNH VĂN PHÒNG', name: 'Nguyễn Thị Hà' };
    input.profile.recipients.director = ['Giám đốc, các PGĐ Sở (b/c)', 'Các phòng, đơn vị thuộc Sở'];
    const m = buildReportModel(input);
    expect(m.subject).toBe('Tình hình thực hiện nhiệm vụ tháng 6 năm 2024 của các phòng, đơn vị');
    expect(m.appendixTitle).toBe('TÌNH HÌNH THỰC HIỆN NHIỆM VỤ THÁNG 6 NĂM 2024 CỦA CÁC PHÒNG, ĐƠN VỊ');
    expect(m.kinhGui).toEqual([]);
    expect(m.recipients).toEqual(['Giám đốc, các PGĐ Sở (b/c)', 'Các phòng, đơn vị thuộc Sở', 'Lưu: VT, VP']);
    expect(m.signer.prefix).toBe('TL.');
    expect(m.signer.title).toBe('CHÁNH VĂN PHÒNG');
  });

  it('the figures do not depend on the audience; only the text and header do', () => {
    const a = buildReportModel(juneInput('director'));
    const b = buildReportModel(juneInput('ubnd'));
    expect(b.totals).toEqual(a.totals);
    expect(b.inputHash).toBe(a.inputHash);
    // The rows agree but for the proposals the province may not read (addressed to the Sở's leaders).
    const figures = (m: typeof a) => m.groups.map((g) => ({ ...g, rows: g.rows.map(({ proposals: _p, proposalTo: _t, needsDecision: _n, ...r }) => r) }));
    expect(figures(b)).toEqual(figures(a));
    expect(
      b.groups
        .flatMap((g) => g.rows)
        .filter((r) => r.proposals)
        .map((r) => [r.taskId, r.proposalTo]),
    ).toEqual([['I-2', 'ubnd-tinh']]);
    expect(
      a.groups
        .flatMap((g) => g.rows)
        .filter((r) => r.proposals)
        .map((r) => [r.taskId, r.proposalTo]),
    ).toEqual([
      ['I-1', 'lanh-dao-so'],
      ['I-2', 'ubnd-tinh'],
    ]);
    expect(b.submissionMonths).toEqual([]);
    expect(a.submissionMonths.map((x) => x.period)).toEqual(['2024-06']);
  });
});

describe('task rows and statuses (June 2024)', () => {
  const m = buildReportModel(juneInput());

  it('groups are the plan Roman numerals in order, rows in plan order', () => {
    expect(m.groups.map((g) => [g.numeral, g.title])).toEqual([
      ['I', 'NHIỆM VỤ TRỌNG TÂM'],
      ['II', 'NHIỆM VỤ CHẤP THUẬN'],
    ]);
    expect(m.groups[0]!.rows.map((r) => r.taskId)).toEqual(['I-1', 'I-2', 'I-3']);
    expect(m.groups[1]!.rows.map((r) => r.taskId)).toEqual(['II-1', 'II-2-1', 'II-3']);
  });

  it('status of each task at the cut-off 14/6', () => {
    expect(Object.fromEntries(rowsOf(m).map((r) => [r.taskId, r.status]))).toEqual({
      'I-1': 'chua-hoan-thanh-trong-han',
      'I-2': 'chua-hoan-thanh-trong-han',
      'I-3': 'chua-hoan-thanh-trong-han', // deadline month (June) equal to the period: still within it
      'II-1': 'chua-trien-khai',
      'II-2-1': 'chua-co-bao-cao', // only a draft: drafts are not data
      'II-3': 'hoan-thanh-dung-han', // finished in May, carried forward
    });
  });

  it('progress and its change since the previous period', () => {
    expect(row(m, 'I-1')).toMatchObject({
      progress: 60,
      progressDelta: 20,
      productReached: [1],
      productReachedText: '01 doanh nghiệp được hỗ trợ',
      productTarget: '03 doanh nghiệp được hỗ trợ',
    });
    expect(row(m, 'I-2')).toMatchObject({ progress: 40, progressDelta: 0 });
    expect(row(m, 'I-3').progressDelta).toBeUndefined(); // not reported in May
    expect(row(m, 'II-2-1').progress).toBeUndefined();
  });

  it('deadlines: computable ones as dates, free text as written', () => {
    expect(row(m, 'I-3')).toMatchObject({ deadline: '2024-06-30', deadlineText: 'Tháng 06/2024' });
    expect(row(m, 'II-2-1').deadline).toBeUndefined();
    expect(row(m, 'II-2-1').deadlineText).toBe('Theo Kế hoạch thanh tra năm 2024');
  });

  it('a task finished in an earlier period stays hoàn thành, with where it came from and no stale issues', () => {
    const r = row(m, 'II-3');
    expect(r).toMatchObject({ status: 'hoan-thanh-dung-han', fromPeriod: '2024-05', completedOn: '2024-05-10', reportedStatus: 'hoan-thanh' });
    expect(r.result).toBe('Ban hành Kế hoạch nâng hạng chỉ số GPI');
    expect([r.difficulties, r.proposals, r.nextPlan, r.needsDecision]).toEqual(['', '', '', false]);
  });

  it('row details: unit and leader names, parents, coordinating units as printed', () => {
    expect(row(m, 'I-1').leadUnit).toEqual({ code: 'CCTCDLCL', name: 'Chi cục Tiêu chuẩn Đo lường Chất lượng' });
    expect(row(m, 'I-1').directingLeader).toEqual({ id: 'ngo-chi-vinh', name: 'Ngô Chí Vinh' });
    expect(row(m, 'I-1').coordinatingUnits).toEqual(['Phòng Hành chính và Quản lý Đo lường']);
    expect(row(m, 'II-2-1').parents).toEqual(['Nhiệm vụ 2']);
    expect(row(m, 'II-2-1').directingLeader).toBeUndefined();
    // A monthly report's own data carries no fromPeriod.
    expect(row(m, 'I-1').fromPeriod).toBeUndefined();
  });
});

describe('counts add up', () => {
  const cases: [string, AggregateInput][] = [
    ['June', juneInput()],
    ['no submissions', { ...juneInput(), submissions: [], previousSubmissions: [] }],
    ['annual', { ...juneInput(), period: parsePeriod('2024') }],
  ];
  it.each(cases)('%s: totals equal the rows, and every breakdown sums to the totals', (_name, input) => {
    const m = buildReportModel(input);
    const rows = rowsOf(m);
    expect(m.totals.total).toBe(rows.length);
    for (const s of TASK_STATUSES) expect(m.totals[s]).toBe(rows.filter((r) => r.status === s).length);
    expect(TASK_STATUSES.reduce((a, s) => a + m.totals[s], 0)).toBe(m.totals.total);
    expect(sum(m.byUnit)).toEqual(m.totals);
    expect(sum(m.byLeader)).toEqual(m.totals);
    expect(sum(m.byCategory)).toEqual(m.totals);
  });

  it('units in profile order, leaders in profile order with "Chưa xác định" last', () => {
    const m = buildReportModel(juneInput());
    expect(m.byUnit.map((r) => r.key)).toEqual(['QLKH', 'QLKHCNCS', 'QLCN', 'TTR', 'CCTCDLCL']);
    expect(m.byUnit.find((r) => r.key === 'CCTCDLCL')!.counts).toMatchObject({ total: 2, 'chua-trien-khai': 1, 'chua-hoan-thanh-trong-han': 1 });
    expect(m.byLeader.map((r) => r.label)).toEqual(['Trần Văn An', 'Ngô Chí Vinh', 'Chưa xác định']);
    expect(m.byLeader.at(-1)!.counts.total).toBe(1); // II-2-1 names no leader
  });

  it('categories: trọng tâm UBND first, then chấp thuận, kế hoạch, thường xuyên, đột xuất — whatever the plan order', () => {
    const plan = plan2024();
    const base = plan.tasks[0]!;
    plan.tasks.push(
      { ...base, id: 'III-1', number: '1', order: 0, group: { numeral: 'III', title: 'NHIỆM VỤ ĐỘT XUẤT' }, category: 'dot-xuat', leadUnit: 'VP' },
      { ...base, id: 'IV-1', number: '1', order: 7, group: { numeral: 'IV', title: 'NHIỆM VỤ THƯỜNG XUYÊN' }, category: 'thuong-xuyen', leadUnit: 'VP' },
      {
        ...base,
        id: 'V-1',
        number: '1',
        order: 8,
        group: { numeral: 'V', title: 'KẾ HOẠCH' },
        category: 'ke-hoach',
        leadUnit: 'TTUD',
        directingLeader: 'someone-else',
      },
    );
    const m = buildReportModel({ ...juneInput(), plan });
    expect(m.byCategory.map((r) => r.key)).toEqual(['trong-tam-ubnd', 'chap-thuan', 'ke-hoach', 'thuong-xuyen', 'dot-xuat']);
    expect(m.byCategory[0]!.label).toBe('Nhiệm vụ trọng tâm do Chủ tịch UBND tỉnh giao');
    // Groups follow plan order, so the đột xuất group (order 0) comes first.
    expect(m.groups.map((g) => g.numeral)).toEqual(['III', 'I', 'II', 'IV', 'V']);
    // An unknown leader id is kept (label = id), still before "Chưa xác định".
    expect(m.byLeader.map((r) => r.key)).toEqual(['tran-van-an', 'ngo-chi-vinh', 'someone-else', '']);
    expect(sum(m.byCategory)).toEqual(m.totals);
    expect(sum(m.byLeader)).toEqual(m.totals);
    expect(sum(m.byUnit)).toEqual(m.totals);
  });
});

describe('submissions per unit', () => {
  const m = buildReportModel(juneInput());
  const sub = (code: string) => m.submissionMonths[0]!.rows.find((s) => s.unit.code === code);

  it('lists units with tasks due and units that submitted without tasks, in profile order', () => {
    expect(m.submissionMonths[0]!.rows.map((s) => s.unit.code)).toEqual(['VP', 'QLKH', 'QLKHCNCS', 'TTR', 'CCTCDLCL']);
    // QLCN's only task was finished in May: nothing is due, it did not submit, it is not chased.
    expect(sub('QLCN')).toBeUndefined();
    expect(sub('TTUD')).toBeUndefined();
  });

  it('on time / late / draft-only, with tasks due against tasks reported', () => {
    expect(sub('CCTCDLCL')).toMatchObject({ status: 'on-time', tasksDue: 2, tasksReported: 2, revision: 1, period: '2024-06' });
    expect(sub('QLKH')).toMatchObject({ status: 'late', tasksDue: 1, tasksReported: 1, submittedAt: '2024-06-22T03:00:00.000Z' });
    expect(sub('TTR')).toMatchObject({ status: 'draft-only', tasksDue: 1, tasksReported: 0 });
    expect(sub('VP')).toMatchObject({ status: 'on-time', tasksDue: 0, tasksReported: 0 });
  });

  it('a unit with tasks and no head at all is "missing"; the head onTime flag wins over timestamps', () => {
    const input = juneInput();
    input.submissions = input.submissions.filter((h) => h.unit !== 'QLKHCNCS');
    // Recorded as on time (e.g. an extension granted) although sent on the 22nd.
    input.submissions = input.submissions.map((h) => (h.unit === 'QLKH' ? { ...h, onTime: true } : h));
    const m2 = buildReportModel(input);
    expect(m2.submissionMonths[0]!.rows.find((s) => s.unit.code === 'QLKHCNCS')).toMatchObject({ status: 'missing', tasksDue: 1, tasksReported: 0 });
    expect(m2.submissionMonths[0]!.rows.find((s) => s.unit.code === 'QLKH')!.status).toBe('on-time');
  });

  it('lateness comes from the first submission, not a later revision', () => {
    const input = juneInput();
    input.submissions = input.submissions.map((h) =>
      h.unit === 'QLKHCNCS' ? { ...h, revision: 3, firstSubmittedAt: '2024-06-19T01:00:00.000Z', submittedAt: '2024-06-25T01:00:00.000Z' } : h,
    );
    expect(buildReportModel(input).submissionMonths[0]!.rows.find((s) => s.unit.code === 'QLKHCNCS')).toMatchObject({ status: 'on-time', revision: 3 });
  });

  it('ignores heads of another agency and of months outside the period', () => {
    const input = juneInput();
    input.submissions.push(
      { ...submitted('TTR', '2024-06', [report('II-2-1', { status: 'hoan-thanh' })]), agencyId: 'other-agency' },
      submitted('TTR', '2024-07', [report('II-2-1', { status: 'hoan-thanh' })]),
    );
    const m2 = buildReportModel(input);
    expect(row(m2, 'II-2-1').status).toBe('chua-co-bao-cao');
    expect(m2.submissionMonths[0]!.rows.find((s) => s.unit.code === 'TTR')!.status).toBe('draft-only');
  });
});

describe('difficulties, proposals, priorities and other work', () => {
  const m = buildReportModel(juneInput());

  it('task-level issues per unit, the ones needing a decision marked', () => {
    expect(m.issues).toEqual([
      {
        unit: { code: 'QLKH', name: 'Phòng Quản lý Khoa học' },
        taskId: 'I-2',
        taskNumber: '2',
        taskContent: row(m, 'I-2').content,
        difficulties: '',
        proposals: 'Đề nghị UBND tỉnh bổ sung kinh phí nghiệm thu',
        proposalTo: 'ubnd-tinh',
        needsDecision: false,
        period: '2024-06',
      },
      {
        unit: { code: 'CCTCDLCL', name: 'Chi cục Tiêu chuẩn Đo lường Chất lượng' },
        taskId: 'I-1',
        taskNumber: '1',
        taskContent: row(m, 'I-1').content,
        difficulties: 'Doanh nghiệp đăng ký tham gia còn ít',
        proposals: 'Xin ý kiến Lãnh đạo Sở về việc gia hạn thời gian đăng ký',
        proposalTo: 'lanh-dao-so',
        needsDecision: true,
        period: '2024-06',
      },
    ]);
  });

  it('unit-level notes are gathered when the submission carries them', () => {
    const input = juneInput();
    input.submissions.push(
      submitted('TTUD', '2024-06', [], {
        extra: { difficulties: 'Thiếu nhân lực kỹ thuật', proposals: 'Xin bổ sung 01 biên chế', needsDecision: true, nextPlan: 'Tuyển dụng viên chức' },
      }),
    );
    const m2 = buildReportModel(input);
    expect(m2.issues.at(-1)).toEqual({
      unit: { code: 'TTUD', name: 'Trung tâm Ứng dụng khoa học và công nghệ' },
      difficulties: 'Thiếu nhân lực kỹ thuật',
      proposals: 'Xin bổ sung 01 biên chế',
      proposalTo: 'lanh-dao-so',
      needsDecision: true,
      period: '2024-06',
    });
    expect(m2.priorities.at(-1)).toEqual({ unit: { code: 'TTUD', name: 'Trung tâm Ứng dụng khoa học và công nghệ' }, text: 'Tuyển dụng viên chức' });
  });

  it('next period priorities from nextPlan, per unit in profile order', () => {
    expect(m.priorities.map((p) => [p.unit.code, p.taskId, p.text])).toEqual([
      ['QLKH', 'I-2', 'Nghiệm thu 05 nhiệm vụ cấp tỉnh'],
      ['CCTCDLCL', 'I-1', 'Tổ chức đào tạo, tập huấn cho doanh nghiệp'],
    ]);
  });

  it('other work per unit', () => {
    expect(m.otherWork.map((w) => [w.unit.code, w.kind])).toEqual([
      ['VP', 'thuong-xuyen'],
      ['CCTCDLCL', 'dot-xuat'],
    ]);
  });
});

describe('across periods: newly overdue, earlier unfinished tasks, finished stays finished', () => {
  const base = (
    period: string,
    submissions: AggregateInput['submissions'],
    previous: AggregateInput['previousSubmissions'],
    earlier?: AggregateInput['previousSubmissions'],
  ): AggregateInput => {
    const input: AggregateInput = {
      profile: profile2024(),
      plan: plan2024(),
      period: parsePeriod(period),
      audience: 'director',
      issueDate: `${period}-21`,
      submissions,
      previousSubmissions: previous,
    };
    if (earlier) input.earlierSubmissions = earlier;
    return input;
  };
  const june = [submitted('QLKHCNCS', '2024-06', [report('I-3', { progress: 80 })])];
  const july = [submitted('QLKHCNCS', '2024-07', [report('I-3', { progress: 90, reason: 'Chờ ý kiến thành viên Hội đồng' })])];

  it('a June deadline is within time in June and newly overdue in July', () => {
    const mJune = buildReportModel(base('2024-06', june, []));
    expect(row(mJune, 'I-3')).toMatchObject({ status: 'chua-hoan-thanh-trong-han', newlyOverdue: false });
    const mJuly = buildReportModel(base('2024-07', july, june));
    expect(row(mJuly, 'I-3')).toMatchObject({
      status: 'chua-hoan-thanh-qua-han',
      newlyOverdue: true,
      progressDelta: 10,
      reason: 'Chờ ý kiến thành viên Hội đồng',
    });
  });

  it('in August the task (no longer active) is still covered while unfinished, and no longer "newly" overdue', () => {
    const aug = [submitted('QLKHCNCS', '2024-08', [report('I-3', { progress: 95 })])];
    const m = buildReportModel(base('2024-08', aug, july));
    expect(row(m, 'I-3')).toMatchObject({ status: 'chua-hoan-thanh-qua-han', newlyOverdue: false });
    // Not reported in August but last known unfinished: still listed, and overdue — no report is
    // no evidence it was done.
    const m2 = buildReportModel(base('2024-08', [], july));
    expect(row(m2, 'I-3')).toMatchObject({ status: 'chua-hoan-thanh-qua-han', unreported: true, progressStart: 90 });
  });

  it('an earlier task finished late this period is listed as hoàn thành quá hạn; once finished it drops out', () => {
    const aug = [submitted('QLKHCNCS', '2024-08', [report('I-3', { status: 'hoan-thanh', progress: 100, completedOn: '2024-08-05' })])];
    const m = buildReportModel(base('2024-08', aug, july));
    expect(row(m, 'I-3')).toMatchObject({ status: 'hoan-thanh-qua-han', completedOn: '2024-08-05' });
    const m2 = buildReportModel(base('2024-09', [], aug));
    expect(rowsOf(m2).some((r) => r.taskId === 'I-3')).toBe(false);
  });

  it('a task finished months ago stays hoàn thành in later periods (earlier submissions)', () => {
    const may = [submitted('QLCN', '2024-05', [report('II-3', { status: 'hoan-thanh', progress: 100, completedOn: '2024-05-10' })])];
    const m = buildReportModel(base('2024-08', [], [submitted('QLCN', '2024-07', [])], may));
    expect(row(m, 'II-3')).toMatchObject({ status: 'hoan-thanh-dung-han', fromPeriod: '2024-05' });
    // Without the earlier months the aggregation cannot know: the task has no report.
    const m2 = buildReportModel(base('2024-08', [], [submitted('QLCN', '2024-07', [])]));
    expect(row(m2, 'II-3').status).toBe('chua-co-bao-cao');
  });

  it('data inside the window always wins over earlier data', () => {
    const june2 = [submitted('QLCN', '2024-06', [report('II-3', { status: 'dang-thuc-hien', progress: 90 })])];
    const may = [submitted('QLCN', '2024-05', [report('II-3', { status: 'hoan-thanh', progress: 100, completedOn: '2024-05-10' })])];
    expect(row(buildReportModel(base('2024-06', june2, may)), 'II-3')).toMatchObject({ status: 'chua-hoan-thanh-trong-han', progress: 90 });
  });
});

describe('edge cases', () => {
  it('no plan: no rows, zero totals, submissions still listed, the text says so', () => {
    const m = buildReportModel({ ...juneInput(), plan: undefined });
    expect(m.groups).toEqual([]);
    expect(m.totals.total).toBe(0);
    expect(m.byUnit).toEqual([]);
    expect(m.submissionMonths[0]!.rows.map((s) => s.unit.code)).toEqual(['VP', 'QLKH', 'QLKHCNCS', 'TTR', 'CCTCDLCL']);
    const text = m.body.map((b) => (b.type === 'paragraph' ? b.text : '')).join('\n');
    expect(text).toContain('Chưa có kế hoạch thực hiện nhiệm vụ năm 2024');
    expect(m.body.some((b) => b.type === 'chart')).toBe(false);
  });

  it('no submissions: every task without a report and every unit missing', () => {
    const m = buildReportModel({ ...juneInput(), submissions: [], previousSubmissions: [] });
    expect(m.totals).toMatchObject({ total: 6, 'chua-co-bao-cao': 6 });
    expect(m.submissionMonths[0]!.rows.every((s) => s.status === 'missing' && s.tasksReported === 0)).toBe(true);
    expect(m.issues).toEqual([]);
    expect(m.priorities).toEqual([]);
  });

  it('a plan with no task active in the period', () => {
    const plan = plan2024();
    plan.tasks = plan.tasks.filter((t) => t.id === 'I-3'); // April–June
    const m = buildReportModel({ ...juneInput(), plan, period: parsePeriod('2024-02'), submissions: [], previousSubmissions: [] });
    expect(m.totals.total).toBe(0);
    const text = m.body.map((b) => (b.type === 'paragraph' ? b.text : '')).join('\n');
    expect(text).toContain('Trong tháng 2 năm 2024 không có nhiệm vụ nào theo kế hoạch đến kỳ thực hiện.');
  });

  it('every string of the model is NFC, even from decomposed input', () => {
    const input = juneInput();
    const nfd = (s: string) => s.normalize('NFD');
    input.profile.name = nfd(input.profile.name);
    input.profile.units = input.profile.units.map((u) => ({ ...u, name: nfd(u.name) }));
    input.plan!.tasks = input.plan!.tasks.map((t) => ({ ...t, content: nfd(t.content), group: { ...t.group, title: nfd(t.group.title) } }));
    input.submissions = input.submissions.map((h) =>
      h.data ? { ...h, data: { ...h.data, tasks: h.data.tasks.map((r) => ({ ...r, result: nfd(r.result), proposals: nfd(r.proposals) })) } } : h,
    );
    const m = buildReportModel(input);
    const json = JSON.stringify(m);
    expect(json).toBe(json.normalize('NFC'));
    expect(m.agency.name).toBe('Sở Khoa học và Công nghệ');
    expect(buildReportModel(juneInput()).inputHash).toBe(m.inputHash);
  });

  it('is pure: the same input gives the same model, and the input is not mutated', () => {
    const input = juneInput();
    const before = JSON.stringify(input);
    expect(buildReportModel(input)).toEqual(buildReportModel(input));
    expect(JSON.stringify(input)).toBe(before);
  });

  it('a draft never feeds figures, even when it is the only head', () => {
    const input = juneInput();
    input.submissions = [draftOnly('CCTCDLCL', '2024-06', [report('I-1', { status: 'hoan-thanh', progress: 100 })])];
    const m = buildReportModel(input);
    expect(row(m, 'I-1').status).toBe('chua-co-bao-cao');
    expect(m.submissionMonths[0]!.rows.find((s) => s.unit.code === 'CCTCDLCL')!.status).toBe('draft-only');
  });
});
