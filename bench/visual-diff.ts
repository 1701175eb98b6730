/**
 * Renders report models to PDF and page PNGs (pdftoppm) and compares them with a reference set:
 * the check that a performance change left the documents looking exactly as before.
 * flow: developer --> visual-diff --> render-pdf --> pdftoppm --> pixel compare
 *
 *   npx tsx bench/visual-diff.ts render <outDir> [model.json …]   (default: the May 2024 fixtures)
 *   npx tsx bench/visual-diff.ts compare <referenceDir> <candidateDir>
 *
 * PNG files are compared byte for byte after decoding to raw pixels (pdftoppm -gray at 110 dpi);
 * any page that differs is listed with the share of pixels that changed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ReportModel } from '../functions/core/report-model.ts';
import { renderPdf } from '../templates/pdf/render-pdf.ts';

const DPI = '110';

async function fixtures(): Promise<[string, ReportModel][]> {
  const f = await import('../test/fixtures/report-models/monthly-2024-05.ts');
  return [
    ['director', f.directorModel],
    ['ubnd', f.ubndModel],
    ['hostile', f.hostileModel()],
  ];
}

async function render(outDir: string, files: string[]): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const models: [string, ReportModel][] = files.length
    ? files.map((f) => [path.basename(f, '.json'), JSON.parse(readFileSync(f, 'utf8')) as ReportModel])
    : await fixtures();
  for (const [name, model] of models) {
    const pdf = path.join(outDir, `${name}.pdf`);
    writeFileSync(pdf, await renderPdf(model));
    // PGM (raw grey pixels) makes the comparison a plain byte compare.
    execFileSync('pdftoppm', ['-r', DPI, '-gray', pdf, path.join(outDir, name)]);
    console.log(`${pdf} + pages`);
  }
}

/** Pixel bytes of a binary PGM (P5): everything after the header. */
function pixels(file: string): Buffer {
  const buf = readFileSync(file);
  let fields = 0;
  let i = 0;
  while (fields < 4 && i < buf.length) {
    while (i < buf.length && /\s/.test(String.fromCharCode(buf[i]!))) i++;
    while (i < buf.length && !/\s/.test(String.fromCharCode(buf[i]!))) i++;
    fields++;
  }
  return buf.subarray(i + 1);
}

function compare(refDir: string, candDir: string): number {
  const pages = (d: string) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.pgm'))
      .sort();
  const ref = pages(refDir);
  const cand = new Set(pages(candDir));
  let bad = 0;
  for (const p of ref) {
    if (!cand.has(p)) {
      console.log(`MISSING ${p}`);
      bad++;
      continue;
    }
    cand.delete(p);
    const a = pixels(path.join(refDir, p));
    const b = pixels(path.join(candDir, p));
    if (a.equals(b)) continue;
    let diff = 0;
    for (let k = 0; k < Math.min(a.length, b.length); k++) if (a[k] !== b[k]) diff++;
    console.log(`DIFF ${p}: ${((100 * diff) / a.length).toFixed(3)}% of pixels`);
    bad++;
  }
  for (const p of cand) {
    console.log(`EXTRA ${p}`);
    bad++;
  }
  console.log(`${ref.length} reference pages, ${bad} differ`);
  return bad;
}

const [cmd, a, ...rest] = process.argv.slice(2);
if (cmd === 'render' && a) await render(a, rest);
else if (cmd === 'compare' && a && rest[0]) process.exitCode = compare(a, rest[0]) === 0 ? 0 : 1;
else {
  console.error('usage: visual-diff.ts render <outDir> [model.json …] | compare <refDir> <candidateDir>');
  process.exitCode = 2;
}
