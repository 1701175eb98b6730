/**
 * Body text of the external report to UBND tỉnh: formal, in the Sở's own voice, no internal detail
 * about which unit was late. flow: narrative --> narrative-ubnd --> narrative-parts (pure)
 *
 * Opening sentence · I. KẾT QUẢ THỰC HIỆN (figures, then the tasks assigned by the Chủ tịch UBND
 * tỉnh one by one, then the approved ones) · II. KHÓ KHĂN, VƯỚNG MẮC · III. ĐỀ XUẤT, KIẾN NGHỊ ·
 * IV. PHƯƠNG HƯỚNG NHIỆM VỤ KỲ TỚI · closing "… báo cáo Ủy ban nhân dân tỉnh xem xét, chỉ đạo./.".
 *
 * Proposals that ask the Sở's own leaders for a decision (needsDecision) stay in the internal
 * report: they have not been decided yet and are not addressed to the province.
 */
import { periodLabel } from '../period.ts';
import { formatPlanTime, type TaskCategory } from '../plan.ts';
import type { Block } from '../report-model.ts';
import { clause, joinNames, joinVi, lowerFirst, sentence, so } from './format.ts';
import { countRows } from './counts.ts';
import {
  breakdownPhrase,
  capitalise,
  figuresSentences,
  fullContent,
  letter,
  nextPeriodOf,
  resultSentences,
  taskRef,
  tasksDueIn,
  type NarrativeContext,
  h1,
  h2,
  p,
  ul,
} from './narrative-parts.ts';
import type { BuiltRow } from './task-rows.ts';


/** Categories whose tasks the province assigned or approved: reported to it one by one. */
const PROVINCIAL: readonly TaskCategory[] = ['trong-tam-ubnd', 'chap-thuan'];

/** "Ủy ban nhân dân tỉnh" from "Ủy ban nhân dân tỉnh Bắc Giang": the place is already in "Kính gửi". */
export function superiorShort(superiorName: string, placeName: string): string {
  const suffix = ` ${placeName}`;
  return placeName && superiorName.endsWith(suffix) ? superiorName.slice(0, -suffix.length) : superiorName;
}

function opening(ctx: NarrativeContext): string {
  const sources: string[] = [];
  for (const t of [...(ctx.plan?.tasks ?? [])].sort((a, b) => a.order - b.order)) {
    const s = t.sourceDocument ? clause(t.sourceDocument) : '';
    if (s && PROVINCIAL.includes(t.category) && !sources.includes(s)) sources.push(s);
  }
  let basis: string;
  if (sources.length > 0) basis = joinVi(sources.slice(0, 3));
  else if (ctx.plan?.sourceDocument) basis = clause(ctx.plan.sourceDocument);
  else basis = 'chế độ báo cáo định kỳ theo quy định';
  return `Thực hiện ${basis}, ${ctx.profile.name} báo cáo kết quả thực hiện nhiệm vụ ${ctx.label} như sau:`;
}

/** One task assigned by the province: its content as a lettered point, then its result. */
function taskPoint(b: BuiltRow, i: number, ctx: NarrativeContext): Block[] {
  return [
    p(`${letter(i)}) ${sentence(fullContent(b))}`),
    p(`Kết quả: ${resultSentences(b, ctx.period)}`, `Thời hạn hoàn thành: ${b.row.deadlineText ? lowerFirst(b.row.deadlineText) : 'chưa xác định'}.`),
  ];
}

function sectionResults(ctx: NarrativeContext): Block[] {
  const out: Block[] = [h1('I. KẾT QUẢ THỰC HIỆN'), h2('1. Kết quả chung')];
  const general = figuresSentences(ctx, `${ctx.profile.name} triển khai thực hiện`);
  if (ctx.plan && ctx.totals.total > 0) {
    const overdue = ctx.built.filter((b) => b.row.status === 'chua-hoan-thanh-qua-han');
    general.push(
      overdue.length === 0
        ? 'Không có nhiệm vụ nào quá hạn.'
        : `Có ${so(overdue.length)} nhiệm vụ chưa hoàn thành đã quá hạn: ${joinNames(overdue.map((b) => taskRef(b.task, 14)))}.`,
    );
  }
  out.push(p(...general));

  let n = 2;
  const trongTam = ctx.built.filter((b) => b.row.category === 'trong-tam-ubnd');
  // Without a plan the general figures already say why there is nothing to list.
  if (ctx.plan) {
    out.push(h2(`${n++}. Kết quả thực hiện các nhiệm vụ trọng tâm do Chủ tịch UBND tỉnh giao`));
    if (trongTam.length === 0) {
      out.push(p(`Trong ${ctx.label} không có nhiệm vụ trọng tâm do Chủ tịch UBND tỉnh giao đến kỳ thực hiện.`));
    } else {
      trongTam.forEach((b, i) => out.push(...taskPoint(b, i, ctx)));
    }
  }

  const chapThuan = ctx.built.filter((b) => b.row.category === 'chap-thuan');
  if (chapThuan.length > 0) {
    out.push(h2(`${n++}. Kết quả thực hiện các nhiệm vụ chấp thuận`));
    chapThuan.forEach((b, i) => out.push(...taskPoint(b, i, ctx)));
  }

  const others = ctx.built.filter((b) => !PROVINCIAL.includes(b.row.category));
  if (others.length > 0 || ctx.otherWork.length > 0) {
    out.push(h2(`${n++}. Kết quả thực hiện các nhiệm vụ khác`));
    if (others.length > 0) {
      const c = countRows(others.map((b) => b.row));
      out.push(p(`Đối với ${so(c.total)} nhiệm vụ khác theo kế hoạch của Sở, ${breakdownPhrase(c)}.`));
    }
    if (ctx.otherWork.length > 0) {
      out.push(p('Ngoài ra, Sở đã thực hiện các nhiệm vụ thường xuyên, đột xuất, phát sinh sau:'));
      out.push(ul(ctx.otherWork.map((w) => sentence(w.text))));
    }
  }
  return out;
}

function sectionDifficulties(ctx: NarrativeContext): Block[] {
  const out: Block[] = [h1('II. KHÓ KHĂN, VƯỚNG MẮC')];
  const rows = ctx.built.filter((b) => b.origin === 'current' && b.row.difficulties);
  if (rows.length === 0) {
    out.push(p('Trong kỳ, việc thực hiện các nhiệm vụ không phát sinh khó khăn, vướng mắc.'));
  } else {
    out.push(ul(rows.map((b) => `${capitalise(taskRef(b.task, 14))}: ${sentence(b.row.difficulties)}`)));
  }
  return out;
}

function sectionProposals(ctx: NarrativeContext): Block[] {
  const out: Block[] = [h1('III. ĐỀ XUẤT, KIẾN NGHỊ')];
  const items: string[] = [];
  const superior = superiorShort(ctx.profile.superiorName, ctx.profile.placeName);
  for (const b of ctx.built) {
    if (b.origin !== 'current' || !PROVINCIAL.includes(b.row.category)) continue;
    if (b.row.proposals && !b.row.needsDecision) {
      items.push(`${capitalise(taskRef(b.task, 14))}: ${sentence(b.row.proposals)}`);
    } else if (b.row.reportedStatus === 'de-xuat-dieu-chinh' && !b.row.needsDecision) {
      const why = b.row.reason ? `, lý do: ${clause(b.row.reason)}` : '';
      items.push(`Đề nghị ${superior} xem xét, cho phép điều chỉnh ${taskRef(b.task, 14)}${why}.`);
    }
  }
  if (items.length === 0) out.push(p(`${ctx.profile.name} không có đề xuất, kiến nghị trong kỳ.`));
  else out.push(ul(items));
  return out;
}

function sectionNext(ctx: NarrativeContext): Block[] {
  const out: Block[] = [h1('IV. PHƯƠNG HƯỚNG NHIỆM VỤ KỲ TỚI')];
  const next = nextPeriodOf(ctx.period);
  const nextLabel = periodLabel(next);
  const items: string[] = [];
  const taskOf = new Map(ctx.built.map((b) => [b.task.id, b]));
  // In plan order: the province reads tasks, not units.
  const planned = ctx.priorities
    .map((r) => ({ r, b: r.taskId ? taskOf.get(r.taskId) : undefined }))
    .filter((x): x is { r: (typeof ctx.priorities)[number]; b: BuiltRow } => x.b !== undefined && PROVINCIAL.includes(x.b.row.category))
    .sort((x, y) => x.b.task.order - y.b.task.order);
  for (const { r, b } of planned) items.push(`${capitalise(taskRef(b.task, 14))}: ${sentence(r.text)}`);
  for (const t of tasksDueIn(ctx, next)) {
    const deadline = formatPlanTime(t.finish);
    items.push(`Hoàn thành ${taskRef(t, 14)}${deadline ? `, thời hạn ${lowerFirst(deadline)}` : ''}.`);
  }
  items.push(`Tiếp tục triển khai các nhiệm vụ theo kế hoạch năm ${ctx.period.lastMonth.year}, bảo đảm tiến độ và chất lượng.`);
  out.push(p(`Trong ${nextLabel}, ${ctx.profile.name} tập trung thực hiện các nhiệm vụ sau:`));
  out.push(ul(items));
  return out;
}

export function ubndBody(ctx: NarrativeContext): Block[] {
  const superior = superiorShort(ctx.profile.superiorName, ctx.profile.placeName);
  return [
    p(opening(ctx)),
    ...sectionResults(ctx),
    ...sectionDifficulties(ctx),
    ...sectionProposals(ctx),
    ...sectionNext(ctx),
    p(`Trên đây là kết quả thực hiện nhiệm vụ ${ctx.label}, ${ctx.profile.name} báo cáo ${superior} xem xét, chỉ đạo./.`),
  ];
}
