/**
 * Locking a month on the reports page asks for a reason and then asks in words: without a reason
 * nothing is sent; Văn phòng dismissing the question changes nothing; accepting it locks the month;
 * reopening asks too, and both reasons show in the month's lock log on /history. Chromium, demo
 * agency, 2023-08, on a phone (360×780) and accessible (axe) on both pages.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { axeViolations, closeBrowsers, openPage, pageErrors, signIn } from '../support/browser.ts';
import { localEnv, tokenFor } from '../support/local.ts';

// A month no other test of the demo agency uses (issuance.test.ts issues and so locks 2023-11, issue.test.ts 2023-12).
const PERIOD = '2023-08';

afterAll(closeBrowsers);

describe('locking a month on the reports page', () => {
  it('asks for a reason, then before locking and before reopening; a dismissed question changes nothing; the log keeps both reasons', async () => {
    const base = localEnv().PUBLIC_URL!;
    const token = await tokenFor('van-phong');
    // The page itself says which: a locked month offers to reopen, an open one to lock.
    const lockButton = () => page.getByRole('button', { name: 'Khóa kỳ (đã ban hành)' });
    const reopenButton = () => page.getByRole('button', { name: 'Mở lại kỳ cho các đơn vị sửa báo cáo' });
    const page = await openPage({ width: 360, height: 780 });
    await signIn(page, base, token, /\/status/);
    await page.goto(`${base}/reports?period=${PERIOD}`);
    const questions: string[] = [];
    page.on('dialog', (d) => {
      questions.push(d.message());
      // The test decides below by how many it has answered: first dismissed, then accepted.
      void (questions.length === 1 ? d.dismiss() : d.accept());
    });
    // No reason yet: no question, nothing sent, the field says what is missing.
    await lockButton().click();
    await page.getByText('Hãy ghi lý do khóa kỳ trước.').waitFor();
    expect(questions).toEqual([]);
    expect(await page.getByLabel(/Lý do khóa kỳ/).getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel(/Lý do khóa kỳ/).fill('Đã ban hành báo cáo tháng 8');
    await lockButton().click();
    await expect.poll(() => questions.length).toBe(1);
    expect(questions[0]).toContain(`Khóa kỳ ${PERIOD}?`);
    expect(questions[0]).toContain('Lý do: Đã ban hành báo cáo tháng 8');
    await page.reload();
    await lockButton().waitFor();
    expect(await reopenButton().count()).toBe(0);
    await page.getByLabel(/Lý do khóa kỳ/).fill('Đã ban hành báo cáo tháng 8');
    await lockButton().click();
    // Accepted: the month is locked (the page reloads and offers to reopen, asking why).
    await reopenButton().waitFor();
    expect(await lockButton().count()).toBe(0);
    await page.getByLabel(/Lý do mở lại kỳ/).fill('Phòng QLKH cần sửa số liệu');
    await reopenButton().click();
    await lockButton().waitFor();
    expect(questions[2]).toContain(`Mở lại kỳ ${PERIOD}?`);

    // The month's history shows both, newest first, with the reasons.
    await page.goto(`${base}/history?period=${PERIOD}`);
    const rows = page.locator('#lock-log + .table-wrap tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2);
    expect(await rows.nth(0).innerText()).toContain('Mở lại kỳ');
    expect(await rows.nth(0).innerText()).toContain('Phòng QLKH cần sửa số liệu');
    expect(await rows.nth(1).innerText()).toContain('Khóa kỳ');
    expect(await rows.nth(1).innerText()).toContain('Đã ban hành báo cáo tháng 8');
    expect(await axeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
