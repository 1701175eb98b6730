/**
 * Issue 15's "done when" for directions, on phones (360×780) in Debian's Chromium, in an agency of
 * its own and with no CLI: a Lãnh đạo Sở signs in by an emailed code, opens the dashboard, follows a
 * figure to a task and records a direction on the proposal awaiting a leader; the unit's head signs
 * in, finds the direction on next month's form next to the task, answers it and submits; Văn phòng
 * (through the API) compiles that month, and the Director's report — the PDF's text and the
 * workbook's sheet "Ý kiến chỉ đạo" — lists the proposal, the direction and the answer, while the
 * report to UBND tỉnh leaves it out (not marked for the province). axe finds no violation on the
 * dashboard, the task page and the form. Screenshots in /tmp/screens/.
 * The proposal's and the direction's words are seed 003's (a Director's meeting conclusions).
 */
import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDirectory } from '../../functions/adapters/auth/identity.ts';
import { setAgency } from '../../functions/usecases/agency-service.ts';
import { invitePerson } from '../../functions/usecases/people.ts';
import { submit } from '../../functions/usecases/submissions.ts';
import { axeViolations, closeBrowsers, openPage, pageErrors, signInByCode } from '../support/browser.ts';
import { demoProfile } from '../support/demo-profile.ts';
import { call } from '../support/http.ts';
import { localEnv, testContainer, tokenFor } from '../support/local.ts';
import { smallPlan, taskReport } from '../support/small-plan.ts';
import { readPdf } from '../unit/renderers/pdf-text.ts';

const agency = `t-dirw-${randomUUID().slice(0, 8)}`;
const leader = `giamdoc.${agency}@example.test`;
const head = `truongphong.qlkh.${agency}@example.test`;
const PROPOSAL =
  'Đề nghị Lãnh đạo Sở cho ý kiến về việc tổ chức các buổi làm việc với các cơ quan ban ngành để định hướng đề xuất đặt hàng nhiệm vụ KH&CN năm 2025.';
const DIRECTION =
  'Phòng Quản lý Khoa học tham mưu Giám đốc Sở tổ chức các buổi làm việc với các cơ quan ban ngành trong và ngoài tỉnh để định hướng đề xuất đặt hàng nhiệm vụ KH&CN năm 2025.';
const AMENDED = 'Báo cáo kết quả tại cuộc họp giao ban tháng 7.';
const ANSWER = 'Đã làm việc với 05 sở, ngành; tổng hợp 12 đề xuất đặt hàng, trình Giám đốc Sở ngày 25/6/2024.';

beforeAll(async () => {
  const c = testContainer(agency);
  await setAgency(c.agencies, { ...demoProfile(), agencyId: agency });
  await c.plans.putPlan(smallPlan(agency), { hash: `p-${agency}`, importedAt: '2024-01-05T00:00:00Z', importedBy: 'test', source: 'test' });
  const people = { ...c, sessions: { revokeSubject: async () => undefined }, directory: localDirectory };
  const operator = { sub: 'operator', role: 'van-phong' as const, agencyId: agency, name: 'Quản trị' };
  await invitePerson(people, operator, { email: leader, name: 'Đặng Văn Giám', role: 'lanh-dao' }, new Date());
  await invitePerson(people, operator, { email: head, name: 'Trần Thị Quản', role: 'unit', unit: 'QLKH' }, new Date());
  // May's report of QLKH, sent earlier: its proposal asks the leaders for a decision.
  await submit(
    c,
    { sub: 'local-unit-QLKH', role: 'unit', unit: 'QLKH', agencyId: agency },
    {
      period: '2024-05',
      unit: 'QLKH',
      baseRevision: 0,
      data: { reporterName: 'Trần Thị Quản', otherWork: [], tasks: [{ ...taskReport('I-2', 65), needsDecision: true, proposals: PROPOSAL }] },
    },
    new Date(),
  );
});

afterAll(closeBrowsers);

describe('a direction from the dashboard to the next report', () => {
  it('a leader directs, the unit answers next month, the Director report lists both', async () => {
    mkdirSync('/tmp/screens', { recursive: true });
    const base = localEnv().PUBLIC_URL!;

    // 1. The leader signs in by code and opens the dashboard of May: the proposal awaits a leader.
    const ld = await openPage({ width: 360, height: 780 });
    await signInByCode(ld, leader);
    await ld.waitForURL(/\/status/);
    await ld.goto(`${base}/dashboard?period=2024-05`);
    const awaiting = ld.locator('section[aria-labelledby="awaiting-title"]');
    expect(await awaiting.locator('h2').textContent()).toContain('(1)');
    expect(await awaiting.textContent()).toContain(PROPOSAL);
    await awaiting.locator('summary').click({ timeout: 30_000 });
    expect(await axeViolations(ld)).toEqual([]);
    await ld.screenshot({ path: '/tmp/screens/directions-dashboard-phone.png', fullPage: true });

    // 2. …follows the figure's number (the task under way) to its task, and on to the task's page…
    const T = { timeout: 30_000 };
    await ld.getByRole('link', { name: /1 chưa hoàn thành, trong hạn/ }).click(T);
    await ld.waitForURL(/status=chua-hoan-thanh-trong-han/, T);
    await ld
      .locator('#tasks')
      .getByRole('link', { name: /Đẩy mạnh việc ứng dụng/ })
      .click(T);
    await ld.waitForURL(/\/dashboard\/task\?/, T);
    const section = ld.locator('section[aria-labelledby="directions-title"]');
    expect(await section.textContent()).toContain(PROPOSAL);

    // 3. …and records a direction on the proposal: text, deadline, not for the province.
    await section.getByText('Cho ý kiến chỉ đạo').click(T);
    await section.getByLabel('Ý kiến chỉ đạo').fill(DIRECTION, T);
    await section.getByLabel('Thời hạn (không bắt buộc)').fill('2024-06-30', T);
    expect(await axeViolations(ld)).toEqual([]);
    await section.getByRole('button', { name: 'Ghi ý kiến chỉ đạo' }).click(T);
    await expect.poll(() => ld.locator('ul.directions').textContent(), { timeout: 30_000 }).toContain(DIRECTION);
    expect(await ld.locator('ul.directions').textContent()).toContain('Thời hạn: 30/06/2024');
    expect(await ld.locator('ul.directions').textContent()).toContain('Đặng Văn Giám');
    expect(await ld.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    expect(await axeViolations(ld)).toEqual([]);
    await ld.screenshot({ path: '/tmp/screens/directions-task-phone.png', fullPage: true });
    // The leader changes it on the same page (a second version, the form filled with the first).
    const given = ld.locator('ul.directions');
    await given.getByText('Sửa ý kiến chỉ đạo').click(T);
    const edit = given.locator('form[data-id]');
    expect(await edit.getByLabel('Ý kiến chỉ đạo').inputValue()).toBe(DIRECTION);
    expect(await edit.getByLabel('Thời hạn (không bắt buộc)').inputValue()).toBe('2024-06-30');
    await edit.getByLabel('Ý kiến chỉ đạo').fill(`${DIRECTION} ${AMENDED}`, T);
    expect(await axeViolations(ld)).toEqual([]);
    await edit.getByRole('button', { name: 'Ghi phiên bản mới' }).click(T);
    await expect.poll(() => ld.locator('ul.directions .direction').textContent(), { timeout: 30_000 }).toContain('(phiên bản 2)');
    expect(await ld.locator('ul.directions .direction').textContent()).toContain(AMENDED);
    // The proposal no longer awaits a leader.
    await ld.goto(`${base}/dashboard?period=2024-05`);
    expect(await ld.locator('section[aria-labelledby="awaiting-title"] h2').textContent()).toContain('(0)');

    // 4. The unit's head signs in; June's form shows the direction next to the task, and answers it.
    const unit = await openPage({ width: 360, height: 780 });
    await signInByCode(unit, head);
    await unit.waitForURL((u) => u.pathname === '/');
    await unit.goto(`${base}/?period=2024-06`);
    const task = unit.locator('#task-I-2');
    await expect.poll(() => task.locator('.direction').textContent(), { timeout: 30_000 }).toContain(DIRECTION);
    expect(await task.locator('.direction').textContent()).toContain('Thời hạn: 30/06/2024');
    expect(await task.locator('.direction').textContent()).toContain('Đặng Văn Giám');
    await unit.locator('#t-I-2-status').selectOption('dang-thuc-hien', T);
    await unit.locator('#t-I-2-progress').fill('80');
    await unit.locator('#t-I-2-result').fill('Đã tổ chức làm việc với các sở, ngành về đặt hàng nhiệm vụ năm 2025.');
    await task.getByLabel('Kết quả thực hiện ý kiến chỉ đạo').fill(ANSWER, T);
    await unit.locator('#reporterName').fill('Trần Thị Quản');
    expect(await axeViolations(unit)).toEqual([]);
    await unit.screenshot({ path: '/tmp/screens/directions-form-phone.png', fullPage: true });
    await unit.locator('#submit-report').click(T);
    await expect.poll(() => unit.locator('#receipt').textContent(), { timeout: 60_000 }).toContain('Biên nhận báo cáo');

    // The leader reads June's report of the unit (the readable view): the direction and its answer.
    await ld.goto(`${base}/report?period=2024-06&unit=QLKH`);
    const directions = ld.locator('#y-kien-chi-dao');
    await expect.poll(() => directions.textContent(), { timeout: 30_000 }).toContain(DIRECTION);
    expect(await directions.textContent()).toContain(ANSWER);
    expect(await ld.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    expect(await axeViolations(ld)).toEqual([]);

    // 5. Văn phòng compiles June (through the API); the Director's report lists the direction and the answer.
    const vp = await tokenFor('van-phong', undefined, { agencyId: agency });
    const compiled = await call('POST', '/api/reports', { token: vp, body: { period: '2024-06' } });
    expect(compiled.status, JSON.stringify(compiled.body).slice(0, 400)).toBe(201);
    const list = await call('GET', '/api/reports?period=2024-06', { token: vp });
    const latest = list.body.reports.find((r: { latest: boolean }) => r.latest);
    const file = (audience: string, format: string) =>
      latest.files.find((f: { audience: string; format: string }) => f.audience === audience && f.format === format) as { url: string };
    const bytes = async (f: { url: string }) => Buffer.from(await (await fetch(f.url)).arrayBuffer());
    const pdfText = async (f: { url: string }) =>
      (await readPdf(await bytes(f))).pages
        .flatMap((p) => p.lines.map((l) => l.text))
        .join(' ')
        .replace(/\s+/gu, ' ');
    const director = await pdfText(file('director', 'pdf'));
    for (const s of [
      'Ý kiến chỉ đạo của Lãnh đạo Sở',
      'đặt hàng nhiệm vụ KH&CN năm 2025',
      'Đặng Văn Giám chỉ đạo',
      'Kết quả thực hiện (báo cáo tháng 06/2024)',
      'tổng hợp 12 đề xuất đặt hàng',
    ])
      expect(director, s).toContain(s);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await bytes(file('director', 'xlsx'))) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Ý kiến chỉ đạo');
    expect(sheet).toBeDefined();
    const row = sheet!.getRow(4).values as unknown[];
    expect(row).toContain(PROPOSAL);
    expect(String(row[6])).toContain(DIRECTION);
    expect(String(row[9])).toContain(ANSWER);
    // Not marked for the province: the report to UBND tỉnh does not have it.
    const ubnd = await pdfText(file('ubnd', 'pdf'));
    expect(ubnd).not.toContain('Ý kiến chỉ đạo của Lãnh đạo Sở');
    expect(ubnd).not.toContain('tổng hợp 12 đề xuất đặt hàng');
    expect(pageErrors).toEqual([]);
  });
});
