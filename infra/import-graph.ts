/**
 * Which of the project's own source files an entry reaches through relative imports. The stack asks
 * it whether a function renders PDFs (reaches templates/pdf/fonts.ts) and so needs the TTFs copied
 * next to its bundle; functions that do not render stay small.
 * flow: infra/bundling --> import graph --> source files (read only)
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** `import … from './x.ts'`, `export … from '../y.ts'`, `import './z.ts'`, `import('./w.ts')`. */
const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;
/** Type-only imports vanish from the bundle, so they do not count. */
const TYPE_ONLY = /\b(?:import|export)\s+type\s+[^;]*?\bfrom\s*['"][^'"]+['"]/gs;

export function reachableFiles(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [resolve(entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8').replace(TYPE_ONLY, '');
    for (const match of text.matchAll(RELATIVE_IMPORT)) {
      const target = resolve(dirname(file), match[1]!);
      if (target.endsWith('.ts') && !seen.has(target)) queue.push(target);
    }
  }
  return seen;
}

export function reaches(entry: string, target: string): boolean {
  return reachableFiles(entry).has(resolve(target));
}
