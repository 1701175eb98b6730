/**
 * The leaders' morning digest (issue 15, item 4): each weekday morning every Lãnh đạo Sở who opted
 * in (User.digest) gets one email with the proposals awaiting the Sở's leaders that came in since
 * the previous working day's digest and the tasks that became overdue since then — nothing when
 * there is nothing to say. The content is the dashboard's (usecases/dashboard.ts: the same Director
 * models as the reports). Each email goes through send-once; one person gets at most one digest a
 * day (the day is in the email's delivery-log purpose, and a digest already sent that day by any
 * run is not sent again). A run where an email failed throws after trying everyone, so the run is
 * marked failed and its retry — or a later run that day — sends what is missing.
 * Also: a leader's own opt-in (PUT /api/me/digest).
 * flow: run-job --> leader digest --> dashboard models + core leader digest + email template + send once
 */
import type { Principal } from '../core/auth.ts';
import { localDate, localParts, zonedInstant } from '../core/clock.ts';
import { buildDashboard } from '../core/dashboard.ts';
import { digestContent, isEmptyDigest } from '../core/leader-digest.ts';
import type { Period } from '../core/period.ts';
import { previousWeekday } from '../core/schedules.ts';
import type { User } from '../core/users.ts';
import { leaderDigestEmail } from '../../templates/email/leader-digest.ts';
import { profileOn } from './agency-service.ts';
import { directorMonths } from './dashboard.ts';
import { UseCaseError } from './errors.ts';
import { actorOf } from './people.ts';
import type { AgencyStore, PlanStore, SubmissionStore, UserStore } from './ports.ts';
import { sendOnce, type MailDeps } from './send-once.ts';

export interface DigestDeps extends MailDeps {
  agencies: AgencyStore;
  plans: PlanStore;
  submissions: SubmissionStore;
  users: UserStore;
}

export interface DigestRun {
  agencyId: string;
  /** "digest-monthly@2024-05-21T00:30:00.000Z". */
  runId: string;
  /** The run's attempt: a retry may send again what an earlier attempt failed to send. */
  runAttempt: number;
  scheduledTime: Date;
  period: Period;
}

/** Who gets the digest: active leaders who asked for it. */
export function digestRecipients(users: readonly User[]): User[] {
  return users.filter((u) => u.role === 'lanh-dao' && u.status === 'active' && u.digest === true);
}

export const digestPurpose = (day: string, sub: string): string => `digest:${day}:${sub}`;

export async function sendLeaderDigests(deps: DigestDeps, run: DigestRun): Promise<Record<string, unknown>> {
  const { agencyId, scheduledTime, period } = run;
  const profile = await profileOn(deps.agencies, agencyId, localDate(scheduledTime, 'Asia/Ho_Chi_Minh'));
  const tz = profile.timeZone;
  const today = localDate(scheduledTime, tz);
  const sinceDate = previousWeekday(today);
  const at = localParts(scheduledTime, tz);
  const since = zonedInstant(sinceDate, tz, at.hour, at.minute);
  const recipients = digestRecipients(await deps.users.listUsers(agencyId));
  if (recipients.length === 0) return { day: today, since: since.toISOString(), recipients: 0, proposals: 0, overdue: 0, sent: [] };

  // The Director's models of the year to this month, as the dashboard reads them (as of the run).
  const system: Principal = { sub: `job:${run.runId}`, role: 'lanh-dao', agencyId };
  const months = await directorMonths(deps, system, period.id, scheduledTime);
  const dashboards = months.length > 1 ? [buildDashboard(months.slice(0, -1)), buildDashboard(months)] : [buildDashboard(months)];
  const content = digestContent(dashboards, { since, until: scheduledTime, sinceDate, today });
  const summary = {
    day: today,
    since: since.toISOString(),
    recipients: recipients.length,
    proposals: content.proposals.length,
    overdue: content.overdue.length,
  };
  if (isEmptyDigest(content)) return { ...summary, sent: [], nothing: true };

  const sentToday = new Set(
    (await deps.jobs.listDeliveries(agencyId, period.id)).filter((d) => d.status === 'sent' && d.purpose.startsWith(`digest:${today}:`)).map((d) => d.purpose),
  );
  const outcomes: { email: string; status: string; messageId?: string; error?: string }[] = [];
  for (const u of recipients) {
    const purpose = digestPurpose(today, u.sub);
    if (sentToday.has(purpose)) {
      outcomes.push({ email: u.email, status: 'already-sent' });
      continue;
    }
    const email = leaderDigestEmail({
      profile,
      name: u.name,
      at: scheduledTime,
      since,
      period: dashboards.at(-1)!.period,
      content,
      ...(deps.settings.portalUrl || profile.portalUrl ? { portalUrl: deps.settings.portalUrl ?? profile.portalUrl } : {}),
    });
    const o = await sendOnce(
      deps,
      { agencyId, period: period.id, run: run.runId, runAttempt: run.runAttempt, purpose, to: [u.email], subject: email.subject },
      { from: profile.emails.from, to: [u.email], replyTo: profile.emails.vanPhong, ...email },
    );
    outcomes.push({
      email: u.email,
      status: o.status,
      ...(o.status === 'sent' ? { messageId: o.messageId } : {}),
      ...(o.status === 'failed' ? { error: o.error } : {}),
    });
  }
  const failed = outcomes.filter((o) => o.status === 'failed' || o.status === 'interrupted');
  if (failed.length) {
    throw new Error(
      `Thư tóm tắt chưa gửi được tới ${failed.map((f) => `${f.email}${f.error ? ` (${f.error})` : ''}`).join(', ')}; chạy lại tác vụ để gửi. (Digest not sent to ${failed.length} recipient(s).)`,
    );
  }
  return { ...summary, sent: outcomes };
}

/** A leader turns their own digest on or off: the person's record, with an audit entry. */
export async function setOwnDigest(deps: { users: UserStore }, p: Principal, on: boolean, now: Date): Promise<User> {
  if (p.role !== 'lanh-dao') throw new UseCaseError('forbidden', 'forbidden', 'Thư tóm tắt buổi sáng dành cho Lãnh đạo Sở.');
  const me = (await deps.users.listUsers(p.agencyId)).find((u) => u.sub === p.sub);
  if (!me) throw new UseCaseError('not_found', 'user_not_found', 'Không tìm thấy tài khoản của bạn trong danh sách người dùng của cơ quan; liên hệ Văn phòng.');
  if ((me.digest === true) === on) return me;
  const next: User = { ...me, digest: on, updatedAt: now.toISOString(), version: me.version + 1 };
  const ok = await deps.users.update(next, me.version, {
    agencyId: p.agencyId,
    at: next.updatedAt,
    actor: actorOf(p),
    action: 'user-changed',
    target: me.email,
    before: { digest: me.digest === true },
    after: { digest: on },
  });
  if (!ok) throw new UseCaseError('conflict', 'user_changed', 'Tài khoản của bạn vừa được sửa ở nơi khác; tải lại trang rồi thử lại.');
  return next;
}
