/**
 * Times and products as plans write them.
 * flow: test --> plan-time, product (pure)
 */
import { describe, expect, it } from 'vitest';
import { parsePlanTime } from '../../../functions/core/plan-import/plan-time.ts';
import { parseProduct } from '../../../functions/core/plan-import/product.ts';
import type { PlanTime } from '../../../functions/core/plan.ts';

const mo = (month: number, year = 2024): PlanTime => ({ kind: 'month', year, month });
const day = (date: string): PlanTime => ({ kind: 'date', date });

describe('parsePlanTime', () => {
  it.each<[string, PlanTime, PlanTime]>([
    ['01', mo(1), mo(1)],
    ['3', mo(3), mo(3)],
    ['12', mo(12), mo(12)],
    ['Tháng 4', mo(4), mo(4)],
    ['Tháng 11/2024', mo(11), mo(11)],
    ['Tháng 04/2024', mo(4), mo(4)],
    ['tháng 7/2024.', mo(7), mo(7)],
    ['12/2024', mo(12), mo(12)],
    ['Tháng 5 năm 2024', mo(5), mo(5)],
    ['Từ tháng 02/2024 đến tháng 11/2024', mo(2), mo(11)],
    ['Từ tháng 04 đến tháng 12/2024', mo(4), mo(12)],
    ['Từ tháng 11/2024 đến tháng 02/2025', mo(11), mo(2, 2025)],
    ['Tháng 01-02/2024', mo(1), mo(2)],
    ['Tháng 9-10/2024', mo(9), mo(10)],
    ['tháng 3- 6/2024', mo(3), mo(6)],
    ['Từ tháng 3-6/2024', mo(3), mo(6)],
    ['Tháng 11–12/2024', mo(11), mo(12)],
    ['30/11/2024', day('2024-11-30'), day('2024-11-30')],
    ['Ngày 1/2/2024', day('2024-02-01'), day('2024-02-01')],
    ['Từ ngày 01/02/2024 đến ngày 30/11/2024', day('2024-02-01'), day('2024-11-30')],
  ])('"%s"', (text, start, finish) => {
    expect(parsePlanTime(text, 2024)).toMatchObject({ ok: true, start, finish });
  });

  it.each(['Theo Kế hoạch 483/KH-UBND', 'Ngay sau khi bộ chỉ số đổi mới sáng tạo cấp tỉnh (GPI) được công bố', 'Cả năm', 'Quý IV/2024'])(
    'keeps "%s" as text',
    (text) => {
      const t: PlanTime = { kind: 'text', text };
      expect(parsePlanTime(text, 2024)).toEqual({ ok: true, start: t, finish: t, years: [] });
    },
  );

  it('normalises text to NFC and collapses line breaks', () => {
    const nfd = 'Theo Kế hoạch\n483/KH-UBND'.normalize('NFD');
    expect(parsePlanTime(nfd, 2021)).toMatchObject({ start: { kind: 'text', text: 'Theo Kế hoạch 483/KH-UBND' } });
    expect(parsePlanTime('Tháng 11/2024'.normalize('NFD'), 2024)).toMatchObject({ start: mo(11) });
  });

  it('returns undefined for an empty cell', () => {
    expect(parsePlanTime('  ', 2024)).toBeUndefined();
  });

  it('reports the years written, for the plan-year check', () => {
    expect(parsePlanTime('Tháng 11/2023', 2024)).toMatchObject({ ok: true, years: [2023] });
    expect(parsePlanTime('Tháng 4', 2024)).toMatchObject({ ok: true, years: [] });
  });

  it.each([
    ['13', 'Tháng không hợp lệ: 13'],
    ['0', 'Tháng không hợp lệ: 0'],
    ['Tháng 13/2024', 'Tháng không hợp lệ: 13'],
    ['Tháng 9-13/2024', 'Tháng không hợp lệ: 13'],
    ['Tháng 6-3/2024', 'Thời gian bắt đầu sau thời gian kết thúc'],
    ['Từ tháng 12/2024 đến tháng 01/2024', 'Thời gian bắt đầu sau thời gian kết thúc'],
    ['31/02/2024', 'Ngày không hợp lệ: 31/2/2024'],
    ['Tháng 5/2042', 'Năm không hợp lý'],
  ])('rejects "%s"', (text, reason) => {
    const r = parsePlanTime(text, 2024);
    expect(r?.ok).toBe(false);
    if (r && !r.ok) {
      expect(r.reason).toContain(reason);
      expect(r.reasonEn).not.toBe('');
    }
  });
});

describe('parseProduct', () => {
  it.each([
    ['03 doanh nghiệp được hỗ trợ', { text: '03 doanh nghiệp được hỗ trợ', quantity: 3, measure: 'doanh nghiệp được hỗ trợ' }],
    ['01 VB hướng dẫn của HĐ sáng kiến tỉnh', { text: '01 VB hướng dẫn của HĐ sáng kiến tỉnh', quantity: 1, measure: 'VB hướng dẫn của HĐ sáng kiến tỉnh' }],
    ['20 nhiệm vụ', { text: '20 nhiệm vụ', quantity: 20, measure: 'nhiệm vụ' }],
    ['1.000 lượt người', { text: '1.000 lượt người', quantity: 1000, measure: 'lượt người' }],
    ['2,5 tỷ đồng', { text: '2,5 tỷ đồng', quantity: 2.5, measure: 'tỷ đồng' }],
    ['Báo cáo tổng hợp', { text: 'Báo cáo tổng hợp' }],
    ['100% nhiệm vụ', { text: '100% nhiệm vụ' }],
    ['Ít nhất 02 sản phẩm', { text: 'Ít nhất 02 sản phẩm' }],
  ])('"%s"', (text, product) => {
    expect(parseProduct(text)).toEqual(product);
  });

  it('is undefined for an empty cell', () => {
    expect(parseProduct(' ')).toBeUndefined();
  });
});
