/**
 * Report metadata: one item per published version (its four files, input hash, trigger), and a
 * LATEST pointer per period. Both are written in one transaction conditional on the pointer, so
 * a version is visible completely or not at all, and two compiles cannot publish the same number.
 * The register of outgoing documents: a counter and one item per number given, per year and
 * symbol; issuing takes the number, moves the counter and marks the version in one transaction.
 * flow: compile / issue use cases --> ReportStore port --> this adapter --> DynamoDB
 */
import type { Audience } from '../../core/agency.ts';
import { GetCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Issuance, IssueOutcome, RegisterEntry, ReportStore, ReportVersion, SignedFile } from '../../usecases/ports.ts';
import { cancellationReasons, failedConditions, isConditionFailure } from './errors.ts';
import { keys, stripKeys } from './keys.ts';
import { queryAll } from './query-all.ts';

export class DynamoReportStore implements ReportStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async latest(agencyId: string, period: string): Promise<ReportVersion | undefined> {
    const ptr = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: { PK: keys.reports(agencyId, period), SK: keys.latestSk }, ConsistentRead: true }),
    );
    if (!ptr.Item) return undefined;
    return this.getVersion(agencyId, period, Number(ptr.Item.version));
  }

  async getVersion(agencyId: string, period: string, version: number): Promise<ReportVersion | undefined> {
    const v = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: { PK: keys.reports(agencyId, period), SK: keys.reportVersionSk(version) }, ConsistentRead: true }),
    );
    return v.Item ? toVersion(v.Item) : undefined;
  }

  async listVersions(agencyId: string, period: string): Promise<ReportVersion[]> {
    const items = await queryAll(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': keys.reports(agencyId, period), ':sk': 'V#' },
      ScanIndexForward: false,
      ConsistentRead: true,
    });
    return items.map(toVersion);
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
    return items.slice(0, limit).map(toVersion);
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

  async registerLast(agencyId: string, year: number, symbol: string): Promise<number> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: { PK: keys.register(agencyId, year, symbol), SK: keys.registerCounterSk }, ConsistentRead: true }),
    );
    return out.Item ? Number(out.Item.last) : 0;
  }

  async registerEntry(agencyId: string, year: number, symbol: string, number: number): Promise<RegisterEntry | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: { PK: keys.register(agencyId, year, symbol), SK: keys.registerNumberSk(number) }, ConsistentRead: true }),
    );
    return out.Item ? stripKeys<RegisterEntry>(out.Item) : undefined;
  }

  async listRegister(agencyId: string, year: number, symbol: string): Promise<RegisterEntry[]> {
    const items = await queryAll(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': keys.register(agencyId, year, symbol), ':sk': 'NO#' },
      ConsistentRead: true,
    });
    return items.map((i) => stripKeys<RegisterEntry>(i));
  }

  async issue(entry: RegisterEntry, expectedLast: number, issuance: Issuance): Promise<IssueOutcome> {
    const pk = keys.register(entry.agencyId, entry.year, entry.symbol);
    const reportsPk = keys.reports(entry.agencyId, entry.period);
    const attr = issueAttr(entry.audience);
    const names = ['number', 'counter', 'version', 'latest'] as const;
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table,
                Item: { PK: pk, SK: keys.registerNumberSk(entry.number), entity: 'register-number', ...entry },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            {
              Put: {
                TableName: this.table,
                Item: {
                  PK: pk,
                  SK: keys.registerCounterSk,
                  entity: 'register-counter',
                  last: Math.max(expectedLast, entry.number),
                  year: entry.year,
                  symbol: entry.symbol,
                },
                ConditionExpression: expectedLast === 0 ? 'attribute_not_exists(PK) OR #last = :zero' : '#last = :prev',
                ExpressionAttributeNames: { '#last': 'last' },
                ExpressionAttributeValues: expectedLast === 0 ? { ':zero': 0 } : { ':prev': expectedLast },
              },
            },
            {
              Update: {
                TableName: this.table,
                Key: { PK: reportsPk, SK: keys.reportVersionSk(entry.version) },
                UpdateExpression: 'SET #iss = :iss',
                ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(#iss)',
                ExpressionAttributeNames: { '#iss': attr },
                ExpressionAttributeValues: { ':iss': issuance },
              },
            },
            {
              ConditionCheck: {
                TableName: this.table,
                Key: { PK: reportsPk, SK: keys.latestSk },
                ConditionExpression: '#v = :v',
                ExpressionAttributeNames: { '#v': 'version' },
                ExpressionAttributeValues: { ':v': entry.version },
              },
            },
          ],
        }),
      );
    } catch (err) {
      const failed = failedConditions(err, names);
      if (!failed) throw err;
      if (failed.has('latest')) {
        const ptr = await this.doc.send(new GetCommand({ TableName: this.table, Key: { PK: reportsPk, SK: keys.latestSk }, ConsistentRead: true }));
        return { kind: 'superseded', latest: ptr.Item ? Number(ptr.Item.version) : undefined };
      }
      if (failed.has('version')) return { kind: 'already-issued', version: await this.getVersion(entry.agencyId, entry.period, entry.version) };
      if (failed.has('number')) return { kind: 'number-taken', holder: await this.registerEntry(entry.agencyId, entry.year, entry.symbol, entry.number) };
      if (failed.has('counter')) return { kind: 'counter-moved' };
      throw err;
    }
    const version = await this.getVersion(entry.agencyId, entry.period, entry.version);
    return { kind: 'issued', version: version! };
  }

  async attachSigned(agencyId: string, period: string, version: number, audience: Audience, signed: SignedFile): Promise<boolean> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { PK: keys.reports(agencyId, period), SK: keys.reportVersionSk(version) },
          UpdateExpression: 'SET #iss.signed = :s',
          ConditionExpression: 'attribute_exists(#iss)',
          ExpressionAttributeNames: { '#iss': issueAttr(audience) },
          ExpressionAttributeValues: { ':s': signed },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }
}

/** Each audience's issuance is its own attribute, so issuing one never touches the other. */
function issueAttr(audience: Audience): string {
  return audience === 'ubnd' ? 'issuedUbnd' : 'issuedDirector';
}

function toVersion(item: Record<string, unknown>): ReportVersion {
  const { issuedUbnd, issuedDirector, ...rest } = stripKeys<ReportVersion & { issuedUbnd?: Issuance; issuedDirector?: Issuance }>(item);
  const issued: ReportVersion['issued'] = {};
  if (issuedDirector) issued.director = issuedDirector;
  if (issuedUbnd) issued.ubnd = issuedUbnd;
  return Object.keys(issued).length > 0 ? { ...rest, issued } : rest;
}
