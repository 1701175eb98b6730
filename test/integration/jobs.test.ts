import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Container } from '../../functions/adapters/container.ts';
import { resetContainer } from '../../functions/adapters/container.ts';
import type { AgencyProfile } from '../../functions/core/agency.ts';
import type { Principal } from '../../functions/core/auth.ts';
import { zonedInstant } from '../../functions/core/clock.ts';
import { firingsBetween, scheduleDefinitions, type ScheduleDefinition } from '../../functions/core/schedules.ts';
import { handler as compileHandler } from '../../functions/jobs/compile.ts';
import { handler as remindHandler } from '../../functions/jobs/remind.ts';
import { jobSettingsFromEnv } from '../../functions/jobs/job-deps.ts';
import { setAgency } from '../../functions/usecases/agency-service.ts';
import { encodedSize } from '../../functions/usecases/deliver-report.ts';
import { issueReport } from '../../functions/usecases/issue-report.ts';
import type { FileArchive, JobStore, Mailer } from '../../functions/usecases/ports.ts';
import { JobBusyError, runJob, type JobDeps, type RunJobInput } from '../../functions/usecases/run-job.ts';
import { DEFAULT_JOB_SETTINGS } from '../../functions/usecases/send-once.ts';
import { saveDraft, submit } from '../../functions/usecases/submissions.ts';
import { readPdf } from '../unit/renderers/pdf-text.ts';
import { localEnv, testContainer } from '../support/local.ts';
import { demoProfile } from '../support/demo-profile.ts';
import { smallPlan, TASK_TEXT, taskReport } from '../support/small-plan.ts';
import { reportRenderers } from '../../functions/adapters/renderers.ts';

const TZ = 'Asia/Ho_Chi_Minh';
const demo = demoProfile();
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

// ---------------------------------------------------------------------------------------------
// An agency of our own per test (own addresses, so the shared SES emulator can be filtered).

interface TestAgency {
  c: Container;
  a: string;
  profile: AgencyProfile;
  ubnd: string;
  vp: string;
  unitEmail: (code: string) => string;
  /** When the agency was made (epoch seconds): the SES store is read from then on only. */
  since: number;
}

/** `autoIssue`: the delivery issues the report itself (the profile option), as agencies that want no issuing step set it. */
async function agency(opts: { plan?: boolean; ubnd?: boolean; autoIssue?: boolean } = {}): Promise<TestAgency> {
  const since = Math.floor(Date.now() / 1000) - 1;
  const c = testContainer();
  const a = c.config.agencyId;
  const mail = (who: string) => `${who}.${a}@example.test`;
  const units = (demo.units as { code: string }[]).map((u) => {
    // TTUD has no address: its reminder cannot be sent, and the summary says so.
    const { emails: _e, ...rest } = u as { code: string; emails?: string[] };
    return u.code === 'TTUD' ? rest : { ...rest, emails: [mail(u.code.toLowerCase())] };
  });
  const profile = await setAgency(c.agencies, {
    ...demo,
    agencyId: a,
    units,
    emails: { ubnd: opts.ubnd === false ? [] : [mail('ubnd')], vanPhong: [mail('vp')], from: 'baocao@skhcn.bacgiang.example' },
    ...(opts.autoIssue ? { autoIssue: true } : {}),
  });
  if (opts.plan !== false) await c.plans.putPlan(smallPlan(a), { hash: `plan-${a}`, importedAt: '2024-01-05T00:00:00Z', importedBy: 'test', source: 'test' });
  return { c, a, profile, ubnd: mail('ubnd'), vp: mail('vp'), unitEmail: (code) => mail(code.toLowerCase()), since };
}

const unitP = (a: string, code: string): Principal => ({ sub: `u-${code}`, role: 'unit', unit: code, agencyId: a });
async function submitFor(t: TestAgency, period: string, unit: string, taskId: string, progress: number, day: number, hour = 9) {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const at = zonedInstant(`${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`, TZ, hour);
  await submit(
    t.c,
    unitP(t.a, unit),
    { period, unit, baseRevision: 0, data: { reporterName: 'Nguyễn Văn Báo', otherWork: [], tasks: [taskReport(taskId, progress)] } },
    at,
  );
}

// ---------------------------------------------------------------------------------------------
// The job's dependencies, with injected sleep (recorded, instant) and optional faults.

function deps(t: TestAgency, o: Partial<JobDeps> = {}): JobDeps & { sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    agencies: t.c.agencies,
    plans: t.c.plans,
    submissions: t.c.submissions,
    reports: t.c.reports,
    archive: t.c.archive,
    renderers: reportRenderers,
    jobs: t.c.jobs,
    users: t.c.users,
    mailer: t.c.mailer,
    clock: () => new Date(),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    settings: { ...DEFAULT_JOB_SETTINGS },
    ...o,
    sleeps,
  };
}

/** Wraps the real adapter: calls of `method` whose number is in `failOn` throw instead of running. */
function faulty<T extends object>(
  target: T,
  method: keyof T,
  failOn: (n: number, args: unknown[]) => boolean,
  error: () => Error = () => new Error('injected fault'),
): T {
  let n = 0;
  return new Proxy(target, {
    get(obj, prop) {
      const value = Reflect.get(obj, prop, obj) as unknown;
      if (typeof value !== 'function') return value;
      if (prop !== method) return value.bind(obj);
      return async (...args: unknown[]) => {
        n++;
        if (failOn(n, args)) throw error();
        return (value as (...a: unknown[]) => unknown).apply(obj, args);
      };
    },
  });
}

const named =
  (name: string, message = 'injected') =>
  () =>
    Object.assign(new Error(message), { name });

// ---------------------------------------------------------------------------------------------
// The SES emulator's store, filtered to one agency's addresses.

interface StoredEmail {
  messageId: string;
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
  attachments: { filename: string; contentType: string; size: number; content: string }[];
}

async function sentTo(t: TestAgency): Promise<StoredEmail[]> {
  const res = await fetch(`${localEnv().SES_ENDPOINT}/store?since=${t.since}`);
  const { emails } = (await res.json()) as { emails: StoredEmail[] };
  return emails.filter((e) => e.destination.to.some((to) => to.endsWith(`.${t.a}@example.test`)));
}

const to = (emails: StoredEmail[], address: string) => emails.filter((e) => e.destination.to.includes(address));

function defsOf(t: TestAgency): Record<string, ScheduleDefinition> {
  return Object.fromEntries(scheduleDefinitions(t.profile).map((d) => [d.name, d]));
}

/** The instant a schedule fires in a given local month (its first firing that month). */
function firingIn(def: ScheduleDefinition, year: number, month: number, index = 0): Date {
  const from = zonedInstant(`${year}-${String(month).padStart(2, '0')}-01`, TZ);
  const to = month === 12 ? zonedInstant(`${year + 1}-01-01`, TZ) : zonedInstant(`${year}-${String(month + 1).padStart(2, '0')}-01`, TZ);
  const at = firingsBetween(def, from, to)[index];
  if (!at) throw new Error(`${def.name} does not fire in ${year}-${month}`);
  return at;
}

/** Văn phòng issues the UBND report of the latest version (next number, or the one given). */
const issue = (t: TestAgency, period: string, now: Date, o: { number?: number } = {}) =>
  issueReport({ ...t.c, renderers: reportRenderers }, { agencyId: t.a, period, audience: 'ubnd', by: 'u-vp', now, timeZone: TZ, ...o });

const run = (t: TestAgency, d: JobDeps, job: RunJobInput['job'], scheduledTime: Date, extra: Partial<RunJobInput> = {}) =>
  runJob(d, { agencyId: t.a, job, scheduledTime, source: 'schedule', ...extra });

async function pdfText(t: TestAgency, key: string): Promise<string> {
  const read = await readPdf(Buffer.from((await t.c.archive.get(key))!.body));
  return read.pages
    .flatMap((p) => p.lines.map((l) => l.text))
    .join(' ')
    .replace(/\s+/gu, ' ');
}

// ---------------------------------------------------------------------------------------------

describe('scheduled jobs: idempotent on (agency, job, scheduled time)', () => {
  it('a compile fired twice gives one report version — the first run’s, even after the data changed', async () => {
    const t = await agency();
    await submitFor(t, '2024-05', 'QLKH', 'I-2', 40, 17);
    const at = firingIn(defsOf(t)['compile-monthly']!, 2024, 5);
    expect(at.toISOString()).toBe('2024-05-21T01:00:00.000Z');

    const first = await run(t, deps(t), 'compile', at);
    expect(first.replayed).toBe(false);
    expect(first.result).toMatchObject({ period: '2024-05', version: 1, created: true, issueDate: '2024-05-21' });
    expect((first.result.files as unknown[]).length).toBe(4);

    // A late unit submits; the same schedule fires again (EventBridge retry, duplicate delivery).
    await submitFor(t, '2024-05', 'CCTCDLCL', 'I-1', 30, 22);
    const again = await run(t, deps(t), 'compile', at);
    expect(again.replayed).toBe(true);
    expect(again.result).toEqual(first.result);
    expect((await t.c.reports.listVersions(t.a, '2024-05')).map((v) => v.version)).toEqual([1]);
    const stored = await t.c.jobs.getRun(t.a, 'compile-monthly', at.toISOString());
    expect(stored).toMatchObject({ status: 'done', attempt: 1, period: '2024-05', source: 'schedule' });
    const v1 = await t.c.reports.latest(t.a, '2024-05');
    expect(v1?.trigger).toBe('schedule:compile-monthly@2024-05-21T01:00:00.000Z');

    // A different scheduled time is a different run: the changed data gives version 2.
    const next = await run(t, deps(t), 'compile', new Date('2024-05-23T01:00:00Z'));
    expect(next.result).toMatchObject({ period: '2024-05', version: 2, created: true });
  });

  it('a delivery fired twice sends one email, attaches the issued files, logs it and locks the period', async () => {
    const t = await agency();
    await submitFor(t, '2024-05', 'QLKH', 'I-2', 40, 17);
    const defs = defsOf(t);
    await run(t, deps(t), 'compile', firingIn(defs['compile-monthly']!, 2024, 5));
    const issued = await issue(t, '2024-05', new Date('2024-05-21T02:00:00Z'));
    expect(issued.issuance).toMatchObject({ number: 1, symbol: 'BC-SKHCN', date: '2024-05-21', source: 'register' });
    const at = firingIn(defs['deliver-monthly']!, 2024, 5);
    expect(at.toISOString()).toBe('2024-05-21T03:00:00.000Z');

    const first = await run(t, deps(t), 'deliver', at);
    const second = await run(t, deps(t), 'deliver', at);
    expect(first.result).toMatchObject({ period: '2024-05', version: 1, number: '01/BC-SKHCN', status: 'sent', locked: true, to: [t.ubnd] });
    expect(second.replayed).toBe(true);
    expect(second.result).toEqual(first.result);

    const emails = await sentTo(t);
    expect(emails).toHaveLength(1);
    const e = emails[0]!;
    expect(e.destination.to).toEqual([t.ubnd]);
    expect(e.from).toBe('baocao@skhcn.bacgiang.example');
    expect(e.subject).toBe('[Sở KH&CN Bắc Giang] Báo cáo số 01/BC-SKHCN ngày 21/05/2024 về kết quả thực hiện nhiệm vụ tháng 5 năm 2024');
    expect(e.body.text).toContain('Kính gửi: Ủy ban nhân dân tỉnh Bắc Giang.');
    expect(e.body.text).not.toContain('phiên bản');
    expect(e.body.text).toContain('Trân trọng./.');
    expect(e.body.html).toContain('<p');
    expect(e.messageId).toBe(first.result.messageId);

    // The attachments are the issued UBND files (numbered, not the draft), byte for byte.
    const version = (await t.c.reports.latest(t.a, '2024-05'))!;
    expect(e.attachments.map((x) => x.filename)).toEqual([
      'Bao cao so 01-BC-SKHCN - UBND tinh - thang 5 nam 2024.pdf',
      'Bao cao so 01-BC-SKHCN - UBND tinh - thang 5 nam 2024.xlsx',
    ]);
    for (const [i, format] of (['pdf', 'xlsx'] as const).entries()) {
      const file = version.issued!.ubnd!.files.find((f) => f.format === format)!;
      expect(sha(Buffer.from(e.attachments[i]!.content, 'base64'))).toBe(file.sha256);
      expect(e.attachments[i]!.contentType).toBe(file.contentType);
    }

    // The delivery log: when, to whom, message id, which version, result.
    const log = await t.c.jobs.listDeliveries(t.a, '2024-05');
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      purpose: 'ubnd-report',
      run: 'deliver-monthly@2024-05-21T03:00:00.000Z',
      to: [t.ubnd],
      reportVersion: 1,
      status: 'sent',
      messageId: e.messageId,
    });
    expect(log[0]!.attempts).toHaveLength(1);

    // Delivered = issued: units can no longer revise May until Văn phòng reopens it.
    expect(await t.c.submissions.getLock(t.a, '2024-05')).toMatchObject({ locked: true, by: 'schedule:deliver-monthly@2024-05-21T03:00:00.000Z' });
    await expect(submitFor(t, '2024-05', 'QLCN', 'I-4', 10, 23)).rejects.toMatchObject({ code: 'period_locked' });

    // Another run (an operator's) finds the version already delivered and sends nothing, unless told to.
    const manual = await run(t, deps(t), 'deliver', new Date('2024-05-22T02:00:00Z'), { source: 'cli:test', period: '2024-05' });
    expect(manual.result).toMatchObject({ status: 'already-delivered', messageId: e.messageId });
    expect(await sentTo(t)).toHaveLength(1);
    const resent = await run(t, deps(t), 'deliver', new Date('2024-05-22T02:01:00Z'), { source: 'cli:test', period: '2024-05', resend: true });
    expect(resent.result).toMatchObject({ status: 'sent' });
    expect(await sentTo(t)).toHaveLength(2);
  });

  it('links the workbook instead of attaching it when the message would pass the size limit', async () => {
    const t = await agency({ autoIssue: true });
    const v = (await run(t, deps(t), 'compile', new Date('2024-05-21T01:00:00Z'))).result;
    const files = v.files as { audience: string; format: string; size: number }[];
    const size = (format: string) => files.find((f) => f.audience === 'ubnd' && f.format === format)!.size;
    // Room for the bodies and the PDF (base64-encoded), and only half the workbook.
    const limit = 64 * 1024 + encodedSize(size('pdf')) + Math.floor(encodedSize(size('xlsx')) / 2);
    const d = deps(t, { settings: { ...DEFAULT_JOB_SETTINGS, mailMaxBytes: limit } });
    const out = await run(t, d, 'deliver', new Date('2024-05-21T03:00:00Z'));
    expect(out.result).toMatchObject({ status: 'sent', link: `http://localhost:3000/reports?period=2024-05` });
    const [e] = await sentTo(t);
    expect(e!.attachments.map((x) => x.filename)).toEqual(['Bao cao so 01-BC-SKHCN - UBND tinh - thang 5 nam 2024.pdf']);
    expect(e!.body.text).toContain('dung lượng vượt mức cho phép của thư điện tử nên không đính kèm');
    expect(e!.body.text).toContain('http://localhost:3000/reports?period=2024-05');
  });

  it('two firings at the same moment: one works, the other is told to retry, and the retry replays', async () => {
    const t = await agency();
    const at = new Date('2024-05-21T01:00:00Z');
    const results = await Promise.allSettled([run(t, deps(t), 'compile', at), run(t, deps(t), 'compile', at)]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const busy = results.filter((r) => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(busy).toHaveLength(1);
    expect((busy[0] as PromiseRejectedResult).reason).toBeInstanceOf(JobBusyError);
    expect((await run(t, deps(t), 'compile', at)).replayed).toBe(true);
    expect(await t.c.reports.listVersions(t.a, '2024-05')).toHaveLength(1);
  });

  it('takes over a run whose attempt died without a word once its lease has expired', async () => {
    const t = await agency();
    const at = new Date('2024-05-21T01:00:00Z');
    // A process claimed the run an hour ago and vanished (Lambda timeout): no failRun was written.
    const claimed = await t.c.jobs.claimRun(
      {
        agencyId: t.a,
        job: 'compile-monthly',
        scheduledTime: at.toISOString(),
        period: '2024-05',
        source: 'schedule',
        startedAt: '2024-05-21T01:00:01Z',
        leaseUntil: new Date(Date.now() - 60_000).toISOString(),
      },
      '2024-05-21T01:00:01Z',
    );
    expect(claimed.kind).toBe('claimed');
    const out = await run(t, deps(t), 'compile', at);
    expect(out.replayed).toBe(false);
    expect(out.run.attempt).toBe(2);
    expect(await t.c.jobs.getRun(t.a, 'compile-monthly', at.toISOString())).toMatchObject({ status: 'done', attempt: 2 });
  });
});

describe('failures in the middle of a job, then a retry: exactly one complete result', () => {
  it('S3 fails on the third file of a compile: nothing is published; the retry publishes version 1 with all four files', async () => {
    const t = await agency();
    await submitFor(t, '2024-05', 'QLKH', 'I-2', 40, 17);
    const at = new Date('2024-05-21T01:00:00Z');
    const broken = faulty<FileArchive>(t.c.archive, 'put', (n) => n === 3, named('InternalError', 'We encountered an internal error. Please try again.'));
    await expect(run(t, deps(t, { archive: broken }), 'compile', at)).rejects.toMatchObject({ name: 'InternalError' });
    expect(await t.c.reports.latest(t.a, '2024-05')).toBeUndefined();
    expect(await t.c.jobs.getRun(t.a, 'compile-monthly', at.toISOString())).toMatchObject({
      status: 'failed',
      attempt: 1,
      error: expect.stringContaining('InternalError'),
    });

    const retry = await run(t, deps(t), 'compile', at);
    expect(retry.result).toMatchObject({ version: 1, created: true });
    expect(retry.run.attempt).toBe(2);
    const v = (await t.c.reports.listVersions(t.a, '2024-05'))!;
    expect(v.map((x) => x.version)).toEqual([1]);
    for (const f of v[0]!.files) expect(sha((await t.c.archive.get(f.key))!.body)).toBe(f.sha256);
    expect((await run(t, deps(t), 'compile', at)).replayed).toBe(true);
  });

  it('SES refuses the first attempt: the delivery retries with backoff and sends exactly one email', async () => {
    const t = await agency({ autoIssue: true });
    const mailer = faulty<Mailer>(t.c.mailer, 'send', (n) => n <= 2, named('TooManyRequestsException', 'Maximum sending rate exceeded.'));
    const d = deps(t, { mailer });
    const out = await run(t, d, 'deliver', new Date('2024-05-21T03:00:00Z'));
    // Nothing compiled yet: the delivery compiles, and (autoIssue) issues it itself.
    expect(out.result).toMatchObject({ status: 'sent', attempts: 3, version: 1, compiled: true, autoIssued: true, number: '01/BC-SKHCN' });
    expect(d.sleeps).toEqual([2000, 4000]);
    expect(to(await sentTo(t), t.ubnd)).toHaveLength(1);
    const [entry] = await t.c.jobs.listDeliveries(t.a, '2024-05');
    expect(entry!.attempts.map((x) => x.ok)).toEqual([false, false, true]);
    expect(entry!.attempts[0]!.error).toContain('TooManyRequestsException');
  });

  it('after the last failed attempt Văn phòng is told, the run fails and stays retryable, and a retry once mail works sends it exactly once', async () => {
    const t = await agency({ autoIssue: true });
    const mailer = faulty<Mailer>(
      t.c.mailer,
      'send',
      (_n, args) => (args[0] as { to: string[] }).to.includes(t.ubnd),
      named('ServiceUnavailable', 'SES is unavailable'),
    );
    const d = deps(t, { mailer, settings: { ...DEFAULT_JOB_SETTINGS, sendAttempts: 3 } });
    const at = new Date('2024-05-21T03:00:00Z');
    // Not delivered: the run fails (the scheduler retries it, then the dead-letter queue and its alarm).
    await expect(run(t, d, 'deliver', at)).rejects.toMatchObject({
      name: 'DeliveryFailedError',
      result: { status: 'failed', attempts: 3, notice: 'sent', error: 'ServiceUnavailable: SES is unavailable' },
    });
    expect(await t.c.jobs.getRun(t.a, 'deliver-monthly', at.toISOString())).toMatchObject({
      status: 'failed',
      attempt: 1,
      error: expect.stringContaining('DeliveryFailedError'),
    });
    expect(d.sleeps).toEqual([2000, 4000]);
    let emails = await sentTo(t);
    expect(to(emails, t.ubnd)).toHaveLength(0);
    const notice = to(emails, t.vp);
    expect(notice).toHaveLength(1);
    expect(notice[0]!.subject).toBe('[Sở KH&CN Bắc Giang] [Cần xử lý] Chưa gửi được báo cáo tháng 5 năm 2024 tới UBND tỉnh');
    expect(notice[0]!.body.text).toContain('Báo cáo số 01/BC-SKHCN');
    expect(notice[0]!.body.text).toContain('sau 03 lần thử');
    expect(notice[0]!.body.text).toContain('ServiceUnavailable: SES is unavailable');
    const log = await t.c.jobs.listDeliveries(t.a, '2024-05');
    expect(log.map((e) => [e.purpose, e.status, e.attempts.length])).toEqual([
      ['ubnd-report', 'failed', 3],
      ['ubnd-failure-notice', 'sent', 1],
    ]);
    expect(await t.c.submissions.getLock(t.a, '2024-05')).toMatchObject({ locked: true, reason: expect.stringContaining('Đã phát hành') });

    // The scheduler's retry of the same run, SES still refusing: a new round of attempts, the run fails again, no second notice.
    await expect(run(t, d, 'deliver', at)).rejects.toMatchObject({ name: 'DeliveryFailedError' });
    expect(await t.c.jobs.getRun(t.a, 'deliver-monthly', at.toISOString())).toMatchObject({ status: 'failed', attempt: 2 });
    expect((await t.c.jobs.listDeliveries(t.a, '2024-05')).map((e) => [e.purpose, e.status, e.attempts.length])).toEqual([
      ['ubnd-report', 'failed', 6],
      ['ubnd-failure-notice', 'sent', 1],
    ]);
    emails = await sentTo(t);
    expect(emails).toHaveLength(1);

    // SES works again: the next retry of the same run delivers it, once; a further re-fire replays.
    const retried = await run(t, deps(t), 'deliver', at);
    expect(retried.run.attempt).toBe(3);
    expect(retried.result).toMatchObject({ status: 'sent', locked: true, number: '01/BC-SKHCN' });
    expect(to(await sentTo(t), t.ubnd)).toHaveLength(1);
    expect((await run(t, deps(t), 'deliver', at)).replayed).toBe(true);
    expect(to(await sentTo(t), t.ubnd)).toHaveLength(1);
  });

  it("only an issued report leaves the Sở: before it is issued Văn phòng is told, and the next day's delivery sends it", async () => {
    const t = await agency();
    await submitFor(t, '2024-05', 'QLKH', 'I-2', 40, 17);
    const defs = defsOf(t);
    await run(t, deps(t), 'compile', firingIn(defs['compile-monthly']!, 2024, 5));
    const day1 = firingIn(defs['deliver-monthly']!, 2024, 5, 0);
    const day2 = firingIn(defs['deliver-monthly']!, 2024, 5, 1);
    expect([day1.toISOString(), day2.toISOString()]).toEqual(['2024-05-21T03:00:00.000Z', '2024-05-22T03:00:00.000Z']);

    const waiting = await run(t, deps(t), 'deliver', day1);
    expect(waiting.result).toMatchObject({ status: 'not-issued', draftVersion: 1, notice: 'sent', nextTry: day2.toISOString() });
    let emails = await sentTo(t);
    expect(to(emails, t.ubnd)).toHaveLength(0);
    const [notice] = to(emails, t.vp);
    expect(notice!.subject).toBe('[Sở KH&CN Bắc Giang] [Cần xử lý] Báo cáo tháng 5 năm 2024 chưa được phát hành, chưa gửi UBND tỉnh');
    expect(notice!.body.text).toContain('chưa được phát hành (chưa có số văn bản) nên hệ thống chưa gửi');
    expect(notice!.body.text).toContain('Hệ thống sẽ kiểm tra lại và gửi văn bản đã phát hành vào 10:00 ngày 22/05/2024.');
    expect((await t.c.jobs.listDeliveries(t.a, '2024-05')).map((e) => [e.purpose, e.status])).toEqual([['not-issued-notice', 'sent']]);
    expect(await t.c.submissions.getLock(t.a, '2024-05')).toBeUndefined();

    await issue(t, '2024-05', new Date('2024-05-21T09:00:00Z'), { number: 15 });
    const sent = await run(t, deps(t), 'deliver', day2);
    expect(sent.result).toMatchObject({ status: 'sent', number: '15/BC-SKHCN', version: 1 });
    emails = await sentTo(t);
    expect(to(emails, t.ubnd).map((e) => e.subject)).toEqual([
      '[Sở KH&CN Bắc Giang] Báo cáo số 15/BC-SKHCN ngày 21/05/2024 về kết quả thực hiện nhiệm vụ tháng 5 năm 2024',
    ]);
    // The day after, the delivery finds it sent and sends nothing.
    expect((await run(t, deps(t), 'deliver', firingIn(defs['deliver-monthly']!, 2024, 5, 2))).result).toMatchObject({ status: 'already-delivered' });
    expect(to(await sentTo(t), t.ubnd)).toHaveLength(1);
  });

  it('a refused message (permanent error) is not retried', async () => {
    const t = await agency({ autoIssue: true });
    const mailer = faulty<Mailer>(
      t.c.mailer,
      'send',
      (_n, args) => (args[0] as { to: string[] }).to.includes(t.ubnd),
      named('MessageRejected', 'Email address is not verified.'),
    );
    const d = deps(t, { mailer });
    await expect(run(t, d, 'deliver', new Date('2024-06-21T03:00:00Z'))).rejects.toMatchObject({
      result: { period: '2024-06', status: 'failed', attempts: 1, notice: 'sent' },
    });
    expect(d.sleeps).toEqual([]);
  });

  it('a crash while reminding: the retry sends only what is left, and never re-sends an email whose outcome is unknown', async () => {
    const t = await agency();
    await submitFor(t, '2024-05', 'QLKH', 'I-2', 40, 16);
    const at = firingIn(defsOf(t)['remind-monthly']!, 2024, 5);
    // 1st attempt: the store fails to record that the 2nd reminder was accepted (the process dies
    // right after SES took it), 2nd attempt: DynamoDB fails before the summary.
    const lostRecord = faulty<JobStore>(t.c.jobs, 'recordMailAttempt', (n) => n === 2, named('ProvisionedThroughputExceededException'));
    await expect(run(t, deps(t, { jobs: lostRecord }), 'remind', at)).rejects.toMatchObject({ name: 'ProvisionedThroughputExceededException' });
    const afterCrash = await sentTo(t);
    expect(afterCrash).toHaveLength(2);

    const out = await run(t, deps(t), 'remind', at);
    expect(out.run.attempt).toBe(2);
    const byUnit = Object.fromEntries((out.result.reminded as { code: string; reminder: string }[]).map((u) => [u.code, u.reminder]));
    // Board order: QLKHCNCS was sent and recorded, QLCN was sent but not recorded, the rest came after.
    expect(byUnit).toEqual({ QLKHCNCS: 'sent', QLCN: 'interrupted', CCTCDLCL: 'sent', TTUD: 'no-email' });
    const emails = await sentTo(t);
    // Each unit got exactly one reminder (the interrupted one went out before the crash), plus one summary.
    for (const code of ['QLKHCNCS', 'QLCN', 'CCTCDLCL']) expect(to(emails, t.unitEmail(code)), code).toHaveLength(1);
    expect(to(emails, t.unitEmail('QLKH'))).toHaveLength(0);
    const summary = to(emails, t.vp);
    expect(summary).toHaveLength(1);
    expect(summary[0]!.body.text).toContain('chưa xác định được thư nhắc đã gửi hay chưa');
    expect((await run(t, deps(t), 'remind', at)).replayed).toBe(true);
    expect(await sentTo(t)).toHaveLength(emails.length);
  });
});

describe('reminders', () => {
  it("links to the portal that sent them: the running server (any port) over the profile's portalUrl", async () => {
    const t = await agency();
    const def = defsOf(t)['remind-monthly']!;
    const portal = 'http://127.0.0.1:41234';
    await run(t, deps(t, { settings: { ...DEFAULT_JOB_SETTINGS, portalUrl: portal } }), 'remind', firingIn(def, 2024, 5, 0));
    const email = to(await sentTo(t), t.unitEmail('QLKH'))[0]!;
    expect(email.body.text).toContain(`${portal}/?period=2024-05`);
    expect(email.body.text).not.toContain('localhost:3000');
    const saved = process.env.PUBLIC_URL;
    process.env.PUBLIC_URL = portal;
    try {
      expect(jobSettingsFromEnv().portalUrl).toBe(portal);
    } finally {
      if (saved === undefined) delete process.env.PUBLIC_URL;
      else process.env.PUBLIC_URL = saved;
    }
  });

  it('reminds each unit that has not submitted (or only drafted) with its tasks and the deadline, and sends Văn phòng who is missing', async () => {
    const t = await agency();
    await submitFor(t, '2024-05', 'QLKH', 'I-2', 40, 16);
    await saveDraft(
      t.c,
      unitP(t.a, 'QLCN'),
      { period: '2024-05', unit: 'QLCN', data: { reporterName: 'Đỗ Thị Lan', otherWork: [], tasks: [taskReport('I-4', 20)] } },
      zonedInstant('2024-05-16', TZ, 15),
    );
    const def = defsOf(t)['remind-monthly']!;
    const first = firingIn(def, 2024, 5, 0);
    const out = await run(t, deps(t), 'remind', first);
    expect(out.result).toMatchObject({ period: '2024-05', deadline: '2024-05-20', summary: 'sent', planFound: true });
    expect((await run(t, deps(t), 'remind', first)).replayed).toBe(true);

    const emails = await sentTo(t);
    expect(emails.map((e) => e.destination.to[0]).sort()).toEqual([t.unitEmail('CCTCDLCL'), t.unitEmail('QLCN'), t.unitEmail('QLKHCNCS'), t.vp].sort());
    const cc = to(emails, t.unitEmail('CCTCDLCL'))[0]!;
    expect(cc.subject).toBe('[Sở KH&CN Bắc Giang] [Nhắc báo cáo] Báo cáo tháng 5 năm 2024 của Chi cục Tiêu chuẩn Đo lường Chất lượng, hạn ngày 20/05/2024');
    expect(cc.body.text).toContain('Kính gửi: Chi cục Tiêu chuẩn Đo lường Chất lượng.');
    expect(cc.body.text).toContain('Hạn gửi báo cáo là hết ngày 20/05/2024 (còn 03 ngày).');
    expect(cc.body.text).toContain(`1. Nhiệm vụ I.1: ${TASK_TEXT['I-1']} (thời hạn: Tháng 11/2024)`);
    expect(cc.body.text).toContain('http://localhost:3000/?period=2024-05');
    expect(to(emails, t.unitEmail('QLCN'))[0]!.body.text).toContain('mới được lưu nháp, chưa được gửi');
    const summary = to(emails, t.vp)[0]!;
    expect(summary.subject).toBe('[Sở KH&CN Bắc Giang] [Theo dõi báo cáo] Tháng 5 năm 2024: 04/05 đơn vị chưa gửi báo cáo');
    expect(summary.body.text).toContain('Trung tâm Ứng dụng khoa học và công nghệ: chưa gửi, 01 nhiệm vụ phải báo cáo; chưa có địa chỉ thư điện tử để nhắc.');
    expect(summary.body.text).toContain('Phòng Quản lý Công nghệ và Thị trường công nghệ: mới lưu nháp, 01 nhiệm vụ phải báo cáo; đã gửi thư nhắc.');

    // The second reminder of the month (the 20th) is a different run: it reminds again.
    await submitFor(t, '2024-05', 'CCTCDLCL', 'I-1', 30, 19);
    await run(t, deps(t), 'remind', firingIn(def, 2024, 5, 1));
    const after = await sentTo(t);
    expect(to(after, t.unitEmail('CCTCDLCL'))).toHaveLength(1);
    expect(to(after, t.unitEmail('QLKHCNCS'))).toHaveLength(2);
    expect(to(after, t.unitEmail('QLKHCNCS'))[1]!.body.text).toContain('Hôm nay (20/05/2024) là ngày cuối của hạn gửi báo cáo.');
  });

  it('does not remind for a period that is already issued', async () => {
    const t = await agency();
    await t.c.submissions.setLock({ agencyId: t.a, period: '2024-05', locked: true, at: '2024-05-21T03:00:00Z', by: 'test' });
    const out = await run(t, deps(t), 'remind', new Date('2024-05-20T01:00:00Z'));
    expect(out.result).toMatchObject({ skipped: 'locked' });
    expect(await sentTo(t)).toHaveLength(0);
  });
});

describe('periods with no plan or no submissions', () => {
  it('no plan: the compile still gives four files and says so; the delivery and the reminder summary go out', async () => {
    const t = await agency({ plan: false, autoIssue: true });
    const compiled = await run(t, deps(t), 'compile', new Date('2024-05-21T01:00:00Z'));
    expect(compiled.result).toMatchObject({ created: true, version: 1 });
    const files = compiled.result.files as { audience: string; format: string; key: string }[];
    expect(files.map((f) => `${f.audience}.${f.format}`).sort()).toEqual(['director.pdf', 'director.xlsx', 'ubnd.pdf', 'ubnd.xlsx']);
    const text = await pdfText(t, files.find((f) => f.audience === 'ubnd' && f.format === 'pdf')!.key);
    expect(text).toContain('Chưa có kế hoạch thực hiện nhiệm vụ năm 2024 trong hệ thống');

    expect((await run(t, deps(t), 'deliver', new Date('2024-05-21T03:00:00Z'))).result).toMatchObject({ status: 'sent', version: 1, compiled: false });
    const remind = await run(t, deps(t), 'remind', new Date('2024-06-17T01:00:00Z'));
    expect(remind.result).toMatchObject({ period: '2024-06', planFound: false, reminded: [], summary: 'sent' });
    const summary = to(await sentTo(t), t.vp)[0]!;
    expect(summary.body.text).toContain('Chưa có kế hoạch năm 2024 trong hệ thống');
  });

  it('no submissions: the report says no unit has reported; a quarter with none compiles too', async () => {
    const t = await agency();
    const r = await run(t, deps(t), 'compile', new Date('2024-05-21T01:00:00Z'));
    const files = r.result.files as { audience: string; format: string; key: string }[];
    const text = await pdfText(t, files.find((f) => f.audience === 'ubnd' && f.format === 'pdf')!.key);
    expect(text).toContain('Chưa có phòng, đơn vị nào gửi báo cáo trong kỳ');
    const q = await run(t, deps(t), 'compile', new Date('2024-06-22T01:00:00Z'), { kind: 'quarterly' });
    expect(q.result).toMatchObject({ period: '2024-Q2', created: true });
    // No UBND address configured: nothing to deliver, and the period is not marked issued.
    const silent = await agency({ ubnd: false, autoIssue: true });
    expect((await run(silent, deps(silent), 'deliver', new Date('2024-05-21T03:00:00Z'))).result).toMatchObject({ status: 'no-recipients' });
    expect(await silent.c.submissions.getLock(silent.a, '2024-05')).toBeUndefined();
  });
});

describe('a whole year of schedules, run in order and then all fired again', () => {
  it('2024: one version and one delivery per period, every month issued, reminders only to who is missing; a second pass changes nothing', async () => {
    // The agency lets the delivery issue its reports (autoIssue): no person in the loop for a year.
    const t = await agency({ autoIssue: true });
    // Units report in some months only: February (everyone who has tasks), May, and November.
    for (const m of ['2024-02', '2024-05', '2024-11']) {
      await submitFor(t, m, 'QLKH', 'I-2', Number(m.slice(5)) * 8, 15);
      await submitFor(t, m, 'CCTCDLCL', 'I-1', Number(m.slice(5)) * 7, 18);
    }
    // The leaders' digest (weekdays, test/integration/leader-digest.test.ts) is not part of this walk: it neither
    // compiles, reminds nor delivers, and this agency has no leader who opted in.
    const firings = scheduleDefinitions(t.profile)
      .filter((def) => def.job !== 'digest')
      .flatMap((def) => firingsBetween(def, zonedInstant('2024-01-01', TZ), zonedInstant('2025-01-01', TZ)).map((at) => ({ def, at })))
      .sort((x, y) => x.at.getTime() - y.at.getTime() || x.def.name.localeCompare(y.def.name));
    // Reminders 24, compiles 20, deliveries on their day and 5 retry days (the annual one 24–28 December).
    expect(firings).toHaveLength(24 + 20 + 6 * 19 + 5);

    const d = deps(t, { clock: () => new Date() });
    const pass = async () => {
      const out = [];
      for (const f of firings)
        out.push({
          f,
          r: await runJob(
            { ...d, clock: () => new Date(f.at.getTime() + 60_000) },
            { agencyId: t.a, job: f.def.job, kind: f.def.kind, scheduledTime: f.at, source: 'schedule' },
          ),
        });
      return out;
    };
    const first = await pass();
    expect(first.every((x) => !x.r.replayed)).toBe(true);

    const compiles = first.filter((x) => x.f.def.job === 'compile');
    expect(compiles.map((x) => x.r.result.period)).toEqual([
      '2024-01',
      '2024-02',
      '2024-03',
      '2024-Q1',
      '2024-04',
      '2024-05',
      '2024-06',
      '2024-Q2',
      '2024-H1',
      '2024-07',
      '2024-08',
      '2024-09',
      '2024-Q3',
      '2024-9M',
      '2024-10',
      '2024-11',
      '2024-12',
      '2024-Q4',
      '2024-H2',
      '2024',
    ]);
    for (const x of compiles) expect(x.r.result).toMatchObject({ version: 1, created: true });
    for (const period of compiles.map((x) => x.r.result.period as string)) expect(await t.c.reports.listVersions(t.a, period)).toHaveLength(1);
    const delivered = first.filter((x) => x.f.def.job === 'deliver');
    // Sent on the first day of each period's delivery, found already sent on the retry days.
    const sentPeriods = delivered.filter((x) => x.r.result.status === 'sent').map((x) => x.r.result.period as string);
    expect(sentPeriods.sort()).toEqual(compiles.map((x) => x.r.result.period as string).sort());
    expect(delivered.filter((x) => x.r.result.status !== 'sent').every((x) => x.r.result.status === 'already-delivered')).toBe(true);
    expect(delivered.filter((x) => x.r.result.status === 'sent').every((x) => x.r.result.autoIssued === true)).toBe(true);
    for (let m = 1; m <= 12; m++) expect(await t.c.submissions.getLock(t.a, `2024-${String(m).padStart(2, '0')}`)).toMatchObject({ locked: true });

    let emails = await sentTo(t);
    const ubnd = to(emails, t.ubnd);
    expect(ubnd).toHaveLength(20);
    expect(ubnd.map((e) => e.subject.replace(/^.* về kết quả thực hiện nhiệm vụ /u, ''))).toContain('quý IV năm 2024');
    // Every document has its own number in the register, in the order issued.
    expect(ubnd.map((e) => /Báo cáo số (\d+)\/BC-SKHCN/u.exec(e.subject)?.[1])).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(to(emails, t.vp)).toHaveLength(24);
    // QLKH reported in Feb, May and Nov only: reminded twice in each of the other nine months.
    expect(to(emails, t.unitEmail('QLKH'))).toHaveLength(18);
    expect(to(emails, t.unitEmail('QLKH')).some((e) => e.subject.includes('tháng 5 năm 2024'))).toBe(false);
    // QLKHCNCS's task ends in June: reminded every month until then, then carried over while unfinished.
    expect(to(emails, t.unitEmail('QLKHCNCS')).length).toBeGreaterThanOrEqual(12);

    const second = await pass();
    expect(second.every((x) => x.r.replayed)).toBe(true);
    for (const [i, x] of second.entries()) expect(x.r.result).toEqual(first[i]!.r.result);
    emails = await sentTo(t);
    expect(to(emails, t.ubnd)).toHaveLength(20);
    expect(to(emails, t.vp)).toHaveLength(24);
  });
});

describe('entry points: the Lambda handlers and the CLI', () => {
  it('the scheduler’s event runs the job for the agency it names, not the deployment’s; a re-fired event replays; a bad event is refused', async () => {
    const t = await agency();
    const saved = process.env.AGENCY_ID;
    // The deployment's own setting names another agency: the event's agency decides.
    process.env.AGENCY_ID = 'skhcn-bacgiang';
    resetContainer();
    try {
      const event = { job: 'compile', kind: 'monthly', agencyId: t.a, scheduledTime: '2024-05-21T01:00:00Z' };
      // What Lambda passes besides the event (the observability middleware reads it).
      const ctx = {
        functionName: 'compile',
        functionVersion: '$LATEST',
        awsRequestId: 'test',
        invokedFunctionArn: 'arn:aws:lambda:local:0:function:compile',
        memoryLimitInMB: '1024',
        logGroupName: 'g',
        logStreamName: 's',
        callbackWaitsForEmptyEventLoop: false,
        getRemainingTimeInMillis: () => 60_000,
        done: () => undefined,
        fail: () => undefined,
        succeed: () => undefined,
      };
      const first = await compileHandler(event, ctx);
      expect(first).toMatchObject({ run: 'compile-monthly@2024-05-21T01:00:00.000Z', period: '2024-05', replayed: false, result: { version: 1 } });
      expect(await compileHandler(event, ctx)).toMatchObject({ replayed: true, result: { version: 1 } });
      expect((await t.c.reports.latest(t.a, '2024-05'))?.version).toBe(1);
      await expect(compileHandler({ job: 'compile', scheduledTime: 'yesterday' }, ctx)).rejects.toMatchObject({ name: 'InvalidJobEventError' });
      await expect(remindHandler(event, ctx)).rejects.toMatchObject({ name: 'InvalidJobEventError' });
      await expect(remindHandler({ job: 'remind', kind: 'quarterly', agencyId: t.a, scheduledTime: '2024-05-17T01:00:00Z' }, ctx)).rejects.toMatchObject({
        code: 'remind_monthly_only',
      });
    } finally {
      process.env.AGENCY_ID = saved;
      resetContainer();
    }
  });

  it('`npm run cli -- run-job deliver --scheduled-time …` has the same guarantees, and says in its exit code that nothing was sent', async () => {
    const t = await agency();
    await run(t, deps(t), 'compile', new Date('2024-05-21T01:00:00Z'));
    const env = { ...process.env, ...localEnv(), AGENCY_ID: t.a, MAIL_BACKOFF_MS: '10', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
    // Asynchronous on purpose: a blocked event loop would miss the emulators closing idle connections.
    const command = (...args: string[]) =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'functions/cli/main.ts', '--agency', t.a, ...args], {
          cwd: new URL('../..', import.meta.url).pathname,
          env,
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
        child.on('error', reject);
        child.on('close', (status) => resolve({ status, stdout, stderr }));
      });
    const cli = (...args: string[]) => command('run-job', ...args);
    // Not issued yet: nothing goes to UBND tỉnh, Văn phòng is told, and the exit code says so.
    const waiting = await cli('deliver', '--period', '2024-05', '--scheduled-time', '2024-05-21T09:00:00+07:00');
    expect(waiting.status, waiting.stderr).toBe(3);
    expect(waiting.stdout).toContain('chưa phát hành: không gửi gì cho UBND tỉnh');
    expect(waiting.stdout).toContain('npm run cli -- issue --period 2024-05');
    const issued = await command('issue', '--period', '2024-05', '--number', '7', '--date', '2024-05-21');
    expect(issued.status, issued.stderr).toBe(0);
    expect(issued.stdout).toContain('Đã phát hành Báo cáo số 07/BC-SKHCN ngày 21/05/2024 (kỳ 2024-05, phiên bản 1).');
    const twice = await command('issue', '--period', '2024-05');
    expect(twice.status).toBe(1);
    expect(twice.stderr).toContain('đã phát hành số 07/BC-SKHCN');
    const first = await cli('deliver', '--period', '2024-05', '--scheduled-time', '2024-05-21T10:00:00+07:00');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('Đã chạy deliver-monthly@2024-05-21T03:00:00.000Z (kỳ 2024-05):');
    expect(first.stdout).toContain('Báo cáo số 07/BC-SKHCN (phiên bản 1): sent');
    const again = await cli('deliver', '--period', '2024-05', '--scheduled-time', '2024-05-21T03:00:00Z');
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('đã hoàn tất trước đó');
    expect(to(await sentTo(t), t.ubnd)).toHaveLength(1);
    const wrong = await cli('remind', '--kind', 'quarterly');
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('Nhắc báo cáo chỉ áp dụng cho báo cáo tháng');
    const noZone = await cli('compile', '--scheduled-time', '2024-05-21T08:00');
    expect(noZone.status).toBe(1);
    expect(noZone.stderr).toContain('có múi giờ');
  });
});
