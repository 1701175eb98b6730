/**
 * The slips a walk through the monthly form on a phone (360×780) found (issue 14), each with a test
 * that fails if it comes back: required marks, no red before typing, a summary that follows the
 * fixes, two status regions, fields clear of the sticky action bar, no empty revision on a resend,
 * sign-out clearing this machine's copies (after a warning when something is unsent), the conflict
 * view readable on a phone, last month's difficulties not copied, the sign-in link in a tab already
 * on /signin, no operator commands for visitors, and a Vietnamese 404 page for browsers.
 * Demo agency: September 2024 (written here), August 2024 (conflict, written here), June 2024 of
 * CCTCDLCL (read only); no other browser test writes those.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowsers, openPage, pageErrors, signIn } from '../support/browser.ts';
import { call } from '../support/http.ts';
import { localEnv, tokenFor } from '../support/local.ts';

const PHONE = { width: 360, height: 780 };
const UNITS = ['TTR', 'CCTCDLCL', 'QLKHCNCS', 'QLCN', 'TTUD', 'QLKH', 'VP'];

interface Task {
  task: { id: string; number: string };
  previous?: { progress: number; difficulties: string; proposals: string; needsDecision: boolean };
}

afterAll(closeBrowsers);

/** A demo unit with at least `min` tasks due in the period, its token and tasks. */
async function unitWithTasks(period: string, min: number, skip: string[] = []): Promise<{ unit: string; token: string; tasks: Task[] }> {
  for (const unit of UNITS.filter((u) => !skip.includes(u))) {
    const token = await tokenFor('unit', unit);
    const form = (await call('GET', `/api/form?period=${period}`, { token })).body as { tasks: Task[] };
    if (form.tasks.length >= min) return { unit, token, tasks: form.tasks };
  }
  throw new Error(`no demo unit has ${min} tasks in ${period}`);
}

const f = (t: Task, field: string) => `#t-${t.task.id}-${field}`;

async function openForm(token: string, period: string): Promise<Page> {
  const base = localEnv().PUBLIC_URL!;
  const page = await openPage(PHONE);
  await signIn(page, base, token, /\/(\?.*)?$/);
  await page.goto(`${base}/?period=${period}`);
  await page.locator('#report-form').waitFor();
  return page;
}

/** Everything a final report needs, with `words` in each result. */
async function fillValid(page: Page, tasks: Task[], words: string): Promise<void> {
  for (const t of tasks) {
    await page.selectOption(f(t, 'status'), 'dang-thuc-hien');
    await page.fill(f(t, 'progress'), String(Math.max(t.previous?.progress ?? 0, 50)));
    await page.fill(f(t, 'result'), `${words} (nhiệm vụ ${t.task.number}).`);
  }
  await page.fill('#reporterName', 'Lê Văn Kiểm');
}

/** The element's box against the viewport and the sticky action bar's top. */
function placement(page: Page, selector: string): Promise<{ top: number; bottom: number; barTop: number; height: number }> {
  return page.evaluate(`(() => {
    const r = document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, barTop: document.getElementById('actions').getBoundingClientRect().top, height: innerHeight };
  })()`);
}

const storedKeys = (page: Page) => page.evaluate("Object.keys(localStorage).filter((k) => k.startsWith('baocao:form'))") as Promise<string[]>;

describe('the monthly form on a phone (issue 14)', () => {
  it('marks required fields, judges a field only once left, keeps the summary and both status lines true, and fields clear of the action bar', async () => {
    const { token, tasks, unit } = await unitWithTasks('2024-09', 2);
    const [first, second] = tasks as [Task, Task];
    const page = await openForm(token, '2024-09');

    // 7. Required fields are marked, for the eye and for assistive technology, with a legend.
    expect(await page.locator('#required-legend').innerText()).toMatch(/^\* bắt buộc/);
    for (const sel of [f(first, 'progress'), f(first, 'status'), f(first, 'result'), '#reporterName']) {
      expect(await page.locator(sel).evaluate((el) => (el as unknown as { required: boolean }).required), sel).toBe(true);
      expect(await page.locator(`label[for="${sel.slice(1)}"] .req`).innerText(), sel).toContain('*');
    }
    expect(await page.locator(`label[for="t-${first.task.id}-difficulties"] .req`).count()).toBe(0);
    // A task not started needs no result.
    await page.selectOption(f(first, 'status'), 'chua-trien-khai');
    expect(await page.locator(f(first, 'result')).evaluate((el) => (el as unknown as { required: boolean }).required)).toBe(false);

    // 6. Choosing "Hoàn thành" shows the date, not yet in error; leaving it empty makes it so.
    await page.selectOption(f(first, 'status'), 'hoan-thanh');
    const date = page.locator(f(first, 'completedOn'));
    await date.waitFor({ state: 'visible' });
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    expect(await date.getAttribute('aria-invalid')).toBeNull();
    expect(await page.locator(`${f(first, 'completedOn')}-error`).count()).toBe(0);
    expect(await date.getAttribute('required')).not.toBeNull();
    await date.focus();
    // (Tab inside a date box moves between day, month and year: leave it for the next field.)
    await page.locator(f(first, 'progress')).focus();
    await expect.poll(() => date.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`${f(first, 'completedOn')}-error`).innerText()).toContain('Hãy ghi ngày hoàn thành.');
    await date.fill('2024-09-20');
    await date.blur();
    await expect.poll(() => date.getAttribute('aria-invalid')).toBeNull();

    // 4. The summary counts what is left to fix, and goes when nothing is.
    await page.selectOption(f(first, 'status'), 'dang-thuc-hien');
    await page.fill(f(first, 'progress'), String(Math.max(first.previous?.progress ?? 0, 50)));
    await page.selectOption(f(second, 'status'), 'dang-thuc-hien');
    await page.fill(f(second, 'progress'), String(Math.max(second.previous?.progress ?? 0, 50)));
    for (const t of tasks.slice(2)) await page.fill(f(t, 'result'), 'Tiếp tục thực hiện theo kế hoạch.');
    await page.click('#submit-report');
    const summary = page.locator('#error-summary');
    await summary.waitFor({ state: 'visible' });
    const title = summary.locator('h2');
    // The first task's date, typed under "Hoàn thành" and left, is not one of them.
    expect(await title.innerText(), await summary.innerText()).toBe('Có 3 lỗi cần sửa trước khi gửi');
    await page.fill(f(first, 'result'), 'Đã ban hành kế hoạch kiểm tra.');
    await expect.poll(() => title.innerText()).toBe('Có 2 lỗi cần sửa trước khi gửi');
    expect(await page.getAttribute(f(first, 'result'), 'aria-invalid')).toBeNull();
    // 8. A field reached from the summary, and a field reached with Tab, are fully above the action bar.
    await summary.locator('a', { hasText: 'Người báo cáo' }).click();
    let at = await placement(page, '#reporterName');
    expect(at.top).toBeGreaterThanOrEqual(0);
    expect(at.bottom).toBeLessThanOrEqual(at.barTop);
    await page.fill('#reporterName', 'Lê Văn Kiểm');
    await expect.poll(() => title.innerText()).toBe('Có 1 lỗi cần sửa trước khi gửi');
    await page.fill(f(second, 'result'), 'Đã thanh tra 02 tổ chức.');
    await expect.poll(() => summary.isVisible()).toBe(false);
    expect(await page.locator('.field-error').count()).toBe(0);
    // Focus each of the first task's fields from the top of the page (as Tab does): none ends under the bar.
    let scrolled = 0;
    for (const field of ['progress', 'result', 'difficulties', 'proposals', 'nextPlan']) {
      await page.evaluate('window.scrollTo(0, 0)');
      await page.locator(f(first, field)).focus();
      at = await placement(page, f(first, field));
      if (((await page.evaluate('window.scrollY')) as number) > 0) {
        scrolled++;
        // The bar is stuck to the bottom of the screen, over the form.
        expect(at.barTop, field).toBeLessThan(at.height - 60);
      }
      expect(at.bottom, field).toBeLessThanOrEqual(at.barTop);
      expect(at.top, field).toBeGreaterThanOrEqual(0);
    }
    expect(scrolled, 'some of the fields start below the fold').toBeGreaterThan(0);
    await page.evaluate('window.scrollTo(0, 0)');
    await page.focus(f(second, 'status'));
    await page.keyboard.press('Tab');
    at = await placement(page, f(second, 'progress'));
    expect(at.bottom).toBeLessThanOrEqual(at.barTop);

    // 5. The server's status and the local copy's note are two regions: neither hides the other.
    await page.click('#save-draft');
    const saved = page.locator('#save-status');
    const local = page.locator('#local-status');
    await expect.poll(() => saved.innerText()).toMatch(/^Đã lưu nháp lúc \d{2}:\d{2}\.$/);
    await page.fill(f(second, 'nextPlan'), 'Tiếp tục thanh tra theo kế hoạch.');
    await expect.poll(() => local.innerText()).toMatch(/^Có thay đổi chưa lưu lên máy chủ; đã giữ tạm trên máy này lúc \d{2}:\d{2}\.$/);
    expect(await saved.innerText()).toMatch(/^Đã lưu nháp lúc \d{2}:\d{2}\.$/);

    // 10. Sending, then sending the same again, makes one revision.
    await page.click('#submit-report');
    await expect.poll(() => page.locator('#banner').innerText()).toContain('Đã gửi báo cáo (phiên bản 1)');
    expect(await local.innerText()).toBe('');
    const isSubmit = (r: { url(): string; request(): { method(): string } }) => r.url().endsWith('/api/submissions') && r.request().method() === 'POST';
    const [again] = await Promise.all([page.waitForResponse(isSubmit), page.click('#submit-report')]);
    expect(again.status()).toBeLessThan(300);
    expect(((await again.json()) as { revision: { revision: number } }).revision.revision).toBe(1);
    await expect.poll(() => page.locator('#banner').innerText()).toContain('Đã gửi báo cáo (phiên bản 1)');
    const revisions = await call('GET', `/api/submissions/2024-09/${unit}/revisions`, { token });
    expect(revisions.body.revisions.map((r: { revision: number }) => r.revision)).toEqual([1]);

    // 14. Signing out on a shared computer: an unsent submit is not dropped silently…
    await page.fill(f(second, 'nextPlan'), 'Tổng kết công tác thanh tra quý III.');
    await page.route('**/api/submissions', (route) => route.abort('connectionrefused'));
    await page.click('#submit-report');
    await expect.poll(() => page.locator('#banner').innerText(), { timeout: 60_000 }).toContain('Mất kết nối đến máy chủ');
    await page.unroute('**/api/submissions');
    expect((await storedKeys(page)).length).toBe(1);
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await page.click('[data-signout]');
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toMatch(/^Còn báo cáo chưa gửi được \(.+ tháng 09\/2024\)\. Đăng xuất sẽ xóa nội dung này khỏi máy\. Vẫn đăng xuất\?$/);
    expect(page.url()).toContain('/?period=2024-09');
    expect((await storedKeys(page)).length).toBe(1);
    // …and once the person agrees, nothing of the report stays in this browser.
    page.once('dialog', (d) => void d.accept());
    await page.click('[data-signout]');
    await page.waitForURL(/\/signin$/);
    expect(await storedKeys(page)).toEqual([]);
    expect(await page.evaluate('JSON.stringify(localStorage)')).not.toContain('Tổng kết công tác thanh tra');
    expect(pageErrors).toEqual([]);
  });

  it('signs out without asking when nothing is unsaved, and clears what is kept', async () => {
    const { token } = await unitWithTasks('2024-09', 1);
    const page = await openForm(token, '2024-09');
    // A stray record of an answered submit (no text, no attempt) needs no question.
    await page.evaluate("localStorage.setItem('baocao:form:v1:X:2024-01', JSON.stringify({ savedAt: '2024-01-01T00:00:00Z', data: null }))");
    let asked = 0;
    page.on('dialog', (d) => {
      asked++;
      void d.dismiss();
    });
    await page.click('[data-signout]');
    await page.waitForURL(/\/signin$/);
    expect(asked).toBe(0);
    expect(await storedKeys(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('shows a conflict between two tabs as cards a phone can read', async () => {
    const { token, tasks } = await unitWithTasks('2024-08', 1);
    const mine = await openForm(token, '2024-08');
    const theirs = await openForm(token, '2024-08');
    await fillValid(theirs, tasks, 'Bản gửi từ máy khác');
    await theirs.click('#submit-report');
    await expect.poll(() => theirs.locator('#banner').innerText()).toContain('Đã gửi báo cáo (phiên bản 1)');
    await fillValid(mine, tasks, 'Bản của tôi, khác bản kia');
    await mine.click('#submit-report');
    const conflict = mine.locator('#conflict');
    await conflict.waitFor({ state: 'visible' });
    expect(await conflict.locator('h2').innerText()).toContain('phiên bản 1');
    const layout = (await mine.evaluate(`(() => {
      const cells = [...document.querySelectorAll('#conflict td')];
      return {
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        wrapOverflow: (() => { const w = document.querySelector('#conflict .table-wrap'); return w.scrollWidth - w.clientWidth; })(),
        narrowest: Math.min(...cells.map((c) => c.getBoundingClientRect().width)),
        labels: cells.slice(0, 2).map((c) => getComputedStyle(c, '::before').content),
      };
    })()`)) as { overflow: number; wrapOverflow: number; narrowest: number; labels: string[] };
    expect(layout.overflow).toBe(0);
    expect(layout.wrapOverflow).toBe(0);
    // Each value has (nearly) the screen's width, under its own label.
    expect(layout.narrowest).toBeGreaterThan(280);
    expect(layout.labels).toEqual(['"Trên máy chủ (phiên bản 1)"', '"Bản của bạn"']);
    expect(await conflict.innerText()).toContain('Bản của tôi, khác bản kia');
    expect(pageErrors).toEqual([]);
  });

  it('starts a month with last month’s status and progress, not its difficulties, proposals or request for a decision', async () => {
    const token = await tokenFor('unit', 'CCTCDLCL');
    const form = (await call('GET', '/api/form?period=2024-06', { token })).body as { tasks: Task[]; head?: unknown };
    expect(form.head, 'nobody writes CCTCDLCL’s June').toBeUndefined();
    const raised = form.tasks.filter((t) => t.previous?.difficulties && t.previous.proposals && t.previous.needsDecision);
    expect(raised.length, 'the demo’s May has a difficulty, a proposal and a request for a decision').toBeGreaterThan(0);
    const page = await openForm(token, '2024-06');
    for (const t of raised) {
      expect(await page.inputValue(f(t, 'progress'))).toBe(String(t.previous!.progress));
      expect(await page.inputValue(f(t, 'difficulties'))).toBe('');
      expect(await page.inputValue(f(t, 'proposals'))).toBe('');
      expect(await page.isChecked(f(t, 'needsDecision'))).toBe(false);
    }
    expect(pageErrors).toEqual([]);
  });

  it('reads a sign-in link opened in a tab already on /signin, and drops the token from the address bar', async () => {
    const base = localEnv().PUBLIC_URL!;
    const page = await openPage(PHONE);
    await page.goto(`${base}/signin`);
    await page.locator('h1').waitFor();
    // Same document: only the fragment changes, no new page load.
    await page.goto(`${base}/signin#token=${await tokenFor('unit', 'TTR')}`);
    await page.waitForURL(`${base}/`);
    expect(page.url()).not.toContain('token');
    expect(pageErrors).toEqual([]);
  });

  it('shows a visitor how to sign in, without operator commands', async () => {
    const base = localEnv().PUBLIC_URL!;
    const page = await openPage(PHONE);
    await page.goto(`${base}/`);
    const text = await page.locator('main').innerText();
    expect(text).toContain('Đăng nhập');
    expect(text).not.toMatch(/npm|cli|--/);
    expect(pageErrors).toEqual([]);
  });
});
