/**
 * Builds the monthly form from the API's FormContext (tasks under their plan groups, each with
 * its plan facts, last period's values and the fields to report), fills it and reads it back.
 * Every piece of text goes in as text nodes: nothing here parses HTML.
 * flow: form page script --> form render --> dom, core (labels, limits, plan times)
 */
import type { FormContext, FormTask } from '../../../functions/core/form-context.ts';
import { taskDeadline, type PlanTask } from '../../../functions/core/plan.ts';
import { partLabel, productTargetText, reachedText, taskProductParts } from '../../../functions/core/product.ts';
import { deadlineText } from '../../../functions/core/plan-amendment.ts';
import { reportDateRange } from '../../../functions/core/submission-rules.ts';
import {
  OTHER_WORK_KIND_LABELS,
  PROPOSAL_ADDRESSEE_LABELS,
  REPORT_TEXT_FIELDS,
  REPORTED_STATUS_LABELS,
  type SubmissionData,
  TASK_FIELD_LABELS,
} from '../../../functions/core/submission.ts';
import { byId, formatDate, h } from './dom.ts';
import { emptyReport, reasonNeededInForm, type FormData, type FormTaskReport } from './form-check.ts';

/** The form context with today's date (YYYY-MM-DD), as the page holds it. */
export type PageContext = FormContext & { today: string };

/** Ids are built from task ids, which the API limits to [A-Za-z0-9-]. */
export const fieldId = (taskId: string, field: string): string => `t-${taskId}-${field}`;

/** The form's field names: core's, which the history page shares. */
const FIELD_LABELS = TASK_FIELD_LABELS;

/** The label of a field the server named, or its name. */
export function fieldLabel(field: string): string {
  return (FIELD_LABELS as Record<string, string | undefined>)[field] ?? field;
}

/** A label, with the "*" of a required field (the control says so with `required`; the form's legend explains the mark). */
export function labelFor(id: string, label: string, required = false): HTMLElement {
  return h('label', { for: id }, label, required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null);
}

/** Marks a control required (or not) for submitting, and its label with the "*". */
export function setRequired(control: HTMLElement, required: boolean): void {
  (control as HTMLInputElement).required = required;
  const label = document.querySelector(`label[for="${control.id}"]`);
  const mark = label?.querySelector('.req');
  if (label && required && !mark) label.append(h('span', { class: 'req', 'aria-hidden': 'true' }, ' *'));
  if (!required) mark?.remove();
}

function field(
  id: string,
  label: string,
  control: HTMLElement,
  { hint, className, required = false }: { hint?: string; className?: string; required?: boolean } = {},
): HTMLElement {
  const hintEl = hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', `${id}-hint`);
  if (required) (control as HTMLInputElement).required = true;
  return h('div', { class: `field${className ? ` ${className}` : ''}` }, labelFor(id, label, required), hintEl, control);
}

/**
 * A browser's maxlength counts UTF-16 units (an emoji is two) while the server's limits count
 * characters: allow twice as many units, and let the server's message say when it is too long.
 */
const units = (maxChars: number) => 2 * maxChars;

function textarea(id: string, max: number, rows = 3): HTMLTextAreaElement {
  return h('textarea', { id, name: id, rows, maxlength: units(max), spellcheck: 'true' });
}

function monthOfPeriod(id: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(id || '');
  return m ? `tháng ${Number(m[2])}/${m[1]}` : id;
}

/** The id of the product's box for part `i` of a task's target ("productReached.1": the server's path names it so). */
export const productBoxId = (taskId: string, i: number): string => fieldId(taskId, `productReached.${i}`);

/** How many product boxes a task has: one per part of its target, one when it has none. */
export const productBoxCount = (task: PlanTask): number => Math.max(1, taskProductParts(task).length);

/**
 * The product reached: one number box per part of the target ("20 nhiệm vụ; 05 hội nghị" → two),
 * each labelled with its measure and its target; a target of one part (or none) keeps one box.
 */
function productField(t: PlanTask, target: string): HTMLElement {
  const parts = taskProductParts(t);
  const box = (i: number) =>
    h('input', {
      id: productBoxId(t.id, i),
      name: productBoxId(t.id, i),
      type: 'number',
      inputmode: 'decimal',
      min: 0,
      step: 'any',
      'data-task': t.id,
      'data-field': 'productReached',
      'data-part': i,
    });
  if (parts.length <= 1) return field(productBoxId(t.id, 0), FIELD_LABELS.productReached, box(0), target ? { hint: `Mục tiêu: ${target}` } : {});
  const hintId = `${fieldId(t.id, 'products')}-hint`;
  return h(
    'fieldset',
    { class: 'product-parts', 'aria-describedby': hintId },
    h('legend', {}, 'Sản phẩm đạt được'),
    h('p', { class: 'hint', id: hintId }, `Mục tiêu: ${target}. Mỗi phần một số; bỏ trống phần chưa có.`),
    h(
      'div',
      { class: 'product-boxes' },
      parts.map((p, i) => {
        const id = productBoxId(t.id, i);
        const input = box(i);
        if (p.quantityText) input.setAttribute('aria-describedby', `${id}-hint`);
        return h(
          'div',
          { class: 'field product-part' },
          labelFor(id, partLabel(parts, i)),
          p.quantityText ? h('p', { class: 'hint', id: `${id}-hint` }, `Mục tiêu: ${p.quantityText}`) : null,
          input,
        );
      }),
    ),
  );
}

function previousLine(prev: FormTask['previous'], task: PlanTask): HTMLElement | null {
  if (!prev) return null;
  const bits = [`${prev.progress}%`, REPORTED_STATUS_LABELS[prev.status] || prev.status];
  const reached = reachedText(taskProductParts(task), prev.productReached);
  if (reached) bits.push(`sản phẩm: ${reached}`);
  if (prev.result) bits.push(prev.result);
  return h('p', { class: 'previous' }, h('strong', {}, `Kỳ trước (${monthOfPeriod(prev.period)}): `), bits.join(' — '));
}

function taskArticle(ft: FormTask, ctx: PageContext): HTMLElement {
  const t = ft.task;
  const id = t.id;
  const fid = (f: string) => fieldId(id, f);
  const lead = t.leadUnit === ctx.unit.code ? ctx.unit.name : t.leadUnit;
  const target = productTargetText(t);
  // The server resolves tasks for the period: an extended deadline comes with its decision.
  const deadline = deadlineText(t);
  const meta = [
    ['Chủ trì', lead],
    t.coordinatingUnits?.length ? ['Phối hợp', t.coordinatingUnits.join(', ')] : null,
    ['Thời hạn', deadline || 'Không ghi thời hạn'],
    target ? ['Sản phẩm', target] : null,
  ].filter((x): x is [string, string] => x !== null);

  const status = h(
    'select',
    { id: fid('status'), name: fid('status'), 'data-task': id, 'data-field': 'status' },
    Object.entries(REPORTED_STATUS_LABELS).map(([value, label]) => h('option', { value }, label)),
  );
  const progress = h('input', {
    id: fid('progress'),
    name: fid('progress'),
    type: 'number',
    inputmode: 'numeric',
    min: 0,
    max: 100,
    step: 1,
    'data-task': id,
    'data-field': 'progress',
    required: true,
  });
  // The server takes dates of the plan's year, one year either side (core/submission-rules.ts).
  const planYear = Number(String(ctx.period?.id ?? '').slice(0, 4));
  const earliest = planYear ? reportDateRange(planYear).from : undefined;
  const completedOn = h('input', {
    id: fid('completedOn'),
    name: fid('completedOn'),
    type: 'date',
    min: earliest,
    max: ctx.today,
    'data-task': id,
    'data-field': 'completedOn',
  });
  const reason = textarea(fid('reason'), REPORT_TEXT_FIELDS.reason.max, 2);
  const needsDecision = h('input', { id: fid('needsDecision'), name: fid('needsDecision'), type: 'checkbox', 'data-task': id, 'data-field': 'needsDecision' });
  // A proposal stays inside the Sở unless the unit addresses it to UBND tỉnh.
  const proposalTo = h(
    'select',
    { id: fid('proposalTo'), name: fid('proposalTo'), 'data-task': id, 'data-field': 'proposalTo' },
    Object.entries(PROPOSAL_ADDRESSEE_LABELS).map(([value, label]) => h('option', { value }, label)),
  );
  reason.dataset.task = id;
  reason.dataset.field = 'reason';
  const ta = (f: 'result' | 'difficulties' | 'proposals' | 'nextPlan', rows: number) => {
    const el = textarea(fid(f), REPORT_TEXT_FIELDS[f].max, rows);
    el.dataset.task = id;
    el.dataset.field = f;
    return el;
  };

  // The previous value is part of the progress field's description for screen readers.
  if (ft.previous) progress.setAttribute('aria-describedby', `${fid('progress')}-hint`);
  return h(
    'article',
    { class: 'task', id: `task-${id}`, 'aria-labelledby': `task-${id}-title`, 'data-task-id': id },
    h(
      'header',
      { class: 'task-head' },
      t.parents?.length ? h('p', { class: 'task-parents' }, t.parents.join(' › ')) : null,
      h('h3', { id: `task-${id}-title`, class: 'task-title' }, h('span', { class: 'task-no' }, `${t.number}.`), ' ', t.content),
      ft.carriedOver ? h('p', { class: 'badge badge-carried' }, 'Chuyển từ kỳ trước (chưa hoàn thành)') : null,
      h(
        'dl',
        { class: 'task-meta' },
        meta.map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v))),
      ),
      previousLine(ft.previous, t),
    ),
    h(
      'fieldset',
      { class: 'task-fields' },
      h('legend', { class: 'visually-hidden' }, `Báo cáo nhiệm vụ ${t.number}`),
      h(
        'div',
        { class: 'row' },
        field(fid('status'), FIELD_LABELS.status, status, { required: true }),
        h(
          'div',
          { class: 'field field-progress' },
          labelFor(fid('progress'), FIELD_LABELS.progress, true),
          ft.previous ? h('p', { class: 'hint', id: `${fid('progress')}-hint` }, `Kỳ trước: ${ft.previous.progress}%`) : null,
          h('div', { class: 'suffix' }, progress, h('span', { 'aria-hidden': 'true' }, '%')),
        ),
        // Shown only for a finished task, and then required.
        field(fid('completedOn'), FIELD_LABELS.completedOn, completedOn, { className: 'field-completed', required: true }),
        taskProductParts(t).length <= 1 ? productField(t, target) : null,
      ),
      // Several parts: a row of their own under the figures, one box a part.
      taskProductParts(t).length > 1 ? productField(t, target) : null,
      // Shown only when a reason is needed, and then required.
      field(fid('reason'), FIELD_LABELS.reason, reason, { hint: ' ', className: 'field-reason', required: true }),
      // Required unless the task has not started (updateTask follows the status).
      field(fid('result'), FIELD_LABELS.result, ta('result', 4), { required: true }),
      field(fid('difficulties'), FIELD_LABELS.difficulties, ta('difficulties', 2)),
      field(fid('proposals'), FIELD_LABELS.proposals, ta('proposals', 2)),
      field(fid('proposalTo'), FIELD_LABELS.proposalTo, proposalTo, {
        hint: 'Đề xuất gửi Lãnh đạo Sở chỉ có trong báo cáo nội bộ; chỉ đề xuất gửi UBND tỉnh mới được đưa vào báo cáo gửi UBND tỉnh.',
        className: 'field-proposal-to',
      }),
      h('div', { class: 'field field-check' }, needsDecision, h('label', { for: fid('needsDecision') }, 'Đề xuất này cần Lãnh đạo Sở cho ý kiến')),
      field(fid('nextPlan'), FIELD_LABELS.nextPlan, ta('nextPlan', 2)),
      ...directionsOf(ctx, id),
    ),
  );
}

/**
 * The leaders' directions on the task the unit answers this month: each as given (text, deadline,
 * who and when) with its field "Kết quả thực hiện ý kiến chỉ đạo" (core/direction.ts).
 */
function directionsOf(ctx: PageContext, taskId: string): HTMLElement[] {
  return (ctx.directions ?? [])
    .filter((d) => d.taskId === taskId)
    .map((d, k) => {
      const aid = fieldId(taskId, `dir-${k}`);
      const answer = textarea(aid, REPORT_TEXT_FIELDS.directionAnswer.max, 3);
      answer.dataset.directionAnswer = d.id;
      answer.dataset.task = taskId;
      const given = `${d.byName}, ${formatDate(d.at.slice(0, 10))}`;
      return h(
        'div',
        { class: 'direction' },
        h('p', {}, h('strong', {}, 'Ý kiến chỉ đạo: '), d.text),
        h(
          'p',
          { class: 'small' },
          `Về đề xuất ${monthOfPeriod(d.proposal.period)}. ${d.deadline ? `Thời hạn: ${formatDate(d.deadline)}. ` : ''}Đơn vị thực hiện: ${d.responsibleUnit.name}.`,
        ),
        h('p', { class: 'muted small' }, given),
        field(aid, FIELD_LABELS.directionAnswers, answer),
      );
    });
}

/** Groups tasks by their Roman-numeral section, in plan order. */
interface Group {
  numeral: string;
  title: string;
  tasks: FormTask[];
}

function groups(tasks: FormTask[]): Group[] {
  const out: Group[] = [];
  for (const ft of tasks) {
    const g = ft.task.group || { numeral: '', title: 'Nhiệm vụ' };
    let last = out[out.length - 1];
    if (!last || last.numeral !== g.numeral || last.title !== g.title) {
      last = { numeral: g.numeral, title: g.title, tasks: [] };
      out.push(last);
    }
    last.tasks.push(ft);
  }
  return out;
}

let otherWorkSeq = 0;

// "Xóa" alone says nothing to a screen reader listing buttons: name the row it removes.
function renumber(list: HTMLElement): void {
  for (const [i, row] of [...list.children].entries()) row.querySelector('[data-ow-remove]')?.setAttribute('aria-label', `Xóa công việc số ${i + 1}`);
}

/** One row of "công việc khác": kind and text, with a remove button. */
export function otherWorkRow(list: HTMLElement, work: { kind?: string; text?: string }, { focus = false }: { focus?: boolean } = {}): HTMLElement {
  const n = ++otherWorkSeq;
  const kind = h(
    'select',
    { id: `ow-${n}-kind`, name: `ow-${n}-kind`, 'data-ow': 'kind' },
    Object.entries(OTHER_WORK_KIND_LABELS).map(([value, label]) => h('option', { value }, label)),
  );
  kind.value = work.kind || 'thuong-xuyen';
  const text = h('textarea', { id: `ow-${n}-text`, name: `ow-${n}-text`, rows: 2, maxlength: units(REPORT_TEXT_FIELDS.otherWork.max), 'data-ow': 'text' });
  text.value = work.text || '';
  const remove = h('button', { type: 'button', class: 'button button-small button-quiet', 'data-ow-remove': '' }, 'Xóa');
  const row = h(
    'li',
    { class: 'ow-row', 'data-ow-row': String(n) },
    h('div', { class: 'field field-kind' }, h('label', { for: kind.id }, 'Loại'), kind),
    h('div', { class: 'field field-grow' }, h('label', { for: text.id }, 'Nội dung công việc'), text),
    remove,
  );
  remove.addEventListener('click', () => {
    const next = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    renumber(list);
    list.dispatchEvent(new Event('input', { bubbles: true }));
    // Keep keyboard users in place: focus the neighbouring row, or the add button.
    (next?.querySelector('textarea') || byId('ow-add'))?.focus();
  });
  list.append(row);
  renumber(list);
  if (focus) text.focus();
  return row;
}

/**
 * Renders the whole form into `root`. Returns the elements form.js drives.
 * ctx: FormContext plus `today` (YYYY-MM-DD).
 */
export function renderForm(root: HTMLElement, ctx: PageContext) {
  const taskSections = groups(ctx.tasks).map((g, i) =>
    h(
      'section',
      { class: 'group', 'aria-labelledby': `group-${i}` },
      h('h2', { id: `group-${i}`, class: 'group-title' }, g.numeral ? `${g.numeral}. ${g.title}` : g.title),
      g.tasks.map((ft) => taskArticle(ft, ctx)),
    ),
  );
  const list = h('ul', { class: 'ow-list', id: 'ow-list' });
  const add = h('button', { type: 'button', class: 'button button-secondary', id: 'ow-add' }, '+ Thêm công việc');
  add.addEventListener('click', () => {
    otherWorkRow(list, { kind: 'thuong-xuyen', text: '' }, { focus: true });
    list.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const reporter = h('input', {
    id: 'reporterName',
    name: 'reporterName',
    type: 'text',
    maxlength: units(REPORT_TEXT_FIELDS.reporterName.max),
    autocomplete: 'name',
  });
  const saveBtn = h('button', { type: 'button', class: 'button button-secondary', id: 'save-draft' }, 'Lưu nháp');
  const submitBtn = h('button', { type: 'submit', class: 'button button-primary', id: 'submit-report' }, 'Gửi báo cáo');

  const noTasks =
    ctx.tasks.length === 0
      ? h(
          'p',
          { class: 'notice notice-info' },
          ctx.planFound
            ? 'Trong kỳ này đơn vị không có nhiệm vụ kế hoạch nào đến hạn báo cáo; hãy báo cáo các công việc khác bên dưới.'
            : `Chưa có kế hoạch năm ${String(ctx.period.id).slice(0, 4)} của đơn vị trong hệ thống. Hãy báo Văn phòng Sở; trong lúc chờ, vẫn có thể báo cáo các công việc khác bên dưới.`,
        )
      : null;

  const form = h(
    'form',
    { id: 'report-form', novalidate: true, 'aria-labelledby': 'page-title' },
    h(
      'fieldset',
      { class: 'form-body', id: 'form-body' },
      h('legend', { class: 'visually-hidden' }, `Báo cáo ${ctx.period.label} của ${ctx.unit.name}`),
      h(
        'p',
        { class: 'required-legend', id: 'required-legend' },
        h('span', { class: 'req', 'aria-hidden': 'true' }, '*'),
        ' bắt buộc khi gửi báo cáo (lưu nháp thì chưa cần)',
      ),
      noTasks,
      taskSections,
      h(
        'section',
        { class: 'group other-work', 'aria-labelledby': 'ow-title' },
        h('h2', { id: 'ow-title', class: 'group-title' }, 'Công việc khác trong kỳ (nhiệm vụ thường xuyên, đột xuất)'),
        h('p', { class: 'hint' }, 'Mỗi dòng một công việc; dòng để trống sẽ được bỏ qua.'),
        list,
        add,
      ),
      h(
        'section',
        { class: 'group reporter', 'aria-labelledby': 'rp-title' },
        h('h2', { id: 'rp-title', class: 'group-title' }, 'Người báo cáo'),
        field('reporterName', 'Họ tên người báo cáo', reporter, { required: true }),
      ),
    ),
    h(
      'div',
      { class: 'actions', id: 'actions' },
      // Two regions: what the server holds (saved, sent) and what is only kept on this machine, so neither message hides the other.
      h('p', { id: 'save-status', class: 'save-status', role: 'status', 'aria-live': 'polite' }),
      h('p', { id: 'local-status', class: 'save-status local-status', role: 'status', 'aria-live': 'polite' }),
      h('div', { class: 'buttons' }, saveBtn, submitBtn),
    ),
  );
  root.append(form);
  return { form, list, saveBtn, submitBtn };
}

// biome-ignore lint/suspicious/noExplicitAny: the form's own controls, each an input, select or textarea
const val = (id: string): any => document.getElementById(id);

/** Puts a submission's values into the form (tasks not in it get empty reports). */
export function fillForm(ctx: PageContext, data: SubmissionData | FormData): void {
  const reports = new Map<string, Partial<FormTaskReport> | Partial<SubmissionData['tasks'][number]>>((data.tasks || []).map((r) => [r.taskId, r]));
  for (const ft of ctx.tasks) {
    const id = ft.task.id;
    const r: Record<string, unknown> & Partial<FormTaskReport> = { ...emptyReport(id), ...(reports.get(id) || {}) };
    val(fieldId(id, 'status')).value = r.status;
    val(fieldId(id, 'progress')).value = r.progress === null || r.progress === undefined ? '' : String(r.progress);
    val(fieldId(id, 'completedOn')).value = r.completedOn || '';
    // A copy kept before the boxes were split may hold one number: the first part's.
    const reached = typeof r.productReached === 'number' ? [r.productReached] : (r.productReached ?? []);
    for (let i = 0; i < productBoxCount(ft.task); i++) {
      const v = reached[i];
      val(productBoxId(id, i)).value = typeof v === 'number' && !Number.isNaN(v) ? String(v) : '';
    }
    val(fieldId(id, 'reason')).value = r.reason || '';
    for (const f of ['result', 'difficulties', 'proposals', 'nextPlan']) val(fieldId(id, f)).value = r[f] || '';
    val(fieldId(id, 'needsDecision')).checked = r.needsDecision === true;
    val(fieldId(id, 'proposalTo')).value = r.proposalTo === 'ubnd-tinh' ? 'ubnd-tinh' : 'lanh-dao-so';
    for (const el of answerFields(id)) el.value = r.directionAnswers?.find((a) => a.id === el.dataset.directionAnswer)?.text ?? '';
    updateTask(ctx, id);
  }
  const list = val('ow-list');
  list.replaceChildren();
  for (const w of data.otherWork || []) otherWorkRow(list, w);
  val('reporterName').value = data.reporterName || '';
}

function num(id: string): number | null {
  const el = val(id);
  if (el.value.trim() === '') return el.validity?.badInput ? Number.NaN : null;
  return Number(el.value);
}

/** The task's fields answering the leaders' directions. */
const answerFields = (taskId: string): HTMLTextAreaElement[] => [
  ...document.querySelectorAll<HTMLTextAreaElement>(`textarea[data-direction-answer][data-task="${taskId}"]`),
];

/** One task's values as the form holds them (progress null when empty). */
export function readTask(id: string): FormTaskReport {
  const r: FormTaskReport = {
    taskId: id,
    status: val(fieldId(id, 'status')).value,
    progress: num(fieldId(id, 'progress')),
    result: val(fieldId(id, 'result')).value,
    difficulties: val(fieldId(id, 'difficulties')).value,
    proposals: val(fieldId(id, 'proposals')).value,
    needsDecision: val(fieldId(id, 'needsDecision')).checked,
    proposalTo: val(fieldId(id, 'proposalTo')).value,
    nextPlan: val(fieldId(id, 'nextPlan')).value,
    reason: val(fieldId(id, 'reason')).value,
  };
  const boxes = [...document.querySelectorAll<HTMLInputElement>(`input[data-task="${id}"][data-field="productReached"]`)];
  const pr = boxes.map((b) => num(b.id));
  if (pr.some((v) => v !== null)) r.productReached = pr;
  const answers = answerFields(id).map((el) => ({ id: el.dataset.directionAnswer!, text: el.value }));
  if (answers.length) r.directionAnswers = answers;
  // A date typed under "Hoàn thành" and left when the status changed is hidden and not part of the report.
  const done = val(fieldId(id, 'completedOn')).value;
  if (done && r.status === 'hoan-thanh') r.completedOn = done;
  return r;
}

/** Everything typed, plus the ids of the other-work rows in order (to place server errors). */
export function readForm(ctx: PageContext): { data: FormData; otherWorkIds: string[] } {
  const rows: HTMLElement[] = [...val('ow-list').querySelectorAll('[data-ow-row]')];
  return {
    data: {
      tasks: ctx.tasks.map((ft) => readTask(ft.task.id)),
      otherWork: rows.map((row) => ({
        kind: row.querySelector<HTMLSelectElement>('[data-ow="kind"]')!.value,
        text: row.querySelector<HTMLTextAreaElement>('[data-ow="text"]')!.value,
      })),
      reporterName: val('reporterName').value,
    },
    otherWorkIds: rows.map((row) => row.querySelector('[data-ow="text"]')!.id),
  };
}

/** Shows the completion date only for a finished task, and the reason only when one is needed. */
export function updateTask(ctx: PageContext, id: string, { forceReason = false }: { forceReason?: boolean } = {}): void {
  const ft = ctx.tasks.find((x) => x.task.id === id);
  if (!ft) return;
  const r = readTask(id);
  const done = r.status === 'hoan-thanh';
  val(fieldId(id, 'completedOn')).closest('.field').hidden = !done;
  // The rules want a result of every task that has started (core/submission-rules.ts).
  setRequired(val(fieldId(id, 'result')), r.status !== 'chua-trien-khai');
  const why = reasonNeededInForm(r, ft.task, ft.previous);
  const reasonField = val(fieldId(id, 'reason')).closest('.field');
  reasonField.hidden = !why && !forceReason;
  const hint = reasonField.querySelector('.hint');
  if (hint) {
    hint.textContent =
      why === 'progress-fell'
        ? `Tiến độ thấp hơn kỳ trước (${ft.previous?.progress}%): ghi ngắn gọn vì sao.`
        : why === 'late-finish'
          ? `Hoàn thành sau thời hạn (${formatDate(taskDeadline(ft.task))}): ghi ngắn gọn vì sao.`
          : 'Ghi ngắn gọn lý do.';
  }
}
