/**
 * Văn phòng sends the period's issued report to UBND tỉnh now, from the portal ("Gửi UBND tỉnh
 * ngay"): first a preview — which issued version, to whom, the subject, which files are attached
 * and which reached by a link — then the sending, through the very path of the scheduled delivery
 * (runJob 'deliver' → deliverReport), so the delivery log, the send-once claim and the lock after
 * a delivery are the job's. Only an issued version leaves the Sở (409 otherwise: nothing is issued
 * on the portal's behalf, whatever autoIssue says); a version already delivered is not sent again
 * unless Văn phòng asks to resend, and the answer names the earlier message.
 * flow: POST /api/reports/{period}/deliver --> deliver now --> deliveryPlan (preview) / runJob → deliverReport
 */
import { isVanPhong, type Principal } from '../core/auth.ts';
import { localDate } from '../core/clock.ts';
import { parsePeriod, periodLabel } from '../core/period.ts';
import { portalLink } from '../../templates/email/wording.ts';
import { profileOn } from './agency-service.ts';
import { REPORTS_PAGE_PATH, deliveryPlan } from './deliver-report.ts';
import { UseCaseError } from './errors.ts';
import type { DeliveryEntry } from './ports.ts';
import { runJob, type JobDeps } from './run-job.ts';

export interface DeliverNowInput {
  period: string;
  dryRun: boolean;
  /** Send even when this version was already delivered. */
  resend: boolean;
  now: Date;
}

/** An earlier delivery of the same version: when, to whom, its message id. */
export interface EarlierDelivery {
  at: string;
  to: string[];
  messageId?: string;
}

export interface DeliverNowResult {
  period: string;
  dryRun: boolean;
  /** The issued version that is (or would be) sent, and its number ("15/BC-SKHCN"). */
  version: number;
  number: string;
  issueDate: string;
  /** The signed PDF is sent instead of the issued one. */
  signed: boolean;
  to: string[];
  subject: string;
  attached: string[];
  /** Files too large to attach, reached through `link`. */
  linked: string[];
  link?: string;
  /** A newer compiled draft exists: it is not what is sent. */
  newerDraft?: number;
  /** Already delivered (the preview says so; without resend nothing is sent again). */
  delivered?: EarlierDelivery;
  /** After sending: sent now, already delivered earlier (nothing sent), or interrupted (unknown: see the log). */
  outcome?: 'sent' | 'already-delivered' | 'interrupted';
  messageId?: string;
  /** The month was locked by the delivery. */
  locked?: boolean;
}

function earlierOf(log: DeliveryEntry[], version: number): EarlierDelivery | undefined {
  const sent = log.filter((e) => e.purpose === 'ubnd-report' && e.reportVersion === version && e.status === 'sent');
  const last = sent.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))[0];
  if (!last) return undefined;
  const ok = last.attempts.findLast((a) => a.ok);
  return { at: ok?.at ?? last.updatedAt, to: last.to, ...(last.messageId ? { messageId: last.messageId } : {}) };
}

/**
 * The run of a portal delivery: one per minute (a double click joins the same run, which sends
 * once), a millisecond past the minute so it can never be a scheduled run's (those fall on whole minutes).
 */
export function portalRunTime(now: Date): Date {
  return new Date(Math.floor(now.getTime() / 60_000) * 60_000 + 1);
}

export async function deliverNow(deps: JobDeps, p: Principal, input: DeliverNowInput): Promise<DeliverNowResult> {
  if (!isVanPhong(p)) throw new UseCaseError('forbidden', 'forbidden', 'Chỉ Văn phòng gửi báo cáo cho UBND tỉnh.');
  const period = parsePeriod(input.period);
  const label = periodLabel(period);
  const profile = await profileOn(deps.agencies, p.agencyId, localDate(input.now, 'Asia/Ho_Chi_Minh'));
  const versions = await deps.reports.listVersions(p.agencyId, period.id);
  const target = versions.find((v) => v.issued?.ubnd);
  if (!target) {
    throw new UseCaseError(
      'conflict',
      'not_issued',
      versions.length
        ? `Báo cáo ${label} gửi UBND tỉnh chưa được phát hành (chưa có số): chỉ văn bản đã phát hành mới được gửi. Hãy phát hành phiên bản ${versions[0]!.version} trước.`
        : `Chưa có báo cáo tổng hợp ${label}: tổng hợp, phát hành rồi mới gửi UBND tỉnh.`,
    );
  }
  if (profile.emails.ubnd.length === 0) {
    throw new UseCaseError(
      'conflict',
      'no_recipients',
      'Hồ sơ cơ quan chưa có địa chỉ thư của UBND tỉnh (emails.ubnd): bổ sung ở trang Hồ sơ cơ quan rồi gửi lại.',
    );
  }
  const reportsLink = portalLink(deps.settings.portalUrl ?? profile.portalUrl, REPORTS_PAGE_PATH, period.id);
  const plan = deliveryPlan(deps.settings, profile, period, target, reportsLink);
  const issuance = target.issued!.ubnd!;
  const delivered = earlierOf(await deps.jobs.listDeliveries(p.agencyId, period.id), target.version);
  const preview: DeliverNowResult = {
    period: period.id,
    dryRun: input.dryRun,
    version: target.version,
    number: plan.numberText,
    issueDate: issuance.date,
    signed: issuance.signed !== undefined,
    to: plan.to,
    subject: plan.email.subject,
    attached: plan.attach.map((f) => f.fileName),
    linked: plan.tooLarge.map((f) => f.fileName),
    ...(plan.link ? { link: plan.link } : {}),
    ...(versions[0]!.version !== target.version ? { newerDraft: versions[0]!.version } : {}),
    ...(delivered ? { delivered } : {}),
  };
  if (input.dryRun) return preview;
  if (delivered && !input.resend) return { ...preview, outcome: 'already-delivered', ...(delivered.messageId ? { messageId: delivered.messageId } : {}) };

  const { result } = await runJob(deps, {
    agencyId: p.agencyId,
    job: 'deliver',
    period: period.id,
    scheduledTime: portalRunTime(input.now),
    source: `api:${p.sub}`,
    ...(input.resend ? { resend: true } : {}),
  });
  const status = result.status;
  if (status === 'sent') {
    return { ...preview, outcome: 'sent', messageId: String(result.messageId), locked: result.locked === true };
  }
  if (status === 'already-delivered') {
    const again = earlierOf(await deps.jobs.listDeliveries(p.agencyId, period.id), target.version);
    return { ...preview, outcome: 'already-delivered', ...(again ? { delivered: again, ...(again.messageId ? { messageId: again.messageId } : {}) } : {}) };
  }
  // Interrupted: whether it went out is unknown; the delivery log says what is known.
  return { ...preview, outcome: 'interrupted' };
}
