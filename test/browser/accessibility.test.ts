/**
 * Every page the route table serves as HTML (functions/api/routes.ts: GET routes of api/pages/,
 * without path parameters, so a new page is covered as soon as it has a route), plus the page for a
 * mistyped address, opened as the role it is for, on a phone (360×780) and a desktop (1366×768):
 * no axe-core violation (WCAG 2.1 A/AA), no sideways scrolling on the phone, Vietnamese. And the
 * monthly form done with the keyboard only: Tab through, type, save with Space, send with Enter.
 * Demo agency (read only, except July 2024 for the keyboard path, which no other test writes), and a
 * province office of its own for /province.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../functions/core/auth.ts';
import { ROUTES } from '../../functions/api/routes.ts';
import { setAgency } from '../../functions/usecases/agency-service.ts';
import { axeViolations, closeBrowsers, openPage, pageErrors } from '../support/browser.ts';
import { demoProfile } from '../support/demo-profile.ts';
import { call } from '../support/http.ts';
import { localEnv, testContainer, tokenFor } from '../support/local.ts';

const VIEWPORTS = { phone: { width: 360, height: 780 }, desktop: { width: 1366, height: 768 } } as const;
const office = `vpubnd-a11y-${randomUUID().slice(0, 6)}`;

interface Visit {
  /** Signed in as; none: an anonymous visitor. */
  role?: Role;
  unit?: string;
  agencyId?: string;
  query?: string;
  /** What shows the page's script has done its work. */
  ready?: string;
  status?: number;
}

/** How each page is visited; a page not named here is opened by Văn phòng Sở, whose pages most are. */
const VISITS: Record<string, Visit> = {
  '/': { role: 'unit', unit: 'QLKH', query: '?period=2024-06', ready: '#report-form' },
  '/status': { role: 'van-phong', query: '?period=2024-05' },
  '/reports': { role: 'van-phong', query: '?period=2024-05' },
  '/province': { role: 'ubnd-tinh', agencyId: office, query: '?period=2024-05' },
  '/people': { role: 'van-phong' },
  '/reminders': { role: 'van-phong' },
  '/plan': { role: 'van-phong', query: '?year=2024' },
  '/my-reports': { role: 'unit', unit: 'QLKH', query: '?year=2024' },
  '/history': { role: 'van-phong', query: '?period=2024-05' },
  '/report': { role: 'lanh-dao', query: '?period=2024-05&unit=QLKH' },
  '/dashboard': { role: 'lanh-dao', query: '?period=2024-05' },
  '/dashboard/task': { role: 'lanh-dao', query: '?period=2024-05&id=I-1' },
  '/signin': {},
};

/** Routes of the page handlers that answer with a file, not a page. */
const NOT_PAGES = new Set(['/dashboard/figure', '/report/attachment']);
const PAGES = ROUTES.filter((r) => r.method === 'GET' && r.module.startsWith('api/pages/') && !r.path.includes('{') && !NOT_PAGES.has(r.path)).map(
  (r) => r.path,
);
/** A mistyped address: the not-found page, to a visitor and to a signed-in person. */
const MISTYPED = ['/statsu', '/api/nothing'];

/** Bytes of each page's HTML, CSS and JS as served (raw) and gzip-compressed (what CloudFront sends), from the desktop visits. */
const weights: Record<string, { html: number; css: number; js: number; total: number; gzip: number }> = {};

/** Counts what the page loads while `load` runs, with the browser's cache off. */
async function weigh(page: Page, name: string, load: () => Promise<void>): Promise<void> {
  const w = { html: 0, css: 0, js: 0, total: 0, gzip: 0 };
  const pending: Promise<void>[] = [];
  const onResponse = (res: import('playwright-core').Response) => {
    const type = res.request().resourceType();
    const kind = type === 'document' ? 'html' : type === 'stylesheet' ? 'css' : type === 'script' ? 'js' : undefined;
    if (!kind) return;
    pending.push(
      res.body().then(
        (b) => {
          w[kind] += b.length;
          w.total += b.length;
          w.gzip += gzipSync(b).length;
        },
        () => {},
      ),
    );
  };
  page.on('response', onResponse);
  // As a first visit: nothing from the browser's cache (the sign-in's landing page loaded the same files).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await load();
  await Promise.all(pending);
  page.off('response', onResponse);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  await cdp.detach();
  weights[name] = w;
}

const pages = new Map<string, Page>();
let base = '';

/** One browser per role and viewport, signed in once. */
async function browserFor(v: Visit, viewport: keyof typeof VIEWPORTS): Promise<Page> {
  const key = `${v.role ?? 'anonymous'}:${v.unit ?? ''}:${v.agencyId ?? ''}:${viewport}`;
  let page = pages.get(key);
  if (!page) {
    page = await openPage(VIEWPORTS[viewport]);
    if (v.role) {
      const token = await tokenFor(v.role, v.unit, v.agencyId ? { agencyId: v.agencyId } : {});
      await page.goto(`${base}/signin#token=${token}`);
      await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
    }
    pages.set(key, page);
  }
  return page;
}

async function check(page: Page, viewport: keyof typeof VIEWPORTS): Promise<void> {
  expect(await page.getAttribute('html', 'lang')).toBe('vi');
  expect((await page.locator('h1').first().innerText()).trim().length).toBeGreaterThan(0);
  expect(await axeViolations(page)).toEqual([]);
  if (viewport === 'phone') {
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow, 'no sideways scrolling on a phone').toBe(0);
  }
}

beforeAll(async () => {
  base = localEnv().PUBLIC_URL!;
  // Văn phòng UBND tỉnh of a province of its own, with one Sở (nothing delivered yet).
  const demo = demoProfile();
  const province = `tinh-a11y-${office}`;
  await setAgency(testContainer(office).agencies, {
    ...demo,
    agencyId: office,
    province,
    placeName: 'Tỉnh A',
    kind: 'province-office',
    name: 'Văn phòng UBND tỉnh',
    symbol: 'VPUBND',
    documents: { ubnd: { issuerName: 'VĂN PHÒNG', kinhGui: ['Chủ tịch UBND tỉnh'] } },
  });
  const so = `so-a11y-${office.slice(-6)}`;
  await setAgency(testContainer(so).agencies, { ...demo, agencyId: so, province, placeName: 'Tỉnh A' });
});

afterAll(async () => {
  await closeBrowsers();
  if (!Object.keys(weights).length) return;
  // The page weights, printed and kept for docs/performance.md.
  const rows = Object.entries(weights).map(([page, w]) => ({ page, ...w }));
  console.table(rows);
  mkdirSync('bench/out', { recursive: true });
  writeFileSync('bench/out/page-weight.json', `${JSON.stringify(rows, null, 2)}\n`);
});

describe('every page, on a phone and a desktop', () => {
  it('covers the pages of the route table', () => {
    expect(PAGES).toEqual(expect.arrayContaining(Object.keys(VISITS)));
    expect(PAGES.length).toBeGreaterThanOrEqual(8);
  });

  for (const viewport of Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[]) {
    for (const path of PAGES) {
      it(`${path} (${viewport}): no axe violation${viewport === 'phone' ? ', no sideways scrolling' : ''}`, async () => {
        const v = VISITS[path] ?? { role: 'van-phong' };
        const page = await browserFor(v, viewport);
        let status: number | undefined;
        const open = async () => {
          status = (await page.goto(`${base}${path}${v.query ?? ''}`))?.status();
          await page.waitForLoadState('networkidle');
          if (v.ready) await page.locator(v.ready).waitFor();
        };
        if (viewport === 'desktop') await weigh(page, path, open);
        else await open();
        expect(status).toBe(v.status ?? 200);
        await check(page, viewport);
        expect(pageErrors).toEqual([]);
      });
    }
    for (const path of MISTYPED) {
      it(`${path}, a mistyped address (${viewport}): a Vietnamese page with the ways back`, async () => {
        for (const v of [{}, { role: 'van-phong' as const }]) {
          const page = await browserFor(v, viewport);
          const got: { res: import('playwright-core').Response | null } = { res: null };
          const open = async () => {
            got.res = await page.goto(`${base}${path}`);
            await page.waitForLoadState('networkidle');
          };
          if (viewport === 'desktop' && !v.role && path === MISTYPED[0]) await weigh(page, '404', open);
          else await open();
          expect(got.res?.status()).toBe(404);
          expect(got.res?.headers()['content-type']).toContain('text/html');
          expect(await page.locator('h1').innerText()).toBe('Không tìm thấy trang');
          expect(await page.locator('main a[href="/"]').count()).toBe(1);
          expect(await page.locator('main a[href="/signin"]').count()).toBe(1);
          await check(page, viewport);
        }
        // An API client keeps its JSON.
        const api = await call('GET', path, { headers: { accept: 'application/json' } });
        expect(api.status).toBe(404);
        expect(api.body).toEqual({ error: { code: 'not_found', message: 'Không tìm thấy địa chỉ này.', fields: [] } });
        expect(pageErrors).toEqual([]);
      });
    }
  }
});

describe('the monthly form with the keyboard only', () => {
  it('is filled, saved and sent with Tab, typing, Space and Enter', async () => {
    const PERIOD = '2024-07';
    // An agency of its own with the demo's profile and 2024 plan: the demo's months belong to other tests
    // (api-submissions.test.ts submits July 2024 for Thanh tra).
    const kbd = `t-kbd-${randomUUID().slice(0, 8)}`;
    const demo = demoProfile();
    const c = testContainer(kbd);
    await setAgency(c.agencies, { ...demo, agencyId: kbd });
    const plan = await testContainer(demo.agencyId).plans.getPlan(demo.agencyId, 2024);
    expect(plan, "the demo's 2024 plan").toBeDefined();
    await c.plans.putPlan({ ...plan!, agencyId: kbd }, { hash: `p-${kbd}`, importedAt: '2024-01-05T00:00:00Z', importedBy: 'test', source: 'test' });
    let token = '';
    let unit = '';
    for (const u of ['TTR', 'CCTCDLCL', 'QLKHCNCS', 'QLCN', 'TTUD', 'VP']) {
      token = await tokenFor('unit', u, { agencyId: kbd });
      const form = (await call('GET', `/api/form?period=${PERIOD}`, { token })).body as { tasks: unknown[]; head?: unknown };
      if (form.tasks.length && !form.head) {
        unit = u;
        break;
      }
    }
    expect(unit, 'a demo unit with tasks and no report in July 2024').not.toBe('');
    const page = await openPage(VIEWPORTS.phone);
    await page.goto(`${base}/signin#token=${token}`);
    await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
    await page.goto(`${base}/?period=${PERIOD}`);
    await page.locator('#report-form').waitFor();
    // The form's script measures the action bar for the scroll padding; Tab only once it has.
    await expect.poll(() => page.evaluate("document.documentElement.style.getPropertyValue('--actions-height')")).toMatch(/^[1-9]\d*px$/);

    const focused = () =>
      page.evaluate(`(() => {
        const el = document.activeElement;
        const r = el.getBoundingClientRect();
        const bar = document.getElementById('actions').getBoundingClientRect();
        return { id: el.id, tag: el.tagName, required: el.required === true, empty: 'value' in el && el.value === '', field: el.dataset.field || '',
          visible: r.top >= 0 && (el.closest('#actions') ? true : r.bottom <= bar.top) };
      })()`) as Promise<{ id: string; tag: string; required: boolean; empty: boolean; field: string; visible: boolean }>;

    // From the top of the page, Tab through every control; type into what is required and empty.
    let typed = 0;
    let seen = 0;
    for (let i = 0; i < 400; i++) {
      await page.keyboard.press('Tab');
      const el = await focused();
      if (!el.id) continue;
      seen++;
      expect(el.visible, `${el.id} is in view, above the action bar, when Tab reaches it`).toBe(true);
      if (el.required && el.empty) {
        await page.keyboard.type(el.field === 'progress' ? '50' : 'Đã thực hiện theo kế hoạch trong tháng.');
        typed++;
      }
      if (el.id === 'reporterName') {
        await page.keyboard.type('Bùi Thị Phím');
        break;
      }
    }
    expect(typed, 'the results of the tasks under way').toBeGreaterThan(0);
    expect(seen).toBeGreaterThan(5);
    // On to the buttons: Space saves a draft, Enter sends.
    await page.keyboard.press('Tab');
    expect((await focused()).id).toBe('save-draft');
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('#save-status').innerText()).toMatch(/^Đã lưu nháp lúc/);
    await page.keyboard.press('Tab');
    expect((await focused()).id).toBe('submit-report');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#banner').innerText()).toContain('Đã gửi báo cáo (phiên bản 1)');
    // The receipt of the send takes the focus, for a screen reader to read (the banner says it too).
    expect((await focused()).id).toBe('receipt');
    expect(pageErrors).toEqual([]);
  });
});
