/**
 * Units' attachments, receipts and "Báo cáo của đơn vị" on the local stack with the real s3rver:
 * a file goes straight to the bucket by the presigned POST (fetch + FormData), the confirm step keeps
 * it only when its bytes are an accepted kind (an executable renamed .pdf and a file over 10 MB are
 * deleted and refused), a submission names it and answers with a receipt that is emailed once
 * (a retry with the same Idempotency-Key sends nothing), the appendix-bound content carries it, and
 * downloads follow the roles: the unit, Văn phòng, the leaders — not another unit, not another agency.
 * flow: vitest --> local HTTP server --> attachments + submissions handlers --> s3rver, DynamoDB Local, SES emulator
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { setAgency } from '../../functions/usecases/agency-service.ts';
import { MAX_ATTACHMENT_BYTES } from '../../functions/core/attachment.ts';
import { uploadKey } from '../../functions/usecases/attachments.ts';
import { demoProfile } from '../support/demo-profile.ts';
import { call } from '../support/http.ts';
import { emailsTo } from '../support/inbox.ts';
import { testContainer, tokenFor } from '../support/local.ts';
import { smallPlan, taskReport } from '../support/small-plan.ts';
import { EXE, PDF, xlsx } from '../support/attachment-files.ts';

const a = `t-att-${randomUUID().slice(0, 8)}`;
const b = `t-att2-${randomUUID().slice(0, 8)}`;
const email = `qlkh.${a}@example.test`;
const tokens: Record<'qlkh' | 'ttud' | 'vp' | 'ld' | 'otherVp', string> = { qlkh: '', ttud: '', vp: '', ld: '', otherVp: '' };
const PERIOD = '2024-05';
const base = `/api/submissions/${PERIOD}/QLKH/attachments`;

interface Ticket {
  id: string;
  upload: { url: string; fields: Record<string, string> };
}

async function ticket(fileName: string, contentType: string, size: number, token = tokens.qlkh) {
  return call('POST', base, { token, body: { taskId: 'I-2', fileName, contentType, size } });
}

/** The browser's upload: multipart POST to the presigned URL, every field, then the file. */
async function postToS3(t: Ticket, bytes: Uint8Array, name: string): Promise<number> {
  const form = new FormData();
  for (const [k, v] of Object.entries(t.upload.fields)) form.append(k, v);
  form.append('file', new Blob([bytes]), name);
  const res = await fetch(t.upload.url, { method: 'POST', body: form });
  return res.status;
}

async function uploaded(fileName: string, contentType: string, bytes: Uint8Array) {
  const t = await ticket(fileName, contentType, bytes.byteLength);
  expect(t.status, JSON.stringify(t.body)).toBe(201);
  expect(await postToS3(t.body, bytes, fileName)).toBeLessThan(300);
  return { id: t.body.id as string, confirm: await call('POST', `${base}/${t.body.id}/confirm`, { token: tokens.qlkh }) };
}

beforeAll(async () => {
  const c = testContainer(a);
  const demo = demoProfile();
  await setAgency(c.agencies, { ...demo, agencyId: a });
  await setAgency(testContainer(b).agencies, { ...demo, agencyId: b });
  await c.plans.putPlan(smallPlan(a), { hash: `p-${a}`, importedAt: '2024-01-05T00:00:00Z', importedBy: 'test', source: 'test' });
  const at = new Date().toISOString();
  await c.users.create(
    {
      email,
      agencyId: a,
      sub: 'local-unit-qlkh',
      role: 'unit',
      unit: 'QLKH',
      name: 'Nguyễn Thị Hoa',
      status: 'active',
      invitedAt: at,
      invitedBy: 'test',
      updatedAt: at,
      version: 1,
    },
    { agencyId: a, at, actor: 'test', action: 'user-invited', target: email },
  );
  tokens.qlkh = await tokenFor('unit', 'QLKH', { agencyId: a });
  tokens.ttud = await tokenFor('unit', 'TTUD', { agencyId: a });
  tokens.vp = await tokenFor('van-phong', undefined, { agencyId: a });
  tokens.ld = await tokenFor('lanh-dao', undefined, { agencyId: a });
  tokens.otherVp = await tokenFor('van-phong', undefined, { agencyId: b });
});

describe('attachments: presigned POST straight to S3, then a check of the content', () => {
  let kept: { id: string; name: string; size: number; contentType: string };

  it('keeps a PDF and an Excel workbook uploaded by the browser', async () => {
    const pdf = await uploaded('Biên bản nghiệm thu.pdf', 'application/pdf', PDF);
    expect(pdf.confirm.status, JSON.stringify(pdf.confirm.body)).toBe(200);
    kept = pdf.confirm.body.attachment;
    expect(kept).toEqual({ id: pdf.id, name: 'Biên bản nghiệm thu.pdf', size: PDF.byteLength, contentType: 'application/pdf' });
    // Confirming again answers the same (a retried request).
    expect((await call('POST', `${base}/${pdf.id}/confirm`, { token: tokens.qlkh })).body.attachment).toEqual(kept);

    const book = await xlsx();
    const x = await uploaded('Số liệu.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', book);
    expect(x.confirm.status).toBe(200);
    expect(x.confirm.body.attachment.size).toBe(book.byteLength);
  });

  it('refuses an executable renamed .pdf by its content, and deletes it', async () => {
    const exe = await uploaded('bao-cao.pdf', 'application/pdf', EXE);
    expect(exe.confirm.status).toBe(415);
    expect(exe.confirm.body.error.code).toBe('attachment_type');
    expect(exe.confirm.body.error.message).toMatch(/Chỉ nhận tài liệu PDF/u);
    expect(await testContainer(a).attachments.head(uploadKey(a, PERIOD, 'QLKH', exe.id))).toBeUndefined();
    const again = await call('POST', `${base}/${exe.id}/confirm`, { token: tokens.qlkh });
    expect([again.status, again.body.error.code]).toEqual([404, 'attachment_not_found']);
  });

  it('refuses more than 10 MB: when asked, and when a larger file is posted anyway', async () => {
    const big = await ticket('lon.pdf', 'application/pdf', MAX_ATTACHMENT_BYTES + 1);
    expect([big.status, big.body.error.code]).toEqual([413, 'attachment_too_large']);
    // A client that lies about the size: S3 would refuse by the policy; s3rver does not check it, the confirm step does.
    const bytes = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    bytes.set(PDF);
    const t = await ticket('lon.pdf', 'application/pdf', 1000);
    expect(await postToS3(t.body, bytes, 'lon.pdf')).toBeLessThan(300);
    const confirm = await call('POST', `${base}/${t.body.id}/confirm`, { token: tokens.qlkh });
    expect([confirm.status, confirm.body.error.code]).toEqual([413, 'attachment_too_large']);
    expect(await testContainer(a).attachments.head(uploadKey(a, PERIOD, 'QLKH', t.body.id))).toBeUndefined();
  });

  it('refuses a type that is not accepted before any upload, and another unit’s or the leaders’ upload', async () => {
    const exe = await ticket('setup.exe', 'application/x-msdownload', 1000);
    expect([exe.status, exe.body.error.code]).toEqual([415, 'attachment_type']);
    expect((await ticket('a.pdf', 'application/pdf', 1000, tokens.ld)).status).toBe(403);
    expect((await call('POST', base, { token: tokens.ttud, body: { taskId: 'I-2', fileName: 'a.pdf', contentType: 'application/pdf', size: 9 } })).status).toBe(
      403,
    );
  });

  it('a submission names the file; the receipt lists it and is emailed once, even when the submit is retried', async () => {
    const before = (await emailsTo(email)).length;
    const body = {
      period: PERIOD,
      unit: 'QLKH',
      baseRevision: 0,
      data: { reporterName: 'Nguyễn Thị Hoa', otherWork: [], tasks: [{ ...taskReport('I-2', 40), attachments: [kept] }] },
    };
    const key = `k-${randomUUID()}`;
    const first = await call('POST', '/api/submissions', { token: tokens.qlkh, body, headers: { 'idempotency-key': key } });
    expect(first.status, JSON.stringify(first.body).slice(0, 500)).toBe(201);
    const r = first.body.receipt;
    expect(r).toMatchObject({ revision: 1, unit: { code: 'QLKH' }, period: { id: PERIOD }, email: { status: 'sent', to: email } });
    expect(r.submittedAtText).toMatch(/^\d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}$/u);
    expect(r.tasks[0]).toMatchObject({ taskId: 'I-2', status: 'Đang thực hiện', progress: 40, attachments: [kept] });
    expect(first.body.revision.data.tasks[0].attachments).toEqual([kept]);

    await expect.poll(async () => (await emailsTo(email)).length).toBe(before + 1);
    const mail = (await emailsTo(email)).at(-1)!;
    expect(mail.subject).toContain('[Đã nhận báo cáo]');
    expect(mail.body.text).toContain('phiên bản 1');
    expect(mail.body.text).toContain('Biên bản nghiệm thu.pdf');
    expect(mail.body.text).toContain(`/history?period=${PERIOD}&unit=QLKH`);

    const retry = await call('POST', '/api/submissions', { token: tokens.qlkh, body, headers: { 'idempotency-key': key } });
    expect(retry.status).toBe(200);
    expect(retry.body.receipt.email).toEqual({ status: 'sent', again: true, to: email });
    // The same content again under a new key: the same revision, no new receipt.
    const resend = await call('POST', '/api/submissions', {
      token: tokens.qlkh,
      body: { ...body, baseRevision: 1 },
      headers: { 'idempotency-key': `k-${randomUUID()}` },
    });
    expect([resend.status, resend.body.revision.revision, resend.body.receipt.email.again]).toEqual([200, 1, true]);
    expect((await emailsTo(email)).length).toBe(before + 1);
  });

  it('refuses content that names a file never kept for this unit and month', async () => {
    const ghost = { ...kept, id: randomUUID() };
    const res = await call('PUT', `/api/submissions/${PERIOD}/QLKH/draft`, {
      token: tokens.qlkh,
      body: { data: { reporterName: '', otherWork: [], tasks: [{ ...taskReport('I-2', 40), attachments: [ghost] }] } },
    });
    expect([res.status, res.body.error.code, res.body.error.fields[0].field]).toEqual([422, 'attachment_missing', 'data.tasks.0.attachments.0']);
  });

  it('downloads: the unit, Văn phòng and the leaders; not another unit, not another agency', async () => {
    const path = `/api/attachments/${PERIOD}/QLKH/${kept.id}`;
    for (const who of ['qlkh', 'vp', 'ld'] as const) {
      const res = await call('GET', path, { token: tokens[who] });
      expect(res.status, who).toBe(200);
      expect(res.body.attachment).toEqual(kept);
      const file = await fetch(res.body.url);
      expect(file.status).toBe(200);
      expect(new Uint8Array(await file.arrayBuffer())).toEqual(PDF);
    }
    expect((await call('GET', path, { token: tokens.ttud })).status).toBe(403);
    const other = await call('GET', path, { token: tokens.otherVp });
    expect([other.status, other.body.error.code]).toEqual([404, 'attachment_not_found']);
  });
});

describe('Báo cáo của đơn vị (/my-reports)', () => {
  it('lists the year’s months with the status board’s status and links; for unit users only', async () => {
    const res = await call('GET', '/my-reports?year=2024', { token: tokens.qlkh });
    expect(res.status).toBe(200);
    const html = String(res.body);
    const row = (label: string) => html.slice(html.indexOf(`>${label}<`), html.indexOf('</tr>', html.indexOf(`>${label}<`)));
    // May 2024 was sent in 2026: late, the status board's word for it, with its history link.
    expect(row('Tháng 5 năm 2024')).toContain('Nộp muộn');
    expect(row('Tháng 5 năm 2024')).toContain(`/history?period=${PERIOD}&amp;unit=QLKH`);
    expect(row('Tháng 6 năm 2024')).toContain('Chưa nộp');
    expect(row('Tháng 6 năm 2024')).toContain('href="/?period=2024-06"');
    expect((await call('GET', '/my-reports', { token: tokens.vp })).status).toBe(403);
  });
});
