/**
 * Two slips of the form's attachments on a phone (360×780, issue 14): a file attached to a task where
 * nothing else was filled is sent with the report (the task is reported as it stands, "Chưa triển
 * khai", 0%, as every task of the form is); and a file attached and nothing else changed counts as
 * an unsaved change — the copy on this machine keeps it, the status line says so, and a reload
 * brings the file back. Own agency (QLKH leads two tasks), May and June 2024.
 * flow: Chromium --> form page --> attachments API + s3rver + submissions API
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAgency } from '../../functions/usecases/agency-service.ts';
import { axeViolations, closeBrowsers, openPage, pageErrors, signIn } from '../support/browser.ts';
import { PDF } from '../support/attachment-files.ts';
import { demoProfile } from '../support/demo-profile.ts';
import { call } from '../support/http.ts';
import { localEnv, testContainer, tokenFor } from '../support/local.ts';
import { smallPlan } from '../support/small-plan.ts';

const a = `t-batts-${randomUUID().slice(0, 8)}`;
let token = '';

afterAll(closeBrowsers);

beforeAll(async () => {
  const c = testContainer(a);
  await setAgency(c.agencies, { ...demoProfile(), agencyId: a });
  const plan = smallPlan(a, 3);
  plan.tasks.find((t) => t.id === 'I-3')!.leadUnit = 'QLKH';
  await c.plans.putPlan(plan, { hash: `p-${a}`, importedAt: '2024-01-05T00:00:00Z', importedBy: 'test', source: 'test' });
  token = await tokenFor('unit', 'QLKH', { agencyId: a });
});

async function openForm(period: string): Promise<Page> {
  const base = localEnv().PUBLIC_URL!;
  const page = await openPage({ width: 360, height: 780 });
  await signIn(page, base, token, /\/(\?.*)?$/);
  await page.goto(`${base}/?period=${period}`);
  await page.locator('#report-form').waitFor();
  return page;
}

async function attach(page: Page, taskId: string, name: string): Promise<void> {
  await page.locator(`#t-${taskId}-files`).setInputFiles({ name, mimeType: 'application/pdf', buffer: Buffer.from(PDF) });
  await expect.poll(() => page.locator(`#t-${taskId}-attachments li`).count()).toBe(1);
}

describe('attachments in the form (issue 14)', () => {
  it('sends a file attached to a task where nothing else was filled', async () => {
    const page = await openForm('2024-05');
    await page.locator('#t-I-2-status').selectOption('dang-thuc-hien');
    await page.locator('#t-I-2-progress').fill('50');
    await page.locator('#t-I-2-result').fill('Đã tổ chức hội đồng nghiệm thu 02 nhiệm vụ.');
    // I-3: nothing typed, only the file.
    await attach(page, 'I-3', 'Kế hoạch khảo sát.pdf');
    await page.locator('#reporterName').fill('Trần Văn Nam');
    await page.locator('#submit-report').click();
    const receipt = page.locator('#receipt');
    await receipt.waitFor({ state: 'visible' });
    const lines = (await receipt.locator('li').allInnerTexts()).filter((t) => t.startsWith('Nhiệm vụ I.3'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('Tài liệu kèm theo: Kế hoạch khảo sát.pdf');
    const saved = await call('GET', '/api/submissions/2024-05/QLKH', { token });
    const i3 = saved.body.submission.data.tasks.find((t: { taskId: string }) => t.taskId === 'I-3');
    expect(i3).toMatchObject({ status: 'chua-trien-khai', progress: 0 });
    expect(i3.attachments.map((x: { name: string }) => x.name)).toEqual(['Kế hoạch khảo sát.pdf']);
    expect(pageErrors).toEqual([]);
  });

  it('counts a file attached, and nothing else changed, as unsaved: kept on this machine and back after a reload', async () => {
    const page = await openForm('2024-06');
    const local = page.locator('#local-status');
    expect(await local.innerText()).toBe('');
    await attach(page, 'I-2', 'Biên bản.pdf');
    await expect.poll(() => local.innerText()).toMatch(/^Có thay đổi chưa lưu lên máy chủ/u);
    const kept = (await page.evaluate("Object.entries(localStorage).filter(([k]) => k.startsWith('baocao:form')).map(([, v]) => v).join('\\n')")) as string;
    expect(kept).toContain('Biên bản.pdf');
    expect(await axeViolations(page)).toEqual([]);

    await page.reload();
    await page.locator('#report-form').waitFor();
    await expect.poll(() => page.locator('#t-I-2-attachments li').count()).toBe(1);
    expect(await page.locator('#t-I-2-attachments li').innerText()).toContain('Biên bản.pdf');
    expect(await page.locator('#banner').innerText()).toContain('Đã khôi phục nội dung bạn nhập trên máy này');
    expect(pageErrors).toEqual([]);
  });
});
