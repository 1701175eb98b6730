/**
 * Body text of the external report to UBND tỉnh: formal, in the Sở's own voice, with results
 * whatever the plan's layout (by category as seed 004, by unit as seed 000), and nothing internal.
 * flow: narrative --> narrative-ubnd --> narrative-outlook / narrative-parts (pure)
 *
 * Opening sentence (the documents it rests on) · I. KẾT QUẢ THỰC HIỆN (figures; the tasks assigned
 * by the Chủ tịch UBND tỉnh and the approved ones one by one; every other group of the plan with
 * its tasks' results; the overdue tasks with their reasons; other work) · II. KHÓ KHĂN, VƯỚNG MẮC ·
 * III. ĐỀ XUẤT, KIẾN NGHỊ (only proposals addressed to the province) · IV. PHƯƠNG HƯỚNG ·
 * closing "… báo cáo Ủy ban nhân dân tỉnh xem xét, chỉ đạo./.".
 *
 * Which unit was late, drafts, and proposals addressed to the Sở's own leaders never appear: the
 * model given here already holds only what the province may read (build-report-model.ts).
 */
import { directionBlocks } from './directions.ts';
import { citePlanDocument, namePlan } from '../plan-document.ts';
import { CATEGORY_LABELS, TASK_CATEGORIES, type TaskCategory } from '../plan.ts';
import { type Block, groupKey } from '../report-model.ts';
import { Counter } from './claims.ts';
import { countRows } from './counts.ts';
import { asTyped, clause, joinVi, sentence } from './format.ts';
import { sectionOutlook } from './narrative-outlook.ts';
import {
  breakdownPhrase,
  capitalise,
  deadlinePhrase,
  figuresSentences,
  fullContent,
  letter,
  resultSentences,
  taskRef,
  type NarrativeContext,
  h1,
  h2,
  p,
  ul,
} from './narrative-parts.ts';
import { PROVINCIAL } from './provincial.ts';
import type { BuiltRow } from './task-rows.ts';

/** "Ủy ban nhân dân tỉnh" from "Ủy ban nhân dân tỉnh Bắc Giang": the place is already in "Kính gửi". */
export function superiorShort(superiorName: string, placeName: string): string {
  const suffix = ` ${placeName}`;
  return placeName && superiorName.endsWith(suffix) ? superiorName.slice(0, -suffix.length) : superiorName;
}

/** The documents the report rests on: the province's decisions behind its tasks, then the Sở's plan. */
function opening(ctx: NarrativeContext): string {
  const sources: string[] = [];
  for (const t of [...(ctx.plan?.tasks ?? [])].sort((a, b) => a.order - b.order)) {
    const s = t.sourceDocument ? clause(t.sourceDocument) : '';
    if (s && PROVINCIAL.includes(t.category) && !sources.includes(s)) sources.push(s);
  }
  const year = ctx.period.lastMonth.year;
  const plan = ctx.plan ? (citePlanDocument(ctx.planDocument, ctx.profile.name) ?? namePlan(ctx.planDocument, year)) : undefined;
  const parts = [...sources.slice(0, 3), ...(plan ? [plan] : [])];
  const basis = parts.length > 0 ? joinVi(parts) : 'chế độ báo cáo định kỳ theo quy định';
  return `Thực hiện ${basis}, ${ctx.profile.name} báo cáo kết quả thực hiện nhiệm vụ ${ctx.label} như sau:`;
}

/** One task assigned or approved by the province: its content as a lettered point, then its result. */
function taskPoint(b: BuiltRow, i: number, ctx: NarrativeContext, n: Counter): Block[] {
  return [
    p(n, `${letter(i)}) ${sentence(fullContent(b))}`),
    p(
      n,
      `Kết quả: ${resultSentences(b, ctx.period, 'ubnd')}`,
      `Thời hạn hoàn thành: ${b.row.deadlineText ? `${b.row.deadlineText.charAt(0).toLocaleLowerCase('vi')}${b.row.deadlineText.slice(1)}` : 'chưa xác định'}.`,
    ),
  ];
}

function categoryHeading(c: TaskCategory): string {
  return c === 'trong-tam-ubnd'
    ? 'Kết quả thực hiện các nhiệm vụ trọng tâm do Chủ tịch UBND tỉnh giao'
    : `Kết quả thực hiện các ${CATEGORY_LABELS[c].charAt(0).toLocaleLowerCase('vi')}${CATEGORY_LABELS[c].slice(1)}`;
}

/** The plan's other tasks, group by group: figures, then each task that has a result in the window. */
function otherGroups(ctx: NarrativeContext, n: Counter): Block[] {
  const out: Block[] = [];
  const others = ctx.built.filter((b) => !PROVINCIAL.includes(b.row.category));
  const groups = [...new Map(others.map((b) => [groupKey(b.task.group), b.task.group])).values()];
  for (const g of groups) {
    const rows = others.filter((b) => groupKey(b.task.group) === groupKey(g));
    const c = countRows(rows.map((b) => b.row));
    const label = g.numeral ? `${g.numeral}. ${g.title}` : g.title;
    out.push(
      p(
        n,
        `${label}: ${n.tasks({ group: groupKey(g), category: NON_PROVINCIAL }, c.total)} nhiệm vụ, ${breakdownPhrase(c, n, { group: groupKey(g), category: NON_PROVINCIAL })}.`,
      ),
    );
    const items = rows.filter((b) => b.origin !== 'none').map((b) => `${capitalise(taskRef(b.task, 18))}: ${resultSentences(b, ctx.period, 'ubnd')}`);
    if (items.length > 0) out.push(ul(n, items));
  }
  return out;
}

const NON_PROVINCIAL = TASK_CATEGORIES.filter((c) => !PROVINCIAL.includes(c));

function sectionResults(ctx: NarrativeContext): Block[] {
  const n = new Counter();
  const out: Block[] = [h1('I. KẾT QUẢ THỰC HIỆN'), h2('1. Kết quả chung')];
  const general = figuresSentences(ctx, `${ctx.profile.name} triển khai thực hiện`, n);
  const overdue = ctx.built.filter((b) => b.row.status === 'chua-hoan-thanh-qua-han');
  let k = 2;
  const provincial = PROVINCIAL.filter((c) => ctx.built.some((b) => b.row.category === c));
  const hasOthers = ctx.built.some((b) => !PROVINCIAL.includes(b.row.category));
  const overdueSection = k + provincial.length + (hasOthers ? 1 : 0);
  if (ctx.plan && ctx.totals.total > 0) {
    if (overdue.length === 0) {
      n.none({ of: 'tasks', where: { status: ['chua-hoan-thanh-qua-han'] }, value: 0 });
      general.push('Không có nhiệm vụ nào chưa hoàn thành đã quá hạn.');
    } else {
      general.push(
        `Có ${n.tasks({ status: ['chua-hoan-thanh-qua-han'] }, overdue.length)} nhiệm vụ chưa hoàn thành đã quá hạn (nêu tại mục ${overdueSection}).`,
      );
    }
  }
  out.push(p(n, ...general));

  for (const c of provincial) {
    out.push(h2(`${k++}. ${categoryHeading(c)}`));
    for (const [i, b] of ctx.built.filter((b) => b.row.category === c).entries()) out.push(...taskPoint(b, i, ctx, n));
  }
  if (hasOthers) {
    out.push(h2(`${k++}. ${provincial.length > 0 ? 'Kết quả thực hiện các nhiệm vụ khác theo kế hoạch' : 'Kết quả thực hiện các nhiệm vụ theo kế hoạch'}`));
    out.push(...otherGroups(ctx, n));
  }
  if (overdue.length > 0) {
    out.push(h2(`${k++}. Các nhiệm vụ chưa hoàn thành đã quá hạn`));
    out.push(
      ul(
        n,
        overdue.map((b) => {
          const state = b.row.unreported
            ? 'chưa có báo cáo kết quả trong kỳ'
            : b.row.progress !== undefined
              ? `tiến độ đạt ${b.row.progress}%`
              : 'chưa hoàn thành';
          const reason = b.row.reason && !b.row.unreported ? ` Lý do: ${asTyped(b.row.reason)}` : b.row.unreported ? '' : ' Đơn vị chủ trì chưa nêu lý do.';
          return `${capitalise(taskRef(b.task, 18))}, ${deadlinePhrase(b.row.deadlineText)}: ${state}.${reason}`;
        }),
      ),
    );
  }
  if (ctx.otherWork.length > 0) {
    out.push(p(n, `Ngoài ra, ${ctx.profile.shortName || 'Sở'} đã thực hiện các nhiệm vụ thường xuyên, đột xuất, phát sinh sau:`));
    out.push(
      ul(
        n,
        ctx.otherWork.map((w) => sentence(w.text)),
      ),
    );
  }
  return out;
}

function sectionDifficulties(ctx: NarrativeContext): Block[] {
  const n = new Counter();
  const out: Block[] = [h1('II. KHÓ KHĂN, VƯỚNG MẮC')];
  const items = ctx.issues.filter((i) => i.difficulties);
  const taskOf = new Map(ctx.built.map((b) => [b.task.id, b.task]));
  if (items.length === 0) {
    out.push(p(n, 'Trong kỳ, việc thực hiện các nhiệm vụ không phát sinh khó khăn, vướng mắc.'));
  } else {
    out.push(
      ul(
        n,
        items.map((i) => {
          const t = i.taskId ? taskOf.get(i.taskId) : undefined;
          return t ? `${capitalise(taskRef(t, 14))}: ${asTyped(i.difficulties)}` : asTyped(i.difficulties);
        }),
      ),
    );
  }
  return out;
}

function sectionProposals(ctx: NarrativeContext): Block[] {
  const n = new Counter();
  const out: Block[] = [h1('III. ĐỀ XUẤT, KIẾN NGHỊ')];
  const items = ctx.issues.filter((i) => i.proposals && i.proposalTo === 'ubnd-tinh');
  const taskOf = new Map(ctx.built.map((b) => [b.task.id, b.task]));
  if (items.length === 0) {
    n.none({ of: 'issues', where: { proposalTo: 'ubnd-tinh', proposals: true }, value: 0 });
    out.push(p(n, `${ctx.profile.name} không có đề xuất, kiến nghị trong kỳ.`));
  } else {
    out.push(
      ul(
        n,
        items.map((i) => {
          const t = i.taskId ? taskOf.get(i.taskId) : undefined;
          return t ? `${capitalise(taskRef(t, 14))}: ${asTyped(i.proposals)}` : asTyped(i.proposals);
        }),
      ),
    );
  }
  out.push(...directionBlocks(n, ctx.directions ?? [], 'ubnd'));
  return out;
}

export function ubndBody(ctx: NarrativeContext): Block[] {
  const n = new Counter();
  const superior = superiorShort(ctx.profile.superiorName, ctx.profile.placeName);
  return [
    p(n, opening(ctx)),
    ...sectionResults(ctx),
    ...sectionDifficulties(ctx),
    ...sectionProposals(ctx),
    ...sectionOutlook(ctx, 'IV. PHƯƠNG HƯỚNG NHIỆM VỤ KỲ TỚI'),
    p(n, `Trên đây là kết quả thực hiện nhiệm vụ ${ctx.label}, ${ctx.profile.name} báo cáo ${superior} xem xét, chỉ đạo./.`),
  ];
}
