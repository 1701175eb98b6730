/**
 * Sentences both audiences share: the figures of the period, task references, a task's result as
 * sentences (every month of a longer period), and the block builders with the numbers they state.
 * flow: narrative-director / narrative-ubnd --> narrative-parts --> format, claims (pure)
 */
import type { AgencyProfile, Audience } from '../agency.ts';
import { localDate, type LocalDate } from '../clock.ts';
import type { Plan, PlanTask } from '../plan.ts';
import type { PlanDocument } from '../plan-document.ts';
import { reachedList, reachedText, taskProductParts } from '../product.ts';
import { makePeriod, nextMonthlyPeriod, parsePeriod, periodLabel, type Period, type PeriodWindow } from '../period.ts';
import type {
  Block,
  CountRow,
  DirectionRow,
  IssueRow,
  OutlookRow,
  PriorityRow,
  ReportModel,
  StatusCounts,
  SubmissionMonth,
  TaskFilter,
  TaskStatus,
} from '../report-model.ts';
import type { Counter } from './claims.ts';
import { asTyped, brief, clause, dateVi, deltaVi, monthRef, sentence } from './format.ts';
import type { BuiltRow } from './task-rows.ts';
import { isFinished } from './task-status.ts';

/** Everything the body text is written from. */
export interface NarrativeContext {
  audience: Audience;
  profile: AgencyProfile;
  plan: Plan | undefined;
  planDocument: PlanDocument | undefined;
  period: Period;
  /** "tháng 5 năm 2024". */
  label: string;
  window: PeriodWindow;
  submissionDeadline: LocalDate;
  issueDate: LocalDate;
  built: BuiltRow[];
  totals: StatusCounts;
  byUnit: CountRow[];
  months: SubmissionMonth[];
  issues: IssueRow[];
  priorities: PriorityRow[];
  /** The leaders' directions the report prints (core/aggregate/directions.ts). */
  directions?: DirectionRow[];
  outlook: OutlookRow[];
  /** Next year's plan, when the annual report has it. */
  nextPlan: Plan | undefined;
  otherWork: ReportModel['otherWork'];
  /** Whether any unit submitted data in the window. */
  anySubmitted: boolean;
  /** Names of the document's issuer and addressee, for the closing sentence. */
  issuerName: string;
  kinhGui: string[];
}

/** Status in running text (lower case, as it reads after "nhiệm vụ"). */
export const STATUS_PHRASE: Record<TaskStatus, string> = {
  'hoan-thanh-dung-han': 'đã hoàn thành đúng hạn',
  'hoan-thanh-qua-han': 'đã hoàn thành quá hạn',
  'chua-hoan-thanh-trong-han': 'chưa hoàn thành, còn trong hạn',
  'chua-hoan-thanh-qua-han': 'chưa hoàn thành, đã quá hạn',
  'chua-trien-khai': 'chưa triển khai',
  'chua-co-bao-cao': 'chưa có báo cáo',
};

/** Lettered points of official documents (the Vietnamese alphabet has no f, j, w, z). */
const LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];
export function letter(i: number): string {
  return LETTERS[i] ?? String(i + 1);
}

/** "I.2", "II.2.1": group numeral and number, unambiguous across groups. */
export function taskNo(task: Pick<PlanTask, 'group' | 'number'>): string {
  return task.group.numeral ? `${task.group.numeral}.${task.number}` : task.number;
}

/** Plan content without its own "Nhiệm vụ 1:" / "Chỉ tiêu 2:" prefix, shortened for a reference. */
export function shortContent(content: string, maxWords = 24): string {
  return brief(clause(content).replace(/^(nhiệm vụ|chỉ tiêu)\s*[\d.]*\s*:\s*/iu, ''), maxWords);
}

/** "nhiệm vụ I.2 (Đẩy mạnh việc ứng dụng…)". */
export function taskRef(task: Pick<PlanTask, 'group' | 'number' | 'content'>, maxWords = 24): string {
  return `nhiệm vụ ${taskNo(task)} (${shortContent(task.content, maxWords)})`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** "tháng 5 năm 2024" for a period id, or the id itself when it is not one. */
export function labelOfPeriodId(id: string): string {
  try {
    return periodLabel(parsePeriod(id));
  } catch {
    return id;
  }
}

/** Local date of an ISO instant in the agency's zone. */
export function dayOf(instant: string, profile: AgencyProfile): LocalDate {
  return localDate(new Date(instant), profile.timeZone);
}

export const FINISHED: TaskStatus[] = ['hoan-thanh-dung-han', 'hoan-thanh-qua-han'];
export const UNFINISHED: TaskStatus[] = ['chua-hoan-thanh-trong-han', 'chua-hoan-thanh-qua-han'];

/**
 * How counts split by status, to follow "N nhiệm vụ, …": "tất cả đều hoàn thành đúng hạn" when
 * one status covers all, else "trong đó: đã hoàn thành 02 nhiệm vụ (01 đúng hạn, 01 quá hạn); …".
 * `scope` narrows the rows the numbers count (a unit, a group of categories).
 */
export function breakdownPhrase(c: StatusCounts, n: Counter, scope: TaskFilter = {}): string {
  const statuses = (Object.keys(STATUS_PHRASE) as TaskStatus[]).filter((s) => c[s] > 0);
  if (statuses.length === 1) return `${c.total === 1 ? 'hiện' : 'tất cả đều'} ${STATUS_PHRASE[statuses[0]!]}`;
  const pair = (verb: string, a: TaskStatus, aWord: string, b: TaskStatus, bWord: string): string | undefined => {
    const total = c[a] + c[b];
    if (total === 0) return undefined;
    const all = n.tasks({ ...scope, status: [a, b] }, total);
    if (c[a] > 0 && c[b] > 0)
      return `${verb} ${all} nhiệm vụ (${n.tasks({ ...scope, status: [a] }, c[a])} ${aWord}, ${n.tasks({ ...scope, status: [b] }, c[b])} ${bWord})`;
    return `${verb} ${all} nhiệm vụ, ${total === 1 ? '' : 'đều '}${c[a] > 0 ? aWord : bWord}`;
  };
  const parts = [
    pair('đã hoàn thành', 'hoan-thanh-dung-han', 'đúng hạn', 'hoan-thanh-qua-han', 'quá hạn'),
    pair('chưa hoàn thành', 'chua-hoan-thanh-trong-han', 'còn trong hạn', 'chua-hoan-thanh-qua-han', 'đã quá hạn'),
    c['chua-trien-khai'] > 0 ? `chưa triển khai ${n.tasks({ ...scope, status: ['chua-trien-khai'] }, c['chua-trien-khai'])} nhiệm vụ` : undefined,
    c['chua-co-bao-cao'] > 0 ? `${n.tasks({ ...scope, status: ['chua-co-bao-cao'] }, c['chua-co-bao-cao'])} nhiệm vụ chưa có báo cáo` : undefined,
  ].filter((x): x is string => x !== undefined);
  return `trong đó: ${parts.join('; ')}`;
}

/**
 * The period's figures, e.g. "Tính đến ngày 14/06/2024 (ngày chốt số liệu quý II năm 2024), các
 * phòng, đơn vị thực hiện 06 nhiệm vụ theo kế hoạch, trong đó: …", then the completion rate.
 */
export function figuresSentences(ctx: NarrativeContext, who: string, n: Counter): string[] {
  const c = ctx.totals;
  if (!ctx.plan) {
    return [`Chưa có kế hoạch thực hiện nhiệm vụ năm ${ctx.period.lastMonth.year} trong hệ thống nên báo cáo chưa tổng hợp được kết quả theo từng nhiệm vụ.`];
  }
  if (c.total === 0) return [`Trong ${ctx.label} không có nhiệm vụ nào theo kế hoạch đến kỳ thực hiện.`];
  const when = ctx.period.kind === 'monthly' ? `Trong ${ctx.label}` : `Tính đến ngày ${dateVi(ctx.window.to)}, ngày chốt số liệu ${ctx.label}`;
  const out: string[] = [`${when}, ${who} ${n.tasks({}, c.total)} nhiệm vụ theo kế hoạch, ${breakdownPhrase(c, n)}.`];
  const done = c['hoan-thanh-dung-han'] + c['hoan-thanh-qua-han'];
  if (done > 0 && done < c.total) out.push(`Tỷ lệ nhiệm vụ đã hoàn thành đạt ${n.percent({ status: FINISHED }, {}, done, c.total)}.`);
  if (!ctx.anySubmitted) {
    out.push('Chưa có phòng, đơn vị nào gửi báo cáo trong kỳ nên chưa có kết quả thực hiện nhiệm vụ mới để tổng hợp.');
  }
  return out;
}

/** Product reached against the target: "Sản phẩm đạt 02/03 doanh nghiệp được hỗ trợ.", part by part (core/product.ts). */
function productSentence(b: BuiltRow): string | undefined {
  const reached = reachedList(b.row.productReached);
  if (!reached) return undefined;
  const parts = taskProductParts(b.task).map((p) => (p.measure ? { ...p, measure: clause(p.measure) } : p));
  const target = parts.map((p) => clause(p.text)).join('; ');
  if (reached.every((n) => n === null || n === 0)) return target ? `Chưa có sản phẩm (chỉ tiêu ${target}).` : 'Chưa có sản phẩm.';
  return `Sản phẩm đạt ${reachedText(parts, reached, { against: true })}.`;
}

/** A quantity as the seeds write one ("03 doanh nghiệp"); fractions with a decimal comma. */
export function quantity(q: number): string {
  if (!Number.isInteger(q)) return String(q).replace('.', ',');
  return q >= 1 && q < 10 ? `0${q}` : String(q);
}

/** "Tiến độ đạt 60%, tăng 20 điểm phần trăm so với kỳ trước." / a longer period's start and end. */
function progressSentence(b: BuiltRow, period: Period): string | undefined {
  const { row } = b;
  if (row.progress === undefined || isFinished(row.status) || row.reportedStatus === 'chua-trien-khai') return undefined;
  const start = row.progressStart;
  if (period.kind !== 'monthly' && start !== undefined) {
    if (row.progress > start) return `Tiến độ tăng từ ${start}% (đầu kỳ) lên ${row.progress}%.`;
    if (row.progress === start) return `Tiến độ đạt ${row.progress}%, không thay đổi so với đầu kỳ.`;
    const why = row.reason ? `, lý do: ${clause(row.reason)}` : '';
    return `Tiến độ giảm từ ${start}% (đầu kỳ) còn ${row.progress}%${why}.`;
  }
  const delta = row.progressDelta !== undefined && period.kind === 'monthly' ? `, ${deltaVi(row.progressDelta)} so với kỳ trước` : '';
  const why = row.progressDelta !== undefined && row.progressDelta < 0 && row.reason ? `, lý do: ${clause(row.reason)}` : '';
  return `Tiến độ đạt ${row.progress}%${delta}${why}.`;
}

/**
 * A task's result as sentences: what was done (each month of a longer period), progress and its
 * change (with the reason when it fell), product, status.
 */
export function resultSentences(b: BuiltRow, period: Period, audience: Audience = 'director'): string {
  const { row, origin } = b;
  // The province reads the Sở's results, not which of its units reported when.
  const internal = audience === 'director';
  if (origin === 'none') {
    const last = b.before ? ` Theo báo cáo ${monthRef(b.before.period)}, tiến độ đạt ${b.before.report.progress}%.` : '';
    const late = row.status === 'chua-hoan-thanh-qua-han' ? ' Nhiệm vụ chưa hoàn thành, đã quá hạn.' : '';
    return `${internal ? 'Đơn vị chủ trì chưa báo cáo kết quả thực hiện trong kỳ.' : 'Chưa có kết quả thực hiện trong kỳ.'}${late}${last}`;
  }
  if (origin === 'carried') {
    const on = row.completedOn ? ` ngày ${dateVi(row.completedOn)}` : ' từ kỳ trước';
    const source = row.fromPeriod ? ` (theo báo cáo ${monthRef(row.fromPeriod)})` : '';
    const r = row.result ? ` ${sentence(row.result)}` : '';
    return `Nhiệm vụ ${STATUS_PHRASE[row.status]}${on}${source}.${r}`;
  }
  const parts: string[] = [];
  if (row.result) parts.push(period.kind === 'monthly' ? sentence(row.result) : row.result);
  if (row.reportedStatus === 'de-xuat-dieu-chinh') parts.push('Đơn vị chủ trì đề xuất điều chỉnh, dừng thực hiện nhiệm vụ.');
  const progress = progressSentence(b, period);
  if (progress) parts.push(progress);
  const product = productSentence(b);
  if (product) parts.push(product);
  const on = isFinished(row.status) && row.completedOn ? ` ngày ${dateVi(row.completedOn)}` : '';
  parts.push(`Nhiệm vụ ${STATUS_PHRASE[row.status]}${on}.`);
  if (row.reason && (row.status === 'hoan-thanh-qua-han' || row.status === 'chua-hoan-thanh-qua-han') && !(progress ?? '').includes('lý do')) {
    parts.push(`Lý do: ${asTyped(row.reason)}`);
  }
  // A longer period's figures from an earlier month than its last: say which (a finished task
  // needs no later report).
  const lastMonthId = makePeriod('monthly', period.lastMonth.year, period.lastMonth.month).id;
  if (period.kind !== 'monthly' && row.fromPeriod && row.fromPeriod !== lastMonthId && !isFinished(row.status)) {
    parts.push(
      internal ? `(Số liệu theo báo cáo ${monthRef(row.fromPeriod)}, đơn vị chưa báo cáo các tháng sau.)` : `(Số liệu đến ${monthRef(row.fromPeriod)}.)`,
    );
  }
  return parts.join(' ');
}

/** Plan content with its enclosing items: "Nhiệm vụ 2 - Chỉ tiêu 1: …". */
export function fullContent(b: BuiltRow): string {
  return [...(b.row.parents ?? []), b.row.content].map(clause).join(' - ');
}

/** The next period of the same length: the month after, the quarter after, … (nine months → quý IV). */
export function nextPeriodOf(period: Period): Period {
  switch (period.kind) {
    case 'monthly':
      return nextMonthlyPeriod(period);
    case 'quarterly':
      return period.index === 4 ? makePeriod('quarterly', period.year + 1, 1) : makePeriod('quarterly', period.year, period.index + 1);
    case 'half-year':
      return period.index === 2 ? makePeriod('half-year', period.year + 1, 1) : makePeriod('half-year', period.year, 2);
    case 'nine-months':
      return makePeriod('quarterly', period.year, 4);
    case 'annual':
      return makePeriod('annual', period.year + 1, 12);
  }
}

/** "thời hạn tháng 11/2024" / "thời hạn theo Kế hoạch 483/KH-UBND". */
export function deadlinePhrase(deadlineText: string): string {
  if (!deadlineText) return 'chưa xác định thời hạn';
  const t = /^Tháng /u.test(deadlineText) ? `t${deadlineText.slice(1)}` : /^Theo /u.test(deadlineText) ? `t${deadlineText.slice(1)}` : deadlineText;
  return `thời hạn ${t}`;
}

/** Block builders shared by both audiences' bodies; paragraphs and lists take the numbers stated so far. */
export const h1 = (text: string): Block => ({ type: 'heading', level: 1, text });
export const h2 = (text: string): Block => ({ type: 'heading', level: 2, text });
export function p(n: Counter, ...sentences: string[]): Block {
  const claims = n.take();
  const text = sentences.filter(Boolean).join(' ');
  return claims.length > 0 ? { type: 'paragraph', text, claims } : { type: 'paragraph', text };
}
export function ul(n: Counter, items: string[]): Block {
  const claims = n.take();
  return claims.length > 0 ? { type: 'bullets', items, claims } : { type: 'bullets', items };
}
