/**
 * Which of the project's own source files an entry's bundle holds, as esbuild itself sees it (its
 * metafile after tree shaking), not a scan of import lines. The stack asks it whether a function
 * renders PDFs (its bundle keeps code of templates/pdf/fonts.ts) and so needs the TTFs copied next
 * to its bundle; functions that do not render stay small.
 * flow: infra/bundling --> import graph --> esbuild (metafile only, nothing written)
 */
import { resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { PROJECT_ROOT } from './agency-profile-file.ts';

const cache = new Map<string, Set<string>>();

/** Absolute paths of the project files that contribute code to the entry's bundle. */
export function bundledFiles(entry: string): Set<string> {
  const key = resolve(entry);
  const hit = cache.get(key);
  if (hit) return hit;
  const root = PROJECT_ROOT;
  const result = buildSync({
    entryPoints: [key],
    absWorkingDir: root,
    bundle: true,
    write: false,
    metafile: true,
    outdir: 'out',
    format: 'esm',
    platform: 'node',
    // Packages do not matter here, and leaving them out keeps this quick.
    packages: 'external',
    logLevel: 'silent',
  });
  const files = new Set<string>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) if (bytesInOutput > 0) files.add(resolve(root, input));
  }
  cache.set(key, files);
  return files;
}

export function reaches(entry: string, target: string): boolean {
  return bundledFiles(entry).has(resolve(target));
}
