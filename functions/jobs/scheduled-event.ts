/**
 * The event EventBridge Scheduler (or the local scheduler) sends a job — `{ scheduledTime, agencyId,
 * job, kind? }` — validated, and the Lambda handler shape every job file shares: parse the event,
 * run the job for the agency whose schedule fired (never a deployment default), log the outcome. A thrown error makes Lambda retry the
 * asynchronous invocation twice (then the dead-letter queue); a retry of a finished run is answered from its record.
 * flow: EventBridge Scheduler --> job handler --> run-job use case
 */
import middy from '@middy/core';
// A namespace import lets esbuild drop the parts of zod (locales above all) that are not used.
import * as z from 'zod';
import { CORRELATION, observability } from '../runtime/observability.ts';
import { tracing } from '../runtime/tracing.ts';
import { checkSettings } from '../adapters/config.ts';
import { container } from '../adapters/container.ts';
import { log } from '../adapters/log.ts';
import { traceClients } from '../adapters/tracing.ts';
import { AGENCY_ID_PATTERN } from '../core/agency.ts';
import { PERIOD_KINDS, type PeriodKind } from '../core/period.ts';
import { JOB_NAMES, type JobName } from '../core/schedules.ts';
import type { Renderers } from '../usecases/ports.ts';
import { runJob, type RunJobResult } from '../usecases/run-job.ts';
import { jobDeps } from './job-deps.ts';

const eventSchema = z.object({
  job: z.enum(JOB_NAMES as [JobName, ...JobName[]]).optional(),
  kind: z.enum(PERIOD_KINDS as [PeriodKind, ...PeriodKind[]]).optional(),
  scheduledTime: z.iso.datetime({ offset: true }),
  // Whose schedule fired: each agency's schedules carry its id, and the job runs for it alone.
  agencyId: z.string().regex(AGENCY_ID_PATTERN),
});

export class InvalidJobEventError extends Error {
  override name = 'InvalidJobEventError';
}

export function parseJobEvent(job: JobName, event: unknown): { agencyId: string; kind: PeriodKind; scheduledTime: Date } {
  const r = eventSchema.safeParse(event);
  if (!r.success)
    throw new InvalidJobEventError(
      `Sự kiện lịch không hợp lệ (invalid schedule event): ${r.error.issues.map((i) => `${i.path.join('.') || '(event)'}: ${i.message}`).join('; ')}`,
    );
  if (r.data.job && r.data.job !== job) throw new InvalidJobEventError(`Sự kiện dành cho tác vụ "${r.data.job}", không phải "${job}".`);
  return { agencyId: r.data.agencyId, kind: r.data.kind ?? 'monthly', scheduledTime: new Date(r.data.scheduledTime) };
}

type JobOutcome = Pick<RunJobResult, 'replayed' | 'result'> & { run: string; period: string };

/** The job's Lambda handler: the run wrapped in the observability (logs, metrics) and tracing middleware. */
export function scheduledJobHandler(job: JobName, renderers: Renderers) {
  // A missing setting stops the job function at start-up, naming it (adapters/config.ts).
  checkSettings('data');
  return middy<unknown, JobOutcome>(runScheduled(job, renderers))
    .use(observability<unknown, JobOutcome>(CORRELATION.schedule))
    .use(tracing<unknown, JobOutcome>());
}

function runScheduled(job: JobName, renderers: Renderers) {
  return async (event: unknown): Promise<JobOutcome> => {
    const { agencyId, kind, scheduledTime } = parseJobEvent(job, event);
    const c = traceClients(container());
    const started = Date.now();
    try {
      const out = await runJob(jobDeps(c, renderers), { agencyId, job, kind, scheduledTime, source: 'schedule' });
      log.info('job finished', {
        job,
        kind,
        scheduledTime: scheduledTime.toISOString(),
        period: out.run.period,
        replayed: out.replayed,
        ms: Date.now() - started,
      });
      return { run: `${out.run.job}@${out.run.scheduledTime}`, period: out.run.period, replayed: out.replayed, result: out.result };
    } catch (err) {
      log.error('job failed', {
        job,
        kind,
        scheduledTime: scheduledTime.toISOString(),
        error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
        ms: Date.now() - started,
      });
      throw err;
    }
  };
}
