import { describe, expect, it } from 'vitest';
import {
  partLabel,
  productNegativeMessage,
  productParts,
  productTargetText,
  reachedList,
  reachedNumber,
  reachedText,
  taskProductParts,
} from '../../../functions/core/product.ts';
import { taskReportSchema } from '../../../functions/core/submission-schema.ts';
import { buildReceipt } from '../../../functions/core/receipt.ts';
import { receiptTaskLine } from '../../../templates/email/submit-receipt.ts';
import type { PlanTask } from '../../../functions/core/plan.ts';
import { seed004Expected } from '../../fixtures/plans/seed-004-expected.ts';

/** The seed 004 plan's tasks (Bắc Giang 2024), as the importer reads them. */
const seedTask = (id: string) => {
  const t = seed004Expected.tasks.find((x) => x.id === id);
  if (!t) throw new Error(`no task ${id} in seed 004`);
  return { product: t.product, milestones: t.milestones ?? [] };
};

describe('product parts of the seeds’ targets', () => {
  it('reads a task’s own product as one part with its quantity, measure and the number as written', () => {
    expect(productTargetText(seedTask('I-1'))).toBe('03 doanh nghiệp được hỗ trợ');
    expect(taskProductParts(seedTask('I-1'))).toEqual([
      { text: '03 doanh nghiệp được hỗ trợ', quantity: 3, measure: 'doanh nghiệp được hỗ trợ', quantityText: '03' },
    ]);
  });

  it('joins the steps’ products (seed 004, I-2) and splits them again on ";"', () => {
    expect(productTargetText(seedTask('I-2'))).toBe('20 nhiệm vụ; 05 hội nghị; 20 nhiệm vụ');
    expect(taskProductParts(seedTask('I-2')).map((p) => [p.quantity, p.measure])).toEqual([
      [20, 'nhiệm vụ'],
      [5, 'hội nghị'],
      [20, 'nhiệm vụ'],
    ]);
  });

  it('keeps a part without a number as text (seed 004, I-3: "Báo cáo tổng hợp")', () => {
    const parts = taskProductParts(seedTask('I-3'));
    expect(parts.map((p) => p.text)).toEqual(['01 văn bản', 'Báo cáo tổng hợp', '01 VB hướng dẫn của HĐ sáng kiến tỉnh']);
    expect(parts[1]).toEqual({ text: 'Báo cáo tổng hợp' });
    expect(parts[2]).toMatchObject({ quantity: 1, measure: 'VB hướng dẫn của HĐ sáng kiến tỉnh' });
  });

  it('does not split a part on its commas (seed 004, II-1) and gives no parts for no target', () => {
    expect(taskProductParts(seedTask('II-1'))).toEqual([
      { text: '01 cơ quan, đơn vị được áp dụng ( Thí điểm)', quantity: 1, measure: 'cơ quan, đơn vị được áp dụng ( Thí điểm)', quantityText: '01' },
    ]);
    expect(productParts(undefined)).toEqual([]);
    expect(productParts(' ; ')).toEqual([]);
    expect(productTargetText({ milestones: [] })).toBe('');
  });

  it('reads the brief’s "20 nhiệm vụ; 05 hội nghị", thousands and rates', () => {
    expect(productParts('20 nhiệm vụ; 05 hội nghị').map((p) => [p.quantity, p.measure])).toEqual([
      [20, 'nhiệm vụ'],
      [5, 'hội nghị'],
    ]);
    expect(productParts('1.000 lượt truy cập')[0]).toMatchObject({ quantity: 1000, quantityText: '1.000' });
    expect(productParts('100% nhiệm vụ được lựa chọn')).toEqual([{ text: '100% nhiệm vụ được lựa chọn' }]);
  });
});

describe('labels and messages of the parts', () => {
  it('names a part by its measure, its text without one, and by its place when two share a name', () => {
    const i2 = taskProductParts(seedTask('I-2'));
    expect([0, 1, 2].map((i) => partLabel(i2, i))).toEqual(['nhiệm vụ (phần 1)', 'hội nghị', 'nhiệm vụ (phần 3)']);
    expect(partLabel(taskProductParts(seedTask('I-3')), 1)).toBe('Báo cáo tổng hợp');
    expect(partLabel([], 0)).toBe('');
    expect(productNegativeMessage('hội nghị')).toBe('Sản phẩm đạt được (hội nghị) phải là số không âm.');
    expect(productNegativeMessage('')).toBe('Sản phẩm đạt được phải là số không âm.');
  });
});

describe('reached values', () => {
  const two = productParts('20 nhiệm vụ; 05 hội nghị');

  it('reads an old single number as a list of one, and drops trailing parts not reported', () => {
    expect(reachedList(3)).toEqual([3]);
    expect(reachedList([20, 5])).toEqual([20, 5]);
    expect(reachedList([null, 2, null])).toEqual([null, 2]);
    expect(reachedList([null])).toBeUndefined();
    expect(reachedList(undefined)).toBeUndefined();
    expect(reachedList('3')).toBeUndefined();
  });

  it('prints each reached value with its measure, padded where the plan padded', () => {
    expect(reachedText(two, [20, 5])).toBe('20 nhiệm vụ; 05 hội nghị');
    expect(reachedText(two, [18, 3])).toBe('18 nhiệm vụ; 03 hội nghị');
    expect(reachedText(two, [7, 12])).toBe('7 nhiệm vụ; 12 hội nghị');
    expect(reachedText(two, [null, 2])).toBe('02 hội nghị');
    expect(reachedText(two, [18, 3], { against: true })).toBe('18/20 nhiệm vụ; 03/05 hội nghị');
    expect(reachedText(two, [])).toBeUndefined();
  });

  it('prints an old single number against the first part, a text-only part by name, and numbers without a target bare', () => {
    expect(reachedText(taskProductParts(seedTask('I-1')), 1)).toBe('01 doanh nghiệp được hỗ trợ');
    expect(reachedText(taskProductParts(seedTask('I-3')), [1, 1])).toBe('01 văn bản; Báo cáo tổng hợp: 1');
    expect(reachedText([], [4])).toBe('4');
    expect(reachedText(two, [20, 5, 2])).toBe('20 nhiệm vụ; 05 hội nghị; 2');
  });

  it('writes thousands with dots and fractions with a comma', () => {
    expect(reachedNumber(1500)).toBe('1.500');
    expect(reachedNumber(2.5)).toBe('2,5');
    expect(reachedNumber(3, productParts('05 hội nghị')[0])).toBe('03');
  });
});

describe('the submission schema’s product values', () => {
  const base = { taskId: 'I-2', status: 'dang-thuc-hien', progress: 40 };

  it('takes a list with a gap, and an old single number as a list of one', () => {
    expect(taskReportSchema.parse({ ...base, productReached: [20, null, 5] }).productReached).toEqual([20, null, 5]);
    expect(taskReportSchema.parse({ ...base, productReached: 3 }).productReached).toEqual([3]);
    expect(taskReportSchema.parse({ ...base, productReached: [null, null] }).productReached).toBeUndefined();
    expect(taskReportSchema.parse(base).productReached).toBeUndefined();
  });

  it('refuses a negative value, naming its place, and strings or too many values', () => {
    const bad = taskReportSchema.safeParse({ ...base, productReached: [3, -1] });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]).toMatchObject({ path: ['productReached', 1], message: 'Sản phẩm đạt được (phần 2) phải là số không âm.' });
    const single = taskReportSchema.safeParse({ ...base, productReached: -3 });
    expect(single.error!.issues[0]!.message).toBe('Sản phẩm đạt được phải là số không âm.');
    expect(taskReportSchema.safeParse({ ...base, productReached: ['3'] }).success).toBe(false);
    expect(taskReportSchema.safeParse({ ...base, productReached: Array.from({ length: 21 }, () => 1) }).success).toBe(false);
  });
});

describe('the receipt', () => {
  it('says what was reached in the same words as the reports, on screen and in the email', () => {
    const task = { ...seedTask('I-2'), id: 'I-2', number: '2', group: { numeral: 'I', title: 'Nhiệm vụ trọng tâm' }, content: 'Đẩy mạnh ứng dụng' } as PlanTask;
    const receipt = buildReceipt({
      period: { id: '2024-05', label: 'tháng 5 năm 2024' },
      unit: { code: 'QLKH', name: 'Phòng Quản lý khoa học' },
      revision: 1,
      at: '2024-05-17T02:30:00Z',
      onTime: true,
      timeZone: 'Asia/Ho_Chi_Minh',
      data: {
        reporterName: 'Nga',
        otherWork: [],
        tasks: [
          {
            taskId: 'I-2',
            status: 'dang-thuc-hien',
            progress: 40,
            result: 'Nghiệm thu 18 nhiệm vụ',
            productReached: [18, 3],
            difficulties: '',
            proposals: '',
            needsDecision: false,
            nextPlan: '',
          },
        ],
      },
      tasks: [task],
    });
    expect(receipt.tasks[0]!.productReached).toBe('18 nhiệm vụ; 03 hội nghị');
    expect(receiptTaskLine(receipt.tasks[0]!)).toContain('Kết quả: Nghiệm thu 18 nhiệm vụ. Đã đạt: 18 nhiệm vụ; 03 hội nghị.');
  });
});
