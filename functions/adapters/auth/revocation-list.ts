/**
 * Sessions ended before their tokens expired: a token signed out (by its `jti`), and every token a
 * person held when they were disabled (by their `sub`: tokens issued up to that moment). Every token
 * check of the handlers consults both in one read (functions/adapters/auth/session-check.ts), locally
 * and in AWS alike, so a session cookie replayed after sign-out, or a disabled person's open session,
 * is refused at once — a JWT itself cannot be recalled. Entries live under the token's own agency.
 * A token's entry expires (DynamoDB TTL) once the token would have expired anyway.
 * flow: session check / sign-out / people --> revocation list --> DynamoDB
 */
import { BatchGetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { MAX_TOKEN_LIFETIME_SECONDS } from '../../core/auth.ts';
import type { SessionRevoker } from '../../usecases/ports.ts';
import { makeDocumentClient } from '../clients.ts';
import { tableConfig } from '../config.ts';
import { keys } from '../dynamo/keys.ts';

/** The subject's entry shares the token partitions' prefix: `AGENCY#a#REVOKED#sub:<sub>`. */
const subjectId = (sub: string) => `sub:${sub}`;

export class DynamoRevocationList implements SessionRevoker {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  private key(agencyId: string, id: string) {
    return { PK: keys.revokedToken(agencyId, id), SK: keys.revokedTokenSk };
  }

  /** Puts a token on the list until `expiresAt` (epoch seconds) has passed. */
  async revoke(agencyId: string, tokenId: string, expiresAt: number, sub: string, at: string): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.table,
        Item: { ...this.key(agencyId, tokenId), entity: 'revoked-token', sub, revokedAt: at, expiresAt: expiresAt + 60 },
      }),
    );
  }

  /** Ends every session the person holds now: tokens issued at or before `at` are refused. */
  async revokeSubject(agencyId: string, sub: string, at: string): Promise<void> {
    const notBefore = Math.floor(Date.parse(at) / 1000);
    await this.doc.send(
      new PutCommand({
        TableName: this.table,
        // Kept while a token issued before it could still be alive.
        Item: {
          ...this.key(agencyId, subjectId(sub)),
          entity: 'revoked-subject',
          sub,
          revokedAt: at,
          notBefore,
          expiresAt: notBefore + MAX_TOKEN_LIFETIME_SECONDS + 60,
        },
      }),
    );
  }

  async isRevoked(agencyId: string, tokenId: string, sub: string, issuedAt: number): Promise<boolean> {
    // Strongly consistent: a sign-out must hold for the very next request.
    const out = await this.doc.send(
      new BatchGetCommand({
        RequestItems: {
          [this.table]: {
            Keys: [this.key(agencyId, tokenId), this.key(agencyId, subjectId(sub))],
            ConsistentRead: true,
            ProjectionExpression: 'PK, notBefore',
          },
        },
      }),
    );
    const items = out.Responses?.[this.table] ?? [];
    const unprocessed = out.UnprocessedKeys?.[this.table]?.Keys?.length ?? 0;
    // Unanswered: refuse rather than let a revoked session through.
    if (unprocessed > 0) return true;
    return items.some((i) => i.notBefore === undefined || issuedAt <= Number(i.notBefore));
  }
}

let current: { source: string; list: DynamoRevocationList } | undefined;

/** The process-wide list, for the table the environment names (rebuilt if it changes). */
export function revocationList(): DynamoRevocationList {
  const cfg = tableConfig();
  const source = `${cfg.endpoints.dynamodb ?? 'aws'}|${cfg.region}|${cfg.tableName}`;
  if (current?.source !== source) current = { source, list: new DynamoRevocationList(makeDocumentClient(cfg), cfg.tableName) };
  return current.list;
}
