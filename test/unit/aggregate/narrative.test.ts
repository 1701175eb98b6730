// Body text checks without snapshots: sections in order, the right facts in the right section,
// Vietnamese zero/plural wording, the leading-zero convention, formal UBND phrasing.
import { describe, expect, it } from 'vitest';
import { buildReportModel, type AggregateInput } from '../../../functions/core/aggregate/build-report-model.ts';
import { brief, joinNames, joinVi, percentVi, sentence, so } from '../../../functions/core/aggregate/format.ts';
import { superiorShort } from '../../../functions/core/aggregate/narrative-ubnd.ts';
import { parsePeriod } from '../../../functions/core/period.ts';
import type { Block } from '../../../functions/core/report-model.ts';
import { juneInput, report, submitted } from './fixtures.ts';

const textOf = (blocks: Block[]): string =>
  blocks.map((b) => (b.type === 'paragraph' ? b.text : b.type === 'bullets' ? b.items.join('\n') : b.type === 'heading' ? b.text : `[${b.title}]`)).join('\n');

/** The blocks under a level-1 heading starting with `numeral + '.'`, up to the next level-1 heading. */
function section(body: Block[], numeral: string): string {
  const start = body.findIndex((b) => b.type === 'heading' && b.level === 1 && b.text.startsWith(`${numeral}. `));
  if (start < 0) throw new Error(`no section ${numeral}`);
  const end = body.findIndex((b, i) => i > start && b.type === 'heading' && b.level === 1);
  return textOf(body.slice(start + 1, end < 0 ? undefined : end));
}
const level1 = (body: Block[]) => body.filter((b) => b.type === 'heading' && b.level === 1).map((b) => (b as { text: string }).text);

describe('Director body', () => {
  const m = buildReportModel(juneInput('director'));

  it('has the five sections in order', () => {
    expect(level1(m.body)).toEqual([
      'I. TÌNH HÌNH NỘP BÁO CÁO',
      'II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ',
      'III. NHIỆM VỤ QUÁ HẠN, CHẬM TIẾN ĐỘ',
      'IV. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ',
      'V. NHIỆM VỤ TRỌNG TÂM KỲ TỚI',
    ]);
  });

  it('section I names who was on time, who was late (with the day), who only saved a draft', () => {
    const s = section(m.body, 'I');
    expect(s).toContain('Hạn nộp báo cáo tháng 6 năm 2024 là ngày 20/06/2024.');
    expect(s).toContain('Tính đến ngày 21/06/2024, có 04/05 phòng, đơn vị đã nộp báo cáo.');
    expect(s).toContain('Có 01 phòng, đơn vị nộp báo cáo muộn: Phòng Quản lý Khoa học (nộp ngày 22/06/2024).');
    expect(s).toContain('Có 01 phòng, đơn vị mới lưu nháp, chưa gửi báo cáo: Thanh tra Sở.');
    // A name holding "và" makes the list use semicolons, so the names cannot run together.
    expect(s).toContain(
      'Có 03 phòng, đơn vị nộp báo cáo đúng hạn: Văn phòng Sở; Phòng Quản lý khoa học công nghệ cơ sở và Sở hữu trí tuệ; Chi cục Tiêu chuẩn Đo lường Chất lượng.',
    );
    expect(s).not.toContain('chưa nộp báo cáo:');
  });

  it('section I: a missing unit is named; all on time is said in one sentence', () => {
    const input = juneInput();
    input.submissions = input.submissions.filter((h) => h.unit !== 'QLKHCNCS');
    const s = section(buildReportModel(input).body, 'I');
    expect(s).toContain('Có 01 phòng, đơn vị chưa nộp báo cáo: Phòng Quản lý khoa học công nghệ cơ sở và Sở hữu trí tuệ.');

    const allOnTime = juneInput();
    allOnTime.submissions = allOnTime.submissions.filter((h) => h.unit !== 'QLKH' && h.unit !== 'TTR');
    allOnTime.plan!.tasks = allOnTime.plan!.tasks.filter((t) => t.leadUnit !== 'QLKH' && t.leadUnit !== 'TTR');
    const s2 = section(buildReportModel(allOnTime).body, 'I');
    expect(s2).toContain('Tất cả 03 phòng, đơn vị đều nộp báo cáo đúng hạn.');
    expect(s2).not.toContain('muộn');
  });

  it('section I: a unit that reported only part of its tasks is pointed out', () => {
    const input = juneInput();
    input.submissions = input.submissions.map((h) => (h.unit === 'CCTCDLCL' && h.data ? { ...h, data: { ...h.data, tasks: h.data.tasks.slice(0, 1) } } : h));
    expect(section(buildReportModel(input).body, 'I')).toContain(
      'Chi cục Tiêu chuẩn Đo lường Chất lượng đã nộp báo cáo nhưng mới cập nhật 01/02 nhiệm vụ được giao chủ trì.',
    );
  });

  it('section II: figures as a sentence, the chart, and a paragraph per unit with task results', () => {
    const s = section(m.body, 'II');
    expect(s).toContain(
      'Trong tháng 6 năm 2024, các phòng, đơn vị thực hiện 06 nhiệm vụ theo kế hoạch, trong đó: đã hoàn thành 01 nhiệm vụ, đúng hạn; chưa hoàn thành 03 nhiệm vụ, đều còn trong hạn; chưa triển khai 01 nhiệm vụ; 01 nhiệm vụ chưa có báo cáo.',
    );
    expect(s).toContain('Tỷ lệ nhiệm vụ đã hoàn thành đạt 16,7%.');
    expect(m.body.filter((b) => b.type === 'chart')).toEqual([{ type: 'chart', title: 'Tình hình thực hiện nhiệm vụ tháng 6 năm 2024 theo phòng, đơn vị' }]);
    expect(s).toContain('Chủ trì 02 nhiệm vụ, trong đó: 01 nhiệm vụ chưa hoàn thành, còn trong hạn; 01 nhiệm vụ chưa triển khai.');
    expect(s).toContain(
      'Đã hoàn thành thủ tục đấu thầu, ký hợp đồng tư vấn. Tiến độ đạt 60%, tăng 20 điểm phần trăm so với kỳ trước. Sản phẩm đạt 01/03 doanh nghiệp được hỗ trợ.',
    );
    expect(s).toContain('Nhiệm vụ đã hoàn thành đúng hạn ngày 10/05/2024 (theo báo cáo tháng 05/2024).');
    expect(s).toContain('Nhiệm vụ thường xuyên: Tổng hợp báo cáo tháng 5 gửi UBND tỉnh.');
    expect(s).toContain('Đơn vị mới lưu nháp, chưa gửi báo cáo trong kỳ.');
    expect(s).toMatch(/Chưa có báo cáo trong kỳ về nhiệm vụ II\.2\.1 \(Nâng cao chất lượng công tác thanh tra, kiểm tra[^)]*\)\./u);
  });

  it('section III: "Không có nhiệm vụ nào … quá hạn." when none; not-started and stalled tasks listed', () => {
    const s = section(m.body, 'III');
    expect(s).toContain('Không có nhiệm vụ nào chưa hoàn thành đã quá hạn.');
    expect(s).toContain('Có 01 nhiệm vụ chưa triển khai (còn trong hạn):');
    expect(s).toContain('Có 01 nhiệm vụ không có tiến triển so với kỳ trước:');
    expect(s).toMatch(/Nhiệm vụ I\.2 \(Chỉ đạo thực hiện[^)]*\) do Phòng Quản lý Khoa học chủ trì, tiến độ 40%/);
  });

  it('section III names the newly overdue task with its unit, deadline and reason', () => {
    const input: AggregateInput = {
      ...juneInput(),
      period: parsePeriod('2024-07'),
      issueDate: '2024-07-21',
      submissions: [submitted('QLKHCNCS', '2024-07', [report('I-3', { progress: 90, reason: 'chờ ý kiến thành viên Hội đồng sáng kiến' })])],
      previousSubmissions: [submitted('QLKHCNCS', '2024-06', [report('I-3', { progress: 80 })])],
    };
    const s = section(buildReportModel(input).body, 'III');
    expect(s).toContain('Có 01 nhiệm vụ chưa hoàn thành đã quá hạn, mới quá hạn trong kỳ:');
    expect(s).toContain(
      'Nhiệm vụ I.3 (Nâng cao chất lượng xét đánh giá, công nhận sáng kiến cơ sở) do Phòng Quản lý khoa học công nghệ cơ sở và Sở hữu trí tuệ chủ trì, thời hạn tháng 06/2024, tiến độ đạt 90% (mới quá hạn trong kỳ). Lý do: chờ ý kiến thành viên Hội đồng sáng kiến.',
    );
    expect(s).not.toContain('Không có nhiệm vụ nào chưa hoàn thành đã quá hạn.');
  });

  it('section IV: the proposal needing a decision first, marked, then the proposals to the province', () => {
    const s = section(m.body, 'IV');
    expect(s).toContain('Có 01 đề xuất cần Lãnh đạo Sở cho ý kiến:');
    // The unit's text as typed after the colon: a proper noun would keep its capital.
    expect(s).toMatch(
      /Chi cục Tiêu chuẩn Đo lường Chất lượng, nhiệm vụ I\.1 \([^)]*\): Xin ý kiến Lãnh đạo Sở về việc gia hạn thời gian đăng ký\. Khó khăn, vướng mắc: Doanh nghiệp đăng ký tham gia còn ít\./,
    );
    expect(s.indexOf('cần Lãnh đạo Sở cho ý kiến:')).toBeLessThan(s.indexOf('Đề xuất, kiến nghị gửi UBND tỉnh'));
    expect(s).toContain('Đề xuất, kiến nghị gửi UBND tỉnh (01 đề xuất, được đưa vào báo cáo gửi UBND tỉnh):');
    expect(s).toMatch(/Phòng Quản lý Khoa học, nhiệm vụ I\.2 \([^)]*\): Đề nghị UBND tỉnh bổ sung kinh phí nghiệm thu\./);
  });

  it('section IV: a proper noun typed after a colon keeps its capital', () => {
    const input = juneInput();
    input.submissions = input.submissions.map((h) =>
      h.unit === 'CCTCDLCL' && h.data
        ? { ...h, data: { ...h.data, tasks: h.data.tasks.map((t) => (t.taskId === 'I-1' ? { ...t, difficulties: 'Sở Tài chính chưa bố trí kinh phí' } : t)) } }
        : h,
    );
    expect(section(buildReportModel(input).body, 'IV')).toContain('Khó khăn, vướng mắc: Sở Tài chính chưa bố trí kinh phí.');
  });

  it('section V: next month named, priorities per unit', () => {
    const s = section(m.body, 'V');
    expect(s).toContain('Trong tháng 7 năm 2024, các phòng, đơn vị tập trung thực hiện các nội dung sau:');
    expect(s).toContain('Phòng Quản lý Khoa học (nhiệm vụ I.2): Nghiệm thu 05 nhiệm vụ cấp tỉnh.');
    expect(s).toContain('Chi cục Tiêu chuẩn Đo lường Chất lượng (nhiệm vụ I.1): Tổ chức đào tạo, tập huấn cho doanh nghiệp.');
  });

  it('section V lists plan tasks falling due next period', () => {
    const input = juneInput();
    input.period = parsePeriod('2024-05');
    input.submissions = [];
    input.previousSubmissions = [];
    const s = section(buildReportModel(input).body, 'V');
    expect(s).toContain('Các phòng, đơn vị chưa báo cáo kế hoạch thực hiện nhiệm vụ tháng 6 năm 2024.');
    expect(s).toContain('Có 01 nhiệm vụ theo kế hoạch đến hạn hoàn thành trong tháng 6 năm 2024');
    expect(s).toContain(
      'Nhiệm vụ I.3 (Nâng cao chất lượng xét đánh giá, công nhận sáng kiến cơ sở), do Phòng Quản lý khoa học công nghệ cơ sở và Sở hữu trí tuệ chủ trì, thời hạn tháng 06/2024.',
    );
  });

  it('ends with the closing sentence, addressed to whom the profile sends the report', () => {
    expect(m.body.at(-1)).toEqual({
      type: 'paragraph',
      text: 'Trên đây là tình hình thực hiện nhiệm vụ tháng 6 năm 2024 của các phòng, đơn vị; Văn phòng Sở tổng hợp, báo cáo Giám đốc Sở xem xét, chỉ đạo./.',
    });
    const input = juneInput();
    delete input.profile.documents;
    expect(buildReportModel(input).body.at(-1)).toEqual({
      type: 'paragraph',
      text: 'Trên đây là tình hình thực hiện nhiệm vụ tháng 6 năm 2024 của các phòng, đơn vị; Văn phòng Sở tổng hợp, báo cáo Lãnh đạo Sở xem xét, chỉ đạo./.',
    });
  });

  it('with no submissions, each section still says something true', () => {
    const b = buildReportModel({ ...juneInput(), submissions: [], previousSubmissions: [] }).body;
    expect(section(b, 'I')).toContain('Tính đến ngày 21/06/2024, chưa có phòng, đơn vị nào nộp báo cáo.');
    expect(section(b, 'I')).toContain('Có 05 phòng, đơn vị chưa nộp báo cáo:');
    expect(section(b, 'II')).toContain('tất cả đều chưa có báo cáo');
    expect(section(b, 'II')).toContain('Chưa có phòng, đơn vị nào gửi báo cáo trong kỳ');
    expect(section(b, 'III')).toContain('Không có nhiệm vụ nào chưa hoàn thành đã quá hạn.');
    expect(section(b, 'IV')).toContain('Chưa có báo cáo nào được gửi nên chưa tổng hợp được khó khăn, vướng mắc');
  });

  it('with no issues at all, section IV says so in a sentence', () => {
    const input = juneInput();
    input.submissions = input.submissions.map((h) =>
      h.data ? { ...h, data: { ...h.data, tasks: h.data.tasks.map((t) => ({ ...t, difficulties: '', proposals: '', needsDecision: false })) } } : h,
    );
    expect(section(buildReportModel(input).body, 'IV')).toBe('Các phòng, đơn vị không báo cáo khó khăn, vướng mắc và không có đề xuất, kiến nghị.');
  });
});

describe('UBND body', () => {
  const m = buildReportModel(juneInput('ubnd'));
  const all = textOf(m.body);

  it('opens with the formal sentence citing the assigning decision', () => {
    expect(m.body[0]).toEqual({
      type: 'paragraph',
      text: 'Thực hiện Quyết định số 184/QĐ-UBND ngày 24/01/2024 của Chủ tịch UBND tỉnh và Kế hoạch số 15/KH-KHCN ngày 05/02/2024 về thực hiện nhiệm vụ trọng tâm và nhiệm vụ chấp thuận của Giám đốc Sở Khoa học và Công nghệ năm 2024, Sở Khoa học và Công nghệ báo cáo kết quả thực hiện nhiệm vụ tháng 6 năm 2024 như sau:',
    });
  });

  it('falls back to the plan, then to the reporting regime, when tasks cite no document', () => {
    const input = juneInput('ubnd');
    input.plan!.tasks = input.plan!.tasks.map(({ sourceDocument: _s, ...t }) => t);
    expect((buildReportModel(input).body[0] as { text: string }).text).toBe(
      'Thực hiện Kế hoạch số 15/KH-KHCN ngày 05/02/2024 về thực hiện nhiệm vụ trọng tâm và nhiệm vụ chấp thuận của Giám đốc Sở Khoa học và Công nghệ năm 2024, Sở Khoa học và Công nghệ báo cáo kết quả thực hiện nhiệm vụ tháng 6 năm 2024 như sau:',
    );
    // A plan whose number was left blank (a draft's "số /KH-KHCN") is never cited with the blank.
    const blank = juneInput('ubnd');
    blank.plan!.tasks = blank.plan!.tasks.map(({ sourceDocument: _s, ...t }) => t);
    blank.plan!.sourceDocument = 'Kế hoạch số /KH-KHCN ngày /02/2024';
    expect((buildReportModel(blank).body[0] as { text: string }).text).toBe(
      'Thực hiện kế hoạch thực hiện nhiệm vụ trọng tâm và nhiệm vụ chấp thuận của Giám đốc Sở Khoa học và Công nghệ năm 2024, Sở Khoa học và Công nghệ báo cáo kết quả thực hiện nhiệm vụ tháng 6 năm 2024 như sau:',
    );
    const none = buildReportModel({ ...juneInput('ubnd'), plan: undefined });
    expect((none.body[0] as { text: string }).text).toBe(
      'Thực hiện chế độ báo cáo định kỳ theo quy định, Sở Khoa học và Công nghệ báo cáo kết quả thực hiện nhiệm vụ tháng 6 năm 2024 như sau:',
    );
  });

  it('without a plan, section I says so once and lists no provincial tasks', () => {
    const s = section(buildReportModel({ ...juneInput('ubnd'), plan: undefined }).body, 'I');
    expect(s).toContain('Chưa có kế hoạch thực hiện nhiệm vụ năm 2024 trong hệ thống');
    expect(s).not.toContain('nhiệm vụ trọng tâm do Chủ tịch UBND tỉnh giao');
    expect(s).toContain('Ngoài ra, Sở KH&CN đã thực hiện các nhiệm vụ thường xuyên, đột xuất, phát sinh sau:');
  });

  it('has the four sections in order and the closing sentence', () => {
    expect(level1(m.body)).toEqual(['I. KẾT QUẢ THỰC HIỆN', 'II. KHÓ KHĂN, VƯỚNG MẮC', 'III. ĐỀ XUẤT, KIẾN NGHỊ', 'IV. PHƯƠNG HƯỚNG NHIỆM VỤ KỲ TỚI']);
    const last = m.body.at(-1) as { type: string; text: string };
    expect(last.type).toBe('paragraph');
    expect(last.text).toContain('Sở Khoa học và Công nghệ báo cáo Ủy ban nhân dân tỉnh xem xét, chỉ đạo./.');
  });

  it('section I: summary figures, then the tasks assigned by the Chủ tịch UBND tỉnh one by one', () => {
    const s = section(m.body, 'I');
    expect(s).toContain('Trong tháng 6 năm 2024, Sở Khoa học và Công nghệ triển khai thực hiện 06 nhiệm vụ theo kế hoạch, trong đó:');
    expect(s).toContain('Không có nhiệm vụ nào chưa hoàn thành đã quá hạn.');
    const start = s.indexOf('2. Kết quả thực hiện các nhiệm vụ trọng tâm do Chủ tịch UBND tỉnh giao');
    const approved = s.indexOf('3. Kết quả thực hiện các nhiệm vụ chấp thuận');
    expect(start).toBeGreaterThan(0);
    expect(approved).toBeGreaterThan(start);
    const trongTam = s.slice(start, approved);
    expect(trongTam).toContain('a) Nhiệm vụ 1: Hỗ trợ 03 doanh nghiệp');
    expect(trongTam).toContain('b) Nhiệm vụ 2: Chỉ đạo thực hiện');
    expect(trongTam).toContain('c) Nhiệm vụ 3: Nâng cao chất lượng xét đánh giá, công nhận sáng kiến cơ sở.');
    expect(trongTam).toContain(
      'Kết quả: Đã xin ý kiến thành viên Hội đồng sáng kiến tỉnh. Tiến độ đạt 80%. Nhiệm vụ chưa hoàn thành, còn trong hạn. Thời hạn hoàn thành: tháng 06/2024.',
    );
    // An indicator carries its parent task.
    expect(s.slice(approved)).toContain('b) Nhiệm vụ 2 - Chỉ tiêu 1: Nâng cao chất lượng công tác thanh tra');
    expect(s).toContain('Ngoài ra, Sở KH&CN đã thực hiện các nhiệm vụ thường xuyên, đột xuất, phát sinh sau:');
  });

  it('is external: no unit named as late, no proposal addressed to the Sở leaders', () => {
    expect(all).not.toContain('muộn');
    expect(all).not.toContain('lưu nháp');
    expect(all).not.toContain('Xin ý kiến Lãnh đạo Sở');
  });

  it('section II and III: difficulties, and proposals to the province', () => {
    expect(section(m.body, 'II')).toMatch(/Nhiệm vụ I\.1 \([^)]*\): Doanh nghiệp đăng ký tham gia còn ít\./);
    expect(section(m.body, 'III')).toMatch(/Nhiệm vụ I\.2 \([^)]*\): Đề nghị UBND tỉnh bổ sung kinh phí nghiệm thu\./);
  });

  it('a proposal reaches the province only when the unit addressed it to UBND tỉnh', () => {
    const proposal = 'Đề nghị UBND tỉnh cho phép điều chỉnh thời hạn do Bộ chỉ số GPI chưa được công bố';
    const toLeaders = juneInput('ubnd');
    toLeaders.submissions.push(submitted('QLCN', '2024-06', [report('II-3', { status: 'de-xuat-dieu-chinh', progress: 20, proposals: proposal })]));
    const internal = buildReportModel(toLeaders);
    expect(section(internal.body, 'III')).not.toContain('Bộ chỉ số GPI');
    expect(JSON.stringify(internal)).not.toContain('Bộ chỉ số GPI');
    const toProvince = juneInput('ubnd');
    toProvince.submissions.push(
      submitted('QLCN', '2024-06', [report('II-3', { status: 'de-xuat-dieu-chinh', progress: 20, proposals: proposal, proposalTo: 'ubnd-tinh' })]),
    );
    expect(section(buildReportModel(toProvince).body, 'III')).toMatch(
      /Nhiệm vụ II\.3 \([^)]*\): Đề nghị UBND tỉnh cho phép điều chỉnh thời hạn do Bộ chỉ số GPI chưa được công bố\./,
    );
  });

  it('zero wording when there is nothing to report', () => {
    const input = juneInput('ubnd');
    input.submissions = input.submissions.map((h) =>
      h.data ? { ...h, data: { ...h.data, tasks: h.data.tasks.map((t) => ({ ...t, difficulties: '', proposals: '', needsDecision: false })) } } : h,
    );
    const b = buildReportModel(input).body;
    expect(section(b, 'II')).toBe('Trong kỳ, việc thực hiện các nhiệm vụ không phát sinh khó khăn, vướng mắc.');
    expect(section(b, 'III')).toBe('Sở Khoa học và Công nghệ không có đề xuất, kiến nghị trong kỳ.');
  });

  it('section IV: next period, provincial priorities in plan order, and a standing line', () => {
    const s = section(m.body, 'IV');
    expect(s).toContain('Trong tháng 7 năm 2024, Sở Khoa học và Công nghệ tập trung thực hiện các nội dung sau:');
    expect(s.indexOf('Nhiệm vụ I.1')).toBeLessThan(s.indexOf('Nhiệm vụ I.2'));
    expect(s).toContain('Tiếp tục triển khai các nhiệm vụ theo kế hoạch năm 2024, bảo đảm tiến độ và chất lượng.');
  });
});

describe('wording rules that hold for every body', () => {
  const bodies: [string, AggregateInput][] = [
    ['director June', juneInput('director')],
    ['ubnd June', juneInput('ubnd')],
    ['director no plan', { ...juneInput('director'), plan: undefined }],
    ['ubnd no submissions', { ...juneInput('ubnd'), submissions: [], previousSubmissions: [] }],
    ['director Q2', { ...juneInput('director'), period: parsePeriod('2024-Q2') }],
  ];

  it.each(bodies)('%s: counts below 10 have a leading zero', (_n, input) => {
    const t = textOf(buildReportModel(input).body);
    expect(t).not.toMatch(/(^|[^\d/.,])\d (nhiệm vụ|phòng, đơn vị|đề xuất)/u);
    expect(t).not.toMatch(/\bCó 0 /u); // zero is worded, never "Có 0 …"
  });

  it.each(bodies)('%s: paragraphs are finished sentences, no leaked placeholders', (_n, input) => {
    for (const b of buildReportModel(input).body) {
      const texts = b.type === 'paragraph' ? [b.text] : b.type === 'bullets' ? b.items : [];
      for (const t of texts) {
        expect(t, t).toMatch(/[.:)]$/u);
        expect(t).not.toMatch(/undefined|null|NaN|\[object/u);
        expect(t).not.toMatch(/\.\./u);
        // Starts with a capital, or is a lettered point ("a) …") whose text does.
        const start = t.replace(/^[a-zđ]\) /u, '');
        expect(start.charAt(0), t).toBe(start.charAt(0).toLocaleUpperCase('vi'));
      }
    }
  });
});

describe('format helpers', () => {
  it('so() pads 0–9', () => {
    // Zero is worded in sentences; were one printed, "00" would read as a blank form field.
    expect([so(0), so(1), so(5), so(9), so(10), so(123)]).toEqual(['0', '01', '05', '09', '10', '123']);
  });
  it('joins lists the Vietnamese way', () => {
    expect(joinVi(['A'])).toBe('A');
    expect(joinVi(['A', 'B'])).toBe('A và B');
    expect(joinVi(['A', 'B', 'C'])).toBe('A, B và C');
    expect(joinNames(['Phòng X và Y', 'Thanh tra Sở'])).toBe('Phòng X và Y; Thanh tra Sở');
  });
  it('percent with a decimal comma', () => {
    expect(percentVi(1, 6)).toBe('16,7%');
    expect(percentVi(1, 2)).toBe('50%');
    expect(percentVi(0, 0)).toBe('0%');
  });
  it('turns free text into a sentence', () => {
    expect(sentence('  đã ký hợp đồng;  ')).toBe('Đã ký hợp đồng.');
    expect(sentence('Xong!')).toBe('Xong!');
    expect(sentence('')).toBe('');
    expect(sentence('dòng 1\ndòng 2')).toBe('Dòng 1 dòng 2.');
  });
  it('shortens long contents at a word boundary', () => {
    expect(brief('một hai ba bốn năm', 3)).toBe('một hai ba…');
    expect(brief('một hai ba', 3)).toBe('một hai ba');
  });
  it('the superior without its place name', () => {
    expect(superiorShort('Ủy ban nhân dân tỉnh Bắc Giang', 'Bắc Giang')).toBe('Ủy ban nhân dân tỉnh');
    expect(superiorShort('Ủy ban nhân dân thành phố Hà Nội', 'Hà Nội')).toBe('Ủy ban nhân dân thành phố');
    expect(superiorShort('Ủy ban nhân dân tỉnh Bắc Ninh', 'Từ Sơn')).toBe('Ủy ban nhân dân tỉnh Bắc Ninh');
  });
});

describe('text an official signs without editing', () => {
  it('a progress that fell is stated with its reason in the body, not as "no progress"', () => {
    const input = juneInput();
    input.submissions = input.submissions.map((h) =>
      h.unit === 'QLKH' && h.data
        ? { ...h, data: { ...h.data, tasks: [report('I-2', { progress: 30, reason: 'Hội đồng đánh giá lại khối lượng, giảm 02 nhiệm vụ đã tính trùng' })] } }
        : h,
    );
    const b = buildReportModel(input).body;
    expect(section(b, 'II')).toContain(
      'Tiến độ đạt 30%, giảm 10 điểm phần trăm so với kỳ trước, lý do: Hội đồng đánh giá lại khối lượng, giảm 02 nhiệm vụ đã tính trùng.',
    );
    const iii = section(b, 'III');
    expect(iii).toContain('Có 01 nhiệm vụ có tiến độ giảm so với kỳ trước:');
    expect(iii).toMatch(
      /Nhiệm vụ I\.2 \([^)]*\) do Phòng Quản lý Khoa học chủ trì: tiến độ giảm từ 40% còn 30%\. Lý do: Hội đồng đánh giá lại khối lượng, giảm 02 nhiệm vụ đã tính trùng\./u,
    );
    expect(iii).not.toContain('không có tiến triển');
  });

  it.each(['director', 'ubnd'] as const)('%s: every unfinished task falling due next month is in "Phương hướng", a finished one is not', (audience) => {
    const input = juneInput(audience);
    // Three tasks due in July: one unfinished and reported, one never reported, one already finished in June.
    input.plan!.tasks = input.plan!.tasks.map((t) =>
      ['I-1', 'II-1', 'II-3'].includes(t.id) ? { ...t, finish: { kind: 'month' as const, year: 2024, month: 7 } } : t,
    );
    input.submissions.push(
      submitted('QLCN', '2024-06', [report('II-3', { status: 'hoan-thanh', progress: 100, completedOn: '2024-06-10', result: 'Ban hành Kế hoạch' })]),
    );
    const m = buildReportModel({
      ...input,
      submissions: input.submissions.map((h) =>
        h.unit === 'CCTCDLCL' && h.data ? { ...h, data: { ...h.data, tasks: h.data.tasks.filter((t) => t.taskId === 'I-1') } } : h,
      ),
    });
    const outlook = section(m.body, audience === 'director' ? 'V' : 'IV');
    expect(m.outlook.filter((o) => o.reason === 'due-next').map((o) => o.taskId)).toEqual(['I-1', 'II-1']);
    expect(outlook).toContain('Có 02 nhiệm vụ theo kế hoạch đến hạn hoàn thành trong tháng 7 năm 2024');
    expect(outlook).toMatch(/Nhiệm vụ I\.1 \([^)]*\), do Chi cục Tiêu chuẩn Đo lường Chất lượng chủ trì, thời hạn tháng 07\/2024\./u);
    expect(outlook).toMatch(/Nhiệm vụ II\.1 \([^)]*\), do Chi cục Tiêu chuẩn Đo lường Chất lượng chủ trì, thời hạn tháng 07\/2024\./u);
    expect(outlook).not.toContain('II.3');
  });
});
