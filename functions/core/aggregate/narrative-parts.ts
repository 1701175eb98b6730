/**
 * Sentences both audiences share: the figures of the period, task references, a task's result as
 * a sentence, the next period and the tasks falling due in it.
 * flow: narrative-director / narrative-ubnd --> narrative-parts --> format (pure)
 */
import type { AgencyProfile } from '../agency.ts';
import { localDate, monthIndex, type LocalDate } from '../clock.ts';
import { taskDeadline, type Plan, type PlanTask } from '../plan.ts';
import { makePeriod, nextMonthlyPeriod, parsePeriod, periodLabel, type Period, type PeriodWindow } from '../period.ts';
import type { Block, CountRow, IssueRow, PriorityRow, ReportModel, StatusCounts, SubmissionRow, TaskStatus } from '../report-model.ts';
import { brief, clause, dateVi, deltaVi, lowerFirst, percentVi, sentence, so } from './format.ts';
import type { BuiltRow } from './task-rows.ts';
import { isFinished } from './task-status.ts';

/** Everything the body text is written from. */
export interface NarrativeContext {
  profile: AgencyProfile;
  plan: Plan | undefined;
  period: Period;
  /** "tháng 5 năm 2024". */
  label: string;
  window: PeriodWindow;
  submissionDeadline: LocalDate;
  issueDate: LocalDate;
  built: BuiltRow[];
  totals: StatusCounts;
  byUnit: CountRow[];
  submissions: SubmissionRow[];
  issues: IssueRow[];
  priorities: PriorityRow[];
  otherWork: ReportModel['otherWork'];
  /** Whether any unit submitted data in the window. */
  anySubmitted: boolean;
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
export function taskNo(task: PlanTask): string {
  return task.group.numeral ? `${task.group.numeral}.${task.number}` : task.number;
}

/** Plan content without its own "Nhiệm vụ 1:" / "Chỉ tiêu 2:" prefix, shortened for a reference. */
export function shortContent(content: string, maxWords = 24): string {
  return brief(clause(content).replace(/^(nhiệm vụ|chỉ tiêu)\s*[\d.]*\s*:\s*/iu, ''), maxWords);
}

/** "nhiệm vụ I.2 (Đẩy mạnh việc ứng dụng…)". */
export function taskRef(task: PlanTask, maxWords = 24): string {
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

/** "đã hoàn thành 03 nhiệm vụ (02 đúng hạn, 01 quá hạn)" and the like, zero parts left out. */
function pairPart(verb: string, a: number, aWord: string, b: number, bWord: string): string | undefined {
  const n = a + b;
  if (n === 0) return undefined;
  if (a > 0 && b > 0) return `${verb} ${so(n)} nhiệm vụ (${so(a)} ${aWord}, ${so(b)} ${bWord})`;
  const word = a > 0 ? aWord : bWord;
  return `${verb} ${so(n)} nhiệm vụ, ${n === 1 ? '' : 'đều '}${word}`;
}

/**
 * How counts split by status, to follow "N nhiệm vụ, …": "tất cả đều hoàn thành đúng hạn" when
 * one status covers all, else "trong đó: đã hoàn thành 02 nhiệm vụ (01 đúng hạn, 01 quá hạn); …".
 */
export function breakdownPhrase(c: StatusCounts): string {
  const statuses = (Object.keys(STATUS_PHRASE) as TaskStatus[]).filter((s) => c[s] > 0);
  if (statuses.length === 1) return `${c.total === 1 ? 'hiện' : 'tất cả đều'} ${STATUS_PHRASE[statuses[0]!]}`;
  const parts = [
    pairPart('đã hoàn thành', c['hoan-thanh-dung-han'], 'đúng hạn', c['hoan-thanh-qua-han'], 'quá hạn'),
    pairPart('chưa hoàn thành', c['chua-hoan-thanh-trong-han'], 'còn trong hạn', c['chua-hoan-thanh-qua-han'], 'đã quá hạn'),
    c['chua-trien-khai'] > 0 ? `chưa triển khai ${so(c['chua-trien-khai'])} nhiệm vụ` : undefined,
    c['chua-co-bao-cao'] > 0 ? `${so(c['chua-co-bao-cao'])} nhiệm vụ chưa có báo cáo` : undefined,
  ].filter((x): x is string => x !== undefined);
  return `trong đó: ${parts.join('; ')}`;
}

/**
 * The period's figures as one sentence, e.g. "Trong tháng 5 năm 2024, các phòng, đơn vị thực hiện
 * 06 nhiệm vụ theo kế hoạch, trong đó: đã hoàn thành 02 nhiệm vụ (…); chưa hoàn thành …", then
 * the completion rate. `who` is the sentence's subject.
 */
export function figuresSentences(ctx: NarrativeContext, who: string): string[] {
  const c = ctx.totals;
  if (!ctx.plan) {
    return [
      `Chưa có kế hoạch thực hiện nhiệm vụ năm ${ctx.period.lastMonth.year} trong hệ thống nên báo cáo chưa tổng hợp được kết quả theo từng nhiệm vụ.`,
    ];
  }
  if (c.total === 0) return [`Trong ${ctx.label} không có nhiệm vụ nào theo kế hoạch đến kỳ thực hiện.`];
  const out: string[] = [`Trong ${ctx.label}, ${who} ${so(c.total)} nhiệm vụ theo kế hoạch, ${breakdownPhrase(c)}.`];
  const done = c['hoan-thanh-dung-han'] + c['hoan-thanh-qua-han'];
  if (done > 0 && done < c.total) out.push(`Tỷ lệ nhiệm vụ đã hoàn thành đạt ${percentVi(done, c.total)}.`);
  if (!ctx.anySubmitted) {
    out.push('Chưa có phòng, đơn vị nào gửi báo cáo trong kỳ nên chưa có kết quả thực hiện nhiệm vụ mới để tổng hợp.');
  }
  return out;
}

/** Product reached against the target: "Sản phẩm đạt 02/03 doanh nghiệp được hỗ trợ." */
function productSentence(b: BuiltRow): string | undefined {
  const reached = b.row.productReached;
  if (reached === undefined) return undefined;
  const p = b.task.product;
  const target = p?.quantity !== undefined ? `/${so(p.quantity)}` : '';
  const measure = p?.measure ? ` ${clause(p.measure)}` : '';
  return `Sản phẩm đạt ${so(reached)}${target}${measure}.`;
}

/**
 * A task's result as sentences: what was done, progress and its change, product, status, and
 * (for a longer period) which monthly report the figures come from.
 */
export function resultSentences(b: BuiltRow, period: Period): string {
  const { row, origin } = b;
  if (origin === 'none') return `Đơn vị chủ trì chưa báo cáo kết quả thực hiện trong kỳ.`;
  if (origin === 'carried') {
    const on = row.completedOn ? ` ngày ${dateVi(row.completedOn)}` : ' từ kỳ trước';
    const source = row.fromPeriod ? ` (theo báo cáo ${labelOfPeriodId(row.fromPeriod)})` : '';
    const r = row.result ? ` ${sentence(row.result)}` : '';
    return `Nhiệm vụ ${STATUS_PHRASE[row.status]}${on}${source}.${r}`;
  }
  const parts: string[] = [];
  if (row.result) parts.push(sentence(row.result));
  if (row.reportedStatus === 'de-xuat-dieu-chinh') parts.push('Đơn vị chủ trì đề xuất điều chỉnh, dừng thực hiện nhiệm vụ.');
  if (!isFinished(row.status) && row.reportedStatus !== 'chua-trien-khai' && row.progress !== undefined) {
    const delta = row.progressDelta !== undefined ? `, ${deltaVi(row.progressDelta)} so với kỳ trước` : '';
    parts.push(`Tiến độ đạt ${row.progress}%${delta}.`);
  }
  const product = productSentence(b);
  if (product) parts.push(product);
  const on = isFinished(row.status) && row.completedOn ? ` ngày ${dateVi(row.completedOn)}` : '';
  parts.push(`Nhiệm vụ ${STATUS_PHRASE[row.status]}${on}.`);
  if (row.reason && (row.status === 'hoan-thanh-qua-han' || row.status === 'chua-hoan-thanh-qua-han')) {
    parts.push(`Lý do: ${lowerFirst(sentence(row.reason))}`);
  }
  // Worth saying only when the figures are older than the period's last month.
  const lastMonthId = makePeriod('monthly', period.lastMonth.year, period.lastMonth.month).id;
  if (period.kind !== 'monthly' && row.fromPeriod && row.fromPeriod !== lastMonthId) {
    parts.push(`(Số liệu theo báo cáo ${labelOfPeriodId(row.fromPeriod)}.)`);
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

/** Plan tasks whose deadline falls in `next` and that are not already finished, in plan order. */
export function tasksDueIn(ctx: NarrativeContext, next: Period): PlanTask[] {
  if (!ctx.plan) return [];
  const first = monthIndex(next.firstMonth.year, next.firstMonth.month);
  const last = monthIndex(next.lastMonth.year, next.lastMonth.month);
  const status = new Map(ctx.built.map((b) => [b.task.id, b.row.status]));
  return [...ctx.plan.tasks]
    .sort((a, b) => a.order - b.order)
    .filter((t) => {
      const d = taskDeadline(t);
      if (!d) return false;
      const m = monthIndex(Number(d.slice(0, 4)), Number(d.slice(5, 7)));
      const s = status.get(t.id);
      return m >= first && m <= last && !(s && isFinished(s));
    });
}

/** "thời hạn tháng 11/2024" / "thời hạn theo Kế hoạch 483/KH-UBND". */
export function deadlinePhrase(b: BuiltRow): string {
  return b.row.deadlineText ? `thời hạn ${lowerFirst(b.row.deadlineText)}` : 'chưa xác định thời hạn';
}

/** Block builders shared by both audiences' bodies. */
export const h1 = (text: string): Block => ({ type: 'heading', level: 1, text });
export const h2 = (text: string): Block => ({ type: 'heading', level: 2, text });
export const p = (...sentences: string[]): Block => ({ type: 'paragraph', text: sentences.filter(Boolean).join(' ') });
export const ul = (items: string[]): Block => ({ type: 'bullets', items });
