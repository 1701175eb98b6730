/**
 * A unit head on a phone (360×780) attaches a PDF to a task's result, submits, sees the receipt on
 * screen and gets it by email (the SES emulator); the file goes from the browser straight to
 * s3rver (the page's CSP allows that origin only for connections). The form with its files and
 * receipt, and "Báo cáo của đơn vị", have no axe violations. Own agency, May 2024.
 * flow: Chromium --> form page --> attachments API + s3rver + submissions API --> SES emulator
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAgency } from '../../functions/usecases/agency-service.ts';
import { axeViolations, closeBrowsers, openPage, pageErrors, signIn } from '../support/browser.ts';
import { demoProfile } from '../support/demo-profile.ts';
import { emailsTo } from '../support/inbox.ts';
import { localEnv, testContainer, tokenFor } from '../support/local.ts';
import { smallPlan } from '../support/small-plan.ts';
import { EXE, PDF } from '../support/attachment-files.ts';

const a = `t-batt-${randomUUID().slice(0, 8)}`;
const email = `truongphong.${a}@example.test`;
const PERIOD = '2024-05';
let token = '';

afterAll(closeBrowsers);

beforeAll(async () => {
  const c = testContainer(a);
  await setAgency(c.agencies, { ...demoProfile(), agencyId: a });
  await c.plans.putPlan(smallPlan(a), { hash: `p-${a}`, importedAt: '2024-01-05T00:00:00Z', importedBy: 'test', source: 'test' });
  const at = new Date().toISOString();
  await c.users.create(
    {
      email,
      agencyId: a,
      sub: 'local-unit-qlkh',
      role: 'unit',
      unit: 'QLKH',
      name: 'Trần Văn Nam',
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

describe('a unit head submits with an attachment on a phone', () => {
  it('uploads the file, submits, sees the receipt and gets it by email', async () => {
    const base = localEnv().PUBLIC_URL!;
    const page = await openPage({ width: 360, height: 780 });
    await signIn(page, base, token, /\/(\?.*)?$/);
    await page.goto(`${base}/?period=${PERIOD}`);
    const id = 'I-2';
    await page.locator(`#t-${id}-status`).selectOption('dang-thuc-hien');
    await page.locator(`#t-${id}-progress`).fill('50');
    await page.locator(`#t-${id}-result`).fill('Đã tổ chức hội đồng nghiệm thu 02 nhiệm vụ.');
    await page.locator('#reporterName').fill('Trần Văn Nam');

    // An executable renamed .pdf is refused by its content, with the reason on screen.
    const files = page.locator(`#t-${id}-files`);
    await files.setInputFiles({ name: 'bao-cao.pdf', mimeType: 'application/pdf', buffer: Buffer.from(EXE) });
    await expect.poll(() => page.locator(`#t-${id}-attachments [role="status"]`).textContent()).toMatch(/Chỉ nhận tài liệu PDF/u);
    await files.setInputFiles({ name: 'Biên bản nghiệm thu.pdf', mimeType: 'application/pdf', buffer: Buffer.from(PDF) });
    await expect.poll(() => page.locator(`#t-${id}-attachments li`).count()).toBe(1);
    expect(await page.locator(`#t-${id}-attachments li`).textContent()).toContain('Biên bản nghiệm thu.pdf');
    expect(await axeViolations(page)).toEqual([]);

    const before = (await emailsTo(email)).length;
    await page.locator('#submit-report').click();
    const receipt = page.locator('#receipt');
    await receipt.waitFor({ state: 'visible' });
    const text = (await receipt.textContent()) ?? '';
    expect(text).toContain('Biên nhận báo cáo');
    expect(text).toMatch(/Phiên bản\s*1/u);
    expect(text).toContain('Tài liệu kèm theo: Biên bản nghiệm thu.pdf (1 KB)');
    expect(text).toContain(`Đã gửi thư biên nhận tới ${email}.`);
    await page.screenshot({ path: `${process.env.TMPDIR ?? '/tmp'}/baocao-receipt-360.png`, fullPage: false });
    expect(await axeViolations(page)).toEqual([]);

    await expect.poll(async () => (await emailsTo(email)).length).toBe(before + 1);
    const mail = (await emailsTo(email)).at(-1)!;
    expect(mail.subject).toContain('[Đã nhận báo cáo]');
    expect(mail.body.text).toContain('Biên bản nghiệm thu.pdf (1 KB)');

    // "Báo cáo của đơn vị": in the navigation, and from the receipt for the month's year.
    expect(await page.locator('nav.site-nav a[href="/my-reports"]').count()).toBe(1);
    await receipt.getByRole('link', { name: 'Báo cáo của đơn vị' }).click();
    await page.waitForURL(/\/my-reports\?year=2024/);
    expect(await page.locator('tr', { hasText: 'Tháng 5 năm 2024' }).textContent()).toContain('Nộp muộn');
    await page.screenshot({ path: `${process.env.TMPDIR ?? '/tmp'}/baocao-my-reports-360.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
