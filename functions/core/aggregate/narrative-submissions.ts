/**
 * Section I of the Director's report: who reported, month by month, stated exactly as the
 * submission tables say it — for a longer period every month of it, never the last month alone.
 * flow: narrative-director --> narrative-submissions --> narrative-parts (pure)
 */
import type { Block, SubmissionMonth, SubmissionRow, SubmissionStatus } from '../report-model.ts';
import { Counter } from './claims.ts';
import { dateVi, joinNames, monthRef } from './format.ts';
import { capitalise, dayOf, h1, p, ul, type NarrativeContext } from './narrative-parts.ts';

const sent = (r: SubmissionRow) => r.status === 'on-time' || r.status === 'late';

/** "Có 02 phòng, đơn vị <verb>: A và B." */
function unitsSentence(n: Counter, m: SubmissionMonth, status: SubmissionStatus, verb: string, detail?: (r: SubmissionRow) => string): string | undefined {
  const rows = m.rows.filter((r) => r.status === status);
  if (rows.length === 0) return undefined;
  const names = rows.map((r) => r.unit.name + (detail ? detail(r) : ''));
  return `Có ${n.units(m.period, status, rows.length)} phòng, đơn vị ${verb}: ${joinNames(names)}.`;
}

function lateDetail(ctx: NarrativeContext) {
  return (r: SubmissionRow) => (r.submittedAt ? ` (nộp ngày ${dateVi(dayOf(r.submittedAt, ctx.profile))})` : '');
}

/** Units that submitted only part of the tasks they lead. */
function partialSentences(n: Counter, m: SubmissionMonth): string[] {
  return m.rows
    .filter((r) => sent(r) && r.tasksReported < r.tasksDue)
    .map((r) =>
      r.tasksReported === 0
        ? `${r.unit.name} đã nộp báo cáo nhưng chưa cập nhật nhiệm vụ nào trong ${n.unitTasks(m.period, r.unit.code, 'tasksDue', r.tasksDue)} nhiệm vụ được giao chủ trì.`
        : `${r.unit.name} đã nộp báo cáo nhưng mới cập nhật ${n.unitTasks(m.period, r.unit.code, 'tasksReported', r.tasksReported)}/${n.unitTasks(m.period, r.unit.code, 'tasksDue', r.tasksDue)} nhiệm vụ được giao chủ trì.`,
    );
}

function monthlySection(ctx: NarrativeContext, m: SubmissionMonth, n: Counter): Block[] {
  const out: Block[] = [];
  const count = m.rows.filter(sent).length;
  const intro = [`Hạn nộp báo cáo ${ctx.label} là ngày ${dateVi(m.deadline)}.`];
  intro.push(
    count === 0
      ? `Tính đến ngày ${dateVi(ctx.issueDate)}, chưa có phòng, đơn vị nào nộp báo cáo.`
      : `Tính đến ngày ${dateVi(ctx.issueDate)}, có ${n.units(m.period, 'sent', count)}/${n.units(m.period, 'all', m.rows.length)} phòng, đơn vị đã nộp báo cáo.`,
  );
  if (count === 0) n.none({ of: 'units', month: m.period, status: 'sent', value: 0 });
  out.push(p(n, ...intro));

  const detail: string[] = [];
  const onTime = m.rows.filter((r) => r.status === 'on-time').length;
  if (onTime === m.rows.length) {
    detail.push(`Tất cả ${n.units(m.period, 'on-time', onTime)} phòng, đơn vị đều nộp báo cáo đúng hạn.`);
  } else {
    detail.push(
      ...[
        unitsSentence(n, m, 'on-time', 'nộp báo cáo đúng hạn'),
        unitsSentence(n, m, 'late', 'nộp báo cáo muộn', lateDetail(ctx)),
        unitsSentence(n, m, 'draft-only', 'mới lưu nháp, chưa gửi báo cáo'),
        unitsSentence(n, m, 'missing', m.due ? 'chưa nộp báo cáo' : 'chưa nộp báo cáo (chưa đến hạn nộp)'),
      ].filter((x): x is string => x !== undefined),
    );
    if (count > 0 && !m.rows.some((r) => r.status === 'late')) {
      n.none({ of: 'units', month: m.period, status: 'late', value: 0 });
      detail.push('Không có phòng, đơn vị nào nộp báo cáo muộn.');
    }
  }
  out.push(p(n, ...detail));
  const partial = partialSentences(n, m);
  if (partial.length > 0) out.push(p(n, ...partial));
  return out;
}

/** One month of a longer period as one sentence. */
function monthLine(ctx: NarrativeContext, m: SubmissionMonth, n: Counter): string {
  const head = `${capitalise(monthRef(m.period))} (hạn nộp ${dateVi(m.deadline)})`;
  const count = m.rows.filter(sent).length;
  const total = m.rows.length;
  if (!m.due && count === 0) return `${head}: chưa đến hạn nộp báo cáo.`;
  if (count === 0) {
    n.none({ of: 'units', month: m.period, status: 'sent', value: 0 });
    return `${head}: không có phòng, đơn vị nào nộp báo cáo (${n.units(m.period, 'all', total)} phòng, đơn vị có nhiệm vụ phải báo cáo).`;
  }
  const parts: string[] = [];
  const onTime = m.rows.filter((r) => r.status === 'on-time');
  const late = m.rows.filter((r) => r.status === 'late');
  let first = `${n.units(m.period, 'sent', count)}/${n.units(m.period, 'all', total)} phòng, đơn vị đã nộp báo cáo`;
  if (late.length === 0) first += count === 1 ? ', đúng hạn' : ', đều đúng hạn';
  else if (onTime.length === 0) first += count === 1 ? ', nộp muộn' : ', đều nộp muộn';
  else first += ` (${n.units(m.period, 'on-time', onTime.length)} đúng hạn, ${n.units(m.period, 'late', late.length)} nộp muộn)`;
  parts.push(first);
  if (late.length > 0) parts.push(`nộp muộn: ${joinNames(late.map((r) => r.unit.name + lateDetail(ctx)(r)))}`);
  const drafts = m.rows.filter((r) => r.status === 'draft-only');
  if (drafts.length > 0) parts.push(`mới lưu nháp, chưa gửi: ${joinNames(drafts.map((r) => r.unit.name))}`);
  const missing = m.rows.filter((r) => r.status === 'missing');
  if (missing.length > 0) parts.push(`${m.due ? 'chưa nộp' : 'chưa nộp (chưa đến hạn)'}: ${joinNames(missing.map((r) => r.unit.name))}`);
  return `${head}: ${parts.join('; ')}.`;
}

/** Consecutive months in which nobody reported although reports were due, written as one line. */
function monthLines(ctx: NarrativeContext, n: Counter): string[] {
  const lines: string[] = [];
  const months = ctx.months;
  for (let i = 0; i < months.length; ) {
    const m = months[i]!;
    const silent = (x: SubmissionMonth) => x.due && x.rows.length > 0 && !x.rows.some(sent);
    let j = i;
    while (j + 1 < months.length && silent(months[j + 1]!) && silent(m)) j++;
    if (j > i) {
      for (let k = i; k <= j; k++) n.none({ of: 'units', month: months[k]!.period, status: 'sent', value: 0 });
      lines.push(`Từ ${monthRef(m.period)} đến ${monthRef(months[j]!.period)}: không có phòng, đơn vị nào nộp báo cáo.`);
    } else {
      lines.push(monthLine(ctx, m, n));
    }
    i = j + 1;
  }
  return lines;
}

/** Units that reported in every month that was due, and of them those always on time. */
function wholePeriodSentence(ctx: NarrativeContext, n: Counter): string | undefined {
  const due = ctx.months.filter((m) => m.due);
  if (due.length === 0) return undefined;
  const codes = [...new Set(due.flatMap((m) => m.rows.map((r) => r.unit.code)))];
  const rowOf = (m: SubmissionMonth, code: string) => m.rows.find((r) => r.unit.code === code);
  const every = codes.filter(
    (c) =>
      due.every((m) => {
        const r = rowOf(m, c);
        return r === undefined || sent(r);
      }) && due.some((m) => rowOf(m, c) !== undefined),
  );
  const onTime = every.filter((c) =>
    due.every((m) => {
      const r = rowOf(m, c);
      return r === undefined || r.status === 'on-time';
    }),
  );
  const name = (c: string) => due.map((m) => rowOf(m, c)).find((r) => r !== undefined)!.unit.name;
  if (every.length === 0) {
    n.none({ of: 'units-every-month', status: 'sent', value: 0 });
    return 'Không có phòng, đơn vị nào nộp đủ báo cáo các tháng đã đến hạn trong kỳ.';
  }
  if (onTime.length === every.length) {
    return `Có ${n.unitsEveryMonth('sent', every.length)} phòng, đơn vị nộp đủ báo cáo các tháng đã đến hạn trong kỳ, ${every.length === 1 ? 'đúng hạn' : 'đều đúng hạn'}: ${joinNames(every.map(name))}.`;
  }
  const tail =
    onTime.length > 0 ? `, trong đó ${n.unitsEveryMonth('on-time', onTime.length)} phòng, đơn vị luôn nộp đúng hạn: ${joinNames(onTime.map(name))}` : '';
  if (onTime.length === 0) n.none({ of: 'units-every-month', status: 'on-time', value: 0 });
  return `Có ${n.unitsEveryMonth('sent', every.length)} phòng, đơn vị nộp đủ báo cáo các tháng đã đến hạn trong kỳ${tail}.`;
}

export function sectionSubmissions(ctx: NarrativeContext): Block[] {
  const n = new Counter();
  const out: Block[] = [h1('I. TÌNH HÌNH NỘP BÁO CÁO')];
  if (ctx.months.every((m) => m.rows.length === 0)) {
    out.push(p(n, 'Trong kỳ không có phòng, đơn vị nào có nhiệm vụ phải báo cáo và cũng chưa có phòng, đơn vị nào gửi báo cáo.'));
    return out;
  }
  if (ctx.period.kind === 'monthly') return [...out, ...monthlySection(ctx, ctx.months[0]!, n)];

  const first = ctx.months[0]!.period;
  const last = ctx.months[ctx.months.length - 1]!.period;
  out.push(
    p(
      n,
      `Số liệu ${ctx.label} được tổng hợp từ báo cáo hằng tháng của các phòng, đơn vị trong ${n.months(ctx.months.length)} tháng, từ ${monthRef(first)} đến ${monthRef(last)}. Tình hình nộp báo cáo từng tháng như sau:`,
    ),
  );
  out.push(ul(n, monthLines(ctx, n)));
  const whole = wholePeriodSentence(ctx, n);
  const partial = ctx.months.filter((m) => m.due).flatMap((m) => partialSentences(n, m).map((s) => `${capitalise(monthRef(m.period))}: ${s}`));
  if (whole) out.push(p(n, whole, ...partial));
  return out;
}
