/**
 * A synthetic agency for the benchmarks: profile (20–40 units), a plan of N tasks and two months
 * of unit submissions (April: everyone on time; May, the month compiled: most on time, a few late,
 * one draft, one missing), worded from the seeds' vocabulary. Deterministic for a seed; pure.
 * flow: bench/run --> synthetic --> load-agency (stores)
 *
 * The submissions follow the same rules the submit use case enforces (only due tasks, progress
 * never falls without a reason, a finished task is at 100% with a completion date no later than
 * the day it is reported), so load-agency can push them through that use case unchanged.
 */
import type { AgencyProfile, Leader, Unit, UnitKind } from '../functions/core/agency.ts';
import { demoProfile } from '../test/support/demo-profile.ts';
import { monthIndex, ymd, zonedInstant } from '../functions/core/clock.ts';
import { isTaskActive, type Plan, type PlanTask, type PlanTime, type TaskCategory } from '../functions/core/plan.ts';
import { makePeriod } from '../functions/core/period.ts';
import type { OtherWork, SubmissionData, TaskReport } from '../functions/core/submission.ts';

export interface SyntheticOptions {
  agencyId: string;
  tasks: number;
  seed?: number;
  /** Units in the profile; default from the task count, clamped to 20–40. */
  units?: number;
  year?: number;
}

/** What one unit does in one month. */
export interface SyntheticSubmission {
  unit: string;
  period: string;
  kind: 'submit' | 'draft';
  /** When it happens (drives "on time" / "late"). */
  at: Date;
  data: SubmissionData;
}

export interface SyntheticAgency {
  profile: AgencyProfile;
  plan: Plan;
  /** Oldest month first: the previous month, then the month the report is compiled for. */
  months: { period: string; submissions: SyntheticSubmission[]; missing: string[] }[];
  /** The month compiled, and the compile instant / issue date a Văn phòng would use. */
  period: string;
  compileAt: Date;
  issueDate: string;
}

/** mulberry32: tiny, fast, and the same sequence on every machine for a seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const between = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pad2 = (n: number) => String(n).padStart(2, '0');

export function toRoman(n: number): string {
  const table: [number, string][] = [
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

// ---- Vocabulary, taken from the seeds (000 Hà Tĩnh 2021, 002/004 Bắc Giang, 003 Quảng Ngãi) ----

const UNIT_BASE: { code: string; name: string; kind: UnitKind }[] = [
  { code: 'VP', name: 'Văn phòng Sở', kind: 'van-phong' },
  { code: 'KHTC', name: 'Phòng Kế hoạch Tài chính', kind: 'phong' },
  { code: 'QLKH', name: 'Phòng Quản lý Khoa học', kind: 'phong' },
  { code: 'QLKHCNCS', name: 'Phòng Quản lý khoa học công nghệ cơ sở và Sở hữu trí tuệ', kind: 'phong' },
  { code: 'QLCN', name: 'Phòng Quản lý Công nghệ và Thị trường công nghệ', kind: 'phong' },
  { code: 'TTTK', name: 'Phòng Thông tin Thống kê KH&CN', kind: 'phong' },
  { code: 'TTR', name: 'Thanh tra Sở', kind: 'thanh-tra' },
  { code: 'CCTCDLCL', name: 'Chi cục Tiêu chuẩn Đo lường Chất lượng', kind: 'chi-cuc' },
  { code: 'TTUD', name: 'Trung tâm Ứng dụng tiến bộ khoa học và công nghệ', kind: 'trung-tam' },
  { code: 'TTKT', name: 'Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng', kind: 'trung-tam' },
  { code: 'TTNAM', name: 'Trung tâm nghiên cứu phát triển nấm và tài nguyên sinh vật', kind: 'trung-tam' },
  { code: 'TTDV', name: 'Trung tâm Ứng dụng và Dịch vụ KH&CN', kind: 'trung-tam' },
];

/** Districts named in the seeds, for the stations a large Sở runs across the province. */
const DISTRICTS = [
  'Sơn Động',
  'Yên Dũng',
  'Việt Yên',
  'Lạng Giang',
  'Lục Nam',
  'Lục Ngạn',
  'Tân Yên',
  'Hiệp Hòa',
  'Yên Thế',
  'Kỳ Anh',
  'Hương Sơn',
  'Đức Thọ',
  'Can Lộc',
  'Thạch Hà',
  'Cẩm Xuyên',
  'Nghi Xuân',
  'Hương Khê',
  'Vũ Quang',
  'Sơn Hà',
  'Ba Tơ',
  'Minh Long',
  'Trà Bồng',
  'Nghĩa Hành',
  'Mộ Đức',
  'Đức Phổ',
  'Bình Sơn',
  'Tư Nghĩa',
  'Lý Sơn',
];

const LEADERS: Leader[] = [
  { id: 'do-khoa-van', name: 'Đỗ Khoa Văn', title: 'Giám đốc' },
  { id: 'bui-quang-hoan', name: 'Bùi Quang Hoàn', title: 'Phó Giám đốc' },
  { id: 'nguyen-huy-trong', name: 'Nguyễn Huy Trọng', title: 'Phó Giám đốc' },
  { id: 'phan-trong-binh', name: 'Phan Trọng Bình', title: 'Phó Giám đốc' },
];

const REPORTERS = [
  'Nguyễn Thị Nga',
  'Lê Thị Thanh Lợi',
  'Phạm Thị Thu Huế',
  'Trần Minh Đức',
  'Hoàng Văn Thắng',
  'Đỗ Thị Lan',
  'Vũ Thị Hằng',
  'Lương Văn Bình',
  'Ngô Chí Vinh',
  'Trần Phước Hiền',
];

const VERBS = [
  'Tham mưu UBND tỉnh ban hành',
  'Triển khai có hiệu quả',
  'Rà soát, bổ sung',
  'Tổ chức kiểm tra tiến độ',
  'Tổ chức nghiệm thu',
  'Xây dựng dự thảo',
  'Hoàn thiện hồ sơ trình',
  'Đôn đốc các cơ quan chủ trì hoàn thành',
  'Phối hợp với các sở, ngành tổ chức',
  'Thông báo kết quả',
  'Tổng hợp đề xuất, đặt hàng',
  'Hướng dẫn các tổ chức, cá nhân thực hiện',
  'Thanh tra việc chấp hành',
  'Tăng cường các hoạt động',
];

const OBJECTS = [
  'Quyết định quy định chức năng nhiệm vụ và cơ cấu tổ chức của Sở KH&CN',
  'quy hoạch lãnh đạo sở, lãnh đạo cấp phòng, đơn vị giai đoạn 2021-2026',
  'Đề án Công nghệ sinh học, đảm bảo giải ngân 100% kế hoạch vốn được HĐND và UBND tỉnh phê duyệt',
  'các nhiệm vụ KH&CN cấp Quốc gia (ít nhất 02 nhiệm vụ được Bộ KH&CN phê duyệt)',
  'Nghị quyết HĐND tỉnh về hỗ trợ khởi nghiệp đổi mới sáng tạo',
  'chính sách hỗ trợ phát triển tài sản trí tuệ, thị trường khoa học công nghệ và doanh nghiệp khoa học công nghệ',
  'số liệu đánh giá tốc độ đổi mới công nghệ',
  '02 dịch vụ công mức độ 4 thuộc thẩm quyền giải quyết của Sở KH&CN',
  'Kế hoạch Nghiên cứu, ứng dụng KH&CN cấp tỉnh',
  'chương trình đảm bảo đo lường tại doanh nghiệp, hợp tác xã',
  'công cụ 5S tại Bộ phận tiếp nhận và trả kết quả của UBND các huyện, thành phố',
  'các lĩnh vực dễ phát sinh tham nhũng, tiêu cực',
  'chỉ số đổi mới sáng tạo cấp tỉnh (GPI)',
  'văn bản hướng dẫn đánh giá, công nhận sáng kiến của Hội đồng sáng kiến tỉnh',
  'danh mục nhiệm vụ KH&CN năm 2025',
  'diễn tập ứng phó sự cố bức xạ hạt nhân',
  'các lớp tập huấn, đào tạo về khởi nghiệp đổi mới sáng tạo',
  'quy định pháp luật về đo lường đối với phương tiện đo nhóm 2',
  'mô hình sản xuất và phát triển nấm lim xanh (Ganoderma lucidum)',
  'hồ sơ công bố hợp chuẩn, hợp quy',
];

const PLACES = [
  'trên địa bàn tỉnh',
  'tại huyện Sơn Động',
  'tại huyện Yên Dũng',
  'tại các huyện miền núi',
  'tại các cơ quan, đơn vị thường xuyên tiếp xúc với công dân',
  '',
];

const LEGAL = [
  'theo Kế hoạch số 409/KH-UBND ngày 30/8/2021 của UBND tỉnh',
  'theo Nghị quyết số 123/2018/NQ-HĐND ngày 13/12/2018 của HĐND tỉnh',
  'theo Kế hoạch 483/KH-UBND ngày 14/12/2020 của UBND tỉnh',
  'theo Quyết định số 184/QĐ-UBND ngày 24/01/2024 của Chủ tịch UBND tỉnh',
  'theo Thông báo số 105/TB-UBND ngày 17/3/2021',
  'theo Kế hoạch số 76/KH-SKH&CN ngày 20/01/2021 của Sở KH&CN',
  '',
  '',
];

const PRODUCTS: { unit: string; quantity: [number, number] }[] = [
  { unit: 'doanh nghiệp được hỗ trợ', quantity: [2, 10] },
  { unit: 'nhiệm vụ được nghiệm thu', quantity: [5, 25] },
  { unit: 'hội nghị chuyển giao', quantity: [1, 6] },
  { unit: 'cơ quan, đơn vị được áp dụng', quantity: [1, 5] },
  { unit: 'cuộc thanh tra, kiểm tra', quantity: [2, 12] },
  { unit: 'sản phẩm mới đưa vào thị trường', quantity: [1, 4] },
  { unit: 'hồ sơ được thẩm định', quantity: [10, 60] },
];

const STEPS = [
  'Xây dựng công văn đăng ký',
  'Doanh nghiệp, hợp tác xã đăng ký',
  'Thực hiện thủ tục đấu thầu',
  'Tổ chức đào tạo, tập huấn',
  'Khảo sát thực trạng cơ quan, đơn vị',
  'Đề xuất giải pháp quản lý tại doanh nghiệp',
  'Xin ý kiến thành viên Hội đồng; tiếp thu ý kiến góp ý',
  'Báo cáo Lãnh đạo Sở danh mục nhiệm vụ',
  'Trình UBND tỉnh phê duyệt',
];

const RESULTS = [
  'Đã ban hành văn bản đôn đốc các tổ chức chủ trì hoàn thiện hồ sơ',
  'Đã tổ chức 02 hội đồng tư vấn xác định nhiệm vụ',
  'Đã hoàn thành khảo sát thực trạng tại các doanh nghiệp đăng ký',
  'Đã gửi văn bản đến các cơ quan, đơn vị, UBND các huyện, thành phố đăng ký tham gia',
  'Đã tổ chức kiểm tra tiến độ các nhiệm vụ đến hạn',
  'Đã trình Lãnh đạo Sở dự thảo quy chế; đang tiếp thu ý kiến góp ý',
  'Đã tiếp nhận và xử lý hồ sơ công bố hợp chuẩn, hợp quy đúng thời hạn',
  'Đang hoàn thiện thủ tục đấu thầu theo quy định',
  'Đã ban hành Quyết định thanh tra và thông báo đến đơn vị được thanh tra',
];

const DIFFICULTIES = [
  'Số doanh nghiệp đăng ký tham gia còn ít; một số doanh nghiệp chưa bố trí được cán bộ phụ trách.',
  'Một số tổ chức chủ trì chậm nộp hồ sơ đánh giá, nghiệm thu nhiệm vụ so với hợp đồng.',
  'Bộ chỉ số đổi mới sáng tạo cấp tỉnh (GPI) chưa được Bộ Khoa học và Công nghệ công bố chính thức.',
  'Kinh phí được giao chưa đáp ứng đủ khối lượng công việc theo kế hoạch.',
  'Nhân lực của phòng còn mỏng, cùng lúc thực hiện nhiều nhiệm vụ đột xuất.',
];

const PROPOSALS = [
  'Đề nghị Lãnh đạo Sở chỉ đạo phối hợp với Hiệp hội Doanh nghiệp tỉnh vận động doanh nghiệp tham gia.',
  'Xin ý kiến Lãnh đạo Sở về việc gia hạn thời gian thực hiện đến hết quý III.',
  'Đề nghị Lãnh đạo Sở có văn bản đôn đốc các tổ chức chủ trì hoàn thiện hồ sơ.',
  'Tiếp tục theo dõi; xây dựng dự thảo kế hoạch ngay khi có kết quả công bố.',
];

const OTHER: OtherWork[] = [
  { kind: 'thuong-xuyen', text: 'Thẩm định nội dung 04 thuyết minh nhiệm vụ KH&CN cấp tỉnh bắt đầu thực hiện năm 2024.' },
  { kind: 'dot-xuat', text: 'Tham mưu văn bản góp ý dự thảo Nghị quyết của HĐND tỉnh theo đề nghị của Sở Tư pháp.' },
  { kind: 'thuong-xuyen', text: 'Tiếp công dân định kỳ; trong kỳ không phát sinh đơn thư khiếu nại, tố cáo.' },
  { kind: 'dot-xuat', text: 'Phối hợp Quản lý thị trường kiểm tra đo lường tại 05 cửa hàng xăng dầu theo chỉ đạo của UBND tỉnh.' },
];

// ---- Generation ----

function makeUnits(count: number): Unit[] {
  const units: Unit[] = UNIT_BASE.slice(0, Math.min(count, UNIT_BASE.length)).map((u) => ({ ...u, emails: [`${u.code.toLowerCase()}@skhcn.example.vn`] }));
  for (let i = 0; units.length < count; i++) {
    const district = DISTRICTS[i % DISTRICTS.length]!;
    const code = `TRAM${pad2(i + 1)}`;
    units.push({
      code,
      name: `Trạm Ứng dụng KH&CN huyện ${district}${i >= DISTRICTS.length ? ` (${Math.floor(i / DISTRICTS.length) + 1})` : ''}`,
      kind: 'trung-tam',
      emails: [`${code.toLowerCase()}@skhcn.example.vn`],
    });
  }
  return units;
}

/**
 * The demo agency's profile (infra/local/demo/agency-2024.yaml: the one the local stack and the
 * tests use) with the synthetic agency's id, leaders and units: signers, recipients and documents
 * stay those of the demo, so the bench renders what a real compile renders.
 */
export function syntheticProfile(agencyId: string, units: Unit[]): AgencyProfile {
  return { ...demoProfile(), agencyId, leaders: LEADERS, units };
}

function sentenceFrom(r: Rand): string {
  const parts = [pick(r, VERBS), pick(r, OBJECTS), pick(r, PLACES), pick(r, LEGAL)].filter(Boolean);
  return `${parts.join(' ')}.`;
}

/** Start and finish months: most tasks run months long; some end before May (carried over or done). */
function taskTimes(r: Rand, year: number): { start?: PlanTime; finish?: PlanTime } {
  const roll = r();
  if (roll < 0.06) return { finish: { kind: 'text', text: pick(r, ['Theo Kế hoạch 483/KH-UBND', 'Ngay sau khi bộ chỉ số GPI được công bố', 'Thường xuyên']) } };
  // As in seed 000, most tasks run the whole year; the rest last a few months.
  if (roll < 0.66) return { start: { kind: 'month', year, month: between(r, 1, 3) }, finish: { kind: 'month', year, month: between(r, 10, 12) } };
  const start = between(r, 1, 8);
  const finish = Math.min(12, start + between(r, 0, 8));
  return { start: { kind: 'month', year, month: start }, finish: { kind: 'month', year, month: finish } };
}

function makeTask(
  r: Rand,
  id: string,
  number: string,
  group: { numeral: string; title: string },
  category: TaskCategory,
  unit: string,
  order: number,
  year: number,
  parents?: string[],
): PlanTask {
  const times = taskTimes(r, year);
  const withProduct = r() < 0.5;
  const p = pick(r, PRODUCTS);
  const qty = between(r, p.quantity[0], p.quantity[1]);
  const steps = between(r, 0, 3);
  const task: PlanTask = {
    id,
    number,
    group,
    category,
    content: r() < 0.3 ? `${sentenceFrom(r)} ${sentenceFrom(r)}` : sentenceFrom(r),
    leadUnit: unit,
    coordinatingUnits: [],
    directingLeader: pick(r, LEADERS).id,
    ...times,
    milestones: Array.from({ length: steps }, (_, i) => ({
      text: STEPS[(order + i) % STEPS.length]!,
      finish: { kind: 'month' as const, year, month: Math.min(12, 1 + ((order + i * 3) % 12)) },
    })),
    order,
  };
  if (withProduct) task.product = { text: `${pad2(qty)} ${p.unit}`, quantity: qty, measure: p.unit };
  if (parents) task.parents = parents;
  if (category !== 'ke-hoach') task.sourceDocument = 'Quyết định số 184/QĐ-UBND ngày 24/01/2024 của Chủ tịch UBND tỉnh';
  return task;
}

/** Splits `total` tasks over units with weights 0.8–1.2 (at most 300 for one unit: the API's limit per report). */
function shares(r: Rand, total: number, units: number): number[] {
  const w = Array.from({ length: units }, () => 0.8 + 0.4 * r());
  const sum = w.reduce((a, b) => a + b, 0);
  const out = w.map((x) => Math.min(300, Math.floor((x / sum) * total)));
  for (let i = 0; out.reduce((a, b) => a + b, 0) < total; i = (i + 1) % units) if (out[i]! < 300) out[i]! += 1;
  return out;
}

export function syntheticPlan(r: Rand, agencyId: string, year: number, units: Unit[], total: number): Plan {
  const tasks: PlanTask[] = [];
  // As in seed 004: a handful of tasks the Chủ tịch UBND tỉnh assigned or approved come first…
  const provincial = Math.min(12, Math.max(2, Math.round(total * 0.01)));
  const approved = Math.min(8, Math.max(1, Math.round(total * 0.005)));
  const groupI = { numeral: 'I', title: 'NHIỆM VỤ TRỌNG TÂM DO CHỦ TỊCH UBND TỈNH GIAO' };
  const groupII = { numeral: 'II', title: 'NHIỆM VỤ CHẤP THUẬN' };
  for (let i = 1; i <= provincial; i++) tasks.push(makeTask(r, `I-${i}`, String(i), groupI, 'trong-tam-ubnd', pick(r, units).code, tasks.length + 1, year));
  for (let i = 1; i <= approved; i++) tasks.push(makeTask(r, `II-${i}`, String(i), groupII, 'chap-thuan', pick(r, units).code, tasks.length + 1, year));
  // …then, as in seed 000, the Sở's own programme grouped by unit, with some tasks split into indicators.
  const split = shares(r, total - tasks.length, units.length);
  units.forEach((unit, u) => {
    const numeral = toRoman(u + 3);
    const group = { numeral, title: unit.name };
    let n = 0;
    for (let made = 0; made < split[u]!; ) {
      n += 1;
      const indicators = r() < 0.1 ? Math.min(between(r, 2, 4), split[u]! - made) : 0;
      if (indicators >= 2) {
        const parent = `Nhiệm vụ ${n}: ${pick(r, VERBS)} ${pick(r, OBJECTS)}`;
        for (let k = 1; k <= indicators; k++)
          tasks.push(makeTask(r, `${numeral}-${n}-${k}`, `${n}.${k}`, group, 'ke-hoach', unit.code, tasks.length + 1, year, [parent]));
        made += indicators;
      } else {
        tasks.push(
          makeTask(
            r,
            `${numeral}-${n}`,
            String(n),
            group,
            pick(r, ['ke-hoach', 'ke-hoach', 'ke-hoach', 'thuong-xuyen'] as const),
            unit.code,
            tasks.length + 1,
            year,
          ),
        );
        made += 1;
      }
    }
  });
  return {
    agencyId,
    year,
    title: 'KẾ HOẠCH THỰC HIỆN NHIỆM VỤ KH&CN NĂM 2024 (dữ liệu tổng hợp để đo hiệu năng)',
    sourceDocument: 'Kế hoạch số 12/KH-SKHCN ngày 20/02/2024 của Sở Khoa học và Công nghệ',
    tasks,
  };
}

function finishMonth(task: PlanTask): number | undefined {
  return task.finish?.kind === 'month' ? task.finish.month : undefined;
}

/** A task's fate through the year: when (if ever) it is finished, how fast it goes. */
interface Fate {
  doneMonth?: number;
  pace: number;
  notStarted: boolean;
}

function fateOf(r: Rand, task: PlanTask): Fate {
  const finish = finishMonth(task);
  const pace = 0.6 + 0.6 * r();
  const roll = r();
  const fate: Fate = { pace, notStarted: r() < 0.05 };
  if (finish !== undefined) {
    if (roll < 0.7)
      fate.doneMonth = finish; // on time
    else if (roll < 0.8) fate.doneMonth = Math.min(12, finish + 1); // a month late
  }
  return fate;
}

function reportFor(r: Rand, task: PlanTask, fate: Fate, year: number, month: number, day: number): TaskReport {
  const start = task.start?.kind === 'month' ? task.start.month : 1;
  const finish = finishMonth(task) ?? 12;
  const withIssue = r() < 0.12;
  const base: Omit<TaskReport, 'status' | 'progress'> = {
    taskId: task.id,
    result: `${pick(r, RESULTS)}; ${pick(r, RESULTS).toLowerCase()}.`,
    difficulties: withIssue ? pick(r, DIFFICULTIES) : '',
    proposals: withIssue && r() < 0.8 ? pick(r, PROPOSALS) : '',
    needsDecision: false,
    nextPlan: r() < 0.7 ? `Tiếp tục ${pick(r, STEPS).toLowerCase()}.` : '',
  };
  base.needsDecision = base.proposals !== '' && r() < 0.5;
  if (fate.doneMonth !== undefined && fate.doneMonth <= month) {
    // Done in an earlier month, or this month before the report is sent.
    const completedOn = ymd(year, fate.doneMonth, fate.doneMonth === month ? Math.min(10, day) : 10);
    const report: TaskReport = { ...base, status: 'hoan-thanh', progress: 100, completedOn, nextPlan: '' };
    if (fate.doneMonth > finish) report.reason = 'Chờ ý kiến thẩm định của các sở, ngành nên hoàn thành chậm một tháng.';
    if (task.product?.quantity !== undefined) report.productReached = [task.product.quantity];
    return report;
  }
  if (fate.notStarted && month === start) return { ...base, status: 'chua-trien-khai', progress: 0, result: '' };
  const elapsed = Math.min(1, (month - start + 1) / (finish - start + 1));
  const progress = Math.max(5, Math.min(95, Math.round(90 * elapsed * fate.pace)));
  const report: TaskReport = { ...base, status: 'dang-thuc-hien', progress };
  if (task.product?.quantity !== undefined) report.productReached = [Math.floor((task.product.quantity * progress) / 100)];
  return report;
}

/**
 * Builds the whole agency. `month` is the month compiled (default May): the previous month is
 * generated too, for progress deltas and carried-over tasks.
 */
export function syntheticAgency(o: SyntheticOptions & { month?: number }): SyntheticAgency {
  const seed = o.seed ?? 2024;
  const r = rng(seed * 1000003 + o.tasks);
  const year = o.year ?? 2024;
  const month = o.month ?? 5;
  const unitCount = o.units ?? Math.min(40, Math.max(20, Math.ceil(o.tasks / 250)));
  const units = makeUnits(unitCount);
  const profile = syntheticProfile(o.agencyId, units);
  const plan = syntheticPlan(r, o.agencyId, year, units, o.tasks);
  const fates = new Map(plan.tasks.map((t) => [t.id, fateOf(r, t)]));
  const byUnit = new Map<string, PlanTask[]>();
  for (const t of plan.tasks) byUnit.set(t.leadUnit, [...(byUnit.get(t.leadUnit) ?? []), t]);

  const lastStatus = new Map<string, TaskReport['status']>();
  const months: SyntheticAgency['months'] = [];
  for (const m of [month - 1, month]) {
    const period = makePeriod('monthly', year, m);
    const current = m === month;
    const submissions: SyntheticSubmission[] = [];
    const missing: string[] = [];
    units.forEach((unit, i) => {
      // The month compiled: the last unit never reports, the one before only saves a draft,
      // every seventh is late (after the 20th); the month before, everyone is on time.
      const kind = !current ? 'submit' : i === units.length - 1 ? 'none' : i === units.length - 2 ? 'draft' : 'submit';
      if (kind === 'none') {
        missing.push(unit.code);
        return;
      }
      const late = current && i % 7 === 3;
      const day = late ? between(r, 21, 24) : between(r, 15, 20);
      const mi = monthIndex(year, m);
      // Due as in usecases/due-tasks.ts: active this month, or ended earlier and not known finished.
      const due = (byUnit.get(unit.code) ?? []).filter((t) => {
        if (isTaskActive(t, year, period)) return true;
        const f = t.finish?.kind === 'month' ? monthIndex(t.finish.year, t.finish.month) : undefined;
        return f !== undefined && f < mi && lastStatus.get(t.id) !== 'hoan-thanh';
      });
      if (due.length === 0) return;
      const tasks = due.map((t) => reportFor(r, t, fates.get(t.id)!, year, m, day));
      if (kind === 'submit') for (const t of tasks) lastStatus.set(t.taskId, t.status);
      const otherWork = current ? OTHER.filter(() => r() < 0.4) : [];
      submissions.push({
        unit: unit.code,
        period: period.id,
        kind,
        at: zonedInstant(ymd(year, m, day), profile.timeZone, between(r, 8, 17), between(r, 0, 59)),
        data: { reporterName: pick(r, REPORTERS), otherWork, tasks },
      });
    });
    months.push({ period: period.id, submissions, missing });
  }
  return {
    profile,
    plan,
    months,
    period: makePeriod('monthly', year, month).id,
    compileAt: zonedInstant(ymd(year, month, 25), profile.timeZone, 9),
    issueDate: ymd(year, month, 25),
  };
}
