/**
 * `issue --period <id> [--audience ubnd|director] [--number N] [--date YYYY-MM-DD] [--signed file.pdf]`:
 * issues the latest compiled version under a number from the register (or the number given), or —
 * with --signed on an issued document — attaches the PDF the leader signed. `register --year` lists
 * the numbers given.
 * flow: CLI --> issue-report / attach-signed use cases
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { unpdfText } from '../../adapters/pdf-text.ts';
import { AUDIENCES, type Audience } from '../../core/agency.ts';
import { localDate } from '../../core/clock.ts';
import { parsePeriod } from '../../core/period.ts';
import { profileOn } from '../../usecases/agency-service.ts';
import { attachSignedPdf } from '../../usecases/attach-signed.ts';
import { issueReport } from '../../usecases/issue-report.ts';
import { issuanceNumber } from '../../usecases/ports.ts';
import { reportRenderers } from '../../adapters/renderers.ts';
import { agencyContainer } from '../environment.ts';
import { parseYear } from '../parse-year.ts';

interface Options {
  period: string;
  audience: Audience;
  number?: string;
  date?: string;
  signed?: string;
  version?: string;
}

function positiveInt(v: string, what: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || !Number.isInteger(n) || n < 1) throw new Error(`${what} phải là số nguyên dương (got "${v}").`);
  return n;
}

export function registerIssueCommands(program: Command): void {
  program
    .command('issue')
    .description('Phát hành (cấp số) bản tổng hợp mới nhất, hoặc đính kèm bản PDF đã ký số — issue a compiled report, or attach its signed PDF')
    .requiredOption('--period <id>', 'kỳ: YYYY-MM, YYYY-Qn, YYYY-H1, YYYY-H2, YYYY-9M hoặc YYYY')
    .addOption(
      new Option('--audience <audience>', 'văn bản: ubnd (gửi UBND tỉnh) hoặc director (báo cáo Lãnh đạo Sở)').choices(AUDIENCES as string[]).default('ubnd'),
    )
    .option('--number <N>', 'số lấy từ sổ văn bản của văn thư (mặc định: số tiếp theo trong năm)')
    .option('--date <YYYY-MM-DD>', 'ngày ban hành (mặc định: hôm nay)')
    .option('--version <N>', 'phiên bản đã xem (mặc định: mới nhất; phiên bản cũ bị từ chối)')
    .option('--signed <file.pdf>', 'đính kèm tệp PDF đã ký số vào văn bản đã phát hành (phát hành trước nếu chưa)')
    .action(async (o: Options) => {
      parsePeriod(o.period);
      const c = await agencyContainer();
      const now = new Date();
      const by = `cli:${process.env.USER ?? 'operator'}`;
      const profile = await profileOn(c.agencies, c.config.agencyId, localDate(now, 'Asia/Ho_Chi_Minh'));
      const version = o.version !== undefined ? positiveInt(o.version, '--version') : undefined;
      const current =
        version !== undefined ? await c.reports.getVersion(c.config.agencyId, o.period, version) : await c.reports.latest(c.config.agencyId, o.period);
      let issued = current?.issued?.[o.audience];
      if (!issued) {
        const out = await issueReport(
          { ...c, renderers: reportRenderers },
          {
            agencyId: c.config.agencyId,
            period: o.period,
            audience: o.audience,
            ...(version !== undefined ? { version } : {}),
            ...(o.number !== undefined ? { number: positiveInt(o.number, '--number') } : {}),
            ...(o.date !== undefined ? { date: o.date } : {}),
            by,
            now,
            timeZone: profile.timeZone,
          },
        );
        issued = out.issuance;
        process.stdout.write(
          `Đã phát hành Báo cáo số ${issuanceNumber(issued)} ngày ${issued.date.split('-').reverse().join('/')} (kỳ ${o.period}, phiên bản ${out.version.version}).\n`,
        );
        for (const f of issued.files) process.stdout.write(`  ${f.format.padEnd(4)} ${String(f.size).padStart(9)} B  ${f.key}\n`);
      } else if (!o.signed) {
        throw new Error(
          `Báo cáo kỳ ${o.period} (${o.audience}) phiên bản ${current!.version} đã phát hành số ${issuanceNumber(issued)}; không phát hành lại. Muốn đính chính: tổng hợp lại rồi phát hành bản mới.`,
        );
      }
      if (o.signed) {
        const out = await attachSignedPdf(
          { ...c, pdfText: unpdfText },
          {
            agencyId: c.config.agencyId,
            period: o.period,
            audience: o.audience,
            ...(version !== undefined ? { version } : {}),
            bytes: readFileSync(o.signed),
            fileName: path.basename(o.signed),
            by,
            now,
          },
        );
        process.stdout.write(
          `Đã đính kèm bản ký số ${out.signed.fileName} (sha256 ${out.signed.sha256}) vào Báo cáo số ${issuanceNumber(issued)}: tệp này sẽ được gửi UBND tỉnh.\n`,
        );
      }
    });

  program
    .command('register')
    .description('In sổ văn bản đi của hệ thống: các số đã cấp trong năm — list the numbers given')
    .requiredOption('--year <YYYY>', 'năm', parseYear)
    .option('--symbol <symbol>', 'ký hiệu (mặc định: ký hiệu báo cáo gửi UBND tỉnh, ví dụ BC-SKHCN)')
    .action(async (o: { year: number; symbol?: string }) => {
      const c = await agencyContainer();
      const profile = await profileOn(c.agencies, c.config.agencyId, `${o.year}-12-31`);
      const symbol = o.symbol ?? profile.documents?.ubnd?.symbol ?? `BC-${profile.symbol}`;
      const entries = await c.reports.listRegister(c.config.agencyId, o.year, symbol);
      const lines = [`Sổ ${symbol} năm ${o.year}: ${entries.length} số đã cấp.`];
      for (const e of entries) lines.push(`  ${issuanceNumber(e).padEnd(16)} ${e.date}  ${e.title} (phiên bản ${e.version})  ${e.by}`);
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
