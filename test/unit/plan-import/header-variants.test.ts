/**
 * Tables as other agencies lay them out: other header names, no accents, one header line, a
 * column-number row, a lead-unit column, notes, category sections.
 * flow: test --> importPlanFromGrid (pure)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { importPlanFromGrid } from '../../../functions/core/plan-import/index.ts';
import { demoProfile, grid, sheet, type ProfileUnitsLeaders } from './helpers.ts';

let profile: ProfileUnitsLeaders;
beforeAll(async () => {
  profile = await demoProfile();
});
const opts = () => ({ agencyId: 'skhcn-bacgiang', year: 2024, profile });

describe('header variants', () => {
  it('one header line with "STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", a leader, a deadline and "Ghi chú"', () => {
    const g = grid(
      sheet('KH', [
        ['UBND TỈNH BẮC GIANG'],
        ['SỞ KHOA HỌC VÀ CÔNG NGHỆ'],
        ['DANH MỤC NHIỆM VỤ NĂM 2024'],
        [],
        ['STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Lãnh đạo Sở phụ trách', 'Thời gian hoàn thành', 'Sản phẩm', 'Ghi chú'],
        ['I', 'Nhiệm vụ thường xuyên'],
        [
          1,
          'Tổng hợp báo cáo tháng',
          'Văn phòng Sở',
          'Phòng QLKH; Sở Tài chính',
          'PGĐ Ngô Chí Vinh',
          '30/11/2024',
          '12 báo cáo',
          'Chủ trì thực hiện: Chánh Văn phòng',
        ],
        [2, 'Thẩm định công nghệ dự án đầu tư', 'Phòng Quản lý Công nghệ và TTCN', '', 'Giám đốc', 'Tháng 12/2024', '', 'Làm theo đề nghị của Sở KH&ĐT'],
        ['II', 'Nhiệm vụ đột xuất, phát sinh'],
        [1, 'Kiểm tra đo lường xăng dầu dịp Tết', 'Chi cục TCĐLCL, Thanh tra Sở', '', 'Ngô Chí Vinh', 'Tháng 01-02/2024', '', ''],
      ]),
    );
    const r = importPlanFromGrid(g, opts());
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.plan.title).toBe('DANH MỤC NHIỆM VỤ NĂM 2024');
    expect(r.plan.tasks).toEqual([
      {
        id: 'I-1',
        number: '1',
        group: { numeral: 'I', title: 'Nhiệm vụ thường xuyên' },
        category: 'thuong-xuyen',
        content: 'Tổng hợp báo cáo tháng',
        leadUnit: 'VP',
        coordinatingUnits: ['QLKH', 'Sở Tài chính'],
        directingLeader: 'ngo-chi-vinh',
        personInCharge: 'Chánh Văn phòng',
        finish: { kind: 'date', date: '2024-11-30' },
        product: { text: '12 báo cáo', quantity: 12, measure: 'báo cáo' },
        milestones: [],
        order: 1,
      },
      {
        id: 'I-2',
        number: '2',
        group: { numeral: 'I', title: 'Nhiệm vụ thường xuyên' },
        category: 'thuong-xuyen',
        content: 'Thẩm định công nghệ dự án đầu tư',
        leadUnit: 'QLCN',
        coordinatingUnits: [],
        directingLeader: 'tran-van-an',
        finish: { kind: 'month', year: 2024, month: 12 },
        milestones: [],
        order: 2,
      },
      {
        id: 'II-1',
        number: '1',
        group: { numeral: 'II', title: 'Nhiệm vụ đột xuất, phát sinh' },
        category: 'dot-xuat',
        content: 'Kiểm tra đo lường xăng dầu dịp Tết',
        leadUnit: 'CCTCDLCL',
        coordinatingUnits: ['TTR'],
        directingLeader: 'ngo-chi-vinh',
        start: { kind: 'month', year: 2024, month: 1 },
        finish: { kind: 'month', year: 2024, month: 2 },
        milestones: [],
        order: 3,
      },
    ]);
  });

  it('headers without accents, in capitals, or in decomposed Unicode; a column-number row; a repeated header', () => {
    const g = grid(
      sheet('Sheet1', [
        ['KẾ HOẠCH CÔNG TÁC'],
        ['TT', 'NOI DUNG', 'THOI GIAN THUC HIEN', 'NGUOI/DON VI THUC HIEN'.normalize('NFD'), 'Kết quả / sản phẩm'.normalize('NFD')],
        ['(1)', '(2)', '(3)', '(4)', '(5)'],
        [1, 'Thanh tra an toàn bức xạ', 'Tháng 8', 'Thanh tra Sở', '01 kết luận'],
        ['TT', 'NOI DUNG', 'THOI GIAN THUC HIEN', 'NGUOI/DON VI THUC HIEN', 'Kết quả / sản phẩm'],
        [2, 'Kiểm tra nhãn hàng hóa', 'Từ tháng 3 đến tháng 5/2024', 'Chi cục Tiêu chuẩn Đo lường Chất lượng', ''],
      ]),
    );
    const r = importPlanFromGrid(g, { ...opts(), defaultCategory: 'thuong-xuyen' });
    expect(r.problems).toEqual([]);
    expect(r.plan.tasks.map((t) => [t.id, t.leadUnit, t.category, t.start, t.finish, t.product?.quantity])).toEqual([
      ['1', 'TTR', 'thuong-xuyen', { kind: 'month', year: 2024, month: 8 }, { kind: 'month', year: 2024, month: 8 }, 1],
      ['2', 'CCTCDLCL', 'thuong-xuyen', { kind: 'month', year: 2024, month: 3 }, { kind: 'month', year: 2024, month: 5 }, undefined],
    ]);
  });

  it('"I. Văn phòng Sở" written in the content column, a content split over two rows, an unknown TT', () => {
    const g = grid(
      sheet('P1', [
        ['TT', 'Nội dung', 'Thời gian', 'Lãnh đạo trực tiếp chỉ đạo'],
        ['', 'I. Văn phòng Sở'],
        [1, 'Tham mưu ban hành quy chế làm việc của Sở', 'Tháng 3', 'Trần Văn An'],
        ['', 'và quy chế chi tiêu nội bộ năm 2024'],
        ['Ghi chú', 'Các phòng báo cáo trước ngày 20 hằng tháng'],
      ]),
    );
    const r = importPlanFromGrid(g, opts());
    expect(r.problems).toEqual([]);
    expect(r.plan.tasks).toHaveLength(1);
    const t = r.plan.tasks[0]!;
    expect(t.id).toBe('I-1');
    expect(t.leadUnit).toBe('VP');
    expect(t.content).toBe('Tham mưu ban hành quy chế làm việc của Sở và quy chế chi tiêu nội bộ năm 2024');
    expect(t.directingLeader).toBe('tran-van-an');
    expect(r.warnings.map((w) => [w.row, w.column])).toEqual([
      [4, 'B'],
      [5, 'A'],
    ]);
  });

  it('a section title that is neither a unit nor a category is kept as a group, with a warning', () => {
    const g = grid(
      sheet('P1', [
        ['TT', 'Nội dung', 'Đơn vị chủ trì'],
        ['I', 'LĨNH VỰC SỞ HỮU TRÍ TUỆ'],
        [1, 'Hỗ trợ đăng ký nhãn hiệu', 'Phòng QLKHCNCS&SHTT'],
      ]),
    );
    const r = importPlanFromGrid(g, opts());
    expect(r.problems).toEqual([]);
    expect(r.newUnits).toEqual([]);
    expect(r.plan.tasks[0]).toMatchObject({ id: 'I-1', leadUnit: 'QLKHCNCS', category: 'ke-hoach', group: { numeral: 'I', title: 'LĨNH VỰC SỞ HỮU TRÍ TUỆ' } });
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ row: 2, column: 'B' });
  });

  it("a time merged down over the rows of a task is the task's, not each milestone's", () => {
    const g = grid(
      sheet(
        'P1',
        [
          ['TT', 'Nội dung', 'Giải pháp thực hiện', 'Thời gian', 'Sản phẩm', 'Người/đơn vị thực hiện'],
          [1, 'Tổ chức Techfest tỉnh', 'Xây dựng kế hoạch', 'Từ tháng 3 đến tháng 9/2024', '01 sự kiện', 'Phòng QLCN&TTCN'],
          ['', '', 'Tổ chức sự kiện', '', '', 'Phòng QLCN&TTCN'],
        ],
        ['D2:D3', 'E2:E3'],
      ),
    );
    const r = importPlanFromGrid(g, opts());
    expect(r.problems).toEqual([]);
    expect(r.plan.tasks[0]).toMatchObject({
      leadUnit: 'QLCN',
      start: { kind: 'month', year: 2024, month: 3 },
      finish: { kind: 'month', year: 2024, month: 9 },
      product: { text: '01 sự kiện', quantity: 1, measure: 'sự kiện' },
      milestones: [
        { text: 'Xây dựng kế hoạch', executor: 'Phòng QLCN&TTCN' },
        { text: 'Tổ chức sự kiện', executor: 'Phòng QLCN&TTCN' },
      ],
    });
    expect(r.plan.tasks[0]!.milestones[0]!.start).toBeUndefined();
  });

  it('a year other than the plan year is a warning located on its cell', () => {
    const g = grid(
      sheet('P1', [
        ['TT', 'Nội dung', 'Thời gian', 'Đơn vị chủ trì'],
        [1, 'Hoàn thành đề án chuyển tiếp', 'Tháng 11/2023', 'Phòng QLKH'],
      ]),
    );
    const r = importPlanFromGrid(g, opts());
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual([
      {
        sheet: 'P1',
        row: 2,
        column: 'C',
        reason: 'Thời gian "Tháng 11/2023" thuộc năm 2023, khác năm kế hoạch 2024',
        reasonEn: 'Time "Tháng 11/2023" is in 2023, not the plan year 2024',
      },
    ]);
  });

  it('a repeated numeral whose numbers repeat too gives the later task a suffixed id, with warnings', () => {
    const g = grid(
      sheet('P1', [
        ['TT', 'Nội dung', 'Đơn vị chủ trì'],
        ['V', 'Phòng Quản lý Khoa học'],
        [1, 'Nghiệm thu nhiệm vụ', ''],
        ['V', 'Thanh tra Sở'],
        [1, 'Thanh tra đo lường', ''],
      ]),
    );
    const r = importPlanFromGrid(g, opts());
    expect(r.problems).toEqual([]);
    expect(r.plan.tasks.map((t) => [t.id, t.leadUnit])).toEqual([
      ['V-1', 'QLKH'],
      ['V-1-2', 'TTR'],
    ]);
    expect(r.warnings.map((w) => [w.row, w.column])).toEqual([
      [4, 'A'],
      [5, ''],
    ]);
  });

  it('reads the sheet that has the table and skips the others with a warning', () => {
    const g = grid(
      sheet('Công văn', [['SỞ KHOA HỌC VÀ CÔNG NGHỆ'], ['Kính gửi: các phòng, đơn vị']]),
      sheet('Phụ lục', [
        ['TT', 'Nội dung', 'Đơn vị chủ trì'],
        [1, 'Rà soát thủ tục hành chính', 'Văn phòng'],
      ]),
    );
    const r = importPlanFromGrid(g, opts());
    expect(r.problems).toEqual([]);
    expect(r.plan.tasks.map((t) => [t.id, t.leadUnit])).toEqual([['1', 'VP']]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ sheet: 'Công văn', column: '' });
  });
});
