/**
 * The leaders' morning digest against the local stack (DynamoDB Local, the SES emulator) (issue 15,
 * item 4): a leader who opted in gets one email with the proposal that came in since the previous
 * working day and the task that has just become overdue; a leader who did not gets none; a second
 * run the same day sends nothing; a day with nothing new sends nothing; and when SES cannot be
 * reached (a client pointed at a closed port: the emulator is not there) the run fails, nothing is
 * marked sent, and the run's retry sends it. Own agency; July 2024 (Monday 1 July, the previous
 * working day Friday 28 June).
 * flow: vitest --> run-job digest --> dashboard models + leader digest + send once --> SES emulator
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { beforeAll, describe, expect, it } from 'vitest';
import { SesMailer } from '../../functions/adapters/ses-mailer.ts';
import type { Principal } from '../../functions/core/auth.ts';
import { zonedInstant } from '../../functions/core/clock.ts';
import { noRenderers } from '../../functions/jobs/job-deps.ts';
import { setAgency } from '../../functions/usecases/agency-service.ts';
import { runJob, type JobDeps } from '../../functions/usecases/run-job.ts';
import { DEFAULT_JOB_SETTINGS } from '../../functions/usecases/send-once.ts';
import { submit } from '../../functions/usecases/submissions.ts';
import { demoProfile } from '../support/demo-profile.ts';
import { emailsTo } from '../support/inbox.ts';
import { testContainer } from '../support/local.ts';
import { smallPlan, taskReport } from '../support/small-plan.ts';

const a = `t-digest-${randomUUID().slice(0, 8)}`;
const c = testContainer(a);
const TZ = 'Asia/Ho_Chi_Minh';
const gd = `giamdoc.${a}@example.test`;
const pgd = `phogiamdoc.${a}@example.test`;
const PORTAL = 'https://baocao.example.test';
const at = (date: string, hour: number, minute = 0) => zonedInstant(date, TZ, hour, minute);

function deps(o: Partial<JobDeps> = {}): JobDeps {
  return {
    agencies: c.agencies,
    plans: c.plans,
    submissions: c.submissions,
    reports: c.reports,
    archive: c.archive,
    renderers: noRenderers('digest'),
    jobs: c.jobs,
    users: c.users,
    mailer: c.mailer,
    clock: () => new Date(),
    sleep: async () => undefined,
    settings: { ...DEFAULT_JOB_SETTINGS, portalUrl: PORTAL },
    ...o,
  };
}

const digest = (scheduledTime: Date, o: Partial<JobDeps> = {}) => runJob(deps(o), { agencyId: a, job: 'digest', scheduledTime, source: 'test' });
const unitP = (code: string): Principal => ({ sub: `u-${code}`, role: 'unit', unit: code, agencyId: a });

async function leader(email: string, name: string, optedIn: boolean) {
  const now = new Date().toISOString();
  await c.users.create(
    {
      email,
      agencyId: a,
      sub: `sub-${email}`,
      role: 'lanh-dao',
      name,
      status: 'active',
      invitedAt: now,
      invitedBy: 'test',
      updatedAt: now,
      version: 1,
      ...(optedIn ? { digest: true } : {}),
    },
    { agencyId: a, at: now, actor: 'test', action: 'user-invited', target: email },
  );
}

/** A port nothing listens on: SES "stopped". */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

beforeAll(async () => {
  await setAgency(c.agencies, { ...demoProfile(), agencyId: a });
  await c.plans.putPlan(smallPlan(a), { hash: `p-${a}`, importedAt: '2024-01-05T00:00:00Z', importedBy: 'test', source: 'test' });
  await leader(gd, 'Nguyễn Văn Giám Đốc', true);
  await leader(pgd, 'Trần Thị Phó Giám Đốc', false);
  // I-3 (QLKHCNCS) ends in June: reported under way in mid-June, overdue from 1 July.
  await submit(
    c,
    unitP('QLKHCNCS'),
    { period: '2024-06', unit: 'QLKHCNCS', baseRevision: 0, data: { reporterName: 'Lê Văn Báo', otherWork: [], tasks: [taskReport('I-3', 50)] } },
    at('2024-06-14', 9),
  );
  // QLKH's June report, sent Friday 28 June after that morning's digest, asks the leaders to decide.
  await submit(
    c,
    unitP('QLKH'),
    {
      period: '2024-06',
      unit: 'QLKH',
      baseRevision: 0,
      data: {
        reporterName: 'Trần Văn Nam',
        otherWork: [],
        tasks: [{ ...taskReport('I-2', 60), proposals: 'Đề nghị Lãnh đạo Sở cho ý kiến về kinh phí hội đồng nghiệm thu.', needsDecision: true }],
      },
    },
    at('2024-06-28', 10),
  );
});

describe('the morning digest', () => {
  it('sends the opted-in leader one email with the new proposal and the task just overdue; nobody else gets one', async () => {
    const before = { gd: (await emailsTo(gd)).length, pgd: (await emailsTo(pgd)).length };
    const r = await digest(at('2024-07-01', 7, 30));
    expect(r.result).toMatchObject({ day: '2024-07-01', recipients: 1, proposals: 1, overdue: 1 });
    await expect.poll(async () => (await emailsTo(gd)).length).toBe(before.gd + 1);
    const mail = (await emailsTo(gd)).at(-1)!;
    expect(mail.subject).toContain('Tóm tắt buổi sáng: 1 đề xuất mới, 1 nhiệm vụ vừa quá hạn');
    expect(mail.body.text).toContain('Kính gửi: Nguyễn Văn Giám Đốc.');
    expect(mail.body.text).toContain('Đề nghị Lãnh đạo Sở cho ý kiến về kinh phí hội đồng nghiệm thu.');
    expect(mail.body.text).toContain(`${PORTAL}/report?period=2024-06&unit=QLKH`);
    expect(mail.body.text).toMatch(/Nhiệm vụ 3\. .* hạn 30\/06\/2024/u);
    expect(mail.body.text).toContain(`${PORTAL}/dashboard/task?period=2024-07&id=I-3`);
    expect((await emailsTo(pgd)).length).toBe(before.pgd);
  });

  it('sends nothing on a second run the same day', async () => {
    const before = (await emailsTo(gd)).length;
    const r = await digest(at('2024-07-01', 9, 15));
    expect(r.replayed).toBe(false);
    expect(r.result.sent).toEqual([{ email: gd, status: 'already-sent' }]);
    expect((await emailsTo(gd)).length).toBe(before);
  });

  it('sends nothing on a day with nothing new', async () => {
    const before = (await emailsTo(gd)).length;
    const r = await digest(at('2024-07-02', 7, 30));
    expect(r.result).toMatchObject({ nothing: true, proposals: 0, overdue: 0, sent: [] });
    expect((await emailsTo(gd)).length).toBe(before);
  });

  it('fails the run when SES cannot be reached, marks nothing sent, and sends it on the retry', async () => {
    // A new proposal on Tuesday 2 July, after that morning's digest.
    await submit(
      c,
      unitP('QLKH'),
      {
        period: '2024-07',
        unit: 'QLKH',
        baseRevision: 0,
        data: {
          reporterName: 'Trần Văn Nam',
          otherWork: [],
          tasks: [{ ...taskReport('I-2', 65), proposals: 'Xin ý kiến về lịch nghiệm thu.', needsDecision: true }],
        },
      },
      at('2024-07-02', 14),
    );
    const before = (await emailsTo(gd)).length;
    const down = new SesMailer(
      new SESv2Client({
        region: 'ap-southeast-1',
        endpoint: `http://127.0.0.1:${await closedPort()}`,
        credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
        maxAttempts: 1,
      }),
    );
    const when = at('2024-07-03', 7, 30);
    await expect(digest(when, { mailer: down, settings: { ...DEFAULT_JOB_SETTINGS, portalUrl: PORTAL, sendAttempts: 2 } })).rejects.toThrow(
      /chưa gửi được tới/u,
    );
    expect((await emailsTo(gd)).length).toBe(before);
    const log = (await c.jobs.listDeliveries(a, '2024-07')).filter((d) => d.purpose.startsWith('digest:2024-07-03:'));
    expect(log.map((d) => [d.status, d.attempts.length])).toEqual([['failed', 2]]);

    // The scheduler's retry of the same run (its next attempt), SES back: the email goes out once.
    const retry = await digest(when);
    expect(retry.result).toMatchObject({ proposals: 1, overdue: 0 });
    await expect.poll(async () => (await emailsTo(gd)).length).toBe(before + 1);
    expect((await emailsTo(gd)).at(-1)!.body.text).toContain('Xin ý kiến về lịch nghiệm thu.');
    expect((await c.jobs.listDeliveries(a, '2024-07')).find((d) => d.purpose.startsWith('digest:2024-07-03:'))?.status).toBe('sent');
    // And a later run that day sends nothing more.
    expect((await digest(at('2024-07-03', 11))).result.sent).toEqual([{ email: gd, status: 'already-sent' }]);
    expect((await emailsTo(gd)).length).toBe(before + 1);
  });
});
