/**
 * A small 2024 plan of the demo agency's units (five tasks of seed 004, assigned by the Chủ tịch
 * UBND tỉnh) and a one-task report, for the integration tests that need an agency with a plan and
 * a few submissions rather than the whole demo.
 */
import type { Plan } from '../../functions/core/plan.ts';
import type { TaskReport } from '../../functions/core/submission.ts';

/** Content of each task, by id: what the documents print. */
export const TASK_TEXT = {
  'I-1': 'Hỗ trợ 03 doanh nghiệp triển khai xây dựng, áp dụng chương trình đảm bảo đo lường',
  'I-2': 'Đẩy mạnh việc ứng dụng, nhân rộng kết quả các nhiệm vụ khoa học và công nghệ',
  'I-3': 'Nâng cao chất lượng xét đánh giá, công nhận sáng kiến cơ sở',
  'I-4': 'Xây dựng kế hoạch cải thiện chỉ số đổi mới sáng tạo cấp tỉnh (PII)',
  'I-5': 'Ứng dụng tiến bộ kỹ thuật sản xuất giống nấm ăn, nấm dược liệu',
} as const;

/** Lead unit, first and last month of each task. */
const TASKS: [keyof typeof TASK_TEXT, string, number, number][] = [
  ['I-1', 'CCTCDLCL', 1, 11],
  ['I-2', 'QLKH', 1, 12],
  ['I-3', 'QLKHCNCS', 1, 6],
  ['I-4', 'QLCN', 3, 12],
  ['I-5', 'TTUD', 2, 10],
];

/** The plan with its first `tasks` tasks (all five by default). */
export function smallPlan(agencyId: string, tasks = TASKS.length): Plan {
  return {
    agencyId,
    year: 2024,
    tasks: TASKS.slice(0, tasks).map(([id, leadUnit, start, finish], i) => ({
      id,
      number: String(i + 1),
      group: { numeral: 'I', title: 'NHIỆM VỤ TRỌNG TÂM DO CHỦ TỊCH UBND TỈNH GIAO' },
      category: 'trong-tam-ubnd' as const,
      content: TASK_TEXT[id],
      leadUnit,
      coordinatingUnits: [],
      start: { kind: 'month' as const, year: 2024, month: start },
      finish: { kind: 'month' as const, year: 2024, month: finish },
      milestones: [],
      order: i + 1,
    })),
  };
}

/** A task under way at `progress` %, with an ordinary result and nothing for the leaders. */
export function taskReport(taskId: string, progress: number): TaskReport {
  return {
    taskId,
    status: 'dang-thuc-hien',
    progress,
    result: 'Đã triển khai các nội dung theo kế hoạch.',
    difficulties: '',
    proposals: '',
    needsDecision: false,
    nextPlan: 'Tiếp tục triển khai.',
  };
}

/**
 * The small plan's first three tasks, with I-2's target in two parts as seed 004 gives it (its
 * steps' products "20 nhiệm vụ" and "05 hội nghị"): one product box per part in the form.
 */
export function twoPartPlan(agencyId: string): Plan {
  const plan = smallPlan(agencyId, 3);
  const i2 = plan.tasks.find((t) => t.id === 'I-2')!;
  i2.milestones = [
    { text: 'Tổ chức nghiệm thu nhiệm vụ KH&CN cấp quốc gia, cấp tỉnh đúng tiến độ', product: { text: '20 nhiệm vụ', quantity: 20, measure: 'nhiệm vụ' } },
    { text: 'Tổ chức hội nghị chuyển giao sản phẩm của các nhiệm vụ KH&CN', product: { text: '05 hội nghị', quantity: 5, measure: 'hội nghị' } },
  ];
  return plan;
}
