/**
 * "Sản phẩm đạt được" against a target of two parts ("20 nhiệm vụ; 05 hội nghị", issue 14) on a
 * phone (360×780): one number box per part, each named by its measure, side by side within the
 * screen; a negative number is refused naming the part; the two numbers are saved as a list and the
 * receipt on screen says "Đã đạt: 18 nhiệm vụ; 03 hội nghị"; the form reloaded shows them back.
 * No axe violations. Own agency, May 2024.
 * flow: Chromium --> form page --> submissions API --> DynamoDB Local
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAgency } from '../../functions/usecases/agency-service.ts';
import { axeViolations, closeBrowsers, openPage, pageErrors, signIn } from '../support/browser.ts';
import { demoProfile } from '../support/demo-profile.ts';
import { call } from '../support/http.ts';
import { localEnv, testContainer, tokenFor } from '../support/local.ts';
import { twoPartPlan } from '../support/small-plan.ts';

const a = `t-bprod-${randomUUID().slice(0, 8)}`;
const email = `qlkh.${a}@example.test`;
const PERIOD = '2024-05';
let token = '';

afterAll(closeBrowsers);

beforeAll(async () => {
  const c = testContainer(a);
  await setAgency(c.agencies, { ...demoProfile(), agencyId: a });
  await c.plans.putPlan(twoPartPlan(a), { hash: `p-${a}`, importedAt: '2024-01-05T00:00:00Z', importedBy: 'test', source: 'test' });
  const at = new Date().toISOString();
  await c.users.create(
    {
      email,
      agencyId: a,
      sub: 'local-unit-qlkh',
      role: 'unit',
      unit: 'QLKH',
      name: 'Nguyễn Thị Hoa',
      status: 'active',
      invitedAt: at,
      invitedBy: 'test',
      updatedAt: at,
      version: 1,
    },
    { agencyId: a, at, actor: 'test', action: 'user-invited', target: email },
  );
  token = await tokenFor('unit', 'QLKH', { agencyId: a });
});

describe('the product reached, part by part, on a phone', () => {
  it('takes one number per part, names a wrong one by its measure, saves the list and prints it in the receipt', async () => {
    const base = localEnv().PUBLIC_URL!;
    const page = await openPage({ width: 360, height: 780 });
    await signIn(page, base, token, /\/(\?.*)?$/);
    await page.goto(`${base}/?period=${PERIOD}`);
    await page.locator('#report-form').waitFor();

    const task = page.locator('#task-I-2');
    const tasks = task.getByRole('spinbutton', { name: 'nhiệm vụ', exact: true });
    const meetings = task.getByRole('spinbutton', { name: 'hội nghị', exact: true });
    expect(await task.locator('input[data-field="productReached"]').count()).toBe(2);
    expect(await task.getByRole('group', { name: 'Sản phẩm đạt được' }).count()).toBe(1);
    // Each box with its target, read out with it; both on the screen, side by side.
    expect(await meetings.getAttribute('aria-describedby')).toBe('t-I-2-productReached.1-hint');
    expect(await page.locator('[id="t-I-2-productReached.1-hint"]').innerText()).toBe('Mục tiêu: 05');
    const [b1, b2] = [(await tasks.boundingBox())!, (await meetings.boundingBox())!];
    expect(b1.x).toBeGreaterThanOrEqual(0);
    expect(b2.x + b2.width).toBeLessThanOrEqual(360);
    expect(Math.abs(b1.y - b2.y)).toBeLessThan(2);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);

    await task.locator('#t-I-2-status').selectOption('dang-thuc-hien');
    await task.locator('#t-I-2-progress').fill('40');
    await task.locator('#t-I-2-result').fill('Nghiệm thu 18 nhiệm vụ; tổ chức 03 hội nghị chuyển giao.');
    await tasks.fill('18');
    await meetings.fill('-1');
    await tasks.focus();
    const error = page.locator('[id="t-I-2-productReached.1-error"]');
    await expect.poll(() => error.count()).toBe(1);
    expect(await error.innerText()).toContain('Sản phẩm đạt được (hội nghị) phải là số không âm.');
    expect(await meetings.getAttribute('aria-invalid')).toBe('true');
    await meetings.fill('3');
    await expect.poll(() => error.count()).toBe(0);
    await page.locator('#reporterName').fill('Nguyễn Thị Hoa');
    await tasks.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${process.env.TMPDIR ?? '/tmp'}/baocao-products-360.png`, fullPage: false });
    expect(await axeViolations(page)).toEqual([]);

    await page.locator('#submit-report').click();
    const receipt = page.locator('#receipt');
    await receipt.waitFor({ state: 'visible' });
    expect(await receipt.innerText()).toContain('Đã đạt: 18 nhiệm vụ; 03 hội nghị');
    const saved = await call('GET', `/api/submissions/${PERIOD}/QLKH`, { token });
    expect(saved.body.submission.data.tasks.find((t: { taskId: string }) => t.taskId === 'I-2').productReached).toEqual([18, 3]);
    expect(await axeViolations(page)).toEqual([]);

    // Opened again, the form shows what was saved, each number in its box.
    await page.reload();
    await page.locator('#report-form').waitFor();
    await expect.poll(() => tasks.inputValue()).toBe('18');
    expect(await meetings.inputValue()).toBe('3');
    expect(pageErrors).toEqual([]);
  });
});
