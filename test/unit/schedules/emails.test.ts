import { describe, expect, it } from 'vitest';
import { makePeriod, parsePeriod } from '../../../functions/core/period.ts';
import type { PlanTask } from '../../../functions/core/plan.ts';
import { chooseAttachments, encodedSize } from '../../../functions/usecases/deliver-report.ts';
import { deliveryFailedEmail } from '../../../templates/email/delivery-failed.ts';
import { escapeHtml, renderEmail } from '../../../templates/email/render-email.ts';
import { reminderSummaryEmail } from '../../../templates/email/reminder-summary.ts';
import { reportDeliveryEmail } from '../../../templates/email/report-delivery.ts';
import { unitReminderEmail } from '../../../templates/email/unit-reminder.ts';
import { asciiFileName, sizeVi } from '../../../templates/email/wording.ts';
import { demoProfile } from '../../support/demo-profile.ts';

const profile = demoProfile();
const may = makePeriod('monthly', 2024, 5);
const isNfc = (s: string) => s === s.normalize('NFC');

function task(n: number, content: string, finishMonth?: number): PlanTask {
  return {
    id: `I-${n}`,
    number: String(n),
    group: { numeral: 'I', title: 'NHIỆM VỤ TRỌNG TÂM' },
    category: 'trong-tam-ubnd',
    content,
    leadUnit: 'QLKH',
    coordinatingUnits: [],
    ...(finishMonth
      ? { finish: { kind: 'month' as const, year: 2024, month: finishMonth } }
      : { finish: { kind: 'text' as const, text: 'Theo Kế hoạch 483/KH-UBND' } }),
    milestones: [],
    order: n,
  };
}

describe('email templates', () => {
  it('delivers the UBND report as a covering letter citing its number, with the files and their sizes', () => {
    const input = {
      profile,
      period: may,
      numberText: '15/BC-SKHCN',
      issueDate: '2024-05-21',
      signed: true,
      autoIssued: false,
      attached: [{ fileName: 'Bao cao so 15-BC-SKHCN - UBND tinh - thang 5 nam 2024 (ban ky so).pdf', format: 'pdf' as const, size: 250_000 }],
      notAttached: [{ fileName: 'Bao cao so 15-BC-SKHCN - UBND tinh - thang 5 nam 2024.xlsx', format: 'xlsx' as const, size: 14_900_000 }],
      link: 'http://localhost:3000/reports?period=2024-05',
    };
    const e = reportDeliveryEmail(input);
    expect(e.subject).toBe('[Sở KH&CN Bắc Giang] Báo cáo số 15/BC-SKHCN ngày 21/05/2024 về kết quả thực hiện nhiệm vụ tháng 5 năm 2024');
    expect(e.text).toContain('Kính gửi: Ủy ban nhân dân tỉnh Bắc Giang.');
    expect(e.text).toContain(
      'Sở Khoa học và Công nghệ trân trọng gửi Ủy ban nhân dân tỉnh Bắc Giang Báo cáo số 15/BC-SKHCN ngày 21/05/2024 về kết quả thực hiện nhiệm vụ tháng 5 năm 2024.',
    );
    // The recipient needs no version number: the document is known by its number.
    expect(e.text).not.toContain('phiên bản');
    expect(e.text).toContain(
      '- Báo cáo (tệp PDF), bản đã ký số: Bao cao so 15-BC-SKHCN - UBND tinh - thang 5 nam 2024 (ban ky so).pdf (244 KB), đính kèm thư này;',
    );
    expect(e.text).not.toContain('tự động cấp số');
    const auto = reportDeliveryEmail({ ...input, signed: false, autoIssued: true });
    expect(auto.text).toContain('Văn bản được hệ thống tự động cấp số và gửi theo cấu hình của Sở Khoa học và Công nghệ, chưa qua bước ký số');
    expect(e.text).toContain(
      '- Phụ lục số liệu (tệp Excel) (14,2 MB): dung lượng vượt mức cho phép của thư điện tử nên không đính kèm, xem và tải tại đường dẫn dưới đây.',
    );
    expect(e.text).toContain('Xem và tải tệp: http://localhost:3000/reports?period=2024-05');
    expect(e.text).toContain('Trân trọng./.');
    expect(e.html).toContain('<a href="http://localhost:3000/reports?period=2024-05">');
    expect(e.html).toContain('Sở KH&amp;CN Bắc Giang');
    expect(e.html.startsWith('<!DOCTYPE html><html lang="vi">')).toBe(true);
  });

  it('normalises to NFC and escapes what people typed; subjects stay on one line', () => {
    const nfd = { ...profile, name: 'Sở Khoa học và Công nghệ'.normalize('NFD') };
    const e = unitReminderEmail({
      profile: nfd,
      period: may,
      unit: { code: 'X', name: 'Phòng <b>Thử</b> & "Nghiệm"\r\nBcc: evil@example.test' },
      status: 'missing',
      deadline: '2024-05-20',
      at: new Date('2024-05-17T01:00:00Z'),
      tasks: [{ task: task(1, 'Nội dung có <script>alert(1)</script> & ký tự đặc biệt', 11), carriedOver: false }],
      link: 'javascript:alert(1)',
    });
    for (const s of [e.subject, e.text, e.html]) expect(isNfc(s)).toBe(true);
    expect(e.subject).not.toMatch(/[\r\n]/);
    expect(e.html).not.toContain('<script>');
    expect(e.html).not.toContain('<b>Thử</b>');
    expect(e.html).toContain('Phòng &lt;b&gt;Thử&lt;/b&gt; &amp; &quot;Nghiệm&quot;');
    expect(e.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(e.html).not.toContain('href="javascript:');
    expect(e.text).toContain('Nội dung có <script>alert(1)</script> & ký tự đặc biệt');
    expect(escapeHtml(`<a href='x'>&</a>`)).toBe('&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;');
    expect(renderEmail('a\n b', [{ kind: 'p', text: 'x' }]).subject).toBe('a b');
  });

  it('reminds a unit before, on and after the deadline, listing its tasks with their deadlines', () => {
    const base = {
      profile,
      period: may,
      unit: { code: 'QLKH', name: 'Phòng Quản lý Khoa học' },
      deadline: '2024-05-20',
      tasks: [
        { task: task(2, 'Nhiệm vụ 2: Đẩy mạnh việc ứng dụng, nhân rộng kết quả các nhiệm vụ khoa học và công nghệ', 12), carriedOver: false },
        { task: task(3, 'Tham mưu ban hành Quy chế quản lý nhiệm vụ khoa học và công nghệ', 4), carriedOver: true },
        { task: task(4, 'Phối hợp rà soát văn bản'), carriedOver: false },
      ],
      link: 'http://localhost:3000/?period=2024-05',
    } as const;
    const before = unitReminderEmail({ ...base, tasks: [...base.tasks], status: 'missing', at: new Date('2024-05-17T01:00:00Z') });
    expect(before.subject).toBe('[Sở KH&CN Bắc Giang] [Nhắc báo cáo] Báo cáo tháng 5 năm 2024 của Phòng Quản lý Khoa học, hạn ngày 20/05/2024');
    expect(before.text).toContain('Kính gửi: Phòng Quản lý Khoa học.');
    expect(before.text).toContain(
      'Đến 08:00 ngày 17/05/2024, Văn phòng Sở chưa nhận được báo cáo kết quả thực hiện nhiệm vụ tháng 5 năm 2024 của đơn vị. Hạn gửi báo cáo là hết ngày 20/05/2024 (còn 03 ngày).',
    );
    expect(before.text).toContain('Các nhiệm vụ đơn vị cần báo cáo trong kỳ (03 nhiệm vụ):');
    expect(before.text).toContain('1. Nhiệm vụ I.2: Đẩy mạnh việc ứng dụng, nhân rộng kết quả các nhiệm vụ khoa học và công nghệ (thời hạn: Tháng 12/2024)');
    expect(before.text).toContain(
      '2. Nhiệm vụ I.3: Tham mưu ban hành Quy chế quản lý nhiệm vụ khoa học và công nghệ (thời hạn: Tháng 04/2024), chưa hoàn thành từ kỳ trước',
    );
    expect(before.text).toContain('3. Nhiệm vụ I.4: Phối hợp rà soát văn bản (thời hạn: Theo Kế hoạch 483/KH-UBND)');
    expect(before.text).toContain('Cập nhật và gửi báo cáo tại: http://localhost:3000/?period=2024-05');
    expect(before.html).toContain('<ol');

    const onTheDay = unitReminderEmail({ ...base, tasks: [], status: 'draft-only', at: new Date('2024-05-20T01:00:00Z') });
    expect(onTheDay.text).toContain(
      'Đến 08:00 ngày 20/05/2024, báo cáo kết quả thực hiện nhiệm vụ tháng 5 năm 2024 của đơn vị mới được lưu nháp, chưa được gửi.',
    );
    expect(onTheDay.text).toContain('Hôm nay (20/05/2024) là ngày cuối của hạn gửi báo cáo.');
    expect(onTheDay.text).toContain('nhiệm vụ thường xuyên, đột xuất');

    const late = unitReminderEmail({ ...base, tasks: [...base.tasks], status: 'missing', at: new Date('2024-05-22T01:00:00Z') });
    expect(late.subject).toContain('[Quá hạn báo cáo]');
    expect(late.text).toContain('báo cáo của đơn vị đã chậm 02 ngày');
    expect(late.text).toContain('khẩn trương');
  });

  it('summarises for Văn phòng who is still missing and whether each was reminded', () => {
    const row = (
      code: string,
      name: string,
      status: 'on-time' | 'late' | 'draft-only' | 'missing',
      reminder?: 'sent' | 'no-email' | 'failed' | 'interrupted',
    ) => ({ unit: { code, name }, status, tasksDue: 2, ...(reminder ? { reminder } : {}) });
    const e = reminderSummaryEmail({
      profile,
      period: may,
      deadline: '2024-05-20',
      at: new Date('2024-05-17T01:00:00Z'),
      planFound: true,
      rows: [
        row('QLKH', 'Phòng Quản lý Khoa học', 'on-time'),
        row('QLCN', 'Phòng Quản lý Công nghệ', 'draft-only', 'sent'),
        row('VP', 'Văn phòng Sở', 'missing', 'no-email'),
        row('TTR', 'Thanh tra Sở', 'missing', 'failed'),
      ],
      link: 'http://localhost:3000/status?period=2024-05',
    });
    expect(e.subject).toBe('[Sở KH&CN Bắc Giang] [Theo dõi báo cáo] Tháng 5 năm 2024: 03/04 đơn vị chưa gửi báo cáo');
    expect(e.text).toContain(
      'Tình hình gửi báo cáo kết quả thực hiện nhiệm vụ tháng 5 năm 2024 của 04 phòng, đơn vị đến 08:00 ngày 17/05/2024 (hạn gửi: hết ngày 20/05/2024):',
    );
    expect(e.text).toContain('- Đã gửi đúng hạn: 01 đơn vị; gửi muộn: 0 đơn vị;');
    expect(e.text).toContain('1. Phòng Quản lý Công nghệ: mới lưu nháp, 02 nhiệm vụ phải báo cáo; đã gửi thư nhắc.');
    expect(e.text).toContain('2. Văn phòng Sở: chưa gửi, 02 nhiệm vụ phải báo cáo; chưa có địa chỉ thư điện tử để nhắc.');
    expect(e.text).toContain('3. Thanh tra Sở: chưa gửi, 02 nhiệm vụ phải báo cáo; gửi thư nhắc không thành công.');

    const all = reminderSummaryEmail({
      profile,
      period: may,
      deadline: '2024-05-20',
      at: new Date('2024-05-20T01:00:00Z'),
      planFound: true,
      rows: [row('QLKH', 'Phòng Quản lý Khoa học', 'late')],
    });
    expect(all.subject).toContain('các đơn vị đã gửi đủ báo cáo');
    expect(all.text).toContain('Tất cả các phòng, đơn vị đã gửi báo cáo.');

    const noPlan = reminderSummaryEmail({
      profile,
      period: parsePeriod('2023-05'),
      deadline: '2023-05-20',
      at: new Date('2023-05-17T01:00:00Z'),
      planFound: false,
      rows: [],
    });
    expect(noPlan.text).toContain('Chưa có kế hoạch năm 2023 trong hệ thống');
    expect(noPlan.subject).toContain('không có đơn vị phải báo cáo');
  });

  it('tells Văn phòng when delivery failed, or was interrupted, and how to send it again', () => {
    const failed = deliveryFailedEmail({
      profile,
      period: may,
      numberText: '15/BC-SKHCN',
      to: ['vanthu@ubnd.bacgiang.example'],
      reason: 'failed',
      attempts: 4,
      lastError: 'MessageRejected: Email address is not verified.',
      lastAttemptAt: new Date('2024-05-21T03:00:14Z'),
    });
    expect(failed.subject).toBe('[Sở KH&CN Bắc Giang] [Cần xử lý] Chưa gửi được báo cáo tháng 5 năm 2024 tới UBND tỉnh');
    expect(failed.text).toContain(
      'Hệ thống chưa gửi được Báo cáo số 15/BC-SKHCN về kết quả thực hiện nhiệm vụ tháng 5 năm 2024 tới Ủy ban nhân dân tỉnh Bắc Giang (vanthu@ubnd.bacgiang.example) sau 04 lần thử, lần cuối lúc 10:00 ngày 21/05/2024. Hệ thống sẽ tự thử gửi lại',
    );
    expect(failed.text).toContain('Lỗi lần gửi cuối: MessageRejected: Email address is not verified.');
    expect(failed.text).toContain('npm run cli -- --agency skhcn-bacgiang run-job deliver --period 2024-05');
    const interrupted = deliveryFailedEmail({
      profile,
      period: may,
      numberText: '15/BC-SKHCN',
      to: ['vanthu@ubnd.bacgiang.example'],
      reason: 'interrupted',
      attempts: 0,
    });
    expect(interrupted.text).toContain('bị gián đoạn giữa chừng');
    expect(interrupted.text).toContain('không tự gửi lại');
  });

  it('names attachments in ASCII and sizes them the Vietnamese way', () => {
    expect(asciiFileName('Báo cáo UBND tỉnh - tháng 5 năm 2024 (v1).pdf')).toBe('Bao cao UBND tinh - thang 5 nam 2024 (v1).pdf');
    expect(asciiFileName('Đề xuất/bản: "mới".xlsx')).toBe('De xuat-ban- -moi-.xlsx');
    expect(sizeVi(500)).toBe('1 KB');
    expect(sizeVi(250_000)).toBe('244 KB');
    expect(sizeVi(14_900_000)).toBe('14,2 MB');
  });

  it('attaches the PDF, then the workbook, only while the message stays under the limit', () => {
    const f = (format: 'pdf' | 'xlsx', size: number) => ({ format, size, key: `k.${format}` });
    // The workbook listed first: the PDF still goes first.
    const files = [f('xlsx', 4_000_000), f('pdf', 2_000_000)];
    const mb = 1024 * 1024;
    expect(encodedSize(3_000_000)).toBeGreaterThan(4_000_000);
    const roomy = chooseAttachments(files, 10 * mb);
    expect(roomy.attach.map((x) => x.format)).toEqual(['pdf', 'xlsx']);
    const tight = chooseAttachments(files, 7 * mb);
    expect([tight.attach.map((x) => x.format), tight.link.map((x) => x.format)]).toEqual([['pdf'], ['xlsx']]);
    const tiny = chooseAttachments([f('pdf', 3_000_000), f('xlsx', 4_000_000)], 2 * mb);
    expect([tiny.attach.length, tiny.link.map((x) => x.format)]).toEqual([0, ['pdf', 'xlsx']]);
  });
});
