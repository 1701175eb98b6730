/**
 * The status board tells the compiled report's truth (issue 14): for a unit that submitted May
 * 2024 on time and revised it weeks later, the board (JSON, page and its .xlsx download) shows
 * the instant the Director's workbook prints in "Tình hình nộp báo cáo", and the revision beside
 * it as "sửa lần cuối". Its own agency, so no other file's submissions move under it.
 * flow: vitest --> use cases (set up, compile) --> local HTTP server --> status handler; workbooks --> exceljs
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { zonedInstant } from '../../functions/core/clock.ts';
import { CONTENT_TYPES } from '../../functions/core/report-files.ts';
import { reportRenderers as renderers } from '../../functions/adapters/renderers.ts';
import { setAgency } from '../../functions/usecases/agency-service.ts';
import { compileReports } from '../../functions/usecases/compile-reports.ts';
import { submit } from '../../functions/usecases/submissions.ts';
import { BOARD_HEADER_ROW, BOARD_SHEET } from '../../templates/excel/status-board-sheet.ts';
import { SUBMISSIONS_SHEET } from '../../templates/excel/submissions-sheet.ts';
import { demoProfile } from '../support/demo-profile.ts';
import { call } from '../support/http.ts';
import { localEnv, testContainer, tokenFor } from '../support/local.ts';
import { assertResponseMatchesSpec } from '../support/openapi.ts';
import { smallPlan, taskReport } from '../support/small-plan.ts';

const agencyId = `board-${randomUUID().slice(0, 6)}`;
const TZ = 'Asia/Ho_Chi_Minh';
const unitName = () => demoProfile().units.find((u) => u.code === 'QLKH')!.name;
/** Sent on 15/05/2024 09:00 (on time), revised on 03/06/2024 10:00 (after the deadline). */
const FIRST = zonedInstant('2024-05-15', TZ, 9);
const REVISED = zonedInstant('2024-06-03', TZ, 10);
let vp: string;
/** The Director's compiled workbook, "Tình hình nộp báo cáo": QLKH's row. */
let compiledRow: string[];

async function workbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

function rowOf(ws: ExcelJS.Worksheet, text: string): string[] {
  let found: string[] | undefined;
  ws.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)));
    if (!found && values.includes(text)) found = values;
  });
  if (!found) throw new Error(`no row with "${text}" on ${ws.name}`);
  return found;
}

beforeAll(async () => {
  const c = testContainer(agencyId);
  await setAgency(c.agencies, { ...demoProfile(), agencyId });
  await c.plans.putPlan(smallPlan(agencyId, 3), { hash: `p-${agencyId}`, importedAt: '2024-01-05T00:00:00Z', importedBy: 'test', source: 'test' });
  const unit = { sub: 'u', role: 'unit' as const, unit: 'QLKH', agencyId };
  const report = (progress: number) => ({ reporterName: 'Người báo cáo', otherWork: [], tasks: [taskReport('I-2', progress)] });
  await submit(c, unit, { period: '2024-05', unit: 'QLKH', baseRevision: 0, data: report(50) }, FIRST);
  await submit(c, unit, { period: '2024-05', unit: 'QLKH', baseRevision: 1, data: report(60) }, REVISED);
  const { version } = await compileReports({ ...c, renderers }, { agencyId, period: '2024-05', trigger: 'test', now: new Date('2024-06-05T01:00:00Z') });
  const file = version.files.find((f) => f.audience === 'director' && f.format === 'xlsx')!;
  const stored = await c.archive.get(file.key);
  compiledRow = rowOf((await workbook(stored!.body)).getWorksheet(SUBMISSIONS_SHEET)!, unitName());
  vp = await tokenFor('van-phong', undefined, { agencyId });
}, 60_000);

describe('the status board and the compiled workbook tell one truth', () => {
  it("JSON: the counted submission is the workbook's instant; the revision is told apart", async () => {
    expect(compiledRow.slice(2, 5)).toEqual(['Nộp đúng hạn', '15/05/2024 09:00', '2']);
    const res = await call('GET', '/api/status?period=2024-05', { token: vp });
    expect(res.status).toBe(200);
    assertResponseMatchesSpec('GET', '/api/status?period=2024-05', res);
    const row = res.body.rows.find((r: { unit: { code: string } }) => r.unit.code === 'QLKH');
    expect(row).toMatchObject({ status: 'on-time', submittedAt: FIRST.toISOString(), lastRevisedAt: REVISED.toISOString(), revision: 2 });
    // Read now, long after every row; overdue judged at May's deadline.
    expect(res.body.readAt > REVISED.toISOString()).toBe(true);
    expect(res.body).toMatchObject({ asOf: '2024-05-20', deadline: '2024-05-20', timeZone: TZ });
  });

  it('page: the same time, "sửa lần cuối" beside it, and no "as of" date older than the rows', async () => {
    const res = await call('GET', '/status?period=2024-05', { token: vp });
    expect(res.status).toBe(200);
    const page = String(res.body);
    expect(page).toContain(`<time datetime="${FIRST.toISOString()}">${compiledRow[3]}</time>`);
    expect(page).toContain(`sửa lần cuối <time datetime="${REVISED.toISOString()}">03/06/2024 10:00</time> (phiên bản 2)`);
    expect(page).not.toContain('Số liệu tính đến');
    expect(page).toContain('Nhiệm vụ quá hạn xét đến ngày 20/05/2024 (hạn nộp).');
    expect(page).toContain('href="/api/status?period=2024-05&amp;format=xlsx"');
  });

  it('xlsx: downloads under a Vietnamese name and opens with the rows, the same time as the compiled workbook', async () => {
    const res = await fetch(`${localEnv().PUBLIC_URL}/api/status?period=2024-05&format=xlsx`, { headers: { authorization: `Bearer ${vp}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(CONTENT_TYPES.xlsx);
    const disposition = res.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; filename="Theo_doi_nop_bao_cao_-_thang_5_nam_2024\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe('Theo dõi nộp báo cáo - tháng 5 năm 2024.xlsx');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 2)).toString('latin1')).toBe('PK');
    assertResponseMatchesSpec('GET', '/api/status?period=2024-05&format=xlsx', { status: res.status, headers: res.headers, body: 'xlsx' });
    const ws = (await workbook(bytes)).getWorksheet(BOARD_SHEET)!;
    const row = rowOf(ws, unitName());
    expect(row.slice(3, 7)).toEqual(['Nộp đúng hạn', compiledRow[3], 'sửa lần cuối 03/06/2024 10:00 (phiên bản 2)', '2']);
    // One row per unit the board lists, under the header.
    const board = (await call('GET', '/api/status?period=2024-05', { token: vp })).body as { rows: { unit: { name: string } }[] };
    expect(board.rows.length).toBeGreaterThan(1);
    for (const [i, r] of board.rows.entries()) expect(ws.getCell(BOARD_HEADER_ROW + 1 + i, 2).value).toBe(r.unit.name);
  });

  it('xlsx for the same roles as the board: Lãnh đạo yes, a unit no; an unknown format is a 400', async () => {
    const ld = await tokenFor('lanh-dao', undefined, { agencyId });
    const unit = await tokenFor('unit', 'QLKH', { agencyId });
    const asLd = await fetch(`${localEnv().PUBLIC_URL}/api/status?period=2024-05&format=xlsx`, { headers: { authorization: `Bearer ${ld}` } });
    expect([asLd.status, asLd.headers.get('content-type')]).toEqual([200, CONTENT_TYPES.xlsx]);
    const asUnit = await call('GET', '/api/status?period=2024-05&format=xlsx', { token: unit });
    expect([asUnit.status, asUnit.body.error.code]).toEqual([403, 'forbidden']);
    const bad = await call('GET', '/api/status?period=2024-05&format=csv', { token: vp });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'invalid_format']);
    assertResponseMatchesSpec('GET', '/api/status?period=2024-05&format=csv', bad);
  });
});
