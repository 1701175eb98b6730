import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { container, resetContainer } from '../../functions/adapters/container.ts';
import { mintToken } from '../../functions/adapters/auth/local-issuer.ts';
import { setAgency } from '../../functions/usecases/agency-service.ts';
import { compileReports } from '../../functions/usecases/compile-reports.ts';
import type { FileArchive, ReportStore } from '../../functions/usecases/ports.ts';
import { sesInbox, startDynamoDb, startS3, startSes } from '../../infra/local/emulators.ts';
import type { Child } from '../../infra/local/processes.ts';
import { LOCAL_BUCKET, startLocalStack, type LocalStack } from '../../infra/local/stack.ts';
import { demoProfile } from '../support/demo-profile.ts';

// This file runs its own local stack (data on disk in a temp folder) so it can stop and restart
// DynamoDB Local and s3rver without disturbing the shared one the other files use.
let stack: LocalStack;
let dataDir: string;
const restarted: Child[] = [];
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
          id: 'I-1', number: '1', group: { numeral: 'I', title: 'NHIỆM VỤ TRỌNG TÂM' }, category: 'trong-tam-ubnd',
          content: 'Đẩy mạnh việc ứng dụng, nhân rộng kết quả các nhiệm vụ khoa học và công nghệ', leadUnit: 'QLKH', coordinatingUnits: [],
          start: { kind: 'month', year: 2024, month: 1 }, finish: { kind: 'month', year: 2024, month: 12 }, milestones: [], order: 1,
        },
      ],
    },
    { hash: 'faults', importedAt: 'x', importedBy: 'test', source: 'test' },
  );
  token = await mintToken({ file: stack.env.AUTH_JWKS_FILE!, issuer: stack.env.AUTH_ISSUER!, clientId: stack.env.AUTH_CLIENT_ID!, role: 'unit', unit: 'QLKH' });
});

afterAll(async () => {
  await Promise.all(restarted.map((c) => c.stop()));
  await stack?.stop();
});

const submission = { period: '2024-06', baseRevision: 0, data: { reporterName: 'Nguyễn Thị Nga', otherWork: [], tasks: [{ taskId: 'I-1', status: 'dang-thuc-hien', progress: 40, result: 'Đã tổ chức 02 hội đồng.', difficulties: '', proposals: '', needsDecision: false, nextPlan: '' }] } };

describe('the SES emulator', () => {
  it("keeps its inbox in DATA_DIR: what was sent is still on its page after a restart", async () => {
    const c = container();
    const subject = `Nhắc nộp báo cáo tháng 6/2024 — ${randomUUID().slice(0, 8)}`;
    await c.mailer.send({ from: 'baocao@skhcn.example', to: ['qlkh@skhcn.example'], subject, text: 'Kính gửi Phòng QLKH.', html: '<p>Kính gửi Phòng QLKH.</p>' });
    const inbox = async () => ((await (await fetch(`${stack.emulators.endpoints.ses}/store`)).json()) as { emails: { subject: string }[] }).emails.map((e) => e.subject);
    expect(await inbox()).toContain(subject);
    await stack.emulators.children.ses.stop();
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
    const dying: FileArchive = {
      ...c.archive,
      put: async (...args: Parameters<FileArchive['put']>) => {
        if (++puts === 3) await stack.emulators.children.s3.stop();
        return c.archive.put(...args);
      },
      get: c.archive.get.bind(c.archive),
      list: c.archive.list.bind(c.archive),
      presignGet: c.archive.presignGet.bind(c.archive),
      exists: c.archive.exists.bind(c.archive),
    };
    await expect(compileReports({ ...c, archive: dying }, { agencyId: c.config.agencyId, period: '2024-06', trigger: 'test', now: new Date('2024-06-21T01:00:00Z') })).rejects.toThrow();
    expect(await c.reports.latest(c.config.agencyId, '2024-06')).toBeUndefined();
    expect(await c.reports.listVersions(c.config.agencyId, '2024-06')).toEqual([]);
    restarted.push(await startS3({ directory: path.join(dataDir, 's3'), port: stack.emulators.ports.s3, bucket: LOCAL_BUCKET }));
    const ok = await compileReports(c, { agencyId: c.config.agencyId, period: '2024-06', trigger: 'test', now: new Date('2024-06-21T01:00:00Z') });
    expect(ok.created).toBe(true);
    expect(ok.version.version).toBe(1);
    for (const f of ok.version.files) expect((await c.archive.get(f.key))!.body.byteLength).toBe(f.size);
  });

  it('keeps a crash between the files and their metadata invisible, and the retry publishes once', async () => {
    const c = container();
    await post('/api/submissions', { ...submission, period: '2024-07' });
    const crashing: ReportStore = { ...c.reports, latest: c.reports.latest.bind(c.reports), listVersions: c.reports.listVersions.bind(c.reports), listRecent: c.reports.listRecent.bind(c.reports), publish: async () => { throw new Error('Lambda timed out'); } };
    await expect(compileReports({ ...c, reports: crashing }, { agencyId: c.config.agencyId, period: '2024-07', trigger: 'test', now: new Date('2024-07-21T01:00:00Z') })).rejects.toThrow('Lambda timed out');
    expect(await c.reports.listVersions(c.config.agencyId, '2024-07')).toEqual([]);
    const ok = await compileReports(c, { agencyId: c.config.agencyId, period: '2024-07', trigger: 'test', now: new Date('2024-07-21T01:00:00Z') });
    const again = await compileReports(c, { agencyId: c.config.agencyId, period: '2024-07', trigger: 'test', now: new Date('2024-07-22T01:00:00Z') });
    expect([ok.created, again.created, again.version.version]).toEqual([true, false, 1]);
    expect(await c.reports.listVersions(c.config.agencyId, '2024-07')).toHaveLength(1);
  });
});
