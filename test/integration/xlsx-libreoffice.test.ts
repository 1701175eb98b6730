import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderXlsx } from '../../templates/excel/render-xlsx.ts';
import { directorModel, hostileModel, ubndModel } from '../fixtures/report-models/monthly-2024-05.ts';

// LibreOffice (installed by .ci/run) opens each generated workbook headless and prints it to
// PDF: a file it cannot read fails here, and the printed text shows the cells came through.
describe('generated workbooks open in LibreOffice', () => {
  it.each([
    ['director', directorModel],
    ['ubnd', ubndModel],
    ['hostile', hostileModel()],
  ] as const)('%s.xlsx converts to PDF with its content', async (name, model) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'baocao-lo-'));
    const file = path.join(dir, `${name}.xlsx`);
    writeFileSync(file, await renderXlsx(model));
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'pipe' });
    const pdf = path.join(dir, `${name}.pdf`);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Phụ lục');
    expect(text).toContain('Tổng cộng');
    expect(text).toContain(model.groups[0]!.rows[0]!.leadUnit.name.split(' ')[0]!);
  });
});
