/**
 * The leaders' directions: one item per direction in the agency's `DIRECTIONS` partition (its
 * current version, read whole by the queue, the forms and the reports: an agency gives a few
 * hundred a year) and one immutable item per version in the direction's own partition. A change
 * writes both and its audit entry in one transaction, on the condition that the current version is
 * the one the leader changed (docs/data-model.md).
 * flow: directions use case --> DirectionStore port --> this adapter --> DynamoDB
 */
import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { versionOf, type Direction, type DirectionVersion } from '../../core/direction.ts';
import type { AuditEntry, DirectionStore } from '../../usecases/ports.ts';
import { failedConditions } from './errors.ts';
import { keys, stripKeys } from './keys.ts';
import { queryAll } from './query-all.ts';
import { auditPut } from './user-store.ts';

export class DynamoDirectionStore implements DirectionStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async list(agencyId: string): Promise<Direction[]> {
    const items = await queryAll(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': keys.directions(agencyId), ':sk': 'DIR#' },
      ConsistentRead: true,
    });
    return items.map((i) => stripKeys<Direction>(i));
  }

  async get(agencyId: string, id: string): Promise<Direction | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: { PK: keys.directions(agencyId), SK: keys.directionSk(id) }, ConsistentRead: true }),
    );
    return out.Item ? stripKeys<Direction>(out.Item) : undefined;
  }

  async versions(agencyId: string, id: string): Promise<DirectionVersion[]> {
    const items = await queryAll(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': keys.directionVersions(agencyId, id), ':sk': 'V#' },
      ConsistentRead: true,
    });
    return items.map((i) => stripKeys<DirectionVersion>(i));
  }

  async put(direction: Direction, expectedVersion: number, audit: AuditEntry): Promise<boolean> {
    const head = { PK: keys.directions(direction.agencyId), SK: keys.directionSk(direction.id), entity: 'direction', ...direction };
    const condition =
      expectedVersion === 0
        ? { ConditionExpression: 'attribute_not_exists(PK)' }
        : {
            ConditionExpression: '#v = :expected',
            ExpressionAttributeNames: { '#v': 'version' },
            ExpressionAttributeValues: { ':expected': expectedVersion },
          };
    const record = {
      PK: keys.directionVersions(direction.agencyId, direction.id),
      SK: keys.directionVersionSk(direction.version),
      entity: 'direction-version',
      ...versionOf(direction),
    };
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.table, Item: head, ...condition } },
            { Put: { TableName: this.table, Item: record, ConditionExpression: 'attribute_not_exists(PK)' } },
            auditPut(this.table, audit),
          ],
        }),
      );
      return true;
    } catch (err) {
      const failed = failedConditions(err, ['head', 'version', 'audit'] as const);
      if (failed?.has('head') || failed?.has('version')) return false;
      throw err;
    }
  }
}
