/**
 * Issuing in a real browser (Debian's Chromium, playwright-core) against the local stack: Văn phòng
 * compiles December 2023 on the reports page, sees it marked as a draft, issues it under a number
 * typed from the clerk's register, uploads the signed PDF; a leader, on a phone, issues the
 * Director's report. Screenshots go to /tmp/screens/. Period used here: 2023-12 (demo agency).
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowsers, openPage, pageErrors } from '../support/browser.ts';
import { localEnv, tokenFor } from '../support/local.ts';

const PERIOD = '2023-12';
const SCREENS = '/tmp/screens';

let base: string;

const browser = (viewport = { width: 1366, height: 768 }) => openPage(viewport);

async function signIn(page: Page, token: string, landing: string): Promise<void> {
  await page.goto(`${base}/signin#token=${token}`);
  await page.waitForURL(`${base}${landing}`);
}

/** The section of one document ("Báo cáo gửi UBND tỉnh") in the newest version's card. */
const documentOf = (page: Page, title: string) =>
  page
    .locator('article.report-version')
    .first()
    .locator('section.report-document', { has: page.locator('h3', { hasText: title }) });

beforeAll(() => {
  base = localEnv().PUBLIC_URL!;
  mkdirSync(SCREENS, { recursive: true });
});

afterAll(async () => {
  await closeBrowsers();
});

describe('issuing on the reports page', () => {
  it("Văn phòng compiles, sees a draft, issues it under the clerk's number and attaches the signed PDF", async () => {
    const page = await browser();
    await signIn(page, await tokenFor('van-phong'), '/status');
    await page.goto(`${base}/reports?period=${PERIOD}`);
    await page.getByRole('button', { name: `Tổng hợp báo cáo kỳ ${PERIOD}` }).click();
    await page.locator('.report-actions [data-result].notice-success').waitFor();
    await page.waitForLoadState('load');
    await page.locator('article.report-version').first().waitFor();

    const ubnd = documentOf(page, 'Báo cáo gửi UBND tỉnh');
    await expect.poll(() => ubnd.innerText()).toContain('Dự thảo');
    expect(await ubnd.locator('a', { hasText: 'Dự thảo báo cáo UBND tỉnh - tháng 12 năm 2023' }).count()).toBe(2);

    // The clerk's own register gave it number 42.
    await ubnd.getByLabel('Số văn bản').fill('42');
    await ubnd.getByRole('button', { name: 'Phát hành (cấp số)' }).click();
    await ubnd.locator('[data-result].notice-success').waitFor();
    await expect
      .poll(() => page.locator('article.report-version').first().locator('section.report-document').first().innerText(), { timeout: 20_000 })
      .toContain('Đã phát hành số 42/BC-SKHCN');
    await page.screenshot({ path: `${SCREENS}/reports-issued-desktop.png`, fullPage: true });

    // The issued PDF, as a leader would sign it: here the file itself (a signature only adds to it).
    const issuedUbnd = documentOf(page, 'Báo cáo gửi UBND tỉnh');
    const pdfLink = issuedUbnd.locator('a', { hasText: 'Báo cáo số 42-BC-SKHCN - UBND tỉnh - tháng 12 năm 2023.pdf' });
    const href = (await pdfLink.getAttribute('href'))!;
    const pdf = Buffer.from(await (await fetch(href)).arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await issuedUbnd.getByLabel('Bản PDF đã ký số').setInputFiles({ name: 'Báo cáo 42 đã ký.pdf', mimeType: 'application/pdf', buffer: pdf });
    await issuedUbnd.getByRole('button', { name: 'Tải lên bản ký số' }).click();
    await issuedUbnd.locator('[data-result].notice-success').waitFor();
    await expect.poll(() => documentOf(page, 'Báo cáo gửi UBND tỉnh').innerText(), { timeout: 20_000 }).toContain('Bản đã ký số: Báo cáo 42 đã ký.pdf');
    expect(pageErrors).toEqual([]);
  });

  it("a leader on a phone issues the Director's report; a wrong file is refused with a message saying why", async () => {
    const page = await browser({ width: 360, height: 780 });
    await signIn(page, await tokenFor('lanh-dao'), '/status');
    await page.goto(`${base}/reports?period=${PERIOD}`);
    const director = documentOf(page, 'Báo cáo Lãnh đạo Sở');
    await director.waitFor();
    expect(await director.innerText()).toContain('Dự thảo');
    // Leaders issue; only Văn phòng uploads signed files.
    expect(await page.locator('form[data-signed]').count()).toBe(0);
    await director.getByRole('button', { name: 'Phát hành (cấp số)' }).click();
    await director.locator('[data-result].notice-success').waitFor();
    await expect.poll(() => documentOf(page, 'Báo cáo Lãnh đạo Sở').innerText(), { timeout: 20_000 }).toMatch(/Đã phát hành số \d{2,}\/BC-VP/u);
    await page.screenshot({ path: `${SCREENS}/reports-issued-phone.png`, fullPage: true });
    expect(pageErrors).toEqual([]);

    // Văn phòng tries a PDF that is not the issued document: refused, in words.
    const vp = await browser();
    await signIn(vp, await tokenFor('van-phong'), '/status');
    await vp.goto(`${base}/reports?period=${PERIOD}`);
    const form = documentOf(vp, 'Báo cáo Lãnh đạo Sở');
    const other = Buffer.from(
      await (await fetch((await documentOf(vp, 'Báo cáo gửi UBND tỉnh').locator('a', { hasText: '.pdf' }).first().getAttribute('href'))!)).arrayBuffer(),
    );
    await form.getByLabel('Bản PDF đã ký số').setInputFiles({ name: 'nhầm.pdf', mimeType: 'application/pdf', buffer: other });
    await form.getByRole('button', { name: 'Tải lên bản ký số' }).click();
    await form.locator('[data-result].notice-error').waitFor();
    expect(await form.locator('[data-result]').innerText()).toContain('Tệp đã ký không khớp nội dung Báo cáo số');
    expect(pageErrors).toEqual([]);
  });
});
