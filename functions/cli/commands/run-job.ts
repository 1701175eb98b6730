/**
 * `run-job compile --period <id> [--kind <kind>]`: runs a job now, with the same use case (and
 * guarantees) as the schedule and the API.
 * flow: CLI --> compile reports use case
 */
import { Argument, Option, type Command } from 'commander';
import { PERIOD_KINDS, type PeriodKind } from '../../core/period.ts';
import { compileReports } from '../../usecases/compile-reports.ts';
import { cliContainer } from '../environment.ts';

export function registerRunJobCommand(program: Command): void {
  program
    .command('run-job')
    .description('Chạy một tác vụ ngay: compile (tổng hợp báo cáo) — run a job now')
    .addArgument(new Argument('<job>', 'tác vụ').choices(['compile']))
    .requiredOption('--period <id>', 'kỳ: YYYY-MM, YYYY-Qn, YYYY-H1, YYYY-H2, YYYY-9M hoặc YYYY')
    .addOption(new Option('--kind <kind>', 'loại kỳ (phải khớp với --period)').choices(PERIOD_KINDS as string[]))
    .option('--issue-date <YYYY-MM-DD>', 'ngày ghi trên văn bản (mặc định: hôm nay)')
    .action(async (job: string, o: { period: string; kind?: PeriodKind; issueDate?: string }) => {
      const c = cliContainer();
      if (job === 'compile') {
        const started = Date.now();
        process.stderr.write(`Tổng hợp báo cáo kỳ ${o.period} …\n`);
        const r = await compileReports(c, {
          agencyId: c.config.agencyId,
          period: o.period,
          ...(o.kind ? { kind: o.kind } : {}),
          ...(o.issueDate ? { issueDate: o.issueDate } : {}),
          trigger: `cli:${process.env.USER ?? 'operator'}`,
          now: new Date(),
        });
        const v = r.version;
        process.stdout.write(
          (r.created ? `Đã tạo phiên bản ${v.version} (${Date.now() - started} ms):\n` : `Dữ liệu không đổi: giữ phiên bản ${v.version} đã có, không ghi gì.\n`) +
            v.files.map((f) => `  ${f.audience.padEnd(8)} ${f.format.padEnd(4)} ${String(f.size).padStart(9)} B  sha256 ${f.sha256.slice(0, 16)}…  s3://${c.config.bucketName}/${f.key}`).join('\n') +
            '\n',
        );
      }
    });
}
