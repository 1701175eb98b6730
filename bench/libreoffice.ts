/**
 * The reference a user would otherwise reach for: the appendix as a workbook (the same "Phụ lục"
 * sheet render-xlsx writes) printed to PDF by LibreOffice headless. Installs the Debian package
 * when `soffice` is missing (root only), times the conversion twice (the first run also creates
 * LibreOffice's user profile), wall and CPU time, and counts the pages.
 * flow: bench/run --> libreoffice --> sheet-writer (appendix sheet) --> soffice --convert-to pdf
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ReportModel } from '../functions/core/report-model.ts';
import { cleanModel } from '../templates/common/clean-text.ts';
import { addAppendixSheet } from '../templates/excel/appendix-sheet.ts';
import { XlsxBook } from '../templates/excel/sheet-writer.ts';
import { round } from './stats.ts';

function which(cmd: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** `soffice`, installing libreoffice-calc-nogui first when it is absent. */
export function ensureLibreOffice(log: (l: string) => void): { bin: string; version: string; installed: boolean } {
  let bin = which('soffice');
  let installed = false;
  if (!bin) {
    if (process.getuid?.() !== 0)
      throw new Error('LibreOffice (soffice) không có và bench không chạy bằng root để cài: sudo apt-get install -y libreoffice-calc-nogui');
    log('Cài LibreOffice: apt-get update && apt-get install -y libreoffice-calc-nogui …');
    execFileSync('sh', ['-c', 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y libreoffice-calc-nogui'], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    bin = which('soffice');
    if (!bin) throw new Error('apt-get install libreoffice-calc-nogui did not provide soffice');
    installed = true;
  }
  const version = execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim().split('\n')[0] ?? '';
  return { bin, version, installed };
}

export async function appendixWorkbook(model: ReportModel): Promise<Buffer> {
  const wb = new XlsxBook();
  addAppendixSheet(wb, cleanModel(model));
  return wb.toBuffer(new Date(`${model.issueDate}T00:00:00Z`));
}

export function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN);
}

export interface LibreOfficeResult {
  version: string;
  installed: boolean;
  workbookBytes: number;
  firstMs: number;
  warmMs: number;
  warmCpuMs: number;
  pages: number;
}

export async function libreOfficeAppendix(model: ReportModel, dir: string, log: (l: string) => void, timeoutMs: number): Promise<LibreOfficeResult> {
  const lo = ensureLibreOffice(log);
  mkdirSync(dir, { recursive: true });
  const xlsx = path.join(dir, 'appendix.xlsx');
  const bytes = await appendixWorkbook(model);
  writeFileSync(xlsx, bytes);
  const profile = path.join(dir, 'lo-profile');
  // soffice's CPU time (user + system, its children included) from the shell's `times`, whose
  // second line is its children's (not through a pipe: that would run it in a subshell).
  const script = `"$@" >/dev/null 2>&1; s=$?; times; exit $s`;
  const convert = () => {
    const t = performance.now();
    const out = execFileSync(
      'bash',
      ['-c', script, 'soffice', lo.bin, `-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx],
      { timeout: timeoutMs, encoding: 'utf8' },
    );
    return { ms: performance.now() - t, cpuMs: childCpuMs(out.trim().split('\n').pop() ?? '') };
  };
  const first = convert();
  const warm = convert();
  const pdf = path.join(dir, 'appendix.pdf');
  if (readFileSync(pdf).subarray(0, 5).toString() !== '%PDF-') throw new Error('LibreOffice wrote no PDF');
  return {
    version: lo.version,
    installed: lo.installed,
    workbookBytes: bytes.length,
    firstMs: round(first.ms),
    warmMs: round(warm.ms),
    warmCpuMs: round(warm.cpuMs),
    pages: pdfPages(pdf),
  };
}

/** bash's `times` line for children: "0m1.234s 0m0.120s" (user, system). */
export function childCpuMs(times: string): number {
  const parts = [...times.matchAll(/(\d+)m([\d.]+)s/gu)].map((m) => Number(m[1]) * 60_000 + Number(m[2]) * 1000);
  if (parts.length < 2) throw new Error(`unexpected output of times: ${times}`);
  return parts[0]! + parts[1]!;
}
