/**
 * Body text of the internal report for the Director (Lãnh đạo Sở): detailed, every unit named.
 * flow: narrative --> narrative-director --> narrative-submissions / narrative-outlook / narrative-parts (pure)
 *
 * I. TÌNH HÌNH NỘP BÁO CÁO · II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ (figures, chart, per unit) ·
 * III. NHIỆM VỤ QUÁ HẠN, CHẬM TIẾN ĐỘ · IV. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT ·
 * V. NHIỆM VỤ TRỌNG TÂM KỲ TỚI, then the closing sentence.
 */
import type { Block, TaskStatus } from '../report-model.ts';
import { Counter } from './claims.ts';
import { asTyped, dateVi, joinVi, monthRef, sentence } from './format.ts';
import { unitOrder } from './issues-priorities.ts';
import { directionBlocks } from './directions.ts';
import {
  STATUS_PHRASE,
  capitalise,
  deadlinePhrase,
  figuresSentences,
  resultSentences,
  taskRef,
  type NarrativeContext,
  h1,
  h2,
  p,
  ul,
} from './narrative-parts.ts';
import { sectionOutlook } from './narrative-outlook.ts';
import { sectionSubmissions } from './narrative-submissions.ts';
import type { BuiltRow } from './task-rows.ts';

/** "Chủ trì 03 nhiệm vụ, trong đó: 01 nhiệm vụ hoàn thành đúng hạn; 02 nhiệm vụ chưa hoàn thành, còn trong hạn." */
function unitSummary(code: string, rows: BuiltRow[], n: Counter): string {
  const counts = new Map<TaskStatus, number>();
  for (const b of rows) counts.set(b.row.status, (counts.get(b.row.status) ?? 0) + 1);
  const statuses = (Object.keys(STATUS_PHRASE) as TaskStatus[]).filter((s) => counts.has(s));
  const all = n.tasks({ unit: code }, rows.length);
  if (statuses.length === 1) return `Chủ trì ${all} nhiệm vụ, ${rows.length === 1 ? 'hiện' : 'đều'} ${STATUS_PHRASE[statuses[0]!]}.`;
  return `Chủ trì ${all} nhiệm vụ, trong đó: ${statuses.map((s) => `${n.tasks({ unit: code, status: [s] }, counts.get(s)!)} nhiệm vụ ${STATUS_PHRASE[s]}`).join('; ')}.`;
}

const OTHER_WORK_LABEL = { 'thuong-xuyen': 'Nhiệm vụ thường xuyên', 'dot-xuat': 'Nhiệm vụ đột xuất, phát sinh' } as const;

function sectionResults(ctx: NarrativeContext): Block[] {
  const n = new Counter();
  const out: Block[] = [h1('II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ'), p(n, ...figuresSentences(ctx, 'các phòng, đơn vị thực hiện', n))];
  if (ctx.built.length > 0) out.push({ type: 'chart', title: `Tình hình thực hiện nhiệm vụ ${ctx.label} theo phòng, đơn vị` });

  const codes = unitOrder(ctx.profile, [...ctx.built.map((b) => b.task.leadUnit), ...ctx.otherWork.map((w) => w.unit.code)]).filter(
    (c) => ctx.built.some((b) => b.task.leadUnit === c) || ctx.otherWork.some((w) => w.unit.code === c),
  );
  const lastMonth = ctx.months[ctx.months.length - 1];
  codes.forEach((code, i) => {
    const rows = ctx.built.filter((b) => b.task.leadUnit === code);
    const work = ctx.otherWork.filter((w) => w.unit.code === code);
    const name = rows[0]?.row.leadUnit.name ?? work[0]?.unit.name ?? code;
    out.push(h2(`${i + 1}. ${name}`));
    const summary: string[] = [];
    if (rows.length > 0) summary.push(unitSummary(code, rows, n));
    const sub = lastMonth?.rows.find((s) => s.unit.code === code);
    const when = ctx.period.kind === 'monthly' ? 'trong kỳ' : `${monthRef(lastMonth!.period)}`;
    if (sub?.status === 'missing' && lastMonth?.due) summary.push(`Đơn vị chưa nộp báo cáo ${when}.`);
    if (sub?.status === 'draft-only') summary.push(`Đơn vị mới lưu nháp, chưa gửi báo cáo ${when}.`);
    if (summary.length > 0) out.push(p(n, ...summary));
    const items = rows.filter((b) => b.origin !== 'none').map((b) => `${capitalise(taskRef(b.task))}: ${resultSentences(b, ctx.period)}`);
    for (const w of work) items.push(`${OTHER_WORK_LABEL[w.kind]}: ${sentence(w.text)}`);
    if (items.length > 0) out.push(ul(n, items));
    const unreported = rows.filter((b) => b.origin === 'none');
    if (unreported.length === 1) {
      out.push(p(n, `Chưa có báo cáo trong kỳ về ${taskRef(unreported[0]!.task, 14)}.`));
    } else if (unreported.length > 1) {
      out.push(
        p(
          n,
          `Chưa có báo cáo trong kỳ về ${n.tasks({ unit: code, unreported: true }, unreported.length)} nhiệm vụ: ${joinVi(unreported.map((b) => taskRef(b.task, 10)))}.`,
        ),
      );
    }
  });
  return out;
}

const who = (b: BuiltRow) => `do ${b.row.leadUnit.name} chủ trì`;
const reasonOf = (b: BuiltRow) => (b.row.reason ? ` Lý do: ${asTyped(b.row.reason)}` : '');

function overdueItem(b: BuiltRow): string {
  const progress = b.row.unreported ? ', chưa có báo cáo trong kỳ' : b.row.progress !== undefined ? `, tiến độ đạt ${b.row.progress}%` : '';
  const flag = b.row.newlyOverdue ? ' (mới quá hạn trong kỳ)' : '';
  return `${capitalise(taskRef(b.task))} ${who(b)}, ${deadlinePhrase(b.row.deadlineText)}${progress}${flag}.${b.row.unreported ? '' : reasonOf(b)}`;
}

function sectionOverdue(ctx: NarrativeContext): Block[] {
  const n = new Counter();
  const out: Block[] = [h1('III. NHIỆM VỤ QUÁ HẠN, CHẬM TIẾN ĐỘ')];
  const overdue = ctx.built.filter((b) => b.row.status === 'chua-hoan-thanh-qua-han');
  if (overdue.length === 0) {
    n.none({ of: 'tasks', where: { status: ['chua-hoan-thanh-qua-han'] }, value: 0 });
    out.push(p(n, 'Không có nhiệm vụ nào chưa hoàn thành đã quá hạn.'));
  } else {
    const newly = overdue.filter((b) => b.row.newlyOverdue);
    const all = n.tasks({ status: ['chua-hoan-thanh-qua-han'] }, overdue.length);
    let tail: string;
    if (newly.length === 0) {
      n.none({ of: 'tasks', where: { status: ['chua-hoan-thanh-qua-han'], newlyOverdue: true }, value: 0 });
      tail = ', không có nhiệm vụ nào mới quá hạn trong kỳ';
    } else if (newly.length === overdue.length) tail = overdue.length === 1 ? ', mới quá hạn trong kỳ' : ', đều mới quá hạn trong kỳ';
    else tail = `, trong đó ${n.tasks({ status: ['chua-hoan-thanh-qua-han'], newlyOverdue: true }, newly.length)} nhiệm vụ mới quá hạn trong kỳ`;
    const silent = overdue.filter((b) => b.row.unreported);
    const silentNote =
      silent.length > 0 ? ` (${n.tasks({ status: ['chua-hoan-thanh-qua-han'], unreported: true }, silent.length)} nhiệm vụ chưa có báo cáo trong kỳ)` : '';
    out.push(p(n, `Có ${all} nhiệm vụ chưa hoàn thành đã quá hạn${tail}${silentNote}:`));
    out.push(ul(n, overdue.map(overdueItem)));
  }

  const lateDone = ctx.built.filter((b) => b.row.status === 'hoan-thanh-qua-han' && b.origin === 'current');
  if (lateDone.length > 0) {
    out.push(p(n, `Có ${n.tasks({ status: ['hoan-thanh-qua-han'], carried: false }, lateDone.length)} nhiệm vụ hoàn thành trong kỳ nhưng quá hạn:`));
    out.push(
      ul(
        n,
        lateDone.map((b) => {
          const on = b.row.completedOn ? `, hoàn thành ngày ${dateVi(b.row.completedOn)}` : '';
          return `${capitalise(taskRef(b.task))} ${who(b)}, ${deadlinePhrase(b.row.deadlineText)}${on}.${reasonOf(b)}`;
        }),
      ),
    );
  }

  const notStarted = ctx.built.filter((b) => b.row.status === 'chua-trien-khai');
  if (notStarted.length > 0) {
    out.push(p(n, `Có ${n.tasks({ status: ['chua-trien-khai'] }, notStarted.length)} nhiệm vụ chưa triển khai (còn trong hạn):`));
    out.push(
      ul(
        n,
        notStarted.map((b) => `${capitalise(taskRef(b.task))} ${who(b)}, ${deadlinePhrase(b.row.deadlineText)}.`),
      ),
    );
  }

  // A progress that fell is stated with the unit's reason; one that did not move is "không có tiến triển".
  const fell = ctx.built.filter((b) => b.origin === 'current' && b.row.progressDelta !== undefined && b.row.progressDelta < 0);
  if (fell.length > 0) {
    out.push(
      p(n, `Có ${n.tasks({ progressFell: true }, fell.length)} nhiệm vụ có tiến độ giảm so với ${ctx.period.kind === 'monthly' ? 'kỳ trước' : 'đầu kỳ'}:`),
    );
    out.push(
      ul(
        n,
        fell.map((b) => {
          const why = b.row.reason ? ` Lý do: ${asTyped(b.row.reason)}` : ' Đơn vị chưa nêu lý do.';
          return `${capitalise(taskRef(b.task))} ${who(b)}: tiến độ giảm từ ${b.row.progressStart}% còn ${b.row.progress}%.${why}`;
        }),
      ),
    );
  }
  const stalled = ctx.built.filter((b) => b.origin === 'current' && b.row.status === 'chua-hoan-thanh-trong-han' && b.row.progressDelta === 0);
  if (stalled.length > 0) {
    out.push(
      p(
        n,
        `Có ${n.tasks({ progressSame: true }, stalled.length)} nhiệm vụ không có tiến triển so với ${ctx.period.kind === 'monthly' ? 'kỳ trước' : 'đầu kỳ'}:`,
      ),
    );
    out.push(
      ul(
        n,
        stalled.map((b) => `${capitalise(taskRef(b.task))} ${who(b)}, tiến độ ${b.row.progress ?? 0}%, ${deadlinePhrase(b.row.deadlineText)}.`),
      ),
    );
  }
  return out;
}

function sectionIssues(ctx: NarrativeContext): Block[] {
  const n = new Counter();
  const out: Block[] = [h1('IV. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ')];
  if (ctx.issues.length === 0) {
    out.push(
      p(
        n,
        ctx.anySubmitted
          ? 'Các phòng, đơn vị không báo cáo khó khăn, vướng mắc và không có đề xuất, kiến nghị.'
          : 'Chưa có báo cáo nào được gửi nên chưa tổng hợp được khó khăn, vướng mắc và đề xuất của các phòng, đơn vị.',
      ),
    );
    out.push(...directionBlocks(n, ctx.directions ?? [], 'director'));
    return out;
  }
  const taskOf = new Map(ctx.built.map((b) => [b.task.id, b.task]));
  const subject = (i: (typeof ctx.issues)[number]) => {
    const t = i.taskId ? taskOf.get(i.taskId) : undefined;
    const when = ctx.period.kind !== 'monthly' && i.period ? ` (báo cáo ${monthRef(i.period)})` : '';
    return `${t ? `${i.unit.name}, ${taskRef(t, 14)}` : i.unit.name}${when}`;
  };
  const withProposal = ctx.issues.filter((i) => i.proposals);
  const decisions = withProposal.filter((i) => i.needsDecision);
  if (decisions.length > 0) {
    out.push(p(n, `Có ${n.issues({ needsDecision: true }, decisions.length)} đề xuất cần Lãnh đạo Sở cho ý kiến:`));
    out.push(
      ul(
        n,
        decisions.map((i) => `${subject(i)}: ${asTyped(i.proposals)}${i.difficulties ? ` Khó khăn, vướng mắc: ${asTyped(i.difficulties)}` : ''}`),
      ),
    );
  } else {
    n.none({ of: 'issues', where: { needsDecision: true }, value: 0 });
    out.push(p(n, 'Không có đề xuất nào cần Lãnh đạo Sở cho ý kiến.'));
  }
  const others = withProposal.filter((i) => !i.needsDecision && i.proposalTo === 'lanh-dao-so');
  if (others.length > 0) {
    out.push(p(n, `Đề xuất khác gửi Lãnh đạo Sở (${n.issues({ needsDecision: false, proposalTo: 'lanh-dao-so', proposals: true }, others.length)} đề xuất):`));
    out.push(
      ul(
        n,
        others.map((i) => `${subject(i)}: ${asTyped(i.proposals)}`),
      ),
    );
  }
  const province = withProposal.filter((i) => i.proposalTo === 'ubnd-tinh');
  if (province.length > 0) {
    out.push(
      p(
        n,
        `Đề xuất, kiến nghị gửi UBND tỉnh (${n.issues({ proposalTo: 'ubnd-tinh', proposals: true }, province.length)} đề xuất, được đưa vào báo cáo gửi UBND tỉnh):`,
      ),
    );
    out.push(
      ul(
        n,
        province.map((i) => `${subject(i)}: ${asTyped(i.proposals)}`),
      ),
    );
  }
  out.push(...directionBlocks(n, ctx.directions ?? [], 'director'));
  const difficulties = ctx.issues.filter((i) => i.difficulties && !i.needsDecision);
  if (difficulties.length > 0) {
    out.push(p(n, 'Khó khăn, vướng mắc của các phòng, đơn vị:'));
    out.push(
      ul(
        n,
        difficulties.map((i) => `${subject(i)}: ${asTyped(i.difficulties)}`),
      ),
    );
  }
  return out;
}

export function directorBody(ctx: NarrativeContext): Block[] {
  const n = new Counter();
  const to = ctx.kinhGui.length > 0 ? joinVi(ctx.kinhGui) : 'Lãnh đạo Sở';
  return [
    ...sectionSubmissions(ctx),
    ...sectionResults(ctx),
    ...sectionOverdue(ctx),
    ...sectionIssues(ctx),
    ...sectionOutlook(ctx, 'V. NHIỆM VỤ TRỌNG TÂM KỲ TỚI'),
    p(n, `Trên đây là tình hình thực hiện nhiệm vụ ${ctx.label} của các phòng, đơn vị; ${ctx.issuerName} tổng hợp, báo cáo ${to} xem xét, chỉ đạo./.`),
  ];
}
