/**
 * The pdfmake speed-ups must not move a single pixel: the May 2024 fixtures rendered with them
 * and without them (BAOCAO_PDFMAKE_SPEEDUPS=off, each in its own process, since the patch is
 * process-wide) give identical page images and identical extracted text.
 * flow: vitest --> visual-diff (two processes) --> render-pdf --> pdftoppm / pdftotext
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const VISUAL_DIFF = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../bench/visual-diff.ts');
const dir = mkdtempSync(path.join(os.tmpdir(), 'baocao-speedups-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function render(folder: string, speedups: 'on' | 'off'): void {
  execFileSync(process.execPath, ['--import', 'tsx', VISUAL_DIFF, 'render', folder], { env: { ...process.env, BAOCAO_PDFMAKE_SPEEDUPS: speedups }, stdio: 'pipe' });
}

describe('pdfmake speed-ups', () => {
  it('render the fixtures exactly as pdfmake does without them', () => {
    const off = path.join(dir, 'off');
    const on = path.join(dir, 'on');
    render(off, 'off');
    render(on, 'on');
    const pages = readdirSync(off).filter((f) => f.endsWith('.pgm'));
    expect(pages.length).toBeGreaterThan(10);
    const out = execFileSync(process.execPath, ['--import', 'tsx', VISUAL_DIFF, 'compare', off, on], { encoding: 'utf8' });
    expect(out).toContain(`${pages.length} reference pages, 0 differ`);
    for (const name of ['director', 'ubnd', 'hostile']) {
      const text = (folder: string) => execFileSync('pdftotext', ['-layout', path.join(folder, `${name}.pdf`), '-'], { encoding: 'utf8' });
      expect(text(on)).toBe(text(off));
    }
  });
});
