/**
 * The delivery job: emails the period's UBND report (the latest published version; compiled now if
 * there is none) to the UBND addresses with the PDF attached, and the workbook when the message
 * stays under the size limit (else a portal link). A sent report marks a monthly period issued
 * (locked). After the last failed attempt Văn phòng is told, and the delivery log says "failed".
 * flow: run-job --> deliver report --> ReportStore/FileArchive + email template + send once
 */
import { localDate } from '../core/clock.ts';
import { periodLabel, type Period } from '../core/period.ts';
import { deliveryFailedEmail } from '../../templates/email/delivery-failed.ts';
import { reportDeliveryEmail, type DeliveredFile } from '../../templates/email/report-delivery.ts';
import { asciiFileName, portalLink } from '../../templates/email/wording.ts';
import { profileOn } from './agency-service.ts';
import { compileReports, downloadName, type CompileStores } from './compile-reports.ts';
import type { MailAttachment, ReportFile, ReportVersion } from './ports.ts';
import { sendOnce, type MailDeps, type SendOutcome } from './send-once.ts';

/** Where the portal lists a period's reports (linked when a file is too large to attach). */
export const REPORTS_PAGE_PATH = '/reports';

/** Room kept for the text and HTML bodies and the MIME headers. */
const BODY_ALLOWANCE = 64 * 1024;

/** Bytes a file takes in the message: base64 (4/3), wrapped at 76 characters, plus its part headers. */
export function encodedSize(bytes: number): number {
  return Math.ceil((Math.ceil(bytes / 3) * 4 * 78) / 76) + 512;
}

/** The PDF first, then the workbook, while they fit; never the workbook without the PDF. */
export function chooseAttachments(files: readonly ReportFile[], maxBytes: number): { attach: ReportFile[]; link: ReportFile[] } {
  const ordered = (['pdf', 'xlsx'] as const).map((format) => files.find((f) => f.audience === 'ubnd' && f.format === format)).filter((f): f is ReportFile => f !== undefined);
  let budget = maxBytes - BODY_ALLOWANCE;
  const attach: ReportFile[] = [];
  const link: ReportFile[] = [];
  for (const f of ordered) {
    const need = encodedSize(f.size);
    if (link.length === 0 && need <= budget) {
      attach.push(f);
      budget -= need;
    } else link.push(f);
  }
  return { attach, link };
}

export interface DeliverRun {
  agencyId: string;
  /** "deliver-monthly@2024-05-21T03:00:00.000Z". */
  runId: string;
  /** "schedule", "cli:<user>": who triggered it, for the lock and a compile made on the spot. */
  source: string;
  scheduledTime: Date;
  period: Period;
  /** Send even if this version was already delivered by another run. */
  resend?: boolean;
}

export async function deliverReport(deps: CompileStores & MailDeps, run: DeliverRun): Promise<Record<string, unknown>> {
  const { agencyId, period } = run;
  const profile = await profileOn(deps.agencies, agencyId, localDate(run.scheduledTime, 'Asia/Ho_Chi_Minh'));
  const issueDate = localDate(run.scheduledTime, profile.timeZone);
  let version: ReportVersion | undefined = await deps.reports.latest(agencyId, period.id);
  let compiled = false;
  if (!version) {
    // The compile did not run (or failed for good): deliver what the data gives now rather than nothing.
    const r = await compileReports(deps, { agencyId, period: period.id, trigger: `${run.source}:${run.runId}`, now: deps.clock(), issueDate });
    version = r.version;
    compiled = r.created;
  }
  const base = { period: period.id, version: version.version, compiled };
  const to = profile.emails.ubnd;
  if (to.length === 0) return { ...base, status: 'no-recipients' };

  const log = await deps.jobs.listDeliveries(agencyId, period.id);
  const earlier = log.find((e) => e.purpose === 'ubnd-report' && e.reportVersion === version.version && e.status === 'sent' && e.run !== run.runId);
  if (earlier && !run.resend) return { ...base, status: 'already-delivered', messageId: earlier.messageId, deliveredBy: earlier.run, to: earlier.to };

  const { attach, link: tooLarge } = chooseAttachments(version.files, deps.settings.mailMaxBytes);
  const attachments: MailAttachment[] = [];
  const described = (f: ReportFile): DeliveredFile => ({ fileName: asciiFileName(downloadName(f, period.id, version.version)), format: f.format, size: f.size });
  for (const f of attach) {
    const stored = await deps.archive.get(f.key);
    if (!stored) throw new Error(`Report file missing from the archive: ${f.key}`);
    attachments.push({ fileName: described(f).fileName, contentType: f.contentType, content: stored.body });
  }
  const reportsLink = portalLink(profile.portalUrl, REPORTS_PAGE_PATH, period.id);
  const link = tooLarge.length > 0 ? reportsLink : undefined;
  const email = reportDeliveryEmail({
    profile,
    period,
    version: version.version,
    issueDate: version.issueDate,
    attached: attach.map(described),
    notAttached: tooLarge.map(described),
    ...(link ? { link } : {}),
  });
  const outcome = await sendOnce(
    deps,
    {
      agencyId,
      period: period.id,
      run: run.runId,
      purpose: 'ubnd-report',
      to,
      subject: email.subject,
      reportVersion: version.version,
      attachments: attachments.map((a) => a.fileName),
      ...(link ? { link } : {}),
    },
    { from: profile.emails.from, to, replyTo: profile.emails.vanPhong, ...email, attachments },
  );
  const result = { ...base, to, attached: attachments.map((a) => a.fileName), ...(link ? { link } : {}), status: outcome.status, attempts: outcome.attempts };

  if (outcome.status === 'sent') {
    // Delivered to UBND tỉnh: the month's report is issued, units can no longer revise it.
    let locked = false;
    if (period.kind === 'monthly') {
      await deps.submissions.setLock({
        agencyId,
        period: period.id,
        locked: true,
        at: deps.clock().toISOString(),
        by: `${run.source}:${run.runId}`,
        reason: `Đã gửi báo cáo ${periodLabel(period)} (phiên bản ${version.version}) cho UBND tỉnh`,
      });
      locked = true;
    }
    return { ...result, messageId: outcome.messageId, locked };
  }
  const notice = await tellVanPhong(deps, run, profile, version, outcome, reportsLink);
  return { ...result, ...(outcome.status === 'failed' ? { error: outcome.error } : {}), notice: notice.status };
}

async function tellVanPhong(
  deps: MailDeps,
  run: DeliverRun,
  profile: Awaited<ReturnType<typeof profileOn>>,
  version: ReportVersion,
  outcome: Exclude<SendOutcome, { status: 'sent' }>,
  link: string | undefined,
): Promise<SendOutcome> {
  const email = deliveryFailedEmail({
    profile,
    period: run.period,
    version: version.version,
    to: profile.emails.ubnd,
    reason: outcome.status,
    attempts: outcome.attempts,
    ...(outcome.status === 'failed' ? { lastError: outcome.error, ...(outcome.lastAttemptAt ? { lastAttemptAt: new Date(outcome.lastAttemptAt) } : {}) } : {}),
    ...(link ? { link } : {}),
  });
  return sendOnce(
    deps,
    { agencyId: run.agencyId, period: run.period.id, run: run.runId, purpose: 'ubnd-failure-notice', to: profile.emails.vanPhong, subject: email.subject, reportVersion: version.version },
    { from: profile.emails.from, to: profile.emails.vanPhong, ...email },
  );
}
