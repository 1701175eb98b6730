/**
 * Job runs and the delivery log in memory, with the DynamoDB adapter's rules: a run is claimed once
 * per (agency, job, scheduled time); a finished run is returned as done, a live one as busy, a
 * failed or expired one taken over by the next attempt. An email is claimed before it is sent; one
 * found `sending` is marked interrupted and not sent again; a failed one is re-opened, in a round of
 * its own, only by a later attempt of its run.
 * flow: run-job / send-once --> JobStore port --> this adapter (Maps)
 */
import type { ClaimMailOutcome, ClaimRunOutcome, DeliveryEntry, JobRun, JobStore } from '../../usecases/ports.ts';
import { copy } from './copy.ts';

type MailKey = Pick<DeliveryEntry, 'agencyId' | 'period' | 'run' | 'purpose'>;

export class MemoryJobStore implements JobStore {
  private readonly runs = new Map<string, JobRun>();
  private readonly mails = new Map<string, DeliveryEntry>();

  private runKey(agencyId: string, job: string, scheduledTime: string): string {
    return `${agencyId}\u0000${job}\u0000${scheduledTime}`;
  }

  private mailKey(k: MailKey): string {
    return `${k.agencyId}\u0000${k.period}\u0000${k.run}\u0000${k.purpose}`;
  }

  async claimRun(start: Omit<JobRun, 'status' | 'attempt'>, now: string): Promise<ClaimRunOutcome> {
    const k = this.runKey(start.agencyId, start.job, start.scheduledTime);
    const current = this.runs.get(k);
    if (!current) {
      const first: JobRun = { ...copy(start), status: 'running', attempt: 1 };
      this.runs.set(k, first);
      return { kind: 'claimed', run: copy(first) };
    }
    if (current.status === 'done') return { kind: 'done', run: copy(current) };
    if (current.status === 'running' && current.leaseUntil > now) return { kind: 'busy', run: copy(current) };
    const next: JobRun = {
      ...current,
      status: 'running',
      attempt: current.attempt + 1,
      startedAt: start.startedAt,
      leaseUntil: start.leaseUntil,
      source: start.source,
    };
    delete next.error;
    this.runs.set(k, next);
    return { kind: 'claimed', run: copy(next) };
  }

  async finishRun(run: JobRun, result: Record<string, unknown>, at: string): Promise<boolean> {
    const k = this.runKey(run.agencyId, run.job, run.scheduledTime);
    const current = this.runs.get(k);
    if (!current || current.attempt !== run.attempt) return false;
    const done: JobRun = { ...current, status: 'done', result: copy(result), finishedAt: at };
    delete done.error;
    this.runs.set(k, done);
    return true;
  }

  async failRun(run: JobRun, error: string, at: string): Promise<void> {
    const k = this.runKey(run.agencyId, run.job, run.scheduledTime);
    const current = this.runs.get(k);
    if (!current || current.attempt !== run.attempt || current.status !== 'running') return;
    this.runs.set(k, { ...current, status: 'failed', error: error.slice(0, 2000), finishedAt: at });
  }

  async getRun(agencyId: string, job: string, scheduledTime: string): Promise<JobRun | undefined> {
    return copy(this.runs.get(this.runKey(agencyId, job, scheduledTime)));
  }

  async recentRuns(agencyId: string, limit: number): Promise<JobRun[]> {
    const order = (r: JobRun) => `${r.scheduledTime}#${r.job}`;
    return copy(
      [...this.runs.values()]
        .filter((r) => r.agencyId === agencyId)
        .sort((a, b) => (order(a) < order(b) ? 1 : -1))
        .slice(0, limit),
    );
  }

  async claimMail(entry: Omit<DeliveryEntry, 'status' | 'attempts' | 'createdAt' | 'updatedAt'>, at: string): Promise<ClaimMailOutcome> {
    const k = this.mailKey(entry);
    const current = this.mails.get(k);
    if (!current) {
      const fresh: DeliveryEntry = { ...copy(entry), status: 'sending', attempts: [], createdAt: at, updatedAt: at };
      this.mails.set(k, fresh);
      return { kind: 'claimed', entry: copy(fresh) };
    }
    if (current.status === 'retrying') {
      current.status = 'sending';
      current.updatedAt = at;
      return { kind: 'claimed', entry: copy(current) };
    }
    if (current.status === 'sending') {
      current.status = 'interrupted';
      current.updatedAt = at;
      return { kind: 'settled', entry: copy(current) };
    }
    if (current.status === 'failed' && (entry.runAttempt ?? 1) > (current.runAttempt ?? 1)) {
      Object.assign(current, { status: 'sending', runAttempt: entry.runAttempt, roundStart: current.attempts.length, updatedAt: at });
      return { kind: 'claimed', entry: copy(current) };
    }
    return { kind: 'settled', entry: copy(current) };
  }

  async recordMailAttempt(k: MailKey, attempt: DeliveryEntry['attempts'][number], final?: 'sent' | 'failed'): Promise<DeliveryEntry> {
    const current = this.mails.get(this.mailKey(k));
    if (!current) throw new Error(`no delivery entry ${k.run}/${k.purpose}`);
    current.attempts.push(copy(attempt));
    current.status = final ?? 'retrying';
    current.updatedAt = attempt.at;
    if (attempt.messageId) current.messageId = attempt.messageId;
    return copy(current);
  }

  async listDeliveries(agencyId: string, period: string): Promise<DeliveryEntry[]> {
    return copy(
      [...this.mails.values()]
        .filter((e) => e.agencyId === agencyId && e.period === period)
        .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0)),
    );
  }
}
