/**
 * "Gửi UBND tỉnh ngay" on the reports page, in Chromium on a phone (360×780) and a desktop: Văn
 * phòng sees the email first (to whom, subject, files), confirms, reads the message id; a second
 * try says it was already sent and sends nothing; the month's history shows the delivery log with
 * when, to whom, the message id and the outcome. An agency of its own, so its UBND inbox is its own.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAgency } from '../../functions/usecases/agency-service.ts';
import { axeViolations, closeBrowsers, openPage, pageErrors, signIn } from '../support/browser.ts';
import { demoProfile } from '../support/demo-profile.ts';
import { call } from '../support/http.ts';
import { emailsTo } from '../support/inbox.ts';
import { localEnv, testContainer, tokenFor } from '../support/local.ts';
import { smallPlan, taskReport } from '../support/small-plan.ts';

const a = `t-dlvb-${randomUUID().slice(0, 8)}`;
const ubnd = `vanthu.${a}@ubnd.example.test`;
let vp = '';
let number = '';

beforeAll(async () => {
  const c = testContainer(a);
  const demo = demoProfile();
  await setAgency(c.agencies, { ...demo, agencyId: a, emails: { ...demo.emails, ubnd: [ubnd] } });
  await c.plans.putPlan(smallPlan(a), { hash: `p-${a}`, importedAt: '2024-01-05T00:00:00Z', importedBy: 'test', source: 'test' });
  vp = await tokenFor('van-phong', undefined, { agencyId: a });
  const unit = await tokenFor('unit', 'QLKH', { agencyId: a });
  const sent = await call('POST', '/api/submissions', {
    token: unit,
    body: { period: '2024-05', unit: 'QLKH', baseRevision: 0, data: { reporterName: 'Nguyễn Thị Hoa', otherWork: [], tasks: [taskReport('I-2', 40)] } },
  });
  expect(sent.status).toBe(201);
  expect((await call('POST', '/api/reports', { token: vp, body: { period: '2024-05' } })).status).toBe(201);
  const issued = await call('POST', '/api/reports/2024-05/issue', { token: vp, body: { audience: 'ubnd' } });
  expect(issued.status).toBe(201);
  number = issued.body.number;
});

afterAll(closeBrowsers);

describe('sending the issued report to UBND tỉnh from the reports page', () => {
  it('shows the email first, sends once on confirmation with its message id, and the history shows the delivery log', async () => {
    const base = localEnv().PUBLIC_URL!;
    const phone = await openPage({ width: 360, height: 780 });
    await signIn(phone, base, vp, /\/status/);
    await phone.goto(`${base}/reports?period=2024-05`);
    await phone.getByRole('button', { name: 'Gửi UBND tỉnh ngay' }).click();
    const panel = phone.locator('[data-deliver-confirm]');
    await panel.waitFor();
    const preview = await panel.innerText();
    expect(preview).toContain(`Báo cáo số ${number}`);
    expect(preview).toContain(ubnd);
    expect(preview).toMatch(/\.pdf/);
    expect(await emailsTo(ubnd)).toEqual([]);
    expect(await axeViolations(phone)).toEqual([]);
    mkdirSync('/tmp/screens', { recursive: true });
    await phone.screenshot({ path: '/tmp/screens/deliver-preview-360.png', fullPage: true });
    // "Hủy" sends nothing.
    await phone.getByRole('button', { name: 'Hủy' }).click();
    await panel.waitFor({ state: 'hidden' });
    expect(await emailsTo(ubnd)).toEqual([]);

    await phone.getByRole('button', { name: 'Gửi UBND tỉnh ngay' }).click();
    await phone.getByRole('button', { name: 'Xác nhận gửi' }).click();
    const result = phone.locator('[data-deliver-result].notice-success');
    await result.waitFor();
    const inbox = await emailsTo(ubnd);
    expect(inbox).toHaveLength(1);
    expect(await result.innerText()).toContain(`Mã thư: ${inbox[0]!.messageId}`);

    // Again: the preview says it was sent, and confirming without "gửi lại" sends nothing.
    await phone.getByRole('button', { name: 'Gửi UBND tỉnh ngay' }).click();
    await expect.poll(() => panel.locator('[data-f="delivered"]').innerText()).toContain(inbox[0]!.messageId);
    await phone.getByRole('button', { name: 'Xác nhận gửi' }).click();
    await expect.poll(() => phone.locator('[data-deliver-result]').innerText()).toContain('Không gửi lại');
    expect(await emailsTo(ubnd)).toHaveLength(1);
    expect(await axeViolations(phone)).toEqual([]);

    // The delivery log, on a desktop: when, to whom, message id, outcome.
    const desk = await openPage();
    await signIn(desk, base, vp, /\/status/);
    await desk.goto(`${base}/reports?period=2024-05`);
    expect(await axeViolations(desk)).toEqual([]);
    await desk.getByRole('link', { name: /Nhật ký gửi thư của kỳ/ }).click();
    await desk.waitForURL(/\/history\?period=2024-05#delivery-log$/);
    const row = desk.locator('#delivery-log + .table-wrap tbody tr', { hasText: 'Báo cáo gửi UBND tỉnh' });
    const text = await row.innerText();
    expect(text).toContain(ubnd);
    expect(text).toContain(inbox[0]!.messageId);
    expect(text).toContain('Đã gửi');
    expect(text).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(await axeViolations(desk)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
