/**
 * The project's JSON plan format: round trips with the spreadsheet import, and located problems.
 * flow: test --> importPlanFromJson / planToJson (pure)
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsxGrid } from '../../../functions/adapters/xlsx-grid.ts';
import { importPlanFromGrid } from '../../../functions/core/plan-import/index.ts';
import { importPlanFromJson, planToJson, type PlanJson } from '../../../functions/core/plan-json.ts';
import { demoProfile, FIXTURES, haTinhProfile, type ProfileUnitsLeaders } from './helpers.ts';

let profile: ProfileUnitsLeaders;
beforeAll(async () => {
  profile = await demoProfile();
});
const opts = () => ({ agencyId: 'skhcn-bacgiang', year: 2024, profile });

const minimal = (task: Record<string, unknown> = {}): Record<string, unknown> => ({
  year: 2024,
  tasks: [
    {
      number: '1',
      group: { numeral: 'I', title: 'NHIỆM VỤ TRỌNG TÂM' },
      category: 'trong-tam-ubnd',
      content: 'Hỗ trợ doanh nghiệp',
      leadUnit: 'QLKH',
      ...task,
    },
  ],
});

describe('JSON plan import', () => {
  it('round trip: seed 000 from .xlsx → JSON (with its new units) → the same plan and units', async () => {
    const opts000 = { agencyId: 'skhcn-hatinh', year: 2021, profile: haTinhProfile };
    const fromXlsx = importPlanFromGrid(await readXlsxGrid(await readFile(join(FIXTURES, 'seed-000-hatinh-2021.xlsx'))), opts000);
    const json = JSON.parse(JSON.stringify(planToJson(fromXlsx.plan, fromXlsx.newUnits))) as unknown;
    const back = importPlanFromJson(json, opts000);
    expect(back.problems).toEqual([]);
    expect(back.warnings).toEqual([]);
    expect(back.plan).toStrictEqual(fromXlsx.plan);
    expect(back.newUnits).toEqual(fromXlsx.newUnits);
  });

  it('round trip: the seed 004 JSON fixture → plan → the same JSON', async () => {
    const json = JSON.parse(await readFile(join(FIXTURES, 'seed-004-bacgiang-2024.json'), 'utf8')) as PlanJson;
    const r = importPlanFromJson(json, opts());
    expect(r.problems).toEqual([]);
    expect(r.plan.tasks).toHaveLength(8);
    expect(planToJson(r.plan)).toEqual(json);
  });

  it('derives ids from the numbering and orders by position; NFD text becomes NFC', () => {
    const r = importPlanFromJson(minimal({ number: '2.1', content: 'Hỗ trợ doanh nghiệp'.normalize('NFD') }), opts());
    expect(r.problems).toEqual([]);
    expect(r.plan.tasks[0]).toEqual({
      id: 'I-2-1',
      number: '2.1',
      group: { numeral: 'I', title: 'NHIỆM VỤ TRỌNG TÂM' },
      category: 'trong-tam-ubnd',
      content: 'Hỗ trợ doanh nghiệp',
      leadUnit: 'QLKH',
      coordinatingUnits: [],
      milestones: [],
      order: 1,
    });
  });

  it('locates schema problems by JSON path', () => {
    const r = importPlanFromJson(minimal({ content: '', category: 'quan-trong', start: { kind: 'month', year: 2024, month: 13 }, ghiChu: 'x' }), opts());
    expect(r.plan.tasks).toEqual([]);
    const byPath = Object.fromEntries(r.problems.map((p) => [p.column, p]));
    expect(Object.keys(byPath).sort()).toEqual(['tasks[0]', 'tasks[0].category', 'tasks[0].content', 'tasks[0].start.month']);
    expect(byPath['tasks[0]']!.reason).toBe('Trường không có trong định dạng: ghiChu');
    expect(byPath['tasks[0].content']!.reason).toBe('Không được để trống');
    expect(byPath['tasks[0].category']!.reason).toContain('Giá trị không hợp lệ (chỉ nhận: "trong-tam-ubnd"');
    expect(byPath['tasks[0].start.month']!.reason).toBe('Giá trị quá lớn (tối đa 12)');
    for (const p of r.problems) {
      expect(p.sheet).toBe('json');
      expect(p.row).toBe(0);
      expect(p.reasonEn).not.toBe('');
    }
  });

  it('a missing field and a wrong type', () => {
    const r = importPlanFromJson({ tasks: 'none' }, opts());
    expect(r.problems.map((p) => [p.column, p.reason])).toEqual([
      ['year', 'Thiếu trường bắt buộc'],
      ['tasks', 'Sai kiểu dữ liệu (cần array)'],
    ]);
  });

  it('an unknown unit code is a problem unless the file declares it', () => {
    const unknown = importPlanFromJson(minimal({ leadUnit: 'TTTT' }), opts());
    expect(unknown.problems).toMatchObject([{ sheet: 'json', row: 0, column: 'tasks[0].leadUnit' }]);
    expect(unknown.plan.tasks).toEqual([]);
    const declared = importPlanFromJson({ ...minimal({ leadUnit: 'TTTT' }), units: [{ code: 'TTTT', name: 'Trung tâm Thông tin' }] }, opts());
    expect(declared.problems).toEqual([]);
    expect(declared.newUnits).toEqual([{ code: 'TTTT', name: 'Trung tâm Thông tin' }]);
  });

  it('an unknown leader id is a warning and the task keeps no leader', () => {
    const r = importPlanFromJson(minimal({ directingLeader: 'nguyen-van-x' }), opts());
    expect(r.problems).toEqual([]);
    expect(r.warnings).toMatchObject([{ sheet: 'json', row: 0, column: 'tasks[0].directingLeader' }]);
    expect(r.plan.tasks[0]!.directingLeader).toBeUndefined();
    const known = importPlanFromJson(minimal({ directingLeader: 'ngo-chi-vinh' }), opts());
    expect(known.plan.tasks[0]!.directingLeader).toBe('ngo-chi-vinh');
  });

  it('another year, repeated ids, finish before start', () => {
    const json = minimal({ start: { kind: 'month', year: 2024, month: 6 }, finish: { kind: 'date', date: '2024-03-31' } });
    const tasks = json.tasks as Array<Record<string, unknown>>;
    json.tasks = [...tasks, { ...tasks[0], start: undefined, finish: undefined }];
    const r = importPlanFromJson({ ...json, year: 2025 }, opts());
    expect(r.problems.map((p) => p.column)).toEqual(['year', 'tasks[0].finish', 'tasks[1].id']);
    expect(r.plan.tasks).toEqual([]);
  });

  it('reports progress per task', () => {
    const calls: Array<[number, number]> = [];
    importPlanFromJson(minimal(), { ...opts(), onProgress: (d, t) => calls.push([d, t]) });
    expect(calls).toEqual([[1, 1]]);
  });
});
