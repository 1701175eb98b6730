/**
 * A leader on a phone (360×780) reads a unit's report (issue 15, item 3): from the status board's
 * unit name to GET /report, the whole long result wrapped (no sideways scrolling), last month's
 * change, the attachment downloaded (its bytes), the history; the old form address lands on the
 * same page; a unit that has not reported says so. axe-core finds no violation. Own agency, April
 * and May 2024 submitted by QLKH through the API (the attachment by the presigned POST to s3rver).
 * flow: Chromium --> status page --> report page --> report attachment redirect --> s3rver
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAgency } from '../../functions/usecases/agency-service.ts';
import { PDF } from '../support/attachment-files.ts';
import { axeViolations, closeBrowsers, openPage, pageErrors, signIn } from '../support/browser.ts';
import { demoProfile } from '../support/demo-profile.ts';
import { call } from '../support/http.ts';
import { localEnv, testContainer, tokenFor } from '../support/local.ts';
import { smallPlan, taskReport } from '../support/small-plan.ts';

const a = `t-brep-${randomUUID().slice(0, 8)}`;
const LONG = `${'Đã hoàn thành khảo sát thực địa tại 10 huyện, tổng hợp số liệu và dự thảo báo cáo chuyên đề; '.repeat(25)}Kết thúc.`;
const SCREENS = '/tmp/screens';
let unitToken = '';
let leaderToken = '';
const QLKH = demoProfile().units.find((u) => u.code === 'QLKH')!.name;
const TTUD = demoProfile().units.find((u) => u.code === 'TTUD')!.name;

async function submitMonth(period: string, task: ReturnType<typeof taskReport>) {
  const res = await call('POST', '/api/submissions', {
    token: unitToken,
    body: { period, unit: 'QLKH', baseRevision: 0, data: { reporterName: 'Trần Văn Nam', otherWork: [], tasks: [task] } },
    headers: { 'idempotency-key': `k-${randomUUID()}` },
  });
  expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(201);
}

afterAll(closeBrowsers);

beforeAll(async () => {
  const c = testContainer(a);
  await setAgency(c.agencies, { ...demoProfile(), agencyId: a });
  await c.plans.putPlan(smallPlan(a), { hash: `p-${a}`, importedAt: '2024-01-05T00:00:00Z', importedBy: 'test', source: 'test' });
  unitToken = await tokenFor('unit', 'QLKH', { agencyId: a });
  leaderToken = await tokenFor('lanh-dao', undefined, { agencyId: a });
  await submitMonth('2024-04', taskReport('I-2', 30));
  // May's file, as the form sends it: a ticket, the presigned POST, the confirm.
  const t = await call('POST', '/api/submissions/2024-05/QLKH/attachments', {
    token: unitToken,
    body: { taskId: 'I-2', fileName: 'Biên bản khảo sát.pdf', contentType: 'application/pdf', size: PDF.byteLength },
  });
  expect(t.status).toBe(201);
  const form = new FormData();
  for (const [k, v] of Object.entries(t.body.upload.fields as Record<string, string>)) form.append(k, v);
  form.append('file', new Blob([PDF]), 'Biên bản khảo sát.pdf');
  expect((await fetch(t.body.upload.url, { method: 'POST', body: form })).status).toBeLessThan(300);
  const kept = await call('POST', `/api/submissions/2024-05/QLKH/attachments/${t.body.id}/confirm`, { token: unitToken });
  expect(kept.status).toBe(200);
  await submitMonth('2024-05', {
    ...taskReport('I-2', 55),
    result: LONG,
    proposals: 'Đề nghị Lãnh đạo Sở cho ý kiến về kinh phí khảo sát bổ sung.',
    needsDecision: true,
    attachments: [kept.body.attachment],
  });
});

describe("a leader reads a unit's report on a phone", () => {
  it('from the status board: full text, last month’s change, the attachment, the history', async () => {
    mkdirSync(SCREENS, { recursive: true });
    const base = localEnv().PUBLIC_URL!;
    const page = await openPage({ width: 360, height: 780 });
    await signIn(page, base, leaderToken, /\/status/);
    await page.goto(`${base}/status?period=2024-05`);
    await page.locator('tbody').getByRole('link', { name: QLKH, exact: true }).click();
    await page.waitForURL(/\/report\?period=2024-05&unit=QLKH/);
    expect(await page.locator('h1').innerText()).toBe(`Báo cáo tháng 5/2024 — ${QLKH}`);

    // The whole result, wrapped inside the phone's width.
    const result = page.locator('#t-I-2 dd.report-text').first();
    expect(await result.innerText()).toBe(LONG);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    const dl = await page.locator('#t-I-2 dl').innerText();
    expect(dl).toContain('Cần Lãnh đạo Sở cho ý kiến');
    expect(dl).toContain('Đang thực hiện');

    // What changed since April.
    const change = await page.locator('#t-I-2-change').locator('..').innerText();
    expect(change).toContain('Thay đổi so với báo cáo tháng 4/2024');
    expect(change).toMatch(/Tiến độ \+25 điểm % \(30% → 55%\); tình trạng không đổi\./u);
    expect(await page.locator('#t-I-2 table.diff').innerText()).toContain('Kết quả thực hiện trong kỳ');

    // Who sent it, the history, the place for directions.
    expect(await page.locator('#submitted').innerText()).toContain('Người báo cáo: Trần Văn Nam');
    expect(await page.locator('section[aria-labelledby="history-title"] li').count()).toBe(1);
    expect(await page.locator('#y-kien-chi-dao h2').innerText()).toBe('Ý kiến chỉ đạo');
    expect(await page.locator('main').innerText()).not.toMatch(/nhập báo cáo thay|mở lại kỳ/u);
    await page.screenshot({ path: `${SCREENS}/unit-report-360.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    // The attachment, downloaded with the keyboard: its bytes are the unit's file.
    const link = page.getByRole('link', { name: 'Biên bản khảo sát.pdf' });
    await link.focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('Biên bản khảo sát.pdf');
    expect(new Uint8Array(readFileSync((await download.path())!))).toEqual(PDF);
    expect(pageErrors).toEqual([]);
  });

  it('the old form address lands on the readable report; a unit that has not reported says so', async () => {
    const base = localEnv().PUBLIC_URL!;
    const page = await openPage({ width: 360, height: 780 });
    await signIn(page, base, leaderToken, /\/status/);
    await page.goto(`${base}/?period=2024-05&unit=QLKH`);
    await page.waitForURL(/\/report\?period=2024-05&unit=QLKH$/);
    await page.goto(`${base}/report?period=2024-05&unit=TTUD`);
    expect(await page.locator('#not-reported').innerText()).toContain(`${TTUD} chưa gửi báo cáo tháng 5/2024.`);
    expect(await axeViolations(page)).toEqual([]);
    // An unknown file is a 404 page; another unit may not fetch QLKH's files (a 403 page), nor an anonymous visitor.
    const q = `/report/attachment?period=2024-05&unit=QLKH&id=${randomUUID()}`;
    expect((await call('GET', q, { token: leaderToken })).status).toBe(404);
    expect((await call('GET', q, { token: await tokenFor('unit', 'TTUD', { agencyId: a }) })).status).toBe(403);
    expect((await call('GET', q)).status).toBe(401);
  });
});
