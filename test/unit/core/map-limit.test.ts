/**
 * mapLimit: order of results, the bound on calls in flight, and what a failure stops.
 * flow: vitest --> map-limit
 */
import { describe, expect, it } from 'vitest';
import { mapLimit } from '../../../functions/core/map-limit.ts';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('mapLimit', () => {
  it("gives results in the items' order although later items finish first", async () => {
    const delays = [30, 5, 20, 1, 10, 2];
    const out = await mapLimit(delays, 3, async (ms, i) => {
      await tick(ms);
      return `${i}:${ms}`;
    });
    expect(out).toEqual(['0:30', '1:5', '2:20', '3:1', '4:10', '5:2']);
  });

  it('never has more than `limit` calls in flight, and uses all of them', async () => {
    let running = 0;
    let most = 0;
    await mapLimit(
      Array.from({ length: 20 }, (_, i) => i),
      4,
      async (i) => {
        running++;
        most = Math.max(most, running);
        await tick(1 + (i % 3));
        running--;
      },
    );
    expect(most).toBe(4);
  });

  it('with a limit of 1 runs one item after another, in order', async () => {
    const seen: string[] = [];
    await mapLimit(['a', 'b', 'c'], 1, async (x) => {
      seen.push(`start ${x}`);
      await tick(1);
      seen.push(`end ${x}`);
    });
    expect(seen).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('rejects with the first failure and starts nothing after it', async () => {
    const started: number[] = [];
    const run = mapLimit([0, 1, 2, 3, 4, 5], 2, async (i) => {
      started.push(i);
      await tick(2);
      if (i === 1) throw new Error('boom');
      return i;
    });
    await expect(run).rejects.toThrow('boom');
    await tick(20);
    // 0 and 1 ran together; 1 failed while 2 (started when 0 ended) was running: nothing more.
    expect(started.length).toBeLessThanOrEqual(3);
    expect(started).not.toContain(4);
  });

  it('handles no items, a limit above the count, and refuses a limit below 1', async () => {
    expect(await mapLimit([], 8, async () => 1)).toEqual([]);
    expect(await mapLimit([1, 2], 100, async (x) => x * 2)).toEqual([2, 4]);
    await expect(mapLimit([1], 0, async (x) => x)).rejects.toThrow(RangeError);
  });
});
