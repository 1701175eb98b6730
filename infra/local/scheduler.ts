/**
 * The local stand-in for EventBridge Scheduler: one croner job per schedule definition of every
 * agency the stack holds (the same definitions the CDK turns into schedules), each in its agency's
 * time zone and firing the job for that agency with its scheduled time. A failed run is retried a
 * few times like the AWS retry policy; after that it is logged with the command that re-runs it.
 * The agencies and their profiles are re-read every minute, so `set-agency` with new schedules (or
 * a new agency) takes effect without a restart.
 * flow: npm start --> local stack --> scheduler --> run-job use case
 */
import { Cron } from 'croner';
import { localDate } from '../../functions/core/clock.ts';
import { cronerPattern, latestFiring, scheduleDefinitions, type ScheduleDefinition } from '../../functions/core/schedules.ts';
import { NoProfileError, profileOn } from '../../functions/usecases/agency-service.ts';
import { runJob, type JobDeps } from '../../functions/usecases/run-job.ts';

/** A schedule definition of one agency. */
export type AgencyScheduleDefinition = ScheduleDefinition & { agencyId: string };

export interface SchedulerOptions {
  /** Built on each use, so the scheduler follows the process's current container. */
  deps: () => JobDeps;
  log: (line: string) => void;
  /** How often the profile is re-read (default one minute). */
  refreshMs?: number;
  /** Waits before retrying a failed run (default 1, 5 and 15 minutes, like the AWS retry policy). */
  retryDelaysMs?: number[];
}

export interface LocalScheduler {
  definitions(): AgencyScheduleDefinition[];
  /** Re-reads the profile and reschedules if its definitions changed. */
  refresh(): Promise<void>;
  /** Runs one definition now, as the schedule would at `at` (default: its latest due time). */
  fire(def: AgencyScheduleDefinition, at?: Date): Promise<void>;
  stop(): void;
}

export function startScheduler(o: SchedulerOptions): LocalScheduler {
  let defs: AgencyScheduleDefinition[] = [];
  let current = '';
  let crons: Cron[] = [];
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  const retryDelays = o.retryDelaysMs ?? [60_000, 300_000, 900_000];

  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    t.unref();
    timers.add(t);
  };

  async function attempt(def: AgencyScheduleDefinition, scheduledTime: Date, n: number): Promise<void> {
    if (stopped) return;
    const when = scheduledTime.toISOString();
    try {
      const out = await runJob(o.deps(), { agencyId: def.agencyId, job: def.job, kind: def.kind, scheduledTime, source: 'schedule' });
      o.log(`[lịch] ${def.agencyId} ${def.name} @ ${when}: kỳ ${out.run.period} ${out.replayed ? '(đã chạy trước đó)' : 'xong'} ${JSON.stringify(out.result)}`);
    } catch (err) {
      const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      const delay = retryDelays[n];
      if (delay !== undefined) {
        o.log(`[lịch] ${def.agencyId} ${def.name} @ ${when} lỗi (lần ${n + 1}), thử lại sau ${Math.round(delay / 1000)} giây: ${message}`);
        later(delay, () => void attempt(def, scheduledTime, n + 1));
      } else {
        o.log(
          `[lịch] ${def.agencyId} ${def.name} @ ${when} lỗi, đã hết số lần thử: ${message}. Chạy lại: npm run cli -- --agency ${def.agencyId} run-job ${def.job} --kind ${def.kind} --scheduled-time ${when}`,
        );
      }
    }
  }

  async function fire(def: AgencyScheduleDefinition, at?: Date): Promise<void> {
    // The due time, not the moment the timer woke up: the run's identity and its period come from it.
    const scheduledTime = at ?? latestFiring(def, new Date()) ?? new Date(Math.floor(Date.now() / 60_000) * 60_000);
    await attempt(def, scheduledTime, 0);
  }

  function schedule(next: AgencyScheduleDefinition[]) {
    for (const c of crons) c.stop();
    defs = next;
    current = JSON.stringify(next);
    crons = next.map((def) => new Cron(cronerPattern(def), { timezone: def.timeZone, protect: true, catch: true, unref: true }, () => fire(def)));
    o.log(
      next.length
        ? `[lịch] ${next.length} lịch chạy: ${next.map((d) => `${d.agencyId} ${d.name} (${d.description})`).join('; ')}`
        : '[lịch] chưa có hồ sơ cơ quan: chưa lập lịch.',
    );
  }

  async function refresh(): Promise<void> {
    const next: AgencyScheduleDefinition[] = [];
    try {
      const agencies = o.deps().agencies;
      for (const agencyId of await agencies.listAgencies()) {
        try {
          const profile = await profileOn(agencies, agencyId, localDate(new Date(), 'Asia/Ho_Chi_Minh'));
          for (const def of scheduleDefinitions(profile)) next.push({ ...def, agencyId });
        } catch (err) {
          // An agency whose profile starts later has no schedules yet.
          if (!(err instanceof NoProfileError)) throw err;
        }
      }
    } catch (err) {
      o.log(`[lịch] không đọc được hồ sơ cơ quan: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    if (!stopped && JSON.stringify(next) !== current) schedule(next);
  }

  const interval = setInterval(() => void refresh(), o.refreshMs ?? 60_000);
  interval.unref();
  void refresh();

  return {
    definitions: () => defs,
    refresh,
    fire,
    stop: () => {
      stopped = true;
      clearInterval(interval);
      for (const c of crons) c.stop();
      for (const t of timers) clearTimeout(t);
      timers.clear();
      crons = [];
    },
  };
}
