import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { container, resetContainer } from '../../functions/adapters/container.ts';
import { mintToken } from '../../functions/adapters/auth/local-issuer.ts';
import { setAgency } from '../../functions/usecases/agency-service.ts';
import { jobDeps } from '../../functions/jobs/job-deps.ts';
import { compileReports } from '../../functions/usecases/compile-reports.ts';
import { issueReport } from '../../functions/usecases/issue-report.ts';
import { runJob } from '../../functions/usecases/run-job.ts';
import { issuanceNumber as issuanceNumberOf, type FileArchive, type ReportStore } from '../../functions/usecases/ports.ts';
import { sesInbox, startDynamoDb, startS3, startSes } from '../../infra/local/emulators.ts';
import type { Child } from '../../infra/local/processes.ts';
import { LOCAL_BUCKET, startLocalStack, type LocalStack } from '../../infra/local/stack.ts';
import { reportRenderers as renderers } from '../../functions/adapters/renderers.ts';
import { demoProfile } from '../support/demo-profile.ts';
import { override } from '../support/override.ts';

const ROOT = path.resolve(new URL('../..', import.meta.url).pathname);

// This file runs its own local stack (data on disk in a temp folder) so it can stop and restart
// DynamoDB Local and s3rver without disturbing the shared one the other files use.
let stack: LocalStack;
let dataDir: string;
const restarted: Child[] = [];
/** The SES emulator running now: the stack's, or the one a test restarted in its place. */
const sesNow = (): Child => restarted.findLast((c) => c.name === 'ses') ?? stack.emulators.children.ses;
let token: string;

async function post(pathName: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${stack.server.url}${pathName}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any, headers: res.headers };
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'baocao-faults-'));
  process.env.AGENCY_ID = `faults-${randomUUID().slice(0, 6)}`;
  stack = await startLocalStack({ dataDir, keysDir: dataDir, port: 0 });
  resetContainer();
  const c = container();
  const demo = demoProfile();
  await setAgency(c.agencies, { ...demo, agencyId: c.config.agencyId });
  await c.plans.putPlan(
    {
      agencyId: c.config.agencyId,
      year: 2024,
      tasks: [
        {
          id: 'I-1',
          number: '1',
          group: { numeral: 'I', title: 'NHIỆM VỤ TRỌNG TÂM' },
          category: 'trong-tam-ubnd',
          content: 'Đẩy mạnh việc ứng dụng, nhân rộng kết quả các nhiệm vụ khoa học và công nghệ',
          leadUnit: 'QLKH',
          coordinatingUnits: [],
          start: { kind: 'month', year: 2024, month: 1 },
          finish: { kind: 'month', year: 2024, month: 12 },
          milestones: [],
          order: 1,
        },
      ],
    },
    { hash: 'faults', importedAt: 'x', importedBy: 'test', source: 'test' },
  );
  token = await mintToken({
    file: stack.env.AUTH_JWKS_FILE!,
    issuer: stack.env.AUTH_ISSUER!,
    clientId: stack.env.AUTH_CLIENT_ID!,
    agencyId: stack.env.AGENCY_ID!,
    role: 'unit',
    unit: 'QLKH',
  });
});

afterAll(async () => {
  await Promise.all(restarted.map((c) => c.stop()));
  await stack?.stop();
});

const submission = {
  period: '2024-06',
  baseRevision: 0,
  data: {
    reporterName: 'Nguyễn Thị Nga',
    otherWork: [],
    tasks: [
      {
        taskId: 'I-1',
        status: 'dang-thuc-hien',
        progress: 40,
        result: 'Đã tổ chức 02 hội đồng.',
        difficulties: '',
        proposals: '',
        needsDecision: false,
        nextPlan: '',
      },
    ],
  },
};

describe('the SES emulator', () => {
  it('keeps its inbox in DATA_DIR: what was sent is still on its page after a restart', async () => {
    const c = container();
    const subject = `Nhắc nộp báo cáo tháng 6/2024 — ${randomUUID().slice(0, 8)}`;
    await c.mailer.send({
      from: 'baocao@skhcn.example',
      to: ['qlkh@skhcn.example'],
      subject,
      text: 'Kính gửi Phòng QLKH.',
      html: '<p>Kính gửi Phòng QLKH.</p>',
    });
    const inbox = async () =>
      ((await (await fetch(`${stack.emulators.endpoints.ses}/store`)).json()) as { emails: { subject: string }[] }).emails.map((e) => e.subject);
    expect(await inbox()).toContain(subject);
    await sesNow().stop();
    restarted.push(await startSes({ port: stack.emulators.ports.ses, inbox: sesInbox(dataDir) }));
    expect(await inbox()).toContain(subject);
    expect(readFileSync(sesInbox(dataDir), 'utf8')).toContain(subject);
  });
});

describe('faults in the storage backends', () => {
  it('answers 503 while DynamoDB is down, and a retry afterwards stores exactly one revision', async () => {
    await stack.emulators.children.dynamodb.stop();
    const key = randomUUID();
    const down = await post('/api/submissions', submission, { 'idempotency-key': key });
    expect(down.status).toBe(503);
    expect(down.body.error.code).toBe('unavailable');
    expect(down.body.error.message).toMatch(/thử lại/);
    expect(down.headers.get('retry-after')).toBeTruthy();
    restarted.push(await startDynamoDb({ dataDir: path.join(dataDir, 'dynamodb'), port: stack.emulators.ports.dynamodb }));
    const first = await post('/api/submissions', submission, { 'idempotency-key': key });
    const retry = await post('/api/submissions', submission, { 'idempotency-key': key });
    expect([first.status, retry.status]).toEqual([201, 200]);
    const c = container();
    expect(await c.submissions.listRevisions(c.config.agencyId, '2024-06', 'QLKH')).toHaveLength(1);
  });

  it('leaves no version visible when s3rver dies in the middle of a compile, and a retry gives one complete version', async () => {
    const c = container();
    let puts = 0;
    // s3rver is stopped for real after the second file: the third put hits a closed port.
    const dying = override<FileArchive>(c.archive, {
      put: async (...args: Parameters<FileArchive['put']>) => {
        if (++puts === 3) await stack.emulators.children.s3.stop();
        return c.archive.put(...args);
      },
    });
    await expect(
      compileReports(
        { ...c, renderers, archive: dying },
        { agencyId: c.config.agencyId, period: '2024-06', trigger: 'test', now: new Date('2024-06-21T01:00:00Z') },
      ),
    ).rejects.toThrow();
    expect(await c.reports.latest(c.config.agencyId, '2024-06')).toBeUndefined();
    expect(await c.reports.listVersions(c.config.agencyId, '2024-06')).toEqual([]);
    restarted.push(await startS3({ directory: path.join(dataDir, 's3'), port: stack.emulators.ports.s3, bucket: LOCAL_BUCKET }));
    const ok = await compileReports(
      { ...c, renderers },
      { agencyId: c.config.agencyId, period: '2024-06', trigger: 'test', now: new Date('2024-06-21T01:00:00Z') },
    );
    expect(ok.created).toBe(true);
    expect(ok.version.version).toBe(1);
    for (const f of ok.version.files) expect((await c.archive.get(f.key))!.body.byteLength).toBe(f.size);
  });

  it('keeps a crash between the files and their metadata invisible, and the retry publishes once', async () => {
    const c = container();
    await post('/api/submissions', { ...submission, period: '2024-07' });
    const crashing = override<ReportStore>(c.reports, {
      publish: async () => {
        throw new Error('Lambda timed out');
      },
    });
    await expect(
      compileReports(
        { ...c, renderers, reports: crashing },
        { agencyId: c.config.agencyId, period: '2024-07', trigger: 'test', now: new Date('2024-07-21T01:00:00Z') },
      ),
    ).rejects.toThrow('Lambda timed out');
    expect(await c.reports.listVersions(c.config.agencyId, '2024-07')).toEqual([]);
    const ok = await compileReports(
      { ...c, renderers },
      { agencyId: c.config.agencyId, period: '2024-07', trigger: 'test', now: new Date('2024-07-21T01:00:00Z') },
    );
    const again = await compileReports(
      { ...c, renderers },
      { agencyId: c.config.agencyId, period: '2024-07', trigger: 'test', now: new Date('2024-07-22T01:00:00Z') },
    );
    expect([ok.created, again.created, again.version.version]).toEqual([true, false, 1]);
    expect(await c.reports.listVersions(c.config.agencyId, '2024-07')).toHaveLength(1);
  });
});

describe('a full SES outage during the delivery to UBND tỉnh', () => {
  it('with the SES emulator stopped nothing is lost: the run fails and stays retryable, the CLI exits non-zero, and once SES is back the same run delivers exactly once', async () => {
    const c = container();
    const a = c.config.agencyId;
    await post('/api/submissions', { ...submission, period: '2024-09' });
    await compileReports({ ...c, renderers }, { agencyId: a, period: '2024-09', trigger: 'test', now: new Date('2024-09-21T01:00:00Z') });
    const issued = await issueReport(
      { ...c, renderers },
      { agencyId: a, period: '2024-09', audience: 'ubnd', by: 'u-vp', now: new Date('2024-09-21T02:00:00Z'), timeZone: 'Asia/Ho_Chi_Minh' },
    );
    const scheduledTime = new Date('2024-09-21T03:00:00Z');
    const deps = { ...jobDeps(c, renderers), sleep: async () => undefined, settings: { ...jobDeps(c, renderers).settings, sendAttempts: 2, backoffMs: 1 } };
    const deliver = () => runJob(deps, { agencyId: a, job: 'deliver', scheduledTime, source: 'schedule' });

    // The emulator process itself goes away: every recipient fails, the notice to Văn phòng too.
    await sesNow().stop();
    await expect(deliver()).rejects.toMatchObject({ name: 'DeliveryFailedError', result: { status: 'failed', notice: 'failed' } });
    expect(await c.jobs.getRun(a, 'deliver-monthly', scheduledTime.toISOString())).toMatchObject({ status: 'failed', attempt: 1 });
    const log = await c.jobs.listDeliveries(a, '2024-09');
    expect(log.map((e) => [e.purpose, e.status])).toEqual([
      ['ubnd-report', 'failed'],
      ['ubnd-failure-notice', 'failed'],
    ]);
    // An operator running the same delivery sees the failure in the exit code and the message.
    const cli = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'functions/cli/main.ts', '--agency', a, 'run-job', 'deliver', '--period', '2024-09', '--scheduled-time', scheduledTime.toISOString()],
      {
        cwd: ROOT,
        env: { ...process.env, ...stack.env, AGENCY_ID: a, MAIL_SEND_ATTEMPTS: '1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
        encoding: 'utf8',
      },
    );
    expect(cli.status, cli.stdout).toBe(1);
    expect(cli.stderr).toContain(`Chưa gửi được Báo cáo số ${String(issued.issuance.number).padStart(2, '0')}/BC-SKHCN tới UBND tỉnh`);

    // SES is back: the scheduler's next retry of the same run delivers it, once, and a re-fire replays.
    restarted.push(await startSes({ port: stack.emulators.ports.ses }));
    const since = Math.floor(Date.now() / 1000) - 5;
    const ok = await deliver();
    expect(ok.result).toMatchObject({ status: 'sent', locked: true });
    expect(ok.run.attempt).toBe(3);
    expect((await deliver()).replayed).toBe(true);
    const store = (await (await fetch(`${stack.env.SES_ENDPOINT}/store?since=${since}`)).json()) as {
      emails: { destination: { to: string[] }; subject: string }[];
    };
    const toUbnd = store.emails.filter((e) => e.destination.to.some((t) => demoProfile().emails.ubnd.includes(t)));
    expect(toUbnd.map((e) => e.subject)).toEqual([
      `[Sở KH&CN Bắc Giang] Báo cáo số 01/BC-SKHCN ngày 21/09/2024 về kết quả thực hiện nhiệm vụ tháng 9 năm 2024`,
    ]);
    expect((await c.jobs.listDeliveries(a, '2024-09')).find((e) => e.purpose === 'ubnd-report')).toMatchObject({ status: 'sent' });
  }, 120_000);
});

describe('an SES outage when Văn phòng sends the report from the portal ("Gửi UBND tỉnh ngay")', () => {
  it('answers 503 in words, marks nothing delivered, and the next click once SES is back sends it once', async () => {
    const c = container();
    const a = c.config.agencyId;
    await post('/api/submissions', { ...submission, period: '2024-10' });
    await compileReports({ ...c, renderers }, { agencyId: a, period: '2024-10', trigger: 'test', now: new Date('2024-10-21T01:00:00Z') });
    const issued = await issueReport(
      { ...c, renderers },
      { agencyId: a, period: '2024-10', audience: 'ubnd', by: 'u-vp', now: new Date('2024-10-21T02:00:00Z'), timeZone: 'Asia/Ho_Chi_Minh' },
    );
    const vp = await mintToken({
      file: stack.env.AUTH_JWKS_FILE!,
      issuer: stack.env.AUTH_ISSUER!,
      clientId: stack.env.AUTH_CLIENT_ID!,
      agencyId: stack.env.AGENCY_ID!,
      role: 'van-phong',
    });
    const deliver = async (query = '') => {
      const res = await fetch(`${stack.server.url}/api/reports/2024-10/deliver${query}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${vp}`, 'content-type': 'application/json' },
        body: '{}',
      });
      return { status: res.status, body: (await res.json()) as any };
    };
    // The server runs in this process: one attempt per email, no backoff, so the outage answers at once.
    const saved = { attempts: process.env.MAIL_SEND_ATTEMPTS, backoff: process.env.MAIL_BACKOFF_MS };
    Object.assign(process.env, { MAIL_SEND_ATTEMPTS: '1', MAIL_BACKOFF_MS: '1' });
    try {
      await sesNow().stop();
      // The preview needs no mail.
      expect((await deliver('?dryRun=true')).status).toBe(200);
      const down = await deliver();
      expect(down.status).toBe(503);
      expect(down.body.error.code).toBe('mail_unavailable');
      expect(down.body.error.message).toContain('Chưa gửi được báo cáo tới UBND tỉnh');
      expect(down.body.error.message).toContain('chưa được đánh dấu là đã gửi');
      // Nothing delivered: the log says failed, the month is not locked by a delivery, the preview shows no earlier delivery.
      const log = await c.jobs.listDeliveries(a, '2024-10');
      expect(log.filter((e) => e.purpose === 'ubnd-report').map((e) => e.status)).toEqual(['failed']);
      expect((await c.submissions.listLockLog(a, '2024-10')).some((l) => (l.reason ?? '').startsWith('Đã gửi'))).toBe(false);
      expect((await deliver('?dryRun=true')).body.delivered).toBeUndefined();

      restarted.push(await startSes({ port: stack.emulators.ports.ses }));
      const since = Math.floor(Date.now() / 1000) - 5;
      const ok = await deliver();
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
      expect(ok.body).toMatchObject({ outcome: 'sent', number: issuanceNumberOf(issued.issuance) });
      expect((await deliver()).body).toMatchObject({ outcome: 'already-delivered', messageId: ok.body.messageId });
      const store = (await (await fetch(`${stack.env.SES_ENDPOINT}/store?since=${since}`)).json()) as {
        emails: { messageId: string; destination: { to: string[] } }[];
      };
      const toUbnd = store.emails.filter((e) => e.destination.to.some((t) => demoProfile().emails.ubnd.includes(t)));
      expect(toUbnd.map((e) => e.messageId)).toEqual([ok.body.messageId]);
    } finally {
      for (const [k, v] of [
        ['MAIL_SEND_ATTEMPTS', saved.attempts],
        ['MAIL_BACKOFF_MS', saved.backoff],
      ] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  }, 120_000);
});
