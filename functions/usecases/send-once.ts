/**
 * Sends one email of a job run at most once: the delivery-log entry is claimed before each
 * attempt and settled after it, a refused attempt is retried with exponential backoff, and a run
 * that is retried later finds what the earlier attempt already sent instead of sending it again.
 * flow: remind / deliver use cases --> send once --> JobStore + Mailer ports
 */
import type { DeliveryEntry, JobStore, MailMessage, Mailer } from './ports.ts';

export interface JobSettings {
  /**
   * Largest message (as sent: attachments base64-encoded) the delivery attaches files to; above
   * it the workbook, then the PDF, is replaced by a link. SES v2 accepts 40 MB, but many
   * recipients' mail servers (provincial government systems among them) refuse more than 10 MB.
   */
  mailMaxBytes: number;
  /** Attempts per email before it counts as failed. */
  sendAttempts: number;
  /** Wait before the second attempt; doubled before each later one (2 s, 4 s, 8 s by default). */
  backoffMs: number;
  /** How long a run's attempt owns it: Lambda's maximum duration, after which a retry may take over. */
  leaseSeconds: number;
  /**
   * Where the portal answers, when the deployment knows better than the profile's `portalUrl`:
   * locally, the running server (any port); the links in emails then open the portal that sent them.
   */
  portalUrl?: string;
}

export const DEFAULT_JOB_SETTINGS: JobSettings = {
  mailMaxBytes: 10 * 1024 * 1024,
  sendAttempts: 4,
  backoffMs: 2000,
  leaseSeconds: 900,
};

export interface MailDeps {
  jobs: JobStore;
  mailer: Mailer;
  /** Wall clock, for the log's timestamps only. */
  clock: () => Date;
  sleep: (ms: number) => Promise<void>;
  settings: JobSettings;
}

export type SendOutcome =
  | { status: 'sent'; messageId: string; attempts: number; replayed: boolean }
  | { status: 'failed'; error: string; attempts: number; lastAttemptAt?: string; replayed: boolean }
  | { status: 'interrupted'; attempts: number; replayed: true };

/** Errors that will not go away by trying again: the message or the account is refused. */
const PERMANENT = new Set([
  'MessageRejected',
  'MailFromDomainNotVerifiedException',
  'AccountSuspendedException',
  'SendingPausedException',
  'BadRequestException',
  'NotFoundException',
]);

export function describeError(err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return text.length > 500 ? `${text.slice(0, 499)}…` : text;
}

function settled(entry: DeliveryEntry): SendOutcome {
  const attempts = entry.attempts.length;
  if (entry.status === 'sent') return { status: 'sent', messageId: entry.messageId ?? 'unknown', attempts, replayed: true };
  if (entry.status === 'failed') {
    const last = entry.attempts[attempts - 1];
    return { status: 'failed', error: last?.error ?? 'unknown', attempts, ...(last ? { lastAttemptAt: last.at } : {}), replayed: true };
  }
  return { status: 'interrupted', attempts, replayed: true };
}

export type MailMeta = Omit<DeliveryEntry, 'status' | 'attempts' | 'createdAt' | 'updatedAt'>;

export async function sendOnce(deps: MailDeps, meta: MailMeta, message: MailMessage): Promise<SendOutcome> {
  const { jobs, mailer, clock, sleep, settings } = deps;
  for (;;) {
    const claim = await jobs.claimMail(meta, clock().toISOString());
    if (claim.kind === 'settled') return settled(claim.entry);
    // Attempts an earlier attempt of the same round made count toward the limit: a job that
    // crashed and restarts does not start over. A later run attempt opens a round of its own.
    const made = claim.entry.attempts.length - (claim.entry.roundStart ?? 0);
    let messageId: string;
    try {
      ({ messageId } = await mailer.send(message));
    } catch (err) {
      const at = clock().toISOString();
      const error = describeError(err);
      const last = made + 1 >= settings.sendAttempts || (err instanceof Error && PERMANENT.has(err.name));
      await jobs.recordMailAttempt(meta, { at, ok: false, error }, last ? 'failed' : undefined);
      if (last) return { status: 'failed', error, attempts: made + 1, lastAttemptAt: at, replayed: false };
      await sleep(settings.backoffMs * 2 ** made);
      continue;
    }
    // Outside the try: if recording fails, the entry stays "sending" and a retry will not send it again.
    await jobs.recordMailAttempt(meta, { at: clock().toISOString(), ok: true, messageId }, 'sent');
    return { status: 'sent', messageId, attempts: made + 1, replayed: false };
  }
}
