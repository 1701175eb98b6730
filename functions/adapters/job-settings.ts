/**
 * The mail and lease settings of whatever sends email — the jobs and Văn phòng's "remind now" — from
 * the environment (MAIL_MAX_BYTES, MAIL_SEND_ATTEMPTS, MAIL_BACKOFF_MS, JOB_LEASE_SECONDS, PUBLIC_URL).
 * flow: job deps / reminders handlers --> job settings
 */
import { DEFAULT_JOB_SETTINGS, type JobSettings } from '../usecases/send-once.ts';

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer (got "${raw}")`);
  return n;
}

export function jobSettingsFromEnv(): JobSettings {
  return {
    mailMaxBytes: positiveInt('MAIL_MAX_BYTES', DEFAULT_JOB_SETTINGS.mailMaxBytes),
    sendAttempts: positiveInt('MAIL_SEND_ATTEMPTS', DEFAULT_JOB_SETTINGS.sendAttempts),
    backoffMs: positiveInt('MAIL_BACKOFF_MS', DEFAULT_JOB_SETTINGS.backoffMs),
    // In AWS the stack sets it to the function's timeout plus a margin, so Lambda's own retry of a
    // timed-out run can take over instead of being refused until a longer lease ends.
    leaseSeconds: positiveInt('JOB_LEASE_SECONDS', DEFAULT_JOB_SETTINGS.leaseSeconds),
    // The local stack sets PUBLIC_URL to the server it started (infra/local/stack.ts).
    ...(process.env.PUBLIC_URL ? { portalUrl: process.env.PUBLIC_URL } : {}),
  };
}
