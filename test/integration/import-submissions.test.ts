/**
 * Loading history with its real dates (issue 13): `import-submissions` stores a Sở's 2021 reports
 * stamped with the times in the file, so the board and the compiled workbook count them on time or
 * late by those times, not by today's clock. A dry run writes nothing; a bad entry is named by its
 * number while the others go in; a second run skips what is already there. Its own agency.
 * flow: vitest --> CLI (child process) --> import submissions use case --> test stack; board, compile --> use cases
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportRenderers as renderers } from '../../functions/adapters/renderers.ts';
import type { Plan } from '../../functions/core/plan.ts';
import { setAgency } from '../../functions/usecases/agency-service.ts';
import { compileReports } from '../../functions/usecases/compile-reports.ts';
import { statusBoard } from '../../functions/usecases/status.ts';
import { SUBMISSIONS_SHEET } from '../../templates/excel/submissions-sheet.ts';
import { cli } from '../support/cli.ts';
import { demoProfile } from '../support/demo-profile.ts';
import { testContainer } from '../support/local.ts';
import { smallPlan, taskReport } from '../support/small-plan.ts';

const agencyId = `hist-${randomUUID().slice(0, 6)}`;
const c = testContainer(agencyId);
const vp = { sub: 'vp', role: 'van-phong' as const, agencyId };

/** The small plan moved to 2021: the months of an earlier year, as a second Sở brings them. */
function plan2021(): Plan {
  const p = smallPlan(agencyId, 3);
  return {
    ...p,
    year: 2021,
    tasks: p.tasks.map((t) => ({ ...t, start: { ...t.start!, year: 2021 }, finish: { ...t.finish!, year: 2021 } }) as Plan['tasks'][number]),
  };
}

const entry = (period: string, unit: string, submittedAt: string, taskId: string, progress: number) => ({
  period,
  unit,
  submittedAt,
  reporterName: 'Nguyễn Văn An',
  data: { otherWork: [], tasks: [taskReport(taskId, progress)] },
});

/** In the file's order, not time order: the import sorts them (deadline: the 20th). */
const ENTRIES = [
  entry('2021-04', 'QLKH', '2021-04-16T09:00:00+07:00', 'I-2', 70), // #1 on time
  entry('2021-03', 'QLKH', '2021-03-25T10:00:00+07:00', 'I-2', 60), // #2 revision 2 of #3, after the deadline
  entry('2021-03', 'QLKH', '2021-03-15T09:00:00+07:00', 'I-2', 50), // #3 on time: counts for the month
  entry('2021-03', 'CCTCDLCL', '2021-03-23T14:00:00+07:00', 'I-1', 40), // #4 late
  entry('2021-03', 'QLCN', '2021-03-18T08:00:00+07:00', 'I-1', 10), // #5 another unit's task: refused
  { ...entry('2021-03', 'QLKHCNCS', 'hôm qua', 'I-3', 10) }, // #6 no instant: refused
];

let file: string;

beforeAll(async () => {
  await setAgency(c.agencies, { ...demoProfile(), agencyId, effectiveFrom: '2021-01-01' });
  await c.plans.putPlan(plan2021(), { hash: `p-${agencyId}`, importedAt: '2021-01-05T00:00:00Z', importedBy: 'test', source: 'test' });
  file = path.join(mkdtempSync(path.join(os.tmpdir(), 'baocao-history-')), 'lich-su-2021.json');
  writeFileSync(file, JSON.stringify(ENTRIES));
}, 60_000);

describe('import-submissions: history with its real dates', () => {
  it('a dry run says what it would import, names the bad entries, and writes nothing', async () => {
    const r = await cli(agencyId, 'import-submissions', file, '--dry-run');
    expect(r.code).not.toBe(0);
    expect(r.stderr.split('\n')[0]).toContain('Nhập lịch sử báo cáo với thời điểm gửi ghi trong tệp (không dùng giờ máy chủ)');
    expect(r.stderr).toContain('chạy thử, không ghi gì');
    expect(r.stdout).toContain('Sẽ nhập 4, bỏ qua 0, lỗi 2');
    expect(r.stdout).not.toContain('Đã nhập');
    expect(await c.submissions.listHeads(agencyId, '2021-03')).toEqual([]);
    expect(await c.submissions.listHeads(agencyId, '2021-04')).toEqual([]);
  }, 60_000);

  it('imports the good entries with their times, marked imported; the bad ones by number with reasons', async () => {
    const r = await cli(agencyId, 'import-submissions', file);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toContain('Đã nhập 4, bỏ qua 0, lỗi 2');
    expect(r.stdout).toMatch(/mục #5 2021-03 QLCN .*: lỗi — Báo cáo chưa hợp lệ/);
    expect(r.stdout).toMatch(/mục #6 2021-03 QLKHCNCS: lỗi — submittedAt: Thời điểm gửi dạng ISO 8601/);
    // Progress per entry on stderr, in the order applied.
    expect(r.stderr).toMatch(/\[\d\/6\] mục #3 2021-03 QLKH gửi 2021-03-15T09:00:00\+07:00: đã nhập \(phiên bản 1, đúng hạn\)/);
    expect(r.stderr).toMatch(/mục #4 .*: đã nhập \(phiên bản 1, muộn hạn\)/);

    const qlkh = await c.submissions.getHead(agencyId, '2021-03', 'QLKH');
    expect(qlkh).toMatchObject({ revision: 2, onTime: true, firstSubmittedAt: '2021-03-15T02:00:00.000Z', submittedAt: '2021-03-25T03:00:00.000Z' });
    const revisions = await c.submissions.listRevisions(agencyId, '2021-03', 'QLKH');
    expect(revisions.map((x) => [x.revision, x.at, x.imported, x.by.startsWith('import:')])).toEqual([
      [1, '2021-03-15T02:00:00.000Z', true, true],
      [2, '2021-03-25T03:00:00.000Z', true, true],
    ]);
    expect(await c.submissions.getHead(agencyId, '2021-03', 'QLCN')).toBeUndefined();

    const board = await statusBoard(c, vp, '2021-03', new Date());
    const status = Object.fromEntries(board.rows.map((row) => [row.unit.code, row.status]));
    expect(status).toMatchObject({ QLKH: 'on-time', CCTCDLCL: 'late', QLKHCNCS: 'missing' });
    expect((await statusBoard(c, vp, '2021-04', new Date())).rows.find((row) => row.unit.code === 'QLKH')!.status).toBe('on-time');

    // The compiled workbook's "Tình hình nộp báo cáo" says the same.
    const { version } = await compileReports({ ...c, renderers }, { agencyId, period: '2021-03', trigger: 'test', now: new Date() });
    const xlsx = version.files.find((f) => f.audience === 'director' && f.format === 'xlsx')!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await c.archive.get(xlsx.key))!.body as unknown as ArrayBuffer);
    const rows: string[][] = [];
    wb.getWorksheet(SUBMISSIONS_SHEET)!.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))));
    });
    const unitName = (code: string) => demoProfile().units.find((u) => u.code === code)!.name;
    expect(rows.find((row) => row.includes(unitName('QLKH')))).toContain('15/03/2021 09:00');
    expect(rows.find((row) => row.includes(unitName('QLKH')))).toContain('Nộp đúng hạn');
    expect(rows.find((row) => row.includes(unitName('CCTCDLCL')))).toContain('Nộp muộn');
  }, 120_000);

  it('a second run skips what is stored (never overwrites) and imports nothing again', async () => {
    const before = await c.submissions.getHead(agencyId, '2021-03', 'QLKH');
    const r = await cli(agencyId, 'import-submissions', file);
    expect(r.stdout).toContain('Đã nhập 0, bỏ qua 4, lỗi 2');
    expect(r.stdout).toMatch(/mục #1 2021-04 QLKH .*: bỏ qua — kỳ 2021-04 của QLKH đã có báo cáo \(phiên bản 1/);
    expect(await c.submissions.getHead(agencyId, '2021-03', 'QLKH')).toEqual(before);
  }, 60_000);
});
