/**
 * Seed 000 (Hà Tĩnh, Chương trình khung 2021) through the whole path: .xlsx bytes → Grid → Plan.
 * flow: test --> readXlsxGrid --> importPlanFromGrid
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsxGrid } from '../../../functions/adapters/xlsx-grid.ts';
import { importPlanFromGrid, type PlanImportResult } from '../../../functions/core/plan-import/index.ts';
import type { Grid } from '../../../functions/core/plan-import/grid.ts';
import type { PlanTime } from '../../../functions/core/plan.ts';
import { FIXTURES, haTinhProfile } from './helpers.ts';

const m = (month: number): PlanTime => ({ kind: 'month', year: 2021, month });
const KH483: PlanTime = { kind: 'text', text: 'Theo Kế hoạch 483/KH-UBND' };

// Read from the seed, task by task: id, section, lead unit, start, finish, directing leader.
const EXPECTED: Array<[string, string, string, PlanTime, PlanTime, string]> = [
  ['I-1', 'Văn phòng Sở', 'VP', KH483, KH483, 'bui-quang-hoan'],
  ['I-2', 'Văn phòng Sở', 'VP', m(3), m(6), 'bui-quang-hoan'],
  ['II-3', 'Phòng Kế hoạch Tài chính', 'KHTC', m(1), m(12), 'do-khoa-van'],
  ['II-4', 'Phòng Kế hoạch Tài chính', 'KHTC', m(2), m(12), 'do-khoa-van'],
  ['III-5', 'Phòng Quản lý công nghệ và Chuyên ngành', 'QLCN', m(1), m(12), 'nguyen-huy-trong'],
  ['III-6', 'Phòng Quản lý công nghệ và Chuyên ngành', 'QLCN', m(1), m(4), 'nguyen-huy-trong'],
  ['III-7', 'Phòng Quản lý công nghệ và Chuyên ngành', 'QLCN', m(1), m(11), 'nguyen-huy-trong'],
  ['IV-8', 'Phòng Thông tin Thống kê KH&CN', 'TTTKKHCN', m(3), m(10), 'phan-trong-binh'],
  ['V-9', 'Phòng Quản lý Khoa học', 'QLKH', m(3), m(10), 'do-khoa-van'],
  ['V-10', 'Phòng Quản lý Khoa học', 'QLKH', m(1), m(12), 'do-khoa-van'],
  ['V-11', 'Chi cục Tiêu chuẩn Đo lường Chất lượng', 'CCTCDLCL', m(1), m(12), 'phan-trong-binh'],
  ['VI-12', 'Trung tâm nghiên cứu phát triển nấm và tài nguyên sinh vật', 'TTNCPTNTNSV', m(1), m(12), 'bui-quang-hoan'],
  ['VII-13', 'Trung tâm Ứng dụng tiến bộ khoa học và công nghệ', 'TTUDTBKHCN', m(1), m(12), 'do-khoa-van'],
  ['VIII-14', 'Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng', 'TTKTTCDLCL', m(1), m(12), 'nguyen-huy-trong'],
];

const opts = { agencyId: 'skhcn-hatinh', year: 2021, profile: haTinhProfile };

describe('seed 000: Hà Tĩnh chương trình khung 2021', () => {
  let grid: Grid;
  let result: PlanImportResult;
  beforeAll(async () => {
    grid = await readXlsxGrid(await readFile(join(FIXTURES, 'seed-000-hatinh-2021.xlsx')));
    result = importPlanFromGrid(grid, opts);
  });

  it('imports without problems', () => {
    expect(result.problems).toEqual([]);
    expect(result.plan.tasks).toHaveLength(14);
  });

  it.each(EXPECTED)('task %s: section, unit, months and leader', (id, section, unit, start, finish, leader) => {
    const task = result.plan.tasks.find((t) => t.id === id);
    expect(task).toBeDefined();
    expect(task!.number).toBe(id.split('-')[1]);
    expect(task!.group).toEqual({ numeral: id.split('-')[0], title: section });
    expect(task!.leadUnit).toBe(unit);
    expect(task!.start).toEqual(start);
    expect(task!.finish).toEqual(finish);
    expect(task!.directingLeader).toBe(leader);
    expect(task!.category).toBe('ke-hoach');
    expect(task!.milestones).toEqual([]);
  });

  it('keeps the plan order and the content as printed', () => {
    expect(result.plan.tasks.map((t) => t.id)).toEqual(EXPECTED.map((e) => e[0]));
    expect(result.plan.tasks.map((t) => t.order)).toEqual(EXPECTED.map((_, i) => i + 1));
    expect(result.plan.tasks[4]!.content).toBe(
      'Triển khai có hiệu quả các Nghị quyết HĐND tỉnh về hỗ trợ khởi nghiệp đổi mới sáng tạo; hỗ trợ phát triển tài sản trí tuệ, thị trường khoa học công nghệ và doanh nghiệp khoa học công nghệ tỉnh Hà Tĩnh đến năm 2025: đảm bảo giải ngân 100% kế hoạch vốn được HĐND và UBND tỉnh phê duyệt.',
    );
  });

  it('reads the title rows above the table', () => {
    expect(result.plan.title).toBe('CHƯƠNG TRÌNH KHUNG Triển khai nhiệm vụ KH&CN năm 2021');
    expect(result.plan.sourceDocument).toBe('Chương trình số /CTr-SKHCN ngày / /2021 của Sở Khoa học và Công nghệ');
    expect(result.plan.agencyId).toBe('skhcn-hatinh');
    expect(result.plan.year).toBe(2021);
  });

  it('adds the units the profile lacks, with generated ASCII codes', () => {
    expect(result.newUnits).toEqual([
      { code: 'TTTKKHCN', name: 'Phòng Thông tin Thống kê KH&CN' },
      { code: 'TTNCPTNTNSV', name: 'Trung tâm nghiên cứu phát triển nấm và tài nguyên sinh vật' },
      { code: 'TTUDTBKHCN', name: 'Trung tâm Ứng dụng tiến bộ khoa học và công nghệ' },
      { code: 'TTKTTCDLCL', name: 'Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng' },
    ]);
    for (const u of result.newUnits) expect(u.code).toMatch(/^[A-Z0-9]+$/);
  });

  it('accepts the repeated numeral V with a located warning', () => {
    expect(result.warnings).toEqual([
      {
        sheet: 'Phụ lục',
        row: 23,
        column: 'A',
        reason: 'Số La Mã "V" lặp lại; vẫn nhận mục "Chi cục Tiêu chuẩn Đo lường Chất lượng"',
        reasonEn: 'Roman numeral "V" is repeated; section "Chi cục Tiêu chuẩn Đo lường Chất lượng" is accepted',
      },
    ]);
  });

  it('gives an identical plan when the same file is imported twice', async () => {
    const again = importPlanFromGrid(await readXlsxGrid(await readFile(join(FIXTURES, 'seed-000-hatinh-2021.xlsx'))), opts);
    expect(again).toStrictEqual(result);
  });

  it('reports progress row by row up to the total', () => {
    const calls: Array<[number, number]> = [];
    importPlanFromGrid(grid, { ...opts, onProgress: (d, t) => calls.push([d, t]) });
    // Rows 8–30 are the table body.
    expect(calls).toHaveLength(23);
    expect(calls[0]).toEqual([1, 23]);
    expect(calls[calls.length - 1]).toEqual([23, 23]);
    expect(calls.every(([d], i) => d === i + 1)).toBe(true);
  });

  it('warns about a leader the profile does not know and leaves the task without one', () => {
    const profile = { ...haTinhProfile, leaders: haTinhProfile.leaders.filter((l) => l.id !== 'phan-trong-binh') };
    const r = importPlanFromGrid(grid, { ...opts, profile });
    expect(r.problems).toEqual([]);
    expect(r.plan.tasks.find((t) => t.id === 'IV-8')!.directingLeader).toBeUndefined();
    expect(r.plan.tasks.find((t) => t.id === 'V-11')!.directingLeader).toBeUndefined();
    const leaderWarnings = r.warnings.filter((w) => w.column === 'E');
    expect(leaderWarnings.map((w) => w.row)).toEqual([19, 24]);
    expect(leaderWarnings[0]!.reason).toContain('Phan Trọng Bình');
    expect(leaderWarnings[0]!.reasonEn).toContain('Phan Trọng Bình');
  });
});
