/**
 * The receipt of a submission: shown on screen from the submit's answer, and emailed once to the
 * person who sent it. The email goes through send-once under the revision's name, so a retried
 * submit (same Idempotency-Key, or the same content again, both answered with the revision already
 * made) finds it sent and sends nothing. Mail trouble never undoes a submission: it is reported
 * beside the stored revision.
 * flow: submit handler --> submit receipt --> core receipt + email template + send once
 */
import type { Principal } from '../core/auth.ts';
import { parsePeriod, periodLabel, periodWindow } from '../core/period.ts';
import { buildReceipt, type Receipt } from '../core/receipt.ts';
import { submitReceiptEmail } from '../../templates/email/submit-receipt.ts';
import { profileOn } from './agency-service.ts';
import { dueTasks } from './due-tasks.ts';
import type { UserStore } from './ports.ts';
import { sendOnce, type MailDeps } from './send-once.ts';
import type { Stores, SubmitResult } from './submissions.ts';

export interface ReceiptEmail {
  /** sent: now, or by an earlier request for the same revision (`again`); no-address: the sender has no email on file. */
  status: 'sent' | 'failed' | 'no-address';
  again?: boolean;
  to?: string;
}

export async function submissionReceipt(stores: Stores, p: Principal, result: SubmitResult): Promise<Receipt> {
  const r = result.revision;
  const period = parsePeriod(r.period);
  const [profile, due] = await Promise.all([profileOn(stores.agencies, p.agencyId, periodWindow(period).to), dueTasks(stores, p.agencyId, r.unit, period)]);
  const unit = profile.units.find((u) => u.code === r.unit);
  return buildReceipt({
    period: { id: period.id, label: periodLabel(period) },
    unit: { code: r.unit, name: unit?.name ?? r.unit },
    revision: r.revision,
    at: r.at,
    // The month counts as on time or late by its first submission (core/counted-submission.ts), as the head records.
    onTime: result.head.onTime ?? r.onTime,
    timeZone: profile.timeZone,
    data: r.data,
    tasks: due.tasks,
  });
}

/** Emails the receipt to the sender, at most once per revision; never throws. */
export async function emailReceipt(deps: Stores & MailDeps & { users: UserStore }, p: Principal, receipt: Receipt): Promise<ReceiptEmail> {
  try {
    const [profile, people] = await Promise.all([
      profileOn(deps.agencies, p.agencyId, periodWindow(parsePeriod(receipt.period.id)).to),
      deps.users.listUsers(p.agencyId),
    ]);
    const me = people.find((u) => u.sub === p.sub);
    if (!me) return { status: 'no-address' };
    const base = (deps.settings.portalUrl ?? profile.portalUrl)?.replace(/\/+$/, '');
    const historyLink = base ? `${base}/history?period=${encodeURIComponent(receipt.period.id)}&unit=${encodeURIComponent(receipt.unit.code)}` : undefined;
    const email = submitReceiptEmail({ profile, receipt, to: { name: me.name }, ...(historyLink ? { historyLink } : {}) });
    const outcome = await sendOnce(
      deps,
      {
        agencyId: p.agencyId,
        period: receipt.period.id,
        run: `receipt@${receipt.unit.code}`,
        purpose: `receipt:r${receipt.revision}`,
        to: [me.email],
        subject: email.subject,
      },
      { from: profile.emails.from, to: [me.email], replyTo: profile.emails.vanPhong, ...email },
    );
    if (outcome.status === 'sent') return { status: 'sent', to: me.email, ...(outcome.replayed ? { again: true } : {}) };
    return { status: 'failed', to: me.email };
  } catch {
    // The store or the mailer failing here leaves the submission as it is: stored.
    return { status: 'failed' };
  }
}
