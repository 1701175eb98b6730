/**
 * The office's people and sign-in by email code, in Debian's Chromium on a phone, with no terminal:
 * Văn phòng signs in with the code emailed to it, invites a unit head on /people; the unit head
 * signs in with the code sent to them and lands on the unit's form; Văn phòng disables them and
 * their open page is signed out. axe-core finds no WCAG A/AA violation on the sign-in and people
 * pages. Screenshots in /tmp/screens/.
 */
import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDirectory } from '../../functions/adapters/auth/identity.ts';
import { setAgency } from '../../functions/usecases/agency-service.ts';
import { invitePerson } from '../../functions/usecases/people.ts';
import { axeViolations, closeBrowsers, openPage, pageErrors, signInByCode } from '../support/browser.ts';
import { demoProfile } from '../support/demo-profile.ts';
import { codeSentTo } from '../support/inbox.ts';
import { localEnv, testContainer } from '../support/local.ts';

const agency = `t-ppl-${randomUUID().slice(0, 8)}`;
const office = `vanphong.${agency}@example.test`;
const head = `truong.${agency}@example.test`;

beforeAll(async () => {
  const c = testContainer(agency);
  await setAgency(c.agencies, { ...demoProfile(), agencyId: agency });
  // The first Văn phòng account comes from an operator (docs/onboarding.md); everyone after from the portal.
  await invitePerson(
    { ...c, sessions: { revokeSubject: async () => undefined }, directory: localDirectory },
    { sub: 'operator', role: 'van-phong', agencyId: agency, name: 'Quản trị' },
    { email: office, name: 'Nguyễn Thị Văn Phòng', role: 'van-phong' },
    new Date(),
  );
});

afterAll(closeBrowsers);

describe('people and sign-in by email code, on a phone', () => {
  it('Văn phòng invites a unit head, who signs in by code; disabling them ends their session', async () => {
    mkdirSync('/tmp/screens', { recursive: true });
    const vp = await openPage({ width: 360, height: 780 });
    await vp.goto(`${localEnv().PUBLIC_URL}/signin`);
    expect(await axeViolations(vp)).toEqual([]);
    // A wrong code is said next to the field, and the field keeps focus for the correction.
    await vp.getByLabel('Địa chỉ thư điện tử').fill(office);
    await vp.getByRole('button', { name: 'Gửi mã đăng nhập' }).click();
    const code = await codeSentTo(office, 0);
    await vp.getByLabel('Mã đăng nhập (6 chữ số)').fill(code === '000000' ? '000001' : '000000');
    await vp.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await expect.poll(() => vp.locator('#signin-code-error').textContent()).toContain('còn 4 lần');
    expect(await axeViolations(vp)).toEqual([]);
    await vp.screenshot({ path: '/tmp/screens/signin-code-phone.png', fullPage: true });
    await vp.getByLabel('Mã đăng nhập (6 chữ số)').fill(code);
    await vp.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await vp.waitForURL(/\/status$/);

    await vp.getByRole('link', { name: 'Người dùng' }).click();
    await vp.waitForURL(/\/people$/);
    expect(await axeViolations(vp)).toEqual([]);
    await vp.getByLabel('Thư điện tử').fill(head);
    await vp.getByLabel('Họ và tên').fill('Trần Văn Trưởng');
    await vp.getByLabel('Vai trò').selectOption('unit');
    await vp.getByLabel('Phòng, đơn vị').selectOption('QLKH');
    await vp.getByRole('button', { name: 'Mời' }).click();
    const row = vp.locator('table.board tbody tr', { hasText: head });
    await expect.poll(() => row.count(), { timeout: 60_000 }).toBe(1);
    expect(await row.textContent()).toContain('Phòng, đơn vị —');
    const wide = await vp.evaluate(
      "[...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > 361).slice(0, 5).map((e) => e.tagName + '.' + e.className + ': ' + (e.textContent || '').slice(0, 40))",
    );
    expect(wide).toEqual([]);
    expect(await vp.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await vp.screenshot({ path: '/tmp/screens/people-phone.png', fullPage: true });

    // The unit head, on their own phone: the invitation's address and the code sent to it.
    const unit = await openPage({ width: 360, height: 780 });
    await signInByCode(unit, head);
    await unit.waitForURL((u) => u.pathname === '/');
    await expect.poll(() => unit.locator('h1').first().textContent()).toBeTruthy();

    // Văn phòng disables the unit head (asked once more); their next page asks them to sign in again.
    vp.once('dialog', (d) => void d.accept());
    await row.getByRole('button', { name: 'Khóa tài khoản' }).click();
    await expect.poll(() => vp.locator('table.board tbody tr', { hasText: head }).textContent(), { timeout: 60_000 }).toContain('Đã khóa');
    const again = await unit.goto(`${localEnv().PUBLIC_URL}/`);
    expect(again?.status()).toBe(401);
    expect(await unit.locator('body').textContent()).toContain('đăng nhập');
    expect(pageErrors).toEqual([]);
  });
});
