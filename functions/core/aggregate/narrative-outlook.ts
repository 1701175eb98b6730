/**
 * "Phương hướng" — the tasks of the next period, for both audiences: every unfinished task that
 * falls due in it, every task already overdue, and the units' next steps written in the window's
 * last month. The annual report looks forward to next year's plan when it is imported, and to the
 * tasks carried over otherwise — never to a month's next steps, which are long past by December.
 * flow: build-report-model / narrative-* --> narrative-outlook --> narrative-parts (pure)
 */
import { monthIndex } from '../clock.ts';
import { citePlanDocument, planDocumentOf } from '../plan-document.ts';
import { taskDeadline, type Plan, type PlanTask } from '../plan.ts';
import { deadlineText } from '../plan-amendment.ts';
import { periodLabel, type Period } from '../period.ts';
import { type Block, groupKey, type OutlookRow } from '../report-model.ts';
import { nfc } from '../text.ts';
import { Counter } from './claims.ts';
import { joinNames, sentence } from './format.ts';
import { PROVINCIAL } from './provincial.ts';
import { capitalise, deadlinePhrase, nextPeriodOf, taskNo, taskRef, type NarrativeContext, h1, p, ul } from './narrative-parts.ts';
import { unitRef, type BuiltRow } from './task-rows.ts';
import { isFinished } from './task-status.ts';
import type { AgencyProfile } from '../agency.ts';

function outlookRow(task: PlanTask, profile: AgencyProfile, reason: OutlookRow['reason']): OutlookRow {
  return {
    taskId: task.id,
    number: nfc(task.number),
    content: nfc(task.content),
    leadUnit: unitRef(profile, task.leadUnit),
    deadlineText: nfc(deadlineText(task)),
    reason,
    group: { numeral: nfc(task.group.numeral), title: nfc(task.group.title) },
  };
}

function dueIn(task: PlanTask, next: Period): boolean {
  const d = taskDeadline(task);
  if (!d) return false;
  const m = monthIndex(Number(d.slice(0, 4)), Number(d.slice(5, 7)));
  return m >= monthIndex(next.firstMonth.year, next.firstMonth.month) && m <= monthIndex(next.lastMonth.year, next.lastMonth.month);
}

/** The tasks "Phương hướng" names, in plan order within each reason. */
export function buildOutlook(args: {
  profile: AgencyProfile;
  plan: Plan | undefined;
  nextPlan: Plan | undefined;
  period: Period;
  built: readonly BuiltRow[];
}): OutlookRow[] {
  const { profile, plan, nextPlan, period, built } = args;
  if (!plan) return [];
  const status = new Map(built.map((b) => [b.task.id, b.row.status]));
  const byOrder = (a: PlanTask, b: PlanTask) => a.order - b.order;
  if (period.kind === 'annual') {
    const carried = built
      .filter((b) => !isFinished(b.row.status))
      .map((b) => b.task)
      .sort(byOrder)
      .map((t) => outlookRow(t, profile, 'carried-over'));
    const next = [...(nextPlan?.tasks ?? [])].sort(byOrder).map((t) => outlookRow(t, profile, 'next-plan'));
    return [...next, ...carried];
  }
  const next = nextPeriodOf(period);
  const overdue = built.filter((b) => b.row.status === 'chua-hoan-thanh-qua-han').map((b) => b.task);
  const due = plan.tasks.filter((t) => dueIn(t, next) && !isFinished(status.get(t.id) ?? 'chua-co-bao-cao') && !overdue.includes(t));
  return [...due.sort(byOrder).map((t) => outlookRow(t, profile, 'due-next')), ...overdue.sort(byOrder).map((t) => outlookRow(t, profile, 'overdue'))];
}

const rowRef = (r: OutlookRow) => taskRef({ group: r.group, number: r.number, content: r.content }, 14);

function annual(ctx: NarrativeContext, n: Counter, provinceOnly: boolean): Block[] {
  const out: Block[] = [];
  const year = ctx.period.year + 1;
  const next = ctx.outlook.filter((r) => r.reason === 'next-plan');
  const carried = ctx.outlook.filter((r) => r.reason === 'carried-over');
  if (ctx.nextPlan && next.length > 0) {
    const cite = citePlanDocument(planDocumentOf(ctx.nextPlan), ctx.profile.name) ?? `kế hoạch thực hiện nhiệm vụ năm ${year}`;
    const groups = [...new Map(next.map((r) => [groupKey(r.group), r.group])).values()];
    out.push(
      p(
        n,
        `Năm ${year}, ${provinceOnly ? ctx.profile.name : 'các phòng, đơn vị'} tập trung thực hiện ${n.outlook(next.length, ['next-plan'])} nhiệm vụ theo ${cite}, gồm:`,
      ),
    );
    out.push(
      ul(
        n,
        groups.map(
          (g) => `${g.numeral}. ${g.title}: ${n.outlook(next.filter((r) => groupKey(r.group) === groupKey(g)).length, ['next-plan'], groupKey(g))} nhiệm vụ.`,
        ),
      ),
    );
    const key = next.filter((r) => PROVINCIAL.includes(ctx.nextPlan!.tasks.find((t) => t.id === r.taskId)?.category ?? 'ke-hoach'));
    if (key.length > 0) {
      out.push(p(n, 'Trong đó, các nhiệm vụ trọng tâm do Chủ tịch UBND tỉnh giao và nhiệm vụ chấp thuận:'));
      out.push(
        ul(
          n,
          key.map((r) => `${capitalise(rowRef(r))}, do ${r.leadUnit.name} chủ trì, ${deadlinePhrase(r.deadlineText)}.`),
        ),
      );
    }
  } else {
    out.push(
      p(
        n,
        `Kế hoạch thực hiện nhiệm vụ năm ${year} chưa được nhập vào hệ thống; phương hướng năm ${year} dưới đây gồm các nhiệm vụ năm ${ctx.period.year} chưa hoàn thành, tiếp tục thực hiện.`,
      ),
    );
  }
  if (carried.length > 0) {
    out.push(p(n, `Tiếp tục thực hiện ${n.outlook(carried.length, ['carried-over'])} nhiệm vụ năm ${ctx.period.year} chưa hoàn thành:`));
    out.push(
      ul(
        n,
        carried.map((r) => `${capitalise(rowRef(r))}, do ${r.leadUnit.name} chủ trì, ${deadlinePhrase(r.deadlineText)}.`),
      ),
    );
  } else {
    n.none({ of: 'outlook', reason: ['carried-over'], value: 0 });
    out.push(p(n, `Các nhiệm vụ năm ${ctx.period.year} đã hoàn thành, không có nhiệm vụ chuyển sang năm ${year}.`));
  }
  return out;
}

/**
 * The section, for either audience: the Director's lists every unit's next steps; the province's
 * only those of the tasks it assigned or approved, in the Sở's own voice.
 */
export function sectionOutlook(ctx: NarrativeContext, heading: string): Block[] {
  const n = new Counter();
  const out: Block[] = [h1(heading)];
  const province = ctx.audience === 'ubnd';
  if (ctx.period.kind === 'annual') return [...out, ...annual(ctx, n, province)];

  const nextLabel = periodLabel(nextPeriodOf(ctx.period));
  const taskOf = new Map(ctx.built.map((b) => [b.task.id, b]));
  const order = (r: (typeof ctx.priorities)[number]) => (r.taskId ? (taskOf.get(r.taskId)?.task.order ?? 0) : 0);
  // The province reads tasks in plan order, not units.
  const priorities = province
    ? ctx.priorities
        .filter((r) => r.taskId !== undefined && PROVINCIAL.includes(taskOf.get(r.taskId)?.row.category ?? 'ke-hoach'))
        .sort((a, b) => order(a) - order(b))
    : ctx.priorities;
  if (priorities.length > 0) {
    out.push(p(n, `Trong ${nextLabel}, ${province ? ctx.profile.name : 'các phòng, đơn vị'} tập trung thực hiện các nội dung sau:`));
    out.push(
      ul(
        n,
        priorities.map((r) => {
          const t = r.taskId ? taskOf.get(r.taskId)?.task : undefined;
          if (province && t) return `${capitalise(taskRef(t, 14))}: ${sentence(r.text)}`;
          return `${r.unit.name}${t ? ` (nhiệm vụ ${taskNo(t)})` : ''}: ${sentence(r.text)}`;
        }),
      ),
    );
  } else if (!province) {
    out.push(p(n, `Các phòng, đơn vị chưa báo cáo kế hoạch thực hiện nhiệm vụ ${nextLabel}.`));
  }
  const due = ctx.outlook.filter((r) => r.reason === 'due-next');
  if (due.length > 0) {
    out.push(
      p(
        n,
        `Có ${n.outlook(due.length, ['due-next'])} nhiệm vụ theo kế hoạch đến hạn hoàn thành trong ${nextLabel}, ${province ? 'Sở tập trung chỉ đạo hoàn thành đúng hạn' : 'đề nghị các đơn vị chủ trì tập trung hoàn thành đúng hạn'}:`,
      ),
    );
    out.push(
      ul(
        n,
        due.map((r) => `${capitalise(rowRef(r))}, do ${r.leadUnit.name} chủ trì, ${deadlinePhrase(r.deadlineText)}.`),
      ),
    );
  }
  const overdue = ctx.outlook.filter((r) => r.reason === 'overdue');
  if (overdue.length > 0) {
    out.push(p(n, `Tập trung hoàn thành ${n.outlook(overdue.length, ['overdue'])} nhiệm vụ đã quá hạn: ${joinNames(overdue.map(rowRef))}.`));
  }
  if (province) out.push(p(n, `Tiếp tục triển khai các nhiệm vụ theo kế hoạch năm ${ctx.period.lastMonth.year}, bảo đảm tiến độ và chất lượng.`));
  return out;
}
