/**
 * Văn phòng reminds units now, from the portal: first a preview — which units have not sent the
 * month's report, to which addresses, and each email's words — then the sending, to the units
 * chosen among them. The emails are the scheduled reminder's (remind-units.ts), written as of now;
 * each is logged in the period's delivery log (when, to whom, message id, outcome) and sent at most
 * once per request key: a retried request (a double click, a lost answer) finds what was sent.
 * flow: POST /api/reminders --> remind now --> status board + unit reminders + send once
 */
import { type Principal, isVanPhong } from '../core/auth.ts';
import { localDate } from '../core/clock.ts';
import { submissionDeadlineDate } from '../core/period.ts';
import { profileOn } from './agency-service.ts';
import { UseCaseError } from './errors.ts';
import { unitReminders } from './remind-units.ts';
import { sendOnce, type MailDeps } from './send-once.ts';
import { statusBoardWithDues } from './status.ts';
import { monthlyPeriod, type Stores } from './submissions.ts';

export interface RemindNowInput {
  period: string;
  /** Unit codes to remind; default every unit that has not sent its report. */
  units?: string[];
  /** Only show what would be sent. */
  dryRun: boolean;
  /** Names the sending: the same key again sends nothing new (default: one per minute and person). */
  requestKey?: string;
  now: Date;
}

export interface RemindNowRow {
  unit: { code: string; name: string };
  status: 'missing' | 'draft-only';
  to: string[];
  subject: string;
  text: string;
  /** After sending: 'sent', 'failed', 'no-email' (the profile has no address for the unit). */
  outcome?: 'sent' | 'failed' | 'interrupted' | 'no-email';
  messageId?: string;
  error?: string;
}

export interface RemindNowResult {
  period: string;
  deadline: string;
  dryRun: boolean;
  reminders: RemindNowRow[];
}

export async function remindNow(deps: Stores & MailDeps, p: Principal, input: RemindNowInput): Promise<RemindNowResult> {
  if (!isVanPhong(p)) throw new UseCaseError('forbidden', 'forbidden', 'Chỉ Văn phòng gửi thư nhắc các đơn vị.');
  const period = monthlyPeriod(input.period);
  const [profile, lock] = await Promise.all([
    profileOn(deps.agencies, p.agencyId, localDate(input.now, 'Asia/Ho_Chi_Minh')),
    deps.submissions.getLock(p.agencyId, period.id),
  ]);
  if (lock?.locked) {
    throw new UseCaseError('conflict', 'period_locked', 'Kỳ báo cáo đã khóa (đã ban hành báo cáo): không còn gì để nhắc các đơn vị.');
  }
  const { board, dues } = await statusBoardWithDues(deps, p, period.id, input.now);
  let all = unitReminders(profile, period, board, dues, input.now, deps.settings.portalUrl);
  if (input.units) {
    const wanted = new Set(input.units);
    const unknown = [...wanted].filter((code) => !all.some((r) => r.unit.code === code));
    if (unknown.length) {
      throw new UseCaseError(
        'invalid',
        'nothing_to_remind',
        `Không nhắc được ${unknown.join(', ')}: đơn vị không có trong cơ quan, hoặc đã gửi báo cáo ${board.period}. Xem lại danh sách ở bước xem trước.`,
        [{ field: 'units', message: 'Có đơn vị không cần nhắc.' }],
      );
    }
    all = all.filter((r) => wanted.has(r.unit.code));
  }
  const rows: RemindNowRow[] = all.map((r) => ({ unit: r.unit, status: r.status, to: r.to, subject: r.email.subject, text: r.email.text }));
  const deadline = submissionDeadlineDate(period, profile);
  if (input.dryRun) return { period: period.id, deadline, dryRun: true, reminders: rows };

  // One run per request key: the delivery log groups these emails, and a retry of the same request replays them.
  const run = `remind-now@${input.requestKey ?? `${p.sub}@${input.now.toISOString().slice(0, 16)}`}`;
  for (const [i, r] of all.entries()) {
    const row = rows[i]!;
    if (r.to.length === 0) {
      row.outcome = 'no-email';
      continue;
    }
    const outcome = await sendOnce(
      deps,
      { agencyId: p.agencyId, period: period.id, run, purpose: `reminder:${r.unit.code}`, to: r.to, subject: r.email.subject },
      { from: profile.emails.from, to: r.to, replyTo: profile.emails.vanPhong, ...r.email },
    );
    row.outcome = outcome.status;
    if (outcome.status === 'sent') row.messageId = outcome.messageId;
    if (outcome.status === 'failed') row.error = outcome.error;
  }
  return { period: period.id, deadline, dryRun: false, reminders: rows };
}
