/**
 * People and sign-in codes. A person is an item in their agency's `USERS` partition and a claim on
 * their email (`EMAIL#<email>` / OWNER), written together in one transaction: the claim's condition
 * is what keeps one email in one agency. Every change writes its audit entry in the same transaction.
 * A sign-in code is one item per address (its hash, expiry, wrong guesses); hourly counters per
 * address and per source expire with DynamoDB TTL.
 * flow: people / code sign-in use cases --> UserStore, SignInCodeStore ports --> this adapter --> DynamoDB
 */
import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { User } from '../../core/users.ts';
import type { AuditEntry, CreateUserOutcome, PendingCode, SignInCodeStore, UserStore } from '../../usecases/ports.ts';
import { failedConditions, isConditionFailure } from './errors.ts';
import { keys, stripKeys } from './keys.ts';
import { queryAll } from './query-all.ts';

/** The audit entry's item, for a transaction that writes the change it records (people, profile versions). */
export function auditPut(table: string, a: AuditEntry) {
  return { Put: { TableName: table, Item: { PK: keys.audit(a.agencyId), SK: keys.auditSk(a.at, randomUUID()), entity: 'audit', ...a } } };
}

export class DynamoUserStore implements UserStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /** The person's item in their agency's people. */
  private userItem(user: User) {
    return { TableName: this.table, Item: { PK: keys.users(user.agencyId), SK: keys.userSk(user.email), entity: 'user', ...user } };
  }

  private async ownerOf(email: string): Promise<string | undefined> {
    const owner = await this.doc.send(new GetCommand({ TableName: this.table, Key: { PK: keys.email(email), SK: keys.emailOwnerSk }, ConsistentRead: true }));
    return owner.Item?.agencyId as string | undefined;
  }

  async findByEmail(email: string): Promise<User | undefined> {
    const agencyId = await this.ownerOf(email);
    if (!agencyId) return undefined;
    const item = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: { PK: keys.users(agencyId), SK: keys.userSk(email) }, ConsistentRead: true }),
    );
    return item.Item ? stripKeys<User>(item.Item) : undefined;
  }

  async listUsers(agencyId: string): Promise<User[]> {
    const items = await queryAll(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': keys.users(agencyId), ':sk': 'USER#' },
      ConsistentRead: true,
    });
    return items.map((i) => stripKeys<User>(i));
  }

  async create(user: User, audit: AuditEntry): Promise<CreateUserOutcome> {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table,
                Item: { PK: keys.email(user.email), SK: keys.emailOwnerSk, entity: 'email-owner', agencyId: user.agencyId, sub: user.sub },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            { Put: { ...this.userItem(user), ConditionExpression: 'attribute_not_exists(PK)' } },
            auditPut(this.table, audit),
          ],
        }),
      );
      return { kind: 'created' };
    } catch (err) {
      const failed = failedConditions(err, ['email', 'user', 'audit'] as const);
      if (failed?.has('email') || failed?.has('user')) {
        return { kind: 'email-taken', agencyId: (await this.ownerOf(user.email)) ?? user.agencyId };
      }
      throw err;
    }
  }

  async update(user: User, expectedVersion: number, audit: AuditEntry): Promise<boolean> {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                ...this.userItem(user),
                ConditionExpression: '#v = :expected',
                ExpressionAttributeNames: { '#v': 'version' },
                ExpressionAttributeValues: { ':expected': expectedVersion },
              },
            },
            auditPut(this.table, audit),
          ],
        }),
      );
      return true;
    } catch (err) {
      if (failedConditions(err, ['user', 'audit'] as const)?.has('user')) return false;
      throw err;
    }
  }

  async appendAudit(entry: AuditEntry): Promise<void> {
    await this.doc.send(new PutCommand(auditPut(this.table, entry).Put));
  }

  async listAudit(agencyId: string, limit: number): Promise<AuditEntry[]> {
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.audit(agencyId) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map((i) => stripKeys<AuditEntry>(i));
  }
}

/** Seconds since the epoch, for DynamoDB's TTL attribute (`expiresAt`). */
const epoch = (iso: string) => Math.floor(Date.parse(iso) / 1000);

export class DynamoSignInCodeStore implements SignInCodeStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  private key(email: string) {
    return { PK: keys.email(email), SK: keys.emailCodeSk };
  }

  async save(code: PendingCode): Promise<void> {
    const { expiresAt, ...rest } = code;
    // `expiresAt` is the table's TTL attribute (epoch seconds); the ISO instant is kept as `validUntil`.
    await this.doc.send(
      new PutCommand({
        TableName: this.table,
        Item: { ...this.key(code.email), entity: 'signin-code', ...rest, validUntil: expiresAt, expiresAt: epoch(expiresAt) + 3600 },
      }),
    );
  }

  async get(email: string): Promise<PendingCode | undefined> {
    const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: this.key(email), ConsistentRead: true }));
    // A used code is as good as none.
    if (!out.Item || out.Item.usedAt) return undefined;
    const i = out.Item;
    return {
      email: String(i.email),
      hash: String(i.hash),
      expiresAt: String(i.validUntil),
      attempts: Number(i.attempts ?? 0),
      ...(typeof i.challenge === 'string' ? { challenge: i.challenge } : {}),
    };
  }

  async countFailure(email: string): Promise<number> {
    try {
      const out = await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: this.key(email),
          UpdateExpression: 'ADD attempts :one',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':one': 1 },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(out.Attributes?.attempts ?? 0);
    } catch (err) {
      if (isConditionFailure(err)) return Number.POSITIVE_INFINITY;
      throw err;
    }
  }

  async consume(email: string, hash: string): Promise<boolean> {
    try {
      // Not deleted (no function deletes: docs/security.md): marked used, so a second use fails the condition.
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: this.key(email),
          // Cognito's session (challenge) is of no use once the code is spent: it goes too.
          UpdateExpression: 'SET usedAt = :now REMOVE challenge',
          ConditionExpression: '#h = :hash AND attribute_not_exists(usedAt)',
          ExpressionAttributeNames: { '#h': 'hash' },
          ExpressionAttributeValues: { ':hash': hash, ':now': new Date().toISOString() },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }

  async bump(kind: 'email' | 'source', id: string, hour: string): Promise<number> {
    const out = await this.doc.send(
      new UpdateCommand({
        TableName: this.table,
        Key: { PK: kind === 'email' ? keys.email(id) : keys.source(id), SK: keys.rateSk(hour) },
        UpdateExpression: 'ADD #n :one SET expiresAt = :ttl, entity = :e',
        ExpressionAttributeNames: { '#n': 'count' },
        ExpressionAttributeValues: { ':one': 1, ':ttl': epoch(`${hour}:00:00Z`) + 2 * 3600, ':e': 'rate' },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(out.Attributes?.count ?? 0);
  }
}
