/**
 * Body text of the internal report for the Director (Lãnh đạo Sở): detailed, every unit named.
 * flow: narrative --> narrative-director --> narrative-parts (pure)
 *
 * I. TÌNH HÌNH NỘP BÁO CÁO · II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ (figures, chart, per unit) ·
 * III. NHIỆM VỤ QUÁ HẠN, CHẬM TIẾN ĐỘ · IV. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT CẦN LÃNH ĐẠO SỞ CHO Ý KIẾN ·
 * V. NHIỆM VỤ TRỌNG TÂM KỲ TỚI, then the closing sentence.
 */
import { periodLabel } from '../period.ts';
import type { Block, SubmissionRow, TaskStatus } from '../report-model.ts';
import { dateVi, joinNames, lowerFirst, sentence, so } from './format.ts';
import { unitOrder } from './issues-priorities.ts';
import {
  STATUS_PHRASE,
  capitalise,
  dayOf,
  deadlinePhrase,
  figuresSentences,
  nextPeriodOf,
  resultSentences,
  taskNo,
  taskRef,
  tasksDueIn,
  type NarrativeContext,
  h1,
  h2,
  p,
  ul,
} from './narrative-parts.ts';
import type { BuiltRow } from './task-rows.ts';
import { isPastDeadline } from './task-status.ts';


/** "Có 02 phòng, đơn vị <verb>: A và B." */
function unitsSentence(rows: SubmissionRow[], verb: string, detail?: (r: SubmissionRow) => string): string {
  const names = rows.map((r) => r.unit.name + (detail ? detail(r) : ''));
  return `Có ${so(rows.length)} phòng, đơn vị ${verb}: ${joinNames(names)}.`;
}

function sectionSubmissions(ctx: NarrativeContext): Block[] {
  const out: Block[] = [h1('I. TÌNH HÌNH NỘP BÁO CÁO')];
  const rows = ctx.submissions;
  if (rows.length === 0) {
    out.push(p('Trong kỳ không có phòng, đơn vị nào có nhiệm vụ phải báo cáo và cũng chưa có phòng, đơn vị nào gửi báo cáo.'));
    return out;
  }
  const onTime = rows.filter((r) => r.status === 'on-time');
  const late = rows.filter((r) => r.status === 'late');
  const drafts = rows.filter((r) => r.status === 'draft-only');
  const missing = rows.filter((r) => r.status === 'missing');
  const sent = onTime.length + late.length;

  const intro = [
    `Hạn nộp báo cáo ${ctx.label} là ngày ${dateVi(ctx.submissionDeadline)}.`,
    sent === 0
      ? `Tính đến ngày ${dateVi(ctx.issueDate)}, chưa có phòng, đơn vị nào nộp báo cáo.`
      : `Tính đến ngày ${dateVi(ctx.issueDate)}, có ${so(sent)}/${so(rows.length)} phòng, đơn vị đã nộp báo cáo.`,
  ];
  if (ctx.period.kind !== 'monthly') {
    intro.push(
      `Số liệu ${ctx.label} được tổng hợp từ báo cáo hằng tháng; tình hình nộp báo cáo dưới đây tính theo báo cáo tháng gần nhất của mỗi phòng, đơn vị trong kỳ.`,
    );
  }
  out.push(p(...intro));

  const detail: string[] = [];
  if (onTime.length === rows.length) {
    detail.push('Tất cả các phòng, đơn vị đều nộp báo cáo đúng hạn.');
  } else {
    if (onTime.length > 0) detail.push(unitsSentence(onTime, 'nộp báo cáo đúng hạn'));
    if (late.length > 0) {
      detail.push(
        unitsSentence(late, 'nộp báo cáo muộn', (r) => (r.submittedAt ? ` (nộp ngày ${dateVi(dayOf(r.submittedAt, ctx.profile))})` : '')),
      );
    } else if (sent > 0) {
      detail.push('Không có phòng, đơn vị nào nộp báo cáo muộn.');
    }
    if (drafts.length > 0) detail.push(unitsSentence(drafts, 'mới lưu nháp, chưa gửi báo cáo'));
    if (missing.length > 0) detail.push(unitsSentence(missing, 'chưa nộp báo cáo'));
  }
  out.push(p(...detail));

  const partial = rows.filter((r) => (r.status === 'on-time' || r.status === 'late') && r.tasksReported < r.tasksDue);
  if (partial.length > 0) {
    out.push(
      p(
        ...partial.map(
          (r) => `${r.unit.name} đã nộp báo cáo nhưng mới cập nhật ${so(r.tasksReported)}/${so(r.tasksDue)} nhiệm vụ được giao chủ trì.`,
        ),
      ),
    );
  }
  return out;
}

/** "Chủ trì 03 nhiệm vụ, trong đó: 01 nhiệm vụ hoàn thành đúng hạn; 02 nhiệm vụ chưa hoàn thành, còn trong hạn." */
function unitSummary(rows: BuiltRow[]): string {
  const counts = new Map<TaskStatus, number>();
  for (const b of rows) counts.set(b.row.status, (counts.get(b.row.status) ?? 0) + 1);
  const statuses = (Object.keys(STATUS_PHRASE) as TaskStatus[]).filter((s) => counts.has(s));
  if (statuses.length === 1) {
    const s = statuses[0]!;
    return `Chủ trì ${so(rows.length)} nhiệm vụ, ${rows.length === 1 ? 'hiện' : 'đều'} ${STATUS_PHRASE[s]}.`;
  }
  return `Chủ trì ${so(rows.length)} nhiệm vụ, trong đó: ${statuses.map((s) => `${so(counts.get(s)!)} nhiệm vụ ${STATUS_PHRASE[s]}`).join('; ')}.`;
}

const OTHER_WORK_LABEL = { 'thuong-xuyen': 'Nhiệm vụ thường xuyên', 'dot-xuat': 'Nhiệm vụ đột xuất, phát sinh' } as const;

function sectionResults(ctx: NarrativeContext): Block[] {
  const out: Block[] = [h1('II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ'), p(...figuresSentences(ctx, 'các phòng, đơn vị thực hiện'))];
  if (ctx.built.length > 0) out.push({ type: 'chart', title: `Tình hình thực hiện nhiệm vụ ${ctx.label} theo phòng, đơn vị` });

  const codes = unitOrder(ctx.profile, [...ctx.built.map((b) => b.task.leadUnit), ...ctx.otherWork.map((w) => w.unit.code)]).filter(
    (c) => ctx.built.some((b) => b.task.leadUnit === c) || ctx.otherWork.some((w) => w.unit.code === c),
  );
  codes.forEach((code, i) => {
    const rows = ctx.built.filter((b) => b.task.leadUnit === code);
    const work = ctx.otherWork.filter((w) => w.unit.code === code);
    const name = rows[0]?.row.leadUnit.name ?? work[0]?.unit.name ?? code;
    out.push(h2(`${i + 1}. ${name}`));
    const sub = ctx.submissions.find((s) => s.unit.code === code);
    const summary: string[] = [];
    if (rows.length > 0) summary.push(unitSummary(rows));
    if (sub?.status === 'missing') summary.push('Đơn vị chưa nộp báo cáo trong kỳ.');
    if (sub?.status === 'draft-only') summary.push('Đơn vị mới lưu nháp, chưa gửi báo cáo.');
    if (summary.length > 0) out.push(p(...summary));
    const items = rows
      .filter((b) => b.origin !== 'none')
      .map((b) => `${capitalise(taskRef(b.task))}: ${resultSentences(b, ctx.period)}`);
    for (const w of work) items.push(`${OTHER_WORK_LABEL[w.kind]}: ${sentence(w.text)}`);
    if (items.length > 0) out.push(ul(items));
  });
  return out;
}

function sectionOverdue(ctx: NarrativeContext): Block[] {
  const out: Block[] = [h1('III. NHIỆM VỤ QUÁ HẠN, CHẬM TIẾN ĐỘ')];
  const who = (b: BuiltRow) => `do ${b.row.leadUnit.name} chủ trì`;
  const overdue = ctx.built.filter((b) => b.row.status === 'chua-hoan-thanh-qua-han');
  if (overdue.length === 0) {
    out.push(p('Không có nhiệm vụ nào quá hạn.'));
  } else {
    const newly = overdue.filter((b) => b.row.newlyOverdue);
    const tail =
      newly.length === 0
        ? ', không có nhiệm vụ nào mới quá hạn trong kỳ'
        : newly.length === overdue.length
          ? overdue.length === 1
            ? ', mới quá hạn trong kỳ'
            : ', đều mới quá hạn trong kỳ'
          : `, trong đó ${so(newly.length)} nhiệm vụ mới quá hạn trong kỳ`;
    out.push(p(`Có ${so(overdue.length)} nhiệm vụ chưa hoàn thành đã quá hạn${tail}:`));
    out.push(
      ul(
        overdue.map((b) => {
          const progress = b.row.progress !== undefined ? `, tiến độ đạt ${b.row.progress}%` : '';
          const flag = b.row.newlyOverdue ? ' (mới quá hạn trong kỳ)' : '';
          const reason = b.row.reason ? ` Lý do: ${lowerFirst(sentence(b.row.reason))}` : '';
          return `${capitalise(taskRef(b.task))} ${who(b)}, ${deadlinePhrase(b)}${progress}${flag}.${reason}`;
        }),
      ),
    );
  }

  const lateDone = ctx.built.filter((b) => b.row.status === 'hoan-thanh-qua-han' && b.origin === 'current');
  if (lateDone.length > 0) {
    out.push(p(`Có ${so(lateDone.length)} nhiệm vụ hoàn thành nhưng quá hạn:`));
    out.push(
      ul(
        lateDone.map((b) => {
          const reason = b.row.reason ? ` Lý do: ${lowerFirst(sentence(b.row.reason))}` : '';
          const on = b.row.completedOn ? `, hoàn thành ngày ${dateVi(b.row.completedOn)}` : '';
          return `${capitalise(taskRef(b.task))} ${who(b)}, ${deadlinePhrase(b)}${on}.${reason}`;
        }),
      ),
    );
  }

  const notStarted = ctx.built.filter((b) => b.row.status === 'chua-trien-khai');
  if (notStarted.length > 0) {
    out.push(p(`Có ${so(notStarted.length)} nhiệm vụ chưa triển khai (còn trong hạn):`));
    out.push(ul(notStarted.map((b) => `${capitalise(taskRef(b.task))} ${who(b)}, ${deadlinePhrase(b)}.`)));
  }

  const stalled = ctx.built.filter(
    (b) => b.origin === 'current' && b.row.status === 'chua-hoan-thanh-trong-han' && b.row.progressDelta !== undefined && b.row.progressDelta <= 0,
  );
  if (stalled.length > 0) {
    out.push(p(`Có ${so(stalled.length)} nhiệm vụ không có tiến triển so với kỳ trước:`));
    out.push(
      ul(stalled.map((b) => `${capitalise(taskRef(b.task))} ${who(b)}, tiến độ ${b.row.progress ?? 0}%, ${deadlinePhrase(b)}.`)),
    );
  }

  const unreported = ctx.built.filter((b) => b.origin === 'none' && isPastDeadline(b.row.deadline, ctx.window.to));
  if (unreported.length > 0) {
    out.push(p(`Có ${so(unreported.length)} nhiệm vụ đã quá thời hạn hoàn thành nhưng chưa có báo cáo:`));
    out.push(ul(unreported.map((b) => `${capitalise(taskRef(b.task))} ${who(b)}, ${deadlinePhrase(b)}.`)));
  }
  return out;
}

function sectionIssues(ctx: NarrativeContext): Block[] {
  const out: Block[] = [h1('IV. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT CẦN LÃNH ĐẠO SỞ CHO Ý KIẾN')];
  if (ctx.issues.length === 0) {
    out.push(
      p(
        ctx.anySubmitted
          ? 'Các phòng, đơn vị không báo cáo khó khăn, vướng mắc và không có đề xuất cần Lãnh đạo Sở cho ý kiến.'
          : 'Chưa có báo cáo nào được gửi nên chưa tổng hợp được khó khăn, vướng mắc và đề xuất của các phòng, đơn vị.',
      ),
    );
    return out;
  }
  const taskOf = new Map(ctx.built.map((b) => [b.task.id, b.task]));
  const subject = (i: (typeof ctx.issues)[number]) => {
    const t = i.taskId ? taskOf.get(i.taskId) : undefined;
    return t ? `${i.unit.name}, ${taskRef(t, 14)}` : i.unit.name;
  };
  const decisions = ctx.issues.filter((i) => i.needsDecision);
  if (decisions.length > 0) {
    out.push(p(`Có ${so(decisions.length)} đề xuất cần Lãnh đạo Sở cho ý kiến:`));
    out.push(
      ul(
        decisions.map((i) => {
          const diff = i.difficulties ? ` Khó khăn, vướng mắc: ${lowerFirst(sentence(i.difficulties))}` : '';
          return `${subject(i)}: ${sentence(i.proposals)}${diff}`;
        }),
      ),
    );
  } else {
    out.push(p('Không có đề xuất nào cần Lãnh đạo Sở cho ý kiến.'));
  }
  const others = ctx.issues.filter((i) => !i.needsDecision);
  if (others.length > 0) {
    out.push(p('Khó khăn, vướng mắc và đề xuất khác của các phòng, đơn vị:'));
    out.push(
      ul(
        others.map((i) => {
          const parts: string[] = [];
          if (i.difficulties) parts.push(`Khó khăn, vướng mắc: ${lowerFirst(sentence(i.difficulties))}`);
          if (i.proposals) parts.push(`Đề xuất: ${lowerFirst(sentence(i.proposals))}`);
          return `${subject(i)}: ${parts.join(' ')}`;
        }),
      ),
    );
  }
  return out;
}

function sectionNext(ctx: NarrativeContext): Block[] {
  const out: Block[] = [h1('V. NHIỆM VỤ TRỌNG TÂM KỲ TỚI')];
  const next = nextPeriodOf(ctx.period);
  const nextLabel = periodLabel(next);
  const taskOf = new Map(ctx.built.map((b) => [b.task.id, b.task]));
  if (ctx.priorities.length > 0) {
    out.push(p(`Trong ${nextLabel}, các phòng, đơn vị tập trung thực hiện các nội dung sau:`));
    out.push(
      ul(
        ctx.priorities.map((r) => {
          const t = r.taskId ? taskOf.get(r.taskId) : undefined;
          return `${r.unit.name}${t ? ` (nhiệm vụ ${taskNo(t)})` : ''}: ${sentence(r.text)}`;
        }),
      ),
    );
  } else {
    out.push(p(`Các phòng, đơn vị chưa báo cáo kế hoạch thực hiện nhiệm vụ ${nextLabel}.`));
  }
  const due = tasksDueIn(ctx, next);
  if (due.length > 0) {
    const unitName = (code: string) => ctx.profile.units.find((u) => u.code === code)?.name ?? code;
    out.push(p(`Có ${so(due.length)} nhiệm vụ theo kế hoạch đến hạn hoàn thành trong ${nextLabel}, đề nghị các đơn vị chủ trì tập trung hoàn thành đúng hạn:`));
    out.push(ul(due.map((t) => `${capitalise(taskRef(t))} do ${unitName(t.leadUnit)} chủ trì.`)));
  }
  return out;
}

export function directorBody(ctx: NarrativeContext): Block[] {
  const office = ctx.profile.units.find((u) => u.kind === 'van-phong')?.name ?? 'Văn phòng Sở';
  return [
    ...sectionSubmissions(ctx),
    ...sectionResults(ctx),
    ...sectionOverdue(ctx),
    ...sectionIssues(ctx),
    ...sectionNext(ctx),
    p(`Trên đây là tình hình thực hiện nhiệm vụ ${ctx.label} của các phòng, đơn vị; ${office} tổng hợp, báo cáo Lãnh đạo Sở xem xét, chỉ đạo./.`),
  ];
}
