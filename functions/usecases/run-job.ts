/**
 * Runs a scheduled job — compile, remind or deliver — exactly once per (agency, job, scheduled
 * time): the period comes from the scheduled time (never the wall clock), the run is claimed with a
 * conditional write, and a re-fired or retried schedule gets the first run's recorded result. A run
 * that threw is marked failed and the next attempt takes it over; the steps inside are themselves
 * idempotent (compile on its input data, each email on its delivery-log entry).
 * flow: Lambda job handlers / local scheduler / CLI --> run job --> compile / remind / deliver
 */
import { localDate } from '../core/clock.ts';
import { parsePeriod, type PeriodKind } from '../core/period.ts';
import { nextFiringFor, periodOfRun, scheduleDefinitions, type JobName } from '../core/schedules.ts';
import { profileOn } from './agency-service.ts';
import { compileReports, type CompileStores } from './compile-reports.ts';
import { deliverReport } from './deliver-report.ts';
import { UseCaseError } from './errors.ts';
import type { JobRun, UserStore } from './ports.ts';
import { sendLeaderDigests } from './leader-digest.ts';
import { remindUnits } from './remind-units.ts';
import { describeError, type MailDeps } from './send-once.ts';

export type JobDeps = CompileStores & MailDeps & { users: UserStore };

export interface RunJobInput {
  agencyId: string;
  job: JobName;
  /** Period kind the job covers (default monthly, or the kind of `period`). */
  kind?: PeriodKind;
  /** When the schedule was due; an operator's run uses the minute it was started. */
  scheduledTime: Date;
  /** Explicit period (CLI `--period`); default: derived from the scheduled time. */
  period?: string;
  /** "schedule" (EventBridge or the local scheduler), "cli:<user>". */
  source: string;
  /** Compile: the date printed on the report (default: the scheduled time's local date). */
  issueDate?: string;
  /** Deliver: send even if this report version was already delivered by another run. */
  resend?: boolean;
}

export interface RunJobResult {
  run: JobRun;
  /** True when the run had already finished and nothing was done now. */
  replayed: boolean;
  result: Record<string, unknown>;
}

/** Another attempt of the same run is working on it now; the scheduler should retry later. */
export class JobBusyError extends Error {
  override name = 'JobBusyError';
}

/** The run's name in keys, logs and triggers: "compile-monthly@2024-05-21T01:00:00.000Z". */
export function runId(job: JobName, kind: PeriodKind, scheduledTime: Date): string {
  return `${job}-${kind}@${scheduledTime.toISOString()}`;
}

export async function runJob(deps: JobDeps, input: RunJobInput): Promise<RunJobResult> {
  if (Number.isNaN(input.scheduledTime.getTime()))
    throw new UseCaseError('bad_request', 'invalid_scheduled_time', 'Thời điểm lịch chạy không hợp lệ (dùng ISO 8601, ví dụ 2024-05-21T08:00:00+07:00).');
  const explicit = input.period !== undefined ? parsePeriod(input.period) : undefined;
  const kind = explicit?.kind ?? input.kind ?? 'monthly';
  if (explicit && input.kind && input.kind !== explicit.kind) {
    throw new UseCaseError('bad_request', 'kind_mismatch', `Kỳ "${explicit.id}" là kỳ ${explicit.kind}, không phải ${input.kind}.`, [
      { field: 'kind', message: 'Không khớp với kỳ báo cáo.' },
    ]);
  }
  if ((input.job === 'remind' || input.job === 'digest') && kind !== 'monthly') {
    throw new UseCaseError('bad_request', 'remind_monthly_only', 'Nhắc báo cáo chỉ áp dụng cho báo cáo tháng: các phòng, đơn vị báo cáo theo tháng.', [
      { field: 'kind', message: 'Chỉ dùng kỳ tháng.' },
    ]);
  }
  // The profile in force on the run's day (in the default zone: the profile tells its own zone).
  const profile = await profileOn(deps.agencies, input.agencyId, localDate(input.scheduledTime, 'Asia/Ho_Chi_Minh'));
  const period = explicit ?? periodOfRun(input.job, kind, input.scheduledTime, profile);
  const id = runId(input.job, kind, input.scheduledTime);
  const now = deps.clock();
  const claim = await deps.jobs.claimRun(
    {
      agencyId: input.agencyId,
      job: `${input.job}-${kind}`,
      scheduledTime: input.scheduledTime.toISOString(),
      period: period.id,
      source: input.source,
      startedAt: now.toISOString(),
      leaseUntil: new Date(now.getTime() + deps.settings.leaseSeconds * 1000).toISOString(),
    },
    now.toISOString(),
  );
  if (claim.kind === 'busy') {
    throw new JobBusyError(
      `Tác vụ ${id} đang được một lần chạy khác thực hiện (đến ${claim.run.leaseUntil}); thử lại sau. (Run in progress elsewhere: retry later.)`,
    );
  }
  if (claim.run.period !== period.id) {
    throw new UseCaseError(
      'conflict',
      'run_period_mismatch',
      `Lần chạy ${id} đã dùng cho kỳ ${claim.run.period}, không phải ${period.id}; chọn thời điểm lịch khác (--scheduled-time).`,
    );
  }
  if (claim.kind === 'done') return { run: claim.run, replayed: true, result: claim.run.result ?? {} };

  const run = claim.run;
  try {
    let result: Record<string, unknown>;
    switch (input.job) {
      case 'compile': {
        const r = await compileReports(deps, {
          agencyId: input.agencyId,
          period: period.id,
          trigger: `${input.source}:${id}`,
          now: deps.clock(),
          issueDate: input.issueDate ?? localDate(input.scheduledTime, profile.timeZone),
        });
        const v = r.version;
        result = {
          period: period.id,
          version: v.version,
          created: r.created,
          inputHash: v.inputHash,
          issueDate: v.issueDate,
          files: v.files.map(({ audience, format, key, size, sha256 }) => ({ audience, format, key, size, sha256 })),
        };
        break;
      }
      case 'remind':
        result = await remindUnits(deps, { agencyId: input.agencyId, runId: id, scheduledTime: input.scheduledTime, period });
        break;
      case 'digest':
        result = await sendLeaderDigests(deps, { agencyId: input.agencyId, runId: id, runAttempt: run.attempt, scheduledTime: input.scheduledTime, period });
        break;
      case 'deliver': {
        // The day's delivery tries again tomorrow (deliverRetryDays) while nothing is issued.
        const def = scheduleDefinitions(profile).find((d) => d.job === 'deliver' && d.kind === kind);
        const nextTry = def ? nextFiringFor(def, input.scheduledTime, period, profile) : undefined;
        result = await deliverReport(deps, {
          agencyId: input.agencyId,
          runId: id,
          runAttempt: run.attempt,
          source: input.source,
          scheduledTime: input.scheduledTime,
          period,
          ...(nextTry ? { nextTry } : {}),
          ...(input.resend ? { resend: true } : {}),
        });
        break;
      }
    }
    const finishedAt = deps.clock().toISOString();
    await deps.jobs.finishRun(run, result, finishedAt);
    return { run: { ...run, status: 'done', result, finishedAt }, replayed: false, result };
  } catch (err) {
    // Best effort: if even this write fails, the lease expiring lets the next attempt take over.
    await deps.jobs.failRun(run, describeError(err), deps.clock().toISOString()).catch(() => undefined);
    throw err;
  }
}
