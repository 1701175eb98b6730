/**
 * Creates the single table locally (DynamoDB Local) with the same key schema the CDK stack
 * declares in AWS (infra/stateful-stack.ts): PK/SK, GSI1 on GSI1PK/GSI1SK, TTL on expiresAt.
 * flow: local stack / tests --> ensure-table --> DynamoDB Local
 */
import { CreateTableCommand, DescribeTableCommand, UpdateTimeToLiveCommand, waitUntilTableExists, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { makeDynamoClient } from '../clients.ts';

/** The table on DynamoDB Local at `endpoint`, with the client settings every adapter uses. */
export async function ensureLocalTable(endpoint: string, region: string, tableName: string): Promise<'created' | 'exists'> {
  const client = makeDynamoClient({ region, endpoints: { dynamodb: endpoint } });
  try {
    return await ensureTable(client, tableName);
  } finally {
    client.destroy();
  }
}

export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<'created' | 'exists'> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return 'exists';
  } catch (err) {
    if (!(err instanceof Error) || err.name !== 'ResourceNotFoundException') throw err;
  }
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'PK', AttributeType: 'S' },
        { AttributeName: 'SK', AttributeType: 'S' },
        { AttributeName: 'GSI1PK', AttributeType: 'S' },
        { AttributeName: 'GSI1SK', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'GSI1',
          KeySchema: [
            { AttributeName: 'GSI1PK', KeyType: 'HASH' },
            { AttributeName: 'GSI1SK', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    }),
  );
  await waitUntilTableExists({ client, maxWaitTime: 60 }, { TableName: tableName });
  await client.send(new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { Enabled: true, AttributeName: 'expiresAt' } }));
  return 'created';
}
