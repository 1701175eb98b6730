import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { call } from '../support/http.ts';
import { tokenFor } from '../support/local.ts';

// Periods used here: 2024-07 (QLKH, TTR), 2024-08 (CCTCDLCL). Other files use other periods.
const report = (taskId: string, progress: number, extra: Record<string, unknown> = {}) => ({
  taskId,
  status: 'dang-thuc-hien',
  progress,
  result: 'Đã tổ chức 02 hội đồng tư vấn xác định nhiệm vụ.',
  difficulties: '',
  proposals: '',
  needsDecision: false,
  nextPlan: 'Tổ chức nghiệm thu 03 nhiệm vụ.',
  ...extra,
});

let unitToken: string;
let otherUnitToken: string;
let vpToken: string;
let ldToken: string;
let qlkhTasks: { id: string }[];
/** A task each of TTR and CCTCDLCL has in July 2024. */
let ttrTask: string;
let cctTask: string;

beforeAll(async () => {
  [unitToken, otherUnitToken, vpToken, ldToken] = await Promise.all([
    tokenFor('unit', 'QLKH'),
    tokenFor('unit', 'TTR'),
    tokenFor('van-phong'),
    tokenFor('lanh-dao'),
  ]);
  const form = await call('GET', '/api/form?period=2024-07', { token: unitToken });
  expect(form.status).toBe(200);
  qlkhTasks = form.body.tasks.map((t: { task: { id: string } }) => t.task);
  expect(qlkhTasks.length).toBeGreaterThan(0);
  ttrTask = (await call('GET', '/api/form?period=2024-07', { token: otherUnitToken })).body.tasks[0].task.id;
  cctTask = (await call('GET', '/api/form?period=2024-07&unit=CCTCDLCL', { token: vpToken })).body.tasks[0].task.id;
});

describe('submission API through the local HTTP server', () => {
  it('shows a unit its own tasks for the period, pre-filled from the last period', async () => {
    const form = await call('GET', '/api/form?period=2024-06', { token: otherUnitToken });
    expect(form.status).toBe(200);
    expect(form.body.unit.code).toBe('TTR');
    expect(form.body.tasks.every((t: { task: { leadUnit: string } }) => t.task.leadUnit === 'TTR')).toBe(true);
    // TTR submitted May in the demo data: June starts from May's figures, with this period's result empty.
    const may = await call('GET', '/api/submissions/2024-05/TTR', { token: otherUnitToken });
    const mayTask = may.body.submission.data.tasks[0];
    const june = form.body.initial.tasks.find((t: { taskId: string }) => t.taskId === mayTask.taskId);
    expect(june.progress).toBe(mayTask.progress);
    expect(june.result).toBe('');
  });

  it('stores a submission as revision 1, then 2; a stale revision gets 409 with both versions', async () => {
    const id = qlkhTasks[0]!.id;
    const first = await call('POST', '/api/submissions', {
      token: unitToken,
      body: { period: '2024-07', baseRevision: 0, data: { reporterName: 'Nguyễn Thị Nga', tasks: [report(id, 60)] } },
    });
    expect(first.status).toBe(201);
    expect(first.body.revision.revision).toBe(1);
    expect(first.body.submission.onTime).toBe(false); // July 2024's deadline passed long ago
    const second = await call('POST', '/api/submissions', {
      token: unitToken,
      body: { period: '2024-07', baseRevision: 1, data: { reporterName: 'Nguyễn Thị Nga', tasks: [report(id, 70)] } },
    });
    expect(second.status).toBe(201);
    expect(second.body.revision.changes).toContainEqual({ field: `tasks.${id}.progress`, from: 60, to: 70 });
    const stale = await call('POST', '/api/submissions', {
      token: unitToken,
      body: { period: '2024-07', baseRevision: 1, data: { reporterName: 'Người khác', tasks: [report(id, 65)] } },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_revision');
    expect(stale.body.error.current.revision).toBe(2);
    expect(stale.body.error.yours.reporterName).toBe('Người khác');
    const history = await call('GET', '/api/submissions/2024-07/QLKH/revisions', { token: vpToken });
    expect(history.body.revisions.map((r: { revision: number }) => r.revision)).toEqual([1, 2]);
  });

  it('returns the first result for a replayed Idempotency-Key without a second revision', async () => {
    const id = qlkhTasks[0]!.id;
    const key = randomUUID();
    const body = {
      period: '2024-07',
      unit: 'TTR',
      baseRevision: 0,
      data: { reporterName: 'Trần Minh Đức', tasks: [report(ttrTask, 20, { reason: 'Điều chỉnh theo số liệu rà soát.' })] },
    };
    const a = await call('POST', '/api/submissions', { token: otherUnitToken, body, headers: { 'idempotency-key': key } });
    const b = await call('POST', '/api/submissions', { token: otherUnitToken, body, headers: { 'idempotency-key': key } });
    expect(a.status).toBe(201);
    expect(b.status).toBe(200);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    expect(b.body.revision).toEqual(a.body.revision);
    const changed = await call('POST', '/api/submissions', {
      token: otherUnitToken,
      body: { ...body, data: { ...body.data, reporterName: 'X' } },
      headers: { 'idempotency-key': key },
    });
    expect(changed.status).toBe(422);
    expect(changed.body.error.code).toBe('idempotency_key_reused');
    const history = await call('GET', '/api/submissions/2024-07/TTR/revisions', { token: otherUnitToken });
    expect(history.body.revisions).toHaveLength(1);
    // The key is TTR's user's: another unit (or user) choosing the same key gets its own submission.
    const cct = await tokenFor('unit', 'CCTCDLCL');
    const theirs = {
      period: '2024-07',
      baseRevision: 0,
      data: { reporterName: 'Hoàng Văn Thắng', tasks: [report(cctTask, 10, { reason: 'Điều chỉnh theo số liệu rà soát.' })] },
    };
    const other = await call('POST', '/api/submissions', { token: cct, body: theirs, headers: { 'idempotency-key': key } });
    expect(other.status).toBe(201);
    expect(other.headers.get('idempotent-replayed')).toBeNull();
    expect(other.body.revision).toMatchObject({ unit: 'CCTCDLCL', revision: 1 });
    // And its own retry replays its own result.
    const otherRetry = await call('POST', '/api/submissions', { token: cct, body: theirs, headers: { 'idempotency-key': key } });
    expect([otherRetry.status, otherRetry.body.revision.unit]).toEqual([200, 'CCTCDLCL']);
    // Another unit's task ids are refused.
    const foreign = await call('POST', '/api/submissions', {
      token: otherUnitToken,
      body: { period: '2024-07', baseRevision: 1, data: { reporterName: 'X', tasks: [report(id, 10)] } },
    });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.fields[0].field).toBe('data.tasks.0.taskId');
  });

  it('refuses a report naming no task while the unit has tasks in the month', async () => {
    const empty = await call('POST', '/api/submissions', {
      token: unitToken,
      body: { period: '2024-08', baseRevision: 0, data: { reporterName: 'Nguyễn Thị Nga', tasks: [] } },
    });
    expect(empty.status).toBe(422);
    expect(empty.body.error.fields).toEqual([
      {
        field: 'data.tasks',
        message: expect.stringMatching(/^Báo cáo chưa có nhiệm vụ nào: hãy báo cáo tình hình các nhiệm vụ của đơn vị trong kỳ \(\d+ nhiệm vụ\)\.$/),
      },
    ]);
  });

  it('answers bad input with a clear 4xx and writes nothing', async () => {
    const id = qlkhTasks[0]!.id;
    const base = { period: '2024-08', unit: 'QLKH', baseRevision: 0, data: { reporterName: 'A', tasks: [report(id, 10)] } };
    const cases: [number, string, Parameters<typeof call>[2]][] = [
      [400, 'invalid_json', { token: unitToken, rawBody: '{"period": ', headers: { 'content-type': 'application/json' } }],
      [415, 'unsupported_media_type', { token: unitToken, rawBody: 'period=2024-08', headers: { 'content-type': 'application/x-www-form-urlencoded' } }],
      [413, 'body_too_large', { token: unitToken, body: { ...base, data: { ...base.data, reporterName: 'x'.repeat(300_000) } } }],
      [422, 'invalid_input', { token: unitToken, body: { ...base, data: { ...base.data, tasks: [report(id, 150)] } } }],
      [422, 'invalid_input', { token: unitToken, body: { ...base, data: { ...base.data, reporterName: 'A\u202Eevil' } } }],
      [422, 'invalid_input', { token: unitToken, body: { ...base, extra: 1 } }],
      [422, 'invalid_input', { token: unitToken, body: { ...base, period: '2024-13' } }],
      [422, 'period_not_open', { token: unitToken, body: { ...base, period: '2099-01' } }],
      [403, 'forbidden', { token: otherUnitToken, body: base }],
      [403, 'forbidden', { token: ldToken, body: base }],
      [401, 'unauthenticated', { body: base }],
      [401, 'token_invalid', { token: `${unitToken.slice(0, -4)}AAAA`, body: base }],
    ];
    for (const [status, code, opts] of cases) {
      const res = await call('POST', '/api/submissions', opts);
      expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
      expect(typeof res.body.error.message).toBe('string');
    }
    const none = await call('GET', '/api/submissions/2024-08/QLKH', { token: vpToken });
    expect(none.status).toBe(404);
  });

  it('keeps a draft server-side without creating a revision', async () => {
    const id = qlkhTasks[0]!.id;
    const draft = await call('PUT', '/api/submissions/2024-08/CCTCDLCL/draft', {
      token: await tokenFor('unit', 'CCTCDLCL'),
      body: { data: { reporterName: '', tasks: [] } },
    });
    expect(draft.status).toBe(200);
    expect(draft.body.submission.state).toBe('draft');
    const notMine = await call('PUT', '/api/submissions/2024-08/CCTCDLCL/draft', {
      token: unitToken,
      body: { data: { reporterName: '', tasks: [report(id, 1)] } },
    });
    expect(notMine.status).toBe(403);
    const revs = await call('GET', '/api/submissions/2024-08/CCTCDLCL/revisions', { token: vpToken });
    expect(revs.body.revisions).toEqual([]);
  });

  it('applies every role to every endpoint', async () => {
    const matrix: [string, string, Record<string, number>][] = [
      ['GET', '/api/submissions?period=2024-05', { none: 401, unit: 200, vp: 200, ld: 200 }],
      ['GET', '/api/submissions/2024-05/TTR', { none: 401, unit: 403, vp: 200, ld: 200 }],
      ['GET', '/api/submissions/2024-05/TTR/revisions', { none: 401, unit: 403, vp: 200, ld: 200 }],
      ['GET', '/api/status?period=2024-05', { none: 401, unit: 403, vp: 200, ld: 200 }],
      ['GET', '/api/form?period=2024-05', { none: 401, unit: 200, vp: 400, ld: 400 }],
      ['GET', '/api/form?period=2024-05&unit=TTR', { none: 401, unit: 403, vp: 200, ld: 200 }],
      ['GET', '/api/plan?year=2024', { none: 401, unit: 200, vp: 200, ld: 200 }],
      ['POST', '/api/periods/2024-09/lock', { none: 401, unit: 403, vp: 200, ld: 403 }],
      ['POST', '/api/periods/2024-09/reopen', { none: 401, unit: 403, vp: 200, ld: 403 }],
      ['GET', '/health', { none: 200, unit: 200, vp: 200, ld: 200 }],
    ];
    const tokens: Record<string, string | undefined> = { none: undefined, unit: unitToken, vp: vpToken, ld: ldToken };
    for (const [method, path, expected] of matrix) {
      for (const [who, status] of Object.entries(expected)) {
        // Locking and reopening say why (the lock log keeps it).
        const res = await call(method, path, {
          ...(tokens[who] ? { token: tokens[who] } : {}),
          ...(method === 'POST' ? { body: { reason: 'Kiểm thử quyền' } } : {}),
        });
        expect(`${who} ${method} ${path} → ${res.status}`).toBe(`${who} ${method} ${path} → ${status}`);
      }
    }
    // A unit sees only its own submissions in the list.
    const list = await call('GET', '/api/submissions?period=2024-05', { token: unitToken });
    expect(list.body.submissions.every((s: { unit: string }) => s.unit === 'QLKH')).toBe(true);
    const all = await call('GET', '/api/submissions?period=2024-05', { token: vpToken });
    expect(new Set(all.body.submissions.map((s: { unit: string }) => s.unit)).size).toBeGreaterThan(2);
    // The plan a unit sees holds only its tasks.
    const plan = await call('GET', '/api/plan?year=2024', { token: unitToken });
    expect(plan.body.tasks.every((t: { leadUnit: string; coordinatingUnits: string[] }) => t.leadUnit === 'QLKH' || t.coordinatingUnits.includes('QLKH'))).toBe(
      true,
    );
  });

  it('refuses revisions once the period is locked, until Văn phòng reopens it', async () => {
    const body = {
      period: '2024-09',
      baseRevision: 0,
      data: { reporterName: 'A', tasks: [report(qlkhTasks[0]!.id, 10, { reason: 'Điều chỉnh theo số liệu rà soát.' })] },
    };
    await call('POST', '/api/periods/2024-09/lock', { token: vpToken, body: { reason: 'Đã ban hành' } });
    const locked = await call('POST', '/api/submissions', { token: unitToken, body });
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe('period_locked');
    await call('POST', '/api/periods/2024-09/reopen', { token: vpToken, body: { reason: 'Sửa số liệu' } });
    const key = randomUUID();
    expect((await call('POST', '/api/submissions', { token: unitToken, body, headers: { 'idempotency-key': key } })).status).toBe(201);
    // A retry of that request after the period was locked still gets its first result.
    await call('POST', '/api/periods/2024-09/lock', { token: vpToken, body: { reason: 'Đã ban hành' } });
    const retry = await call('POST', '/api/submissions', { token: unitToken, body, headers: { 'idempotency-key': key } });
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    await call('POST', '/api/periods/2024-09/reopen', { token: vpToken, body: { reason: 'Sửa số liệu' } });
  });
});
