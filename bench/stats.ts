/**
 * Small statistics for the bench summary: percentiles (nearest rank), mean, rounding.
 * flow: bench/* --> stats (pure)
 */

/** Nearest-rank percentile of unsorted samples (p in 0–100). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function mean(samples: readonly number[]): number {
  return samples.length ? samples.reduce((a, b) => a + b, 0) / samples.length : NaN;
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** Rounds to `digits` decimals for the JSON summary. */
export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export function latencySummary(samples: readonly number[]) {
  return {
    count: samples.length,
    meanMs: round(mean(samples)),
    p50Ms: round(percentile(samples, 50)),
    p90Ms: round(percentile(samples, 90)),
    p95Ms: round(percentile(samples, 95)),
    p99Ms: round(percentile(samples, 99)),
    maxMs: round(Math.max(...samples)),
  };
}
