/**
 * Văn phòng extends a task's deadline by a decision (its number, date and reason) mid-year. A dry
 * run says what changes — the deadline in force, and for each month from the decision on the
 * task's status before and after — and writes nothing; otherwise the amendment is added to the
 * task (who, when) as a new version of the plan, and to the audit log. The same decision recorded
 * again changes nothing.
 * flow: plans API --> amend plan --> plan amendment (core) + PlanStore, SubmissionStore, AgencyStore, AuditLog
 */
import type { AgencyProfile } from '../core/agency.ts';
import { isCalendarDate, localDate, type LocalDate } from '../core/clock.ts';
import { latestReports } from '../core/aggregate/latest-reports.ts';
import { amendmentEffects, amendmentInForce, deadlineText, effectiveFinish, type AmendmentEffect } from '../core/plan-amendment.ts';
import { periodWindow } from '../core/period.ts';
import { formatPlanTime, taskDeadline, type DeadlineAmendment, type PlanTask } from '../core/plan.ts';
import { nfc } from '../core/text.ts';
import { profileOn } from './agency-service.ts';
import { UseCaseError } from './errors.ts';
import { DOCUMENT_NUMBER_PATTERN, planHash } from './plan-document.ts';
import type { AgencyStore, AuditLog, PlanMeta, PlanStore, SubmissionStore } from './ports.ts';

export interface AmendDeadlineInput {
  agencyId: string;
  year: number;
  taskId: string;
  /** The new deadline, YYYY-MM-DD. */
  deadline: string;
  decision: { number: string; date: string; reason: string };
  /** "Nguyễn Thị Hoa (sub)". */
  by: string;
  now: Date;
  dryRun?: boolean;
}

export interface AmendDeadlineOutcome {
  task: { id: string; number: string; content: string; leadUnit: string };
  /** The deadline in force on the decision's date, and the one the decision sets. */
  before: string;
  after: string;
  amendment: DeadlineAmendment;
  /** Months whose deadline (and perhaps status) the amendment changes. */
  effects: AmendmentEffect[];
  dryRun: boolean;
  /** False on a dry run, or when the same decision was already recorded. */
  changed: boolean;
  meta?: PlanMeta;
}

const dmy = (d: LocalDate) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

function invalid(field: string, message: string): never {
  throw new UseCaseError('invalid', 'invalid_amendment', message, [{ field, message }]);
}

/** The checks of an amendment's fields; returns them cleaned (NFC, trimmed). */
function checkInput(input: AmendDeadlineInput, today: LocalDate): { deadline: LocalDate; number: string; date: LocalDate; reason: string } {
  const number = nfc(input.decision.number).trim();
  const reason = nfc(input.decision.reason).trim().replace(/\s+/gu, ' ');
  if (!isCalendarDate(input.deadline)) invalid('deadline', `Thời hạn mới "${input.deadline}" không phải một ngày trên lịch (dạng YYYY-MM-DD).`);
  if (!DOCUMENT_NUMBER_PATTERN.test(number)) invalid('decision.number', `Số quyết định "${number}" chưa đúng dạng "số/ký hiệu", ví dụ 123/QĐ-SKHCN.`);
  if (!isCalendarDate(input.decision.date))
    invalid('decision.date', `Ngày quyết định "${input.decision.date}" không phải một ngày trên lịch (dạng YYYY-MM-DD).`);
  if (input.decision.date > today) invalid('decision.date', `Ngày quyết định ${dmy(input.decision.date)} sau ngày hôm nay: chỉ ghi quyết định đã ban hành.`);
  if (input.decision.date.slice(0, 4) < String(input.year - 1) || input.decision.date.slice(0, 4) > String(input.year + 1))
    invalid(
      'decision.date',
      `Ngày quyết định ${dmy(input.decision.date)} không thuộc kế hoạch năm ${input.year} (chỉ nhận từ năm ${input.year - 1} đến ${input.year + 1}).`,
    );
  if (input.deadline.slice(0, 4) > String(input.year + 1))
    invalid('deadline', `Thời hạn mới ${dmy(input.deadline)} quá xa: chỉ gia hạn đến hết năm ${input.year + 1}.`);
  if (reason.length < 3 || reason.length > 500) invalid('decision.reason', 'Lý do gia hạn từ 3 đến 500 ký tự.');
  return { deadline: input.deadline, number, date: input.decision.date, reason };
}

export async function amendDeadline(
  stores: { plans: PlanStore; submissions: SubmissionStore; agencies: AgencyStore; audit?: AuditLog },
  input: AmendDeadlineInput,
): Promise<AmendDeadlineOutcome> {
  const plan = await stores.plans.getPlan(input.agencyId, input.year);
  if (!plan) throw new UseCaseError('not_found', 'plan_not_found', `Chưa có kế hoạch năm ${input.year}; hãy nhập kế hoạch trước.`);
  const task = plan.tasks.find((t) => t.id === input.taskId);
  if (!task) throw new UseCaseError('not_found', 'task_not_found', `Kế hoạch năm ${input.year} không có nhiệm vụ mã "${input.taskId}".`);
  const profile = await profileOn(stores.agencies, input.agencyId, `${input.year}-12-31`);
  const v = checkInput(input, localDate(input.now, profile.timeZone));
  const amendment: DeadlineAmendment = {
    deadline: v.deadline,
    decision: { number: v.number, date: v.date, reason: v.reason },
    recordedAt: input.now.toISOString(),
    recordedBy: input.by,
  };
  // The same decision recorded again changes nothing; it is judged as if it were not there yet.
  const isSame = (a: DeadlineAmendment) => a.deadline === v.deadline && a.decision.number === v.number && a.decision.date === v.date;
  const same = (task.amendments ?? []).some(isSame);
  const others = { ...task, amendments: (task.amendments ?? []).filter((a) => !isSame(a)) };
  // What was in force on the decision's day: the plan's deadline or an earlier amendment's.
  const inForce = effectiveFinish(others, v.date);
  const current = taskDeadline({ finish: inForce });
  if (current !== undefined && v.deadline <= current) {
    invalid('deadline', `Thời hạn mới ${dmy(v.deadline)} không sau thời hạn đang áp dụng (${formatPlanTime(inForce)}): gia hạn là lùi thời hạn về sau.`);
  }
  const earlier = amendmentInForce(others, v.date);
  const before = earlier ? deadlineText({ finish: inForce, amendedBy: earlier }) : formatPlanTime(inForce) || 'không ghi thời hạn';
  const after = deadlineText({ finish: { kind: 'date', date: v.deadline }, amendedBy: amendment });
  const effects = same ? [] : await effectsOf(stores, input.agencyId, plan.year, task, amendment, profile);
  const base = {
    task: { id: task.id, number: task.number, content: task.content, leadUnit: task.leadUnit },
    before,
    after,
    amendment,
    effects,
  };
  if (input.dryRun || same) return { ...base, dryRun: input.dryRun === true, changed: false };

  const next = { ...plan, tasks: plan.tasks.map((t) => (t.id === task.id ? { ...t, amendments: [...(t.amendments ?? []), amendment] } : t)) };
  const meta = await stores.plans.getPlanMeta(input.agencyId, input.year);
  const stored = await stores.plans.putPlan(next, {
    hash: planHash(next),
    importedAt: amendment.recordedAt,
    importedBy: input.by,
    source: meta?.source ?? 'amendment',
  });
  await stores.audit?.appendAudit({
    agencyId: input.agencyId,
    at: amendment.recordedAt,
    actor: input.by,
    action: 'plan-amended',
    target: `Kế hoạch năm ${input.year}, nhiệm vụ ${task.number}`,
    before: { deadline: before },
    after: { deadline: v.deadline, decision: amendment.decision, version: stored.meta.version },
  });
  return { ...base, dryRun: false, changed: stored.changed, meta: stored.meta };
}

/** The months the amendment changes, with the task's status judged on its lead unit's reports of the year. */
async function effectsOf(
  stores: { submissions: SubmissionStore },
  agencyId: string,
  year: number,
  task: PlanTask,
  amendment: DeadlineAmendment,
  profile: Pick<AgencyProfile, 'periodWindows' | 'timeZone'>,
): Promise<AmendmentEffect[]> {
  const heads = await stores.submissions.headsOfUnitBefore(agencyId, task.leadUnit, `${year + 1}-01`, 24);
  return amendmentEffects({
    task,
    amendment,
    planYear: year,
    cutoffOf: (p) => periodWindow(p, profile.periodWindows).to,
    reportAsOf: (p) =>
      latestReports(
        heads.filter((h) => h.period <= p.id),
        () => task.leadUnit,
        profile.timeZone,
      ).get(task.id)?.report,
  });
}
