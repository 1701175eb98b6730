/**
 * The reminder job: every unit that has not submitted the month's report (or only saved a draft)
 * gets an email listing its tasks due and the deadline; Văn phòng gets a summary of who is still
 * missing. Each email goes out at most once per run, so a retried run only sends what is left.
 * flow: run-job --> remind units --> status board + due tasks + email templates + send once
 */
import type { AgencyProfile } from '../core/agency.ts';
import type { Principal } from '../core/auth.ts';
import type { StatusBoard } from '../core/status-board.ts';
import { periodWindow, submissionDeadlineDate, type Period } from '../core/period.ts';
import { reminderSummaryEmail, type ReminderOutcome, type SummaryRow } from '../../templates/email/reminder-summary.ts';
import { unitReminderEmail } from '../../templates/email/unit-reminder.ts';
import { portalLink } from '../../templates/email/wording.ts';
import { profileOn } from './agency-service.ts';
import { sendOnce, type MailDeps } from './send-once.ts';
import { statusBoardWithDues } from './status.ts';
import type { Stores } from './submissions.ts';
import type { DueTasks } from './due-tasks.ts';

export interface RemindRun {
  agencyId: string;
  /** "remind-monthly@2024-05-17T01:00:00.000Z". */
  runId: string;
  scheduledTime: Date;
  period: Period;
}

/** A unit's reminder as it would be sent: to whom, and the email. */
export interface UnitReminder {
  unit: { code: string; name: string };
  status: 'missing' | 'draft-only';
  to: string[];
  email: { subject: string; text: string; html: string };
}

/**
 * The reminders a board calls for — units that have not sent the month's report — written as of
 * `at`: the scheduled job and Văn phòng's "remind now" (remind-now.ts) send the same words.
 */
export function unitReminders(
  profile: AgencyProfile,
  period: Period,
  board: StatusBoard,
  dues: Map<string, DueTasks>,
  at: Date,
  portalUrl: string | undefined,
): UnitReminder[] {
  const deadline = submissionDeadlineDate(period, profile);
  const link = portalLink(portalUrl ?? profile.portalUrl, '/', period.id);
  const out: UnitReminder[] = [];
  for (const row of board.rows) {
    if (row.status !== 'missing' && row.status !== 'draft-only') continue;
    const to = profile.units.find((u) => u.code === row.unit.code)?.emails ?? [];
    const due = dues.get(row.unit.code)!;
    const email = unitReminderEmail({
      profile,
      period,
      unit: row.unit,
      status: row.status,
      deadline,
      at,
      tasks: due.tasks.map((task) => ({ task, carriedOver: due.carriedOver.has(task.id) })),
      ...(link ? { link } : {}),
    });
    out.push({ unit: row.unit, status: row.status, to, email });
  }
  return out;
}

export async function remindUnits(deps: Stores & MailDeps, run: RemindRun): Promise<Record<string, unknown>> {
  const { period, agencyId } = run;
  const profile = await profileOn(deps.agencies, agencyId, periodWindow(period).to);
  const deadline = submissionDeadlineDate(period, profile);
  const lock = await deps.submissions.getLock(agencyId, period.id);
  if (lock?.locked) return { period: period.id, deadline, skipped: 'locked', reminded: [] };

  // The board is computed as of the scheduled time, so a late retry reminds the same units.
  const system: Principal = { sub: `job:${run.runId}`, role: 'van-phong', agencyId };
  const [{ board, dues }, planMeta] = await Promise.all([
    statusBoardWithDues(deps, system, period.id, run.scheduledTime),
    deps.plans.getPlanMeta(agencyId, period.year),
  ]);
  const from = profile.emails.from;
  const replyTo = profile.emails.vanPhong;
  const units: { code: string; status: string; reminder: ReminderOutcome; messageId?: string }[] = [];
  const reminders = new Map(unitReminders(profile, period, board, dues, run.scheduledTime, deps.settings.portalUrl).map((r) => [r.unit.code, r]));
  const rows: SummaryRow[] = [];
  for (const row of board.rows) {
    const summaryRow: SummaryRow = { unit: row.unit, status: row.status, tasksDue: row.tasksDue };
    rows.push(summaryRow);
    const r = reminders.get(row.unit.code);
    if (!r) continue;
    if (r.to.length === 0) {
      summaryRow.reminder = 'no-email';
      units.push({ code: row.unit.code, status: row.status, reminder: 'no-email' });
      continue;
    }
    const outcome = await sendOnce(
      deps,
      { agencyId, period: period.id, run: run.runId, purpose: `reminder:${row.unit.code}`, to: r.to, subject: r.email.subject },
      { from, to: r.to, replyTo, ...r.email },
    );
    summaryRow.reminder = outcome.status;
    units.push({
      code: row.unit.code,
      status: row.status,
      reminder: summaryRow.reminder,
      ...(outcome.status === 'sent' ? { messageId: outcome.messageId } : {}),
    });
  }

  const statusLink = portalLink(deps.settings.portalUrl ?? profile.portalUrl, '/status', period.id);
  const summary = reminderSummaryEmail({
    profile,
    period,
    deadline,
    at: run.scheduledTime,
    planFound: planMeta !== undefined,
    rows,
    ...(statusLink ? { link: statusLink } : {}),
  });
  const summaryOutcome = await sendOnce(
    deps,
    { agencyId, period: period.id, run: run.runId, purpose: 'reminder-summary', to: profile.emails.vanPhong, subject: summary.subject },
    { from, to: profile.emails.vanPhong, ...summary },
  );
  return {
    period: period.id,
    deadline,
    planFound: planMeta !== undefined,
    counts: board.summary,
    reminded: units,
    summary: summaryOutcome.status,
  };
}
