/**
 * Report metadata: one item per published version (its four files, input hash, trigger), and a
 * LATEST pointer per period. Both are written in one transaction conditional on the pointer, so
 * a version is visible completely or not at all, and two compiles cannot publish the same number.
 * flow: compile use case --> ReportStore port --> this adapter --> DynamoDB
 */
import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ReportStore, ReportVersion } from '../../usecases/ports.ts';
import { cancellationReasons } from './errors.ts';
import { keys, stripKeys } from './keys.ts';
import { queryAll } from './query-all.ts';

export class DynamoReportStore implements ReportStore {
  constructor(private readonly doc: DynamoDBDocumentClient, private readonly table: string) {}

  async latest(agencyId: string, period: string): Promise<ReportVersion | undefined> {
    const ptr = await this.doc.send(new GetCommand({ TableName: this.table, Key: { PK: keys.reports(agencyId, period), SK: keys.latestSk }, ConsistentRead: true }));
    if (!ptr.Item) return undefined;
    const v = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: { PK: keys.reports(agencyId, period), SK: keys.reportVersionSk(Number(ptr.Item.version)) }, ConsistentRead: true }),
    );
    return v.Item ? stripKeys<ReportVersion>(v.Item) : undefined;
  }

  async listVersions(agencyId: string, period: string): Promise<ReportVersion[]> {
    const items = await queryAll(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': keys.reports(agencyId, period), ':sk': 'V#' },
      ScanIndexForward: false,
      ConsistentRead: true,
    });
    return items.map((i) => stripKeys<ReportVersion>(i));
  }

  async listRecent(agencyId: string, limit: number): Promise<ReportVersion[]> {
    const items = await queryAll(this.doc, {
      TableName: this.table,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.allReports(agencyId) },
      ScanIndexForward: false,
      Limit: limit,
    });
    return items.slice(0, limit).map((i) => stripKeys<ReportVersion>(i));
  }

  async publish(version: ReportVersion, previous: number): Promise<boolean> {
    const pk = keys.reports(version.agencyId, version.period);
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table,
                Item: {
                  PK: pk,
                  SK: keys.reportVersionSk(version.version),
                  GSI1PK: keys.allReports(version.agencyId),
                  GSI1SK: `${version.createdAt}#${version.period}#${String(version.version).padStart(4, '0')}`,
                  entity: 'report',
                  ...version,
                },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            {
              Put: {
                TableName: this.table,
                Item: { PK: pk, SK: keys.latestSk, entity: 'report-latest', version: version.version, inputHash: version.inputHash },
                ConditionExpression: previous === 0 ? 'attribute_not_exists(PK)' : '#v = :prev',
                ...(previous === 0 ? {} : { ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':prev': previous } }),
              },
            },
          ],
        }),
      );
      return true;
    } catch (err) {
      if (cancellationReasons(err)?.includes('ConditionalCheckFailed')) return false;
      throw err;
    }
  }
}
