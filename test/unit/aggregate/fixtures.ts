/**
 * Test fixtures: the Bắc Giang 2024 profile (read from infra/local/demo/agency-2024.yaml)
 * and a handful of tasks from seed 004's plan, plus builders for task reports and submission heads.
 * flow: aggregate tests --> fixtures
 */
import type { AgencyProfile, Audience } from '../../../functions/core/agency.ts';
import { demoProfile } from '../../support/demo-profile.ts';
import type { AggregateInput } from '../../../functions/core/aggregate/build-report-model.ts';
import { parsePeriod } from '../../../functions/core/period.ts';
import type { Plan, PlanTask, TaskCategory } from '../../../functions/core/plan.ts';
import type { OtherWork, SubmissionHead, TaskReport } from '../../../functions/core/submission.ts';

export const AGENCY = 'skhcn-bacgiang';

/** The demo agency's profile (infra/local/demo/agency-2024.yaml): the same one the local stack and the bench use. */
export function profile2024(): AgencyProfile {
  return demoProfile();
}

const TRONG_TAM = { numeral: 'I', title: 'NHIỆM VỤ TRỌNG TÂM' };
const CHAP_THUAN = { numeral: 'II', title: 'NHIỆM VỤ CHẤP THUẬN' };
const QD184 = 'Quyết định số 184/QĐ-UBND ngày 24/01/2024 của Chủ tịch UBND tỉnh';

function task(
  order: number,
  id: string,
  number: string,
  group: { numeral: string; title: string },
  category: TaskCategory,
  leadUnit: string,
  content: string,
  extra: Partial<PlanTask> = {},
): PlanTask {
  return { id, number, group, category, leadUnit, content, coordinatingUnits: [], milestones: [], order, ...extra };
}

const month = (m: number) => ({ kind: 'month' as const, year: 2024, month: m });

/** Seed 004 (Bắc Giang, 2024): trọng tâm tasks 1–3 and chấp thuận tasks 1, 2.1, 3. */
export function plan2024(): Plan {
  return {
    agencyId: AGENCY,
    year: 2024,
    title: 'Kế hoạch thực hiện nhiệm vụ trọng tâm và nhiệm vụ chấp thuận của Giám đốc Sở Khoa học và Công nghệ năm 2024',
    sourceDocument: 'Kế hoạch số 15/KH-KHCN ngày 05/02/2024',
    tasks: [
      task(
        1,
        'I-1',
        '1',
        TRONG_TAM,
        'trong-tam-ubnd',
        'CCTCDLCL',
        'Nhiệm vụ 1: Hỗ trợ 03 doanh nghiệp triển khai xây dựng, áp dụng chương trình đảm bảo đo lường theo Kế hoạch số 409/KH-UBND ngày 30/8/2021 của UBND tỉnh',
        {
          start: month(2),
          finish: month(11),
          directingLeader: 'ngo-chi-vinh',
          product: { text: '03 doanh nghiệp được hỗ trợ', quantity: 3, measure: 'doanh nghiệp được hỗ trợ' },
          coordinatingUnits: ['Phòng Hành chính và Quản lý Đo lường'],
          sourceDocument: QD184,
        },
      ),
      task(
        2,
        'I-2',
        '2',
        TRONG_TAM,
        'trong-tam-ubnd',
        'QLKH',
        'Nhiệm vụ 2: Chỉ đạo thực hiện Đẩy mạnh việc ứng dụng, nhân rộng kết quả các nhiệm vụ khoa học và công nghệ vào sản xuất và đời sống',
        {
          start: month(4),
          finish: month(12),
          directingLeader: 'tran-van-an',
          product: { text: '20 nhiệm vụ', quantity: 20, measure: 'nhiệm vụ' },
          sourceDocument: QD184,
        },
      ),
      task(3, 'I-3', '3', TRONG_TAM, 'trong-tam-ubnd', 'QLKHCNCS', 'Nhiệm vụ 3: Nâng cao chất lượng xét đánh giá, công nhận sáng kiến cơ sở', {
        start: month(4),
        finish: month(6),
        directingLeader: 'ngo-chi-vinh',
        product: { text: '01 VB hướng dẫn của HĐ sáng kiến tỉnh', quantity: 1 },
        sourceDocument: QD184,
      }),
      task(
        4,
        'II-1',
        '1',
        CHAP_THUAN,
        'chap-thuan',
        'CCTCDLCL',
        'Nhiệm vụ 1: Xây dựng thí điểm áp dụng công cụ 5S tại một số cơ quan, đơn vị thường xuyên tiếp xúc với công dân',
        { start: month(2), finish: month(12), directingLeader: 'ngo-chi-vinh', sourceDocument: QD184 },
      ),
      task(
        5,
        'II-2-1',
        '2.1',
        CHAP_THUAN,
        'chap-thuan',
        'TTR',
        'Chỉ tiêu 1: Nâng cao chất lượng công tác thanh tra, kiểm tra các lĩnh vực dễ phát sinh tham nhũng, tiêu cực',
        { parents: ['Nhiệm vụ 2'], finish: { kind: 'text', text: 'Theo Kế hoạch thanh tra năm 2024' }, sourceDocument: QD184 },
      ),
      task(
        6,
        'II-3',
        '3',
        CHAP_THUAN,
        'chap-thuan',
        'QLCN',
        'Nhiệm vụ 3: Khắc phục có hiệu quả những chỉ tiêu dưới mức bình quân chung cả nước của chỉ số đổi mới sáng tạo cấp tỉnh (GPI)',
        { start: month(1), finish: month(12), directingLeader: 'tran-van-an', sourceDocument: QD184 },
      ),
    ],
  };
}

/** A task report with defaults; override what the test is about. */
export function report(taskId: string, over: Partial<TaskReport> = {}): TaskReport {
  return {
    taskId,
    status: 'dang-thuc-hien',
    progress: 50,
    result: '',
    difficulties: '',
    proposals: '',
    needsDecision: false,
    nextPlan: '',
    ...over,
  };
}

/** A submitted head (revision 1) for a unit and month, submitted at a local Vietnamese time. */
export function submitted(
  unit: string,
  period: string,
  tasks: TaskReport[],
  opts: { at?: string; onTime?: boolean; otherWork?: OtherWork[]; extra?: Record<string, unknown> } = {},
): SubmissionHead {
  const at = opts.at ?? `${period}-18T09:00:00+07:00`;
  const iso = new Date(at).toISOString();
  const head: SubmissionHead = {
    agencyId: AGENCY,
    period,
    unit,
    state: 'submitted',
    revision: 1,
    data: { tasks, otherWork: opts.otherWork ?? [], reporterName: 'Nguyễn Văn B', ...(opts.extra ?? {}) },
    firstSubmittedAt: iso,
    submittedAt: iso,
    updatedAt: iso,
  };
  if (opts.onTime !== undefined) head.onTime = opts.onTime;
  return head;
}

/** A head with only a draft saved. */
export function draftOnly(unit: string, period: string, tasks: TaskReport[] = []): SubmissionHead {
  return {
    agencyId: AGENCY,
    period,
    unit,
    state: 'draft',
    revision: 0,
    draft: { data: { tasks, otherWork: [], reporterName: 'Trần Thị C' }, savedAt: `${period}-19T02:00:00.000Z`, savedBy: 'u-1' },
    updatedAt: `${period}-19T02:00:00.000Z`,
  };
}

/**
 * June 2024 (window 15/5 → 14/6, deadline 20/6), a realistic mix:
 * - Chi cục (CCTCDLCL) on time: I-1 60% (40% in May) with a proposal needing a decision, II-1 not started;
 * - QLKH late (22/6): I-2 at 40% like May, a proposal addressed to the province, next month's plan;
 * - QLKHCNCS on time: I-3 (deadline June) at 80%;
 * - Thanh tra (TTR): draft only, so its free-text-deadline task II-2-1 has no report;
 * - QLCN: finished II-3 in May and does not report it again;
 * - Văn phòng (VP): no plan task, submits other work only.
 */
export function juneInput(audience: Audience = 'director'): AggregateInput {
  return {
    profile: profile2024(),
    plan: plan2024(),
    period: parsePeriod('2024-06'),
    audience,
    issueDate: '2024-06-21',
    submissions: [
      submitted(
        'CCTCDLCL',
        '2024-06',
        [
          report('I-1', {
            progress: 60,
            result: 'Đã hoàn thành thủ tục đấu thầu, ký hợp đồng tư vấn',
            productReached: [1],
            difficulties: 'Doanh nghiệp đăng ký tham gia còn ít',
            proposals: 'Xin ý kiến Lãnh đạo Sở về việc gia hạn thời gian đăng ký',
            needsDecision: true,
            nextPlan: 'Tổ chức đào tạo, tập huấn cho doanh nghiệp',
          }),
          report('II-1', { status: 'chua-trien-khai', progress: 0 }),
        ],
        { otherWork: [{ kind: 'dot-xuat', text: 'Kiểm tra hàng đóng gói sẵn theo chỉ đạo của UBND tỉnh' }] },
      ),
      submitted(
        'QLKH',
        '2024-06',
        [
          report('I-2', {
            progress: 40,
            result: 'Tổ chức 02 hội đồng tư vấn xác định nhiệm vụ',
            proposals: 'Đề nghị UBND tỉnh bổ sung kinh phí nghiệm thu',
            proposalTo: 'ubnd-tinh',
            nextPlan: 'Nghiệm thu 05 nhiệm vụ cấp tỉnh',
          }),
        ],
        { at: '2024-06-22T10:00:00+07:00' },
      ),
      submitted('QLKHCNCS', '2024-06', [report('I-3', { progress: 80, result: 'Đã xin ý kiến thành viên Hội đồng sáng kiến tỉnh' })]),
      draftOnly('TTR', '2024-06', [report('II-2-1', { status: 'hoan-thanh', progress: 100 })]),
      submitted('VP', '2024-06', [], { otherWork: [{ kind: 'thuong-xuyen', text: 'Tổng hợp báo cáo tháng 5 gửi UBND tỉnh' }] }),
    ],
    previousSubmissions: [
      submitted('CCTCDLCL', '2024-05', [report('I-1', { progress: 40 })]),
      submitted('QLKH', '2024-05', [report('I-2', { progress: 40 })]),
      submitted('QLCN', '2024-05', [
        report('II-3', { status: 'hoan-thanh', progress: 100, completedOn: '2024-05-10', result: 'Ban hành Kế hoạch nâng hạng chỉ số GPI' }),
      ]),
    ],
  };
}
