/**
 * The browser build: each page's TypeScript (templates/web/client) and the stylesheet bundled by
 * esbuild into content-hashed files, with source maps and a manifest (logical name → file) that
 * the pages and the static handler read (templates/web/assets.ts). Built once per content: the
 * output goes to node_modules/.cache/baocao-web/<hash of the sources>, so the tests, the local
 * server and CDK synthesis reuse it until a source changes.
 * flow: local stack, test setup, CDK bundling, size test --> web build --> esbuild --> cache folder
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { buildSync, type BuildOptions, type Metafile, version as esbuildVersion } from 'esbuild';
import { MANIFEST_FILE, type AssetName, type WebManifest } from '../templates/web/assets.ts';
import { PROJECT_ROOT } from './agency-profile-file.ts';

/** The browsers the pages support: ES2020 (every evergreen browser since 2020). */
export const WEB_TARGET = 'es2020';

/** Logical name → source, one script per page plus the stylesheet. */
export const WEB_ENTRIES: Readonly<Record<AssetName, string>> = {
  'form.js': 'templates/web/client/form.ts',
  'reports.js': 'templates/web/client/reports.ts',
  'signin.js': 'templates/web/client/signin.ts',
  'people.js': 'templates/web/client/people.ts',
  'profile.js': 'templates/web/client/profile.ts',
  'plan.js': 'templates/web/client/plan.ts',
  'reminders.js': 'templates/web/client/reminders.ts',
  'dashboard.js': 'templates/web/client/dashboard.ts',
  'common.js': 'templates/web/client/common.ts',
  'app.css': 'templates/web/app.css',
};

/** The page scripts (what the size budget is about). */
export const PAGE_SCRIPTS = ['form.js', 'reports.js', 'signin.js', 'people.js', 'profile.js', 'reminders.js', 'dashboard.js', 'plan.js', 'common.js'] as const;

/** What the sources may draw on: a change in any of these makes a new build. */
const SOURCE_DIRS = ['templates/web', 'functions/core'];
const THIS_FILE = 'infra/web-build.ts';

export function webBuildOptions(outdir: string): BuildOptions {
  return {
    absWorkingDir: PROJECT_ROOT,
    entryPoints: Object.entries(WEB_ENTRIES).map(([name, src]) => ({ in: src, out: name.replace(/\.(js|css)$/, '') })),
    outdir,
    bundle: true,
    // Code two pages share (the DOM helpers, the API call) goes to a chunk the browser caches once.
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: WEB_TARGET,
    minify: true,
    sourcemap: 'linked',
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    metafile: true,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'warning',
  };
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(PROJECT_ROOT, dir), { withFileTypes: true })) {
    const rel = join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(rel));
    else if (/\.(ts|css|json)$/.test(e.name)) out.push(rel);
  }
  return out;
}

/** Hash of everything the build reads (an over-approximation: all of core and templates/web). */
export function webSourceHash(): string {
  const h = createHash('sha256').update(`esbuild ${esbuildVersion}\n`);
  for (const f of [THIS_FILE, ...SOURCE_DIRS.flatMap(listFiles)].sort()) {
    h.update(`${f}\n`)
      .update(readFileSync(join(PROJECT_ROOT, f)))
      .update('\n');
  }
  return h.digest('hex').slice(0, 16);
}

export const WEB_CACHE_DIR = join(PROJECT_ROOT, 'node_modules', '.cache', 'baocao-web');

export interface WebBuild {
  dir: string;
  manifest: WebManifest;
  /** For each page script, the files it loads (itself and the chunks it imports). */
  pageFiles: Record<string, string[]>;
}

function manifestOf(metafile: Metafile, outdir: string): { manifest: WebManifest; pageFiles: Record<string, string[]> } {
  const rel = (p: string) => relative(outdir, join(PROJECT_ROOT, p));
  const entries: Record<string, string> = {};
  const bySource = new Map(Object.entries(WEB_ENTRIES).map(([name, src]) => [src, name]));
  const imports: Record<string, string[]> = {};
  for (const [out, o] of Object.entries(metafile.outputs)) {
    imports[rel(out)] = o.imports.filter((i) => i.kind === 'import-statement' && !i.external).map((i) => rel(i.path));
    const name = o.entryPoint ? bySource.get(o.entryPoint) : undefined;
    if (name) entries[name] = rel(out);
  }
  const pageFiles: Record<string, string[]> = {};
  for (const name of PAGE_SCRIPTS) {
    const seen = new Set<string>();
    const visit = (f: string) => {
      if (seen.has(f)) return;
      seen.add(f);
      for (const i of imports[f] ?? []) visit(i);
    };
    visit(entries[name]!);
    pageFiles[name] = [...seen];
  }
  return { manifest: { entries, files: Object.keys(metafile.outputs).map(rel).sort() }, pageFiles };
}

/**
 * The built assets for the current sources: from the cache when built before, else built now
 * (a few hundred milliseconds) into a fresh folder renamed into place, so that processes building
 * at the same time never see half a folder.
 */
export function buildWebAssets(cacheDir = WEB_CACHE_DIR): WebBuild {
  const dir = join(cacheDir, webSourceHash());
  const info = join(dir, 'build.json');
  if (existsSync(info)) {
    const { pageFiles } = JSON.parse(readFileSync(info, 'utf8')) as { pageFiles: Record<string, string[]> };
    return { dir, manifest: JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as WebManifest, pageFiles };
  }
  mkdirSync(cacheDir, { recursive: true });
  const tmp = join(cacheDir, `.tmp-${basename(dir)}-${process.pid}-${Date.now()}`);
  try {
    const result = buildSync(webBuildOptions(tmp));
    const { manifest, pageFiles } = manifestOf(result.metafile!, tmp);
    writeFileSync(join(tmp, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    writeFileSync(join(tmp, 'build.json'), `${JSON.stringify({ pageFiles }, null, 2)}\n`);
    try {
      renameSync(tmp, dir);
    } catch (err) {
      // Another process finished the same build first: use theirs.
      if (!existsSync(info)) throw err;
    }
    return { dir, manifest, pageFiles };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
