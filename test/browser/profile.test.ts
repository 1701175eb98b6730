/**
 * The agency profile page in Chromium, on a phone (360×780) and a desktop: Văn phòng changes the
 * signer and the place name, sees the problems of a placeholder name by field, previews the header
 * and closing lines as they will print, saves a new version effective from a date, and sees it in
 * the list of versions. An agency of its own; axe finds nothing on the page, preview shown.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAgency } from '../../functions/usecases/agency-service.ts';
import { axeViolations, closeBrowsers, openPage, pageErrors, signIn } from '../support/browser.ts';
import { demoProfile } from '../support/demo-profile.ts';
import { localEnv, testContainer, tokenFor } from '../support/local.ts';

const a = `t-profb-${randomUUID().slice(0, 8)}`;
let vp = '';

beforeAll(async () => {
  await setAgency(testContainer(a).agencies, { ...demoProfile(), agencyId: a });
  vp = await tokenFor('van-phong', undefined, { agencyId: a });
});

afterAll(closeBrowsers);

describe('the agency profile page', () => {
  for (const viewport of [
    { width: 360, height: 780 },
    { width: 1366, height: 768 },
  ]) {
    it(`previews the printed header, refuses a placeholder signer, and saves a new version (${viewport.width}×${viewport.height})`, async () => {
      const base = localEnv().PUBLIC_URL!;
      const page = await openPage(viewport);
      await signIn(page, base, vp, /\/status/);
      await page.getByRole('link', { name: 'Hồ sơ cơ quan' }).click();
      await page.waitForURL(`${base}/profile`);
      expect(await axeViolations(page)).toEqual([]);
      const ubnd = page.getByRole('group', { name: 'Báo cáo gửi UBND tỉnh' });

      // A placeholder name: the preview names the field and the problem.
      await ubnd.getByLabel('Họ và tên người ký').fill('Nguyễn Văn A');
      await page.getByRole('button', { name: 'Xem trước' }).click();
      const problems = page.locator('[data-problems]');
      await expect.poll(() => problems.innerText()).toContain('Họ và tên người ký: người ký báo cáo gửi UBND tỉnh còn là tên mẫu');
      expect(await ubnd.getByLabel('Họ và tên người ký').getAttribute('aria-invalid')).toBe('true');

      const day = viewport.width === 360 ? '2027-03-01' : '2027-04-01';
      const name = viewport.width === 360 ? 'Hoàng Minh Tuấn' : 'Phạm Thu Hằng';
      await ubnd.getByLabel('Họ và tên người ký').fill(name);
      await page.getByLabel('Địa danh').fill('Bắc Ninh');
      await page.getByLabel('Có hiệu lực từ ngày').fill(day);
      await page.getByRole('button', { name: 'Xem trước' }).click();
      const paper = page.locator('[data-preview-docs] article.paper').first();
      await expect.poll(async () => ((await paper.count()) ? paper.innerText() : '')).toContain(name);
      const text = await paper.innerText();
      expect(text).toContain('UBND TỈNH BẮC GIANG');
      expect(text).toContain('SỞ KHOA HỌC VÀ CÔNG NGHỆ');
      expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(text).toContain('/BC-SKHCN');
      expect(text).toContain(`Bắc Ninh, ngày 01 tháng ${day === '2027-03-01' ? '3' : '4'} năm 2027`);
      expect(text).toContain('Kính gửi: Ủy ban nhân dân tỉnh Bắc Giang.');
      expect(text).toContain('KT. GIÁM ĐỐC');
      expect(text).toContain('- Lưu: VT, VP.');
      expect(await problems.isHidden()).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      mkdirSync('/tmp/screens', { recursive: true });
      await page.screenshot({ path: `/tmp/screens/profile-${viewport.width}.png`, fullPage: true });

      await page.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
      await expect.poll(() => page.locator('[data-result]').innerText()).toMatch(/Đã lưu phiên bản \d+, có hiệu lực từ/);
      // The page reloads with the new version in the list.
      const row = page.locator('table tbody tr', { hasText: day.split('-').reverse().join('/') });
      await row.waitFor();
      expect(await row.innerText()).toContain('Sẽ áp dụng');
      expect(pageErrors).toEqual([]);
    });
  }
});
