/**
 * Summarises a V8 CPU profile (`node --cpu-prof`): the functions with the most self time and
 * the most inclusive time, with the package or file they live in.
 * flow: developer / bench/run --> summarize-profile --> *.cpuprofile
 *
 * Usage: npx tsx bench/summarize-profile.ts <file.cpuprofile> [top=25]
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface FrameSummary {
  frame: string;
  selfMs: number;
  totalMs: number;
}

/** "pdfkit/js/pdfkit.js" or "templates/pdf/body.ts" instead of a full file URL. */
function shortUrl(url: string): string {
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) return url.slice(nm + 'node_modules/'.length);
  const root = url.indexOf('/work/main/');
  if (root >= 0) return url.slice(root + '/work/main/'.length);
  return url.replace(/^file:\/\//, '') || '(native)';
}

function label(n: ProfileNode): string {
  const f = n.callFrame;
  return `${f.functionName || '(anonymous)'} ${shortUrl(f.url)}${f.url ? `:${f.lineNumber + 1}` : ''}`;
}

export function summarize(profile: CpuProfile): {
  wallMs: number;
  bySelf: FrameSummary[];
  byTotal: FrameSummary[];
  byFile: { file: string; selfMs: number }[];
} {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Each sample's time is the delta to the next sample.
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    selfUs.set(id, (selfUs.get(id) ?? 0) + dt);
  });
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const files = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    const l = label(node);
    self.set(l, (self.get(l) ?? 0) + us);
    const file = shortUrl(node.callFrame.url);
    files.set(file, (files.get(file) ?? 0) + us);
    // Inclusive: once per distinct frame label on the stack (recursion counted once).
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const cl = label(byId.get(cur)!);
      if (seen.has(cl)) continue;
      seen.add(cl);
      total.set(cl, (total.get(cl) ?? 0) + us);
    }
  }
  const toMs = (m: Map<string, number>) => [...m].map(([frame, us]) => ({ frame, ms: us / 1000 }));
  const bySelf = toMs(self)
    .sort((a, b) => b.ms - a.ms)
    .map(({ frame, ms }) => ({ frame, selfMs: ms, totalMs: (total.get(frame) ?? 0) / 1000 }));
  const byTotal = toMs(total)
    .sort((a, b) => b.ms - a.ms)
    .map(({ frame, ms }) => ({ frame, selfMs: (self.get(frame) ?? 0) / 1000, totalMs: ms }));
  const byFile = [...files].map(([file, us]) => ({ file, selfMs: us / 1000 })).sort((a, b) => b.selfMs - a.selfMs);
  return { wallMs: (profile.endTime - profile.startTime) / 1000, bySelf, byTotal, byFile };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: npx tsx bench/summarize-profile.ts <file.cpuprofile> [top]');
    process.exit(2);
  }
  const top = Number(process.argv[3] ?? 25);
  const s = summarize(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile);
  const row = (f: FrameSummary) => `${f.selfMs.toFixed(0).padStart(7)} ${f.totalMs.toFixed(0).padStart(7)}  ${f.frame}`;
  console.log(`wall ${s.wallMs.toFixed(0)} ms\n\nself ms / total ms — top by self time`);
  for (const f of s.bySelf.slice(0, top)) console.log(row(f));
  console.log('\nself ms / total ms — top by inclusive time');
  for (const f of s.byTotal.slice(0, top)) console.log(row(f));
  console.log('\nself ms by file');
  for (const f of s.byFile.slice(0, top)) console.log(`${f.selfMs.toFixed(0).padStart(7)}  ${f.file}`);
}
