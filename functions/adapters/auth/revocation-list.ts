/**
 * The access tokens that were signed out before they expired, by their `jti`: every token check
 * of the handlers consults it (functions/adapters/auth/session-check.ts), locally and in AWS alike,
 * so a session cookie replayed after sign-out is refused at once — a JWT itself cannot be recalled.
 * An entry expires (DynamoDB TTL) once the token would have expired anyway.
 * flow: session check / sign-out --> revocation list --> DynamoDB
 */
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { makeDocumentClient } from '../clients.ts';
import { tableConfig } from '../config.ts';
import { keys } from '../dynamo/keys.ts';

export class DynamoRevocationList {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly agencyId: string,
  ) {}

  private key(tokenId: string) {
    return { PK: keys.revokedToken(this.agencyId, tokenId), SK: keys.revokedTokenSk };
  }

  /** Puts a token on the list until `expiresAt` (epoch seconds) has passed. */
  async revoke(tokenId: string, expiresAt: number, sub: string, at: string): Promise<void> {
    await this.doc.send(
      new PutCommand({ TableName: this.table, Item: { ...this.key(tokenId), entity: 'revoked-token', sub, revokedAt: at, expiresAt: expiresAt + 60 } }),
    );
  }

  async isRevoked(tokenId: string): Promise<boolean> {
    // Strongly consistent: a sign-out must hold for the very next request.
    const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: this.key(tokenId), ConsistentRead: true, ProjectionExpression: 'PK' }));
    return out.Item !== undefined;
  }
}

let current: { source: string; list: DynamoRevocationList } | undefined;

/** The process-wide list, for the table and agency the environment names (rebuilt if they change). */
export function revocationList(): DynamoRevocationList {
  const cfg = tableConfig();
  const source = `${cfg.endpoints.dynamodb ?? 'aws'}|${cfg.region}|${cfg.tableName}|${cfg.agencyId}`;
  if (current?.source !== source) current = { source, list: new DynamoRevocationList(makeDocumentClient(cfg), cfg.tableName, cfg.agencyId) };
  return current.list;
}
