/**
 * `run-job <compile|remind|deliver> [--period <id>] [--kind <kind>] [--scheduled-time <ISO>]`: runs
 * a job now with the same use case and guarantees as the schedule. Without --scheduled-time the run
 * is keyed on the current minute; with it, it re-fires that schedule (a finished run is replayed,
 * a failed one taken over). Exit codes: 0 done; 1 failed (a delivery that did not reach UBND tỉnh, with
 * the run left retryable); 3 deliver found no issued report (nothing sent, Văn phòng told).
 * flow: CLI --> run-job use case --> compile / remind / deliver
 */
import { Argument, Option, type Command } from 'commander';
import { PERIOD_KINDS, type PeriodKind } from '../../core/period.ts';
import { JOB_NAMES, type JobName } from '../../core/schedules.ts';
import { jobDeps } from '../../jobs/job-deps.ts';
import { reportRenderers } from '../../adapters/renderers.ts';
import { runJob, type RunJobResult } from '../../usecases/run-job.ts';
import { agencyContainer } from '../environment.ts';

interface Options {
  period?: string;
  kind?: PeriodKind;
  scheduledTime?: string;
  issueDate?: string;
  resend?: boolean;
}

function scheduledTimeOf(value: string | undefined, now: Date): Date {
  if (value === undefined) return new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  // An instant needs its offset: "2024-05-21T08:00" alone would be read in this machine's zone.
  if (!/(Z|[+-]\d{2}:?\d{2})$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new Error(`--scheduled-time phải là thời điểm ISO 8601 có múi giờ, ví dụ 2024-05-21T08:00:00+07:00 (got "${value}").`);
  }
  return new Date(value);
}

function describe(job: JobName, out: RunJobResult): string {
  // The result's shape depends on the job; each branch reads what its job returns.
  // biome-ignore lint/suspicious/noExplicitAny: printed as-is, one job's fields per branch
  const r = out.result as Record<string, any>;
  const head = out.replayed
    ? `Lần chạy ${out.run.job}@${out.run.scheduledTime} đã hoàn tất trước đó (${out.run.finishedAt ?? ''}): không làm lại, kết quả đã ghi:`
    : `Đã chạy ${out.run.job}@${out.run.scheduledTime} (kỳ ${out.run.period}):`;
  const lines = [head];
  if (job === 'compile') {
    lines.push(r.created ? `  tạo phiên bản ${r.version}` : `  dữ liệu không đổi: giữ phiên bản ${r.version}`);
    for (const f of r.files ?? []) lines.push(`  ${String(f.audience).padEnd(8)} ${String(f.format).padEnd(4)} ${String(f.size).padStart(9)} B  ${f.key}`);
  } else if (job === 'remind') {
    if (r.skipped === 'locked') lines.push('  kỳ đã ban hành (khóa): không nhắc.');
    for (const u of r.reminded ?? []) lines.push(`  ${String(u.code).padEnd(10)} ${u.status === 'draft-only' ? 'mới lưu nháp' : 'chưa nộp'}: ${u.reminder}`);
    if (r.summary) lines.push(`  tổng hợp gửi Văn phòng: ${r.summary}`);
  } else if (job === 'digest') {
    lines.push(`  ngày ${r.day}: ${r.recipients} Lãnh đạo đã đăng ký; ${r.proposals} đề xuất mới, ${r.overdue} nhiệm vụ vừa quá hạn.`);
    if (r.nothing) lines.push('  không có gì mới: không gửi thư.');
    for (const s of r.sent ?? []) lines.push(`  ${s.email}: ${s.status === 'already-sent' ? 'đã gửi trong ngày trước đó' : s.status}`);
  } else if (r.status === 'not-issued') {
    lines.push(`  chưa phát hành: không gửi gì cho UBND tỉnh (bản dự thảo mới nhất: phiên bản ${r.draftVersion}).`);
    lines.push(`  báo Văn phòng: ${r.notice}${r.nextTry ? `; lịch sẽ thử lại lúc ${r.nextTry}` : '; đây là lần thử cuối theo lịch'}`);
    lines.push(`  phát hành bằng: npm run cli -- issue --period ${out.run.period}`);
  } else {
    lines.push(
      `  Báo cáo số ${r.number} (phiên bản ${r.version})${r.autoIssued ? ', tự động cấp số' : ''}: ${r.status}${r.messageId ? ` (message id ${r.messageId})` : ''}${Array.isArray(r.to) ? ` → ${r.to.join(', ')}` : ''}`,
    );
    if (r.signedSha256) lines.push(`  gửi bản đã ký số (sha256 ${r.signedSha256})`);
    if (r.newerDraft) lines.push(`  lưu ý: đã có bản dự thảo mới hơn (phiên bản ${r.newerDraft}) chưa phát hành.`);
    if (r.attached?.length) lines.push(`  đính kèm: ${r.attached.join(', ')}`);
    if (r.link) lines.push(`  đường dẫn: ${r.link}`);
    if (r.locked) lines.push('  đã khóa kỳ báo cáo (đã ban hành).');
    if (r.notice) lines.push(`  báo Văn phòng: ${r.notice}`);
    if (r.status === 'already-delivered') lines.push('  phiên bản này đã được gửi trước đó; dùng --resend để gửi lại.');
  }
  return `${lines.join('\n')}\n`;
}

export function registerRunJobCommand(program: Command): void {
  program
    .command('run-job')
    .description(
      'Chạy một tác vụ ngay: compile (tổng hợp), remind (nhắc đơn vị), deliver (gửi UBND tỉnh), digest (thư tóm tắt cho Lãnh đạo) — run a job now, safely re-runnable',
    )
    .addArgument(new Argument('<job>', 'tác vụ').choices(JOB_NAMES as string[]))
    .option('--period <id>', 'kỳ: YYYY-MM, YYYY-Qn, YYYY-H1, YYYY-H2, YYYY-9M hoặc YYYY (mặc định: suy ra từ thời điểm lịch)')
    .addOption(new Option('--kind <kind>', 'loại kỳ khi không có --period (mặc định monthly)').choices(PERIOD_KINDS as string[]))
    .option('--scheduled-time <ISO>', 'thời điểm lịch, ví dụ 2024-05-21T08:00:00+07:00 (mặc định: phút hiện tại); chạy lại cùng thời điểm không làm lại')
    .option('--issue-date <YYYY-MM-DD>', 'compile: ngày ghi trên văn bản (mặc định: ngày của thời điểm lịch)')
    .option('--resend', 'deliver: gửi lại dù phiên bản này đã được gửi')
    .action(async (job: JobName, o: Options) => {
      const c = await agencyContainer();
      const scheduledTime = scheduledTimeOf(o.scheduledTime, new Date());
      const out = await runJob(jobDeps(c, reportRenderers), {
        agencyId: c.config.agencyId,
        job,
        scheduledTime,
        source: `cli:${process.env.USER ?? 'operator'}`,
        ...(o.kind ? { kind: o.kind } : {}),
        ...(o.period ? { period: o.period } : {}),
        ...(o.issueDate ? { issueDate: o.issueDate } : {}),
        ...(o.resend ? { resend: true } : {}),
      });
      process.stdout.write(describe(job, out));
      // Nothing reached UBND tỉnh: an operator (or a script) must see it in the exit code too.
      if (job === 'deliver' && out.result.status === 'not-issued') process.exitCode = 3;
      if (job === 'deliver' && out.result.status === 'interrupted') process.exitCode = 1;
    });
}
