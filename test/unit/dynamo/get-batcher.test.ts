// The batcher behind the stores' single-item reads, on a fake client: reads issued together are one
// BatchGetItem (a lone read a GetItem), keys asked twice are read once, unprocessed keys are asked
// again, more than 100 keys are split, and an error reaches every reader of the batch.
import { type BatchGetCommand, GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { GetBatcher } from '../../../functions/adapters/dynamo/get-batcher.ts';

type Item = Record<string, unknown>;

function fakeClient(items: Item[], opts: { unprocessedOnce?: number; fail?: Error } = {}) {
  const sent: { name: string; keys: number; consistent: boolean }[] = [];
  let unprocessed = opts.unprocessedOnce ?? 0;
  const find = (k: Item) => items.find((i) => i.PK === k.PK && i.SK === k.SK);
  const send = async (command: unknown) => {
    if (opts.fail) throw opts.fail;
    if (command instanceof GetCommand) {
      sent.push({ name: 'Get', keys: 1, consistent: command.input.ConsistentRead === true });
      return { Item: find(command.input.Key as Item) };
    }
    const input = (command as BatchGetCommand).input.RequestItems!.t!;
    const keys = input.Keys as Item[];
    if (keys.length > 100) throw new Error('Too many items requested for the BatchGetItem call');
    sent.push({ name: 'BatchGet', keys: keys.length, consistent: input.ConsistentRead === true });
    const left = keys.slice(0, unprocessed);
    unprocessed = 0;
    const done = keys.slice(left.length);
    return {
      Responses: { t: done.map(find).filter(Boolean) },
      ...(left.length ? { UnprocessedKeys: { t: { Keys: left, ConsistentRead: true } } } : {}),
    };
  };
  return { doc: { send } as unknown as DynamoDBDocumentClient, sent };
}

const item = (n: number) => ({ PK: 'P', SK: `S${n}`, n });

describe('GetBatcher', () => {
  it('sends the reads issued together as one consistent BatchGetItem, each reader its own item', async () => {
    const { doc, sent } = fakeClient([item(1), item(2), item(3)]);
    const b = new GetBatcher(doc, 't');
    const [a, c, missing, again] = await Promise.all([
      b.get({ PK: 'P', SK: 'S1' }),
      b.get({ PK: 'P', SK: 'S3' }),
      b.get({ PK: 'P', SK: 'S9' }),
      b.get({ PK: 'P', SK: 'S1' }),
    ]);
    expect(sent).toEqual([{ name: 'BatchGet', keys: 3, consistent: true }]);
    expect([a?.n, c?.n, missing, again?.n]).toEqual([1, 3, undefined, 1]);
    expect(again).not.toBe(a);
    // A read on its own is a GetItem.
    expect((await b.get({ PK: 'P', SK: 'S2' }))?.n).toBe(2);
    expect(sent[1]).toEqual({ name: 'Get', keys: 1, consistent: true });
  });

  it('asks again for unprocessed keys, and splits more than 100 keys', async () => {
    const items = Array.from({ length: 150 }, (_, i) => item(i));
    const { doc, sent } = fakeClient(items, { unprocessedOnce: 2 });
    const b = new GetBatcher(doc, 't');
    const got = await Promise.all(items.map((i) => b.get({ PK: 'P', SK: i.SK })));
    expect(got.map((g) => g?.n)).toEqual(items.map((i) => i.n));
    expect(sent.map((s) => s.keys).sort((x, y) => x - y)).toEqual([2, 50, 100]);
  });

  it('fails every reader of a failed batch', async () => {
    const { doc } = fakeClient([], { fail: new Error('ProvisionedThroughputExceededException') });
    const b = new GetBatcher(doc, 't');
    const reads = [b.get({ PK: 'P', SK: 'S1' }), b.get({ PK: 'P', SK: 'S2' })];
    for (const r of reads) await expect(r).rejects.toThrow('ProvisionedThroughputExceeded');
  });
});
