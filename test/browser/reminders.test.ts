/**
 * Văn phòng reminds late units from the portal, on a phone, in Debian's Chromium: the preview lists
 * each unit that has not reported with its addresses and the email's words; Văn phòng leaves one
 * out, sends, and reads the outcome in the month's log; only the chosen unit received mail. axe-core
 * finds no WCAG A/AA violation. Screenshot in /tmp/screens/.
 */
import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAgency } from '../../functions/usecases/agency-service.ts';
import { axeViolations, closeBrowsers, openPage, pageErrors, signIn } from '../support/browser.ts';
import { demoProfile } from '../support/demo-profile.ts';
import { emailsTo } from '../support/inbox.ts';
import { localEnv, testContainer, tokenFor } from '../support/local.ts';
import { smallPlan } from '../support/small-plan.ts';

const agency = `t-remb-${randomUUID().slice(0, 8)}`;
const address = (code: string) => `${code.toLowerCase()}.${agency}@example.test`;

beforeAll(async () => {
  const demo = demoProfile();
  const c = testContainer(agency);
  await setAgency(c.agencies, { ...demo, agencyId: agency, units: demo.units.map((u) => ({ ...u, emails: [address(u.code)] })) });
  await c.plans.putPlan(smallPlan(agency, 3), { hash: `p-${agency}`, importedAt: '2024-01-05T00:00:00Z', importedBy: 'test', source: 'test' });
});

afterAll(closeBrowsers);

describe('remind now, on a phone', () => {
  it('previews, leaves one unit out, sends to the others once, and shows the log', async () => {
    const base = localEnv().PUBLIC_URL!;
    const page = await openPage({ width: 360, height: 780 });
    await signIn(page, base, await tokenFor('van-phong', undefined, { agencyId: agency }), /\/status$/);
    await page.goto(`${base}/reminders?period=2024-05`);
    const items = page.locator('li.reminder');
    await expect.poll(() => items.count()).toBeGreaterThan(1);
    const qlkh = items.filter({ hasText: address('QLKH') });
    expect(await qlkh.textContent()).toContain('Phòng Quản lý Khoa học — Chưa nộp');
    expect(await axeViolations(page)).toEqual([]);
    // The email's words are there to read before anything is sent.
    await qlkh.locator('summary').click();
    expect(await qlkh.locator('pre').textContent()).toContain('Kính gửi: Phòng Quản lý Khoa học.');
    const count = await items.locator('input[name=unit]:not([disabled])').count();
    // Leave out the last unit of the list.
    const leftOut = items.locator('input[name=unit]:not([disabled])').last();
    const leftOutCode = (await leftOut.getAttribute('value'))!;
    expect(leftOutCode).not.toBe('QLKH');
    await leftOut.uncheck({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Gửi thư nhắc các đơn vị đã chọn' }).click();
    await expect.poll(() => page.locator('table.board tbody tr').count(), { timeout: 60_000 }).toBe(count - 1);
    expect(await page.locator('table.board tbody').textContent()).toContain('Đã gửi');
    expect(await emailsTo(address(leftOutCode))).toEqual([]);
    expect(await emailsTo(address('QLKH'))).toHaveLength(1);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    expect(await axeViolations(page)).toEqual([]);
    mkdirSync('/tmp/screens', { recursive: true });
    await page.screenshot({ path: '/tmp/screens/reminders-phone.png', fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
