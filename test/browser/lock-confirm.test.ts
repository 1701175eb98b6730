/**
 * Locking a month on the reports page asks first, in words: Văn phòng dismissing the question
 * changes nothing; accepting it locks the month; reopening asks too. Chromium, demo agency, 2023-08.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowsers, openPage, pageErrors, signIn } from '../support/browser.ts';
import { localEnv, tokenFor } from '../support/local.ts';

// A month no other test of the demo agency uses (issuance.test.ts issues and so locks 2023-11, issue.test.ts 2023-12).
const PERIOD = '2023-08';

afterAll(closeBrowsers);

describe('locking a month on the reports page', () => {
  it('asks before locking and before reopening; a dismissed question changes nothing', async () => {
    const base = localEnv().PUBLIC_URL!;
    const token = await tokenFor('van-phong');
    // The page itself says which: a locked month offers to reopen, an open one to lock.
    const lockButton = () => page.getByRole('button', { name: 'Khóa kỳ (đã ban hành)' });
    const reopenButton = () => page.getByRole('button', { name: 'Mở lại kỳ cho các đơn vị sửa báo cáo' });
    const page = await openPage();
    await signIn(page, base, token, /\/status/);
    await page.goto(`${base}/reports?period=${PERIOD}`);
    const questions: string[] = [];
    page.once('dialog', (d) => {
      questions.push(d.message());
      void d.dismiss();
    });
    await page.getByRole('button', { name: 'Khóa kỳ (đã ban hành)' }).click();
    await expect.poll(() => questions.length).toBe(1);
    expect(questions[0]).toContain(`Khóa kỳ ${PERIOD}?`);
    await page.reload();
    await lockButton().waitFor();
    expect(await reopenButton().count()).toBe(0);
    page.once('dialog', (d) => void d.accept());
    await lockButton().click();
    // Accepted: the month is locked (the page reloads and offers to reopen).
    await reopenButton().waitFor();
    expect(await lockButton().count()).toBe(0);
    page.once('dialog', (d) => {
      questions.push(d.message());
      void d.accept();
    });
    await reopenButton().click();
    await lockButton().waitFor();
    expect(questions[1]).toContain(`Mở lại kỳ ${PERIOD}?`);
    expect(pageErrors).toEqual([]);
  });
});
