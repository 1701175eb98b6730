/**
 * The readable report of a unit (issue 15, item 3): what core/unit-report.ts builds from the form's
 * context and the history (submitted content only, the change since the task's previous report,
 * who sent it), and what the page shows each role: full texts, attachments to download, the
 * empty state, actions that fit the role, the place for the leaders' directions.
 */
import { describe, expect, it } from 'vitest';
import type { FormDirection, FormTask } from '../../../functions/core/form-context.ts';
import type { RevisionEntry } from '../../../functions/core/history.ts';
import type { PlanTask } from '../../../functions/core/plan.ts';
import { revisionDiff } from '../../../functions/core/revision-diff.ts';
import type { SubmissionHead, TaskReport } from '../../../functions/core/submission.ts';
import { buildUnitReport, type UnitReportInput } from '../../../functions/core/unit-report.ts';
import { digestSetting } from '../../../templates/web/digest-setting.ts';
import { renderUnitPickPage, renderUnitReportPage } from '../../../templates/web/unit-report-view.ts';
import { smallPlan, taskReport } from '../../support/small-plan.ts';

const HOSTILE = `<img src=x onerror="alert('x')">`;
const LONG = `${'Đã hoàn thành khảo sát thực địa tại các huyện và tổng hợp số liệu '.repeat(30)}HẾT.`;
const FILE_ID = '0d5f8c1e-4b7a-4c39-9f0e-3a2b1c4d5e6f';
const plan = smallPlan('t-ur');
const [t1, t2] = plan.tasks as [PlanTask, PlanTask];

function input(o: Partial<UnitReportInput> = {}): UnitReportInput {
  const now: TaskReport = {
    ...taskReport(t1.id, 60),
    result: LONG,
    proposals: 'Đề nghị bổ sung kinh phí khảo sát.',
    needsDecision: true,
    attachments: [{ id: FILE_ID, name: 'Biên bản khảo sát.pdf', size: 2048, contentType: 'application/pdf' }],
  };
  const head: SubmissionHead = {
    agencyId: 't-ur',
    period: '2024-05',
    unit: 'QLKH',
    state: 'submitted',
    revision: 2,
    data: { tasks: [now], otherWork: [{ kind: 'dot-xuat', text: 'Tiếp đoàn kiểm tra.' }], reporterName: 'Trần Văn Nam' },
    firstSubmittedAt: '2024-05-17T02:00:00.000Z',
    submittedAt: '2024-05-18T03:30:00.000Z',
    onTime: true,
    draft: { savedAt: '2024-05-19T01:00:00.000Z', savedBy: 'x', data: { tasks: [], otherWork: [], reporterName: 'BẢN NHÁP' } },
    updatedAt: '2024-05-19T01:00:00.000Z',
  };
  const tasks: FormTask[] = [
    { task: { ...t1, directingLeader: 'pgd-1' }, carriedOver: false, previous: { ...taskReport(t1.id, 40), status: 'chua-trien-khai', period: '2024-04' } },
    { task: t2, carriedOver: true },
  ];
  const rev = (revision: number, at: string): RevisionEntry => ({
    revision,
    at,
    by: 'sub-1',
    byName: 'Trần Văn Nam',
    onTime: true,
    reporterName: 'Trần Văn Nam',
    diff: revisionDiff(undefined, head.data!),
  });
  return {
    period: '2024-05',
    unit: { code: 'QLKH', name: 'Phòng Quản lý Khoa học' },
    timeZone: 'Asia/Ho_Chi_Minh',
    tasks,
    head,
    revisions: [rev(2, head.submittedAt!), rev(1, head.firstSubmittedAt!)],
    leaders: [{ id: 'pgd-1', name: 'Nguyễn Văn Chỉ Đạo' }],
    locked: false,
    planFound: true,
    ...o,
  };
}

const page = (role: 'lanh-dao' | 'van-phong' | 'unit', o: Partial<UnitReportInput> = {}) =>
  renderUnitReportPage({
    report: buildUnitReport(input(o)),
    user: role === 'unit' ? { role, unit: { code: 'QLKH' } } : { role },
    csrfToken: '',
    units: role === 'unit' ? [] : [{ code: 'QLKH', name: 'Phòng Quản lý Khoa học' }],
  });

describe('the unit report (core)', () => {
  it('shows the submitted content, never the draft, and the change since the previous report', () => {
    const r = buildUnitReport(input());
    expect(r.revision).toBe(2);
    expect(r.reporterName).toBe('Trần Văn Nam');
    expect(r.submittedBy).toEqual({ sub: 'sub-1', name: 'Trần Văn Nam' });
    expect(r.draftSavedAt).toBe('2024-05-19T01:00:00.000Z');
    const [a, b] = r.tasks;
    expect(a!.directingLeader?.name).toBe('Nguyễn Văn Chỉ Đạo');
    expect(a!.report?.result).toBe(LONG);
    expect(a!.change).toMatchObject({ period: '2024-04', progressDelta: 20, statusChanged: true });
    const fields = a!.change!.fields.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['status', 'progress', 'result', 'proposals', 'needsDecision', 'attachments']));
    expect(a!.change!.fields.find((f) => f.field === 'progress')).toMatchObject({ before: '40%', after: '60%' });
    expect(b!.report).toBeUndefined();
    expect(b!.carriedOver).toBe(true);
  });

  it('has nothing to show when only a draft exists', () => {
    const r = buildUnitReport(
      input({ head: { ...input().head!, revision: 0, data: undefined, submittedAt: undefined, firstSubmittedAt: undefined }, revisions: [] }),
    );
    expect(r.revision).toBe(0);
    expect(r.tasks.every((t) => !t.report)).toBe(true);
    expect(r.reporterName).toBe('');
  });
});

describe("the leaders' directions in the unit report", () => {
  const direction = (id: string, taskId: string, period: string, text: string): FormDirection => ({
    id,
    taskId,
    version: 1,
    text,
    deadline: '2024-06-30',
    responsibleUnit: { code: 'QLKH', name: 'Phòng Quản lý Khoa học' },
    byName: 'Giám đốc Lê Văn Sở',
    at: '2024-05-25T02:00:00.000Z',
    proposal: { period, label: period === '2024-04' ? 'Tháng 4 năm 2024' : 'Tháng 5 năm 2024', proposals: 'Đề nghị bổ sung kinh phí.' },
  });
  const april = direction(`2024-04.QLKH.${t1.id}`, t1.id, '2024-04', 'Phòng QLKH phối hợp Phòng KHTC rà soát kinh phí, báo cáo trước 30/6.');
  const may = direction(`2024-05.QLKH.${t1.id}`, t1.id, '2024-05', 'Đồng ý bổ sung kinh phí khảo sát đợt 2.');

  it("pairs the direction the unit answers this month with its answer, and lists those given on this month's proposals", () => {
    const base = input();
    const answered: SubmissionHead = {
      ...base.head!,
      data: {
        ...base.head!.data!,
        tasks: base.head!.data!.tasks.map((t) => ({ ...t, directionAnswers: [{ id: april.id, text: 'Đã rà soát, KHTC bố trí 200 triệu.' }] })),
      },
    };
    const r = buildUnitReport(input({ head: answered, answering: [april], given: [may] }));
    expect(r.directions.map((d) => [d.kind, d.id, d.answer, d.taskNumber])).toEqual([
      ['answering', april.id, 'Đã rà soát, KHTC bố trí 200 triệu.', t1.number],
      ['given', may.id, undefined, t1.number],
    ]);
    const doc = renderUnitReportPage({ report: r, user: { role: 'lanh-dao' }, csrfToken: '', units: [] });
    const section = doc.slice(doc.indexOf('<section id="y-kien-chi-dao"'), doc.indexOf('</section>', doc.indexOf('<section id="y-kien-chi-dao"')));
    expect(section).toContain('Phòng QLKH phối hợp Phòng KHTC rà soát kinh phí, báo cáo trước 30/6.');
    expect(section).toContain('<strong>Kết quả thực hiện:</strong> Đã rà soát, KHTC bố trí 200 triệu.');
    expect(section).toContain('Thời hạn: 30/06/2024.');
    expect(section).toContain('Ý kiến chỉ đạo về đề xuất của tháng này');
    expect(section).toContain('Đồng ý bổ sung kinh phí khảo sát đợt 2.');
    expect(section).not.toContain('Chưa có ý kiến chỉ đạo');
  });

  it("says when this month's report did not answer a direction, and when there is none", () => {
    const doc = page('lanh-dao', { answering: [april] });
    expect(doc).toContain('Báo cáo tháng này chưa nêu kết quả thực hiện ý kiến chỉ đạo.');
    const unsent = page('lanh-dao', { answering: [april], head: undefined, revisions: [] });
    expect(unsent).toContain('Đơn vị chưa gửi báo cáo tháng này.');
    expect(page('lanh-dao')).toContain('Chưa có ý kiến chỉ đạo về báo cáo này.');
  });
});

describe('the unit report page', () => {
  it('shows a leader every field in full, the attachment to download, the change, history and the directions section', () => {
    const doc = page('lanh-dao');
    expect(doc).toContain('<h1>Báo cáo tháng 5/2024 — Phòng Quản lý Khoa học</h1>');
    // The whole long text, in an element that keeps line breaks and wraps anywhere.
    expect(doc).toContain(`<dd class="report-text">${LONG}</dd>`);
    expect(doc).toContain('<strong>Cần Lãnh đạo Sở cho ý kiến</strong>');
    expect(doc).toContain(`href="/report/attachment?period=2024-05&amp;unit=QLKH&amp;id=${FILE_ID}"`);
    expect(doc).toContain('Biên bản khảo sát.pdf');
    expect(doc).toContain('Thay đổi so với báo cáo tháng 4/2024');
    expect(doc).toMatch(/Tiến độ <strong>\+20 điểm %<\/strong> \(40% → 60%\); tình trạng: Chưa triển khai → Đang thực hiện\./);
    expect(doc).toContain('Đơn vị chưa báo cáo nhiệm vụ này trong tháng 5/2024.');
    expect(doc).toContain('Lãnh đạo chỉ đạo: Nguyễn Văn Chỉ Đạo.');
    expect(doc).toContain('<section id="y-kien-chi-dao"');
    expect(doc).toContain('href="/history?period=2024-05&amp;unit=QLKH"');
    expect(doc).toMatch(/Phiên bản 2: gửi lúc <time datetime="2024-05-18T03:30:00.000Z">18\/05\/2024 10:30<\/time> — Trần Văn Nam/);
    expect(doc).toContain('Người báo cáo: <strong>Trần Văn Nam</strong>');
    expect(doc).not.toContain('BẢN NHÁP');
    // A leader is offered nothing to type in, nor sent to ask anyone to reopen.
    expect(doc).not.toMatch(/nhập báo cáo thay|sửa hoặc gửi thay|mở lại kỳ/u);
    expect(doc).not.toContain('<script>');
  });

  it('offers Văn phòng what it can do: the form, or reopening a locked month', () => {
    expect(page('van-phong')).toContain('<a href="/?period=2024-05&amp;unit=QLKH">Mở biểu mẫu để sửa hoặc gửi thay đơn vị</a>');
    const locked = page('van-phong', { locked: true });
    expect(locked).toContain('mở lại kỳ tại trang Báo cáo tổng hợp');
    expect(locked).not.toContain('Mở biểu mẫu');
  });

  it('says plainly when the unit has not reported', () => {
    const doc = page('lanh-dao', { head: undefined, revisions: [] });
    expect(doc).toContain('Phòng Quản lý Khoa học chưa gửi báo cáo tháng 5/2024.');
    expect(doc).toContain('Chưa có phiên bản nào được gửi.');
    expect(doc).not.toContain('class="unit-task"');
  });

  it('escapes what people typed', () => {
    const hostile = input();
    hostile.head!.data!.tasks[0]!.result = HOSTILE;
    hostile.head!.data!.reporterName = HOSTILE;
    const doc = renderUnitReportPage({ report: buildUnitReport(hostile), user: { role: 'lanh-dao' }, csrfToken: '', units: [] });
    expect(doc).not.toContain(HOSTILE);
    expect(doc).toContain('&lt;img src=x onerror=');
  });

  it('lets a leader choose a unit', () => {
    const doc = renderUnitPickPage({ user: { role: 'lanh-dao' }, csrfToken: '', period: '2024-05', units: [{ code: 'QLKH', name: 'Phòng Quản lý Khoa học' }] });
    expect(doc).toContain('<label for="pick-unit">Phòng, đơn vị</label>');
    expect(doc).toContain('href="/report?period=2024-05&amp;unit=QLKH"');
  });
});

describe("the leader's digest setting on the dashboard", () => {
  it('is a labelled checkbox, hidden until the script can save it, announcing the result', () => {
    const on = digestSetting(true).value;
    expect(on).toContain('<section id="digest-setting" aria-labelledby="digest-title" data-digest hidden>');
    expect(on).toContain('<input type="checkbox" id="digest-optin" checked> <label for="digest-optin">Nhận thư tóm tắt buổi sáng</label>');
    expect(on).toContain('<p id="digest-result" role="status"></p>');
    expect(digestSetting(false).value).not.toContain(' checked');
  });
});
