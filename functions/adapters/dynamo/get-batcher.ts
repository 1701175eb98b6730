/**
 * Reads single items by key, gathering the reads issued together into one BatchGetItem: the
 * submit use case asks for the replay record, the period lock, the head, the plan pointer and the
 * agency profile's next version at once (Promise.all), from three stores, and they cost one round
 * trip instead of five. Every read is strongly consistent, as the single Gets were.
 * flow: dynamo adapters --> get-batcher --> DynamoDB (GetItem / BatchGetItem)
 */
import { BatchGetCommand, GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface ItemKey {
  PK: string;
  SK: string;
}

type Item = Record<string, unknown>;

interface Waiter {
  key: ItemKey;
  done: { resolve: (item: Item | undefined) => void; reject: (err: unknown) => void }[];
}

/** BatchGetItem takes at most 100 keys. */
const MAX_KEYS = 100;
/** Unprocessed keys (throttling, the 16 MB response limit) are asked for again, a few times. */
const MAX_ROUNDS = 8;

const id = (k: ItemKey) => `${k.PK}\u0000${k.SK}`;

export class GetBatcher {
  private pending = new Map<string, Waiter>();
  private scheduled = false;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /**
   * The item under `key`, or undefined. Reads asked for before the event loop's next turn go out
   * together (the same key asked twice is read once); each caller gets an item of its own.
   */
  get(key: ItemKey): Promise<Item | undefined> {
    return new Promise((resolve, reject) => {
      const k = id(key);
      const w = this.pending.get(k) ?? { key: { PK: key.PK, SK: key.SK }, done: [] };
      w.done.push({ resolve, reject });
      this.pending.set(k, w);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    const waiters = [...this.pending.values()];
    this.pending = new Map();
    this.scheduled = false;
    for (let i = 0; i < waiters.length; i += MAX_KEYS) {
      const chunk = waiters.slice(i, i + MAX_KEYS);
      this.read(chunk.map((w) => w.key)).then(
        (found) => {
          for (const w of chunk) {
            const item = found.get(id(w.key));
            // Each caller its own copy: what one does with it cannot change what another read.
            w.done.forEach((d, n) => {
              d.resolve(item && n > 0 ? structuredClone(item) : item);
            });
          }
        },
        (err: unknown) => {
          for (const w of chunk) for (const d of w.done) d.reject(err);
        },
      );
    }
  }

  private async read(keys: ItemKey[]): Promise<Map<string, Item>> {
    const found = new Map<string, Item>();
    if (keys.length === 1) {
      const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: keys[0], ConsistentRead: true }));
      if (out.Item) found.set(id(keys[0]!), out.Item as Item);
      return found;
    }
    let todo: Item[] = keys.map((k) => ({ PK: k.PK, SK: k.SK }));
    for (let round = 0; todo.length; round++) {
      if (round === MAX_ROUNDS) throw new Error(`BatchGetItem: ${todo.length} keys still unprocessed after ${MAX_ROUNDS} rounds`);
      if (round > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** round)));
      const out = await this.doc.send(new BatchGetCommand({ RequestItems: { [this.table]: { Keys: todo, ConsistentRead: true } } }));
      for (const item of out.Responses?.[this.table] ?? []) found.set(id(item as unknown as ItemKey), item as Item);
      todo = (out.UnprocessedKeys?.[this.table]?.Keys ?? []) as Item[];
    }
    return found;
  }
}
