/**
 * Seed 004 (Bắc Giang, Kế hoạch 2024) through the whole path, against the demo profile; the
 * expected plan is also written out in full as seed-004-bacgiang-2024.json.
 * flow: test --> readXlsxGrid --> importPlanFromGrid / importPlanFromJson
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsxGrid } from '../../../functions/adapters/xlsx-grid.ts';
import { importPlanFromGrid, type PlanImportResult } from '../../../functions/core/plan-import/index.ts';
import { importPlanFromJson } from '../../../functions/core/plan-json.ts';
import { formatPlanTime, type PlanTask } from '../../../functions/core/plan.ts';
import { seed004Expected } from '../../fixtures/plans/seed-004-expected.ts';
import { seed004Sheet } from '../../fixtures/plans/seed-004-table.ts';
import { writeWorkbook } from '../../fixtures/plans/sheet-spec.ts';
import { demoProfile, FIXTURES, type ProfileUnitsLeaders } from './helpers.ts';

interface Row {
  id: string;
  number: string;
  category: PlanTask['category'];
  unit: string;
  start: string;
  finish: string;
  person: string | undefined;
  parents: string[] | undefined;
  /** Each milestone as "start–finish" (formatPlanTime), in order. */
  steps: string[];
}

const T = (a: string, b = a): string => `Tháng ${a}/2024–Tháng ${b}/2024`;
const NV2 = 'Nhiệm vụ 2';
const CT2 = 'Chỉ tiêu 2: Nâng cao chất lượng, hiệu quả các đề tài nghiên cứu khoa học, sáng kiến trên địa bàn tỉnh';
const GPI1 = 'Ngay sau khi bộ chỉ số đổi mới sáng tạo cấp tỉnh (GPI) được công bố';
const GPI2 = 'Sau khi bộ chỉ số đổi mới sáng tạo cấp tỉnh (GPI) được công bố';

// Read from the seed's appendix, task by task. The seed has no leader column, so no task has a
// directing leader.
const EXPECTED: Row[] = [
  {
    id: 'I-1',
    number: '1',
    category: 'trong-tam-ubnd',
    unit: 'CCTCDLCL',
    start: 'Tháng 02/2024',
    finish: 'Tháng 11/2024',
    person: 'Chi cục trưởng Chi cục TCĐLCL',
    parents: undefined,
    steps: [T('02'), T('03', '06'), T('03', '06'), T('07'), T('08'), T('09'), T('10'), T('11')],
  },
  {
    id: 'I-2',
    number: '2',
    category: 'trong-tam-ubnd',
    unit: 'QLKH',
    start: 'Tháng 04/2024',
    finish: 'Tháng 12/2024',
    person: 'Trưởng phòng QLKH',
    parents: undefined,
    steps: [T('04'), T('04', '12'), T('04', '12'), T('04', '12'), T('04', '12')],
  },
  {
    id: 'I-3',
    number: '3',
    category: 'trong-tam-ubnd',
    unit: 'QLKHCNCS',
    start: 'Tháng 04/2024',
    finish: 'Tháng 06/2024',
    person: 'Trưởng phòng, QLKHCNCS&SHTT',
    parents: undefined,
    steps: [T('04'), T('05'), T('06')],
  },
  {
    id: 'II-1',
    number: '1',
    category: 'chap-thuan',
    unit: 'CCTCDLCL',
    start: 'Tháng 02/2024',
    finish: 'Tháng 12/2024',
    person: 'Chi cục trưởng Chi cục TCĐLCL',
    parents: undefined,
    steps: [T('02'), T('03'), T('03'), T('03', '06'), T('07'), T('08', '09'), T('10', '11'), T('12')],
  },
  {
    id: 'II-2-1',
    number: '2.1',
    category: 'chap-thuan',
    unit: 'TTR',
    start: 'Tháng 04/2024',
    finish: 'Tháng 11/2024',
    person: undefined,
    parents: [NV2],
    steps: [T('04'), T('06'), T('08'), T('10'), T('11'), T('06')],
  },
  {
    id: 'II-2-2-1',
    number: '2.2.1',
    category: 'chap-thuan',
    unit: 'QLKH',
    start: 'Tháng 01/2024',
    finish: 'Tháng 12/2024',
    person: 'Trưởng phòng QLKH',
    parents: [NV2, CT2],
    steps: [T('01', '02'), T('05'), T('06'), T('07'), T('08'), T('09', '10'), T('11'), T('11'), T('11'), T('11'), T('11', '12')],
  },
  {
    id: 'II-2-2-2',
    number: '2.2.2',
    category: 'chap-thuan',
    unit: 'QLKHCNCS',
    start: 'Tháng 08/2024',
    finish: 'Tháng 08/2024',
    person: 'Trưởng phòng, QLKHCNCS&SHTT',
    parents: [NV2, CT2],
    steps: [T('08')],
  },
  {
    id: 'II-3',
    number: '3',
    category: 'chap-thuan',
    unit: 'QLCN',
    start: '',
    finish: 'Tháng 12/2024',
    person: 'Trưởng phòng, QLCN&TTCN',
    parents: undefined,
    steps: [`${GPI1}–${GPI1}`, `${GPI2}–${GPI2}`, T('06'), T('12')],
  },
];

describe('seed 004: Bắc Giang kế hoạch 2024', () => {
  let profile: ProfileUnitsLeaders;
  let result: PlanImportResult;
  const bytes = () => readFile(join(FIXTURES, 'seed-004-bacgiang-2024.xlsx'));
  beforeAll(async () => {
    profile = await demoProfile();
    result = importPlanFromGrid(await readXlsxGrid(await bytes()), { agencyId: 'skhcn-bacgiang', year: 2024, profile });
  });

  it('imports every task without problems, warnings or new units', () => {
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.newUnits).toEqual([]);
    expect(result.plan.tasks.map((t) => t.id)).toEqual(EXPECTED.map((e) => e.id));
  });

  it.each(EXPECTED.map((e) => [e.id, e] as const))('task %s: unit, months, person in charge, milestones', (id, e) => {
    const task = result.plan.tasks.find((t) => t.id === id)!;
    expect(task.number).toBe(e.number);
    expect(task.category).toBe(e.category);
    expect(task.leadUnit).toBe(e.unit);
    expect(formatPlanTime(task.start)).toBe(e.start);
    expect(formatPlanTime(task.finish)).toBe(e.finish);
    expect(task.personInCharge).toBe(e.person);
    expect(task.parents).toEqual(e.parents);
    expect(task.directingLeader).toBeUndefined();
    expect(task.milestones.map((m) => `${formatPlanTime(m.start)}–${formatPlanTime(m.finish)}`)).toEqual(e.steps);
  });

  it('reads a product with and without a quantity', () => {
    const t1 = result.plan.tasks[0]!;
    expect(t1.product).toEqual({ text: '03 doanh nghiệp được hỗ trợ', quantity: 3, measure: 'doanh nghiệp được hỗ trợ' });
    const t3 = result.plan.tasks[2]!;
    expect(t3.milestones.map((m) => m.product)).toEqual([
      { text: '01 văn bản', quantity: 1, measure: 'văn bản' },
      { text: 'Báo cáo tổng hợp' },
      { text: '01 VB hướng dẫn của HĐ sáng kiến tỉnh', quantity: 1, measure: 'VB hướng dẫn của HĐ sáng kiến tỉnh' },
    ]);
  });

  it('turns the month list in a "giải pháp" cell into milestones and drops its headings', () => {
    const texts = result.plan.tasks[0]!.milestones.map((m) => m.text);
    expect(texts).toContain('Xây dựng công văn đăng ký');
    expect(texts).toContain('Doanh nghiệp, hợp tác xã đăng ký (căn cứ vào kế hoạch khảo sát doanh nghiệp)');
    expect(texts).not.toContain('Công tác chuẩn bị:');
    expect(texts).not.toContain('Triển khai hỗ trợ:');
  });

  it('keeps "Đ/c …" executors as written', () => {
    const t = result.plan.tasks.find((x) => x.id === 'II-2-2-1')!;
    expect(t.milestones[0]!.executor).toBe('Đ/c Lê Thị Thanh Lợi - Trưởng phòng QLKH');
    expect(t.milestones[9]!.executor).toBe('Đ/c Phạm Thị Thu Huế');
  });

  it('equals, field by field, the plan written out in seed-004-bacgiang-2024.json', async () => {
    const json = JSON.parse(await readFile(join(FIXTURES, 'seed-004-bacgiang-2024.json'), 'utf8')) as unknown;
    expect(json).toEqual(seed004Expected);
    const fromJson = importPlanFromJson(json, { agencyId: 'skhcn-bacgiang', year: 2024, profile });
    expect(fromJson.problems).toEqual([]);
    expect(result.plan).toStrictEqual(fromJson.plan);
  });

  it('gives an identical plan when the same file is imported twice', async () => {
    const again = importPlanFromGrid(await readXlsxGrid(await bytes()), { agencyId: 'skhcn-bacgiang', year: 2024, profile });
    expect(again).toStrictEqual(result);
  });

  it('the committed .xlsx is what make-fixtures writes today', async () => {
    const fresh = await readXlsxGrid(await writeWorkbook([seed004Sheet]));
    expect(await readXlsxGrid(await bytes())).toEqual(fresh);
  });

  it('a unit the demo profile lacks becomes a new unit named from its head title', async () => {
    const lacking = { ...profile, units: profile.units.filter((u) => u.code !== 'QLKHCNCS') };
    const r = importPlanFromGrid(await readXlsxGrid(await bytes()), { agencyId: 'skhcn-bacgiang', year: 2024, profile: lacking });
    expect(r.problems).toEqual([]);
    expect(r.newUnits).toEqual([{ code: 'QLKHCNCSSHTT', name: 'Phòng QLKHCNCS&SHTT' }]);
    expect(r.plan.tasks.filter((t) => t.leadUnit === 'QLKHCNCSSHTT').map((t) => t.id)).toEqual(['I-3', 'II-2-2-2']);
  });
});
