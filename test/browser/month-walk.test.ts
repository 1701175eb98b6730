/**
 * Issue 14's "done when": a whole month in Debian's Chromium on phones, with no CLI at all. Văn
 * phòng signs in by an emailed code, invites the head of Thanh tra Sở, uploads the year's plan after
 * its preview; the unit head signs in by code, submits May with an attachment and gets a receipt on
 * screen and by email; Văn phòng reminds the units still missing, compiles, issues the report to
 * UBND tỉnh under the register's number, delivers it, reads the month's history and delivery log,
 * downloads the status board as xlsx, signs out — and the session cookie, replayed, is refused.
 * Only the operator's first step (the agency's profile, the first Văn phòng account) is done here
 * outside the browser, as docs/onboarding.md says an operator does it.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDirectory } from '../../functions/adapters/auth/identity.ts';
import { setAgency } from '../../functions/usecases/agency-service.ts';
import { invitePerson } from '../../functions/usecases/people.ts';
import { axeViolations, closeBrowsers, openPage, pageErrors, signInByCode } from '../support/browser.ts';
import { demoProfile } from '../support/demo-profile.ts';
import { emailsTo } from '../support/inbox.ts';
import { localEnv, testContainer } from '../support/local.ts';

const agency = `t-walk-${randomUUID().slice(0, 8)}`;
const office = `vanphong.${agency}@example.test`;
const head = `chanhthanhtra.${agency}@example.test`;
const unitBox = (code: string) => `${code.toLowerCase()}.${agency}@example.test`;
const ubnd = `vanthu.${agency}@ubnd.example.test`;
const PLAN = 'test/fixtures/plans/seed-004-bacgiang-2024.xlsx';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

beforeAll(async () => {
  // The operator's part (docs/onboarding.md): the agency's profile and the first Văn phòng account.
  const c = testContainer(agency);
  const demo = demoProfile();
  await setAgency(c.agencies, {
    ...demo,
    agencyId: agency,
    units: demo.units.map((u) => ({ ...u, emails: [unitBox(u.code)] })),
    emails: { ...demo.emails, ubnd: [ubnd] },
  });
  await invitePerson(
    { ...c, sessions: { revokeSubject: async () => undefined }, directory: localDirectory },
    { sub: 'operator', role: 'van-phong', agencyId: agency, name: 'Quản trị' },
    { email: office, name: 'Nguyễn Thị Văn Phòng', role: 'van-phong' },
    new Date(),
  );
});

afterAll(closeBrowsers);

describe('a month in the portal, no terminal', () => {
  it('invite, plan, submit with a file and a receipt, remind, compile, issue, deliver, history, board, sign-out', async () => {
    mkdirSync('/tmp/screens', { recursive: true });
    const base = localEnv().PUBLIC_URL!;

    // 1. Văn phòng signs in with the code emailed to it.
    const vp = await openPage({ width: 360, height: 780 });
    await signInByCode(vp, office);
    await vp.waitForURL(/\/status/);

    // 2. …invites the head of Thanh tra Sở.
    await vp.getByRole('link', { name: 'Người dùng' }).click();
    await vp.waitForURL(/\/people$/);
    await vp.getByLabel('Thư điện tử').fill(head);
    await vp.getByLabel('Họ và tên').fill('Lê Văn Thanh');
    await vp.getByLabel('Vai trò').selectOption('unit');
    await vp.getByLabel('Phòng, đơn vị').selectOption('TTR');
    await vp.getByRole('button', { name: 'Mời' }).click();
    await expect.poll(() => vp.locator('table.board tbody tr', { hasText: head }).count(), { timeout: 60_000 }).toBe(1);

    // 3. …uploads the year's plan: preview first (nothing stored), then confirm.
    await vp.getByRole('link', { name: 'Kế hoạch năm' }).click();
    await vp.getByLabel('Năm kế hoạch', { exact: true }).selectOption('2024');
    await vp.getByRole('button', { name: 'Xem', exact: true }).click();
    await expect.poll(() => vp.locator('h1').textContent()).toBe('Kế hoạch năm 2024');
    await vp.getByLabel('Tệp kế hoạch (.xlsx)').setInputFiles({ name: 'ke-hoach-2024.xlsx', mimeType: XLSX, buffer: readFileSync(PLAN) });
    await vp.getByRole('button', { name: 'Xem trước', exact: true }).click();
    const preview = vp.locator('#upload-preview');
    await expect.poll(() => preview.textContent(), { timeout: 60_000 }).toContain('Thêm 8 nhiệm vụ');
    expect(await testContainer(agency).plans.getPlanMeta(agency, 2024)).toBeUndefined();
    await preview.getByRole('button', { name: 'Xác nhận nhập kế hoạch' }).click();
    await expect.poll(() => vp.locator('table.plan-tasks tbody tr').count(), { timeout: 60_000 }).toBe(8);

    // 4. The unit head signs in by code on their own phone and submits May with a file.
    const unit = await openPage({ width: 360, height: 780 });
    await signInByCode(unit, head);
    await unit.waitForURL((u) => u.pathname === '/');
    await unit.goto(`${base}/?period=2024-05`);
    await unit.locator('#t-II-2-1-status').selectOption('dang-thuc-hien');
    await unit.locator('#t-II-2-1-progress').fill('40');
    await unit.locator('#t-II-2-1-result').fill('Đã thanh tra 03 tổ chức khoa học và công nghệ theo kế hoạch.');
    await unit.locator('#reporterName').fill('Lê Văn Thanh');
    await unit.locator('#t-II-2-1-files').setInputFiles({ name: 'Kết luận thanh tra.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect.poll(() => unit.locator('#t-II-2-1-attachments li').count(), { timeout: 60_000 }).toBe(1);
    const receiptsBefore = (await emailsTo(head)).length;
    await unit.locator('#submit-report').click();
    const receipt = unit.locator('#receipt');
    await expect.poll(() => receipt.textContent(), { timeout: 60_000 }).toContain('Biên nhận báo cáo');
    expect(await receipt.textContent()).toContain('Kết luận thanh tra.pdf');
    await expect.poll(async () => (await emailsTo(head)).length, { timeout: 60_000 }).toBe(receiptsBefore + 1);
    expect((await emailsTo(head)).at(-1)!.subject).toContain('[Đã nhận báo cáo]');
    expect(await axeViolations(unit)).toEqual([]);

    // 5. Văn phòng reminds the units still missing (QLKH among them); Thanh tra, which reported, is not on the list.
    await vp.goto(`${base}/reminders?period=2024-05`);
    const items = vp.locator('li.reminder');
    await expect.poll(() => items.count()).toBeGreaterThan(0);
    expect(await vp.locator('main').textContent()).not.toContain(unitBox('TTR'));
    await vp.getByRole('button', { name: 'Gửi thư nhắc các đơn vị đã chọn' }).click();
    await expect.poll(async () => (await emailsTo(unitBox('QLKH'))).length, { timeout: 60_000 }).toBe(1);
    expect(await emailsTo(unitBox('TTR'))).toEqual([]);

    // 6. …compiles, issues the report to UBND tỉnh under the register's number 7, and delivers it.
    await vp.goto(`${base}/reports?period=2024-05`);
    await vp.getByRole('button', { name: 'Tổng hợp báo cáo kỳ 2024-05' }).click();
    await vp.locator('.report-actions [data-result].notice-success').waitFor();
    await vp.waitForLoadState('load');
    const ubndDoc = () =>
      vp
        .locator('article.report-version')
        .first()
        .locator('section.report-document', { has: vp.locator('h3', { hasText: 'Báo cáo gửi UBND tỉnh' }) });
    await ubndDoc().getByLabel('Số văn bản').fill('7');
    await ubndDoc().getByRole('button', { name: 'Phát hành (cấp số)' }).click();
    await expect.poll(() => ubndDoc().innerText(), { timeout: 60_000 }).toMatch(/Đã phát hành số 0?7\/BC-SKHCN/);
    await vp.getByRole('button', { name: 'Gửi UBND tỉnh ngay' }).click();
    await expect.poll(() => vp.locator('[data-deliver-confirm]').innerText(), { timeout: 60_000 }).toContain(ubnd);
    await vp.getByRole('button', { name: 'Xác nhận gửi' }).click();
    await vp.locator('[data-deliver-result].notice-success').waitFor();
    const delivered = await emailsTo(ubnd);
    expect(delivered).toHaveLength(1);
    expect(await vp.locator('[data-deliver-result]').innerText()).toContain(delivered[0]!.messageId);

    // 7. …reads the month's history: the version, who issued it, and the delivery with its message id.
    await vp.goto(`${base}/history?period=2024-05`);
    const history = await vp.locator('main').innerText();
    expect(history).toMatch(/0?7\/BC-SKHCN/);
    expect(history).toContain(delivered[0]!.messageId);
    expect(history).toContain(ubnd);
    expect(await axeViolations(vp)).toEqual([]);
    await vp.goto(`${base}/history?period=2024-05&unit=TTR`);
    expect(await vp.locator('main').innerText()).toContain('Kết luận thanh tra.pdf');

    // 8. …downloads the board as xlsx: Thanh tra's row says it reported.
    // Fetched by the page itself, with its session cookie, as the board's download link does.
    const board = (await vp.evaluate(async (url) => {
      const res = await fetch(url);
      return { status: res.status, type: res.headers.get('content-type'), bytes: Array.from(new Uint8Array(await res.arrayBuffer())) };
    }, `${base}/api/status?period=2024-05&format=xlsx`)) as { status: number; type: string; bytes: number[] };
    expect([board.status, board.type]).toEqual([200, XLSX]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(board.bytes).buffer as ArrayBuffer);
    const rows = wb.worksheets[0]!.getSheetValues()
      .filter((r) => Array.isArray(r))
      .map((r) => (r as unknown[]).join(' | '));
    expect(rows.find((r) => r.includes('Thanh tra Sở'))).toMatch(/Nộp muộn|Nộp đúng hạn/);

    // 9. Văn phòng signs out; the cookie it had, replayed, opens nothing.
    const cookies = await vp.context().cookies(base);
    const header = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    expect((await fetch(`${base}/api/status?period=2024-05`, { headers: { cookie: header } })).status).toBe(200);
    await vp.getByRole('button', { name: 'Đăng xuất' }).click();
    await vp.waitForURL((u) => !u.pathname.startsWith('/history'));
    const replay = await fetch(`${base}/api/status?period=2024-05`, { headers: { cookie: header } });
    expect(replay.status).toBe(401);
    await vp.screenshot({ path: '/tmp/screens/month-walk-signed-out.png', fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
