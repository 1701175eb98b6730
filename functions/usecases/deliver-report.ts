/**
 * The delivery job: emails the period's issued UBND report — the signed PDF when Văn phòng
 * attached one, else the issued PDF, and the workbook when the message stays under the size
 * limit (else a portal link) — to the UBND addresses. Only an issued document leaves the Sở:
 * when none is issued, Văn phòng is told and the next day's firing looks again (or, with the
 * profile's autoIssue, the latest version is issued with the next number and the email says so).
 * A delivery that did not reach UBND tỉnh fails the run, so the scheduler retries it and, in the
 * end, the dead-letter queue and an alarm hold it; a retry once mail works sends it exactly once.
 * flow: run-job --> deliver report --> ReportStore/FileArchive + issue report + email templates + send once
 */
import type { AgencyProfile } from '../core/agency.ts';
import { localDate } from '../core/clock.ts';
import { periodLabel, type Period } from '../core/period.ts';
import { downloadName } from '../core/report-files.ts';
import { deliveryFailedEmail } from '../../templates/email/delivery-failed.ts';
import { notIssuedEmail } from '../../templates/email/not-issued.ts';
import { reportDeliveryEmail, type DeliveredFile } from '../../templates/email/report-delivery.ts';
import { asciiFileName, portalLink } from '../../templates/email/wording.ts';
import { profileOn } from './agency-service.ts';
import { compileReports, type CompileStores } from './compile-reports.ts';
import { issueReport } from './issue-report.ts';
import { issuanceNumber, type Issuance, type MailAttachment, type ReportFile, type ReportVersion } from './ports.ts';
import { sendOnce, type MailDeps, type SendOutcome } from './send-once.ts';

/** Where the portal lists a period's reports (linked when a file is too large to attach). */
export const REPORTS_PAGE_PATH = '/reports';

/** Room kept for the text and HTML bodies and the MIME headers. */
const BODY_ALLOWANCE = 64 * 1024;

/** Bytes a file takes in the message: base64 (4/3), wrapped at 76 characters, plus its part headers. */
export function encodedSize(bytes: number): number {
  return Math.ceil((Math.ceil(bytes / 3) * 4 * 78) / 76) + 512;
}

/** A file to send: the key to read and what the recipient sees. */
export interface Outgoing {
  key: string;
  format: 'pdf' | 'xlsx';
  size: number;
  contentType: string;
  fileName: string;
}

/** The PDF first, then the workbook, while they fit; never the workbook without the PDF. */
export function chooseAttachments<F extends { format: 'pdf' | 'xlsx'; size: number }>(files: readonly F[], maxBytes: number): { attach: F[]; link: F[] } {
  const ordered = (['pdf', 'xlsx'] as const).map((format) => files.find((f) => f.format === format)).filter((f): f is F => f !== undefined);
  let budget = maxBytes - BODY_ALLOWANCE;
  const attach: F[] = [];
  const link: F[] = [];
  for (const f of ordered) {
    const need = encodedSize(f.size);
    if (link.length === 0 && need <= budget) {
      attach.push(f);
      budget -= need;
    } else link.push(f);
  }
  return { attach, link };
}

/** The delivery did not reach UBND tỉnh: the run fails, so it is retried (and in the end dead-lettered and alarmed). */
export class DeliveryFailedError extends Error {
  override name = 'DeliveryFailedError';
  constructor(
    message: string,
    readonly result: Record<string, unknown>,
  ) {
    super(message);
  }
}

export interface DeliverRun {
  agencyId: string;
  /** "deliver-monthly@2024-05-21T03:00:00.000Z". */
  runId: string;
  /** Which attempt of the run this is (a failed email is tried again by a later attempt). */
  runAttempt: number;
  /** "schedule", "cli:<user>": who triggered it, for the lock and a compile made on the spot. */
  source: string;
  scheduledTime: Date;
  period: Period;
  /** When the schedule looks again for this period (a retry the next day), if it does. */
  nextTry?: Date;
  /** Send even if this version was already delivered by another run. */
  resend?: boolean;
}

/** The files of an issued document as sent: the signed PDF replaces the issued one when there is one. */
function outgoingFiles(issuance: Issuance, version: ReportVersion): Outgoing[] {
  const numberText = issuanceNumber(issuance);
  const named = (f: ReportFile, signed = false) => asciiFileName(downloadName(f, version.period, version.version, { numberText, signed }));
  const out: Outgoing[] = [];
  for (const f of issuance.files) {
    if (f.format === 'pdf' && issuance.signed) {
      out.push({ key: issuance.signed.key, format: 'pdf', size: issuance.signed.size, contentType: 'application/pdf', fileName: named(f, true) });
    } else {
      out.push({ key: f.key, format: f.format, size: f.size, contentType: f.contentType, fileName: named(f) });
    }
  }
  return out;
}

/** What a delivery of an issued version sends: to whom, the email, the files attached, and the link for those too large. */
export interface DeliveryPlan {
  to: string[];
  email: ReturnType<typeof reportDeliveryEmail>;
  /** Number as printed ("15/BC-SKHCN"). */
  numberText: string;
  attach: Outgoing[];
  /** Too large to attach: reachable through `link`. */
  tooLarge: Outgoing[];
  link?: string;
}

/**
 * The delivery of an issued version, decided but not sent: the job sends it, the portal's "Gửi UBND
 * tỉnh ngay" shows it first (usecases/deliver-now.ts) — one function, so the preview is what goes.
 */
export function deliveryPlan(
  settings: Pick<MailDeps['settings'], 'mailMaxBytes'>,
  profile: AgencyProfile,
  period: Period,
  target: ReportVersion,
  reportsLink: string | undefined,
): DeliveryPlan {
  const issuance = target.issued!.ubnd!;
  const numberText = issuanceNumber(issuance);
  const { attach, link: tooLarge } = chooseAttachments(outgoingFiles(issuance, target), settings.mailMaxBytes);
  const described = (f: Outgoing): DeliveredFile => ({ fileName: f.fileName, format: f.format, size: f.size });
  const link = tooLarge.length > 0 ? reportsLink : undefined;
  const email = reportDeliveryEmail({
    profile,
    period,
    numberText,
    issueDate: issuance.date,
    signed: issuance.signed !== undefined,
    autoIssued: issuance.auto === true,
    attached: attach.map(described),
    notAttached: tooLarge.map(described),
    ...(link ? { link } : {}),
  });
  return { to: profile.emails.ubnd, email, numberText, attach, tooLarge, ...(link ? { link } : {}) };
}

export async function deliverReport(deps: CompileStores & MailDeps, run: DeliverRun): Promise<Record<string, unknown>> {
  const { agencyId, period } = run;
  const profile = await profileOn(deps.agencies, agencyId, localDate(run.scheduledTime, 'Asia/Ho_Chi_Minh'));
  const today = localDate(run.scheduledTime, profile.timeZone);
  const reportsLink = portalLink(deps.settings.portalUrl ?? profile.portalUrl, REPORTS_PAGE_PATH, period.id);
  const mail = { runAttempt: run.runAttempt, agencyId, period: period.id, run: run.runId };

  let versions = await deps.reports.listVersions(agencyId, period.id);
  let compiled = false;
  if (versions.length === 0) {
    // The compile did not run (or failed for good): compile now, so Văn phòng has a draft to issue.
    const r = await compileReports(deps, { agencyId, period: period.id, trigger: `${run.source}:${run.runId}`, now: deps.clock(), issueDate: today });
    versions = [r.version];
    compiled = r.created;
  }
  const latest = versions[0]!;
  const to = profile.emails.ubnd;
  // No address to send to: nothing is issued or sent on the delivery's behalf.
  if (to.length === 0) return { period: period.id, version: latest.version, compiled, status: 'no-recipients' };
  let target = versions.find((v) => v.issued?.ubnd);
  let autoIssued = false;
  if (!target && profile.autoIssue) {
    const issued = await issueReport(deps, {
      agencyId,
      period: period.id,
      version: latest.version,
      audience: 'ubnd',
      by: `system:auto-issue:${run.runId}`,
      now: deps.clock(),
      timeZone: profile.timeZone,
      date: today,
      auto: true,
    });
    target = issued.version;
    autoIssued = true;
  }
  if (!target) {
    const notice = notIssuedEmail({
      profile,
      period,
      at: run.scheduledTime,
      draft: { version: latest.version, createdAt: latest.createdAt },
      ...(run.nextTry ? { nextTry: run.nextTry } : {}),
      ...(reportsLink ? { link: reportsLink } : {}),
    });
    const outcome = await sendOnce(
      deps,
      { ...mail, purpose: 'not-issued-notice', to: profile.emails.vanPhong, subject: notice.subject, reportVersion: latest.version },
      { from: profile.emails.from, to: profile.emails.vanPhong, ...notice },
    );
    const result = {
      period: period.id,
      status: 'not-issued',
      draftVersion: latest.version,
      compiled,
      notice: outcome.status,
      ...(run.nextTry ? { nextTry: run.nextTry.toISOString() } : {}),
    };
    // Nobody would know the report is waiting: a notice that did not go out fails the run too.
    if (outcome.status === 'failed')
      throw new DeliveryFailedError(`Chưa phát hành báo cáo ${periodLabel(period)} và không gửi được thông báo cho Văn phòng: ${outcome.error}`, result);
    return result;
  }

  const issuance = target.issued!.ubnd!;
  const numberText = issuanceNumber(issuance);
  const base = {
    period: period.id,
    version: target.version,
    number: numberText,
    compiled,
    ...(autoIssued ? { autoIssued: true } : {}),
    ...(latest.version !== target.version ? { newerDraft: latest.version } : {}),
  };

  const log = await deps.jobs.listDeliveries(agencyId, period.id);
  const earlier = log.find((e) => e.purpose === 'ubnd-report' && e.reportVersion === target.version && e.status === 'sent' && e.run !== run.runId);
  if (earlier && !run.resend) return { ...base, status: 'already-delivered', messageId: earlier.messageId, deliveredBy: earlier.run, to: earlier.to };

  const { email, attach, link } = deliveryPlan(deps.settings, profile, period, target, reportsLink);
  const attachments: MailAttachment[] = [];
  for (const f of attach) {
    const stored = await deps.archive.get(f.key);
    if (!stored) throw new Error(`Report file missing from the archive: ${f.key}`);
    attachments.push({ fileName: f.fileName, contentType: f.contentType, content: stored.body });
  }
  const outcome = await sendOnce(
    deps,
    {
      ...mail,
      purpose: 'ubnd-report',
      to,
      subject: email.subject,
      reportVersion: target.version,
      attachments: attachments.map((a) => a.fileName),
      ...(link ? { link } : {}),
    },
    { from: profile.emails.from, to, replyTo: profile.emails.vanPhong, ...email, attachments },
  );
  const result = {
    ...base,
    to,
    attached: attachments.map((a) => a.fileName),
    ...(issuance.signed ? { signedSha256: issuance.signed.sha256 } : {}),
    ...(link ? { link } : {}),
    status: outcome.status,
    attempts: outcome.attempts,
  };

  if (outcome.status === 'sent') {
    // Delivered to UBND tỉnh: the month's report is final, units can no longer revise it.
    let locked = false;
    if (period.kind === 'monthly') {
      await deps.submissions.setLock({
        agencyId,
        period: period.id,
        locked: true,
        at: deps.clock().toISOString(),
        by: `${run.source}:${run.runId}`,
        reason: `Đã gửi Báo cáo số ${numberText} cho UBND tỉnh`,
      });
      locked = true;
    }
    return { ...result, messageId: outcome.messageId, locked };
  }
  const notice = await tellVanPhong(deps, run, mail, numberText, outcome, reportsLink, target.version);
  const failed = { ...result, ...(outcome.status === 'failed' ? { error: outcome.error } : {}), notice: notice.status };
  if (outcome.status === 'failed') throw new DeliveryFailedError(`Chưa gửi được Báo cáo số ${numberText} tới UBND tỉnh: ${outcome.error}`, failed);
  // Interrupted: whether it went out is unknown; sending again could send it twice. Văn phòng decides.
  return failed;
}

async function tellVanPhong(
  deps: CompileStores & MailDeps,
  run: DeliverRun,
  mail: { runAttempt: number; agencyId: string; period: string; run: string },
  numberText: string,
  outcome: Exclude<SendOutcome, { status: 'sent' }>,
  link: string | undefined,
  version: number,
): Promise<SendOutcome> {
  const profile = await profileOn(deps.agencies, run.agencyId, localDate(run.scheduledTime, 'Asia/Ho_Chi_Minh'));
  const email = deliveryFailedEmail({
    profile,
    period: run.period,
    numberText,
    to: profile.emails.ubnd,
    reason: outcome.status,
    attempts: outcome.attempts,
    ...(outcome.status === 'failed' ? { lastError: outcome.error, ...(outcome.lastAttemptAt ? { lastAttemptAt: new Date(outcome.lastAttemptAt) } : {}) } : {}),
    ...(link ? { link } : {}),
  });
  // The notice is best effort: when mail is down altogether it fails too, and the run's failure
  // (the scheduler's retries, the dead-letter queue, the alarm) is what tells someone.
  return sendOnce(
    deps,
    { ...mail, purpose: 'ubnd-failure-notice', to: profile.emails.vanPhong, subject: email.subject, reportVersion: version },
    { from: profile.emails.from, to: profile.emails.vanPhong, ...email },
  ).catch((err: unknown): SendOutcome => ({ status: 'failed', error: err instanceof Error ? err.message : String(err), attempts: 0, replayed: false }));
}
