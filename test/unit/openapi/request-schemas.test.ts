/**
 * The request schemas in the document agree with the zod schemas the handlers enforce, and its
 * vocabularies (statuses, roles, categories, period kinds) with the core's: sample bodies and
 * identifiers are accepted or refused by both alike, and the documented examples pass the server.
 * flow: vitest --> openapi helper + functions/api/schemas/submission.ts + core vocabularies
 */
import { describe, expect, it } from 'vitest';
import { draftSchema, idempotencyKey, periodParam, submitSchema, unitParam } from '../../../functions/api/schemas/submission.ts';
import { AUDIENCES } from '../../../functions/core/agency.ts';
import { ROLES } from '../../../functions/core/auth.ts';
import { PERIOD_KINDS } from '../../../functions/core/period.ts';
import { TASK_CATEGORIES } from '../../../functions/core/plan.ts';
import { SUBMISSION_STATUS_LABELS } from '../../../functions/core/report-model.ts';
import { REPORTED_STATUSES } from '../../../functions/core/submission.ts';
import { requestBodyProblems, resolvedOpenApi, specOperations, validatorFor } from '../../support/openapi.ts';

type Json = any;
const schemas = () => resolvedOpenApi().components.schemas as Record<string, Json>;
const accepts = (schema: Json, value: unknown) => validatorFor(schema)(value) === true;

const task = (extra: Record<string, unknown> = {}) => ({
  taskId: 'I-2',
  status: 'dang-thuc-hien',
  progress: 60,
  result: 'Đã tổ chức 02 hội đồng tư vấn.',
  difficulties: '',
  proposals: '',
  needsDecision: false,
  nextPlan: 'Nghiệm thu 03 nhiệm vụ.',
  ...extra,
});
const submit = (extra: Record<string, unknown> = {}, data: Record<string, unknown> = {}) => ({
  period: '2024-10',
  baseRevision: 0,
  data: { reporterName: 'Nguyễn Thị Nga', tasks: [task()], ...data },
  ...extra,
});

describe('request schemas: document and server agree', () => {
  it('uses the core vocabularies', () => {
    const s = schemas();
    expect(s.ReportedStatus.enum).toEqual([...REPORTED_STATUSES]);
    expect(s.Role.enum).toEqual([...ROLES]);
    expect(s.TaskCategory.enum).toEqual([...TASK_CATEGORIES]);
    expect(s.PeriodKind.enum).toEqual([...PERIOD_KINDS]);
    expect(s.SubmissionStatus.enum).toEqual(Object.keys(SUBMISSION_STATUS_LABELS));
    expect(s.ReportFile.properties.audience.enum).toEqual([...AUDIENCES]);
    expect(Object.keys(s.StatusBoard.properties.summary.properties).sort()).toEqual([...Object.keys(SUBMISSION_STATUS_LABELS), 'units'].sort());
  });

  it('accepts and refuses the same periods, unit codes and idempotency keys', () => {
    const s = schemas();
    const keyParam = specOperations()
      .find((o) => o.operation.operationId === 'submitSubmission')!
      .operation.parameters.find((p: Json) => p.name === 'Idempotency-Key');
    const cases: [Json, { safeParse(v: unknown): { success: boolean } }, unknown[]][] = [
      [s.MonthlyPeriodId, periodParam, ['2024-10', '2024-11', '2024-12', '2024-00', '2024-13', '2024-1', '24-10', '2024-10-01', 'x', '', 202410]],
      [s.UnitCode, unitParam, ['QLKH', 'TTR', 'CCTCDLCL', 'a1', '', 'QL-KH', 'CCTCĐLCL', 'A'.repeat(16), 'A'.repeat(17), 5]],
      [
        keyParam.schema,
        idempotencyKey,
        ['5f0c7a8e-3b9d-4c61-9a57-2d1e8b4f6a10', 'abcd_123', 'short', 'has space in it', 'x'.repeat(128), 'x'.repeat(129), 'ký-tự-việt'],
      ],
    ];
    for (const [schema, zod, samples] of cases) {
      for (const v of samples) expect({ v, spec: accepts(schema, v) }).toEqual({ v, spec: zod.safeParse(v).success });
    }
  });

  it('accepts and refuses the same submission bodies', () => {
    const samples: [string, unknown][] = [
      ['a full submission', submit()],
      ['Văn phòng on behalf of a unit', submit({ unit: 'TTR' })],
      ['only the required task fields', submit({}, { tasks: [{ taskId: 'I-2', status: 'chua-trien-khai', progress: 0 }] })],
      [
        'other work and a reason',
        submit({}, { otherWork: [{ kind: 'dot-xuat', text: 'Phối hợp kiểm tra đo lường.' }], tasks: [task({ reason: 'Chờ ý kiến của Bộ.' })] }),
      ],
      ['a finished task with its date', submit({}, { tasks: [task({ status: 'hoan-thanh', progress: 100, completedOn: '2024-10-10', productReached: 3 })] })],
      ['an unknown top-level field', submit({ extra: 1 })],
      ['no data', { period: '2024-10', baseRevision: 0 }],
      ['no base revision', { period: '2024-10', data: { tasks: [] } }],
      ['a negative base revision', submit({ baseRevision: -1 })],
      ['a fractional base revision', submit({ baseRevision: 1.5 })],
      ['a quarterly period', submit({ period: '2024-Q4' })],
      ['progress above 100', submit({}, { tasks: [task({ progress: 150 })] })],
      ['fractional progress', submit({}, { tasks: [task({ progress: 12.5 })] })],
      ['an unknown status', submit({}, { tasks: [task({ status: 'xong' })] })],
      ['a bad task id', submit({}, { tasks: [task({ taskId: 'I 2' })] })],
      ['a bad completion date', submit({}, { tasks: [task({ completedOn: '10/10/2024' })] })],
      ['a negative product', submit({}, { tasks: [task({ productReached: -1 })] })],
      ['a too-long result', submit({}, { tasks: [task({ result: 'x'.repeat(4001) })] })],
      ['an unknown kind of other work', submit({}, { otherWork: [{ kind: 'khac', text: 'Việc khác.' }] })],
      ['empty other work', submit({}, { otherWork: [{ kind: 'dot-xuat', text: '' }] })],
      ['a too-long reporter name', submit({}, { reporterName: 'x'.repeat(101) })],
      ['too many tasks', submit({}, { tasks: Array.from({ length: 301 }, () => task()) })],
      ['tasks not a list', submit({}, { tasks: {} })],
    ];
    for (const [name, body] of samples) {
      const spec = requestBodyProblems('POST', '/api/submissions', body).length === 0;
      expect({ name, spec }).toEqual({ name, spec: submitSchema.safeParse(body).success });
    }
  });

  it('accepts and refuses the same drafts', () => {
    const samples: [string, unknown][] = [
      ['an empty draft', { data: { tasks: [] } }],
      ['a partial draft', { data: { reporterName: '', tasks: [{ taskId: 'II-2-1', status: 'dang-thuc-hien', progress: 60, result: '' }] } }],
      ['a draft with period', { period: '2024-10', data: { tasks: [] } }],
      ['a draft without data', {}],
    ];
    for (const [name, body] of samples) {
      const spec = requestBodyProblems('PUT', '/api/submissions/2024-10/QLKH/draft', body).length === 0;
      expect({ name, spec }).toEqual({ name, spec: draftSchema.safeParse(body).success });
    }
  });

  it('documents request examples the server accepts', () => {
    let count = 0;
    for (const { method, path, operation } of specOperations()) {
      const media = operation.requestBody?.content?.['application/json'];
      if (!media?.examples) continue;
      for (const [name, ex] of Object.entries<Json>(media.examples)) {
        count++;
        expect({ name, problems: requestBodyProblems(method, path, ex.value) }).toEqual({ name, problems: [] });
        if (operation.operationId === 'submitSubmission') expect(submitSchema.safeParse(ex.value).success, name).toBe(true);
        if (operation.operationId === 'saveDraft') expect(draftSchema.safeParse(ex.value).success, name).toBe(true);
      }
    }
    expect(count).toBeGreaterThanOrEqual(5);
  });
});
