/**
 * Văn phòng keeps the year's plan in the portal, on a phone, in Debian's Chromium, with no
 * terminal: a file with a wrong cell is previewed with its problem by sheet, row and column and
 * cannot be confirmed; the good file is previewed (tasks to add) and confirmed; a task's deadline
 * is extended by a decision, previewed, confirmed and shown as extended. axe-core finds no WCAG
 * A/AA violation. Screenshots in /tmp/screens/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAgency } from '../../functions/usecases/agency-service.ts';
import { axeViolations, closeBrowsers, openPage, pageErrors, signIn } from '../support/browser.ts';
import { demoProfile } from '../support/demo-profile.ts';
import { localEnv, testContainer, tokenFor } from '../support/local.ts';

const agency = `t-planb-${randomUUID().slice(0, 8)}`;
const fixture = new URL('../fixtures/plans/seed-004-bacgiang-2024.xlsx', import.meta.url);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let broken: { buffer: Buffer; sheet: string; row: number; column: string };

beforeAll(async () => {
  await setAgency(testContainer(agency).agencies, { ...demoProfile(), agencyId: agency });
  // The same plan with one impossible month, as import-plan.test.ts breaks it.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(fixture.pathname);
  const ws = wb.worksheets[0]!;
  let target: ExcelJS.Cell | undefined;
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (!target && typeof cell.value === 'string' && /^Tháng 0?4\/2024$/.test(cell.value.trim())) target = cell;
    }),
  );
  target!.value = 'Tháng 13/2024';
  broken = { buffer: Buffer.from(await wb.xlsx.writeBuffer()), sheet: ws.name, row: Number(target!.row), column: target!.address.replace(/\d+/g, '') };
});

afterAll(closeBrowsers);

describe('the plan page, on a phone', () => {
  it('previews a file with a problem, imports the good one after its preview, and extends a deadline by a decision', async () => {
    const base = localEnv().PUBLIC_URL!;
    const page = await openPage({ width: 360, height: 780 });
    await signIn(page, base, await tokenFor('van-phong', undefined, { agencyId: agency, name: 'Nguyễn Thị Văn Phòng' }), /\/status$/);
    await page.getByRole('link', { name: 'Kế hoạch năm' }).click();
    await page.getByLabel('Năm kế hoạch', { exact: true }).selectOption('2024');
    await page.getByRole('button', { name: 'Xem', exact: true }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Kế hoạch năm 2024');
    expect(await page.locator('main').textContent()).toContain('Chưa có kế hoạch năm 2024');
    expect(await axeViolations(page)).toEqual([]);

    // A file with a wrong cell: its problem by sheet, row and column, and nothing to confirm.
    const preview = page.locator('#upload-preview');
    await page.getByLabel('Tệp kế hoạch (.xlsx)').setInputFiles({ name: 'ke-hoach-loi.xlsx', mimeType: XLSX, buffer: broken.buffer });
    await page.getByRole('button', { name: 'Xem trước', exact: true }).click();
    await expect.poll(() => preview.textContent(), { timeout: 30_000 }).toContain('chưa nhập được');
    const problem = preview.locator('tbody tr').first();
    expect(await problem.locator('td').allTextContents()).toEqual([broken.sheet, String(broken.row), broken.column, expect.stringMatching(/tháng/i)]);
    expect(await preview.getByRole('button', { name: 'Xác nhận nhập kế hoạch' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    mkdirSync('/tmp/screens', { recursive: true });
    await page.screenshot({ path: '/tmp/screens/plan-problem-phone.png', fullPage: true });

    // The good file: what it adds, then the confirmation.
    await page.getByLabel('Tệp kế hoạch (.xlsx)').setInputFiles({ name: 'ke-hoach-2024.xlsx', mimeType: XLSX, buffer: readFileSync(fixture) });
    await page.getByRole('button', { name: 'Xem trước', exact: true }).click();
    await expect.poll(() => preview.textContent(), { timeout: 30_000 }).toMatch(/Thêm \d+ nhiệm vụ/);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/screens/plan-preview-phone.png', fullPage: true });
    const added = Number(/Thêm (\d+) nhiệm vụ/.exec((await preview.textContent())!)![1]);
    await preview.getByRole('button', { name: 'Xác nhận nhập kế hoạch' }).click();
    const rows = page.locator('table.plan-tasks tbody tr');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(added);
    expect(await testContainer(agency).plans.getPlanMeta(agency, 2024)).toMatchObject({ version: 1, taskCount: added, source: 'ke-hoach-2024.xlsx' });

    // Extend the first task's deadline: preview (before, after, months), then confirm.
    const first = rows.first();
    await first.locator('summary').click();
    await first.getByLabel('Thời hạn mới').fill('2025-03-31');
    await first.getByLabel('Số quyết định').fill('123/QĐ-SKHCN');
    await first.getByLabel('Ngày quyết định').fill('2024-12-20');
    await first.getByLabel('Lý do gia hạn').fill('Chờ bổ sung kinh phí');
    await first.getByRole('button', { name: 'Xem trước gia hạn' }).click();
    const box = first.locator('[data-preview]');
    await expect.poll(() => box.textContent()).toContain('31/03/2025 (gia hạn theo Quyết định số 123/QĐ-SKHCN ngày 20/12/2024; lý do: Chờ bổ sung kinh phí)');
    expect(await testContainer(agency).plans.getPlanMeta(agency, 2024)).toMatchObject({ version: 1 });
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/screens/plan-amend-phone.png', fullPage: true });
    await box.getByRole('button', { name: 'Xác nhận gia hạn' }).click();
    await expect.poll(() => rows.first().textContent(), { timeout: 30_000 }).toContain('Đã gia hạn');
    expect(await rows.first().textContent()).toContain('gia hạn theo Quyết định số 123/QĐ-SKHCN ngày 20/12/2024');
    expect(await testContainer(agency).plans.getPlanMeta(agency, 2024)).toMatchObject({ version: 2 });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/screens/plan-phone.png', fullPage: true });

    // The same page on a desktop screen.
    const wide = await openPage({ width: 1366, height: 768 });
    await signIn(wide, base, await tokenFor('van-phong', undefined, { agencyId: agency }), /\/status$/);
    await wide.goto(`${base}/plan?year=2024`);
    await expect.poll(() => wide.locator('table.plan-tasks tbody tr').count()).toBe(added);
    expect(await wide.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1366);
    expect(await axeViolations(wide)).toEqual([]);
    await wide.screenshot({ path: '/tmp/screens/plan-desktop.png', fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
