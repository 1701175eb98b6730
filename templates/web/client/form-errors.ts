/**
 * Shows validation errors the accessible way: the message under its field (aria-invalid,
 * aria-describedby) and a summary at the top (role="alert") whose links move focus to each field.
 * flow: form page script --> form errors --> DOM
 */
import { h, replaceChildren } from './dom.ts';

function describedBy(el: Element, id: string, add: boolean): void {
  const ids = (el.getAttribute('aria-describedby') || '')
    .split(/\s+/)
    .filter(Boolean)
    .filter((x) => x !== id);
  if (add) ids.unshift(id);
  if (ids.length) el.setAttribute('aria-describedby', ids.join(' '));
  else el.removeAttribute('aria-describedby');
}

/** Removes the inline error of one field, and its line of the summary (which disappears with its last line). */
export function clearFieldError(fieldId: string): void {
  removeInline(fieldId);
  const before = shown.length;
  shown = shown.filter((e) => e.fieldId !== fieldId);
  if (shown.length !== before) renderSummary(false);
}

function removeInline(fieldId: string): void {
  const el = document.getElementById(fieldId);
  document.getElementById(`${fieldId}-error`)?.remove();
  if (!el) return;
  el.removeAttribute('aria-invalid');
  describedBy(el, `${fieldId}-error`, false);
  el.closest('.field')?.classList.remove('has-error');
}

/** Shows a message under a field (replacing an earlier one). */
export function setFieldError(fieldId: string, message: string): boolean {
  const el = document.getElementById(fieldId);
  if (!el) return false;
  removeInline(fieldId);
  const field = (el.closest('.field') || el.parentElement)!;
  const msg = h('p', { class: 'field-error', id: `${fieldId}-error` }, h('span', { class: 'visually-hidden', text: 'Lỗi: ' }), message);
  // The message sits between the label and the input, where a screen magnifier user looks.
  const label = field.querySelector(`label[for="${fieldId}"]`);
  const hint = field.querySelector('.hint');
  const after = hint || label;
  if (after && after.parentElement === field) after.after(msg);
  else field.prepend(msg);
  field.classList.add('has-error');
  el.setAttribute('aria-invalid', 'true');
  describedBy(el, `${fieldId}-error`, true);
  // A field whose message changed while the summary is up: the summary says the same.
  const line = shown.find((e) => e.fieldId === fieldId);
  if (line && line.message !== message) {
    line.message = message;
    renderSummary(false);
  }
  return true;
}

export function clearAllErrors(root: ParentNode): void {
  for (const e of root.querySelectorAll('.field-error')) {
    const id = e.id.replace(/-error$/, '');
    clearFieldError(id);
  }
  hideSummary();
}

function summaryEl(): HTMLElement | null {
  return document.getElementById('error-summary');
}

export function hideSummary(): void {
  shown = [];
  const s = summaryEl();
  if (s) {
    s.hidden = true;
    replaceChildren(s);
  }
}

export interface SummaryItem {
  fieldId?: string | undefined;
  message: string;
  label?: string;
}

/** The summary's lines as they stand: fixing a field takes its line away at once (issue 14: "Có 4 lỗi" stayed after the fixes). */
let shown: SummaryItem[] = [];
let shownTitle: string | undefined;

/**
 * Shows the summary. Each error with a field that is on the page becomes a link that focuses it.
 * Moves focus to the summary when asked.
 */
export function showSummary(errors: SummaryItem[], { focus = true, title }: { focus?: boolean; title?: string } = {}): void {
  shown = errors.map((e) => ({ ...e }));
  shownTitle = title;
  renderSummary(focus);
}

function renderSummary(focus: boolean): void {
  const s = summaryEl();
  if (!s) return;
  if (!shown.length) {
    hideSummary();
    return;
  }
  const items = shown.map((e) => {
    const target = e.fieldId ? document.getElementById(e.fieldId) : null;
    const text = e.label ? `${e.label}: ${e.message}` : e.message;
    if (!target) return h('li', {}, text);
    return h(
      'li',
      {},
      h('a', {
        href: `#${e.fieldId}`,
        text,
        onclick: (ev: Event) => {
          ev.preventDefault();
          // The page's scroll padding keeps it clear of the sticky action bar.
          target.scrollIntoView({ block: 'center' });
          target.focus();
        },
      }),
    );
  });
  const n = shown.length;
  replaceChildren(
    s,
    h('h2', {
      class: 'error-summary-title',
      id: 'error-summary-title',
      text: shownTitle || (n === 1 ? 'Có 1 lỗi cần sửa trước khi gửi' : `Có ${n} lỗi cần sửa trước khi gửi`),
    }),
    h('ul', {}, items),
  );
  s.hidden = false;
  if (focus) {
    s.scrollIntoView({ block: 'start' });
    s.focus();
  }
}
