/**
 * The leaders' dashboard on the local stack: its numbers equal the Director's report compiled for
 * the same month (read back from the workbook in S3, sheet "Tổng hợp"), its lists name the tasks
 * behind each figure, the task page follows a task over the months, figures and data download,
 * and a unit may not open it.
 * flow: vitest --> local HTTP server --> dashboard handlers / compile --> DynamoDB Local, s3rver
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { TASK_STATUSES } from '../../functions/core/report-model.ts';
import { setAgency } from '../../functions/usecases/agency-service.ts';
import { SUMMARY_HEADER_ROW, SUMMARY_SHEET, TOTALS_LABEL } from '../../templates/excel/summary-sheet.ts';
import { DASHBOARD_SHEETS } from '../../templates/excel/dashboard-sheet.ts';
import { demoProfile } from '../support/demo-profile.ts';
import { call } from '../support/http.ts';
import { localEnv, testContainer, tokenFor } from '../support/local.ts';
import { smallPlan, taskReport } from '../support/small-plan.ts';

const a = `t-dash-${randomUUID().slice(0, 8)}`;
const tokens = { vp: '', ld: '', qlkh: '' };
const c = testContainer(a);
let compiledDirectorXlsx = '';

const text = (html: string) =>
  html
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

beforeAll(async () => {
  await setAgency(c.agencies, { ...demoProfile(), agencyId: a });
  // I-1 falls due in May, I-3 was due in April (overdue in May), I-2 runs to December.
  const plan = smallPlan(a);
  plan.tasks = plan.tasks.map((t) =>
    t.id === 'I-1'
      ? { ...t, finish: { kind: 'month' as const, year: 2024, month: 5 } }
      : t.id === 'I-3'
        ? { ...t, finish: { kind: 'month' as const, year: 2024, month: 4 } }
        : t.id === 'I-4'
          ? { ...t, finish: { kind: 'month' as const, year: 2024, month: 6 } }
          : t,
  );
  await c.plans.putPlan(plan, { hash: `p-${a}`, importedAt: '2024-01-05T00:00:00Z', importedBy: 'test', source: 'test' });
  tokens.vp = await tokenFor('van-phong', undefined, { agencyId: a });
  tokens.ld = await tokenFor('lanh-dao', undefined, { agencyId: a });
  tokens.qlkh = await tokenFor('unit', 'QLKH', { agencyId: a });
  const send = async (unit: string, period: string, tasks: ReturnType<typeof taskReport>[]) => {
    const res = await call('POST', '/api/submissions', {
      token: await tokenFor('unit', unit, { agencyId: a }),
      body: { period, unit, baseRevision: 0, data: { reporterName: 'Người báo cáo', otherWork: [], tasks } },
    });
    expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(201);
  };
  await send('QLKH', '2024-03', [taskReport('I-2', 40)]);
  await send('QLKH', '2024-05', [{ ...taskReport('I-2', 60), needsDecision: true, proposals: 'Đề nghị bổ sung kinh phí thẩm định' }]);
  await send('QLKHCNCS', '2024-05', [taskReport('I-3', 30)]);
  await send('TTUD', '2024-05', [{ ...taskReport('I-5', 100), status: 'hoan-thanh', completedOn: '2024-05-10' }]);
  const compiled = await call('POST', '/api/reports', { token: tokens.vp, body: { period: '2024-05' } });
  expect(compiled.status, JSON.stringify(compiled.body).slice(0, 400)).toBe(201);
  compiledDirectorXlsx = compiled.body.report.files.find((f: { audience: string; format: string }) => f.audience === 'director' && f.format === 'xlsx').key;
});

/** Sheet "Tổng hợp" of the compiled Director workbook: unit name → [total, each status]. */
async function directorCounts(): Promise<Map<string, number[]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from((await c.archive.get(compiledDirectorXlsx))!.body) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(SUMMARY_SHEET)!;
  const out = new Map<string, number[]>();
  for (let r = SUMMARY_HEADER_ROW + 1; ; r++) {
    const label = String(ws.getRow(r).getCell(2).value ?? '');
    if (!label || label === TOTALS_LABEL) {
      out.set(
        TOTALS_LABEL,
        [3, ...TASK_STATUSES.map((_, i) => 4 + i)].map((col) => Number(ws.getRow(r).getCell(col).value)),
      );
      break;
    }
    out.set(
      label,
      [3, ...TASK_STATUSES.map((_, i) => 4 + i)].map((col) => Number(ws.getRow(r).getCell(col).value)),
    );
  }
  return out;
}

describe('the dashboard', () => {
  it("shows the Director's report's own numbers for the month", async () => {
    const res = await call('GET', '/api/dashboard?period=2024-05', { token: tokens.ld });
    expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(200);
    const d = res.body;
    const doc = await directorCounts();
    const fromDashboard = new Map<string, number[]>(
      d.byUnit.map((r: { label: string; counts: Record<string, number> }) => [r.label, [r.counts.total!, ...TASK_STATUSES.map((s) => r.counts[s]!)]]),
    );
    fromDashboard.set(TOTALS_LABEL, [d.totals.total, ...TASK_STATUSES.map((s) => d.totals[s])]);
    expect(fromDashboard).toEqual(doc);
    // And the figures say what the submissions say.
    expect(d.totals.total).toBe(5);
    expect(d.totals['chua-hoan-thanh-qua-han']).toBe(1);
    expect(d.totals['hoan-thanh-dung-han']).toBe(1);
    expect(d.dueThisMonth.map((t: { taskId: string }) => t.taskId)).toEqual(['I-1']);
    expect(d.dueNextMonth.map((t: { taskId: string }) => t.taskId)).toEqual(['I-4']);
    expect(d.overdueByMonth.map((p: { overdue: number }) => p.overdue)).toEqual([0, 0, 0, 0, 1]);
    expect(d.awaitingLeaders.map((i: { unit: { code: string }; proposals: string }) => `${i.unit.code}: ${i.proposals}`)).toEqual([
      'QLKH: Đề nghị bổ sung kinh phí thẩm định',
    ]);
    const reported = d.reporting.rows
      .filter((r: { status: string }) => r.status === 'late' || r.status === 'on-time')
      .map((r: { unit: { code: string } }) => r.unit.code);
    expect(reported.sort()).toEqual(['QLKH', 'QLKHCNCS', 'TTUD']);
  });

  it('draws the figures with captions and tables, and each number links to its tasks', async () => {
    const res = await call('GET', '/dashboard?period=2024-05', { token: tokens.ld });
    expect(res.status).toBe(200);
    const html = String(res.body);
    expect(html.match(/<svg role="img" aria-labelledby="[a-z-]+-caption"/g)).toHaveLength(3);
    // The CSP forbids inline styles: none in the figures.
    expect(html).not.toMatch(/<style|style="/);
    const t = text(html);
    expect(t).toContain('Bảng điều hành — tháng 5 năm 2024');
    expect(t).toContain('Tình trạng nhiệm vụ theo đơn vị chủ trì, tháng 5 năm 2024');
    expect(t).toContain('Đề xuất chờ Lãnh đạo cho ý kiến (1)');
    expect(html).toContain('href="/dashboard?period=2024-05&amp;unit=QLKHCNCS&amp;status=chua-hoan-thanh-qua-han#tasks"');
    const list = await call('GET', '/dashboard?period=2024-05&unit=QLKHCNCS&status=chua-hoan-thanh-qua-han', { token: tokens.ld });
    const lt = text(String(list.body));
    expect(lt).toContain('Nhiệm vụ: Phòng Quản lý khoa học công nghệ cơ sở và Sở hữu trí tuệ — Chưa hoàn thành, quá hạn (1)');
    expect(lt).toContain('Nâng cao chất lượng xét đánh giá, công nhận sáng kiến cơ sở');
    expect(lt).not.toContain('Nhiệm vụ 2. Đẩy mạnh');
  });

  it('follows one task over the months', async () => {
    const res = await call('GET', '/dashboard/task?period=2024-05&id=I-2', { token: tokens.ld });
    expect(res.status).toBe(200);
    const t = text(String(res.body));
    expect(t).toContain('Nhiệm vụ 2. Đẩy mạnh việc ứng dụng');
    expect(t).toMatch(/Tháng 5\/2024: Chưa hoàn thành, trong hạn, 60%/);
    expect(t).toMatch(/Tháng 3\/2024: Chưa hoàn thành, trong hạn, 40%/);
    expect(t).toContain('Đề nghị bổ sung kinh phí thẩm định');
    expect((await call('GET', '/dashboard/task?period=2024-05&id=IX-9', { token: tokens.ld })).status).toBe(404);
  });

  it('downloads each figure as SVG and the data as xlsx', async () => {
    const fig = await call('GET', '/dashboard/figure?period=2024-05&name=qua-han', { token: tokens.ld });
    expect(fig.status).toBe(200);
    expect(fig.headers.get('content-type')).toContain('image/svg+xml');
    expect(String(fig.body)).toMatch(/^<svg /);
    expect((await call('GET', '/dashboard/figure?period=2024-05&name=nope', { token: tokens.ld })).status).toBe(404);
    const res = await fetch(`${localEnv().PUBLIC_URL}/api/dashboard?period=2024-05&format=xlsx`, { headers: { authorization: `Bearer ${tokens.vp}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; /);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual([...DASHBOARD_SHEETS]);
  });

  it('is for the leaders and Văn phòng: a unit gets 403, a bad filter 400', async () => {
    expect((await call('GET', '/api/dashboard?period=2024-05', { token: tokens.qlkh })).status).toBe(403);
    expect((await call('GET', '/dashboard?period=2024-05', { token: tokens.qlkh })).status).toBe(403);
    expect((await call('GET', '/dashboard?period=2024-05&status=xyz', { token: tokens.ld })).status).toBe(400);
    expect((await call('GET', '/api/dashboard?period=2024-05&format=pdf', { token: tokens.ld })).status).toBe(400);
  });
});
