/**
 * The server-rendered pages: every dynamic string escaped (hostile unit names, task contents,
 * periods), every control labelled, no inline script or style (the CSP would block it), and the
 * status board's badges, times and counts as Văn phòng reads them.
 */
import { describe, expect, it } from 'vitest';
import type { AgencyProfile } from '../../../functions/core/agency.ts';
import type { PlanTask } from '../../../functions/core/plan.ts';
import { buildStatusBoard } from '../../../functions/core/status-board.ts';
import type { SubmissionHead } from '../../../functions/core/submission.ts';
import { assetUrl } from '../../../templates/web/assets.ts';
import { escapeHtml, html, raw } from '../../../templates/web/html.ts';
import { formatDateTime } from '../../../templates/web/format.ts';
import { renderFormPage } from '../../../templates/web/form-view.ts';
import { messagePage, signInHelp } from '../../../templates/web/layout.ts';
import { renderSigninPage } from '../../../templates/web/signin-view.ts';
import { renderStatusPage } from '../../../templates/web/status-view.ts';
import { revisionDiff } from '../../../functions/core/revision-diff.ts';
import { renderUnitHistoryPage } from '../../../templates/web/history-view.ts';
import { renderPeriodHistoryPage } from '../../../templates/web/report-history-view.ts';
import { taskReport } from '../../support/small-plan.ts';

const HOSTILE = `<img src=x onerror="alert('x')">&"' </td><script>alert(1)</script>`;

/** Checks shared by every page. */
function checkPage(doc: string) {
  expect(doc.startsWith('<!doctype html>')).toBe(true);
  expect(doc).toContain('<html lang="vi">');
  // The CSP forbids inline code: every script has a src under /static, no style attributes or
  // <style> blocks, no inline event handlers.
  const scripts = [...doc.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  for (const s of scripts) {
    expect(s[1]).toMatch(/\bsrc="\/static\/[a-z]+-[A-Z0-9]{8}\.js"/);
    expect(s[2]).toBe('');
  }
  expect(doc).not.toMatch(/<style\b/i);
  // Attribute names of real tags (escaped text and quoted values may well say "onerror=").
  let tags = 0;
  for (const tag of doc.matchAll(/<[a-z][a-z0-9]*((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*>/gi)) {
    tags++;
    for (const attr of tag[1]!.matchAll(/\s+([a-z-]+)(?:="[^"]*")?/gi)) {
      expect(attr[1]!.toLowerCase()).not.toMatch(/^(on.*|style)$/);
    }
  }
  expect(tags).toBeGreaterThan(20);
  // Every control has a label, and every label points at a control that exists.
  const ids = new Set([...doc.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
  const labelled = new Set([...doc.matchAll(/<label for="([^"]+)"/g)].map((m) => m[1]));
  for (const id of labelled) expect(ids.has(id), `label for="${id}" has no control`).toBe(true);
  for (const m of doc.matchAll(/<(input|select|textarea)\b[^>]*\sid="([^"]+)"[^>]*>/g)) {
    if (/type="(hidden|submit)"/.test(m[0])) continue;
    expect(labelled.has(m[2]), `${m[1]}#${m[2]} has no label`).toBe(true);
  }
  // The hostile string never appears unescaped.
  expect(doc).not.toContain('<script>alert(1)</script>');
  expect(doc).not.toContain('<img src=x');
}

describe('escaping', () => {
  it('escapes the characters that matter in text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
    expect(escapeHtml(undefined)).toBe('');
    expect(escapeHtml(42)).toBe('42');
  });

  it('escapes every interpolation of the html template unless it is already safe', () => {
    const inner = html`<b>${HOSTILE}</b>`;
    const outer = html`<p title="${HOSTILE}">${inner}${[HOSTILE, raw('<br>')]}${false}${null}${undefined}</p>`;
    expect(outer.value).toBe(`<p title="${escapeHtml(HOSTILE)}"><b>${escapeHtml(HOSTILE)}</b>${escapeHtml(HOSTILE)}<br></p>`);
  });

  it('keeps Vietnamese text as it is', () => {
    expect(html`<p>${'Phòng Quản lý Khoa học — Sở KH&CN'}</p>`.value).toBe('<p>Phòng Quản lý Khoa học — Sở KH&amp;CN</p>');
  });
});

describe('form page shell', () => {
  const base = {
    user: { role: 'van-phong' as const, name: HOSTILE },
    csrfToken: 'abc"def<',
    agencyName: HOSTILE,
    period: '2024-06',
    unit: 'QLKH',
    units: [
      { code: 'QLKH', name: 'Phòng Quản lý Khoa học' },
      { code: 'X1', name: HOSTILE },
    ],
    canWrite: true,
  };

  it('renders the period and unit pickers with labels, the CSRF meta and form.js', () => {
    const doc = renderFormPage(base);
    checkPage(doc);
    expect(doc).toContain('<meta name="csrf-token" content="abc&quot;def&lt;">');
    expect(doc).toContain('<label for="pick-period">Kỳ báo cáo (tháng)</label>');
    expect(doc).toMatch(/<input type="month" id="pick-period" name="period" value="2024-06"/);
    expect(doc).toContain('<option value="QLKH" selected>Phòng Quản lý Khoa học (QLKH)</option>');
    expect(doc).toContain(`<option value="X1">${escapeHtml(HOSTILE)} (X1)</option>`);
    expect(doc).toContain(`<script type="module" src="${assetUrl('form.js')}"></script>`);
    expect(doc).toMatch(/<div id="app"[^>]*data-period="2024-06" data-unit="QLKH" data-can-write="true"/);
    expect(doc).toContain('<h1 id="page-title" tabindex="-1">Báo cáo tháng 6/2024</h1>');
  });

  it('escapes a hostile period or unit that reached the template', () => {
    const doc = renderFormPage({ ...base, period: '"><script>alert(1)</script>', unit: '" onfocus="x' });
    checkPage(doc);
    expect(doc).toContain('data-unit="&quot; onfocus=&quot;x"');
  });

  it('gives a unit user no unit picker and shows the unit name', () => {
    const doc = renderFormPage({ ...base, user: { role: 'unit', unit: { code: 'QLKH', name: 'Phòng Quản lý Khoa học' } }, units: [] });
    checkPage(doc);
    expect(doc).not.toContain('id="pick-unit"');
    expect(doc).toContain('Phòng Quản lý Khoa học (QLKH)');
    expect(doc).toContain('<p id="page-unit" class="subtitle">Phòng Quản lý Khoa học</p>');
    // A unit is not shown the status board link.
    expect(doc).not.toContain('href="/status"');
  });

  it('asks Văn phòng to pick a unit when none is chosen, and marks a leader read-only', () => {
    const doc = renderFormPage({ ...base, unit: undefined, canWrite: false, readOnlyReason: 'Chỉ xem <b>' });
    expect(doc).toContain('data-needs-unit="true"');
    expect(doc).toContain('data-can-write="false"');
    expect(doc).toContain('data-read-only-reason="Chỉ xem &lt;b&gt;"');
    expect(doc).toContain('<option value="" selected>— Chọn phòng, đơn vị —</option>');
  });
});

describe('status page', () => {
  const unitNames = { QLKH: 'Phòng Quản lý Khoa học', TTR: HOSTILE, QLCN: 'Phòng Quản lý Công nghệ', CC: 'Chi cục TCĐLCL' };
  const profile = {
    units: Object.entries(unitNames).map(([code, name]) => ({ code, name, kind: 'phong' })),
  } as AgencyProfile;
  const task = (id: string, leadUnit: string, month: number, content = `Nhiệm vụ ${id}`): PlanTask => ({
    id,
    number: id,
    group: { numeral: 'I', title: 'X' },
    category: 'ke-hoach',
    content,
    leadUnit,
    coordinatingUnits: [],
    milestones: [],
    order: 1,
    finish: { kind: 'month', year: 2024, month },
  });
  const head = (unit: string, over: Partial<SubmissionHead>): SubmissionHead => ({
    agencyId: 'a',
    period: '2024-06',
    unit,
    state: 'submitted',
    revision: 1,
    updatedAt: 'x',
    ...over,
  });
  const rep = (taskId: string) => ({
    taskId,
    status: 'dang-thuc-hien' as const,
    progress: 50,
    result: 'x',
    difficulties: '',
    proposals: '',
    needsDecision: false,
    nextPlan: '',
  });
  const board = buildStatusBoard({
    profile,
    period: '2024-06',
    deadline: '2024-06-20',
    today: '2024-06-25',
    readAt: new Date('2024-06-25T03:00:00.000Z'),
    asOf: '2024-06-20',
    dueByUnit: new Map([
      ['QLKH', [task('1', 'QLKH', 12), task('2', 'QLKH', 12)]],
      ['TTR', [task('3', 'TTR', 5, HOSTILE)]],
      ['QLCN', [task('4', 'QLCN', 12)]],
      ['CC', [task('5', 'CC', 12)]],
    ]),
    previousReports: new Map(),
    heads: [
      // 17/06 09:00 in Viet Nam is 02:00 UTC.
      head('QLKH', {
        onTime: true,
        submittedAt: '2024-06-17T02:00:00.000Z',
        revision: 2,
        data: { tasks: [rep('1'), rep('2')], otherWork: [], reporterName: 'Nga' },
      }),
      head('TTR', { onTime: false, submittedAt: '2024-06-22T03:05:00.000Z', data: { tasks: [], otherWork: [], reporterName: 'Đức' } }),
      head('QLCN', {
        state: 'draft',
        revision: 0,
        draft: { data: { tasks: [], otherWork: [], reporterName: '' }, savedAt: '2024-06-19T07:00:00.000Z', savedBy: 'u' },
      }),
    ],
  });
  const doc = renderStatusPage({ board, user: { role: 'van-phong' }, csrfToken: 't', agencyName: 'Sở Khoa học và Công nghệ', periodLabel: 'tháng 6 năm 2024' });
  const rowOf = (code: string) => {
    const m = new RegExp(`<tr class="row-[a-z-]+">\\s*<th scope="row"[^>]*><a href="/report\\?period=2024-06&amp;unit=${code}">[\\s\\S]*?</tr>`).exec(doc);
    expect(m, `row ${code}`).not.toBeNull();
    return m![0];
  };

  it('passes the page checks with a hostile unit name and task content', () => {
    checkPage(doc);
    expect(doc).toContain(escapeHtml(HOSTILE));
  });

  it('shows each unit with a badge in words, its time in Viet Nam, revision and counts', () => {
    const qlkh = rowOf('QLKH');
    expect(qlkh).toContain('Nộp đúng hạn');
    expect(qlkh).toContain('badge-on-time');
    expect(qlkh).toContain('17/06/2024 09:00');
    // The revision opens the unit's history for the month.
    expect(qlkh).toMatch(/<td data-label="Phiên bản"><a href="\/history\?period=2024-06&amp;unit=QLKH"[^>]*>2 — lịch sử<\/a><\/td>/);
    expect(qlkh).toContain('2/2 nhiệm vụ');
    const ttr = rowOf('TTR');
    expect(ttr).toContain('Nộp muộn');
    expect(ttr).toContain('22/06/2024 10:05');
    expect(ttr).toContain('0/1 nhiệm vụ');
    expect(ttr).toContain(`<span class="task-no">3.</span> ${escapeHtml(HOSTILE)} <span class="deadline">(hạn Tháng 05/2024)</span>`);
    const qlcn = rowOf('QLCN');
    expect(qlcn).toContain('Mới lưu nháp');
    expect(qlcn).toContain('Nháp lưu lúc <time datetime="2024-06-19T07:00:00.000Z">19/06/2024 14:00</time>');
    expect(rowOf('CC')).toContain('Chưa nộp');
  });

  it('puts a summary on top that names who still owes a report', () => {
    expect(doc).toMatch(/<strong>2\/4 đơn vị đã nộp<\/strong> báo cáo tháng 6 năm 2024:\s+1 đúng hạn, 1 muộn, 1 mới lưu nháp, 1 chưa nộp\./);
    expect(doc).toContain('Hạn nộp 20/06/2024 <strong class="text-late">(đã qua hạn)</strong>');
    // Each name opens that unit's report for the month.
    expect(doc).toContain('<strong>Chưa nộp:</strong> <a href="/report?period=2024-06&amp;unit=CC">Chi cục TCĐLCL</a>.');
    expect(doc).toContain('<strong>Mới lưu nháp, chưa gửi:</strong> <a href="/report?period=2024-06&amp;unit=QLCN">Phòng Quản lý Công nghệ</a>.');
    expect(doc.indexOf('id="summary"')).toBeLessThan(doc.indexOf('<table'));
  });

  it('has a period picker, an Excel download and a JSON link for the same month', () => {
    expect(doc).toMatch(/<input type="month" id="pick-period" name="period" value="2024-06"/);
    expect(doc).toContain('href="/api/status?period=2024-06&amp;format=xlsx" download>Tải bảng theo dõi (Excel)</a>');
    expect(doc).toContain('href="/status?period=2024-06&amp;format=json"');
    expect(doc).toContain('<th scope="col">Nhiệm vụ quá hạn</th>');
  });

  it('formats times in Asia/Ho_Chi_Minh across midnight', () => {
    expect(formatDateTime('2024-06-30T17:30:00.000Z')).toBe('01/07/2024 00:30');
  });
});

describe('sign-in and message pages', () => {
  it('the sign-in page loads signin.js, asks for the email address and the code, and escapes the signed-in unit', () => {
    const doc = renderSigninPage({ user: { role: 'unit', unit: { code: 'QLKH', name: HOSTILE } } });
    checkPage(doc);
    expect(doc).toContain(`<script type="module" src="${assetUrl('signin.js')}"></script>`);
    // Sign-in by email: the address, then the code; no operator command for visitors to see.
    expect(doc).toContain('id="signin-email" name="email" type="email"');
    expect(doc).toContain('autocomplete="one-time-code"');
    expect(doc).not.toContain('npm run cli');
    expect(doc).toContain('id="signin-error" role="alert"');
    expect(doc).toContain(escapeHtml(HOSTILE));
  });

  it('a message page escapes its title and lead, and can say why sign-in is needed', () => {
    const doc = messagePage({ title: HOSTILE, lead: HOSTILE, body: signInHelp('Phiên đăng nhập đã hết hạn.') });
    checkPage(doc);
    expect(doc).toContain(`<h1 id="msg-title">${escapeHtml(HOSTILE)}</h1>`);
    expect(doc).toContain('Phiên đăng nhập đã hết hạn.');
    expect(doc).toContain('Văn phòng Sở');
  });
});

describe('history pages', () => {
  const user = { role: 'van-phong' as const };
  const hostileData = {
    reporterName: HOSTILE,
    otherWork: [{ kind: 'dot-xuat' as const, text: HOSTILE }],
    tasks: [{ ...taskReport('I-1', 30), result: HOSTILE }],
  };
  const unitDoc = renderUnitHistoryPage({
    history: {
      period: '2024-06',
      unit: { code: 'QLKH', name: HOSTILE },
      timeZone: 'Asia/Ho_Chi_Minh',
      tasks: { 'I-1': { number: '1', content: HOSTILE } },
      revisions: [
        {
          revision: 2,
          at: '2024-06-17T17:30:00Z',
          by: 'sub-2',
          onTime: false,
          reporterName: HOSTILE,
          diff: revisionDiff(hostileData, { ...hostileData, tasks: [taskReport('I-1', 50)] }),
        },
        {
          revision: 1,
          at: '2024-06-16T02:00:00Z',
          by: 'sub-1',
          byName: 'Nguyễn Thị Hoa',
          onTime: true,
          reporterName: HOSTILE,
          diff: revisionDiff(undefined, hostileData),
        },
      ],
    },
    user,
    csrfToken: 'c',
    canReadReports: true,
  });

  it("draws a unit's revisions as a page with no script but the shared one, escaping what units typed", () => {
    checkPage(unitDoc);
    expect(unitDoc).toContain(escapeHtml(HOSTILE));
    // Times in Viet Nam: 17:30 UTC is 00:30 the next day.
    expect(unitDoc).toContain('18/06/2024 00:30');
    expect(unitDoc).toContain('tài khoản <span class="code">sub-2</span>');
    expect(unitDoc).toContain('tài khoản Nguyễn Thị Hoa');
    expect(unitDoc).toContain('<td data-label="Trước">30%</td><td data-label="Sau">50%</td>');
    expect(unitDoc).toContain('href="/history?period=2024-06"');
  });

  it("draws the month's versions and delivery log, escaping the log's error text", () => {
    const doc = renderPeriodHistoryPage({
      history: {
        period: '2024-06',
        timeZone: 'Asia/Ho_Chi_Minh',
        units: [{ code: 'QLKH', name: HOSTILE, revision: 1 }],
        versions: [
          {
            version: 2,
            createdAt: '2024-06-21T01:00:00Z',
            trigger: 'schedule:x',
            issueDate: '2024-06-21',
            sameInput: false,
            units: [],
            issued: [],
            delivered: false,
          },
          {
            version: 1,
            createdAt: '2024-06-20T01:00:00Z',
            trigger: 'api:s',
            triggeredBy: 'Trần Văn B',
            issueDate: '2024-06-20',
            sameInput: false,
            units: [{ code: 'QLKH', name: HOSTILE, revisions: [1] }],
            issued: [],
            delivered: false,
          },
        ],
        deliveries: [{ purpose: 'reminder:QLKH', to: ['a@example.test'], at: '2024-06-17T01:00:00Z', status: 'failed', attempts: 3, error: HOSTILE }],
        locks: [
          { at: '2024-06-22T02:00:00Z', locked: false, by: 'Trần Văn B', reason: HOSTILE },
          { at: '2024-06-21T02:00:00Z', locked: true, by: 'Hệ thống (theo lịch)' },
        ],
      },
      user,
      csrfToken: 'c',
    });
    checkPage(doc);
    expect(doc).toContain('Không đơn vị nào gửi báo cáo mới kể từ phiên bản trước');
    expect(doc).toContain('do Văn phòng tổng hợp: Trần Văn B');
    expect(doc).toContain(`Nhắc nộp báo cáo: ${escapeHtml(HOSTILE)}`);
    expect(doc).toContain('Không gửi được sau 3 lần thử');
    // The lock log: reopened with the reason typed (escaped), the system's lock without one.
    expect(doc).toContain(`<th scope="row" data-label="Thao tác">Mở lại kỳ</th>`);
    expect(doc).toContain(`<td data-label="Lý do">${escapeHtml(HOSTILE)}</td>`);
    expect(doc).toContain('22/06/2024 09:00');
  });
});
