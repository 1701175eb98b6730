/**
 * Runs independent async calls with a bounded number in flight: reads that do not depend on one
 * another (the province's view, one agency after another) take the time of the slowest batch
 * instead of the sum, without opening one connection per item at once.
 * flow: province view --> map-limit
 */

/**
 * `fn` over `items`, at most `limit` calls at a time, results in the items' order whatever order
 * they finish in. The first failure rejects the whole and no further call starts (calls already
 * running finish unobserved).
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  if (!(limit >= 1)) throw new RangeError(`mapLimit: limit must be at least 1 (got ${limit})`);
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        results[i] = await fn(items[i]!, i);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.floor(limit), items.length) }, worker));
  return results;
}
