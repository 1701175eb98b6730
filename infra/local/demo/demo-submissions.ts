/**
 * A realistic two months of submissions for the demo agency (April and May 2024), made through
 * the same submit/draft use cases a unit's form calls, at the dates they would have happened:
 * in May two units submit on time (QLKH, TTR), one late (CCTCDLCL), one only saves a draft (QLCN), one never submits (QLKHCNCS).
 * Figures follow each task's milestones, so the reports built from them read like real ones.
 * flow: load demo --> demo submissions --> submissions use case
 */
import type { Principal } from '../../../functions/core/auth.ts';
import { zonedInstant, monthIndex } from '../../../functions/core/clock.ts';
import { makePeriod } from '../../../functions/core/period.ts';
import { timeMonthIndex, type Milestone, type PlanTask } from '../../../functions/core/plan.ts';
import type { OtherWork, ProposalAddressee, SubmissionData, TaskReport } from '../../../functions/core/submission.ts';
import { dueTasks } from '../../../functions/usecases/due-tasks.ts';
import { saveDraft, submit, type Stores } from '../../../functions/usecases/submissions.ts';

type Behaviour = { kind: 'submit'; day: number; hour: number } | { kind: 'draft'; day: number } | { kind: 'none' };

/** Who does what in May 2024 (April: everyone submits on time). */
const MAY: Record<string, Behaviour> = {
  QLKH: { kind: 'submit', day: 17, hour: 9 },
  TTR: { kind: 'submit', day: 18, hour: 15 },
  QLKHCNCS: { kind: 'none' },
  CCTCDLCL: { kind: 'submit', day: 22, hour: 10 },
  QLCN: { kind: 'draft', day: 19 },
  VP: { kind: 'none' },
};

const REPORTERS: Record<string, string> = {
  QLKH: 'Nguyễn Thị Nga',
  TTR: 'Trần Minh Đức',
  QLKHCNCS: 'Phạm Thị Thu Huế',
  CCTCDLCL: 'Hoàng Văn Thắng',
  QLCN: 'Đỗ Thị Lan',
  VP: 'Vũ Thị Hằng',
  TTUD: 'Lương Văn Bình',
};

/**
 * Difficulties and proposals a unit raised, keyed by a word of the task's content. Most are
 * addressed to the Sở's leaders (internal); Thanh tra's asks UBND tỉnh, so the report to the
 * province has one proposal of its own and none of the internal ones.
 */
const ISSUES: { unit: string; match: RegExp; difficulties: string; proposals: string; needsDecision: boolean; proposalTo?: ProposalAddressee }[] = [
  {
    unit: 'CCTCDLCL',
    match: /doanh nghiệp/i,
    difficulties:
      'Số doanh nghiệp đăng ký tham gia chương trình đảm bảo đo lường còn ít (mới có 01/03 doanh nghiệp); một số doanh nghiệp chưa bố trí được cán bộ phụ trách đo lường.',
    proposals:
      'Đề nghị Lãnh đạo Sở chỉ đạo phối hợp với Hiệp hội Doanh nghiệp tỉnh vận động doanh nghiệp tham gia; xin ý kiến Lãnh đạo Sở về việc gia hạn thời gian đăng ký đến hết tháng 6/2024.',
    needsDecision: true,
  },
  {
    unit: 'QLKH',
    match: /nghiệm thu|ứng dụng, nhân rộng/i,
    difficulties: 'Một số tổ chức chủ trì chậm nộp hồ sơ đánh giá, nghiệm thu nhiệm vụ so với hợp đồng.',
    proposals: 'Đề nghị Lãnh đạo Sở có văn bản đôn đốc các tổ chức chủ trì hoàn thiện hồ sơ trước ngày 15/6/2024.',
    needsDecision: true,
  },
  {
    unit: 'QLCN',
    match: /GPI|đổi mới sáng tạo/i,
    difficulties: 'Bộ chỉ số đổi mới sáng tạo cấp tỉnh (GPI) năm 2023 chưa được Bộ Khoa học và Công nghệ công bố chính thức.',
    proposals: 'Tiếp tục theo dõi; xây dựng dự thảo kế hoạch ngay khi có kết quả công bố.',
    needsDecision: false,
  },
  {
    unit: 'TTR',
    match: /thanh tra/i,
    difficulties: 'Lực lượng thanh tra chuyên ngành của Sở mỏng (02 thanh tra viên) trong khi số cuộc thanh tra, kiểm tra theo kế hoạch năm 2024 tăng.',
    proposals: 'Đề nghị UBND tỉnh xem xét, bổ sung 01 biên chế thanh tra viên chuyên ngành cho Thanh tra Sở Khoa học và Công nghệ năm 2025.',
    needsDecision: false,
    proposalTo: 'ubnd-tinh',
  },
];

const OTHER_WORK: Record<string, OtherWork[]> = {
  QLKH: [
    { kind: 'thuong-xuyen', text: 'Thẩm định nội dung 04 thuyết minh nhiệm vụ KH&CN cấp tỉnh bắt đầu thực hiện năm 2024.' },
    { kind: 'dot-xuat', text: 'Tham mưu văn bản góp ý dự thảo Nghị quyết của HĐND tỉnh về chính sách hỗ trợ phát triển KH&CN theo đề nghị của Sở Tư pháp.' },
  ],
  TTR: [{ kind: 'thuong-xuyen', text: 'Tiếp công dân định kỳ; trong kỳ không phát sinh đơn thư khiếu nại, tố cáo.' }],
  CCTCDLCL: [
    { kind: 'thuong-xuyen', text: 'Tiếp nhận và xử lý 26 hồ sơ công bố hợp chuẩn, hợp quy đúng thời hạn.' },
    { kind: 'dot-xuat', text: 'Phối hợp Quản lý thị trường kiểm tra đo lường tại 05 cửa hàng xăng dầu theo chỉ đạo của UBND tỉnh.' },
  ],
  QLKHCNCS: [{ kind: 'thuong-xuyen', text: 'Hướng dẫn 03 tổ chức, cá nhân lập hồ sơ đăng ký nhãn hiệu.' }],
  QLCN: [{ kind: 'thuong-xuyen', text: 'Thẩm định công nghệ 02 dự án đầu tư theo đề nghị của Sở Kế hoạch và Đầu tư.' }],
};

const monthOf = timeMonthIndex;

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function clean(s: string): string {
  return s.replace(/^[-+·•\s]+/u, '').replace(/[.;:\s]+$/u, '');
}

/** What a unit reports for a task in a month, following its milestones. */
function reportFor(unit: string, task: PlanTask, year: number, month: number): TaskReport {
  const now = monthIndex(year, month);
  const ms = task.milestones.length ? task.milestones : [{ text: task.content, ...(task.finish ? { finish: task.finish } : {}) } as Milestone];
  const dueNow = ms.filter((m) => monthOf(m.finish ?? m.start) === now);
  const doneSoFar = ms.filter((m) => (monthOf(m.finish ?? m.start) ?? Infinity) <= now).length;
  const next = ms.filter((m) => monthOf(m.start ?? m.finish) === now + 1 || monthOf(m.finish) === now + 1);
  const finish = monthOf(task.finish);
  const finished = finish !== undefined && finish <= now && doneSoFar === ms.length;
  // Half from the steps done, half from the time elapsed: figures that move a little every month.
  const start = monthOf(task.start) ?? monthIndex(year, 1);
  const end = finish ?? monthIndex(year, 12);
  const elapsed = Math.min(1, Math.max(0, (now - start + 1) / (end - start + 1)));
  const progress = finished ? 100 : Math.max(5, Math.min(95, Math.round(50 * (doneSoFar / ms.length) + 50 * elapsed)));
  const issue = ISSUES.find((i) => i.unit === unit && i.match.test(task.content));
  const result = dueNow.length
    ? `Trong kỳ đã ${dueNow.map((m) => lowerFirst(clean(m.text))).join('; ')}.`
    : `Tiếp tục triển khai các nội dung theo kế hoạch; lũy kế hoàn thành ${doneSoFar}/${ms.length} nội dung.`;
  return {
    taskId: task.id,
    status: finished ? 'hoan-thanh' : 'dang-thuc-hien',
    progress,
    result,
    ...(finished ? { completedOn: `${year}-${String(month).padStart(2, '0')}-10` } : {}),
    ...(task.product?.quantity !== undefined
      ? { productReached: [finished ? task.product.quantity : Math.floor((task.product.quantity * progress) / 100)] }
      : {}),
    difficulties: month === 5 && issue ? issue.difficulties : '',
    proposals: month === 5 && issue ? issue.proposals : '',
    needsDecision: month === 5 && issue ? issue.needsDecision : false,
    ...(month === 5 && issue?.proposalTo ? { proposalTo: issue.proposalTo } : {}),
    nextPlan: finished ? '' : next.length ? `${next.map((m) => clean(m.text)).join('; ')}.` : 'Tiếp tục triển khai theo kế hoạch.',
  };
}

export async function loadDemoSubmissions(stores: Stores, agencyId: string, units: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const month of [4, 5]) {
    const period = makePeriod('monthly', 2024, month);
    for (const unit of units) {
      const behaviour: Behaviour = month === 4 ? { kind: 'submit', day: 16, hour: 10 } : (MAY[unit] ?? { kind: 'none' });
      if (behaviour.kind === 'none') continue;
      const due = await dueTasks(stores, agencyId, unit, period);
      if (due.tasks.length === 0) continue;
      const data: SubmissionData = {
        reporterName: REPORTERS[unit] ?? 'Cán bộ đầu mối',
        otherWork: month === 5 ? (OTHER_WORK[unit] ?? []) : [],
        tasks: due.tasks.map((t) => reportFor(unit, t, 2024, month)),
      };
      const p: Principal = { sub: `demo-${unit.toLowerCase()}`, role: 'unit', unit, agencyId, name: data.reporterName };
      const date = `2024-${String(month).padStart(2, '0')}-${String(behaviour.day).padStart(2, '0')}`;
      if (behaviour.kind === 'draft') {
        await saveDraft(stores, p, { period: period.id, unit, data }, zonedInstant(date, 'Asia/Ho_Chi_Minh', 14));
        out.push(`${period.id} ${unit}: lưu nháp ${date}`);
      } else {
        const at = zonedInstant(date, 'Asia/Ho_Chi_Minh', behaviour.hour);
        const r = await submit(stores, p, { period: period.id, unit, baseRevision: 0, data }, at);
        out.push(`${period.id} ${unit}: gửi ${date} (${r.head.onTime ? 'đúng hạn' : 'muộn'})`);
      }
    }
  }
  return out;
}
