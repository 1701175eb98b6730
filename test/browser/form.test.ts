/**
 * The monthly form in a real browser (Debian's Chromium driven by playwright-core) against the
 * local stack: a unit signs in with a link, fills June 2024, sees validation errors next to the
 * fields and in the summary, reloads without losing anything, saves a draft, submits through a
 * dropped connection (the retry must not make a second revision), and Văn phòng's status board
 * follows along. Screenshots for a phone and a desktop go to /tmp/screens/.
 * Period used here: 2024-06, unit QLKH only (other files use other periods).
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/http.ts';
import { closeBrowsers, openPage, pageErrors } from '../support/browser.ts';
import { localEnv, tokenFor } from '../support/local.ts';

const PERIOD = '2024-06';
const UNIT = 'QLKH';
const SCREENS = '/tmp/screens';

let base: string;
let unitToken: string;
let vpToken: string;

const browser = (viewport = { width: 1280, height: 900 }) => openPage(viewport);

/** Id of the focused element (a string expression: the test project has no DOM typings). */
function activeId(page: Page): Promise<unknown> {
  return page.evaluate('document.activeElement && document.activeElement.id');
}

async function signIn(page: Page, token: string, landing: string): Promise<void> {
  await page.goto(`${base}/signin#token=${token}`);
  await page.waitForURL(`${base}${landing}`);
  // The token left the address bar (and the history entry) at once.
  expect(page.url()).not.toContain('token=');
}

async function boardRow(page: Page): Promise<string> {
  await page.goto(`${base}/status?period=${PERIOD}`);
  return page.locator('tr', { has: page.locator(`a[href="/report?period=${PERIOD}&unit=${UNIT}"]`) }).innerText();
}

beforeAll(async () => {
  base = localEnv().PUBLIC_URL!;
  [unitToken, vpToken] = await Promise.all([tokenFor('unit', UNIT), tokenFor('van-phong')]);
  mkdirSync(SCREENS, { recursive: true });
  // The global setup loads the demo plan; the form needs its June tasks.
  const form = await call('GET', `/api/form?period=${PERIOD}`, { token: unitToken });
  expect(form.status).toBe(200);
  expect(form.body.tasks.length).toBeGreaterThanOrEqual(2);
});

afterAll(async () => {
  await closeBrowsers();
});

describe('the monthly form in a browser', () => {
  it('takes a unit from sign-in to a submitted report, and the status board follows', async () => {
    const form = (await call('GET', `/api/form?period=${PERIOD}`, { token: unitToken })).body;
    const [first, second] = form.tasks as { task: { id: string; number: string }; previous?: { progress: number } }[];
    const f = (task: { task: { id: string } }, field: string) => `#t-${task.task.id}-${field}`;
    expect(first!.previous?.progress, 'the demo data has a May figure to fall from').toBeGreaterThan(5);

    // Văn phòng sees the unit owing its June report.
    const office = await browser();
    await signIn(office, vpToken, '/status');
    expect(await boardRow(office)).toContain('Chưa nộp');

    const page = await browser();
    await signIn(page, unitToken, '/');
    await page.goto(`${base}/?period=${PERIOD}`);
    await page.locator('#report-form').waitFor();
    await expect.poll(() => page.locator('#page-title').innerText()).toBe('Báo cáo tháng 6 năm 2024');
    // Pre-filled from May: only changes need typing.
    expect(await page.inputValue(f(first!, 'progress'))).toBe(String(first!.previous!.progress));
    expect(await page.locator(`#task-${first!.task.id} .previous`).innerText()).toContain(`Kỳ trước (tháng 5/2024): ${first!.previous!.progress}%`);
    expect(await page.locator('h2.group-title').first().innerText()).toMatch(/^I\. /);

    // A fall in % makes the reason field appear; 150% is refused on the spot.
    const fallen = first!.previous!.progress - 5;
    await page.fill(f(first!, 'progress'), String(fallen));
    await expect.poll(() => page.locator(f(first!, 'reason')).isVisible()).toBe(true);
    await page.fill(f(first!, 'result'), 'Đã tổ chức 02 hội đồng tư vấn xác định nhiệm vụ năm 2025.');
    await page.fill(f(second!, 'progress'), '150');
    await page.locator(f(second!, 'progress')).blur();
    await expect.poll(() => page.locator(`${f(second!, 'progress')}-error`).innerText()).toContain('Tiến độ từ 0 đến 100.');
    await page.fill(f(second!, 'result'), 'Tổng hợp 12 đề xuất đặt hàng của các tổ chức, cá nhân.');
    await page.click('#ow-add');
    await page.locator('#ow-list textarea').first().fill('Thẩm định nội dung 04 thuyết minh nhiệm vụ KH&CN cấp tỉnh.');
    await page.fill('#reporterName', 'Nguyễn Thị Nga');
    // Enter in a one-line field does not send the report by accident.
    await page.press('#reporterName', 'Enter');
    // Whatever the key set off has run and been painted by the second frame.
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    expect(await page.locator('#error-summary').isVisible()).toBe(false);

    // Submitting shows every problem next to its field and in a summary that takes the focus.
    await page.click('#submit-report');
    const summary = page.locator('#error-summary');
    await summary.waitFor({ state: 'visible' });
    expect(await summary.getAttribute('role')).toBe('alert');
    expect(await activeId(page)).toBe('error-summary');
    const summaryText = await summary.innerText();
    expect(summaryText).toContain(`Tiến độ giảm từ ${first!.previous!.progress}% xuống ${fallen}%: hãy ghi ngắn gọn lý do.`);
    expect(summaryText).toContain(`Nhiệm vụ ${second!.task.number} — Tiến độ (%): Tiến độ từ 0 đến 100.`);
    const reasonError = page.locator(`${f(first!, 'reason')}-error`);
    expect(await reasonError.innerText()).toContain('hãy ghi ngắn gọn lý do');
    expect(await page.getAttribute(f(first!, 'reason'), 'aria-invalid')).toBe('true');
    expect(await page.getAttribute(f(first!, 'reason'), 'aria-describedby')).toContain(`t-${first!.task.id}-reason-error`);
    // The summary's link takes the keyboard to the field.
    await summary.locator('a', { hasText: 'Lý do' }).click();
    expect(await activeId(page)).toBe(`t-${first!.task.id}-reason`);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `${SCREENS}/form-errors-desktop.png` });

    // Nothing typed is lost on a reload: the local copy is newer than the server's (once it is written).
    await expect.poll(() => page.evaluate('Object.values(localStorage).join(" ")')).toContain('Nguyễn Thị Nga');
    await page.reload();
    await page.locator('#report-form').waitFor();
    await expect.poll(() => page.locator('#banner').innerText()).toContain('Đã khôi phục nội dung bạn nhập trên máy này');
    expect(await page.inputValue(f(first!, 'result'))).toBe('Đã tổ chức 02 hội đồng tư vấn xác định nhiệm vụ năm 2025.');
    expect(await page.inputValue(f(second!, 'progress'))).toBe('150');
    expect(await page.inputValue('#ow-list textarea')).toBe('Thẩm định nội dung 04 thuyết minh nhiệm vụ KH&CN cấp tỉnh.');

    // Fix both, save a draft: the office sees "Mới lưu nháp".
    await page.fill(f(first!, 'reason'), 'Rà soát lại, 01 nhiệm vụ chuyển sang năm 2025 theo ý kiến Hội đồng.');
    await page.fill(f(second!, 'progress'), '45');
    await page.click('#save-draft');
    await expect.poll(() => page.locator('#save-status').innerText()).toMatch(/^Đã lưu nháp lúc \d{2}:\d{2}\.$/);
    expect(await page.locator('#error-summary').isVisible()).toBe(false);
    expect(await boardRow(office)).toContain('Mới lưu nháp');

    // Submit while the connection drops after the request reached the server: the form retries
    // with the same Idempotency-Key and the server answers with the revision it stored.
    const keys: string[] = [];
    let dropped = false;
    await page.route('**/api/submissions', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (!dropped) {
        dropped = true;
        await route.fetch();
        await route.abort('connectionreset');
        return;
      }
      await route.continue();
    });
    await page.click('#submit-report');
    await expect.poll(() => page.locator('#banner').innerText()).toContain('Đã gửi báo cáo (phiên bản 1)');
    expect(keys.length).toBe(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    await page.unroute('**/api/submissions');
    const revisions = await call('GET', `/api/submissions/${PERIOD}/${UNIT}/revisions`, { token: unitToken });
    expect(revisions.body.revisions.map((r: { revision: number }) => r.revision)).toEqual([1]);
    const stored = revisions.body.revisions[0].data;
    expect(stored.reporterName).toBe('Nguyễn Thị Nga');
    expect(stored.tasks.find((t: { taskId: string }) => t.taskId === first!.task.id)).toMatchObject({
      progress: fallen,
      reason: 'Rà soát lại, 01 nhiệm vụ chuyển sang năm 2025 theo ý kiến Hội đồng.',
    });
    expect(stored.otherWork).toEqual([{ kind: 'thuong-xuyen', text: 'Thẩm định nội dung 04 thuyết minh nhiệm vụ KH&CN cấp tỉnh.' }]);
    // The local copy is gone after a successful submit.
    expect(await page.evaluate("Object.keys(localStorage).filter((k) => k.startsWith('baocao:form'))")).toEqual([]);

    // The office's board now shows the report, late (June 2024's deadline is long past).
    const row = await boardRow(office);
    expect(row).toContain('Nộp muộn');
    expect(row).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(row).toContain(`${form.tasks.length}/${form.tasks.length} nhiệm vụ`);

    // Screenshots to look at: the form and the board on a phone and a desktop.
    await page.reload();
    await page.locator('#report-form').waitFor();
    for (const [name, size] of [
      ['desktop', { width: 1280, height: 900 }],
      ['phone', { width: 390, height: 844 }],
    ] as const) {
      await page.setViewportSize(size);
      await page.screenshot({ path: `${SCREENS}/form-${name}.png`, fullPage: true });
      await office.setViewportSize(size);
      await office.goto(`${base}/status?period=${PERIOD}`);
      await office.screenshot({ path: `${SCREENS}/status-${name}.png`, fullPage: true });
    }
    expect(pageErrors).toEqual([]);
  });

  it('shows a unit a page of its own instead of the status board', async () => {
    const page = await browser({ width: 390, height: 844 });
    await signIn(page, unitToken, '/');
    const res = await page.goto(`${base}/status?period=${PERIOD}`);
    expect(res?.status()).toBe(403);
    expect(await page.locator('h1').innerText()).toBe('Không có quyền truy cập');
    expect(await page.locator('main').innerText()).toContain('Bảng theo dõi nộp báo cáo dành cho Văn phòng và Lãnh đạo Sở.');
    expect(pageErrors).toEqual([]);
  });

  it('takes the access token from Cognito’s hosted sign-in redirect and drops both tokens from the address bar', async () => {
    const page = await browser({ width: 390, height: 844 });
    // The implicit grant's redirect: an ID token (not accepted by the API), the access token, and their lifetime.
    await page.goto(`${base}/signin#id_token=${'i'.repeat(40)}&access_token=${vpToken}&expires_in=28800&token_type=Bearer`);
    await page.waitForURL(`${base}/status`);
    expect(page.url()).not.toContain('token');
    expect(await page.locator('h1').innerText()).toContain('Theo dõi nộp báo cáo');
    expect(pageErrors).toEqual([]);
  });

  it('shows the error Cognito’s sign-in page returns in the fragment', async () => {
    const page = await browser({ width: 390, height: 844 });
    await page.goto(`${base}/signin#error_description=User+is+disabled.&error=access_denied`);
    const error = page.locator('#signin-error');
    await expect.poll(() => error.innerText()).toContain('Trang đăng nhập báo lỗi: access_denied (User is disabled.)');
    expect(page.url()).toBe(`${base}/signin`);
    expect(await activeId(page)).toBe('signin-error');
    expect(pageErrors).toEqual([]);
  });

  it('tells a visitor with a broken sign-in link what to do', async () => {
    const page = await browser({ width: 390, height: 844 });
    await page.goto(`${base}/signin#token=${'x'.repeat(40)}`);
    const error = page.locator('#signin-error');
    await expect.poll(() => error.innerText()).toContain('Đường dẫn đăng nhập không hợp lệ hoặc đã hết hạn');
    expect(page.url()).toBe(`${base}/signin`);
    expect(await activeId(page)).toBe('signin-error');
    // A link cut short when copied: said as such, not as a form's "marked fields" (there are none here).
    await page.goto(`${base}/signin#token=abc`);
    await expect.poll(() => error.innerText()).toContain('Đường dẫn đăng nhập không đầy đủ');
    expect(await error.innerText()).not.toContain('được đánh dấu');
    // Opened in a tab already on /signin (only the #fragment changed): read all the same, and the token leaves the address bar.
    expect(page.url()).toBe(`${base}/signin`);
    expect(pageErrors).toEqual([]);
  });
});
