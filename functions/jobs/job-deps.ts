/**
 * What a job needs, built from the process's container: the stores, the mailer, the real clock and
 * sleep, and the settings (MAIL_MAX_BYTES, MAIL_SEND_ATTEMPTS, MAIL_BACKOFF_MS, JOB_LEASE_SECONDS from the environment).
 * flow: job handlers / local scheduler / CLI --> job deps --> container
 */
import type { Container } from '../adapters/container.ts';
import type { Renderers } from '../usecases/ports.ts';
import type { JobDeps } from '../usecases/run-job.ts';

import { jobSettingsFromEnv } from '../adapters/job-settings.ts';

export { jobSettingsFromEnv };

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
    users: c.users,
    directions: c.directions,
    mailer: c.mailer,
    clock: () => new Date(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    settings: jobSettingsFromEnv(),
  };
}
