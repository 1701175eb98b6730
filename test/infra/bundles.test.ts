// Every function bundled with the stack's esbuild settings and loaded in a bare Node process:
// catalog --> esbuild (+ the font copy) --> child `node` importing index.mjs with stub env --> handler export.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { isBuiltin } from 'node:module';
import type { Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../infra/agency-profile-file.ts';
import { bundleFunction, importBundle, provideRuntimeSdk, STUB_ENV } from '../../infra/bundle-function.ts';
import { bundleEnvironment, needsFonts, needsWebAssets } from '../../infra/bundling.ts';
import { functionCatalog, type FunctionSpec } from '../../infra/function-catalog.ts';

const run = promisify(execFile);
const CATALOG = functionCatalog();

const bundle = async (entry: string, dir: string): Promise<Metafile> => (await bundleFunction(entry, dir)).metafile;
const probe = (dir: string, exportName: string, env: Record<string, string> = {}, call?: string) =>
  importBundle(dir, { exportName, env, ...(call ? { call } : {}) });

async function inBatches<T, R>(items: readonly T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}

describe('function bundles', () => {
  let root: string;
  const dirOf = new Map<string, string>();
  const metafiles = new Map<string, Metafile>();

  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'baocao-bundles-'));
    provideRuntimeSdk(root);
    const entries = [...new Set(CATALOG.map((s) => s.entry))];
    await Promise.all(
      entries.map(async (entry, i) => {
        const dir = join(root, `fn${i}`);
        metafiles.set(entry, await bundle(entry, dir));
        dirOf.set(entry, dir);
      }),
    );
  });

  it('every function of the catalog loads in a bare Node process and exports its handler', async () => {
    const results = await inBatches(CATALOG, 6, async (spec: FunctionSpec) => {
      const dir = dirOf.get(spec.entry)!;
      const env: Record<string, string> = needsFonts(spec.entry) ? { BAOCAO_FONT_DIR: join(dir, 'fonts') } : {};
      return { spec, probe: await probe(dir, spec.handler, env).catch((error: Error) => ({ error: error.message })) };
    });
    const failures = results.filter((r) => !('exportType' in r.probe) || r.probe.exportType !== 'function');
    expect(failures.map((f) => `${f.spec.key}: ${JSON.stringify(f.probe).slice(0, 800)}`)).toEqual([]);
    expect(results).toHaveLength(CATALOG.length);
    // Route handlers, the API Gateway authorizer and the jobs alike.
    expect(new Set(results.map((r) => r.spec.kind))).toEqual(new Set(['api', 'authorizer', 'job']));
  });

  it('stops a function missing a required setting at start-up, naming the setting, instead of falling back to the demo', async () => {
    const cases: [string, keyof typeof STUB_ENV][] = [
      ['api/submissions.ts#submitHandler', 'TABLE_NAME'],
      ['api/health.ts#handler', 'AGENCY_ID'],
      ['api/session.ts#signoutHandler', 'USER_POOL_ID'],
      ['api/authorizer.ts#handler', 'AUTH_ISSUER'],
      ['api/authorizer.ts#handler', 'AUTH_JWKS_URL'],
      ['jobs/compile.ts#handler', 'BUCKET_NAME'],
    ];
    for (const [key, missing] of cases) {
      const spec = CATALOG.find((s) => s.key === key)!;
      const outcome = await probe(dirOf.get(spec.entry)!, spec.handler, { [missing]: '' }).then(
        () => 'started',
        (error: Error) => error.message,
      );
      expect(outcome, `${key} without ${missing}`).toMatch(new RegExp(`missing required setting ${missing === 'AUTH_JWKS_URL' ? 'AUTH_JWKS' : missing}\\b`));
    }
  });

  // The document functions render (pdfkit, exceljs) or read PDFs (PDF.js): they are sized for it
  // (infra/function-sizing.ts) and reported, not held to the page budget. The status board is one
  // since it downloads as a workbook (GET /api/status?format=xlsx): one route serves both formats.
  // The dashboard draws SVG figures with ECharts on the server and downloads its data as a workbook.
  const DOCUMENT_FUNCTIONS = new Set([
    'api/report-compile.ts',
    'api/report-issue.ts',
    'api/report-signed.ts',
    'api/status.ts',
    'api/dashboard.ts',
    'api/pages/dashboard-page.ts',
    // The plan import reads the uploaded .xlsx with exceljs like the CLI (issue 14).
    'api/plans.ts',
  ]);
  // "Gửi UBND tỉnh ngay" runs the delivery job's own path (runJob → deliverReport, whose module also
  // holds the compile and issue steps it never takes from the portal): ~354 kB without the renderers.
  const JOB_PATH_FUNCTIONS = new Set(['api/report-deliver.ts']);
  const API_BUDGET = 300 * 1024;

  it('holds every other API function to 300 KB as deployed, and reports what each function weighs', () => {
    const sizes = [...new Set(CATALOG.map((s) => s.module))].map((module) => {
      const entry = CATALOG.find((s) => s.module === module)!.entry;
      const bytes = Object.entries(metafiles.get(entry)!.outputs)
        .filter(([file]) => file.endsWith('.mjs'))
        .reduce((n, [, o]) => n + o.bytes, 0);
      return { module, kind: CATALOG.find((s) => s.module === module)!.kind, kB: Math.round(bytes / 1024) };
    });
    console.info(sizes.map((s) => `${s.module.padEnd(28)} ${String(s.kB).padStart(6)} kB`).join('\n'));
    const over = sizes.filter((s) => s.kind !== 'job' && !DOCUMENT_FUNCTIONS.has(s.module) && !JOB_PATH_FUNCTIONS.has(s.module) && s.kB * 1024 > API_BUDGET);
    expect(over, 'API functions over 300 KB').toEqual([]);
    // A floor so the measure itself cannot silently read zero.
    for (const s of sizes) expect(s.kB, s.module).toBeGreaterThan(5);
  });

  it('puts pdfkit and exceljs only in the functions that render (and the plan import, which reads .xlsx)', () => {
    const renderers = /node_modules\/(pdfkit|exceljs)\//;
    const rendering = [...new Set(CATALOG.map((s) => s.module))].filter((module) => {
      const entry = CATALOG.find((s) => s.module === module)!.entry;
      return Object.keys(metafiles.get(entry)!.inputs).some((input) => renderers.test(input));
    });
    expect(rendering.sort()).toEqual([
      'api/dashboard.ts',
      'api/plans.ts',
      'api/report-compile.ts',
      'api/report-issue.ts',
      'api/status.ts',
      'jobs/compile.ts',
      'jobs/deliver.ts',
    ]);
  });

  it('keeps the authorizer, which runs before every guarded request, small and free of the AWS SDK', () => {
    const spec = CATALOG.find((s) => s.kind === 'authorizer')!;
    const meta = metafiles.get(spec.entry)!;
    const outputs = Object.values(meta.outputs);
    const external = outputs.flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path));
    expect(external.filter((p) => p.startsWith('@aws-sdk/') || p.startsWith('@smithy/'))).toEqual([]);
    // jose and the token check only: tens of kilobytes, not the half megabyte of an SDK handler.
    expect(outputs.reduce((n, o) => n + o.bytes, 0)).toBeLessThan(100 * 1024);
  });

  it('carries the Tinos fonts and their licence wherever the bundle holds the font loader', () => {
    const fontFiles = ['LICENSE.txt', 'Tinos-Bold.ttf', 'Tinos-BoldItalic.ttf', 'Tinos-Italic.ttf', 'Tinos-Regular.ttf'];
    let rendering = 0;
    for (const spec of CATALOG) {
      const dir = dirOf.get(spec.entry)!;
      const files = existsSync(join(dir, 'fonts')) ? readdirSync(join(dir, 'fonts')).sort() : [];
      // The bundle names the TTF files only if the font loader survived tree shaking: then the fonts must be there.
      if (readFileSync(join(dir, 'index.mjs'), 'utf8').includes('Tinos-Regular.ttf')) {
        rendering++;
        expect(needsFonts(spec.entry), spec.key).toBe(true);
        expect(files, spec.key).toEqual(fontFiles);
      }
      expect(files, spec.key).toEqual(needsFonts(spec.entry) ? fontFiles : []);
    }
    // The compile endpoint and the compile job at least.
    expect(rendering).toBeGreaterThanOrEqual(2);
  });

  it('leaves only the AWS SDK and Node’s own modules outside the bundles', () => {
    const external = new Set<string>();
    for (const meta of metafiles.values()) {
      for (const output of Object.values(meta.outputs)) for (const i of output.imports) if (i.external) external.add(i.path);
    }
    for (const specifier of external) expect(specifier).toMatch(/^(node:|@aws-sdk\/|@smithy\/|[a-z_]+$)/);
    const builtins = [...external].filter((s) => /^[a-z_]+$/.test(s));
    // Bare names that are not Node built-ins would be packages left out by mistake.
    for (const name of builtins) expect(isBuiltin(name), name).toBe(true);
    expect([...external].filter((s) => s.startsWith('@aws-sdk/'))).toEqual(expect.arrayContaining(['@aws-sdk/client-dynamodb', '@aws-sdk/client-s3']));
  });

  it('renders both audiences’ PDF (Tinos embedded) and xlsx from a bundle, on worker threads that load the bundle, reading the copied fonts', async () => {
    const dir = join(root, 'render-probe');
    await bundle(join(PROJECT_ROOT, 'test/infra/fixtures/render-probe.ts'), dir);
    const result = await probe(dir, 'renderAll', { BAOCAO_FONT_DIR: join(dir, 'fonts'), BAOCAO_RENDER_THREADS: '2' }, 'renderAll');
    const extra = result.extra as { fontDir: string; files: { name: string; bytes: number; head: string; tinos: boolean; sameInThread: boolean }[] };
    expect(extra.fontDir).toBe(join(dir, 'fonts'));
    // The same bytes from a worker as from the probe's own thread.
    expect(extra.files.map((f) => [f.name, f.head, f.tinos, f.sameInThread])).toEqual([
      ['director.pdf', '%PDF-', true, true],
      ['director.xlsx', 'PK', false, true],
      ['ubnd.pdf', '%PDF-', true, true],
      ['ubnd.xlsx', 'PK', false, true],
    ]);
    for (const f of extra.files) expect(f.bytes, f.name).toBeGreaterThan(5_000);
  });

  it('gives the page functions the built browser assets in web/, and the static function serves them from its bundle', async () => {
    const pages = CATALOG.filter((s) => s.entry.includes('/api/pages/'));
    expect(pages.length).toBeGreaterThan(3);
    for (const spec of pages) {
      expect(needsWebAssets(spec.entry), spec.key).toBe(true);
      expect(bundleEnvironment(spec.entry).BAOCAO_WEB_DIR, spec.key).toBe('/var/task/web');
      expect(existsSync(join(dirOf.get(spec.entry)!, 'web', 'manifest.json')), spec.key).toBe(true);
    }
    // Functions that render no page carry no assets.
    for (const spec of CATALOG.filter((s) => !s.entry.includes('/api/pages/'))) expect(needsWebAssets(spec.entry), spec.key).toBe(false);
    const spec = pages.find((s) => s.entry.endsWith('static.ts'))!;
    const dir = dirOf.get(spec.entry)!;
    const manifest = JSON.parse(readFileSync(join(dir, 'web', 'manifest.json'), 'utf8')) as { entries: Record<string, string> };
    const file = manifest.entries['form.js']!;
    const script = `
      const { handler } = await import(process.env.PROBE_BUNDLE);
      const get = (file) => handler({ version: '2.0', rawPath: '/static/' + file, headers: {}, pathParameters: { file },
        requestContext: { http: { method: 'GET', path: '/static/' + file, sourceIp: '127.0.0.1' }, requestId: 'r' }, isBase64Encoded: false },
        { awsRequestId: 'r', getRemainingTimeInMillis: () => 10000 });
      const ok = await get(process.env.PROBE_FILE);
      const missing = await get('form.js');
      process.stdout.write(JSON.stringify({ status: ok.statusCode, cache: ok.headers['cache-control'], bytes: Buffer.from(ok.body, 'base64').length, missing: missing.statusCode }));
    `;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
      cwd: dir,
      env: { ...STUB_ENV, BAOCAO_WEB_DIR: join(dir, 'web'), PROBE_BUNDLE: join(dir, 'index.mjs'), PROBE_FILE: file },
    });
    const got = JSON.parse(stdout) as { status: number; cache: string; bytes: number; missing: number };
    expect(got).toEqual({ status: 200, cache: 'public, max-age=31536000, immutable', bytes: readFileSync(join(dir, 'web', file)).byteLength, missing: 404 });
  });
});

describe('the stack’s own bundling (NodejsFunction, local esbuild)', () => {
  it('produces the same index.mjs and font folder as the settings this test bundles with', async () => {
    const outdir = mkdtempSync(join(tmpdir(), 'baocao-cdk-bundle-'));
    const keys = ['api/health.ts#handler', 'api/report-compile.ts#handler'];
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'test/infra/fixtures/cdk-bundle-check.ts', outdir, ...keys], {
      cwd: PROJECT_ROOT,
      maxBuffer: 16 * 1024 * 1024,
    });
    const cdkDirs = JSON.parse(stdout.slice(stdout.indexOf('{'))) as Record<string, string>;
    for (const key of keys) {
      const spec = CATALOG.find((s) => s.key === key)!;
      const ownDir = join(mkdtempSync(join(tmpdir(), 'baocao-own-')), 'fn');
      await bundle(spec.entry, ownDir);
      const cdkDir = cdkDirs[key]!;
      expect(readFileSync(join(cdkDir, 'index.mjs')).equals(readFileSync(join(ownDir, 'index.mjs'))), key).toBe(true);
      const list = (d: string) => (existsSync(join(d, 'fonts')) ? readdirSync(join(d, 'fonts')).sort() : []);
      expect(list(cdkDir), key).toEqual(list(ownDir));
    }
    expect(existsSync(join(cdkDirs['api/report-compile.ts#handler']!, 'fonts', 'Tinos-Regular.ttf'))).toBe(true);
  });
});
