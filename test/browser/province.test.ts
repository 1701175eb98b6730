/**
 * Văn phòng UBND tỉnh in a real browser (Debian's Chromium), on a phone: signs in, lands on the
 * province's page, reads each agency's state in words, downloads the issued PDF, changes the month;
 * the form page sends it back to its own page. Screenshot in /tmp/screens/.
 */
import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportRenderers as renderers } from '../../functions/adapters/renderers.ts';
import { zonedInstant } from '../../functions/core/clock.ts';
import { setAgency } from '../../functions/usecases/agency-service.ts';
import { compileReports } from '../../functions/usecases/compile-reports.ts';
import { issueReport } from '../../functions/usecases/issue-report.ts';
import { submit } from '../../functions/usecases/submissions.ts';
import { closeBrowsers, openPage, pageErrors, signIn } from '../support/browser.ts';
import { demoProfile } from '../support/demo-profile.ts';
import { localEnv, testContainer, tokenFor } from '../support/local.ts';
import { smallPlan, taskReport } from '../support/small-plan.ts';

const run = randomUUID().slice(0, 6);
const province = `tinh-b-${run}`;
const office = `vpubnd-b-${run}`;
const issued = `sở-a-${run}`.replace('ở', 'o');
const missing = `so-b-${run}`;

beforeAll(async () => {
  const demo = demoProfile();
  const profile = (agencyId: string, place: string) => ({ ...demo, agencyId, province, placeName: place });
  await setAgency(testContainer(office).agencies, {
    ...profile(office, 'Tỉnh B'),
    kind: 'province-office',
    name: 'Văn phòng UBND tỉnh',
    symbol: 'VPUBND',
    documents: { ubnd: { issuerName: 'VĂN PHÒNG', kinhGui: ['Chủ tịch UBND tỉnh'] } },
  });
  const c = testContainer(issued);
  await setAgency(c.agencies, profile(issued, 'Ánh Dương'));
  await setAgency(testContainer(missing).agencies, profile(missing, 'Bình Minh'));
  await c.plans.putPlan(smallPlan(issued, 3), { hash: `p-${issued}`, importedAt: '2024-01-05T00:00:00Z', importedBy: 'test', source: 'test' });
  await submit(
    c,
    { sub: 'u', role: 'unit', unit: 'QLKH', agencyId: issued },
    { period: '2024-05', unit: 'QLKH', baseRevision: 0, data: { reporterName: 'Người báo cáo', otherWork: [], tasks: [taskReport('I-2', 55)] } },
    zonedInstant('2024-05-15', 'Asia/Ho_Chi_Minh', 9),
  );
  await compileReports({ ...c, renderers }, { agencyId: issued, period: '2024-05', trigger: 'test', now: new Date('2024-05-21T01:00:00Z') });
  await issueReport(
    { ...c, renderers },
    { agencyId: issued, period: '2024-05', audience: 'ubnd', by: 'test', now: new Date('2024-05-21T02:00:00Z'), timeZone: 'Asia/Ho_Chi_Minh' },
  );
});

afterAll(closeBrowsers);

describe("the province's page on a phone", () => {
  it('signs in to the province page, reads each Sở in words, downloads the issued report, changes the month', async () => {
    const base = localEnv().PUBLIC_URL!;
    const page = await openPage({ width: 360, height: 780 });
    await signIn(page, base, await tokenFor('ubnd-tinh', undefined, { agencyId: office }), /\/province$/);
    await page.goto(`${base}/province?period=2024-05`);
    await expect.poll(() => page.locator('h1').textContent()).toContain('tháng 5 năm 2024');
    const rowOf = (place: string) => page.locator('table.board tbody tr', { hasText: place }).first();
    await expect.poll(() => rowOf('Ánh Dương').textContent()).toContain('Đã ban hành, chưa gửi');
    expect(await rowOf('Ánh Dương').textContent()).toContain('01/BC-SKHCN');
    expect(await rowOf('Bình Minh').textContent()).toContain('Chưa tổng hợp');
    expect(await rowOf('Bình Minh').textContent()).toContain('Quá hạn');
    // Nothing wider than the phone.
    const wide = await page.evaluate(
      "[...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > 361).slice(0, 5).map((e) => e.tagName + '.' + e.className + ': ' + (e.textContent || '').slice(0, 40))",
    );
    expect(wide).toEqual([]);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    mkdirSync('/tmp/screens', { recursive: true });
    await page.screenshot({ path: '/tmp/screens/province-phone.png', fullPage: true });
    const download = page.waitForEvent('download');
    await rowOf('Ánh Dương').locator('a', { hasText: '.pdf' }).first().click();
    const file = await (await download).path();
    expect(file).toBeTruthy();
    // Another month: nothing issued anywhere.
    await page.fill('#period', '2024-04');
    await page.getByRole('button', { name: 'Xem' }).click();
    await page.waitForURL(/period=2024-04/);
    expect(await rowOf('Ánh Dương').textContent()).toContain('Chưa tổng hợp');
    // The units' form is not this role's: it is sent back to its own page.
    await page.goto(`${base}/`);
    await page.waitForURL(/\/province$/);
    expect(pageErrors).toEqual([]);
  });

  it("compiles the office's own roll-up from the page, issues it under the office's number and downloads it", async () => {
    const base = localEnv().PUBLIC_URL!;
    const page = await openPage({ width: 360, height: 780 });
    await signIn(page, base, await tokenFor('ubnd-tinh', undefined, { agencyId: office }), /\/province$/);
    await page.goto(`${base}/province?period=2024-05`);
    await page.getByRole('link', { name: /Tổng hợp, phát hành báo cáo tháng 5 năm 2024/ }).click();
    await page.waitForURL(/\/reports\?period=2024-05/);
    await page.getByRole('button', { name: /Tổng hợp báo cáo kỳ 2024-05/ }).click();
    // The page reloads with the new version: one document, to UBND tỉnh, a draft with its issue form.
    const issueForm = page.locator('form[data-issue]');
    await expect.poll(() => issueForm.count(), { timeout: 60_000 }).toBe(1);
    expect(await page.locator('.report-document h3').allTextContents()).toHaveLength(1);
    await issueForm.getByRole('button', { name: 'Phát hành (cấp số)' }).click();
    // After the page reloads: issued under the office's own register, its form gone.
    await expect.poll(() => issueForm.count(), { timeout: 60_000 }).toBe(0);
    expect(await page.locator('.report-document').textContent()).toContain('Đã phát hành số 01/BC-VPUBND');
    const download = page.waitForEvent('download');
    await page.locator('.report-document a', { hasText: '.pdf' }).first().click();
    expect(await (await download).path()).toBeTruthy();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await page.screenshot({ path: '/tmp/screens/province-rollup-phone.png', fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
