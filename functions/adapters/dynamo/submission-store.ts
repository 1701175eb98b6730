/**
 * Submissions: a head item per (period, unit) with the latest submitted content and when a draft
 * was saved, the draft's content in an item of its own, and one immutable item per revision —
 * each content in its own item, so none can pass DynamoDB's 400 KB item limit. A submit writes head + revision (+ idempotency record) in one
 * transaction conditional on the revision the client last saw and on the period not being
 * locked, so a concurrent edit is a conflict, never a silent overwrite, and a retry is a replay.
 * Single-item reads go through the container's get-batcher, so the reads a submit issues together
 * (replay record, lock, head, with the plan pointer and the profile check) are one BatchGetItem.
 * flow: use case --> SubmissionStore port --> this adapter --> DynamoDB
 */
import { randomUUID } from 'node:crypto';
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DraftInfo, Revision, SubmissionHead } from '../../core/submission.ts';
import type { PeriodLock, StoredDraft, StoredRevision, SubmissionStore, SubmitCommand, SubmitOutcome } from '../../usecases/ports.ts';
import { withReachedLists } from '../../core/product.ts';
import { failedConditions } from './errors.ts';
import { GetBatcher } from './get-batcher.ts';
import { keys, stripKeys } from './keys.ts';
import { queryAll } from './query-all.ts';

/** The items of a submit's transaction, by name. */
type SubmitItem = 'head' | 'revision' | 'lock' | 'idempotency';

interface IdempotencyRecord {
  requestHash: string;
  period: string;
  unit: string;
  revision: number;
}

/** What a revision item holds: everything but its changes (revisions written before kept theirs; ignored). */
function storedRevision(revision: Revision | StoredRevision): StoredRevision {
  const { changes: _changes, ...stored } = revision as Revision;
  return stored;
}

/** A revision as read: products stored as one number come back as a list of one (core/product.ts). */
function readRevision(item: Record<string, unknown>): StoredRevision {
  const r = storedRevision(stripKeys<Revision>(item));
  return { ...r, data: withReachedLists(r.data) };
}

/** A head as read, its content and its draft's (when carried) with products as lists. */
function readHead(item: Record<string, unknown>): SubmissionHead {
  const head = stripKeys<SubmissionHead>(item);
  if (head.data) head.data = withReachedLists(head.data);
  if (head.draft?.data) head.draft = { ...head.draft, data: withReachedLists(head.draft.data) };
  return head;
}

export class DynamoSubmissionStore implements SubmissionStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly reads = new GetBatcher(doc, table),
  ) {}

  async getHead(agencyId: string, period: string, unit: string): Promise<SubmissionHead | undefined> {
    const item = await this.reads.get({ PK: keys.period(agencyId, period), SK: keys.headSk(unit) });
    return item ? readHead(item) : undefined;
  }

  async listHeads(agencyId: string, period: string): Promise<SubmissionHead[]> {
    const items = await queryAll(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': keys.period(agencyId, period), ':sk': 'SUB#' },
      ConsistentRead: true,
    });
    return items.map(readHead);
  }

  async headsOfUnitBefore(agencyId: string, unit: string, period: string, limit: number): Promise<SubmissionHead[]> {
    const items = await queryAll(this.doc, {
      TableName: this.table,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK < :sk',
      ExpressionAttributeValues: { ':pk': keys.unitSubmissions(agencyId, unit), ':sk': keys.periodSk(period) },
      ScanIndexForward: false,
      Limit: limit,
    });
    return items.slice(0, limit).map(readHead);
  }

  async saveDraft(agencyId: string, period: string, unit: string, draft: StoredDraft): Promise<SubmissionHead> {
    const pk = keys.period(agencyId, period);
    const marker: DraftInfo = { savedAt: draft.savedAt, savedBy: draft.savedBy };
    // The content goes to an item of its own, so that head (submitted content) and draft are never
    // in one item together: each fits DynamoDB's 400 KB on its own (core/stored-size.ts).
    await this.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: this.table, Item: { PK: pk, SK: keys.draftSk(unit), entity: 'draft', agencyId, period, unit, ...draft } } },
          {
            Update: {
              TableName: this.table,
              Key: { PK: pk, SK: keys.headSk(unit) },
              UpdateExpression:
                'SET #draft = :draft, updatedAt = :now, agencyId = :a, #period = :p, #unit = :u, GSI1PK = :g1, GSI1SK = :g2, ' +
                '#state = if_not_exists(#state, :draftState), #revision = if_not_exists(#revision, :zero), entity = :entity',
              ExpressionAttributeNames: { '#draft': 'draft', '#period': 'period', '#state': 'state', '#unit': 'unit', '#revision': 'revision' },
              ExpressionAttributeValues: {
                ':draft': marker,
                ':now': draft.savedAt,
                ':a': agencyId,
                ':p': period,
                ':u': unit,
                ':g1': keys.unitSubmissions(agencyId, unit),
                ':g2': keys.periodSk(period),
                ':draftState': 'draft',
                ':zero': 0,
                ':entity': 'submission',
              },
            },
          },
        ],
      }),
    );
    const head = (await this.getHead(agencyId, period, unit))!;
    return { ...head, draft: { ...marker, data: draft.data } };
  }

  async getDraft(agencyId: string, period: string, unit: string): Promise<StoredDraft | undefined> {
    const item = await this.reads.get({ PK: keys.period(agencyId, period), SK: keys.draftSk(unit) });
    if (!item) return undefined;
    const { data, savedAt, savedBy } = stripKeys<StoredDraft>(item);
    return { data: withReachedLists(data), savedAt, savedBy };
  }

  async submit(cmd: SubmitCommand): Promise<SubmitOutcome> {
    const { head, revision, expectedRevision, idempotency } = cmd;
    const a = head.agencyId;
    // Callers look for a replay first (the use case does, in parallel with its other reads); here
    // the idempotency record's condition catches a concurrent retry, answered below.
    const periodPk = keys.period(a, head.period);
    type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];
    // Each item named, so a cancelled transaction's reasons are read by what they refer to.
    const named: [SubmitItem, TransactItem][] = [
      [
        'head',
        {
          Put: {
            TableName: this.table,
            Item: {
              PK: periodPk,
              SK: keys.headSk(head.unit),
              GSI1PK: keys.unitSubmissions(a, head.unit),
              GSI1SK: keys.periodSk(head.period),
              entity: 'submission',
              ...head,
            },
            ConditionExpression: expectedRevision === 0 ? 'attribute_not_exists(PK) OR revision = :zero' : 'revision = :expected',
            ExpressionAttributeValues: expectedRevision === 0 ? { ':zero': 0 } : { ':expected': expectedRevision },
          },
        },
      ],
      [
        'revision',
        {
          Put: {
            TableName: this.table,
            Item: { PK: keys.revisions(a, head.period, head.unit), SK: keys.revisionSk(revision.revision), entity: 'revision', ...storedRevision(revision) },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
      ],
      [
        'lock',
        {
          ConditionCheck: {
            TableName: this.table,
            Key: { PK: periodPk, SK: keys.lockSk },
            ConditionExpression: 'attribute_not_exists(PK) OR locked = :false',
            ExpressionAttributeValues: { ':false': false },
          },
        },
      ],
    ];
    if (idempotency) {
      const record: IdempotencyRecord = { requestHash: idempotency.requestHash, period: head.period, unit: head.unit, revision: revision.revision };
      named.push([
        'idempotency',
        {
          Put: {
            TableName: this.table,
            Item: { PK: keys.idempotency(a, 'submit', idempotency.key), SK: keys.idempotencySk, expiresAt: idempotency.expiresAt, ...record },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
      ]);
    }
    try {
      await this.doc.send(new TransactWriteCommand({ TransactItems: named.map(([, item]) => item) }));
      return { kind: 'stored', head, revision };
    } catch (err) {
      const failed = failedConditions(
        err,
        named.map(([name]) => name),
      );
      if (!failed) throw err;
      if (idempotency && failed.has('idempotency')) {
        const replay = await this.findReplay(a, idempotency.key, idempotency.requestHash);
        if (replay) return replay;
      }
      if (failed.has('lock')) return { kind: 'locked' };
      if (failed.has('head') || failed.has('revision')) {
        return { kind: 'conflict', current: await this.getHead(a, head.period, head.unit) };
      }
      throw err;
    }
  }

  async findReplay(agencyId: string, key: string, requestHash: string): Promise<Extract<SubmitOutcome, { kind: 'replay' }> | undefined> {
    const item = await this.reads.get({ PK: keys.idempotency(agencyId, 'submit', key), SK: keys.idempotencySk });
    if (!item) return undefined;
    const rec = stripKeys<IdempotencyRecord>(item);
    const revision = await this.getRevision(agencyId, rec.period, rec.unit, rec.revision);
    if (!revision) return undefined;
    return { kind: 'replay', revision, sameRequest: rec.requestHash === requestHash };
  }

  async listRevisions(agencyId: string, period: string, unit: string): Promise<StoredRevision[]> {
    const items = await queryAll(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': keys.revisions(agencyId, period, unit), ':sk': 'REV#' },
      ConsistentRead: true,
    });
    return items.map(readRevision);
  }

  async getRevision(agencyId: string, period: string, unit: string, revision: number): Promise<StoredRevision | undefined> {
    const item = await this.reads.get({ PK: keys.revisions(agencyId, period, unit), SK: keys.revisionSk(revision) });
    return item ? readRevision(item) : undefined;
  }

  async getLock(agencyId: string, period: string): Promise<PeriodLock | undefined> {
    const item = await this.reads.get({ PK: keys.period(agencyId, period), SK: keys.lockSk });
    return item ? stripKeys<PeriodLock>(item) : undefined;
  }

  async setLock(lock: PeriodLock): Promise<void> {
    const PK = keys.period(lock.agencyId, lock.period);
    // The lock and its log entry together: the log never misses a change, nor holds one that did not happen.
    await this.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: this.table, Item: { PK, SK: keys.lockSk, entity: 'lock', ...lock } } },
          { Put: { TableName: this.table, Item: { PK, SK: keys.lockLogSk(lock.at, randomUUID().slice(0, 8)), entity: 'lock-log', ...lock } } },
        ],
      }),
    );
  }

  async listLockLog(agencyId: string, period: string): Promise<PeriodLock[]> {
    const items = await queryAll(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': keys.period(agencyId, period), ':sk': 'LOCKLOG#' },
    });
    return items.map((i) => stripKeys<PeriodLock>(i));
  }
}
