/**
 * The local stand-in for EventBridge Scheduler: one croner job per schedule definition of the
 * agency (the same definitions the CDK turns into schedules), in the definition's time zone, each
 * firing the job with its scheduled time. A failed run is retried a few times like the AWS retry
 * policy; after that it is logged with the command that re-runs it. The profile is re-read every
 * minute, so `set-agency` with new schedules takes effect without a restart.
 * flow: npm start --> local stack --> scheduler --> run-job use case
 */
import { Cron } from 'croner';
import { localDate } from '../../functions/core/clock.ts';
import { cronerPattern, latestFiring, scheduleDefinitions, type ScheduleDefinition } from '../../functions/core/schedules.ts';
import { NoProfileError, profileOn } from '../../functions/usecases/agency-service.ts';
import { runJob, type JobDeps } from '../../functions/usecases/run-job.ts';

export interface SchedulerOptions {
  agencyId: string;
  /** Built on each use, so the scheduler follows the process's current container. */
  deps: () => JobDeps;
  log: (line: string) => void;
  /** How often the profile is re-read (default one minute). */
  refreshMs?: number;
  /** Waits before retrying a failed run (default 1, 5 and 15 minutes, like the AWS retry policy). */
  retryDelaysMs?: number[];
}

export interface LocalScheduler {
  definitions(): ScheduleDefinition[];
  /** Re-reads the profile and reschedules if its definitions changed. */
  refresh(): Promise<void>;
  /** Runs one definition now, as the schedule would at `at` (default: its latest due time). */
  fire(def: ScheduleDefinition, at?: Date): Promise<void>;
  stop(): void;
}

export function startScheduler(o: SchedulerOptions): LocalScheduler {
  let defs: ScheduleDefinition[] = [];
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

  async function attempt(def: ScheduleDefinition, scheduledTime: Date, n: number): Promise<void> {
    if (stopped) return;
    const when = scheduledTime.toISOString();
    try {
      const out = await runJob(o.deps(), { agencyId: o.agencyId, job: def.job, kind: def.kind, scheduledTime, source: 'schedule' });
      o.log(`[lịch] ${def.name} @ ${when}: kỳ ${out.run.period} ${out.replayed ? '(đã chạy trước đó)' : 'xong'} ${JSON.stringify(out.result)}`);
    } catch (err) {
      const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      const delay = retryDelays[n];
      if (delay !== undefined) {
        o.log(`[lịch] ${def.name} @ ${when} lỗi (lần ${n + 1}), thử lại sau ${Math.round(delay / 1000)} giây: ${message}`);
        later(delay, () => void attempt(def, scheduledTime, n + 1));
      } else {
        o.log(`[lịch] ${def.name} @ ${when} lỗi, đã hết số lần thử: ${message}. Chạy lại: npm run cli -- run-job ${def.job} --kind ${def.kind} --scheduled-time ${when}`);
      }
    }
  }

  async function fire(def: ScheduleDefinition, at?: Date): Promise<void> {
    // The due time, not the moment the timer woke up: the run's identity and its period come from it.
    const scheduledTime = at ?? latestFiring(def, new Date()) ?? new Date(Math.floor(Date.now() / 60_000) * 60_000);
    await attempt(def, scheduledTime, 0);
  }

  function schedule(next: ScheduleDefinition[]) {
    for (const c of crons) c.stop();
    defs = next;
    current = JSON.stringify(next);
    crons = next.map((def) => new Cron(cronerPattern(def), { timezone: def.timeZone, protect: true, catch: true, unref: true }, () => fire(def)));
    o.log(next.length ? `[lịch] ${next.length} lịch chạy: ${next.map((d) => `${d.name} (${d.description})`).join('; ')}` : '[lịch] chưa có hồ sơ cơ quan: chưa lập lịch.');
  }

  async function refresh(): Promise<void> {
    let next: ScheduleDefinition[] = [];
    try {
      next = scheduleDefinitions(await profileOn(o.deps().agencies, o.agencyId, localDate(new Date(), 'Asia/Ho_Chi_Minh')));
    } catch (err) {
      if (!(err instanceof NoProfileError)) {
        o.log(`[lịch] không đọc được hồ sơ cơ quan: ${err instanceof Error ? err.message : String(err)}`);
        return;
      }
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
