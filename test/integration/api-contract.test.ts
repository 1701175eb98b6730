/**
 * Contract test: calls every JSON endpoint of the local server with each role, including the
 * error cases, and checks every response (status, content type, body, declared headers) against
 * docs/openapi.yaml. Writes only to periods 2024-10 and 2024-11 of the demo agency.
 * flow: vitest --> local HTTP server --> handlers; responses --> openapi helper
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { call, type Res } from '../support/http.ts';
import { setAgency } from '../../functions/usecases/agency-service.ts';
import { demoProfile } from '../support/demo-profile.ts';
import { localEnv, testContainer, tokenFor } from '../support/local.ts';
import { codeSentTo, emailsTo } from '../support/inbox.ts';
import { smallPlan, taskReport } from '../support/small-plan.ts';
import { assertResponseMatchesSpec, findOperation, requestBodyProblems, specOperations } from '../support/openapi.ts';

type CallOpts = NonNullable<Parameters<typeof call>[2]>;
type Who = 'none' | 'unit' | 'other' | 'vp' | 'ld';

/** Statuses seen (and checked against the document) per operation, for the coverage test at the end. */
const seen = new Map<string, Set<number>>();
const tokens: Partial<Record<Who, string>> = {};

/** Calls the server, expects a status (and error code), and checks the response against the document. */
async function hit(method: string, path: string, opts: CallOpts, status: number, code?: string): Promise<Res> {
  const res = await call(method, path, opts);
  const got = { call: `${method} ${path}`, status: res.status, ...(code ? { code: res.body?.error?.code } : {}) };
  expect(got, JSON.stringify(res.body)?.slice(0, 600)).toEqual({ call: `${method} ${path}`, status, ...(code ? { code } : {}) });
  assertResponseMatchesSpec(method, path, res);
  const op = findOperation(method, path)!;
  const key = `${op.method} ${op.path}`;
  if (!seen.has(key)) seen.set(key, new Set());
  seen.get(key)!.add(res.status);
  return res;
}

const as = (who: Who, extra: CallOpts = {}): CallOpts => ({ ...(tokens[who] ? { token: tokens[who] } : {}), ...extra });

interface FormTask {
  task: { id: string; leadUnit: string };
  previous?: { progress: number };
}

/**
 * A report for each due task. Other test files submit earlier months for the same units, so
 * "last month's progress" can change under us: a reason is always given, which the rules accept
 * whether or not progress fell. Progress stays low (≤ 40%) because our months are "last month"
 * for files that write later months without a reason.
 */
function reportsFor(tasks: FormTask[], progress: number) {
  return tasks.map((t) => ({
    taskId: t.task.id,
    status: 'dang-thuc-hien',
    progress,
    result: 'Đã tổ chức 02 hội đồng tư vấn đánh giá, nghiệm thu nhiệm vụ khoa học và công nghệ.',
    difficulties: 'Một số tổ chức chủ trì chậm nộp hồ sơ.',
    proposals: 'Đề nghị Lãnh đạo Sở có văn bản đôn đốc.',
    needsDecision: true,
    nextPlan: 'Tổ chức nghiệm thu các nhiệm vụ còn lại.',
    reason: 'Điều chỉnh theo số liệu rà soát của phòng.',
  }));
}

let qlkhTasks: FormTask[] = [];
let ttrTasks: FormTask[] = [];

beforeAll(async () => {
  const [unit, other, vp, ld] = await Promise.all([tokenFor('unit', 'QLKH'), tokenFor('unit', 'TTR'), tokenFor('van-phong'), tokenFor('lanh-dao')]);
  Object.assign(tokens, { unit, other, vp, ld });
  const [q, t] = await Promise.all([call('GET', '/api/form?period=2024-10', { token: unit }), call('GET', '/api/form?period=2024-10', { token: other })]);
  expect([q.status, t.status]).toEqual([200, 200]);
  qlkhTasks = q.body.tasks;
  ttrTasks = t.body.tasks;
  expect(qlkhTasks.length).toBeGreaterThan(0);
  expect(ttrTasks.length).toBeGreaterThan(0);
});

describe('API responses match docs/openapi.yaml', () => {
  it('health and the yearly plan, with good and bad tokens', async () => {
    const health = await hit('GET', '/health', {}, 200);
    expect(health.body.status).toBe('ok');
    const own = await hit('GET', '/api/plan?year=2024', as('unit'), 200);
    expect(own.body.tasks.every((t: { leadUnit: string; coordinatingUnits: string[] }) => t.leadUnit === 'QLKH' || t.coordinatingUnits.includes('QLKH'))).toBe(
      true,
    );
    const all = await hit('GET', '/api/plan?year=2024', as('vp'), 200);
    expect(all.body.tasks.length).toBeGreaterThan(own.body.tasks.length);
    expect(all.body.meta.taskCount).toBe(all.body.tasks.length);
    const ttr = await hit('GET', '/api/plan?year=2024&unit=TTR', as('ld'), 200);
    expect(ttr.body.tasks.map((t: { leadUnit: string }) => t.leadUnit)).toContain('TTR');
    await hit('GET', '/api/plan?year=20x4', as('vp'), 400, 'invalid_year');
    await hit('GET', '/api/plan?year=2019', as('vp'), 404, 'plan_not_found');
    await hit('GET', '/api/plan?year=2024', {}, 401, 'unauthenticated');
    const expired = await tokenFor('unit', 'QLKH', { now: Math.floor(Date.now() / 1000) - 7200, ttlSeconds: 600 });
    await hit('GET', '/api/plan?year=2024', { token: expired }, 401, 'token_expired');
    await hit('GET', '/api/plan?year=2024', { token: `${tokens.unit!.slice(0, -4)}AAAA` }, 401, 'token_invalid');
  });

  it('the form for each role', async () => {
    const form = await hit('GET', '/api/form?period=2024-10', as('unit'), 200);
    expect(form.body.unit.code).toBe('QLKH');
    expect(form.body.period).toMatchObject({ id: '2024-10', label: 'tháng 10 năm 2024', deadline: '2024-10-20' });
    expect(form.body.locked).toBe(false);
    const current = await hit('GET', '/api/form', as('unit'), 200);
    expect(current.body.period.id).toMatch(/^\d{4}-\d{2}$/);
    await hit('GET', '/api/form?period=2024-10', as('vp'), 400, 'unit_required');
    const forUnit = await hit('GET', '/api/form?period=2024-10&unit=QLKH', as('vp'), 200);
    expect(forUnit.body.tasks.map((t: FormTask) => t.task.id)).toEqual(form.body.tasks.map((t: FormTask) => t.task.id));
    await hit('GET', '/api/form?period=2024-10&unit=TTR', as('ld'), 200);
    await hit('GET', '/api/form?period=2024-10&unit=QLKH', as('other'), 403, 'forbidden');
    await hit('GET', '/api/form?period=2024-10&unit=NOPE', as('vp'), 404, 'unit_not_found');
    await hit('GET', '/api/form?period=2024-13', as('unit'), 400, 'invalid_period');
    await hit('GET', '/api/form?period=2024-10&unit=Q-1', as('vp'), 400, 'invalid_unit');
    await hit('GET', '/api/form?period=2024-10', {}, 401, 'unauthenticated');
  });

  it("a unit's draft, revisions, a replayed retry and a stale revision (2024-10, QLKH)", async () => {
    const base = '/api/submissions/2024-10/QLKH';
    await hit('GET', base, as('unit'), 404, 'submission_not_found');
    expect((await hit('GET', `${base}/revisions`, as('unit'), 200)).body.revisions).toEqual([]);

    const draftBody = { data: { reporterName: '', tasks: reportsFor(qlkhTasks.slice(0, 1), 20).map((t) => ({ ...t, result: '' })) } };
    expect(requestBodyProblems('PUT', `${base}/draft`, draftBody)).toEqual([]);
    const draft = await hit('PUT', `${base}/draft`, as('unit', { body: draftBody }), 200);
    expect(draft.body.submission).toMatchObject({ state: 'draft', revision: 0 });
    expect(draft.body.submission.draft.data.tasks).toHaveLength(1);
    expect((await hit('GET', base, as('unit'), 200)).body.submission.state).toBe('draft');

    const first = {
      period: '2024-10',
      baseRevision: 0,
      data: {
        reporterName: 'Nguyễn Thị Nga',
        tasks: reportsFor(qlkhTasks, 30),
        otherWork: [{ kind: 'thuong-xuyen', text: 'Thẩm định 04 thuyết minh nhiệm vụ KH&CN cấp tỉnh.' }],
      },
    };
    expect(requestBodyProblems('POST', '/api/submissions', first)).toEqual([]);
    const key = randomUUID();
    const created = await hit('POST', '/api/submissions', as('unit', { body: first, headers: { 'idempotency-key': key } }), 201);
    expect(created.body.revision).toMatchObject({ revision: 1, period: '2024-10', unit: 'QLKH', onTime: false });
    expect(created.body.submission).toMatchObject({ state: 'submitted', revision: 1 });
    expect(created.body.submission.draft).toBeUndefined();
    const replay = await hit('POST', '/api/submissions', as('unit', { body: first, headers: { 'idempotency-key': key } }), 200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.revision).toEqual(created.body.revision);
    await hit(
      'POST',
      '/api/submissions',
      as('unit', { body: { ...first, data: { ...first.data, reporterName: 'Người khác' } }, headers: { 'idempotency-key': key } }),
      422,
      'idempotency_key_reused',
    );

    const second = { ...first, baseRevision: 1, data: { ...first.data, tasks: reportsFor(qlkhTasks, 40) } };
    const next = await hit('POST', '/api/submissions', as('unit', { body: second }), 201);
    expect(next.body.revision.revision).toBe(2);
    expect(next.body.revision.changes).toContainEqual({ field: `tasks.${qlkhTasks[0]!.task.id}.progress`, from: 30, to: 40 });

    const staleBody = { ...first, baseRevision: 1, data: { ...first.data, reporterName: 'Trần Văn Bình', tasks: reportsFor(qlkhTasks, 35) } };
    const stale = await hit('POST', '/api/submissions', as('unit', { body: staleBody }), 409, 'stale_revision');
    expect(stale.body.error.current.revision).toBe(2);
    expect(stale.body.error.yours.reporterName).toBe('Trần Văn Bình');
    expect(stale.body.error.baseRevision).toBe(1);

    for (const who of ['unit', 'vp', 'ld'] as const) {
      expect((await hit('GET', base, as(who), 200)).body.submission.revision).toBe(2);
      expect((await hit('GET', `${base}/revisions`, as(who), 200)).body.revisions.map((r: { revision: number }) => r.revision)).toEqual([1, 2]);
    }
    await hit('GET', base, as('other'), 403, 'forbidden');
    await hit('GET', `${base}/revisions`, as('other'), 403, 'forbidden');
    await hit('GET', '/api/submissions/2024-13/QLKH', as('vp'), 404, 'not_found');
    await hit('GET', '/api/submissions/2024-10/Q-K', as('vp'), 404, 'not_found');
    await hit('GET', '/api/submissions/2024-13/QLKH/revisions', as('vp'), 404, 'not_found');

    const after = await hit('GET', '/api/form?period=2024-10', as('unit'), 200);
    expect(after.body.head.revision).toBe(2);
    expect(after.body.initial.reporterName).toBe('Nguyễn Thị Nga');
  });

  it("directions on the 2024-10 proposals: the queue, a leader's direction, its versions, a stale change", async () => {
    // The month's proposals (the test above sent QLKH's, each asking the leaders for a decision).
    const queue = await hit('GET', '/api/directions?year=2024&state=pending', as('vp'), 200);
    const item = queue.body.items.find((i: { period: string; unit: { code: string } }) => i.period === '2024-10' && i.unit.code === 'QLKH');
    expect(item).toBeDefined();
    const on = { period: '2024-10', unit: 'QLKH', taskId: item.task.id };
    const text = 'Giao Phòng QLKH chủ trì, phối hợp Thanh tra Sở có văn bản đôn đốc các tổ chức chủ trì nộp hồ sơ trước ngày 15/11/2024.';
    await hit('POST', '/api/directions', as('vp', { body: { ...on, text } }), 403, 'forbidden');
    await hit('POST', '/api/directions', as('ld', { body: { ...on, text: ' ' } }), 422, 'invalid_direction');
    await hit('POST', '/api/directions', as('ld', { body: { ...on, text, deadline: '2024-11-31' } }), 422, 'invalid_direction');
    await hit('POST', '/api/directions', as('ld', { body: { ...on, text, responsibleUnit: 'NOPE' } }), 422, 'invalid_direction');
    await hit('POST', '/api/directions', as('ld', { body: { ...on, text, extra: 1 } }), 422, 'invalid_input');
    await hit('POST', '/api/directions', as('ld', { body: { ...on, taskId: 'NO-SUCH', text } }), 404, 'proposal_not_found');
    const made = await hit('POST', '/api/directions', as('ld', { body: { ...on, text, deadline: '2024-11-15', forProvince: false } }), 201);
    const id = made.body.direction.id as string;
    expect(made.body.direction).toMatchObject({ version: 1, text, proposal: { unit: 'QLKH', period: '2024-10' } });
    await hit('POST', '/api/directions', as('ld', { body: { ...on, text } }), 409, 'direction_exists');
    const changed = await hit('PUT', `/api/directions/${id}`, as('ld', { body: { expectedVersion: 1, text, deadline: '2024-11-20', forProvince: true } }), 200);
    expect(changed.body).toMatchObject({ changed: true, direction: { version: 2, forProvince: true } });
    await hit('PUT', `/api/directions/${id}`, as('ld', { body: { expectedVersion: 1, text: 'Khác' } }), 409, 'stale_direction');
    await hit('PUT', `/api/directions/${id}`, as('vp', { body: { expectedVersion: 2, text } }), 403, 'forbidden');
    await hit('PUT', '/api/directions/2024-10.QLKH.NOPE', as('ld', { body: { expectedVersion: 1, text } }), 404, 'direction_not_found');
    const read = await hit('GET', `/api/directions/${id}`, as('vp'), 200);
    expect(read.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    await hit('GET', `/api/directions/${id}`, as('unit'), 403, 'forbidden');
    await hit('GET', '/api/directions/nope', as('ld'), 404, 'direction_not_found');
    const directed = await hit('GET', '/api/directions?year=2024&state=directed', as('ld'), 200);
    expect(directed.body.items.map((i: { id: string }) => i.id)).toContain(id);
    await hit('GET', '/api/directions?state=soon', as('ld'), 400, 'invalid_state');
    await hit('GET', '/api/directions?year=24', as('ld'), 400, 'invalid_year');
    await hit('GET', '/api/directions', as('unit'), 403, 'forbidden');
    await hit('GET', '/api/directions', {}, 401, 'unauthenticated');
    // November's form of QLKH shows it next to the task.
    const form = await hit('GET', '/api/form?period=2024-11', as('unit'), 200);
    expect(form.body.directions.map((d: { id: string }) => d.id)).toContain(id);
  });

  it('attachments: a presigned POST, the content check, a download link (2024-10, QLKH)', async () => {
    const base = '/api/submissions/2024-10/QLKH/attachments';
    const ask = (who: Who, body: Record<string, unknown>) => as(who, { body: { taskId: qlkhTasks[0]!.task.id, ...body } });
    const ticket = await hit('POST', base, ask('unit', { fileName: 'Biên bản.pdf', contentType: 'application/pdf', size: 30 }), 201);
    await hit('POST', base, ask('unit', { fileName: 'lon.pdf', contentType: 'application/pdf', size: 11 * 1024 * 1024 }), 413, 'attachment_too_large');
    await hit('POST', base, ask('unit', { fileName: 'setup.exe', contentType: 'application/x-msdownload', size: 30 }), 415, 'attachment_type');
    await hit('POST', base, ask('ld', { fileName: 'a.pdf', contentType: 'application/pdf', size: 30 }), 403, 'forbidden');
    await hit('POST', base, ask('unit', { fileName: 'a.pdf', contentType: 'application/pdf', size: 'ba mươi' }), 422, 'invalid_input');
    const form = new FormData();
    for (const [k, v] of Object.entries<string>(ticket.body.upload.fields)) form.append(k, v);
    form.append('file', new Blob([Buffer.from('%PDF-1.7\n%%EOF\n')]), 'Biên bản.pdf');
    expect((await fetch(ticket.body.upload.url, { method: 'POST', body: form })).status).toBeLessThan(300);
    const kept = await hit('POST', `${base}/${ticket.body.id}/confirm`, as('unit'), 200);
    expect(kept.body.attachment).toMatchObject({ name: 'Biên bản.pdf', contentType: 'application/pdf' });
    await hit('POST', `${base}/${randomUUID()}/confirm`, as('unit'), 404, 'attachment_not_found');
    const link = `/api/attachments/2024-10/QLKH/${ticket.body.id}`;
    await hit('GET', link, as('unit'), 200);
    await hit('GET', link, as('vp'), 200);
    await hit('GET', link, as('other'), 403, 'forbidden');
    await hit('GET', `/api/attachments/2024-10/QLKH/${randomUUID()}`, as('ld'), 404, 'attachment_not_found');
    await hit('GET', link, {}, 401, 'unauthenticated');
  });

  it('lists a period: everything for Văn phòng and the leaders, its own for a unit', async () => {
    const mine = await hit('GET', '/api/submissions?period=2024-10', as('unit'), 200);
    expect(mine.body.period).toBe('2024-10');
    expect(mine.body.submissions.map((s: { unit: string }) => s.unit)).toEqual(['QLKH']);
    const theirs = await hit('GET', '/api/submissions?period=2024-10', as('other'), 200);
    expect(theirs.body.submissions.every((s: { unit: string }) => s.unit === 'TTR')).toBe(true);
    for (const who of ['vp', 'ld'] as const) {
      const all = await hit('GET', '/api/submissions?period=2024-10', as(who), 200);
      expect(all.body.submissions.map((s: { unit: string }) => s.unit)).toContain('QLKH');
    }
    await hit('GET', '/api/submissions?period=2024-1', as('vp'), 400, 'invalid_period');
    await hit('GET', '/api/submissions', as('vp'), 400, 'invalid_period');
    await hit('GET', '/api/submissions?period=2024-10', {}, 401, 'unauthenticated');
  });

  it('Văn phòng writes on behalf of a unit; the leaders and other units cannot', async () => {
    const body = { period: '2024-10', unit: 'TTR', baseRevision: 0, data: { reporterName: 'Vũ Thị Hằng', tasks: reportsFor(ttrTasks, 30) } };
    await hit('POST', '/api/submissions', as('ld', { body }), 403, 'forbidden');
    await hit('POST', '/api/submissions', as('unit', { body }), 403, 'forbidden');
    await hit('POST', '/api/submissions', as('vp', { body: { ...body, unit: undefined } }), 400, 'unit_required');
    await hit('POST', '/api/submissions', as('vp', { body: { ...body, unit: 'NOPE' } }), 404, 'unit_not_found');
    const made = await hit('POST', '/api/submissions', as('vp', { body }), 201);
    expect(made.body.revision.by).not.toBe(made.body.revision.unit);
    expect(made.body.submission.unit).toBe('TTR');
    const draft = { data: { tasks: [] } };
    await hit('PUT', '/api/submissions/2024-10/CCTCDLCL/draft', as('vp', { body: draft }), 200);
    await hit('PUT', '/api/submissions/2024-10/CCTCDLCL/draft', as('ld', { body: draft }), 403, 'forbidden');
    await hit('PUT', '/api/submissions/2024-10/CCTCDLCL/draft', as('unit', { body: draft }), 403, 'forbidden');
    await hit('PUT', '/api/submissions/2024-10/CCTCDLCL/draft', { body: draft }, 401, 'unauthenticated');
  });

  it('answers bad requests with the documented errors and writes nothing (2024-11)', async () => {
    const good = { period: '2024-11', baseRevision: 0, data: { reporterName: 'Nguyễn Thị Nga', tasks: reportsFor(qlkhTasks, 80) } };
    const post = (opts: CallOpts, status: number, code: string) => hit('POST', '/api/submissions', as('unit', opts), status, code);
    await post({ rawBody: JSON.stringify(good), headers: { 'content-type': 'text/plain' } }, 415, 'unsupported_media_type');
    await post({ rawBody: '{"period": ', headers: { 'content-type': 'application/json' } }, 400, 'invalid_json');
    let deep: unknown = {};
    for (let i = 0; i < 14; i++) deep = { x: deep };
    await post({ body: { ...good, data: { ...good.data, deep } } }, 400, 'too_deep');
    await post({ body: good, headers: { 'idempotency-key': 'short' } }, 400, 'invalid_idempotency_key');
    await post({ body: { ...good, data: { ...good.data, reporterName: 'x'.repeat(300_000) } } }, 413, 'body_too_large');

    // Refused by the schema: the document refuses the same bodies.
    for (const bad of [
      { ...good, extra: 1 },
      { ...good, data: { ...good.data, tasks: reportsFor(qlkhTasks, 150) } },
      { ...good, data: { ...good.data, tasks: reportsFor(qlkhTasks, 80).map((t) => ({ ...t, status: 'xong' })) } },
      { period: '2024-11', data: good.data },
    ]) {
      expect(requestBodyProblems('POST', '/api/submissions', bad)).not.toEqual([]);
      const res = await post({ body: bad }, 422, 'invalid_input');
      expect(res.body.error.fields.length).toBeGreaterThan(0);
    }
    // Well-formed but against the rules: another unit's task, a finished task below 100%.
    const foreign = await post({ body: { ...good, data: { ...good.data, tasks: reportsFor(ttrTasks, 80) } } }, 422, 'invalid_input');
    expect(foreign.body.error.fields[0].field).toBe('data.tasks.0.taskId');
    const unfinished = reportsFor(qlkhTasks.slice(0, 1), 90).map((t) => ({ ...t, status: 'hoan-thanh', completedOn: '2024-11-10' }));
    const rule = await post({ body: { ...good, data: { ...good.data, tasks: unfinished } } }, 422, 'invalid_input');
    expect(rule.body.error.fields.map((f: { field: string }) => f.field)).toContain('data.tasks.0.progress');
    await post({ body: { ...good, period: '2099-01' } }, 422, 'period_not_open');

    const draftPath = '/api/submissions/2024-11/QLKH/draft';
    await hit('PUT', draftPath, as('unit', { rawBody: '{}', headers: { 'content-type': 'text/plain' } }), 415, 'unsupported_media_type');
    await hit('PUT', draftPath, as('unit', { body: { data: { tasks: reportsFor(ttrTasks, 10) } } }), 422, 'invalid_input');
    await hit('PUT', draftPath, as('unit', { body: { period: '2024-11', data: { tasks: [] } } }), 422, 'invalid_input');
    await hit('PUT', '/api/submissions/2024-13/QLKH/draft', as('unit', { body: { data: { tasks: [] } } }), 404, 'not_found');

    await hit('GET', '/api/submissions/2024-11/QLKH', as('unit'), 404, 'submission_not_found');
  });

  it('locks and reopens a month (2024-11)', async () => {
    const lock = '/api/periods/2024-11/lock';
    const reopen = '/api/periods/2024-11/reopen';
    for (const path of [lock, reopen]) {
      await hit('POST', path, {}, 401, 'unauthenticated');
      await hit('POST', path, as('unit'), 403, 'forbidden');
      await hit('POST', path, as('ld'), 403, 'forbidden');
    }
    await hit('POST', '/api/periods/2024-13/lock', as('vp', { body: { reason: 'Chốt số liệu' } }), 404, 'not_found');
    // A reason is required: kept in the lock log, cleaned (NFC, trimmed), at most 300 characters.
    await hit('POST', lock, as('vp', { body: {} }), 422, 'invalid_input');
    await hit('POST', lock, as('vp', { body: { reason: '   ' } }), 422, 'invalid_input');
    await hit('POST', lock, as('vp', { body: { reason: 'x'.repeat(301) } }), 422, 'invalid_input');
    await hit('POST', lock, as('vp', { rawBody: 'Chốt', headers: { 'content-type': 'text/plain' } }), 415, 'unsupported_media_type');
    expect((await hit('POST', lock, as('vp', { body: { reason: ' Đa\u0303 ban hành báo cáo ' } }), 200)).body).toEqual({
      period: '2024-11',
      locked: true,
      reason: 'Đã ban hành báo cáo',
    });

    const body = { period: '2024-11', baseRevision: 0, data: { reporterName: 'Trần Minh Đức', tasks: reportsFor(ttrTasks, 40) } };
    await hit('POST', '/api/submissions', as('other', { body }), 409, 'period_locked');
    await hit('PUT', '/api/submissions/2024-11/TTR/draft', as('other', { body: { data: body.data } }), 409, 'period_locked');
    expect((await hit('GET', '/api/form?period=2024-11', as('other'), 200)).body.locked).toBe(true);

    expect((await hit('POST', reopen, as('vp', { body: { reason: 'Phòng TTR sửa số liệu' } }), 200)).body).toEqual({
      period: '2024-11',
      locked: false,
      reason: 'Phòng TTR sửa số liệu',
    });
    expect((await hit('POST', '/api/submissions', as('other', { body }), 201)).body.revision.revision).toBe(1);
  });

  it('signs a browser in with a cookie that writes only with the CSRF header', async () => {
    await hit('POST', '/auth/session', { body: { token: 'short' } }, 422, 'invalid_input');
    await hit('POST', '/auth/session', { body: { token: 'a'.repeat(40) } }, 401, 'token_invalid');
    await hit('POST', '/auth/session', { rawBody: tokens.unit!, headers: { 'content-type': 'text/plain' } }, 415, 'unsupported_media_type');
    await hit('POST', '/auth/session', { body: { token: tokens.unit, extra: true } }, 422, 'invalid_input');

    const session = await hit('POST', '/auth/session', { body: { token: tokens.unit } }, 200);
    expect(session.body).toMatchObject({ role: 'unit', unit: 'QLKH' });
    const setCookie = session.headers.get('set-cookie') ?? '';
    const [cookie, ...flags] = setCookie.split(';').map((f) => f.trim());
    expect(cookie).toMatch(/^baocao_session=[\w.-]+$/);
    expect(flags).toEqual(expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Strict', expect.stringMatching(/^Max-Age=\d+$/)]));
    const csrf: string = session.body.csrfToken;
    if (!cookie) throw new Error('no session cookie');

    expect((await hit('GET', '/api/submissions/2024-10/QLKH', { headers: { cookie } }, 200)).body.submission.unit).toBe('QLKH');
    const draft = { data: { tasks: [] } };
    await hit('PUT', '/api/submissions/2024-11/QLKH/draft', { body: draft, headers: { cookie } }, 403, 'csrf');
    await hit('PUT', '/api/submissions/2024-11/QLKH/draft', { body: draft, headers: { cookie, 'x-csrf-token': `${csrf.slice(0, -2)}xx` } }, 403, 'csrf');
    const saved = await hit('PUT', '/api/submissions/2024-11/QLKH/draft', { body: draft, headers: { cookie, 'x-csrf-token': csrf } }, 200);
    expect(saved.body.submission.draft.savedBy).toBe('local-unit-qlkh');

    const vp = await hit('POST', '/auth/session', { body: { token: tokens.vp } }, 200);
    expect(vp.body).toMatchObject({ role: 'van-phong', unit: null });
    // Sign-out revokes the token: a session of its own, so the other cases keep theirs.
    const leaving = await tokenFor('van-phong');
    const left = await hit('POST', '/auth/session', { body: { token: leaving } }, 200);
    const leavingCookie = (left.headers.get('set-cookie') ?? '').split(';')[0]!;
    await hit('POST', '/auth/signout', { headers: { cookie: leavingCookie } }, 403, 'csrf');
    const out = await hit('POST', '/auth/signout', { headers: { cookie: leavingCookie, 'x-csrf-token': left.body.csrfToken } }, 200);
    expect(out.body).toEqual({ signedOut: true, next: '/signin' });
    expect(out.headers.get('set-cookie')).toMatch(/^baocao_session=; .*Max-Age=0/);
    await hit('GET', '/api/status?period=2024-10', { headers: { cookie: leavingCookie } }, 401, 'token_revoked');
    expect((await hit('POST', '/auth/signout', {}, 200)).body).toEqual({ signedOut: true, next: '/signin' });
  });

  it('the status board, for Văn phòng and the leaders only', async () => {
    const board = await hit('GET', '/api/status?period=2024-10', as('vp'), 200);
    const qlkh = board.body.rows.find((r: { unit: { code: string } }) => r.unit.code === 'QLKH');
    // October 2024's deadline (the 20th) passed long before these tests ran.
    expect(qlkh).toMatchObject({ status: 'late', revision: 2, tasksDue: qlkhTasks.length, tasksReported: qlkhTasks.length });
    expect(board.body.deadlinePassed).toBe(true);
    expect(board.body.summary.units).toBe(board.body.rows.length);
    await hit('GET', '/api/status?period=2024-10', as('ld'), 200);
    await hit('GET', '/api/status', as('vp'), 200);
    await hit('GET', '/api/status?period=2024-10', as('unit'), 403, 'forbidden');
    await hit('GET', '/api/status?period=2024-1', as('vp'), 400, 'invalid_period');
    await hit('GET', '/api/status?period=2024-10', {}, 401, 'unauthenticated');
    // The same board as a workbook (test/integration/status-board.test.ts opens it): the document's type and header.
    const xlsx = await hit('GET', '/api/status?period=2024-10&format=xlsx', as('ld'), 200);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    await hit('GET', '/api/status?period=2024-10&format=csv', as('vp'), 400, 'invalid_format');
    // The page's JSON twin answers with the same board and JSON errors.
    const twin = await hit('GET', '/status?period=2024-10&format=json', as('vp'), 200);
    expect(twin.body.rows).toEqual(board.body.rows);
    await hit('GET', '/status?period=2024-10', as('ld', { headers: { accept: 'application/json' } }), 200);
    await hit('GET', '/status?period=2024-10&format=json', as('unit'), 403, 'forbidden');
    await hit('GET', '/status?period=2024-10&format=json', {}, 401, 'unauthenticated');
    await hit('GET', '/status?period=2024-1&format=json', as('vp'), 400, 'invalid_period');
    // The leaders' dashboard (test/integration/dashboard.test.ts checks its numbers against the Director's report).
    const dash = await hit('GET', '/api/dashboard?period=2024-10', as('ld'), 200);
    expect(dash.body.period).toBe('2024-10');
    await hit('GET', '/api/dashboard?period=2024-10&format=xlsx', as('vp'), 200);
    await hit('GET', '/api/dashboard?period=2024-10&format=csv', as('vp'), 400, 'invalid_format');
    await hit('GET', '/api/dashboard?period=2024-1', as('vp'), 400, 'invalid_period');
    await hit('GET', '/api/dashboard?period=2024-10', as('unit'), 403, 'forbidden');
    await hit('GET', '/api/dashboard?period=2024-10', {}, 401, 'unauthenticated');
  });

  it('static assets: the hashed files the pages name, kept for a year, and a JSON 404 for any other name', async () => {
    const page = String((await call('GET', '/signin')).body);
    const css = page.match(/href="(\/static\/app-[A-Z0-9]+\.css)"/)![1]!;
    const js = page.match(/src="(\/static\/signin-[A-Z0-9]+\.js)"/)![1]!;
    const res = await hit('GET', css, {}, 200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const etag = res.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    await hit('GET', css, { headers: { 'if-none-match': etag! } }, 304);
    await hit('GET', js, {}, 200);
    for (const name of ['app.css', 'form.js', 'secret.env', 'manifest.json', 'build.json']) await hit('GET', `/static/${name}`, {}, 404, 'not_found');
  });

  it('compiles and lists reports (2024-10)', async () => {
    await hit('POST', '/api/reports', as('unit', { body: { period: '2024-10' } }), 403, 'forbidden');
    await hit('POST', '/api/reports', as('ld', { body: { period: '2024-10' } }), 403, 'forbidden');
    await hit('POST', '/api/reports', { body: { period: '2024-10' } }, 401, 'unauthenticated');
    await hit('POST', '/api/reports', as('vp', { body: { period: '2024-10', kind: 'quarterly' } }), 400, 'kind_mismatch');
    await hit('POST', '/api/reports', as('vp', { body: { period: '2024-10', extra: 1 } }), 422, 'invalid_input');
    await hit(
      'POST',
      '/api/reports',
      as('vp', { rawBody: 'period=2024-10', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
      415,
      'unsupported_media_type',
    );
    await hit('POST', '/api/reports', as('vp', { body: { period: '2099-01' } }), 422, 'period_not_open');

    const first = await hit('POST', '/api/reports', as('vp', { body: { period: '2024-10' } }), 201);
    expect(first.body.created).toBe(true);
    expect(first.body.report.files).toHaveLength(4);
    // Compiling again gives the same version unless its inputs changed; the inputs include
    // earlier months that other test files write to, so either answer is correct here.
    const again = await call('POST', '/api/reports', as('vp', { body: { period: '2024-10' } }));
    assertResponseMatchesSpec('POST', '/api/reports', again);
    expect([200, 201]).toContain(again.status);
    expect(again.body.created).toBe(again.status === 201);

    const list = await hit('GET', '/api/reports?period=2024-10', as('ld'), 200);
    const v1 = list.body.reports.find((r: { version: number }) => r.version === first.body.report.version);
    expect(v1.files.map((f: { fileName: string }) => f.fileName)).toContain('Dự thảo báo cáo UBND tỉnh - tháng 10 năm 2024 (v1).pdf');
    expect(list.body.reports.filter((r: { latest: boolean }) => r.latest)).toHaveLength(1);
    await hit('GET', '/api/reports', as('vp'), 200);
    await hit('GET', '/api/reports?period=2024-10', as('unit'), 403, 'forbidden');
    await hit('GET', '/api/reports?period=10-2024', as('vp'), 400, 'invalid_period');

    // Issuing the latest version, then attaching its signed PDF: every answer as the document says.
    const latest = list.body.reports.find((r: { latest: boolean }) => r.latest).version as number;
    await hit('POST', '/api/reports/2024-10/issue', as('unit', { body: { audience: 'ubnd' } }), 403, 'forbidden');
    await hit('POST', '/api/reports/2024-10/issue', { body: { audience: 'ubnd' } }, 401, 'unauthenticated');
    await hit('POST', '/api/reports/2024-10/issue', as('vp', { body: { audience: 'ubnd', date: '2024-02-30' } }), 400, 'invalid_date');
    await hit('POST', '/api/reports/2024-10/issue', as('vp', { body: { audience: 'ubnd', version: latest + 1 } }), 404, 'not_found');
    await hit('POST', '/api/reports/2024-10/issue', as('vp', { body: { audience: 'ubnd', number: 'mười' } }), 422, 'invalid_input');
    await hit('POST', '/api/reports/2023-09/issue', as('vp', { body: { audience: 'ubnd' } }), 404, 'not_compiled');
    const issued = await hit('POST', '/api/reports/2024-10/issue', as('ld', { body: { audience: 'ubnd', version: latest } }), 201);
    expect(issued.body.number).toMatch(/^\d{2,}\/BC-SKHCN$/u);
    await hit('POST', '/api/reports/2024-10/issue', as('vp', { body: { audience: 'ubnd' } }), 409, 'already_issued');
    if (latest > 1) await hit('POST', '/api/reports/2024-10/issue', as('vp', { body: { audience: 'director', version: latest - 1 } }), 409, 'superseded');
    const after = await hit('GET', '/api/reports?period=2024-10', as('vp'), 200);
    const pdf = after.body.reports.find((r: { version: number }) => r.version === latest).issued.ubnd.files.find((f: { format: string }) => f.format === 'pdf');
    const bytes = Buffer.from(await (await fetch(pdf.url)).arrayBuffer());
    const signed = (token: Who, body: Buffer | string, type = 'application/pdf') => as(token, { rawBody: body, headers: { 'content-type': type } });
    await hit('PUT', '/api/reports/2024-10/signed?audience=ubnd', signed('ld', bytes), 403, 'forbidden');
    await hit('PUT', '/api/reports/2024-10/signed?audience=ubnd', signed('vp', bytes, 'text/plain'), 415, 'unsupported_media_type');
    await hit('PUT', '/api/reports/2024-10/signed?audience=nobody', signed('vp', bytes), 400, 'invalid_audience');
    await hit('PUT', '/api/reports/2024-10/signed?audience=director', signed('vp', bytes), 409, 'not_issued');
    await hit('PUT', '/api/reports/2024-10/signed?audience=ubnd', signed('vp', 'không phải PDF'), 422, 'not_pdf');
    const ok = await hit('PUT', '/api/reports/2024-10/signed?audience=ubnd', signed('vp', bytes), 201);
    expect(ok.body.signed.size).toBe(bytes.byteLength);
  });

  it('applies each role to each read endpoint as documented', async () => {
    const matrix: [string, Record<Who, number>][] = [
      ['/health', { none: 200, unit: 200, other: 200, vp: 200, ld: 200 }],
      ['/api/plan?year=2024', { none: 401, unit: 200, other: 200, vp: 200, ld: 200 }],
      ['/api/form?period=2024-10', { none: 401, unit: 200, other: 200, vp: 400, ld: 400 }],
      ['/api/form?period=2024-10&unit=QLKH', { none: 401, unit: 200, other: 403, vp: 200, ld: 200 }],
      ['/api/submissions?period=2024-10', { none: 401, unit: 200, other: 200, vp: 200, ld: 200 }],
      ['/api/submissions/2024-10/QLKH', { none: 401, unit: 200, other: 403, vp: 200, ld: 200 }],
      ['/api/submissions/2024-10/QLKH/revisions', { none: 401, unit: 200, other: 403, vp: 200, ld: 200 }],
      ['/api/status?period=2024-10', { none: 401, unit: 403, other: 403, vp: 200, ld: 200 }],
      ['/api/reports?period=2024-10', { none: 401, unit: 403, other: 403, vp: 200, ld: 200 }],
      ['/api/dashboard?period=2024-10', { none: 401, unit: 403, other: 403, vp: 200, ld: 200 }],
      ['/api/directions?year=2024', { none: 401, unit: 403, other: 403, vp: 200, ld: 200 }],
    ];
    for (const [path, expected] of matrix) {
      for (const [who, status] of Object.entries(expected) as [Who, number][]) await hit('GET', path, as(who), status);
    }
  });
});

describe("the province's view matches docs/openapi.yaml", () => {
  it("for Văn phòng UBND tỉnh of the demo's province; refused to a Sở; 409 when the office names no province", async () => {
    const office = `vpubnd-${randomUUID().slice(0, 8)}`;
    // The demo Sở's profile names its province (bac-giang); the office is an agency of its own in it.
    await setAgency(testContainer(office).agencies, { ...demoProfile(), agencyId: office, name: 'Văn phòng UBND tỉnh' });
    const token = await tokenFor('ubnd-tinh', undefined, { agencyId: office });
    const view = await hit('GET', '/api/province?period=2024-05', { token }, 200);
    expect(view.body.agencies.map((a: { agencyId: string }) => a.agencyId)).toContain('skhcn-bacgiang');
    await hit('GET', '/api/province?period=2024-13', { token }, 400, 'invalid_period');
    await hit('GET', '/api/province?period=2024-05', as('vp'), 403, 'forbidden');
    await hit('GET', '/api/province?period=2024-05', {}, 401, 'unauthenticated');
    const { province: _p, ...noProvince } = demoProfile();
    const lost = `vpubnd-${randomUUID().slice(0, 8)}`;
    await setAgency(testContainer(lost).agencies, { ...noProvince, agencyId: lost });
    await hit('GET', '/api/province?period=2024-05', { token: await tokenFor('ubnd-tinh', undefined, { agencyId: lost }) }, 409, 'province_not_set');
  });
});

describe('people and sign-in by email code match docs/openapi.yaml', () => {
  it('Văn phòng invites a unit head, who signs in by an emailed code; a disabled person is refused and their session ends', async () => {
    const agency = `t-people-${randomUUID().slice(0, 8)}`;
    const other = `t-people-${randomUUID().slice(0, 8)}`;
    await setAgency(testContainer(agency).agencies, { ...demoProfile(), agencyId: agency });
    await setAgency(testContainer(other).agencies, { ...demoProfile(), agencyId: other });
    const vp = await tokenFor('van-phong', undefined, { agencyId: agency, name: 'Nguyễn Văn Phòng' });
    const email = `truong.qlkh.${agency}@example.test`;
    const invited = await hit(
      'POST',
      '/api/users',
      { token: vp, body: { email: `  ${email.toUpperCase()} `, name: 'Trần Thị Trưởng', role: 'unit', unit: 'QLKH' } },
      201,
    );
    expect(invited.body.user).toMatchObject({ email, role: 'unit', unit: 'QLKH', status: 'active', version: 1 });
    const invitation = (await emailsTo(email)).find((e) => e.subject.includes('Tài khoản'));
    expect(invitation?.body.text).toContain(`${localEnv().PUBLIC_URL}/signin`);
    await hit('POST', '/api/users', { token: vp, body: { email, name: 'Trần Thị Trưởng', role: 'unit', unit: 'QLKH' } }, 409, 'user_exists');
    const otherVp = await tokenFor('van-phong', undefined, { agencyId: other });
    await hit('POST', '/api/users', { token: otherVp, body: { email, name: 'Người khác', role: 'lanh-dao' } }, 409, 'email_other_agency');
    await hit('POST', '/api/users', { token: vp, body: { email: `x.${agency}@example.test`, name: 'Không đơn vị', role: 'unit' } }, 422, 'invalid_user');
    await hit('POST', '/api/users', { token: vp, body: { email: `y.${agency}@example.test`, name: 'Tỉnh', role: 'ubnd-tinh' } }, 422, 'invalid_user');
    await hit('POST', '/api/users', { token: vp, body: { email: 'not-an-address', name: 'Sai địa chỉ', role: 'lanh-dao' } }, 422, 'invalid_user');
    await hit('GET', '/api/users', { token: await tokenFor('unit', 'QLKH', { agencyId: agency }) }, 403, 'forbidden');
    // A leader turns their own morning digest on (issue 15, item 4); it shows on their record.
    const leaderEmail = `giamdoc.${agency}@example.test`;
    const leader = (await hit('POST', '/api/users', { token: vp, body: { email: leaderEmail, name: 'Phạm Văn Giám Đốc', role: 'lanh-dao' } }, 201)).body.user;
    const leaderToken = await tokenFor('lanh-dao', undefined, { agencyId: agency, sub: leader.sub });
    expect((await hit('PUT', '/api/me/digest', { token: leaderToken, body: { digest: true } }, 200)).body).toEqual({ digest: true });
    expect((await hit('GET', '/api/users', { token: vp }, 200)).body.users.find((u: { email: string }) => u.email === leaderEmail)).toMatchObject({
      digest: true,
      version: 2,
    });
    await hit('PUT', '/api/me/digest', { token: vp, body: { digest: true } }, 403, 'forbidden');
    await hit('PUT', '/api/me/digest', { token: await tokenFor('lanh-dao', undefined, { agencyId: agency }), body: { digest: true } }, 404, 'user_not_found');
    // Another agency's Văn phòng sees none of this agency's people.
    expect((await hit('GET', '/api/users', { token: otherVp }, 200)).body.users).toEqual([]);

    // Sign-in by code: the same answer for an unknown address, and nothing sent to it.
    const unknown = `nobody.${agency}@example.test`;
    await hit('POST', '/auth/code', { body: { email: unknown } }, 202);
    await hit('POST', '/auth/code', { body: { email: 'không phải địa chỉ' } }, 400, 'invalid_email');
    expect(await emailsTo(unknown)).toEqual([]);
    await hit('POST', '/auth/code', { body: { email } }, 202);
    const code = await codeSentTo(email, 0);
    const wrong = code === '000000' ? '000001' : '000000';
    const bad = await hit('POST', '/auth/session', { body: { email, code: wrong } }, 422, 'code_invalid');
    expect(bad.body.error.message).toContain('còn 4 lần');
    await hit('POST', '/auth/session', { body: { email, code: '12' } }, 400, 'invalid_code');
    const session = await hit('POST', '/auth/session', { body: { email, code } }, 200);
    expect(session.body).toMatchObject({ role: 'unit', unit: 'QLKH' });
    const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0]!;
    // Used once.
    await hit('POST', '/auth/session', { body: { email, code } }, 422, 'code_invalid');
    // The session works…
    expect((await call('GET', '/api/form?period=2024-05', { headers: { cookie } })).status).toBe(200);

    // …until Văn phòng disables the person: the open session ends at once, no new code is sent.
    const listed = await hit('GET', '/api/users', { token: vp }, 200);
    const user = listed.body.users.find((u: { email: string }) => u.email === email);
    await hit('PUT', `/api/users/${encodeURIComponent(email)}`, { token: vp, body: { version: user.version + 1, status: 'disabled' } }, 409, 'user_changed');
    const disabled = await hit('PUT', `/api/users/${encodeURIComponent(email)}`, { token: vp, body: { version: user.version, status: 'disabled' } }, 200);
    expect(disabled.body.user).toMatchObject({ status: 'disabled', version: 2 });
    const after = await call('GET', '/api/form?period=2024-05', { headers: { cookie } });
    expect([after.status, after.body.error?.code]).toEqual([401, 'token_revoked']);
    const before = (await emailsTo(email)).length;
    await hit('POST', '/auth/code', { body: { email } }, 202);
    expect((await emailsTo(email)).length).toBe(before);
    await hit(
      'PUT',
      `/api/users/${encodeURIComponent(`nobody.${agency}@example.test`)}`,
      { token: vp, body: { version: 1, status: 'disabled' } },
      404,
      'user_not_found',
    );
    // Another agency cannot touch this person.
    await hit('PUT', `/api/users/${encodeURIComponent(email)}`, { token: otherVp, body: { version: 2, status: 'active' } }, 404, 'user_not_found');
    // The audit log: who invited and who disabled, newest first; the leader's own digest setting and invitation before.
    const audit = (await hit('GET', '/api/users', { token: vp }, 200)).body.audit as { action: string; target: string; actor: string }[];
    expect(audit.map((a) => [a.action, a.target])).toEqual([
      ['user-disabled', email],
      ['user-changed', leaderEmail],
      ['user-invited', leaderEmail],
      ['user-invited', email],
    ]);
    expect(audit[0]!.actor).toContain('Nguyễn Văn Phòng');
  });

  it('limits codes per address each hour', async () => {
    const email = `limit.${randomUUID().slice(0, 8)}@example.test`;
    for (let i = 0; i < 5; i++) await hit('POST', '/auth/code', { body: { email } }, 202);
    const refused = await hit('POST', '/auth/code', { body: { email } }, 429, 'too_many_codes');
    expect(refused.body.error.message).toContain('thử lại sau');
  });
});

describe('reminding units now matches docs/openapi.yaml', () => {
  it('previews the reminders without sending, sends the chosen ones once per key, and refuses what is not to remind', async () => {
    const agency = `t-rem-${randomUUID().slice(0, 8)}`;
    const demo = demoProfile();
    // Each unit's address is this test's own, so the mailbox is read without other tests' mail.
    const units = demo.units.map((u) => ({ ...u, emails: [`${u.code.toLowerCase()}.${agency}@example.test`] }));
    const c = testContainer(agency);
    await setAgency(c.agencies, { ...demo, agencyId: agency, units });
    await c.plans.putPlan(smallPlan(agency, 3), { hash: `p-${agency}`, importedAt: '2024-01-05T00:00:00Z', importedBy: 'test', source: 'test' });
    const vp = await tokenFor('van-phong', undefined, { agencyId: agency });
    const qlkh = `qlkh.${agency}@example.test`;
    const preview = await hit('POST', '/api/reminders', { token: vp, body: { period: '2024-05', dryRun: true } }, 200);
    const row = preview.body.reminders.find((r: { unit: { code: string } }) => r.unit.code === 'QLKH');
    expect(row).toMatchObject({ status: 'missing', to: [qlkh] });
    expect(row.subject).toContain('Báo cáo tháng 5 năm 2024');
    expect(row).not.toHaveProperty('outcome');
    expect(await emailsTo(qlkh)).toEqual([]);

    const send = () =>
      hit('POST', '/api/reminders', { token: vp, body: { period: '2024-05', units: ['QLKH'] }, headers: { 'idempotency-key': `k-${agency}` } }, 200);
    const sent = await send();
    expect(sent.body.reminders).toHaveLength(1);
    expect(sent.body.reminders[0]).toMatchObject({ unit: { code: 'QLKH' }, outcome: 'sent' });
    expect((await emailsTo(qlkh)).map((e) => e.subject)).toEqual([row.subject]);
    // The same request again (a double click, a lost answer): nothing more is sent.
    expect((await send()).body.reminders[0]).toMatchObject({ outcome: 'sent', messageId: sent.body.reminders[0].messageId });
    expect(await emailsTo(qlkh)).toHaveLength(1);
    const log = (await c.jobs.listDeliveries(agency, '2024-05')).filter((d) => d.purpose === 'reminder:QLKH');
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ status: 'sent', to: [qlkh], messageId: sent.body.reminders[0].messageId });

    await hit('POST', '/api/reminders', { token: vp, body: { period: '2024-05', units: ['KHONGCO'] } }, 422, 'nothing_to_remind');
    await hit('POST', '/api/reminders', { token: vp, body: { period: '2024-5' } }, 422, 'invalid_input');
    await hit(
      'POST',
      '/api/reminders',
      { token: await tokenFor('lanh-dao', undefined, { agencyId: agency }), body: { period: '2024-05', dryRun: true } },
      403,
      'forbidden',
    );
    await c.submissions.setLock({ agencyId: agency, period: '2024-05', locked: true, at: new Date().toISOString(), by: 'test', reason: 'test' });
    await hit('POST', '/api/reminders', { token: vp, body: { period: '2024-05', dryRun: true } }, 409, 'period_locked');
  });
});

describe('sending the issued report to UBND tỉnh now matches docs/openapi.yaml', () => {
  it('previews, refuses what is not issued, sends once through the job path and answers a second click with the first message id', async () => {
    // An agency of its own: delivering locks the month and sends to its own UBND address.
    const a = `t-dlv-${randomUUID().slice(0, 8)}`;
    const ubnd = `vanthu.${a}@ubnd.example.test`;
    const c = testContainer(a);
    const demo = demoProfile();
    await setAgency(c.agencies, { ...demo, agencyId: a, emails: { ...demo.emails, ubnd: [ubnd] } });
    await c.plans.putPlan(smallPlan(a), { hash: `p-${a}`, importedAt: '2024-01-05T00:00:00Z', importedBy: 'test', source: 'test' });
    const [vp, ld, unit] = await Promise.all([
      tokenFor('van-phong', undefined, { agencyId: a }),
      tokenFor('lanh-dao', undefined, { agencyId: a }),
      tokenFor('unit', 'QLKH', { agencyId: a }),
    ]);
    const url = '/api/reports/2024-05/deliver';
    const submitted = await call('POST', '/api/submissions', {
      token: unit,
      body: { period: '2024-05', unit: 'QLKH', baseRevision: 0, data: { reporterName: 'Nguyễn Thị Hoa', otherWork: [], tasks: [taskReport('I-2', 40)] } },
    });
    expect(submitted.status).toBe(201);

    await hit('POST', url, { body: {} }, 401, 'unauthenticated');
    await hit('POST', url, { token: unit, body: {} }, 403, 'forbidden');
    await hit('POST', url, { token: ld, body: {} }, 403, 'forbidden');
    await hit('POST', '/api/reports/2024-13/deliver', { token: vp, body: {} }, 404, 'not_found');
    await hit('POST', `${url}?dryRun=maybe`, { token: vp, body: {} }, 400, 'invalid_dry_run');
    await hit('POST', url, { token: vp, body: { resend: 'có' } }, 422, 'invalid_input');
    // Nothing compiled, then a draft only: nothing is sent, whatever the profile's autoIssue says.
    await hit('POST', `${url}?dryRun=true`, { token: vp, body: {} }, 409, 'not_issued');
    expect((await call('POST', '/api/reports', { token: vp, body: { period: '2024-05' } })).status).toBe(201);
    const notIssued = await hit('POST', url, { token: vp, body: {} }, 409, 'not_issued');
    expect(notIssued.body.error.message).toContain('chưa được phát hành');
    expect(await emailsTo(ubnd)).toEqual([]);

    const issued = await call('POST', '/api/reports/2024-05/issue', { token: vp, body: { audience: 'ubnd' } });
    expect(issued.status).toBe(201);
    const preview = await hit('POST', `${url}?dryRun=true`, { token: vp, body: {} }, 200);
    expect(preview.body).toMatchObject({ dryRun: true, version: 1, number: issued.body.number, to: [ubnd], signed: false, linked: [] });
    expect(preview.body.subject).toContain(`Báo cáo số ${issued.body.number}`);
    expect(preview.body.attached).toHaveLength(2);
    expect(preview.body.attached[0]).toMatch(/\.pdf$/);
    expect(preview.body.outcome).toBeUndefined();
    // The preview sent nothing.
    expect(await emailsTo(ubnd)).toEqual([]);

    const sent = await hit('POST', url, { token: vp, body: {} }, 200);
    expect(sent.body).toMatchObject({ dryRun: false, outcome: 'sent', locked: true, to: [ubnd], subject: preview.body.subject });
    const inbox = await emailsTo(ubnd);
    expect(inbox.map((e) => [e.subject, e.messageId])).toEqual([[preview.body.subject, sent.body.messageId]]);
    // A second click: nothing sent again, the first delivery named with its message id.
    const again = await hit('POST', url, { token: vp, body: {} }, 200);
    expect(again.body).toMatchObject({
      outcome: 'already-delivered',
      messageId: sent.body.messageId,
      delivered: { to: [ubnd], messageId: sent.body.messageId },
    });
    const shown = await hit('POST', `${url}?dryRun=true`, { token: vp, body: {} }, 200);
    expect(shown.body.delivered).toMatchObject({ messageId: sent.body.messageId });
    expect(await emailsTo(ubnd)).toHaveLength(1);
    // The delivery log has it, and the month is locked by the delivery (with its reason in the lock log).
    const log = await c.jobs.listDeliveries(a, '2024-05');
    expect(log.filter((e) => e.purpose === 'ubnd-report').map((e) => [e.status, e.messageId, e.to])).toEqual([['sent', sent.body.messageId, [ubnd]]]);
    expect((await c.submissions.listLockLog(a, '2024-05')).map((l) => l.reason)).toContain(`Đã gửi Báo cáo số ${issued.body.number} cho UBND tỉnh`);
  });
});

describe('the agency profile matches docs/openapi.yaml', () => {
  it('reads the profile and its versions, previews problems and the printed header, refuses a placeholder signer, stores a new version', async () => {
    const a = `t-prof-${randomUUID().slice(0, 8)}`;
    const c = testContainer(a);
    await setAgency(c.agencies, { ...demoProfile(), agencyId: a });
    const [vp, ld] = await Promise.all([tokenFor('van-phong', undefined, { agencyId: a }), tokenFor('lanh-dao', undefined, { agencyId: a })]);
    await hit('GET', '/api/agency/profile', {}, 401, 'unauthenticated');
    await hit('GET', '/api/agency/profile', { token: ld }, 403, 'forbidden');
    const read = await hit('GET', '/api/agency/profile', { token: vp }, 200);
    expect(read.body.versions).toEqual([{ version: 1, effectiveFrom: '2024-01-01', inForce: true }]);
    const current = read.body.current;

    const url = '/api/agency/profile';
    await hit('POST', url, { token: ld, body: current }, 403, 'forbidden');
    await hit('POST', `${url}?dryRun=perhaps`, { token: vp, body: current }, 400, 'invalid_dry_run');
    await hit('POST', url, { token: vp, rawBody: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 415, 'unsupported_media_type');
    await hit('POST', url, { token: vp, body: ['not', 'an', 'object'] }, 422, 'invalid_input');
    // Problems by field, in Vietnamese, in the preview; the same refused when saving.
    const broken = { ...current, effectiveFrom: '2026-01-01', name: '   ', submissionDeadlineDay: 40 };
    const problems = await hit('POST', `${url}?dryRun=true`, { token: vp, body: broken }, 200);
    expect(problems.body.valid).toBe(false);
    expect(problems.body.problems).toEqual(expect.arrayContaining([{ field: 'name', message: 'không được để trống' }]));
    const refused = await hit('POST', url, { token: vp, body: broken }, 422, 'invalid_profile');
    expect(refused.body.error.fields.map((f: { field: string }) => f.field)).toContain('submissionDeadlineDay');
    // A placeholder signer: shown in the preview, refused with 400 when saving.
    const placeholder = { ...current, effectiveFrom: '2026-01-01', signers: { ...current.signers, ubnd: { ...current.signers.ubnd, name: '(họ tên)' } } };
    const shown = await hit('POST', `${url}?dryRun=true`, { token: vp, body: placeholder }, 200);
    expect(shown.body.problems).toEqual([{ field: 'signers.ubnd.name', message: expect.stringContaining('tên mẫu') }]);
    const ph = await hit('POST', url, { token: vp, body: placeholder }, 400, 'placeholder_signer');
    expect(ph.body.error.message).toContain('họ tên thật');

    const next = { ...current, effectiveFrom: '2026-01-01', placeName: 'Bắc Ninh', superiorHeader: 'UBND TỈNH BẮC NINH' };
    const preview = await hit('POST', `${url}?dryRun=true`, { token: vp, body: next }, 200);
    expect(preview.body).toMatchObject({ dryRun: true, valid: true, problems: [] });
    expect(preview.body.header.ubnd).toMatchObject({
      superior: 'UBND TỈNH BẮC NINH',
      issuer: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
      dateLine: 'Bắc Ninh, ngày 01 tháng 01 năm 2026',
      subject: 'Kết quả thực hiện nhiệm vụ tháng 1 năm 2026',
      signer: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Ngô Chí Vinh'],
    });
    expect(await c.agencies.listProfiles(a)).toHaveLength(1);
    const saved = await hit('POST', url, { token: vp, body: next }, 201);
    expect(saved.body.stored).toEqual({ version: 2, effectiveFrom: '2026-01-01', changed: true });
    expect((await hit('POST', url, { token: vp, body: next }, 200)).body.stored).toEqual({ version: 2, effectiveFrom: '2026-01-01', changed: false });
    const after = await hit('GET', '/api/agency/profile', { token: vp }, 200);
    expect(after.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    // The change is in the agency's audit log, by whom and what.
    const audit = await c.users.listAudit(a, 10);
    expect(audit.filter((x) => x.action === 'profile-version').map((x) => [x.target, (x.after as { changed: string[] }).changed])).toEqual([
      ['hồ sơ cơ quan v2 (từ 2026-01-01)', ['effectiveFrom', 'placeName', 'superiorHeader']],
    ]);
  });
});

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('the plan kept from the portal matches docs/openapi.yaml', () => {
  it('previews and imports an .xlsx, refuses what is not one, previews and records a deadline extension', async () => {
    const agency = `t-plan-${randomUUID().slice(0, 8)}`;
    await setAgency(testContainer(agency).agencies, { ...demoProfile(), agencyId: agency });
    const vp = await tokenFor('van-phong', undefined, { agencyId: agency, name: 'Nguyễn Văn Phòng' });
    const xlsx = readFileSync(new URL('../fixtures/plans/seed-004-bacgiang-2024.xlsx', import.meta.url));
    const upload = (extra: CallOpts = {}): CallOpts => ({
      token: vp,
      rawBody: xlsx,
      headers: { 'content-type': XLSX_TYPE, 'x-file-name': 'ke-hoach-2024.xlsx' },
      ...extra,
    });
    const preview = await hit('POST', '/api/plans/2024?dryRun=true', upload(), 200);
    expect(preview.body).toMatchObject({ ok: true, dryRun: true, changed: false, problems: [] });
    expect(preview.body.diff.added.length).toBe(preview.body.taskCount);
    const imported = await hit('POST', '/api/plans/2024', upload(), 201);
    expect(imported.body.meta.version).toBe(1);
    expect((await hit('POST', '/api/plans/2024', upload(), 200)).body.changed).toBe(false);
    await hit('POST', '/api/plans/2024', upload({ rawBody: '%PDF-1.7', headers: { 'content-type': XLSX_TYPE } }), 415, 'unsupported_media_type');
    await hit('POST', '/api/plans/2024', upload({ headers: { 'content-type': 'application/pdf' } }), 415, 'unsupported_media_type');
    await hit('POST', '/api/plans/2024', upload({ rawBody: Buffer.alloc(0) }), 400, 'empty_body');
    await hit('POST', '/api/plans/20x4', upload(), 400, 'invalid_year');
    await hit(
      'POST',
      '/api/plans/2024',
      upload({ rawBody: Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(4 * 1024 * 1024)]) }),
      413,
      'body_too_large',
    );
    // A zip that is no workbook: 200 with the problem in the preview, 400 plan_invalid when confirmed.
    const zipOnly = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64)]);
    expect((await hit('POST', '/api/plans/2024?dryRun=true', upload({ rawBody: zipOnly }), 200)).body.ok).toBe(false);
    const refused = await hit('POST', '/api/plans/2024', upload({ rawBody: zipOnly }), 400, 'plan_invalid');
    expect(refused.body.error.problems.length).toBeGreaterThan(0);
    await hit('POST', '/api/plans/2024', { ...upload(), token: await tokenFor('lanh-dao', undefined, { agencyId: agency }) }, 403, 'forbidden');

    const task = imported.body.diff.added[0].id as string;
    const amend = { deadline: '2025-03-31', decision: { number: '123/QĐ-SKHCN', date: '2024-12-20', reason: 'Chờ bổ sung kinh phí' } };
    const dry = await hit('POST', `/api/plans/2024/tasks/${task}/amendments`, { token: vp, body: { ...amend, dryRun: true } }, 200);
    expect(dry.body).toMatchObject({ dryRun: true, changed: false });
    expect(dry.body.after).toContain('gia hạn theo Quyết định số 123/QĐ-SKHCN ngày 20/12/2024');
    const done = await hit('POST', `/api/plans/2024/tasks/${task}/amendments`, { token: vp, body: amend }, 201);
    expect(done.body.meta.version).toBe(2);
    expect((await hit('POST', `/api/plans/2024/tasks/${task}/amendments`, { token: vp, body: amend }, 200)).body.changed).toBe(false);
    await hit('POST', `/api/plans/2024/tasks/KHONGCO/amendments`, { token: vp, body: amend }, 404, 'task_not_found');
    await hit('POST', `/api/plans/2019/tasks/${task}/amendments`, { token: vp, body: amend }, 404, 'plan_not_found');
    await hit(
      'POST',
      `/api/plans/2024/tasks/${task}/amendments`,
      { token: vp, body: { ...amend, decision: { ...amend.decision, number: 'không số' } } },
      422,
      'invalid_amendment',
    );
    await hit('POST', `/api/plans/2024/tasks/${task}/amendments`, { token: vp, body: { ...amend, deadline: '31/03/2025' } }, 422, 'invalid_input');
    const plan = await hit('GET', '/api/plan?year=2024', { token: vp }, 200);
    expect(plan.body.tasks.find((t: { id: string }) => t.id === task).amendments).toHaveLength(1);
  });
});

describe('coverage of the document by this file', () => {
  it('checked a success response of every JSON operation, and every documented client error status', () => {
    const jsonOps = specOperations().filter((o) =>
      Object.values<{ content?: Record<string, unknown> }>(o.operation.responses).some((r) => r.content?.['application/json']),
    );
    const missing = jsonOps.filter((o) => ![...(seen.get(`${o.method} ${o.path}`) ?? [])].some((s) => s >= 200 && s < 300)).map((o) => `${o.method} ${o.path}`);
    expect(missing).toEqual([]);
    const statuses = new Set([...seen.values()].flatMap((s) => [...s]));
    for (const s of [400, 401, 403, 404, 409, 413, 415, 422]) expect(statuses.has(s), `status ${s}`).toBe(true);
  });
});
