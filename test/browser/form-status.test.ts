/**
 * The form on a phone: choosing "Hoàn thành" sets progress to 100, and leaving it — by picking
 * another status or by passing over it with the arrow keys — gives back the figure typed before
 * (it used to stay at 100, the earlier 45 lost). Chromium, demo agency, February 2024 (no other
 * test writes there), the first unit with a task that month.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowsers, openPage, pageErrors, signIn } from '../support/browser.ts';
import { call } from '../support/http.ts';
import { localEnv, tokenFor } from '../support/local.ts';

const PERIOD = '2024-02';

afterAll(closeBrowsers);

describe('status and progress on the form', () => {
  it('keeps the typed progress when "Hoàn thành" is chosen and then left, by the mouse or the arrow keys', async () => {
    const base = localEnv().PUBLIC_URL!;
    let token = '';
    let id: string | undefined;
    for (const unit of ['TTR', 'CCTCDLCL', 'QLKHCNCS', 'QLCN', 'TTUD', 'QLKH', 'VP']) {
      token = await tokenFor('unit', unit);
      const form = (await call('GET', `/api/form?period=${PERIOD}`, { token })).body as { tasks: { task: { id: string } }[] };
      id = form.tasks[0]?.task.id;
      if (id) break;
    }
    expect(id, 'a demo unit has a task in February 2024').toBeDefined();
    const page = await openPage({ width: 360, height: 780 });
    await signIn(page, base, token, /\/(\?.*)?$/);
    await page.goto(`${base}/?period=${PERIOD}`);
    const status = page.locator(`#t-${id}-status`);
    const progress = page.locator(`#t-${id}-progress`);
    await status.selectOption('dang-thuc-hien');
    await progress.fill('45');
    await status.selectOption('hoan-thanh');
    expect(await progress.inputValue()).toBe('100');
    await status.selectOption('dang-thuc-hien');
    expect(await progress.inputValue()).toBe('45');
    // With the keyboard: from "Đang thực hiện" down onto "Hoàn thành" and on past it.
    await status.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => status.inputValue()).toBe('hoan-thanh');
    expect(await progress.inputValue()).toBe('100');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => status.inputValue()).toBe('de-xuat-dieu-chinh');
    expect(await progress.inputValue()).toBe('45');
    // A figure typed while "Hoàn thành" was chosen is the user's own: it stays.
    await status.selectOption('hoan-thanh');
    await progress.fill('90');
    await status.selectOption('dang-thuc-hien');
    expect(await progress.inputValue()).toBe('90');
    expect(pageErrors).toEqual([]);
  });
});
