/**
 * Broken plans give located problems (sheet, Excel row, column letter, Vietnamese and English)
 * and no tasks, so the caller writes nothing.
 * flow: test --> (sheet-spec → readXlsxGrid) --> importPlanFromGrid
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsxGrid } from '../../../functions/adapters/xlsx-grid.ts';
import { importPlanFromGrid } from '../../../functions/core/plan-import/index.ts';
import { seed000Sheet } from '../../fixtures/plans/seed-000-table.ts';
import { seed004Sheet } from '../../fixtures/plans/seed-004-table.ts';
import { writeWorkbook, type SheetSpec } from '../../fixtures/plans/sheet-spec.ts';
import { demoProfile, grid, haTinhProfile, sheet, type ProfileUnitsLeaders } from './helpers.ts';

let profile: ProfileUnitsLeaders;
beforeAll(async () => {
  profile = await demoProfile();
});
const opts = () => ({ agencyId: 'skhcn-bacgiang', year: 2024, profile });

/** A copy of a fixture sheet with one cell changed (row and column 1-based). */
function withCell(spec: SheetSpec, row: number, col: number, value: string): SheetSpec {
  const rows = spec.rows.map((r, i) => (i === row - 1 ? { ...r, cells: r.cells.map((c, j) => (j === col - 1 ? value : c)) } : r));
  return { ...spec, rows };
}

describe('broken files', () => {
  it('month "13" in seed 000 is located on its cell, and no task comes through', async () => {
    const bytes = await writeWorkbook([withCell(seed000Sheet, 10, 3, '13')]);
    const r = importPlanFromGrid(await readXlsxGrid(bytes), { agencyId: 'skhcn-hatinh', year: 2021, profile: haTinhProfile });
    expect(r.problems).toEqual([
      {
        sheet: 'Phụ lục',
        row: 10,
        column: 'C',
        reason: 'Tháng không hợp lệ: 13 (tháng phải từ 1 đến 12) trong "13"',
        reasonEn: 'Invalid month: 13 (must be 1–12) in "13"',
      },
    ]);
    expect(r.plan.tasks).toEqual([]);
  });

  it('"tháng 13/2024" inside a giải pháp list is located on the solution cell', async () => {
    const spec = withCell(
      seed004Sheet,
      8,
      3,
      '+ Xây dựng công văn đăng ký: tháng 2/2024\n+ Tổ chức đào tạo, tập huấn: tháng 13/2024\n+ Báo cáo: tháng 11/2024',
    );
    const r = importPlanFromGrid(await readXlsxGrid(await writeWorkbook([spec])), opts());
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ sheet: 'Phụ lục', row: 8, column: 'C' });
    expect(r.problems[0]!.reason).toContain('Tháng không hợp lệ: 13');
    expect(r.plan.tasks).toEqual([]);
  });

  it('a bad time in a cell merged over several rows is reported once, at the merge', () => {
    const g = grid(
      sheet(
        'P1',
        [
          ['TT', 'Nội dung', 'Giải pháp thực hiện', 'Thời gian', 'Đơn vị chủ trì'],
          [1, 'Nhiệm vụ A', 'Bước 1', 'Tháng 14/2024', 'Phòng QLKH'],
          ['', '', 'Bước 2', '', ''],
        ],
        ['D2:D3'],
      ),
    );
    const r = importPlanFromGrid(g, opts());
    expect(r.problems.map((p) => [p.row, p.column])).toEqual([[2, 'D']]);
  });

  it('an unknown column layout names the closest row and what it lacks', () => {
    const g = grid(sheet('Danh sách', [['DANH SÁCH'], ['Mã', 'Nội dung', 'Thời gian'], ['A01', 'Việc gì đó', 'Tháng 3']]));
    const r = importPlanFromGrid(g, opts());
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ sheet: 'Danh sách', row: 2, column: '' });
    expect(r.problems[0]!.reason).toContain('Không tìm thấy dòng tiêu đề');
    expect(r.problems[0]!.reason).toContain('Nội dung, Thời gian');
    expect(r.problems[0]!.reasonEn).toContain('No task table header found');
    expect(r.plan.tasks).toEqual([]);
  });

  it('a sheet with nothing like a header has row 0', () => {
    const r = importPlanFromGrid(grid(sheet('Trống', [['xin chào']])), opts());
    expect(r.problems).toMatchObject([{ sheet: 'Trống', row: 0, column: '' }]);
  });

  it('an empty table is a problem at its header', () => {
    const g = grid(sheet('P1', [['KẾ HOẠCH'], [], ['TT', 'Nội dung', 'Thời gian'], ['', '', '']]));
    const r = importPlanFromGrid(g, opts());
    expect(r.problems).toEqual([{ sheet: 'P1', row: 3, column: '', reason: 'Bảng không có nhiệm vụ nào', reasonEn: 'The table has no tasks' }]);
    expect(r.plan.tasks).toEqual([]);
  });

  it('a workbook without sheets', () => {
    const r = importPlanFromGrid(grid(), opts());
    expect(r.problems).toMatchObject([{ reason: 'Tệp không có trang tính nào' }]);
  });

  it('a task whose lead unit cannot be found blocks the import, and the other tasks with it', () => {
    const g = grid(
      sheet('P1', [
        ['TT', 'Nội dung', 'Thời gian', 'Chủ trì'],
        [1, 'Nhiệm vụ có đơn vị', 'Tháng 3', 'Chủ trì thực hiện: Trưởng phòng QLKH'],
        [2, 'Nhiệm vụ không rõ ai làm', 'Tháng 4', 'Chủ trì thực hiện: Đ/c Phạm Thị Thu Huế'],
      ]),
    );
    const r = importPlanFromGrid(g, opts());
    expect(r.problems).toEqual([
      {
        sheet: 'P1',
        row: 3,
        column: 'D',
        reason: 'Không xác định được đơn vị chủ trì của nhiệm vụ số 2',
        reasonEn: 'No lead unit found for task 2',
      },
    ]);
    expect(r.plan.tasks).toEqual([]);
  });

  it('start after finish, a dash row under no task, a numbered row without content', () => {
    const g = grid(
      sheet('P1', [
        ['TT', 'Nội dung', 'Bắt đầu', 'Hoàn thành', 'Đơn vị chủ trì'],
        ['-', 'Việc lẻ', '1', '2', 'Phòng QLKH'],
        [1, 'Nhiệm vụ ngược', '6', '3', 'Phòng QLKH'],
        [2, '', '1', '2', 'Phòng QLKH'],
      ]),
    );
    const r = importPlanFromGrid(g, opts());
    expect(r.problems.map((p) => [p.row, p.column, p.reasonEn])).toEqual([
      [2, 'A', 'A dash row with its own content is not under any numbered task'],
      [3, 'D', 'Finish is before start'],
      [4, 'B', 'Task 2 has no content'],
    ]);
    expect(r.plan.tasks).toEqual([]);
  });
});
