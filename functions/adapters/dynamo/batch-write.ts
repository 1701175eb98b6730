/**
 * BatchWrite in chunks of 25 with retries of unprocessed items (throttling returns them rather
 * than failing), so large plans are written completely or the call throws.
 * flow: dynamo adapters --> batch-write --> DynamoDB
 */
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function batchPut(
  doc: DynamoDBDocumentClient,
  table: string,
  items: Record<string, unknown>[],
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  let done = 0;
  for (let i = 0; i < items.length; i += 25) {
    let requests = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; requests.length > 0; attempt++) {
      if (attempt > 8) throw new Error(`BatchWrite: ${requests.length} items still unprocessed after retries`);
      if (attempt > 0) await sleep(Math.min(2000, 50 * 2 ** attempt));
      const out = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: requests } }));
      requests = (out.UnprocessedItems?.[table] ?? []) as typeof requests;
    }
    done += Math.min(25, items.length - i);
    onProgress?.(done, items.length);
  }
}
