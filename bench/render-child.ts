/**
 * One renderer alone in its own process: renders each given ReportModel twice (cold, then warm)
 * and reports both times, the output size and the process's peak RSS. With --appendix-only the
 * model's body is emptied first, so the PDF is (almost) only the Phụ lục: the part LibreOffice
 * is compared against.
 * flow: bench/run --> child-process --> render-child --> render-pdf / render-xlsx
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ReportModel } from '../functions/core/report-model.ts';
import { renderXlsx } from '../templates/excel/render-xlsx.ts';
import { renderPdf } from '../templates/pdf/render-pdf.ts';
import { parseArgs, reply } from './child-process.ts';

const args = parseArgs(process.argv.slice(2));
const renderer = args.renderer === 'xlsx' ? 'xlsx' : 'pdf';
const files = (args.models ?? '').split(',').filter(Boolean);
const appendixOnly = args['appendix-only'] === 'true';
const out = args.out!;

const baselineRssMb = process.memoryUsage().rss / 1048576;
const results: { model: string; coldMs: number; warmMs: number; warmCpuMs: number; bytes: number; file: string }[] = [];
for (const file of files) {
  const model = JSON.parse(readFileSync(file, 'utf8')) as ReportModel;
  if (appendixOnly) model.body = [];
  const render = () => (renderer === 'pdf' ? renderPdf(model) : renderXlsx(model));
  let t = performance.now();
  await render();
  const coldMs = performance.now() - t;
  const cpu = process.cpuUsage();
  t = performance.now();
  const bytes = await render();
  const warmMs = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const warmCpuMs = (used.user + used.system) / 1000;
  const name = `${path.basename(file, '.json').replace(/^model-/, '')}${appendixOnly ? '-appendix' : ''}.${renderer}`;
  writeFileSync(path.join(out, name), bytes);
  results.push({ model: path.basename(file), coldMs, warmMs, warmCpuMs, bytes: bytes.length, file: name });
}
reply({ renderer, appendixOnly, baselineRssMb, peakRssMb: process.resourceUsage().maxRSS / 1024, results });
