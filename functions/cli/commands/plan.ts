/**
 * `import-plan <file> --year YYYY` and `show-plan --year YYYY [--json]`.
 * flow: CLI --> import plan use case / PlanStore
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { formatPlanTime, TASK_CATEGORIES, type TaskCategory } from '../../core/plan.ts';
import { amendmentCitation } from '../../core/plan-amendment.ts';
import { readXlsxGrid } from '../../adapters/xlsx-grid.ts';
import { importPlan } from '../../usecases/import-plan.ts';
import { setPlanDocument } from '../../usecases/plan-document.ts';
import { profileOn } from '../../usecases/agency-service.ts';
import { agencyContainer } from '../environment.ts';
import { progressLine } from '../progress.ts';
import { parseYear } from '../parse-year.ts';

export function registerPlanCommands(program: Command): void {
  program
    .command('import-plan')
    .description('Nhập kế hoạch năm từ tệp .xlsx (như phụ lục kế hoạch) hoặc JSON — import a year’s plan')
    .argument('<file>', 'tệp .xlsx hoặc .json')
    .requiredOption('--year <YYYY>', 'năm kế hoạch', parseYear)
    .addOption(new Option('--category <category>', 'loại nhiệm vụ khi bảng không ghi rõ').choices(TASK_CATEGORIES as string[]))
    .option('--dry-run', 'chỉ kiểm tra, không ghi')
    .action(async (file: string, o: { year: number; category?: TaskCategory; dryRun?: boolean }) => {
      const c = await agencyContainer();
      const parse = progressLine('Đọc bảng (rows)');
      const write = progressLine('Ghi nhiệm vụ (tasks)');
      const out = await importPlan(
        { plans: c.plans, agencies: c.agencies, readSheets: readXlsxGrid, audit: c.users },
        {
          agencyId: c.config.agencyId,
          year: o.year,
          fileName: path.basename(file),
          bytes: readFileSync(file),
          importedBy: process.env.USER ? `cli:${process.env.USER}` : 'cli',
          now: new Date(),
          ...(o.category ? { defaultCategory: o.category } : {}),
          ...(o.dryRun ? { dryRun: true } : {}),
          onProgress: (stage, d, t) => (stage === 'parse' ? parse(d, t) : write(d, t)),
        },
      );
      for (const w of out.warnings) process.stderr.write(`Lưu ý: ${where(w)} — ${w.reason} (${w.reasonEn})\n`);
      if (!out.ok) {
        process.stderr.write(`\nKhông nhập được: ${out.problems.length} lỗi, chưa ghi gì. (Nothing was written: ${out.problems.length} problem(s).)\n`);
        for (const p of out.problems) process.stderr.write(`- ${where(p)}: ${p.reason} (${p.reasonEn})\n`);
        process.exitCode = 2;
        return;
      }
      const lines = [
        o.dryRun
          ? `Kiểm tra xong cho cơ quan ${c.config.agencyId} (không ghi): ${out.taskCount} nhiệm vụ hợp lệ.`
          : out.changed
            ? `Đã nhập kế hoạch năm ${o.year} của cơ quan ${c.config.agencyId}: ${out.taskCount} nhiệm vụ (phiên bản ${out.meta?.version}).`
            : `Kế hoạch năm ${o.year} không thay đổi (giống phiên bản ${out.meta?.version} đã có): không ghi gì.`,
        `Theo đơn vị chủ trì: ${Object.entries(out.byUnit)
          .map(([u, n]) => `${u} ${n}`)
          .join(', ')}.`,
      ];
      if (out.newUnits.length) {
        lines.push(
          // A dry run writes nothing: it says what the import would add.
          `${o.dryRun ? 'Sẽ thêm' : 'Đã thêm'} ${out.newUnits.length} đơn vị mới có trong kế hoạch (mã tự sinh, có thể sửa bằng set-agency): ` +
            out.newUnits.map((u) => `${u.code} = ${u.name}`).join('; ') +
            '.',
        );
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    });

  program
    .command('plan-document')
    .description('Ghi số, ngày, trích yếu của văn bản kế hoạch (trích dẫn ở câu mở đầu báo cáo) — set the plan document’s number, date and title')
    .requiredOption('--year <YYYY>', 'năm kế hoạch', parseYear)
    .option('--number <số/ký hiệu>', 'ví dụ 15/KH-KHCN')
    .option('--date <YYYY-MM-DD>', 'ngày ban hành kế hoạch')
    .option('--title <trích yếu>', 'ví dụ "Thực hiện nhiệm vụ trọng tâm … năm 2024"')
    .option('--kind <loại>', 'Kế hoạch, Chương trình, Quyết định … (mặc định: như đã có, hoặc Kế hoạch)')
    .action(async (o: { year: number; number?: string; date?: string; title?: string; kind?: string }) => {
      const c = await agencyContainer();
      const out = await setPlanDocument(
        { plans: c.plans },
        {
          agencyId: c.config.agencyId,
          year: o.year,
          document: {
            ...(o.kind ? { kind: o.kind } : {}),
            ...(o.number ? { number: o.number } : {}),
            ...(o.date ? { date: o.date } : {}),
            ...(o.title ? { title: o.title } : {}),
          },
          by: process.env.USER ? `cli:${process.env.USER}` : 'cli',
          now: new Date(),
        },
      );
      const d = out.document;
      process.stdout.write(
        `${out.changed ? 'Đã ghi' : 'Không thay đổi'}: ${d.kind}${d.number ? ` số ${d.number}` : ' (chưa có số)'}${d.date ? ` ngày ${d.date.split('-').reverse().join('/')}` : ''}${d.title ? ` — ${d.title}` : ''} (kế hoạch năm ${o.year}, phiên bản ${out.meta.version}).\n`,
      );
    });

  program
    .command('show-plan')
    .description('In kế hoạch đã lưu — print the stored plan')
    .requiredOption('--year <YYYY>', 'năm kế hoạch', parseYear)
    .option('--unit <code>', 'chỉ nhiệm vụ của một đơn vị')
    .option('--json', 'in JSON')
    .action(async (o: { year: number; unit?: string; json?: boolean }) => {
      const c = await agencyContainer();
      const plan = await c.plans.getPlan(c.config.agencyId, o.year);
      if (!plan) throw new Error(`Chưa có kế hoạch năm ${o.year}. Nhập bằng: npm run cli -- import-plan <tệp> --year ${o.year}`);
      const tasks = o.unit ? plan.tasks.filter((t) => t.leadUnit === o.unit) : plan.tasks;
      if (o.json) {
        process.stdout.write(`${JSON.stringify({ ...plan, tasks }, null, 2)}\n`);
        return;
      }
      const profile = await profileOn(c.agencies, c.config.agencyId, `${o.year}-12-31`);
      const leader = (id?: string) => profile.leaders.find((l) => l.id === id)?.name ?? '';
      let group = '';
      const out: string[] = [`Kế hoạch năm ${o.year}${plan.title ? ` — ${plan.title}` : ''}: ${tasks.length} nhiệm vụ`];
      for (const t of tasks) {
        if (t.group.numeral + t.group.title !== group) {
          group = t.group.numeral + t.group.title;
          out.push('', `${t.group.numeral}. ${t.group.title}`);
        }
        const when = [formatPlanTime(t.start), formatPlanTime(t.finish)].filter(Boolean).join(' → ');
        out.push(`  ${t.number.padEnd(6)} [${t.leadUnit}] ${truncate(t.content, 90)}`);
        out.push(`         ${when}${t.directingLeader ? ` · chỉ đạo: ${leader(t.directingLeader)}` : ''}${t.product ? ` · sản phẩm: ${t.product.text}` : ''}`);
        for (const a of t.amendments ?? [])
          out.push(`         → ${a.deadline.split('-').reverse().join('/')}: ${amendmentCitation(a)} (ghi bởi ${a.recordedBy})`);
      }
      process.stdout.write(`${out.join('\n')}\n`);
    });
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

function where(p: { sheet: string; row: number; column: string }): string {
  return [p.sheet && `sheet "${p.sheet}"`, p.row && `dòng ${p.row}`, p.column && `cột ${p.column}`].filter(Boolean).join(', ') || 'tệp';
}
