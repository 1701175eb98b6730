/**
 * Submissions: a head item per (period, unit) with the latest submitted content and when a draft
 * was saved, the draft's content in an item of its own, and one immutable item per revision —
 * each content in its own item, so none can pass DynamoDB's 400 KB item limit. A submit writes head + revision (+ idempotency record) in one
 * transaction conditional on the revision the client last saw and on the period not being
 * locked, so a concurrent edit is a conflict, never a silent overwrite, and a retry is a replay.
 * flow: use case --> SubmissionStore port --> this adapter --> DynamoDB
 */
import { GetCommand, PutCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DraftInfo, Revision, SubmissionHead } from '../../core/submission.ts';
import type { PeriodLock, StoredDraft, StoredRevision, SubmissionStore, SubmitCommand, SubmitOutcome } from '../../usecases/ports.ts';
import { cancellationReasons } from './errors.ts';
import { keys, stripKeys } from './keys.ts';
import { queryAll } from './query-all.ts';

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

export class DynamoSubmissionStore implements SubmissionStore {
  constructor(private readonly doc: DynamoDBDocumentClient, private readonly table: string) {}

  async getHead(agencyId: string, period: string, unit: string): Promise<SubmissionHead | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: { PK: keys.period(agencyId, period), SK: keys.headSk(unit) }, ConsistentRead: true }),
    );
    return out.Item ? stripKeys<SubmissionHead>(out.Item) : undefined;
  }

  async listHeads(agencyId: string, period: string): Promise<SubmissionHead[]> {
    const items = await queryAll(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': keys.period(agencyId, period), ':sk': 'SUB#' },
      ConsistentRead: true,
    });
    return items.map((i) => stripKeys<SubmissionHead>(i));
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
    return items.slice(0, limit).map((i) => stripKeys<SubmissionHead>(i));
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
    const out = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: { PK: keys.period(agencyId, period), SK: keys.draftSk(unit) }, ConsistentRead: true }),
    );
    if (!out.Item) return undefined;
    const { data, savedAt, savedBy } = stripKeys<StoredDraft>(out.Item);
    return { data, savedAt, savedBy };
  }

  async submit(cmd: SubmitCommand): Promise<SubmitOutcome> {
    const { head, revision, expectedRevision, idempotency } = cmd;
    const a = head.agencyId;
    // Callers look for a replay first (the use case does, in parallel with its other reads); here
    // the idempotency record's condition catches a concurrent retry, answered below.
    const periodPk = keys.period(a, head.period);
    const items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> = [
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
      {
        Put: {
          TableName: this.table,
          Item: { PK: keys.revisions(a, head.period, head.unit), SK: keys.revisionSk(revision.revision), entity: 'revision', ...storedRevision(revision) },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      {
        ConditionCheck: {
          TableName: this.table,
          Key: { PK: periodPk, SK: keys.lockSk },
          ConditionExpression: 'attribute_not_exists(PK) OR locked = :false',
          ExpressionAttributeValues: { ':false': false },
        },
      },
    ];
    if (idempotency) {
      const record: IdempotencyRecord = { requestHash: idempotency.requestHash, period: head.period, unit: head.unit, revision: revision.revision };
      items.push({
        Put: {
          TableName: this.table,
          Item: { PK: keys.idempotency(a, 'submit', idempotency.key), SK: keys.idempotencySk, expiresAt: idempotency.expiresAt, ...record },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      });
    }
    try {
      await this.doc.send(new TransactWriteCommand({ TransactItems: items }));
      return { kind: 'stored', head, revision };
    } catch (err) {
      const reasons = cancellationReasons(err);
      if (!reasons) throw err;
      if (idempotency && reasons[3] === 'ConditionalCheckFailed') {
        const replay = await this.findReplay(a, idempotency.key, idempotency.requestHash);
        if (replay) return replay;
      }
      if (reasons[2] === 'ConditionalCheckFailed') return { kind: 'locked' };
      if (reasons[0] === 'ConditionalCheckFailed' || reasons[1] === 'ConditionalCheckFailed') {
        return { kind: 'conflict', current: await this.getHead(a, head.period, head.unit) };
      }
      throw err;
    }
  }

  async findReplay(agencyId: string, key: string, requestHash: string): Promise<Extract<SubmitOutcome, { kind: 'replay' }> | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: { PK: keys.idempotency(agencyId, 'submit', key), SK: keys.idempotencySk }, ConsistentRead: true }),
    );
    if (!out.Item) return undefined;
    const rec = stripKeys<IdempotencyRecord>(out.Item);
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
    return items.map((i) => storedRevision(stripKeys<Revision>(i)));
  }

  async getRevision(agencyId: string, period: string, unit: string, revision: number): Promise<StoredRevision | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: { PK: keys.revisions(agencyId, period, unit), SK: keys.revisionSk(revision) }, ConsistentRead: true }),
    );
    return out.Item ? storedRevision(stripKeys<Revision>(out.Item)) : undefined;
  }

  async getLock(agencyId: string, period: string): Promise<PeriodLock | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: { PK: keys.period(agencyId, period), SK: keys.lockSk }, ConsistentRead: true }),
    );
    return out.Item ? stripKeys<PeriodLock>(out.Item) : undefined;
  }

  async setLock(lock: PeriodLock): Promise<void> {
    await this.doc.send(
      new PutCommand({ TableName: this.table, Item: { PK: keys.period(lock.agencyId, lock.period), SK: keys.lockSk, entity: 'lock', ...lock } }),
    );
  }
}
