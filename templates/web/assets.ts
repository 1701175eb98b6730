/**
 * The browser assets GET /static/{file} may serve: the files the web build wrote (infra/web-build.ts),
 * listed in its manifest. The allow-list is the manifest's file list, so no request can reach any
 * other file (no path traversal by construction); the pages name scripts and the stylesheet by
 * logical name ("form.js", "app.css") and get the content-hashed file ("form-3KQ2XW7A.js").
 * flow: static handler, page layout --> assets --> BAOCAO_WEB_DIR/manifest.json
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const MANIFEST_FILE = 'manifest.json';

/** What the build writes beside the files. */
export interface WebManifest {
  /** Logical name → hashed file name, for the pages: "form.js" → "form-3KQ2XW7A.js". */
  entries: Record<string, string>;
  /** Every file the build wrote (entries, shared chunks, source maps): what may be served. */
  files: string[];
}

export type AssetName =
  | 'app.css'
  | 'common.js'
  | 'form.js'
  | 'reports.js'
  | 'signin.js'
  | 'people.js'
  | 'profile.js'
  | 'reminders.js'
  | 'dashboard.js'
  | 'plan.js';

const TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** The content type of a built file, by its extension. */
export function assetType(file: string): string | undefined {
  const dot = file.lastIndexOf('.');
  return dot < 0 ? undefined : TYPES[file.slice(dot)];
}

/**
 * Folder of the built assets: BAOCAO_WEB_DIR, which every place that runs the pages sets — a Lambda
 * bundle carries them in web/ beside itself, the local stack and the tests point at the build cache.
 */
export function webDir(): string {
  const dir = process.env.BAOCAO_WEB_DIR;
  if (!dir) throw new Error('BAOCAO_WEB_DIR is not set: the pages need the built browser assets (infra/web-build.ts).');
  return resolve(dir);
}

interface LoadedManifest extends WebManifest {
  allowed: ReadonlySet<string>;
}

const manifests = new Map<string, LoadedManifest>();

/** The manifest of a build folder, read once per container. */
export function webManifest(dir = webDir()): LoadedManifest {
  let m = manifests.get(dir);
  if (!m) {
    const parsed = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as WebManifest;
    m = { ...parsed, allowed: new Set(parsed.files.filter((f) => assetType(f) !== undefined)) };
    manifests.set(dir, m);
  }
  return m;
}

/** Whether a requested name is one of the built files (exactly, as the build named it). */
export function isAsset(name: string, dir = webDir()): boolean {
  return webManifest(dir).allowed.has(name);
}

/** The URL of an asset by logical name ("form.js" → "/static/form-3KQ2XW7A.js"). */
export function assetUrl(name: AssetName, dir = webDir()): string {
  const file = webManifest(dir).entries[name];
  if (!file) throw new Error(`no built asset named ${name} in ${dir}`);
  return `/static/${file}`;
}
