/**
 * The contract every implementation of a storage port keeps — the DynamoDB, S3 and SES adapters
 * against the emulators (integration project), the in-memory twins in the unit project — so the
 * two cannot drift: a use-case test on the memory stores means what it would on the real ones.
 * flow: contract tests --> ports <-- adapters (dynamo, s3, ses, memory)
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AgencyProfile } from '../../functions/core/agency.ts';
import type { Plan } from '../../functions/core/plan.ts';
import type { Revision, SubmissionData, SubmissionHead } from '../../functions/core/submission.ts';
import type {
  AgencyStore,
  FileArchive,
  Issuance,
  JobStore,
  Mailer,
  PlanStore,
  RegisterEntry,
  ReportStore,
  ReportVersion,
  SubmissionStore,
  SubmitCommand,
} from '../../functions/usecases/ports.ts';
import { demoProfile } from '../support/demo-profile.ts';

/** Each call gives a store and a fresh agency id, so tests never see each other's data. */
export type Make<T> = () => Promise<{ store: T; agencyId: string }> | { store: T; agencyId: string };

const aid = () => `c-${randomUUID().slice(0, 8)}`;
export const freshAgency = aid;

function profile(agencyId: string, effectiveFrom: string): AgencyProfile {
  return { ...(demoProfile() as AgencyProfile), agencyId, effectiveFrom };
}

function plan(agencyId: string, year: number, tasks: number): Plan {
  return {
    agencyId,
    year,
    title: `Kế hoạch năm ${year}`,
    tasks: Array.from({ length: tasks }, (_, i) => ({
      id: `I-${i + 1}`,
      number: String(i + 1),
      group: { numeral: 'I', title: 'NHIỆM VỤ' },
      category: 'ke-hoach' as const,
      content: `Nhiệm vụ ${i + 1}`,
      leadUnit: i % 2 === 0 ? 'QLKH' : 'TTR',
      coordinatingUnits: [],
      milestones: [],
      order: tasks - i,
    })),
  };
}

export function agencyStoreContract(name: string, make: Make<AgencyStore>): void {
  describe(`${name}: AgencyStore`, () => {
    it('stores each profile as a new version, never overwriting, per agency', async () => {
      const { store, agencyId } = await make();
      const v1 = await store.putProfile(profile(agencyId, '2024-01-01'));
      const v2 = await store.putProfile({ ...profile(agencyId, '2025-03-01'), name: 'Sở Khoa học và Công nghệ (mới)' });
      expect([v1.version, v2.version]).toEqual([1, 2]);
      const list = await store.listProfiles(agencyId);
      expect(list.map((p) => [p.version, p.effectiveFrom, p.name]).sort()).toEqual([
        [1, '2024-01-01', 'Sở Khoa học và Công nghệ'],
        [2, '2025-03-01', 'Sở Khoa học và Công nghệ (mới)'],
      ]);
      expect(await store.listProfiles(`${agencyId}-other`)).toEqual([]);
      // Listed once, however many versions; an agency with no profile is not listed.
      const listed = await store.listAgencies();
      expect(listed.filter((a) => a === agencyId)).toEqual([agencyId]);
      expect(listed).not.toContain(`${agencyId}-other`);
      expect(listed).toEqual([...listed].sort());
      // What the caller does with what it read changes nothing stored.
      list[0]!.name = 'sửa ngoài';
      expect((await store.listProfiles(agencyId)).some((p) => p.name === 'sửa ngoài')).toBe(false);
    });
  });
}

export function planStoreContract(name: string, make: Make<PlanStore>): void {
  describe(`${name}: PlanStore`, () => {
    it('switches to a new version at once, writes nothing for the same hash, reads tasks in plan order', async () => {
      const { store, agencyId } = await make();
      const meta = { importedAt: '2024-01-05T00:00:00Z', importedBy: 'test', source: 'ke-hoach.xlsx' };
      const first = await store.putPlan(plan(agencyId, 2024, 5), { hash: 'h1', ...meta });
      expect(first).toMatchObject({ changed: true, meta: { version: 1, hash: 'h1', taskCount: 5, year: 2024, agencyId } });
      expect(await store.putPlan(plan(agencyId, 2024, 5), { hash: 'h1', ...meta })).toMatchObject({ changed: false, meta: { version: 1 } });
      const second = await store.putPlan(plan(agencyId, 2024, 3), { hash: 'h2', ...meta });
      expect(second.meta.version).toBe(2);
      const read = (await store.getPlan(agencyId, 2024))!;
      expect(read.tasks.map((t) => t.id)).toEqual(['I-3', 'I-2', 'I-1']);
      expect(read.title).toBe('Kế hoạch năm 2024');
      expect((await store.tasksByUnit(agencyId, 2024, 'QLKH')).map((t) => t.id).sort()).toEqual(['I-1', 'I-3']);
      expect(await store.getPlanMeta(agencyId, 2024)).toMatchObject({ version: 2, hash: 'h2' });
      await store.putPlan(plan(agencyId, 2025, 1), { hash: 'h3', ...meta });
      expect(await store.listPlanYears(agencyId)).toEqual([2024, 2025]);
      expect(await store.getPlan(agencyId, 2023)).toBeUndefined();
      expect(await store.getPlan(`${agencyId}-other`, 2024)).toBeUndefined();
    });
  });
}

export function fileArchiveContract(name: string, make: Make<FileArchive>): void {
  describe(`${name}: FileArchive`, () => {
    it('keeps bytes exactly with their sha256, lists by prefix, says what is missing', async () => {
      const { store, agencyId } = await make();
      const body = new Uint8Array(70_000).map((_, i) => (i * 7) % 256);
      const put = await store.put(`reports/${agencyId}/2024-05/a.pdf`, body, 'application/pdf', { period: '2024-05' });
      expect(put).toMatchObject({ key: `reports/${agencyId}/2024-05/a.pdf`, size: 70_000, contentType: 'application/pdf' });
      expect(put.sha256).toMatch(/^[0-9a-f]{64}$/);
      const got = (await store.get(put.key))!;
      expect(Buffer.from(got.body).equals(Buffer.from(body))).toBe(true);
      expect(got.contentType).toBe('application/pdf');
      expect(got.metadata).toMatchObject({ period: '2024-05', sha256: put.sha256 });
      await store.put(`reports/${agencyId}/2024-05/b.xlsx`, new Uint8Array([1, 2, 3]), 'application/octet-stream');
      await store.put(`reports/${agencyId}/2024-06/c.pdf`, new Uint8Array([4]), 'application/pdf');
      expect((await store.list(`reports/${agencyId}/2024-05/`)).map((o) => [o.key.split('/').pop(), o.size])).toEqual([
        ['a.pdf', 70_000],
        ['b.xlsx', 3],
      ]);
      expect(await store.exists(put.key)).toBe(true);
      expect(await store.exists(`reports/${agencyId}/none`)).toBe(false);
      expect(await store.get(`reports/${agencyId}/none`)).toBeUndefined();
      expect(typeof (await store.presignGet(put.key, 300, 'Báo cáo.pdf'))).toBe('string');
    });
  });
}

function version(agencyId: string, period: string, n: number, createdAt: string): ReportVersion {
  return { agencyId, period, version: n, inputHash: `${'a'.repeat(63)}${n}`, issueDate: '2024-05-21', createdAt, trigger: 'test', files: [], models: {} };
}

function issuance(number: number): Issuance {
  return { number, symbol: 'BC-SKHCN', year: 2024, date: '2024-05-22', source: 'register', at: '2024-05-22T02:00:00.000Z', by: 'u-vp', files: [] };
}

function entry(agencyId: string, period: string, v: number, number: number): RegisterEntry {
  return {
    agencyId,
    year: 2024,
    symbol: 'BC-SKHCN',
    number,
    period,
    version: v,
    audience: 'ubnd',
    title: `Báo cáo UBND tỉnh ${period}`,
    date: '2024-05-22',
    at: '2024-05-22T02:00:00.000Z',
    by: 'u-vp',
  };
}

export function reportStoreContract(name: string, make: Make<ReportStore>): void {
  describe(`${name}: ReportStore`, () => {
    it('publishes a version only over the latest it saw; lists newest first', async () => {
      const { store, agencyId } = await make();
      expect(await store.latest(agencyId, '2024-05')).toBeUndefined();
      expect(await store.publish(version(agencyId, '2024-05', 1, '2024-05-21T01:00:00Z'), 0)).toBe(true);
      expect(await store.publish(version(agencyId, '2024-05', 1, '2024-05-21T01:00:00Z'), 0)).toBe(false);
      expect(await store.publish(version(agencyId, '2024-05', 2, '2024-05-22T01:00:00Z'), 0)).toBe(false);
      expect(await store.publish(version(agencyId, '2024-05', 2, '2024-05-22T01:00:00Z'), 1)).toBe(true);
      await store.publish(version(agencyId, '2024-06', 1, '2024-06-21T01:00:00Z'), 0);
      expect((await store.latest(agencyId, '2024-05'))!.version).toBe(2);
      expect((await store.listVersions(agencyId, '2024-05')).map((v) => v.version)).toEqual([2, 1]);
      expect((await store.getVersion(agencyId, '2024-05', 1))!.version).toBe(1);
      expect((await store.listRecent(agencyId, 2)).map((v) => `${v.period}/${v.version}`)).toEqual(['2024-06/1', '2024-05/2']);
    });

    it('issues once, under a number never given before, only the latest version; counts what it gave', async () => {
      const { store, agencyId } = await make();
      await store.publish(version(agencyId, '2024-05', 1, '2024-05-21T01:00:00Z'), 0);
      await store.publish(version(agencyId, '2024-06', 1, '2024-06-21T01:00:00Z'), 0);
      const ok = await store.issue(entry(agencyId, '2024-05', 1, 1), 0, issuance(1));
      expect(ok.kind).toBe('issued');
      expect(ok.kind === 'issued' && ok.version.issued?.ubnd?.number).toBe(1);
      expect(await store.issue(entry(agencyId, '2024-05', 1, 2), 1, issuance(2))).toMatchObject({ kind: 'already-issued' });
      expect(await store.issue(entry(agencyId, '2024-06', 1, 1), 1, issuance(1))).toMatchObject({
        kind: 'number-taken',
        holder: { period: '2024-05', number: 1 },
      });
      expect(await store.issue(entry(agencyId, '2024-06', 1, 2), 0, issuance(2))).toEqual({ kind: 'counter-moved' });
      await store.publish(version(agencyId, '2024-06', 2, '2024-06-22T01:00:00Z'), 1);
      expect(await store.issue(entry(agencyId, '2024-06', 1, 2), 1, issuance(2))).toEqual({ kind: 'superseded', latest: 2 });
      // A typed number past the counter moves it there.
      expect((await store.issue(entry(agencyId, '2024-06', 2, 15), 1, issuance(15))).kind).toBe('issued');
      expect(await store.registerLast(agencyId, 2024, 'BC-SKHCN')).toBe(15);
      expect((await store.listRegister(agencyId, 2024, 'BC-SKHCN')).map((e) => [e.number, e.period])).toEqual([
        [1, '2024-05'],
        [15, '2024-06'],
      ]);
      expect(await store.registerEntry(agencyId, 2024, 'BC-SKHCN', 2)).toBeUndefined();
      expect(await store.registerLast(agencyId, 2024, 'BC-VP')).toBe(0);
      // The signed PDF goes onto an issued document only.
      const signed = { key: 'k', sha256: 'b'.repeat(64), size: 10, fileName: 'ky.pdf', at: '2024-05-23T00:00:00Z', by: 'u-vp' };
      expect(await store.attachSigned(agencyId, '2024-05', 1, 'director', signed)).toBe(false);
      expect(await store.attachSigned(agencyId, '2024-05', 1, 'ubnd', signed)).toBe(true);
      expect((await store.getVersion(agencyId, '2024-05', 1))!.issued?.ubnd?.signed).toEqual(signed);
    });
  });
}

export function jobStoreContract(name: string, make: Make<JobStore>): void {
  const start = (agencyId: string, leaseUntil: string) => ({
    agencyId,
    job: 'deliver-monthly',
    scheduledTime: '2024-05-21T03:00:00.000Z',
    period: '2024-05',
    source: 'schedule',
    startedAt: '2024-05-21T03:00:01Z',
    leaseUntil,
  });
  describe(`${name}: JobStore`, () => {
    it('claims a run once; a live attempt is busy, a failed or expired one is taken over, a done one replays', async () => {
      const { store, agencyId } = await make();
      const first = await store.claimRun(start(agencyId, '2024-05-21T03:15:00Z'), '2024-05-21T03:00:01Z');
      expect(first).toMatchObject({ kind: 'claimed', run: { attempt: 1, status: 'running' } });
      expect((await store.claimRun(start(agencyId, '2024-05-21T03:20:00Z'), '2024-05-21T03:01:00Z')).kind).toBe('busy');
      await store.failRun(first.run, 'Lỗi thử', '2024-05-21T03:02:00Z');
      expect(await store.getRun(agencyId, 'deliver-monthly', '2024-05-21T03:00:00.000Z')).toMatchObject({ status: 'failed', error: 'Lỗi thử' });
      const second = await store.claimRun(start(agencyId, '2024-05-21T03:30:00Z'), '2024-05-21T03:03:00Z');
      expect(second).toMatchObject({ kind: 'claimed', run: { attempt: 2 } });
      // The attempt that lost the run cannot finish it.
      expect(await store.finishRun(first.run, { status: 'sent' }, '2024-05-21T03:04:00Z')).toBe(false);
      // A lease past its end: the process died; the next attempt takes over.
      const third = await store.claimRun(start(agencyId, '2024-05-21T04:30:00Z'), '2024-05-21T03:31:00Z');
      expect(third).toMatchObject({ kind: 'claimed', run: { attempt: 3 } });
      expect(await store.finishRun(third.run, { status: 'sent' }, '2024-05-21T03:32:00Z')).toBe(true);
      expect(await store.claimRun(start(agencyId, '2024-05-21T05:00:00Z'), '2024-05-21T03:40:00Z')).toMatchObject({
        kind: 'done',
        run: { result: { status: 'sent' } },
      });
      expect((await store.recentRuns(agencyId, 5)).map((r) => r.job)).toEqual(['deliver-monthly']);
    });

    it('claims an email before sending; never re-sends one whose outcome is unknown; re-opens a failed one only for a later run attempt', async () => {
      const { store, agencyId } = await make();
      const mail = (purpose: string, runAttempt = 1) => ({
        agencyId,
        period: '2024-05',
        run: 'deliver-monthly@x',
        purpose,
        to: ['a@example.test'],
        subject: 'Báo cáo',
        runAttempt,
      });
      expect((await store.claimMail(mail('ubnd-report'), '2024-05-21T03:00:00Z')).kind).toBe('claimed');
      await store.recordMailAttempt(mail('ubnd-report'), { at: '2024-05-21T03:00:01Z', ok: false, error: 'Throttling' });
      expect((await store.claimMail(mail('ubnd-report'), '2024-05-21T03:00:03Z')).kind).toBe('claimed');
      await store.recordMailAttempt(mail('ubnd-report'), { at: '2024-05-21T03:00:04Z', ok: false, error: 'Down' }, 'failed');
      expect(await store.claimMail(mail('ubnd-report'), '2024-05-21T03:01:00Z')).toMatchObject({ kind: 'settled', entry: { status: 'failed' } });
      const reopened = await store.claimMail(mail('ubnd-report', 2), '2024-05-21T03:05:00Z');
      expect(reopened).toMatchObject({ kind: 'claimed', entry: { status: 'sending', runAttempt: 2, roundStart: 2 } });
      await store.recordMailAttempt(mail('ubnd-report'), { at: '2024-05-21T03:05:01Z', ok: true, messageId: 'm-1' }, 'sent');
      expect(await store.claimMail(mail('ubnd-report', 3), '2024-05-21T03:06:00Z')).toMatchObject({
        kind: 'settled',
        entry: { status: 'sent', messageId: 'm-1' },
      });
      // Claimed and never settled: the attempt died after SES may have taken it.
      await store.claimMail(mail('ubnd-failure-notice'), '2024-05-21T03:07:00Z');
      expect(await store.claimMail(mail('ubnd-failure-notice', 2), '2024-05-21T03:08:00Z')).toMatchObject({
        kind: 'settled',
        entry: { status: 'interrupted' },
      });
      const log = await store.listDeliveries(agencyId, '2024-05');
      expect(log.map((e) => [e.purpose, e.status, e.attempts.length])).toEqual([
        ['ubnd-report', 'sent', 3],
        ['ubnd-failure-notice', 'interrupted', 0],
      ]);
    });
  });
}

export function mailerContract(name: string, make: Make<Mailer>): void {
  describe(`${name}: Mailer`, () => {
    it('sends a message with its attachment and answers with a message id', async () => {
      const { store, agencyId } = await make();
      const out = await store.send({
        from: 'baocao@skhcn.example',
        to: [`vp.${agencyId}@example.test`],
        subject: 'Báo cáo số 01/BC-SKHCN',
        text: 'Kính gửi: Văn phòng Sở.',
        html: '<p>Kính gửi: Văn phòng Sở.</p>',
        attachments: [{ fileName: 'Bao cao.pdf', contentType: 'application/pdf', content: new Uint8Array([37, 80, 68, 70]) }],
      });
      expect(out.messageId.length).toBeGreaterThan(0);
    });
  });
}

const content = (progress: number, reporterName = 'Lê Thị Thanh Lợi'): SubmissionData => ({
  reporterName,
  otherWork: [{ kind: 'thuong-xuyen', text: 'Tiếp công dân' }],
  tasks: [
    { taskId: 'I-1', status: 'dang-thuc-hien', progress, result: `Đạt ${progress}%`, difficulties: '', proposals: '', needsDecision: false, nextPlan: '' },
  ],
});

/** A submit of revision `rev` over `expected` (rev - 1 unless given), as the use case builds it. */
function submitOf(agencyId: string, period: string, unit: string, rev: number, data: SubmissionData, extra: Partial<SubmitCommand> = {}): SubmitCommand {
  const at = `${period}-18T0${rev % 10}:00:00.000Z`;
  const head: SubmissionHead = {
    agencyId,
    period,
    unit,
    state: 'submitted',
    revision: rev,
    data,
    submittedAt: at,
    firstSubmittedAt: at,
    onTime: true,
    updatedAt: at,
  };
  const revision: Revision = {
    agencyId,
    period,
    unit,
    revision: rev,
    at,
    by: 'u-1',
    onTime: true,
    data,
    changes: [{ field: 'reporterName', to: data.reporterName }],
  };
  return { head, revision, expectedRevision: rev - 1, ...extra };
}

const idem = (key: string, requestHash: string) => ({ key, requestHash, expiresAt: 1_900_000_000 });

export function submissionStoreContract(name: string, make: Make<SubmissionStore>): void {
  describe(`${name}: SubmissionStore`, () => {
    it('stores each revision over the one the client saw; keeps every revision, without its changes', async () => {
      const { store, agencyId } = await make();
      expect(await store.getHead(agencyId, '2024-05', 'QLKH')).toBeUndefined();
      const first = await store.submit(submitOf(agencyId, '2024-05', 'QLKH', 1, content(10)));
      expect(first).toMatchObject({ kind: 'stored', head: { revision: 1 }, revision: { revision: 1 } });
      expect(await store.submit(submitOf(agencyId, '2024-05', 'QLKH', 2, content(20)))).toMatchObject({ kind: 'stored' });
      expect(await store.getHead(agencyId, '2024-05', 'QLKH')).toMatchObject({ state: 'submitted', revision: 2, data: content(20) });
      const revisions = await store.listRevisions(agencyId, '2024-05', 'QLKH');
      expect(revisions.map((r) => [r.revision, r.data.tasks[0]!.progress])).toEqual([
        [1, 10],
        [2, 20],
      ]);
      expect(revisions.every((r) => !('changes' in r))).toBe(true);
      expect(await store.getRevision(agencyId, '2024-05', 'QLKH', 1)).toMatchObject({ revision: 1, by: 'u-1', data: content(10) });
      expect(await store.getRevision(agencyId, '2024-05', 'QLKH', 3)).toBeUndefined();
      expect(await store.listRevisions(agencyId, '2024-05', 'TTR')).toEqual([]);
      // What the caller does with what it read changes nothing stored.
      revisions[0]!.data.reporterName = 'sửa ngoài';
      expect((await store.getRevision(agencyId, '2024-05', 'QLKH', 1))!.data.reporterName).toBe('Lê Thị Thanh Lợi');
      expect(await store.getHead(`${agencyId}-other`, '2024-05', 'QLKH')).toBeUndefined();
    });

    it('a stale revision is a conflict with the current head, and writes nothing', async () => {
      const { store, agencyId } = await make();
      await store.submit(submitOf(agencyId, '2024-05', 'QLKH', 1, content(10)));
      await store.submit(submitOf(agencyId, '2024-05', 'QLKH', 2, content(20)));
      // Two people opened revision 1; the second to submit gets the first one's revision 2.
      const stale = await store.submit(submitOf(agencyId, '2024-05', 'QLKH', 2, content(30), { expectedRevision: 1 }));
      expect(stale).toMatchObject({ kind: 'conflict', current: { revision: 2, data: content(20) } });
      // A first submission over an existing one: the same.
      expect(await store.submit(submitOf(agencyId, '2024-05', 'QLKH', 1, content(40)))).toMatchObject({ kind: 'conflict', current: { revision: 2 } });
      // Claiming a later revision than the head's: a conflict too.
      expect(await store.submit(submitOf(agencyId, '2024-05', 'QLKH', 4, content(50), { expectedRevision: 3 }))).toMatchObject({ kind: 'conflict' });
      expect((await store.listRevisions(agencyId, '2024-05', 'QLKH')).map((r) => r.revision)).toEqual([1, 2]);
      expect((await store.getHead(agencyId, '2024-05', 'QLKH'))!.data).toEqual(content(20));
    });

    it('keeps a draft apart from the head, which names it; a submit clears the mark, not the item', async () => {
      const { store, agencyId } = await make();
      const draft = { data: content(5, 'Nháp'), savedAt: '2024-05-10T01:00:00.000Z', savedBy: 'u-1' };
      const saved = await store.saveDraft(agencyId, '2024-05', 'QLKH', draft);
      expect(saved).toMatchObject({ agencyId, period: '2024-05', unit: 'QLKH', state: 'draft', revision: 0, updatedAt: draft.savedAt, draft });
      expect(await store.getHead(agencyId, '2024-05', 'QLKH')).toMatchObject({
        state: 'draft',
        revision: 0,
        draft: { savedAt: draft.savedAt, savedBy: 'u-1' },
      });
      expect((await store.getHead(agencyId, '2024-05', 'QLKH'))!.draft!.data).toBeUndefined();
      expect(await store.getDraft(agencyId, '2024-05', 'QLKH')).toEqual(draft);
      expect((await store.listHeads(agencyId, '2024-05')).map((h) => [h.unit, h.state])).toEqual([['QLKH', 'draft']]);
      // The first submission goes over a head that has only a draft.
      expect(await store.submit(submitOf(agencyId, '2024-05', 'QLKH', 1, content(10)))).toMatchObject({ kind: 'stored' });
      const head = (await store.getHead(agencyId, '2024-05', 'QLKH'))!;
      expect(head).toMatchObject({ state: 'submitted', revision: 1 });
      expect(head.draft).toBeUndefined();
      expect(await store.getDraft(agencyId, '2024-05', 'QLKH')).toEqual(draft);
      // A draft after a submission keeps the submitted revision.
      const later = { data: content(15), savedAt: '2024-05-19T01:00:00.000Z', savedBy: 'u-2' };
      expect(await store.saveDraft(agencyId, '2024-05', 'QLKH', later)).toMatchObject({ state: 'submitted', revision: 1, data: content(10), draft: later });
      expect(await store.getDraft(agencyId, '2024-05', 'QLKH')).toEqual(later);
      expect(await store.getDraft(agencyId, '2024-05', 'TTR')).toBeUndefined();
    });

    it('an Idempotency-Key already used answers with its revision: the same request or not', async () => {
      const { store, agencyId } = await make();
      const cmd = submitOf(agencyId, '2024-05', 'QLKH', 1, content(10), { idempotency: idem('k-1', 'hash-a') });
      expect(await store.submit(cmd)).toMatchObject({ kind: 'stored' });
      // The retry of the same request, after it succeeded: the first result.
      expect(await store.submit(cmd)).toMatchObject({ kind: 'replay', sameRequest: true, revision: { revision: 1, data: content(10) } });
      // The key reused for other content, even over the right revision: a replay, not the same request.
      const other = submitOf(agencyId, '2024-05', 'QLKH', 2, content(20), { idempotency: idem('k-1', 'hash-b') });
      expect(await store.submit(other)).toMatchObject({ kind: 'replay', sameRequest: false, revision: { revision: 1 } });
      expect((await store.listRevisions(agencyId, '2024-05', 'QLKH')).map((r) => r.revision)).toEqual([1]);
      expect(await store.findReplay(agencyId, 'k-1', 'hash-a')).toMatchObject({ kind: 'replay', sameRequest: true, revision: { revision: 1 } });
      expect(await store.findReplay(agencyId, 'k-1', 'hash-b')).toMatchObject({ kind: 'replay', sameRequest: false });
      expect(await store.findReplay(agencyId, 'k-2', 'hash-a')).toBeUndefined();
      expect(await store.findReplay(`${agencyId}-other`, 'k-1', 'hash-a')).toBeUndefined();
      // A new key over the current revision is stored.
      expect(await store.submit(submitOf(agencyId, '2024-05', 'QLKH', 2, content(20), { idempotency: idem('k-2', 'hash-b') }))).toMatchObject({
        kind: 'stored',
      });
    });

    it('a locked period refuses submissions until it is reopened; other periods are not affected', async () => {
      const { store, agencyId } = await make();
      expect(await store.getLock(agencyId, '2024-05')).toBeUndefined();
      await store.submit(submitOf(agencyId, '2024-05', 'QLKH', 1, content(10)));
      const lock = { agencyId, period: '2024-05', locked: true, at: '2024-05-22T02:00:00.000Z', by: 'u-vp' };
      await store.setLock(lock);
      expect(await store.getLock(agencyId, '2024-05')).toEqual(lock);
      expect(await store.submit(submitOf(agencyId, '2024-05', 'QLKH', 2, content(20)))).toEqual({ kind: 'locked' });
      // Locked and stale at once: locked (what the unit must know first).
      expect(await store.submit(submitOf(agencyId, '2024-05', 'QLKH', 1, content(20)))).toEqual({ kind: 'locked' });
      expect(await store.submit(submitOf(agencyId, '2024-06', 'QLKH', 1, content(20)))).toMatchObject({ kind: 'stored' });
      const reopened = { ...lock, locked: false, at: '2024-05-23T02:00:00.000Z', reason: 'Sửa số liệu' };
      await store.setLock(reopened);
      expect(await store.getLock(agencyId, '2024-05')).toEqual(reopened);
      expect(await store.submit(submitOf(agencyId, '2024-05', 'QLKH', 2, content(20)))).toMatchObject({ kind: 'stored' });
      expect((await store.getHead(agencyId, '2024-05', 'QLKH'))!.revision).toBe(2);
      // The lock log keeps both, oldest first, and only this period's.
      expect(await store.listLockLog(agencyId, '2024-05')).toEqual([lock, reopened]);
      expect(await store.listLockLog(agencyId, '2024-06')).toEqual([]);
    });

    it("lists a period's heads by unit, and a unit's earlier periods newest first", async () => {
      const { store, agencyId } = await make();
      for (const period of ['2024-01', '2024-02', '2024-03', '2024-04']) await store.submit(submitOf(agencyId, period, 'QLKH', 1, content(10)));
      await store.submit(submitOf(agencyId, '2024-04', 'TTR', 1, content(10)));
      await store.saveDraft(agencyId, '2024-04', 'CCTCDLCL', { data: content(1), savedAt: '2024-04-10T00:00:00.000Z', savedBy: 'u-3' });
      expect((await store.listHeads(agencyId, '2024-04')).map((h) => h.unit)).toEqual(['CCTCDLCL', 'QLKH', 'TTR']);
      expect((await store.headsOfUnitBefore(agencyId, 'QLKH', '2024-04', 12)).map((h) => h.period)).toEqual(['2024-03', '2024-02', '2024-01']);
      expect((await store.headsOfUnitBefore(agencyId, 'QLKH', '2024-04', 2)).map((h) => h.period)).toEqual(['2024-03', '2024-02']);
      expect(await store.headsOfUnitBefore(agencyId, 'TTR', '2024-04', 12)).toEqual([]);
      expect(await store.listHeads(`${agencyId}-other`, '2024-04')).toEqual([]);
    });
  });
}
