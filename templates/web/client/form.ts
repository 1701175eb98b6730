/**
 * The monthly form's controller: loads GET /api/form, restores what was typed on this machine,
 * keeps a local copy while typing, saves drafts (PUT …/draft) and submits (POST /api/submissions
 * with an Idempotency-Key reused on retries), and shows errors and conflicts without losing input.
 * flow: browser --> form page script --> /api/form, /api/submissions --> form render / form errors / form store
 */
import type { FormContext } from '../../../functions/core/form-context.ts';
import { EMPTY_VALUE, revisionDiff } from '../../../functions/core/revision-diff.ts';
import type { SubmissionData, SubmissionHead } from '../../../functions/core/submission.ts';
import { readFormPageConfig } from '../form-page-config.ts';
import { api, isTransient, type ApiResult } from './api.ts';
import { type Child, formatDate as fmt, formatDateTime, formatTime, h, replaceChildren, wireSignOut } from './dom.ts';
import {
  checkSubmission,
  checkTask,
  type FieldPlace,
  type FormData,
  type FormError,
  type FormRuleContext,
  localToday,
  parseFieldPath,
  ruleContext,
  toSubmissionData,
} from './form-check.ts';
import { clearAllErrors, clearFieldError, setFieldError, showSummary } from './form-errors.ts';
import {
  fieldId,
  fieldLabel as labelOf,
  fillForm,
  type PageContext,
  productBoxCount,
  productBoxId,
  readForm,
  readTask,
  renderForm,
  updateTask,
} from './form-render.ts';
import { partLabel, taskProductParts } from '../../../functions/core/product.ts';
import { fillAttachments, mountAttachments, withAttachments } from './form-attachments.ts';
import { showReceipt } from './form-receipt.ts';
import { type Attempt, clearAttempt, clearLocal, loadAttempt, loadLocal, saveAttempt, saveLocal } from './form-store.ts';

const app = document.getElementById('app');
const cfg = readFormPageConfig(app?.dataset ?? {});

/** Live state of the page (ctx and rules are set once the form context has loaded). */
const st = {
  ctx: null as unknown as PageContext,
  rules: null as unknown as FormRuleContext,
  baseRevision: 0,
  head: null as SubmissionHead | null,
  busy: false,
  locked: false,
  localTimer: 0,
  /** Whether the user has tried to send: from then on "required" fields are checked as they change. */
  triedSubmit: false,
  /** The form's data as the server holds it (JSON), to tell whether anything is unsaved. */
  savedJson: '',
};

const SESSION_EXPIRED =
  'Phiên đăng nhập đã hết hạn. Nội dung bạn nhập vẫn được giữ trên máy này: hãy mở lại đường dẫn đăng nhập (xin Văn phòng Sở nếu cần), rồi quay lại trang này để lưu hoặc gửi.';

function notice(kind: string, ...content: Child[]): HTMLElement {
  return h('div', { class: `notice notice-${kind}` }, ...content);
}

function showBanner(kind: string, text: string, { focus = false, actions = [] }: { focus?: boolean; actions?: HTMLElement[] } = {}): void {
  const b = document.getElementById('banner');
  if (!b) return;
  replaceChildren(b, notice(kind, h('p', {}, text), actions.length ? h('p', { class: 'buttons' }, actions) : null));
  b.hidden = false;
  if (focus) {
    b.focus();
    b.scrollIntoView({ block: 'start' });
  }
}

function hideBanner() {
  const b = document.getElementById('banner');
  if (b) {
    b.hidden = true;
    b.replaceChildren();
  }
}

/** What the server holds (saved, sent, failed): its own region, never overwritten by the local copy's note. */
function setStatus(text: string): void {
  const s = document.getElementById('save-status');
  if (s) s.textContent = text;
}

/** Whether what is typed is kept only on this machine: a second region beside the server's status. */
function setLocalStatus(text: string): void {
  const s = document.getElementById('local-status');
  if (s) s.textContent = text;
  keepClearOfActions();
}

/**
 * The sticky action bar covers the bottom of the screen: the page's scroll padding is its height, so
 * a field that gets the focus (Tab, the error summary's links) is scrolled fully above it.
 */
function keepClearOfActions(): void {
  const bar = document.getElementById('actions');
  if (bar) document.documentElement.style.setProperty('--actions-height', `${Math.ceil(bar.getBoundingClientRect().height)}px`);
}

function headStatus(head: SubmissionHead | null): string {
  if (!head) return 'Chưa lưu lần nào.';
  const parts: string[] = [];
  if (head.state === 'submitted') parts.push(`Đã gửi báo cáo (phiên bản ${head.revision}) lúc ${formatDateTime(head.submittedAt!)}.`);
  if (head.draft && (!head.submittedAt || head.draft.savedAt > head.submittedAt)) parts.push(`Đã lưu nháp lúc ${formatDateTime(head.draft.savedAt)}.`);
  return parts.join(' ') || 'Chưa lưu lần nào.';
}

// ---------------------------------------------------------------- loading

async function load(): Promise<void> {
  if (!app) return;
  replaceChildren(app, h('p', { class: 'loading' }, 'Đang tải biểu mẫu…'));
  const q = new URLSearchParams({ period: cfg.period });
  if (cfg.unit) q.set('unit', cfg.unit);
  const res = await api('GET', `/api/form?${q}`);
  if (!res.ok) return loadFailed(res);
  start(res.body as FormContext);
}

function loadFailed(res: ApiResult): void {
  if (!app) return;
  const msg = res.network
    ? 'Không tải được biểu mẫu: mất kết nối đến máy chủ.'
    : res.status === 401
      ? 'Phiên đăng nhập đã hết hạn hoặc chưa đăng nhập. Hãy mở lại đường dẫn đăng nhập (xin Văn phòng Sở nếu cần).'
      : res.body?.error?.message || `Không tải được biểu mẫu (mã ${res.status}).`;
  const retry = h('button', { type: 'button', class: 'button button-secondary', onclick: () => load() }, 'Thử lại');
  replaceChildren(
    app,
    notice(
      res.status === 401 ? 'warn' : 'error',
      h('p', {}, msg),
      res.status === 401 ? h('p', {}, h('a', { href: '/signin' }, 'Đến trang đăng nhập')) : h('p', {}, retry),
    ),
  );
}

function start(ctx: FormContext): void {
  if (!app) return;
  st.ctx = { ...ctx, today: localToday() };
  st.rules = ruleContext(ctx);
  st.head = ctx.head ?? null;
  st.baseRevision = ctx.head?.revision ?? 0;
  st.locked = ctx.locked === true;

  document.title = `Báo cáo ${ctx.period.label} — ${ctx.unit.name}`;
  const title = document.getElementById('page-title');
  if (title) title.textContent = `Báo cáo ${ctx.period.label}`;
  const sub = document.getElementById('page-unit');
  if (sub) sub.textContent = ctx.unit.name;

  const info = h(
    'dl',
    { class: 'period-info' },
    h('div', {}, h('dt', {}, 'Kỳ số liệu'), h('dd', {}, `${fmt(ctx.period.window.from)} – ${fmt(ctx.period.window.to)}`)),
    h('div', {}, h('dt', {}, 'Hạn nộp'), h('dd', {}, fmt(ctx.period.deadline))),
    h('div', {}, h('dt', {}, 'Số nhiệm vụ'), h('dd', {}, String(ctx.tasks.length))),
  );
  replaceChildren(
    app,
    info,
    h('div', { id: 'banner', class: 'banner', tabindex: '-1', hidden: true }),
    h('div', { id: 'error-summary', class: 'error-summary', role: 'alert', tabindex: '-1', 'aria-labelledby': 'error-summary-title', hidden: true }),
    h('section', { id: 'conflict', class: 'conflict', tabindex: '-1', hidden: true, 'aria-labelledby': 'conflict-title' }),
  );
  const ui = renderForm(app, st.ctx);
  keepClearOfActions();
  new ResizeObserver(keepClearOfActions).observe(ui.form.querySelector('#actions')!);
  fillForm(st.ctx, ctx.initial);
  mountAttachments(
    ctx.tasks.map((t) => t.task.id),
    {
      period: ctx.period.id,
      unit: ctx.unit.code,
      canWrite: cfg.canWrite && !st.locked,
      onChange: () => {
        setStatus('Tài liệu kèm theo đã thay đổi: hãy lưu nháp hoặc gửi báo cáo.');
        scheduleLocalSave();
      },
    },
  );
  fillAttachments(ctx.initial);
  st.savedJson = JSON.stringify(formContent());
  restoreLocal(ctx);
  setStatus(headStatus(st.head));

  // Enter in a one-line field must not send the whole report (the browser's implicit submit).
  ui.form.addEventListener('keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Enter' && e.target instanceof HTMLInputElement) e.preventDefault();
  });
  ui.form.addEventListener('input', onInput);
  ui.form.addEventListener('change', onChange);
  ui.form.addEventListener('submit', (e) => {
    e.preventDefault();
    void submit();
  });
  ui.saveBtn.addEventListener('click', () => void saveDraft());
  applyReadOnly();
  const pending = loadAttempt(cfg.unit || ctx.unit.code, ctx.period.id);
  if (pending && !st.locked && cfg.canWrite) {
    showBanner(
      'warn',
      'Lần gửi báo cáo trước trên máy này chưa nhận được xác nhận (có thể do mất kết nối). Bấm "Gửi lại" để hoàn tất; hệ thống không tạo thêm phiên bản nếu lần trước đã tới nơi.',
      {
        actions: [h('button', { type: 'button', class: 'button button-primary', onclick: () => void sendAttempt(pending) }, 'Gửi lại')],
      },
    );
  }
}

function unitCode(): string {
  return st.ctx.unit.code;
}

/**
 * What the form holds, with each task's files: what "unsaved" is judged on and what the copy on this
 * machine keeps (issue 14: a file attached and nothing else changed did not count as a change).
 */
function formContent(read = readForm(st.ctx)): FormData {
  return withAttachments(read.data);
}

/** What was typed here and not yet saved wins over the server's copy when it is newer. */
function restoreLocal(ctx: FormContext): void {
  const local = loadLocal(unitCode(), ctx.period.id);
  if (!local) return;
  const server = ctx.head
    ? [ctx.head.updatedAt, ctx.head.draft?.savedAt, ctx.head.submittedAt]
        .filter((x): x is string => Boolean(x))
        .sort()
        .pop()
    : '';
  const current = JSON.stringify(formContent());
  if (JSON.stringify(local.data) === current) return;
  if (server && local.savedAt <= server) {
    clearLocal(unitCode(), ctx.period.id);
    return;
  }
  fillForm(st.ctx, local.data);
  fillAttachments(local.data);
  setLocalStatus(`Có thay đổi chưa lưu lên máy chủ; đã giữ tạm trên máy này lúc ${formatTime(local.savedAt)}.`);
  // Typed against an older revision: submitting must still detect the newer one (409).
  if (typeof local.baseRevision === 'number' && local.baseRevision < st.baseRevision) st.baseRevision = local.baseRevision;
  showBanner('info', `Đã khôi phục nội dung bạn nhập trên máy này lúc ${formatDateTime(local.savedAt)} (chưa lưu lên máy chủ).`, {
    actions: [
      h(
        'button',
        {
          type: 'button',
          class: 'button button-quiet',
          onclick: () => {
            clearLocal(unitCode(), ctx.period.id);
            st.baseRevision = ctx.head?.revision ?? 0;
            fillForm(st.ctx, ctx.initial);
            fillAttachments(ctx.initial);
            if (app) clearAllErrors(app);
            hideBanner();
            setLocalStatus('');
            setStatus('Đã trở lại bản trên máy chủ.');
          },
        },
        'Bỏ nội dung này, dùng bản trên máy chủ',
      ),
    ],
  });
}

function applyReadOnly(): void {
  const body = document.getElementById('form-body') as HTMLFieldSetElement | null;
  const actions = document.getElementById('actions');
  const readOnly = st.locked || !cfg.canWrite;
  if (body) body.disabled = readOnly;
  if (actions) actions.querySelector<HTMLElement>('.buttons')!.hidden = readOnly;
  if (!readOnly) return;
  const why = st.locked
    ? `Báo cáo ${st.ctx.period.label} đã được ban hành nên không sửa được nữa. Muốn sửa, hãy đề nghị Văn phòng Sở mở lại kỳ báo cáo.`
    : cfg.readOnlyReason || 'Bạn chỉ được xem báo cáo này.';
  const ro = document.getElementById('readonly-note') || h('div', { id: 'readonly-note' });
  replaceChildren(ro, notice('warn', h('p', {}, h('strong', {}, 'Chỉ xem. '), why)));
  document.getElementById('report-form')?.before(ro);
}

// ---------------------------------------------------------------- typing

function onInput(e: Event): void {
  const t = e.target as HTMLInputElement | null;
  const id = t?.dataset?.task;
  if (id) {
    updateTask(st.ctx, id);
    // A field in error is checked as it is typed in, so the message goes as soon as it is fixed.
    if (t.getAttribute('aria-invalid') === 'true') checkOneTask(id);
  } else recheckOther(t);
  scheduleLocalSave();
}

function onChange(e: Event): void {
  const t = e.target as HTMLInputElement | null;
  const id = t?.dataset?.task;
  if (!id) {
    recheckOther(t);
    return;
  }
  // Finishing a task means 100%: set it rather than making the user fix an error. The progress it
  // replaced is kept, so passing over "Hoàn thành" (arrow keys in the list) or changing one's mind
  // gives the earlier figure back instead of leaving 100.
  if (t.dataset.field === 'status') {
    const p = document.getElementById(fieldId(id, 'progress')) as HTMLInputElement | null;
    if (p && t.value === 'hoan-thanh') {
      if (p.value !== '100') {
        p.dataset.beforeDone = p.value;
        p.value = '100';
      }
    } else if (p && p.dataset.beforeDone !== undefined) {
      if (p.value === '100') p.value = p.dataset.beforeDone;
      delete p.dataset.beforeDone;
    }
  }
  updateTask(st.ctx, id);
  checkOneTask(id);
  scheduleLocalSave();
}

/**
 * Instant feedback for one task. A field is judged once the user has left it (or tried to send):
 * a field that just appeared — the completion date when "Hoàn thành" is chosen, a reason — is not
 * red before anything was typed in it. "Result is required" waits for the first submit; after it,
 * every fix takes its message (and its line of the summary) away at once.
 */
function checkOneTask(id: string): void {
  const r = readTask(id);
  const ft = st.ctx.tasks.find((x) => x.task.id === id);
  if (!ft) return;
  const errors = checkTask(r, ft.task, ft.previous, st.rules.today, st.triedSubmit);
  const products = Array.from({ length: productBoxCount(ft.task) }, (_, i) => `productReached.${i}`);
  for (const f of ['progress', 'reason', 'completedOn', ...products, 'result']) {
    const err = errors.find((e) => e.field === f);
    const fid = fieldId(id, f);
    const el = document.getElementById(fid);
    if (err && el && !el.closest<HTMLElement>('.field')!.hidden) {
      if (el.dataset.touched || el.getAttribute('aria-invalid') === 'true') setFieldError(fid, err.message);
    } else clearFieldError(fid);
  }
}

/** The other-work rows and the reporter's name: a field in error is checked again as it changes. */
function recheckOther(t: HTMLInputElement | null): void {
  if (!t?.id || t.getAttribute('aria-invalid') !== 'true') return;
  const read = readForm(st.ctx);
  const errors = checkSubmission(read.data, st.rules, { final: true });
  const still = errors.some((e) => fieldLabel(st.ctx, parseFieldPath(e.field), read.otherWorkIds).fieldId === t.id);
  if (!still) clearFieldError(t.id);
}

function scheduleLocalSave(): void {
  clearTimeout(st.localTimer);
  st.localTimer = window.setTimeout(() => {
    const data = formContent();
    if (JSON.stringify(data) === st.savedJson) {
      clearLocal(unitCode(), st.ctx.period.id);
      setLocalStatus('');
      return;
    }
    if (saveLocal(unitCode(), st.ctx.period.id, data, st.baseRevision)) {
      setLocalStatus(`Có thay đổi chưa lưu lên máy chủ; đã giữ tạm trên máy này lúc ${formatTime(new Date().toISOString())}.`);
    }
  }, 400);
}

// ---------------------------------------------------------------- errors

function fieldLabel(ctx: PageContext, p: FieldPlace, otherWorkIds: string[]): { fieldId?: string | undefined; label: string } {
  if (p.kind === 'task') {
    const ft = ctx.tasks[p.index];
    // The product's boxes: "productReached.1" is the second; the product as a whole, its first.
    const part = /^productReached(?:\.(\d+))?$/.exec(p.field);
    if (ft && part) {
      const i = Number(part[1] ?? 0);
      const name = partLabel(taskProductParts(ft.task), i);
      return { fieldId: productBoxId(ft.task.id, i), label: `Nhiệm vụ ${ft.task.number} — Sản phẩm đạt được${name ? ` (${name})` : ''}` };
    }
    return { fieldId: ft ? fieldId(ft.task.id, p.field) : undefined, label: ft ? `Nhiệm vụ ${ft.task.number} — ${labelOf(p.field)}` : 'Nhiệm vụ' };
  }
  if (p.kind === 'otherWork') return { fieldId: otherWorkIds[p.index], label: `Công việc khác số ${p.index + 1}` };
  if (p.kind === 'reporterName') return { fieldId: 'reporterName', label: 'Người báo cáo' };
  if (p.kind === 'period') return { fieldId: 'pick-period', label: 'Kỳ báo cáo' };
  return { label: '' };
}

/**
 * Shows errors from the client rules or the server's 422 ({ field: "data.tasks.3.reason" }).
 * Task indexes refer to the array that was sent, which follows ctx.tasks; other-work indexes
 * refer to the non-empty rows that were sent.
 */
function showErrors(errors: FormError[], sentOtherWorkIds: string[]): void {
  if (app) clearAllErrors(app);
  const items = errors.map((e) => {
    const p = parseFieldPath(e.field);
    const where = fieldLabel(st.ctx, p, sentOtherWorkIds);
    if (p.kind === 'task' && where.fieldId) {
      const ft = st.ctx.tasks[p.index]!;
      // The server may need a field the client had hidden (e.g. a reason): show it.
      if (p.field === 'reason') updateTask(st.ctx, ft.task.id, { forceReason: true });
      if (p.field === 'completedOn') document.getElementById(where.fieldId)?.closest('.field')?.removeAttribute('hidden');
      if (p.field === 'taskId') where.fieldId = fieldId(ft.task.id, 'status');
    }
    const placed = where.fieldId ? setFieldError(where.fieldId, e.message) : false;
    return { ...(placed ? { fieldId: where.fieldId } : {}), label: where.label, message: e.message };
  });
  showSummary(items);
}

function sentOtherWorkIds(read: { data: FormData; otherWorkIds: string[] }): string[] {
  return read.data.otherWork.map((w, i) => (w.text.trim() ? read.otherWorkIds[i] : null)).filter((x): x is string => Boolean(x));
}

function handleCommonFailure(res: ApiResult, what: string): boolean {
  if (res.status === 401) {
    showBanner('warn', SESSION_EXPIRED, { focus: true, actions: [h('a', { href: '/signin', class: 'button button-secondary' }, 'Đến trang đăng nhập')] });
    setStatus(`${what} chưa thực hiện được: phiên đăng nhập đã hết hạn.`);
    return true;
  }
  if (res.status === 403) {
    showBanner('error', res.body?.error?.message || 'Bạn không có quyền thực hiện việc này.', { focus: true });
    setStatus(`${what} không thực hiện được.`);
    return true;
  }
  if (res.status === 409 && res.body?.error?.code === 'period_locked') {
    st.locked = true;
    applyReadOnly();
    // The read-only note says why; the banner says what happened to this attempt.
    showBanner(
      'warn',
      `${what} không thực hiện được vì kỳ báo cáo vừa được khóa. Nội dung bạn nhập vẫn được giữ trên máy này; hãy đề nghị Văn phòng Sở mở lại kỳ nếu cần sửa.`,
      { focus: true },
    );
    setStatus(`${what} không thực hiện được: kỳ báo cáo đã khóa.`);
    return true;
  }
  return false;
}

// ---------------------------------------------------------------- draft

async function saveDraft(): Promise<void> {
  if (st.busy || st.locked || !cfg.canWrite) return;
  const read = readForm(st.ctx);
  const data = withAttachments(toSubmissionData(read.data, st.rules));
  // A draft may be incomplete: only the field formats matter (the server's draft check skips reasons).
  const errors = checkSubmission(read.data, st.rules, { final: false }).filter((e) => !e.field.endsWith('.reason'));
  if (errors.length) return showErrors(errors, sentOtherWorkIds(read));
  setBusy(true, 'Đang lưu nháp…');
  let res = await api('PUT', `/api/submissions/${encodeURIComponent(st.ctx.period.id)}/${encodeURIComponent(unitCode())}/draft`, { data });
  if (isTransient(res)) {
    await sleep(1500);
    res = await api('PUT', `/api/submissions/${encodeURIComponent(st.ctx.period.id)}/${encodeURIComponent(unitCode())}/draft`, { data });
  }
  setBusy(false);
  if (res.ok) {
    st.head = res.body.submission;
    if (app) clearAllErrors(app);
    hideBanner();
    st.savedJson = JSON.stringify(formContent(read));
    // Typed more while the request was out? Then that local copy stays.
    if (JSON.stringify(formContent()) === st.savedJson) {
      clearLocal(unitCode(), st.ctx.period.id);
      setLocalStatus('');
    }
    setStatus(`Đã lưu nháp lúc ${formatTime(st.head?.draft?.savedAt || new Date().toISOString())}.`);
    return;
  }
  if (res.status === 422) {
    setStatus('Chưa lưu được nháp: có chỗ cần sửa.');
    return showErrors(
      res.body?.error?.fields?.length ? res.body.error.fields : [{ field: '', message: res.body?.error?.message || 'Dữ liệu chưa hợp lệ.' }],
      sentOtherWorkIds(read),
    );
  }
  if (handleCommonFailure(res, 'Lưu nháp')) return;
  setStatus('Chưa lưu được nháp lên máy chủ.');
  showBanner(
    'error',
    `${res.network ? 'Mất kết nối đến máy chủ' : res.body?.error?.message || `Lỗi máy chủ (mã ${res.status})`}. Nội dung vẫn được giữ trên máy này; hãy thử lại sau ít phút.`,
    {
      focus: true,
      actions: [h('button', { type: 'button', class: 'button button-secondary', onclick: () => void saveDraft() }, 'Thử lưu lại')],
    },
  );
}

// ---------------------------------------------------------------- submit

function newKey(): string {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
}

async function submit(): Promise<void> {
  if (st.busy || st.locked || !cfg.canWrite) return;
  st.triedSubmit = true;
  const read = readForm(st.ctx);
  const errors = checkSubmission(read.data, st.rules, { final: true });
  if (errors.length) {
    setStatus('Chưa gửi: có chỗ cần sửa.');
    return showErrors(errors, sentOtherWorkIds(read));
  }
  const body = { period: st.ctx.period.id, unit: unitCode(), baseRevision: st.baseRevision, data: withAttachments(toSubmissionData(read.data, st.rules)) };
  // One key per submit attempt: the same content retried (even after a reload) reuses it, so the
  // server answers with the revision it already stored instead of making a second one.
  const prev = loadAttempt(unitCode(), st.ctx.period.id);
  const attempt: Attempt = prev && JSON.stringify(prev.body) === JSON.stringify(body) ? prev : { key: newKey(), body };
  saveAttempt(unitCode(), st.ctx.period.id, attempt);
  await sendAttempt(attempt, sentOtherWorkIds(read), JSON.stringify(formContent(read)));
}

async function sendAttempt(attempt: Attempt, otherWorkIds: string[] = [], formJson: string | undefined = undefined): Promise<void> {
  setBusy(true, 'Đang gửi báo cáo…');
  let res: ApiResult = { ok: false, status: 0, network: true, body: null };
  const delays = [0, 1500, 4000];
  for (const [i, delay] of delays.entries()) {
    if (delay) {
      setStatus(`Mất kết nối, đang thử gửi lại (lần ${i + 1}/${delays.length})…`);
      await sleep(delay);
    }
    res = await api('POST', '/api/submissions', attempt.body, { 'idempotency-key': attempt.key });
    if (!isTransient(res)) break;
  }
  setBusy(false);
  const unit = attempt.body.unit;
  const period = attempt.body.period;
  if (res.ok) {
    st.head = res.body.submission;
    st.baseRevision = res.body.revision.revision;
    st.savedJson = formJson ?? JSON.stringify(formContent());
    clearLocal(unit, period);
    setLocalStatus('');
    // Anything typed while the request was out is still unsaved: keep it locally.
    if (JSON.stringify(formContent()) !== st.savedJson) scheduleLocalSave();
    if (app) clearAllErrors(app);
    hideConflict();
    const text = `Đã gửi báo cáo (phiên bản ${res.body.revision.revision}) lúc ${formatTime(res.body.revision.at)}.${res.body.submission.onTime === false ? ' Báo cáo được ghi nhận là nộp muộn.' : ''} Có thể sửa và gửi lại cho đến khi báo cáo kỳ được ban hành.`;
    setStatus(text);
    showBanner('success', text);
    if (res.body.receipt) {
      showReceipt(res.body.receipt);
      document.getElementById('receipt')?.focus();
    }
    return;
  }
  if (isTransient(res)) {
    setStatus('Chưa gửi được báo cáo.');
    showBanner(
      'error',
      `${res.network ? 'Mất kết nối đến máy chủ' : res.body?.error?.message || `Lỗi máy chủ (mã ${res.status})`}. Nội dung vẫn được giữ trên máy này. Bấm "Gửi lại" khi có mạng: nếu lần trước đã tới nơi, hệ thống không tạo thêm phiên bản.`,
      {
        focus: true,
        actions: [h('button', { type: 'button', class: 'button button-primary', onclick: () => void sendAttempt(attempt, otherWorkIds, formJson) }, 'Gửi lại')],
      },
    );
    return;
  }
  if (res.status === 401) return void handleCommonFailure(res, 'Gửi báo cáo');
  clearAttempt(unit, period);
  const err = res.body?.error;
  if (res.status === 409 && err?.code === 'stale_revision') return showConflict(err, attempt.body);
  if (res.status === 422) {
    setStatus('Chưa gửi: có chỗ cần sửa.');
    return showErrors(err?.fields?.length ? err.fields : [{ field: '', message: err?.message || 'Dữ liệu chưa hợp lệ.' }], otherWorkIds);
  }
  if (handleCommonFailure(res, 'Gửi báo cáo')) return;
  setStatus('Chưa gửi được báo cáo.');
  showBanner('error', `${err?.message || `Lỗi (mã ${res.status})`} Nội dung vẫn được giữ trên máy này.`, { focus: true });
}

// ---------------------------------------------------------------- conflict

/** The fields that differ between the server's current submission and the user's (core's diff, as the history page shows it). */
function differences(theirs: SubmissionData | undefined, mine: SubmissionData): [string, string, string][] {
  const d = revisionDiff(theirs, mine, new Map(st.ctx.tasks.map((ft) => [ft.task.id, taskProductParts(ft.task)])));
  const rows: [string, string, string][] = [];
  if (d.reporterName) rows.push([d.reporterName.label, d.reporterName.before, d.reporterName.after]);
  if (d.otherWork.added.length || d.otherWork.removed.length)
    rows.push(['Công việc khác', d.otherWork.removed.join('\n') || EMPTY_VALUE, d.otherWork.added.join('\n') || EMPTY_VALUE]);
  for (const t of d.tasks) {
    const ft = st.ctx.tasks.find((x) => x.task.id === t.taskId);
    const name = `Nhiệm vụ ${ft ? ft.task.number : t.taskId}`;
    if (t.change === 'removed') rows.push([name, 'Có báo cáo', 'Không báo cáo']);
    for (const f of t.fields) rows.push([`${name} — ${f.label}`, f.before, f.after]);
  }
  return rows;
}

function hideConflict(): void {
  const c = document.getElementById('conflict');
  if (c) {
    c.hidden = true;
    c.replaceChildren();
  }
}

function showConflict(err: { message: string; current?: SubmissionHead & { revision?: number; data?: SubmissionData } }, mineBody: Attempt['body']): void {
  const current = err.current;
  const theirs = current?.data;
  const rows = differences(theirs, mineBody.data as SubmissionData);
  const c = document.getElementById('conflict');
  if (!c) return;
  setStatus('Chưa gửi: báo cáo đã được cập nhật ở nơi khác.');
  replaceChildren(
    c,
    h('h2', { id: 'conflict-title' }, `Báo cáo đã có phiên bản mới hơn (phiên bản ${current?.revision ?? '?'})`),
    h('p', {}, err.message),
    current?.submittedAt ? h('p', {}, `Phiên bản ${current.revision} được gửi lúc ${formatDateTime(current.submittedAt)}.`) : null,
    rows.length
      ? h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            { class: 'diff' },
            h('caption', {}, 'Những chỗ khác nhau'),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', { scope: 'col' }, 'Mục'),
                h('th', { scope: 'col' }, `Bản trên máy chủ (phiên bản ${current?.revision ?? '?'})`),
                h('th', { scope: 'col' }, 'Bản của bạn'),
              ),
            ),
            h(
              'tbody',
              {},
              // On a phone each row becomes a card, each cell labelled (app.css).
              rows.map(([k, a, b]) =>
                h(
                  'tr',
                  {},
                  h('th', { scope: 'row' }, k),
                  h('td', { 'data-label': `Trên máy chủ (phiên bản ${current?.revision ?? '?'})` }, a),
                  h('td', { 'data-label': 'Bản của bạn' }, b),
                ),
              ),
            ),
          ),
        )
      : h('p', {}, 'Nội dung hai bản giống nhau.'),
    h(
      'p',
      { class: 'buttons' },
      h(
        'button',
        {
          type: 'button',
          class: 'button button-primary',
          onclick: () => {
            st.baseRevision = current?.revision ?? st.baseRevision;
            hideConflict();
            void submit();
          },
        },
        'Giữ bản của tôi và gửi lại',
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'button button-secondary',
          onclick: () => {
            st.baseRevision = current?.revision ?? st.baseRevision;
            st.head = current ?? null;
            if (theirs) {
              fillForm(st.ctx, theirs);
              fillAttachments(theirs);
            }
            st.savedJson = JSON.stringify(formContent());
            hideConflict();
            if (app) clearAllErrors(app);
            scheduleLocalSave();
            setStatus(`Đang hiển thị bản trên máy chủ (phiên bản ${current?.revision ?? '?'}).`);
            document.getElementById('page-title')?.focus();
          },
        },
        'Dùng bản trên máy chủ',
      ),
    ),
  );
  c.hidden = false;
  c.focus();
  c.scrollIntoView({ block: 'start' });
}

// ---------------------------------------------------------------- misc

function setBusy(busy: boolean, text?: string): void {
  st.busy = busy;
  for (const id of ['save-draft', 'submit-report']) {
    const b = document.getElementById(id);
    if (b) b.setAttribute('aria-disabled', busy ? 'true' : 'false');
  }
  document.getElementById('report-form')?.setAttribute('aria-busy', busy ? 'true' : 'false');
  if (text) setStatus(text);
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

// A task's field is judged once the user leaves it (issue 14: the date was red before anything was typed).
document.addEventListener('focusout', (e) => {
  const t = e.target as HTMLElement | null;
  const id = t?.dataset?.task;
  if (!t || !id || !st.ctx) return;
  t.dataset.touched = '1';
  checkOneTask(id);
});

wireSignOut();
if (app) {
  if (!cfg.unit && app.dataset.needsUnit === 'true') {
    replaceChildren(app, notice('info', h('p', {}, 'Hãy chọn phòng, đơn vị ở trên để xem hoặc nhập báo cáo thay cho đơn vị.')));
  } else {
    void load();
  }
}
