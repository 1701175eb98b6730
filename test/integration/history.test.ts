/**
 * History you can read (issue 14), on the local stack: a unit submits May twice (a version of the
 * reports compiled after each), the second is issued and delivered; the unit's history lists each
 * change field by field with who and when, the month's history names which unit changed between
 * the versions, the issued number and the delivery; another unit may not read it.
 * flow: vitest --> local HTTP server --> history page handler --> DynamoDB Local, s3rver, SES emulator
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportRenderers as renderers } from '../../functions/adapters/renderers.ts';
import { setAgency } from '../../functions/usecases/agency-service.ts';
import { runJob } from '../../functions/usecases/run-job.ts';
import { DEFAULT_JOB_SETTINGS } from '../../functions/usecases/send-once.ts';
import { demoProfile } from '../support/demo-profile.ts';
import { call } from '../support/http.ts';
import { testContainer, tokenFor } from '../support/local.ts';
import { smallPlan, taskReport } from '../support/small-plan.ts';

const a = `t-hist-${randomUUID().slice(0, 8)}`;
const tokens: Record<'qlkh' | 'ttud' | 'vp' | 'ld', string> = { qlkh: '', ttud: '', vp: '', ld: '' };
const page = async (path: string, token?: string) => {
  const res = await call('GET', path, token ? { token } : {});
  return { status: res.status, html: String(res.body) };
};
/** The page's text without tags, spaces squeezed: what a reader sees, in order. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .replace(/ ([:;,.])/g, '$1');

beforeAll(async () => {
  const c = testContainer(a);
  const demo = demoProfile();
  await setAgency(c.agencies, { ...demo, agencyId: a, emails: { ...demo.emails, ubnd: [`vanthu.${a}@ubnd.example.test`] } });
  await c.plans.putPlan(smallPlan(a), { hash: `p-${a}`, importedAt: '2024-01-05T00:00:00Z', importedBy: 'test', source: 'test' });
  // The unit's person, so the page can name who sent each revision (revisions store the user id).
  const at = new Date().toISOString();
  await c.users.create(
    {
      email: `qlkh.${a}@example.test`,
      agencyId: a,
      sub: 'local-unit-qlkh',
      role: 'unit',
      unit: 'QLKH',
      name: 'Nguyễn Thị Hoa',
      status: 'active',
      invitedAt: at,
      invitedBy: 'test',
      updatedAt: at,
      version: 1,
    },
    { agencyId: a, at, actor: 'test', action: 'user-invited', target: `qlkh.${a}@example.test` },
  );
  tokens.qlkh = await tokenFor('unit', 'QLKH', { agencyId: a });
  tokens.ttud = await tokenFor('unit', 'TTUD', { agencyId: a });
  tokens.vp = await tokenFor('van-phong', undefined, { agencyId: a });
  tokens.ld = await tokenFor('lanh-dao', undefined, { agencyId: a });

  const send = async (baseRevision: number, tasks: ReturnType<typeof taskReport>[]) => {
    const res = await call('POST', '/api/submissions', {
      token: tokens.qlkh,
      body: { period: '2024-05', unit: 'QLKH', baseRevision, data: { reporterName: 'Nguyễn Thị Hoa', otherWork: [], tasks } },
    });
    expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(201);
  };
  const compile = async () => {
    const res = await call('POST', '/api/reports', { token: tokens.vp, body: { period: '2024-05' } });
    expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(201);
  };
  await send(0, [taskReport('I-2', 40)]);
  await compile();
  await send(1, [{ ...taskReport('I-2', 60), result: 'Đã nghiệm thu 02 mô hình ứng dụng.', needsDecision: true, proposals: 'Bổ sung kinh phí' }]);
  await compile();
  const issued = await call('POST', '/api/reports/2024-05/issue', { token: tokens.vp, body: { audience: 'ubnd' } });
  expect(issued.status, JSON.stringify(issued.body).slice(0, 400)).toBe(201);
  const deps = { ...c, renderers, clock: () => new Date(), sleep: async () => undefined, settings: { ...DEFAULT_JOB_SETTINGS } };
  await runJob(deps, { agencyId: a, job: 'deliver', kind: 'monthly', scheduledTime: new Date('2024-05-21T03:00:00Z'), source: 'test' });
});

describe('a unit’s history', () => {
  it('lists every revision newest first with who and when, and what changed field by field', async () => {
    const { status, html } = await page('/history?period=2024-05&unit=QLKH', tokens.qlkh);
    expect(status).toBe(200);
    const t = text(html);
    expect(t).toContain('Lịch sử báo cáo tháng 5/2024 — Phòng Quản lý Khoa học');
    expect(t.indexOf('Phiên bản 2')).toBeLessThan(t.indexOf('Phiên bản 1'));
    // Who: the person's name, as the agency's people list has it for the stored user id.
    expect(t).toContain('tài khoản Nguyễn Thị Hoa');
    // When, in the agency's time zone: a dd/mm/yyyy HH:mm time.
    expect(html).toMatch(/<time datetime="\d{4}-\d{2}-\d{2}T[^"]+">\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}<\/time>/);
    const second = t.slice(t.indexOf('Phiên bản 2'), t.indexOf('Phiên bản 1 '));
    expect(second).toContain('Thay đổi so với phiên bản 1');
    expect(second).toContain('Nhiệm vụ 2. Đẩy mạnh việc ứng dụng');
    expect(second).toContain('Tiến độ (%) 40% 60%');
    expect(second).toContain('Kết quả thực hiện trong kỳ Đã triển khai các nội dung theo kế hoạch. Đã nghiệm thu 02 mô hình ứng dụng.');
    expect(second).toContain('Đề xuất, kiến nghị (trống) Bổ sung kinh phí');
    expect(second).toContain('Cần Lãnh đạo Sở cho ý kiến Không Có');
    // Unchanged fields are not listed.
    expect(second).not.toContain('Kế hoạch kỳ tới');
    // The first revision shows what was submitted.
    const first = t.slice(t.lastIndexOf('Phiên bản 1'));
    expect(first).toContain('Nội dung đã gửi');
    expect(first).toContain('Tình trạng Đang thực hiện');
    expect(first).toContain('Tiến độ (%) 40%');
    // A unit's page links to its form, not to the month's reports.
    expect(html).not.toContain('Lịch sử báo cáo tổng hợp');
  });

  it('is refused to another unit (403) and open to Văn phòng and the leaders; a unit without ?unit= gets its own', async () => {
    const other = await page('/history?period=2024-05&unit=QLKH', tokens.ttud);
    expect(other.status).toBe(403);
    expect(other.html).not.toContain('Bổ sung kinh phí');
    for (const token of [tokens.vp, tokens.ld]) {
      const res = await page('/history?period=2024-05&unit=QLKH', token);
      expect([res.status, text(res.html).includes('Bổ sung kinh phí')]).toEqual([200, true]);
    }
    const own = await page('/history?period=2024-05', tokens.qlkh);
    expect([own.status, text(own.html).includes('Phòng Quản lý Khoa học')]).toEqual([200, true]);
    const none = await page('/history?period=2024-05', tokens.ttud);
    expect([none.status, text(none.html).includes('chưa gửi phiên bản nào')]).toEqual([200, true]);
    expect((await page('/history?period=2024-13&unit=QLKH', tokens.vp)).status).toBe(400);
    expect((await page('/history?period=2024-05&unit=NOPE', tokens.vp)).status).toBe(404);
    const anonymous = await page('/history?period=2024-05&unit=QLKH');
    expect([anonymous.status, anonymous.html.includes('Đăng nhập để xem lịch sử báo cáo')]).toEqual([200, true]);
  });
});

describe('the month’s report history', () => {
  it('shows each version, the unit that changed between them, what was issued and the delivery', async () => {
    const { status, html } = await page('/history?period=2024-05', tokens.vp);
    expect(status).toBe(200);
    const t = text(html);
    expect(t).toContain('Lịch sử báo cáo tổng hợp tháng 5/2024');
    const v2 = t.slice(t.indexOf('Phiên bản 2'), t.indexOf('Phiên bản 1 '));
    expect(v2).toContain('các đơn vị đã gửi báo cáo mới: Phòng Quản lý Khoa học: phiên bản 2');
    expect(v2).toMatch(/Báo cáo gửi UBND tỉnh: số 01\/BC-SKHCN ngày \d{2}\/\d{2}\/\d{4}/);
    expect(v2).toContain('Đã gửi UBND tỉnh');
    expect(v2).toContain('Báo cáo Lãnh đạo Sở: chưa phát hành');
    const v1 = t.slice(t.indexOf('Phiên bản 1 '), t.indexOf('Nhật ký gửi thư'));
    expect(v1).toContain('Bản đầu tiên của kỳ, tổng hợp từ báo cáo của: Phòng Quản lý Khoa học: phiên bản 1');
    expect(v1).not.toContain('Đã gửi UBND tỉnh');
    // The delivery log: to whom, message id, outcome.
    const log = t.slice(t.indexOf('Nhật ký gửi thư'));
    expect(log).toContain('Báo cáo gửi UBND tỉnh (phiên bản 2)');
    expect(log).toContain(`vanthu.${a}@ubnd.example.test`);
    expect(log).toContain('Đã gửi');
    const [mail] = await testContainer(a).jobs.listDeliveries(a, '2024-05');
    expect(mail!.messageId).toBeTruthy();
    expect(log).toContain(mail!.messageId!);
    expect(html).toContain(`href="/history?period=2024-05&amp;unit=QLKH"`);
    const leader = await page('/history?period=2024-05', tokens.ld);
    expect(leader.status).toBe(200);
  });

  it('is linked from the status board and the reports page', async () => {
    const board = await page('/status?period=2024-05', tokens.vp);
    expect(board.html).toContain('href="/history?period=2024-05&amp;unit=QLKH"');
    const reports = await page('/reports?period=2024-05', tokens.vp);
    expect(reports.html).toContain('href="/history?period=2024-05"');
  });
});
