// mapLimit keeps the list's order whatever order the calls finish in, and never has more than
// `limit` calls in flight.
import { describe, expect, it } from 'vitest';
import { mapLimit } from '../../../functions/core/map-limit.ts';

describe('mapLimit', () => {
  it('returns results in the input order with at most `limit` calls in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const out = await mapLimit([5, 1, 4, 2, 3, 0, 6], 3, async (n, i) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      // Later items finish first: completion order differs from input order.
      for (let k = 0; k < n; k++) await Promise.resolve();
      inFlight--;
      return `${i}:${n}`;
    });
    expect(out).toEqual(['0:5', '1:1', '2:4', '3:2', '4:3', '5:0', '6:6']);
    expect(peak).toBe(3);
  });

  it('handles an empty list and refuses a limit below one', async () => {
    expect(await mapLimit([], 4, async () => 1)).toEqual([]);
    await expect(mapLimit([1], 0, async () => 1)).rejects.toThrow(RangeError);
  });

  it('rejects when a call fails', async () => {
    await expect(
      mapLimit([1, 2, 3], 2, async (n) => {
        if (n === 2) throw new Error('boom');
        return n;
      }),
    ).rejects.toThrow('boom');
  });
});
