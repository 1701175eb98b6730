/**
 * Reads every page of a Query: DynamoDB returns at most 1 MB per call, and a plan of thousands of
 * tasks or a busy period spans several pages.
 * flow: dynamo adapters --> query-all --> DynamoDB
 */
import { QueryCommand, type QueryCommandInput, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export async function queryAll(doc: DynamoDBDocumentClient, input: QueryCommandInput): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await doc.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    items.push(...((out.Items ?? []) as Record<string, unknown>[]));
    start = out.LastEvaluatedKey as Record<string, unknown> | undefined;
  } while (start && (input.Limit === undefined || items.length < input.Limit));
  return items;
}
