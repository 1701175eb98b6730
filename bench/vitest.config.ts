import { defineConfig } from 'vitest/config';

// The bench's own tests (the synthetic data the figures rest on), kept out of `npm test`:
// npx vitest run --config bench/vitest.config.ts
export default defineConfig({
  test: { root: new URL('.', import.meta.url).pathname, include: ['*.test.ts'], pool: 'threads', testTimeout: 60_000 },
});
