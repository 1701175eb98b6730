/**
 * The submission API:
 *   POST /api/submissions                              submit a revision (Idempotency-Key aware)
 *   GET  /api/submissions?period=YYYY-MM               list (Văn phòng/lãnh đạo: all; unit: own)
 *   GET  /api/submissions/{period}/{unit}              one unit's current submission
 *   PUT  /api/submissions/{period}/{unit}/draft        save a draft
 *   GET  /api/submissions/{period}/{unit}/revisions    revision history
 *   GET  /api/form?period=YYYY-MM[&unit=]              what the form shows (tasks, pre-filled values)
 * flow: API Gateway --> these handlers --> submissions use case
 */
import { container } from '../adapters/container.ts';
import { formContext, getSubmission, listRevisions, listSubmissions, resolveUnit, saveDraft, submit } from '../usecases/submissions.ts';
import { jobSettingsFromEnv } from '../adapters/job-settings.ts';
import { emailReceipt, submissionReceipt } from '../usecases/submit-receipt.ts';
import { httpHandler } from './handler.ts';
import { ApiError, header, json, query, type HttpEvent } from './http.ts';
import type { FormContext, RevisionList, SubmissionList, SubmissionResponse, SubmitResponse } from './schemas/responses.ts';
import { draftSchema, idempotencyKey, periodParam, submitSchema, unitParam } from './schemas/submission.ts';
import { parseJsonBody } from './validation.ts';
import { monthOrCurrent, monthQuery } from './period-query.ts';

function pathParams(event: HttpEvent): { period: string; unit: string } {
  const period = periodParam.safeParse(event.pathParameters?.period);
  const unit = unitParam.safeParse(event.pathParameters?.unit);
  if (!period.success || !unit.success) {
    throw new ApiError(404, 'not_found', 'Không tìm thấy: kỳ báo cáo (YYYY-MM) hoặc mã đơn vị không hợp lệ.');
  }
  return { period: period.data, unit: unit.data };
}

export const submitHandler = httpHandler(async (event) => {
  const body = parseJsonBody(event, submitSchema);
  const keyHeader = header(event, 'idempotency-key');
  let key: string | undefined;
  if (keyHeader !== undefined) {
    const k = idempotencyKey.safeParse(keyHeader);
    if (!k.success)
      throw new ApiError(400, 'invalid_idempotency_key', k.error.issues[0]!.message, [{ field: 'Idempotency-Key', message: k.error.issues[0]!.message }]);
    key = k.data;
  }
  const p = event.auth!;
  const c = container();
  const unit = resolveUnit(p, body.unit);
  const result = await submit(
    c,
    p,
    { period: body.period, unit, baseRevision: body.baseRevision, data: body.data, ...(key ? { idempotencyKey: key } : {}) },
    new Date(),
  );
  // The receipt: on screen from this answer, and by email once per revision (a retry finds it sent).
  // Once stored, the submission stands: mail trouble is reported beside it, never as a failure.
  const receipt = await submissionReceipt(c, p, result);
  const settings = jobSettingsFromEnv();
  const email = await emailReceipt(
    // A person waits for this answer: two quick attempts, not a job's patient backoff.
    {
      ...c,
      clock: () => new Date(),
      sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
      settings: { ...settings, sendAttempts: 2, backoffMs: 300 },
    },
    p,
    receipt,
  );
  return json<SubmitResponse>(
    result.replayed ? 200 : 201,
    { submission: result.head, revision: result.revision, receipt: { ...receipt, email } },
    result.replayed ? { 'idempotent-replayed': 'true' } : {},
  );
});

export const listHandler = httpHandler(async (event) => {
  const period = monthQuery(event);
  const submissions = await listSubmissions(container(), event.auth!, period);
  return json<SubmissionList>(200, { period, submissions });
});

export const getHandler = httpHandler(async (event) => {
  const { period, unit } = pathParams(event);
  return json<SubmissionResponse>(200, { submission: await getSubmission(container(), event.auth!, period, unit) });
});

export const draftHandler = httpHandler(async (event) => {
  const { period, unit } = pathParams(event);
  const body = parseJsonBody(event, draftSchema);
  const head = await saveDraft(container(), event.auth!, { period, unit, data: body.data }, new Date());
  return json<SubmissionResponse>(200, { submission: head });
});

export const revisionsHandler = httpHandler(async (event) => {
  const { period, unit } = pathParams(event);
  return json<RevisionList>(200, { revisions: await listRevisions(container(), event.auth!, period, unit) });
});

export const formHandler = httpHandler(async (event) => {
  const p = event.auth!;
  const c = container();
  const now = new Date();
  const period = await monthOrCurrent(event, now);
  const unitQ = query(event, 'unit');
  if (unitQ !== undefined && !unitParam.safeParse(unitQ).success) throw new ApiError(400, 'invalid_unit', 'Mã đơn vị không hợp lệ.');
  const unit = resolveUnit(p, unitQ);
  return json<FormContext>(200, await formContext(c, p, unit, period));
});
