/**
 * `import-submissions <file.json> [--dry-run]`: load a Sở's past monthly reports with the times
 * they were really sent (issue 13). The server's clock would count every one of them late; this
 * command says it uses the file's times instead, on its first line, so no operator mistakes it
 * for an ordinary submit.
 * flow: CLI --> import submissions use case --> submit use case
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { Command } from 'commander';
import { importSubmissions, type EntryOutcome } from '../../usecases/import-submissions.ts';
import { agencyContainer } from '../environment.ts';

export function registerSubmissionCommands(program: Command): void {
  program
    .command('import-submissions')
    .description('Nhập lịch sử báo cáo tháng của các đơn vị với thời điểm gửi ghi trong tệp — import past submissions with their real dates')
    .argument('<file>', 'tệp JSON: [{ period, unit, submittedAt, reporterName, data }, …]')
    .option('--dry-run', 'chỉ kiểm tra, không ghi')
    .action(async (file: string, o: { dryRun?: boolean }) => {
      const c = await agencyContainer();
      let entries: unknown;
      try {
        entries = JSON.parse(readFileSync(file, 'utf8'));
      } catch (err) {
        throw new Error(`Không đọc được tệp JSON ${file}: ${err instanceof Error ? err.message : String(err)}`);
      }
      process.stderr.write(
        `Nhập lịch sử báo cáo với thời điểm gửi ghi trong tệp (không dùng giờ máy chủ) cho cơ quan ${c.config.agencyId}` +
          `${o.dryRun ? ' — chạy thử, không ghi gì' : ''}; kỳ đã có báo cáo hoặc bản nháp được bỏ qua, không ghi đè.\n`,
      );
      const out = await importSubmissions(c, {
        agencyId: c.config.agencyId,
        by: `import:${process.env.USER || os.userInfo().username || 'cli'}`,
        entries,
        now: new Date(),
        ...(o.dryRun ? { dryRun: true } : {}),
        onEntry: (e, done, total) => process.stderr.write(`[${done}/${total}] ${describe(e, o.dryRun === true)}\n`),
      });
      const lines = [
        `${o.dryRun ? 'Sẽ nhập' : 'Đã nhập'} ${out.imported}, bỏ qua ${out.skipped}, lỗi ${out.failed} (trên ${out.outcomes.length} mục) — cơ quan ${c.config.agencyId}.`,
      ];
      for (const e of out.outcomes.filter((x) => x.status !== 'imported')) lines.push(`  ${describe(e, o.dryRun === true)}`);
      process.stdout.write(`${lines.join('\n')}\n`);
      if (out.failed > 0) process.exitCode = 2;
    });
}

function describe(e: EntryOutcome, dryRun: boolean): string {
  const what = [`mục #${e.n}`, e.period, e.unit, e.submittedAt && `gửi ${e.submittedAt}`].filter(Boolean).join(' ');
  switch (e.status) {
    case 'imported':
      return `${what}: ${dryRun ? 'sẽ nhập' : 'đã nhập'} (phiên bản ${e.revision}, ${e.onTime ? 'đúng hạn' : 'muộn hạn'})`;
    case 'skipped':
      return `${what}: bỏ qua — ${e.reason}`;
    case 'failed':
      return `${what}: lỗi — ${e.reason}`;
  }
}
