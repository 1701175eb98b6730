/**
 * Report content at the edges of what may be stored (docs/data-model.md): a body at the 256 KB
 * request limit, and content whose stored form (after NFC, which writes some characters as three)
 * sits right at the per-item budget — submitted, saved as a draft, and both for the same unit and
 * month, which once put head and draft into one DynamoDB item over its 400 KB and answered 500.
 * Period used here: 2024-03, units QLKH and CCTCDLCL (no other file writes to it).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_STORED_CONTENT_BYTES, storedSize } from '../../functions/core/stored-size.ts';
import type { SubmissionData } from '../../functions/core/submission.ts';
import { nfcDeep } from '../../functions/core/text.ts';
import { MAX_BODY_BYTES } from '../../functions/api/validation.ts';
import { call } from '../support/http.ts';
import { localEnv, testContainer, tokenFor } from '../support/local.ts';

const PERIOD = '2024-03';
let token: string;
let vp: string;
/** A task of each unit's, to report on. */
const taskOf: Record<string, string> = {};

beforeAll(async () => {
  [token, vp] = await Promise.all([tokenFor('unit', 'QLKH'), tokenFor('van-phong')]);
  for (const unit of ['QLKH', 'CCTCDLCL']) {
    const form = await call('GET', `/api/form?period=${PERIOD}&unit=${unit}`, { token: vp });
    expect(form.status).toBe(200);
    taskOf[unit] = form.body.tasks[0].task.id;
  }
});

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

/**
 * Content whose `size` is exactly `target`: other-work rows of `perRow` times `unit` while a whole
 * row still fits, then a last row of as many units as fit, padded with ASCII (one byte each).
 * Every field is given, so what is stored is what is sent (after NFC).
 */
function contentOf(target: number, size: (d: SubmissionData) => number, unit: string, perRow: number, tag: string, taskId = taskOf.QLKH!): SubmissionData {
  const data: SubmissionData = {
    reporterName: `Nguyễn Thị Nga ${tag}`,
    tasks: [{ taskId, status: 'dang-thuc-hien', progress: 50, result: `Kết quả ${tag}.`, difficulties: '', proposals: '', needsDecision: false, nextPlan: '' }],
    otherWork: [],
  };
  const row = (text: string) => ({ kind: 'thuong-xuyen' as const, text });
  const withRow = (text: string) => size({ ...data, otherWork: [...data.otherWork, row(text)] });
  while (withRow(`V${unit.repeat(perRow)}`) <= target) data.otherWork.push(row(`V${unit.repeat(perRow)}`));
  const unitBytes = withRow(`V${unit}`) - withRow('V');
  const units = Math.floor((target - withRow('V')) / unitBytes);
  const text = `V${unit.repeat(units)}`;
  data.otherWork.push(row(text + 'x'.repeat(target - withRow(text))));
  expect(size(data)).toBe(target);
  return data;
}

const submitBody = (baseRevision: number, data: SubmissionData) => ({ period: PERIOD, baseRevision, data });
const draftBody = (data: SubmissionData) => ({ data });

describe('content at the item-size edge', () => {
  it('takes a body at the request limit as a submission, as a draft, and both for the same unit and month', async () => {
    // Vietnamese letters of three UTF-8 bytes, rows of 1,999 of them: about 6 KB a row.
    const atLimit = (revision: number, tag: string) => contentOf(MAX_BODY_BYTES, (d) => bytes(submitBody(revision, d)), 'ễ', 1990, tag);
    const first = atLimit(0, 'một');
    expect(bytes(submitBody(0, first))).toBe(MAX_BODY_BYTES);
    const submitted = await call('POST', '/api/submissions', { token, body: submitBody(0, first) });
    expect(submitted.status).toBe(201);

    const draft = contentOf(MAX_BODY_BYTES, (d) => bytes(draftBody(d)), 'ễ', 1990, 'nháp');
    const saved = await call('PUT', `/api/submissions/${PERIOD}/QLKH/draft`, { token, body: draftBody(draft) });
    expect(saved.body.error ?? null).toBeNull();
    expect(saved.status).toBe(200);

    const both = await call('GET', `/api/submissions/${PERIOD}/QLKH`, { token });
    expect(both.body.submission.data.reporterName).toBe('Nguyễn Thị Nga một');
    expect(both.body.submission.draft.data.reporterName).toBe('Nguyễn Thị Nga nháp');
    expect(bytes(both.body.submission.data) + bytes(both.body.submission.draft.data)).toBeGreaterThan(500 * 1024);

    const second = atLimit(1, 'hai');
    const again = await call('POST', '/api/submissions', { token, body: submitBody(1, second) });
    expect(again.status).toBe(201);
    expect(again.body.submission.draft).toBeUndefined();
    // The draft's own item is still there, but the submission replaced what the head names.
    expect((await call('GET', `/api/submissions/${PERIOD}/QLKH`, { token })).body.submission.draft).toBeUndefined();
    const redraft = await call('PUT', `/api/submissions/${PERIOD}/QLKH/draft`, { token, body: draftBody(draft) });
    expect(redraft.status).toBe(200);
    const form = await call('GET', `/api/form?period=${PERIOD}`, { token });
    expect(form.body.initial.reporterName).toBe('Nguyễn Thị Nga nháp');

    // Two revisions, each with its changes against the one before.
    const history = await call('GET', `/api/submissions/${PERIOD}/QLKH/revisions`, { token });
    expect(history.body.revisions.map((r: { revision: number }) => r.revision)).toEqual([1, 2]);
    expect(history.body.revisions[1].changes).toContainEqual({ field: 'reporterName', from: 'Nguyễn Thị Nga một', to: 'Nguyễn Thị Nga hai' });

    // One byte more is the 413 the limit promises, not a storage error.
    const over = contentOf(MAX_BODY_BYTES + 1, (d) => bytes(submitBody(2, d)), 'ễ', 1990, 'ba');
    const refused = await call('POST', '/api/submissions', { token, body: submitBody(2, over) });
    expect({ status: refused.status, code: refused.body.error.code }).toEqual({ status: 413, code: 'body_too_large' });
  });

  it('stores content right at the per-item budget as submission, draft and second revision; one byte more is a 413 with nothing written', async () => {
    // U+1D160 is four bytes as sent and twelve once NFC writes it as three characters.
    const note = '\u{1D160}';
    expect(note.normalize('NFC')).toHaveLength(6);
    const stored = (d: SubmissionData) => storedSize(nfcDeep(d));
    const fits = (tag: string) => contentOf(MAX_STORED_CONTENT_BYTES, stored, note, 600, tag, taskOf.CCTCDLCL);
    const c = testContainer(localEnv().AGENCY_ID);
    const head = async () => c.submissions.getHead(c.config.agencyId, PERIOD, 'CCTCDLCL');

    const first = fits('một');
    expect(bytes(submitBody(0, first))).toBeLessThan(MAX_BODY_BYTES);
    const submitted = await call('POST', '/api/submissions', { token: vp, body: { ...submitBody(0, first), unit: 'CCTCDLCL' } });
    expect(submitted.body.error ?? null).toBeNull();
    expect(submitted.status).toBe(201);
    expect(storedSize(submitted.body.submission.data)).toBe(MAX_STORED_CONTENT_BYTES);
    const draft = await call('PUT', `/api/submissions/${PERIOD}/CCTCDLCL/draft`, { token: vp, body: draftBody(fits('nháp')) });
    expect(draft.status).toBe(200);
    const second = await call('POST', '/api/submissions', { token: vp, body: { ...submitBody(1, fits('hai')), unit: 'CCTCDLCL' } });
    expect(second.status).toBe(201);
    const before = await head();

    const tooBig = contentOf(MAX_STORED_CONTENT_BYTES + 1, stored, note, 600, 'ba', taskOf.CCTCDLCL);
    for (const res of [
      await call('POST', '/api/submissions', { token: vp, body: { ...submitBody(2, tooBig), unit: 'CCTCDLCL' } }),
      await call('PUT', `/api/submissions/${PERIOD}/CCTCDLCL/draft`, { token: vp, body: draftBody(tooBig) }),
    ]) {
      expect({ status: res.status, code: res.body.error.code }).toEqual({ status: 413, code: 'report_too_large' });
      expect(res.body.error.message).toMatch(/^Báo cáo quá lớn để lưu: 385 KB khi lưu, tối đa 384 KB\./);
    }
    expect(await head()).toEqual(before);
    expect(await c.submissions.listRevisions(c.config.agencyId, PERIOD, 'CCTCDLCL')).toHaveLength(2);
  });
});
