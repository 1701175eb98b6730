/**
 * The size budget of each page's script as the browser downloads it: the entry and the shared chunks
 * it imports, minified and gzipped (what CloudFront sends). Budgets have about 25% headroom over the
 * sizes when set (docs/performance.md); a page that outgrows its budget should say why in review.
 * Also: the browser bundles hold no Node built-in and no zod.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildWebAssets, PAGE_SCRIPTS, webBuildOptions } from '../../../infra/web-build.ts';
import { buildSync } from 'esbuild';

/** Gzip bytes per page script (entry + chunks it imports). */
// Every page's sign-out removes the form's copies from the browser, after asking when something is
// unsent (templates/web/client/local-copies.ts, dom.ts): about 450 B gzip more on each page (issue 14).
const BUDGET: Record<(typeof PAGE_SCRIPTS)[number], number> = {
  // With the files under a task's result (form-attachments.ts) and the receipt (form-receipt.ts): 17,255 B measured.
  // The product's boxes, one per part of the target, and its words (core/product.ts), and the files counted in
  // "unsaved" (issue 14): +1,173 B, 18,428 B measured. With the leaders' directions and their answers (issue 15): 18,780 B measured.
  'form.js': 19_100,
  // With the delivery's preview and confirmation ("Gửi UBND tỉnh ngay") and the lock reason.
  'reports.js': 5_450,
  // The email and code forms (issue 14) beside the sign-in link's exchange, and the shared sign-out check.
  'signin.js': 4_400,
  // Includes the shared api.ts fetch wrapper, as reports.js does.
  'people.js': 3_200,
  // The agency profile form, its preview of the document's frame and the save.
  'profile.js': 5_100,
  'reminders.js': 3_100,
  // With the leader's morning-digest checkbox (client/digest-setting.ts), the figures' PNG export and the
  // leaders' direction form (api.ts's fetch wrapper): 3,242 B measured.
  'dashboard.js': 3_300,
  // Upload with its preview tables, and the per-task deadline amendment (+450 B for the sign-out's local copies).
  'plan.js': 5_550,
  'common.js': 2_550,
};

describe('page scripts', () => {
  const build = buildWebAssets();

  it('each page’s script stays within its gzip budget', () => {
    const rows: string[] = [];
    for (const page of PAGE_SCRIPTS) {
      const files = build.pageFiles[page]!;
      const raw = files.reduce((n, f) => n + readFileSync(join(build.dir, f)).byteLength, 0);
      const gz = files.reduce((n, f) => n + gzipSync(readFileSync(join(build.dir, f)), { level: 9 }).byteLength, 0);
      rows.push(`${page.padEnd(11)} ${String(raw).padStart(7)} B min  ${String(gz).padStart(6)} B gzip  (budget ${BUDGET[page]}; ${files.join(' + ')})`);
      expect(gz, page).toBeLessThanOrEqual(BUDGET[page]);
    }
    console.log(`page scripts:\n${rows.join('\n')}`);
  });

  it('bundles for the browser: no Node built-in, no zod, every page named in the manifest', () => {
    const result = buildSync({ ...webBuildOptions('/tmp/baocao-web-probe'), write: false });
    const inputs = Object.keys(result.metafile!.inputs);
    expect(inputs.filter((i) => i.startsWith('node:') || i.includes('node_modules/'))).toEqual([]);
    expect(inputs.some((i) => i.startsWith('functions/core/'))).toBe(true);
    for (const page of PAGE_SCRIPTS) expect(build.manifest.entries[page]).toMatch(/^[a-z]+-[A-Z0-9]{8}\.js$/);
  });

  it('builds once per content: a second call finds the cache', () => {
    const t = performance.now();
    expect(buildWebAssets().dir).toBe(build.dir);
    expect(performance.now() - t).toBeLessThan(500);
  });
});
