import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, type Res } from '../support/http.ts';
import { localEnv, testContainer, tokenFor } from '../support/local.ts';
import { badTokens } from '../support/hostile.ts';

// Period 2024-12 is this file's: nothing else writes to it, so "no partial write" can be checked
// by looking at it afterwards.
const PERIOD = '2024-12';
let unit: string;
let vp: string;
let taskId: string;
let foreignTaskId: string;

const report = (over: Record<string, unknown> = {}) => ({
  taskId,
  status: 'dang-thuc-hien',
  progress: 50,
  result: 'Đã tổ chức hội nghị.',
  difficulties: '',
  proposals: '',
  needsDecision: false,
  nextPlan: '',
  ...over,
});
const body = (over: Record<string, unknown> = {}, dataOver: Record<string, unknown> = {}) => ({
  period: PERIOD,
  baseRevision: 0,
  data: { reporterName: 'Nguyễn Thị Nga', otherWork: [], tasks: [report()], ...dataOver },
  ...over,
});

function deep(n: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < n; i++) v = [v];
  return v;
}

interface Case {
  name: string;
  method: string;
  path: string;
  opts: Parameters<typeof call>[2];
}

beforeAll(async () => {
  [unit, vp] = await Promise.all([tokenFor('unit', 'QLKH'), tokenFor('van-phong')]);
  const form = await call('GET', `/api/form?period=${PERIOD}`, { token: unit });
  taskId = form.body.tasks[0].task.id;
  const ttr = await call('GET', `/api/form?period=${PERIOD}&unit=TTR`, { token: vp });
  foreignTaskId = ttr.body.tasks[0].task.id;
});

async function corpus(): Promise<Case[]> {
  const cases: Case[] = [];
  const post = (name: string, opts: Parameters<typeof call>[2]) =>
    cases.push({ name, method: 'POST', path: '/api/submissions', opts: { token: unit, ...opts } });
  const json = { 'content-type': 'application/json' };

  // Broken JSON and encodings.
  for (const raw of [
    '',
    '{',
    '{"period":',
    '{"period": "2024-12",}',
    "{'period': '2024-12'}",
    '[1,2',
    'null',
    '42',
    '"str"',
    'true',
    '[]',
    '{"a":NaN}',
    '{"a":Infinity}',
    '\u0000',
    '{"period":"2024-12"}garbage',
    '{"__proto__":{"polluted":1}}',
    '{"constructor":{"prototype":{}}}',
  ]) {
    post(`raw body ${JSON.stringify(raw).slice(0, 30)}`, { rawBody: raw, headers: json });
  }
  post('invalid UTF-8 bytes', { rawBody: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), headers: json });
  post('UTF-16 encoded JSON', { rawBody: Buffer.from(JSON.stringify(body()), 'utf16le'), headers: json });
  post('overlong UTF-8', { rawBody: Buffer.from([0x7b, 0x22, 0xc0, 0xaf, 0x22, 0x3a, 0x31, 0x7d]), headers: json });
  for (const ct of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', '']) {
    post(`content-type ${ct || '(none)'}`, { rawBody: JSON.stringify(body()), headers: ct ? { 'content-type': ct } : {} });
  }

  // Wrong types, field by field.
  const wrong: [string, Record<string, unknown>, Record<string, unknown>][] = [
    ['period number', { period: 202412 }, {}],
    ['period month 13', { period: '2024-13' }, {}],
    ['period quarter', { period: '2024-Q4' }, {}],
    ['period traversal', { period: '../../etc/passwd' }, {}],
    ['period future', { period: '2099-01' }, {}],
    ['baseRevision string', { baseRevision: '0' }, {}],
    ['baseRevision negative', { baseRevision: -1 }, {}],
    ['baseRevision float', { baseRevision: 0.5 }, {}],
    ['baseRevision huge', { baseRevision: 1e300 }, {}],
    ['unit traversal', { unit: '../VP' }, {}],
    ['unit other', { unit: 'TTR' }, {}],
    ['unit empty', { unit: '' }, {}],
    ['extra top-level field', { admin: true }, {}],
    ['data missing', { data: undefined }, {}],
    ['data array', { data: [] }, {}],
    ['tasks object', {}, { tasks: { 0: report() } }],
    ['tasks null', {}, { tasks: null }],
    ['tasks empty', {}, { tasks: [] }],
    ['too many tasks', {}, { tasks: Array.from({ length: 301 }, () => report()) }],
    ['otherWork string', {}, { otherWork: 'x' }],
    ['otherWork bad kind', {}, { otherWork: [{ kind: 'khac', text: 'x' }] }],
    ['otherWork empty text', {}, { otherWork: [{ kind: 'dot-xuat', text: '  ' }] }],
    ['reporterName number', {}, { reporterName: 7 }],
    ['reporterName too long', {}, { reporterName: 'A'.repeat(101) }],
    ['reporterName 101 emoji', {}, { reporterName: `A${'😀'.repeat(100)}` }],
    ['reporterName only Hangul filler', {}, { reporterName: '\u3164\u3164\u3164' }],
    ['reporterName only Braille blank', {}, { reporterName: '\u2800\u2800' }],
    ['reporterName only zero-width and spaces', {}, { reporterName: '\u200B \u2060 \uFEFF' }],
    ['reporterName only soft hyphens', {}, { reporterName: '\u00AD\u00AD' }],
    ['otherWork only a Hangul filler', {}, { otherWork: [{ kind: 'dot-xuat', text: '\uFFA0' }] }],
  ];
  for (const [name, over, dataOver] of wrong) post(name, { body: body(over, dataOver) });
  const taskWrong: [string, Record<string, unknown>][] = [
    ['progress string', { progress: '50' }],
    ['progress 150', { progress: 150 }],
    ['progress -1', { progress: -1 }],
    ['progress float', { progress: 50.5 }],
    ['progress null', { progress: null }],
    ['status unknown', { status: 'xong' }],
    ['status missing', { status: undefined }],
    ['needsDecision string', { needsDecision: 'yes' }],
    ['productReached negative', { productReached: -3 }],
    ['completedOn bad date', { completedOn: '2024-02-30x' }],
    ...['2024-02-30', '2024-11-31', '2023-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '1900-01-01', '2099-12-31', '0000-01-01', '2022-12-31'].map(
      (d): [string, Record<string, unknown>] => [`completedOn ${d}`, { status: 'hoan-thanh', progress: 100, completedOn: d }],
    ),
    ['completedOn wrong format', { completedOn: '30/11/2024' }],
    ['done without date', { status: 'hoan-thanh', progress: 100 }],
    ['done at 90%', { status: 'hoan-thanh', progress: 90, completedOn: '2024-12-01' }],
    ['done in the future', { status: 'hoan-thanh', progress: 100, completedOn: '2099-01-01' }],
    ['taskId traversal', { taskId: '../../x' }],
    ['taskId unknown', { taskId: 'ZZ-99' }],
    ['taskId of another unit', { taskId: '__foreign__' }],
    ['result too long', { result: 'x'.repeat(4001) }],
    ['result 4001 emoji', { result: '👍'.repeat(4001) }],
    ['result only Braille blank', { result: '\u2800' }],
    ['result object', { result: { $gt: '' } }],
    ['extra task field passes? no: strips', { reason: 42 }],
  ];
  for (const [name, over] of taskWrong) {
    const o = { ...over };
    if (o.taskId === '__foreign__') o.taskId = foreignTaskId;
    post(name, { body: body({}, { tasks: [report(o)] }) });
  }
  // Control and bidi characters in every text field.
  // Refused classes (docs/security.md): controls, bidi, tag characters (hidden ASCII), noncharacters,
  // private use (a Word bullet), damaged encodings (a lone surrogate, U+FFFD).
  const bad = [
    '\u0000',
    '\u0007',
    '\u001b[31m',
    '\u007f',
    '\u0085',
    '\u202e',
    '\u202d',
    '\u2066',
    '\u2067',
    '\u2068',
    '\u200f',
    '\u061c',
    '\u{E0041}\u{E0042}',
    '\u{E007F}',
    '\uFFFE',
    '\uFFFF',
    '\uFDD0',
    '\uE000',
    '\uF0B7',
    '\u{10FFFD}',
    '\uD800',
    '\uDFFF',
    '\uFFFD',
  ];
  for (const ch of bad) {
    for (const field of ['result', 'difficulties', 'proposals', 'nextPlan', 'reason']) {
      post(`${JSON.stringify(ch)} in ${field}`, { body: body({}, { tasks: [report({ [field]: `Nội dung ${ch} thử` })] }) });
    }
    post(`${JSON.stringify(ch)} in reporterName`, { body: body({}, { reporterName: `Nga${ch}` }) });
    post(`${JSON.stringify(ch)} in otherWork`, { body: body({}, { otherWork: [{ kind: 'dot-xuat', text: `Việc ${ch}` }] }) });
  }
  // Huge and deeply nested.
  post('body 300 KB', { body: body({}, { reporterName: 'x'.repeat(300_000) }) });
  // Under the body limit as sent, over the per-item budget once NFC writes each U+1D160 as three
  // characters (test/integration/item-size.test.ts covers both sides of the edge).
  post('stored form over the item budget', {
    body: body({}, { otherWork: Array.from({ length: 90 }, () => ({ kind: 'thuong-xuyen', text: `V${'\u{1D160}'.repeat(600)}` })) }),
  });
  post('body 5 MB', { rawBody: `{"period":"${'x'.repeat(5 * 1024 * 1024)}"}`, headers: json });
  post('nested 40 levels', { body: body({ data: deep(40) }) });
  post('nested 5000 levels', { rawBody: '['.repeat(5000) + ']'.repeat(5000), headers: json });
  post('50,000 keys', { rawBody: JSON.stringify(Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, i]))), headers: json });
  // Idempotency keys.
  for (const key of ['short', 'x'.repeat(200), '../../etc', 'sp ace', 'ky%20tu%20viet', '<script>']) {
    post(`Idempotency-Key ${key.slice(0, 20)}`, { body: body(), headers: { 'idempotency-key': key } });
  }
  // Tokens.
  for (const [name, token] of await badTokens()) {
    post(`token ${name}`, { token, body: body() });
    cases.push({ name: `token ${name} on list`, method: 'GET', path: `/api/submissions?period=${PERIOD}`, opts: { token } });
    cases.push({ name: `token ${name} on status`, method: 'GET', path: `/api/status?period=${PERIOD}`, opts: { token } });
  }
  post('no token', { token: undefined, body: body() });
  post('Bearer without token', { token: undefined, headers: { authorization: 'Bearer ' }, body: body() });
  post('Basic auth', { token: undefined, headers: { authorization: 'Basic dXNlcjpwYXNz' }, body: body() });
  // Path parameters and queries.
  for (const p of ['..%2F..%2Fetc', '2024-12%00', '2024-1', '%E2%80%AE2024', 'AAAA', '2024-12;rm']) {
    cases.push({ name: `period path ${p}`, method: 'GET', path: `/api/submissions/${p}/QLKH`, opts: { token: unit } });
    cases.push({ name: `draft path ${p}`, method: 'PUT', path: `/api/submissions/${p}/QLKH/draft`, opts: { token: unit, body: { data: body().data } } });
  }
  for (const u of ['..%2FVP', 'QLKH%00', 'Q L', '%3Cscript%3E', 'TTR']) {
    cases.push({ name: `unit path ${u}`, method: 'PUT', path: `/api/submissions/${PERIOD}/${u}/draft`, opts: { token: unit, body: { data: body().data } } });
  }
  for (const q of ['period=', 'period=2024', 'period=../x', 'period=2024-12&period=2024-11x', 'period=%00']) {
    cases.push({ name: `list query ${q}`, method: 'GET', path: `/api/submissions?${q}`, opts: { token: unit } });
  }
  for (const q of ['year=', 'year=20x4', 'year=../../', 'year=99999']) {
    cases.push({ name: `plan query ${q}`, method: 'GET', path: `/api/plan?${q}`, opts: { token: unit } });
  }
  for (const f of ['..%2Fpackage.json', '%2e%2e%2fpackage.json', '....%2F%2Fetc%2Fpasswd', 'form.js%00.png', '.env', 'nope.js']) {
    cases.push({ name: `static ${f}`, method: 'GET', path: `/static/${f}`, opts: {} });
  }
  cases.push({ name: 'reports as unit', method: 'POST', path: '/api/reports', opts: { token: unit, body: { period: PERIOD } } });
  cases.push({ name: 'reports bad period', method: 'POST', path: '/api/reports', opts: { token: vp, body: { period: '2024-13' } } });
  cases.push({ name: 'reports traversal', method: 'POST', path: '/api/reports', opts: { token: vp, body: { period: '../../2024' } } });
  cases.push({ name: 'reopen as unit', method: 'POST', path: `/api/periods/${PERIOD}/reopen`, opts: { token: unit } });
  cases.push({ name: 'session garbage', method: 'POST', path: '/auth/session', opts: { body: { token: 'x'.repeat(40) } } });
  cases.push({
    name: 'session not JSON',
    method: 'POST',
    path: '/auth/session',
    opts: { rawBody: 'token=abc', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
  });
  cases.push({ name: 'unknown route', method: 'GET', path: '/api/../../etc/passwd', opts: {} });
  cases.push({ name: 'method not allowed', method: 'DELETE', path: '/api/submissions', opts: { token: unit } });
  return cases;
}

describe('hostile input', () => {
  it('answers every request of a 200+ corpus with a clear 4xx, never a 5xx, and writes nothing', async () => {
    const cases = await corpus();
    expect(cases.length).toBeGreaterThanOrEqual(200);
    const results: [Case, Res][] = [];
    for (let i = 0; i < cases.length; i += 10) {
      const batch = cases.slice(i, i + 10);
      results.push(...(await Promise.all(batch.map(async (c) => [c, await call(c.method, c.path, c.opts)] as [Case, Res]))));
    }
    const unexpected = results.filter(([, r]) => r.status < 400 || r.status >= 500).map(([c, r]) => `${c.name}: ${r.status}`);
    expect(unexpected).toEqual([]);
    const unclear = results
      .filter(
        ([, r]) => (r.headers.get('content-type') ?? '').includes('json') && !(typeof r.body?.error?.message === 'string' && r.body.error.message.length > 10),
      )
      .map(([c]) => c.name);
    expect(unclear).toEqual([]);
    // Nothing reached the store for this period.
    const c = testContainer(localEnv().AGENCY_ID);
    expect(await c.submissions.listHeads(c.config.agencyId, PERIOD)).toEqual([]);
    expect(await c.submissions.listRevisions(c.config.agencyId, PERIOD, 'QLKH')).toEqual([]);
  });

  it('refuses bytes that are not UTF-8 inside valid JSON with 400 invalid_encoding, and JSON under any other content type with 415', async () => {
    const json = JSON.stringify(body());
    const at = json.indexOf('Nguyễn');
    const withBytes = (...bytes: number[]) => Buffer.concat([Buffer.from(json.slice(0, at)), Buffer.from(bytes), Buffer.from(json.slice(at))]);
    const encodings: [string, Buffer][] = [
      ['0xFF in reporterName', withBytes(0xff)],
      ['Latin-1 byte in reporterName', withBytes(0xea)],
      ['overlong "/"', withBytes(0xc0, 0xaf)],
      ['UTF-8-encoded lone surrogate', withBytes(0xed, 0xa0, 0x80)],
      ['truncated sequence', withBytes(0xe1, 0xbb)],
      ['beyond U+10FFFF', withBytes(0xf4, 0x90, 0x80, 0x80)],
    ];
    for (const [name, raw] of encodings) {
      const res = await call('POST', '/api/submissions', { token: unit, rawBody: raw, headers: { 'content-type': 'application/json' } });
      expect({ name, status: res.status, code: res.body?.error?.code }).toEqual({ name, status: 400, code: 'invalid_encoding' });
    }
    for (const type of [
      'application/json-patch+json',
      'application/json, text/plain',
      'application/json; charset=iso-8859-1',
      'application/json;charset=utf-16',
      'application/jsonx',
    ]) {
      const res = await call('POST', '/api/submissions', { token: unit, rawBody: json, headers: { 'content-type': type } });
      expect({ type, status: res.status, code: res.body?.error?.code }).toEqual({ type, status: 415, code: 'unsupported_media_type' });
    }
    const c = testContainer(localEnv().AGENCY_ID);
    expect(await c.submissions.listRevisions(c.config.agencyId, PERIOD, 'QLKH')).toEqual([]);
  });

  it('stores invisible characters stripped, odd spaces and line separators made ordinary, and counts emoji as one character each', async () => {
    const invisible = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u034F', '\u3164', '\uFFA0', '\uFE0F', '\u180E', '\u2062'];
    const dirty = (word: string) => invisible.map((ch) => `${word}${ch}`).join('');
    const data = {
      reporterName: `\uFEFF${dirty('Nga')}\u00A0Trần`,
      otherWork: [{ kind: 'dot-xuat', text: `Việc 1\u2028Việc 2\u2029Việc 3\u2800${dirty('x')}` }],
      tasks: [{ ...report({ taskId: foreignTaskId }), result: `Đạt ${'👍'.repeat(2001)}`, nextPlan: dirty('Kế hoạch ') }],
    };
    // Văn phòng, for unit TTR: this file's QLKH data stays as the other cases expect it.
    const saved = await call('PUT', `/api/submissions/${PERIOD}/TTR/draft`, { token: vp, body: { data } });
    expect(saved.status).toBe(200);
    const head = await call('GET', `/api/submissions/${PERIOD}/TTR`, { token: vp });
    const stored = head.body.submission.draft.data;
    expect(stored.reporterName).toBe(`${'Nga'.repeat(invisible.length)} Trần`);
    expect(stored.otherWork[0].text).toBe(`Việc 1\nViệc 2\nViệc 3 ${'x'.repeat(invisible.length)}`);
    expect(stored.tasks[0].nextPlan).toBe('Kế hoạch '.repeat(invisible.length).trim());
    expect(JSON.stringify(stored)).not.toMatch(/\p{Default_Ignorable_Code_Point}|[\u2028\u2029\u00A0\u2800]/u);
    // "Đạt " and 2,001 emoji are 4,006 UTF-16 units but 2,005 characters: within the 4,000 the message names.
    const submitted = await call('POST', '/api/submissions', { token: vp, body: { period: PERIOD, unit: 'TTR', baseRevision: 0, data } });
    expect(submitted.body.error ?? null).toBeNull();
    expect(submitted.status).toBe(201);
    expect([...submitted.body.submission.data.tasks[0].result]).toHaveLength(2005);
  });

  it('refuses a date that does not exist or lies outside the plan years with 400 invalid_date and a message saying why, on submit and on a draft', async () => {
    const cases: [string, RegExp][] = [
      ['2024-02-30', /30\/02\/2024 không có trên lịch: tháng 2\/2024 có 29 ngày/],
      ['2024-11-31', /31\/11\/2024 không có trên lịch: tháng 11\/2024 có 30 ngày/],
      ['2023-02-29', /tháng 2\/2023 có 28 ngày/],
      ['1900-01-01', /01\/01\/1900 nằm ngoài kế hoạch năm 2024: chỉ nhận từ 01\/01\/2023 đến 31\/12\/2025/],
      ['2026-01-01', /nằm ngoài kế hoạch năm 2024/],
    ];
    for (const [date, message] of cases) {
      const task = report({ status: 'hoan-thanh', progress: 100, completedOn: date, reason: 'Hoàn thành muộn.' });
      const submit = await call('POST', '/api/submissions', { token: unit, body: body({}, { tasks: [task] }) });
      const draft = await call('PUT', `/api/submissions/${PERIOD}/QLKH/draft`, { token: unit, body: { data: body({}, { tasks: [task] }).data } });
      for (const res of [submit, draft]) {
        expect({ date, status: res.status, code: res.body.error.code }).toEqual({ date, status: 400, code: 'invalid_date' });
        expect(res.body.error.fields).toEqual([{ field: 'data.tasks.0.completedOn', message: expect.stringMatching(message) }]);
      }
    }
    const c = testContainer(localEnv().AGENCY_ID);
    expect(await c.submissions.getHead(c.config.agencyId, PERIOD, 'QLKH')).toBeUndefined();
  });

  it('reads an unreadable session cookie as "not signed in" on every route: the sign-in page still opens, the API answers 401, never a 500', async () => {
    const good = unit;
    const cookies = [
      'baocao_session=%',
      'baocao_session=%E0%A4%A',
      'baocao_session=%ff%fe%fd',
      'baocao_session=abc%',
      'baocao_session',
      '=%',
      ';;; ;',
      'baocao_session="quoted"',
      `baocao_session=${'A'.repeat(6000)}`,
      'baocao_session=eyJhbGciOiJub25lIn0.e30.',
      'theme=%; baocao_session=%25',
      `baocao_session=%; baocao_session=${good}`,
    ];
    // Pages explain how to sign in: 200 for no session, 401 for one that does not verify.
    const routes: [string, string, number[]][] = [
      ['GET', '/signin', [200]],
      ['GET', '/api/form?period=2024-12', [401]],
      ['POST', '/api/submissions', [401]],
      ['GET', '/status', [200, 401]],
      ['GET', '/health', [200]],
    ];
    const seen: string[] = [];
    for (const cookie of cookies) {
      for (const [method, path, expected] of routes) {
        const res = await call(method, path, { headers: { cookie, accept: 'text/html' }, ...(method === 'POST' ? { body: body() } : {}) });
        const what = `${method} ${path} [${cookie.slice(0, 30)}]`;
        seen.push(what);
        expect(expected, `${what} → ${res.status}`).toContain(res.status);
        if (!path.startsWith('/api/') && path !== '/health') expect(String(res.body), what).toMatch(/đăng nhập/i);
      }
    }
    expect(seen).toHaveLength(cookies.length * routes.length);
  });

  it('accepts decomposed Unicode and stores it as NFC; keeps formula-like and HTML text as plain text', async () => {
    const decomposed = 'Hội nghị chuyển giao'.normalize('NFD');
    const tricky = ['=HYPERLINK("http://evil","x")', '+SUM(A1)', '-2+3', '@cmd', '<script>alert(1)</script>'];
    const res = await call('POST', '/api/submissions', {
      token: unit,
      // A reason, in case another file left a higher figure for this task in an earlier month.
      body: body(
        {},
        {
          reporterName: decomposed,
          tasks: [report({ result: tricky.join(' | '), difficulties: tricky[0], proposals: tricky[4], reason: 'Số liệu điều chỉnh' })],
        },
      ),
    });
    expect(res.status).toBe(201);
    expect(res.body.submission.data.reporterName).toBe('Hội nghị chuyển giao'.normalize('NFC'));
    expect(res.body.submission.data.reporterName).not.toBe(decomposed);
    expect(res.body.submission.data.tasks[0].difficulties).toBe(tricky[0]);
    expect(res.body.submission.data.tasks[0].proposals).toBe(tricky[4]);

    // Compiled, the same strings are plain text in the workbook and literal text in the PDF.
    const compiled = await call('POST', '/api/reports', { token: vp, body: { period: PERIOD } });
    expect([200, 201]).toContain(compiled.status);
    const files = compiled.body.report.files as { audience: string; format: string; key: string }[];
    const c = testContainer(localEnv().AGENCY_ID);
    const xlsx = await c.archive.get(files.find((f) => f.audience === 'director' && f.format === 'xlsx')!.key);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx!.body) as unknown as ArrayBuffer);
    const found: ExcelJS.Cell[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'string' && cell.value.includes('HYPERLINK')) found.push(cell);
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        }),
      ),
    );
    expect(found.length).toBeGreaterThan(0);
    for (const cell of found) expect(cell.type).toBe(ExcelJS.ValueType.String);
    const pdf = await c.archive.get(files.find((f) => f.audience === 'director' && f.format === 'pdf')!.key);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'baocao-hostile-'));
    writeFileSync(path.join(dir, 'r.pdf'), pdf!.body);
    const text = execFileSync('pdftotext', [path.join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('=HYPERLINK("http://evil","x")');
  });
});
