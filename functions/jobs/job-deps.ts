/**
 * What a job needs, built from the process's container: the stores, the mailer, the real clock and
 * sleep, and the settings (MAIL_MAX_BYTES, MAIL_SEND_ATTEMPTS, MAIL_BACKOFF_MS, JOB_LEASE_SECONDS from the environment).
 * flow: job handlers / local scheduler / CLI --> job deps --> container
 */
import type { Container } from '../adapters/container.ts';
import type { Renderers } from '../usecases/ports.ts';
import type { JobDeps } from '../usecases/run-job.ts';
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

/**
 * For a function that never renders (the reminders): its bundle then carries neither pdfkit nor
 * exceljs. Reaching it is a wiring mistake, said as such.
 */
export function noRenderers(job: string): Renderers {
  const refuse = (): never => {
    throw new Error(`The ${job} job has no renderers: it was wired to a job that renders (functions/jobs/${job}.ts).`);
  };
  return { pdf: refuse, xlsx: refuse };
}

/** The job's dependencies; `renderers` comes from the caller so only rendering functions bundle them. */
export function jobDeps(c: Container, renderers: Renderers): JobDeps {
  return {
    agencies: c.agencies,
    plans: c.plans,
    submissions: c.submissions,
    reports: c.reports,
    archive: c.archive,
    renderers,
    jobs: c.jobs,
    mailer: c.mailer,
    clock: () => new Date(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    settings: jobSettingsFromEnv(),
  };
}
