/**
 * The leaders' dashboard on a phone, in Debian's Chromium: a Lãnh đạo Sở opens it from the menu,
 * reads the figures (SVG with captions; no horizontal scrolling at 360 px), follows a number to the
 * tasks behind it and on to a task's page, and saves a figure as PNG. axe-core finds no WCAG A/AA
 * violation on the dashboard, the filtered list or the task page. Screenshots in /tmp/screens/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAgency } from '../../functions/usecases/agency-service.ts';
import { submit } from '../../functions/usecases/submissions.ts';
import { axeViolations, closeBrowsers, openPage, pageErrors, signIn } from '../support/browser.ts';
import { demoProfile } from '../support/demo-profile.ts';
import { localEnv, testContainer, tokenFor } from '../support/local.ts';
import { smallPlan, taskReport } from '../support/small-plan.ts';

const agency = `t-dashb-${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  const c = testContainer(agency);
  await setAgency(c.agencies, { ...demoProfile(), agencyId: agency });
  const plan = smallPlan(agency);
  // I-3 was due in April: overdue in May.
  plan.tasks = plan.tasks.map((t) => (t.id === 'I-3' ? { ...t, finish: { kind: 'month' as const, year: 2024, month: 4 } } : t));
  await c.plans.putPlan(plan, { hash: `p-${agency}`, importedAt: '2024-01-05T00:00:00Z', importedBy: 'test', source: 'test' });
  const unit = (code: string) => ({ sub: `local-unit-${code}`, role: 'unit' as const, unit: code, agencyId: agency });
  for (const [code, task, progress, period] of [
    ['QLKH', 'I-2', 40, '2024-04'],
    ['QLKH', 'I-2', 65, '2024-05'],
    ['QLKHCNCS', 'I-3', 30, '2024-05'],
  ] as const) {
    await submit(
      c,
      unit(code),
      { period, unit: code, baseRevision: 0, data: { reporterName: 'Người báo cáo', otherWork: [], tasks: [taskReport(task, progress)] } },
      new Date(),
    );
  }
});

afterAll(closeBrowsers);

describe('the dashboard on a phone', () => {
  it('a leader reads the figures, follows a number to its tasks and a task over the months, and saves a figure', async () => {
    mkdirSync('/tmp/screens', { recursive: true });
    const base = localEnv().PUBLIC_URL!;
    const page = await openPage({ width: 360, height: 780 });
    await signIn(page, base, await tokenFor('lanh-dao', undefined, { agencyId: agency }), /\/status/);
    await page.getByRole('link', { name: 'Bảng điều hành' }).click();
    await page.waitForURL(/\/dashboard/);
    await page.goto(`${base}/dashboard?period=2024-05`);
    await expect.poll(() => page.locator('figure.chart svg[role=img]').count()).toBe(3);
    expect(await page.getByRole('img', { name: 'Tình trạng nhiệm vụ theo đơn vị chủ trì, tháng 5 năm 2024' }).count()).toBe(1);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/screens/dashboard-phone.png', fullPage: true });

    // The overdue count in the totals leads to the task behind it, and on to its page.
    await page.getByRole('link', { name: /1 chưa hoàn thành, quá hạn/ }).click();
    await page.waitForURL(/status=chua-hoan-thanh-qua-han/);
    const list = page.locator('#tasks');
    expect(await list.locator('h2').textContent()).toContain('Chưa hoàn thành, quá hạn (1)');
    expect(await axeViolations(page)).toEqual([]);
    await list.getByRole('link', { name: /Nâng cao chất lượng xét đánh giá/ }).click();
    await page.waitForURL(/\/dashboard\/task\?/);
    expect(await page.locator('h1').textContent()).toContain('Nâng cao chất lượng xét đánh giá, công nhận sáng kiến cơ sở');
    expect(await page.locator('main').textContent()).toContain('Tháng 5/2024: Chưa hoàn thành, quá hạn, 30%');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/screens/dashboard-task-phone.png', fullPage: true });

    // A figure saved as a PNG picture (drawn from the SVG in the browser).
    await page.goto(`${base}/dashboard?period=2024-05`);
    const download = page.waitForEvent('download');
    await page.locator('#qua-han').getByRole('button', { name: 'Tải hình (PNG)' }).click();
    const file = await (await download).path();
    const png = readFileSync(file);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(400);
    expect(pageErrors).toEqual([]);
  });
});
