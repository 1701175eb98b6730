/**
 * Job runs and the delivery log. A run item per (agency, job, scheduled time) is claimed with a
 * conditional write, so a re-fired or retried schedule finds the first run's result instead of
 * working again; an email item per (run, purpose) is claimed before it is sent and settled after,
 * so no attempt sends what an earlier one already sent.
 * flow: run-job use case --> JobStore port --> this adapter --> DynamoDB
 */
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ClaimMailOutcome, ClaimRunOutcome, DeliveryEntry, JobRun, JobStore } from '../../usecases/ports.ts';
import { isConditionFailure } from './errors.ts';
import { keys, stripKeys } from './keys.ts';
import { queryAll } from './query-all.ts';

type MailKey = Pick<DeliveryEntry, 'agencyId' | 'period' | 'run' | 'purpose'>;

// status, attempt, source, result and error are DynamoDB reserved words: always aliased (#name).

export class DynamoJobStore implements JobStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  private runKey(agencyId: string, job: string, scheduledTime: string) {
    return { PK: keys.jobRuns(agencyId, job), SK: keys.jobRunSk(scheduledTime) };
  }

  private mailKey(k: MailKey) {
    return { PK: keys.deliveries(k.agencyId, k.period), SK: keys.deliverySk(k.run, k.purpose) };
  }

  async getRun(agencyId: string, job: string, scheduledTime: string): Promise<JobRun | undefined> {
    const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: this.runKey(agencyId, job, scheduledTime), ConsistentRead: true }));
    return out.Item ? stripKeys<JobRun>(out.Item) : undefined;
  }

  async claimRun(start: Omit<JobRun, 'status' | 'attempt'>, now: string): Promise<ClaimRunOutcome> {
    const key = this.runKey(start.agencyId, start.job, start.scheduledTime);
    const first: JobRun = { ...start, status: 'running', attempt: 1 };
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...key, GSI1PK: keys.allJobRuns(start.agencyId), GSI1SK: `${start.scheduledTime}#${start.job}`, entity: 'job-run', ...first },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return { kind: 'claimed', run: first };
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
    }
    // The run exists: finished, owned by a live attempt, or free to take over. Two takers race on
    // the attempt number; the loser reads again and sees the winner's attempt as busy.
    for (let i = 0; i < 3; i++) {
      const current = await this.getRun(start.agencyId, start.job, start.scheduledTime);
      if (!current) break;
      if (current.status === 'done') return { kind: 'done', run: current };
      if (current.status === 'running' && current.leaseUntil > now) return { kind: 'busy', run: current };
      const next: JobRun = {
        ...current,
        status: 'running',
        attempt: current.attempt + 1,
        startedAt: start.startedAt,
        leaseUntil: start.leaseUntil,
        source: start.source,
      };
      delete next.error;
      try {
        await this.doc.send(
          new UpdateCommand({
            TableName: this.table,
            Key: key,
            UpdateExpression: 'SET #status = :running, #attempt = :next, startedAt = :started, leaseUntil = :lease, #source = :source REMOVE #error',
            ConditionExpression: '#attempt = :seen AND #status <> :done',
            ExpressionAttributeNames: { '#status': 'status', '#attempt': 'attempt', '#source': 'source', '#error': 'error' },
            ExpressionAttributeValues: {
              ':running': 'running',
              ':next': next.attempt,
              ':started': start.startedAt,
              ':lease': start.leaseUntil,
              ':source': start.source,
              ':seen': current.attempt,
              ':done': 'done',
            },
          }),
        );
        return { kind: 'claimed', run: next };
      } catch (err) {
        if (!isConditionFailure(err)) throw err;
      }
    }
    const last = await this.getRun(start.agencyId, start.job, start.scheduledTime);
    if (!last) throw new Error(`job run ${start.job}@${start.scheduledTime} vanished while claiming it`);
    return { kind: last.status === 'done' ? 'done' : 'busy', run: last };
  }

  async finishRun(run: JobRun, result: Record<string, unknown>, at: string): Promise<boolean> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: this.runKey(run.agencyId, run.job, run.scheduledTime),
          UpdateExpression: 'SET #status = :done, #result = :result, finishedAt = :at REMOVE #error',
          ConditionExpression: '#attempt = :mine',
          ExpressionAttributeNames: { '#status': 'status', '#result': 'result', '#attempt': 'attempt', '#error': 'error' },
          ExpressionAttributeValues: { ':done': 'done', ':result': result, ':at': at, ':mine': run.attempt },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }

  async failRun(run: JobRun, error: string, at: string): Promise<void> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: this.runKey(run.agencyId, run.job, run.scheduledTime),
          UpdateExpression: 'SET #status = :failed, #error = :error, finishedAt = :at',
          ConditionExpression: '#attempt = :mine AND #status = :running',
          ExpressionAttributeNames: { '#status': 'status', '#error': 'error', '#attempt': 'attempt' },
          ExpressionAttributeValues: { ':failed': 'failed', ':error': error.slice(0, 2000), ':at': at, ':mine': run.attempt, ':running': 'running' },
        }),
      );
    } catch (err) {
      // Another attempt owns the run now: its outcome is the one that counts.
      if (!isConditionFailure(err)) throw err;
    }
  }

  async recentRuns(agencyId: string, limit: number): Promise<JobRun[]> {
    const items = await queryAll(this.doc, {
      TableName: this.table,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.allJobRuns(agencyId) },
      ScanIndexForward: false,
      Limit: limit,
    });
    return items.slice(0, limit).map((i) => stripKeys<JobRun>(i));
  }

  private async getMail(k: MailKey): Promise<DeliveryEntry | undefined> {
    const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: this.mailKey(k), ConsistentRead: true }));
    return out.Item ? stripKeys<DeliveryEntry>(out.Item) : undefined;
  }

  /** Moves an entry from one status to another if it still has the first; the new entry, or undefined. */
  private async transition(k: MailKey, from: DeliveryEntry['status'], to: DeliveryEntry['status'], at: string): Promise<DeliveryEntry | undefined> {
    try {
      const out = await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: this.mailKey(k),
          UpdateExpression: 'SET #status = :to, updatedAt = :at',
          ConditionExpression: '#status = :from',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':to': to, ':from': from, ':at': at },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return stripKeys<DeliveryEntry>(out.Attributes ?? {});
    } catch (err) {
      if (isConditionFailure(err)) return undefined;
      throw err;
    }
  }

  /** A new round for a failed email, claimed by a later attempt of its run. */
  private async reopen(k: MailKey, seen: DeliveryEntry, runAttempt: number, at: string): Promise<DeliveryEntry | undefined> {
    try {
      const out = await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: this.mailKey(k),
          UpdateExpression: 'SET #status = :sending, runAttempt = :ra, roundStart = :start, updatedAt = :at',
          ConditionExpression: '#status = :failed AND (attribute_not_exists(runAttempt) OR runAttempt = :seenRa)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':sending': 'sending',
            ':failed': 'failed',
            ':ra': runAttempt,
            ':start': seen.attempts.length,
            ':at': at,
            ':seenRa': seen.runAttempt ?? 1,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return stripKeys<DeliveryEntry>(out.Attributes ?? {});
    } catch (err) {
      if (isConditionFailure(err)) return undefined;
      throw err;
    }
  }

  async claimMail(entry: Omit<DeliveryEntry, 'status' | 'attempts' | 'createdAt' | 'updatedAt'>, at: string): Promise<ClaimMailOutcome> {
    const fresh: DeliveryEntry = { ...entry, status: 'sending', attempts: [], createdAt: at, updatedAt: at };
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...this.mailKey(entry), entity: 'delivery', ...fresh },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return { kind: 'claimed', entry: fresh };
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
    }
    for (let i = 0; i < 3; i++) {
      const current = await this.getMail(entry);
      if (!current) break;
      if (current.status === 'retrying') {
        // The last attempt was refused by the provider: nothing went out, so this one may send.
        const claimed = await this.transition(entry, 'retrying', 'sending', at);
        if (claimed) return { kind: 'claimed', entry: claimed };
        continue;
      }
      if (current.status === 'sending') {
        const settled = await this.transition(entry, 'sending', 'interrupted', at);
        if (settled) return { kind: 'settled', entry: settled };
        continue;
      }
      if (current.status === 'failed' && (entry.runAttempt ?? 1) > (current.runAttempt ?? 1)) {
        const reopened = await this.reopen(entry, current, entry.runAttempt!, at);
        if (reopened) return { kind: 'claimed', entry: reopened };
        continue;
      }
      return { kind: 'settled', entry: current };
    }
    const last = await this.getMail(entry);
    if (!last) throw new Error(`delivery ${entry.run}/${entry.purpose} vanished while claiming it`);
    return { kind: 'settled', entry: last };
  }

  async recordMailAttempt(k: MailKey, attempt: DeliveryEntry['attempts'][number], final?: 'sent' | 'failed'): Promise<DeliveryEntry> {
    const status: DeliveryEntry['status'] = final ?? 'retrying';
    const out = await this.doc.send(
      new UpdateCommand({
        TableName: this.table,
        Key: this.mailKey(k),
        UpdateExpression: `SET attempts = list_append(attempts, :a), #status = :s, updatedAt = :at${attempt.messageId ? ', messageId = :m' : ''}`,
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':a': [attempt], ':s': status, ':at': attempt.at, ...(attempt.messageId ? { ':m': attempt.messageId } : {}) },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return stripKeys<DeliveryEntry>(out.Attributes ?? {});
  }

  async listDeliveries(agencyId: string, period: string): Promise<DeliveryEntry[]> {
    const items = await queryAll(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': keys.deliveries(agencyId, period), ':sk': 'MAIL#' },
      ConsistentRead: true,
    });
    return items.map((i) => stripKeys<DeliveryEntry>(i)).sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  }
}
