import { describe, expect, it } from 'vitest';
import { describeValue, isEmptyDiff, revisionDiff, TASK_FIELDS } from '../../../functions/core/revision-diff.ts';
import type { SubmissionData, TaskReport } from '../../../functions/core/submission.ts';
import { productParts } from '../../../functions/core/product.ts';
import { taskReport } from '../../support/small-plan.ts';

const r = (taskId: string, over: Partial<TaskReport> = {}): TaskReport => ({ ...taskReport(taskId, 50), ...over });
const data = (tasks: TaskReport[], over: Partial<SubmissionData> = {}): SubmissionData => ({ reporterName: 'Nguyễn Văn A', otherWork: [], tasks, ...over });

describe('revisionDiff', () => {
  it('names each changed field of a task with the form’s label and both values in words, in the form’s order', () => {
    const before = data([r('I-1'), r('I-2')]);
    const after = data([
      r('I-1', { status: 'hoan-thanh', progress: 100, completedOn: '2024-05-14', result: 'Đã xong', needsDecision: true, proposals: 'Xin kinh phí' }),
      r('I-2'),
    ]);
    const d = revisionDiff(before, after);
    expect(d.tasks).toEqual([
      {
        taskId: 'I-1',
        change: 'changed',
        fields: [
          { field: 'status', label: 'Tình trạng', before: 'Đang thực hiện', after: 'Hoàn thành' },
          { field: 'progress', label: 'Tiến độ (%)', before: '50%', after: '100%' },
          { field: 'completedOn', label: 'Ngày hoàn thành', before: '(trống)', after: '14/05/2024' },
          { field: 'result', label: 'Kết quả thực hiện trong kỳ', before: 'Đã triển khai các nội dung theo kế hoạch.', after: 'Đã xong' },
          { field: 'proposals', label: 'Đề xuất, kiến nghị', before: '(trống)', after: 'Xin kinh phí' },
          { field: 'needsDecision', label: 'Cần Lãnh đạo Sở cho ý kiến', before: 'Không', after: 'Có' },
        ],
      },
    ]);
    expect(d.reporterName).toBeUndefined();
    expect(isEmptyDiff(d)).toBe(false);
  });

  it('treats an absent addressee or decision flag as the form’s default, not as a change', () => {
    const d = revisionDiff(data([r('I-1')]), data([r('I-1', { proposalTo: 'lanh-dao-so' })]));
    expect(isEmptyDiff(d)).toBe(true);
    const toProvince = revisionDiff(data([r('I-1')]), data([r('I-1', { proposalTo: 'ubnd-tinh' })]));
    expect(toProvince.tasks[0]!.fields).toEqual([{ field: 'proposalTo', label: 'Đề xuất gửi tới', before: 'Lãnh đạo Sở', after: 'UBND tỉnh' }]);
  });

  it('lists what a first revision holds: every task added with the fields filled in', () => {
    const d = revisionDiff(undefined, data([r('I-1', { productReached: [2] })], { otherWork: [{ kind: 'dot-xuat', text: 'Tiếp đoàn kiểm tra' }] }));
    expect(d.tasks).toHaveLength(1);
    expect(d.tasks[0]!.change).toBe('added');
    expect(d.tasks[0]!.fields.map((f) => f.field)).toEqual(['status', 'progress', 'productReached', 'result', 'nextPlan']);
    expect(d.tasks[0]!.fields.find((f) => f.field === 'productReached')).toMatchObject({ before: '(trống)', after: '2' });
    expect(d.otherWork).toEqual({ added: ['Đột xuất, phát sinh: Tiếp đoàn kiểm tra'], removed: [] });
    expect(d.reporterName).toEqual({ field: 'reporterName', label: 'Họ tên người báo cáo', before: '(trống)', after: 'Nguyễn Văn A' });
  });

  it('writes the product reached against the target’s parts, not as raw JSON', () => {
    const products = new Map([['I-1', productParts('20 nhiệm vụ; 05 hội nghị')]]);
    const d = revisionDiff(data([r('I-1', { productReached: [18, 3] })]), data([r('I-1', { productReached: [20, 5] })]), products);
    expect(d.tasks[0]!.fields).toEqual([
      { field: 'productReached', label: 'Sản phẩm đạt được (số lượng)', before: '18 nhiệm vụ; 03 hội nghị', after: '20 nhiệm vụ; 05 hội nghị' },
    ]);
    // Without the plan (a task since removed from it): the numbers.
    expect(describeValue('productReached', [null, 2])).toBe('2');
  });

  it('notes a task no longer reported, a task newly reported, and other work added, dropped or edited', () => {
    const before = data([r('I-1'), r('I-2')], {
      otherWork: [
        { kind: 'thuong-xuyen', text: 'Trực ban' },
        { kind: 'thuong-xuyen', text: 'Trực ban' },
        { kind: 'dot-xuat', text: 'Họp' },
      ],
    });
    const after = data([r('I-2'), r('I-3')], {
      reporterName: 'Trần Thị B',
      otherWork: [
        { kind: 'thuong-xuyen', text: 'Trực ban' },
        { kind: 'dot-xuat', text: 'Họp tổng kết' },
      ],
    });
    const d = revisionDiff(before, after);
    expect(d.tasks.map((t) => [t.taskId, t.change])).toEqual([
      ['I-3', 'added'],
      ['I-1', 'removed'],
    ]);
    expect(d.otherWork).toEqual({ added: ['Đột xuất, phát sinh: Họp tổng kết'], removed: ['Thường xuyên: Trực ban', 'Đột xuất, phát sinh: Họp'] });
    expect(d.reporterName).toMatchObject({ before: 'Nguyễn Văn A', after: 'Trần Thị B' });
  });

  it('does not depend on the order keys were stored in, and finds nothing between equal contents', () => {
    const a = r('I-1', { reason: 'Chờ kinh phí' });
    const b = Object.fromEntries(Object.entries(a).reverse()) as unknown as TaskReport;
    expect(isEmptyDiff(revisionDiff(data([a]), data([b])))).toBe(true);
  });

  it('covers every field of a task report but its id, and writes empty values as such', () => {
    expect(TASK_FIELDS).toEqual([
      'status',
      'progress',
      'completedOn',
      'productReached',
      'reason',
      'result',
      'difficulties',
      'proposals',
      'proposalTo',
      'needsDecision',
      'nextPlan',
      'attachments',
      'directionAnswers',
    ]);
    expect(describeValue('result', '')).toBe('(trống)');
    expect(describeValue('directionAnswers', [])).toBe('(trống)');
    expect(describeValue('directionAnswers', [{ id: '2024-05.QLKH.I-1', text: 'Đã trình Quyết định.' }])).toBe('Đã trình Quyết định.');
    expect(describeValue('attachments', [])).toBe('(trống)');
    expect(
      describeValue('attachments', [
        { id: '3f2b8c1e-7a4d-4e5f-9b6a-1c2d3e4f5a6b', name: 'Biên bản.pdf', size: 2 * 1024 * 1024, contentType: 'application/pdf' },
      ]),
    ).toBe('Biên bản.pdf (2 MB)');
    expect(describeValue('progress', 0)).toBe('0%');
  });
});
