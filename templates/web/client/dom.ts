/**
 * Browser helpers shared by the pages: element building from text nodes only, local time formatting,
 * the header's sign-out button.
 * flow: page scripts --> dom --> DOM (+ api, core clock)
 */
import { localParts } from '../../../functions/core/clock.ts';
import { api } from './api.ts';
import { clearStoredCopies, storedCopies } from './local-copies.ts';
import { TIME_ZONE } from './time-zone.ts';

export type Child = Node | string | number | null | undefined | false | Child[];
type AttrValue = string | number | boolean | null | undefined | ((ev: Event) => void);

/**
 * Creates an element. Children are nodes or strings (always inserted as text, never parsed as
 * HTML, so user data cannot inject markup). Attributes: `class`, `for`, `text`, `on<Event>`,
 * booleans (true = present, false/null/undefined = absent), everything else as a string.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, AttrValue> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') el.textContent = String(v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
    else if (k === 'value' && 'value' in el) (el as HTMLInputElement).value = String(v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

function append(el: Element, children: Child[]): void {
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Replaces an element's children. */
export function replaceChildren(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

export { TIME_ZONE } from './time-zone.ts';

const two = (n: number) => String(n).padStart(2, '0');

/** "09:05" in Asia/Ho_Chi_Minh. */
export function formatTime(iso: string): string {
  const p = localParts(new Date(iso), TIME_ZONE);
  return `${two(p.hour)}:${two(p.minute)}`;
}

/** "17/05/2024 09:05" in Asia/Ho_Chi_Minh. */
export function formatDateTime(iso: string): string {
  const p = localParts(new Date(iso), TIME_ZONE);
  return `${two(p.day)}/${two(p.month)}/${p.year} ${two(p.hour)}:${two(p.minute)}`;
}

/** "2024-06-20" → "20/06/2024". */
export function formatDate(ymd: string | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd || '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : ymd || '';
}

/**
 * Before signing out: the form's copies kept in this browser (report text typed and not saved, a
 * submit whose answer never came) would stay on a shared office computer for the next person, so
 * signing out removes them — after asking, when something would be lost (docs/decisions.md).
 * Returns whether to go on.
 */
function dropStoredCopies(): boolean {
  const copies = storedCopies().filter((c) => c.unsent || c.unsaved);
  if (!copies.length) {
    clearStoredCopies();
    return true;
  }
  const unsent = copies.filter((c) => c.unsent);
  const which = (list: typeof copies) => list.map((c) => c.label).join(', ');
  const message = `${unsent.length ? `Còn báo cáo chưa gửi được (${which(unsent)})` : `Còn nội dung báo cáo chưa lưu lên máy chủ (${which(copies)})`}. Đăng xuất sẽ xóa nội dung này khỏi máy. Vẫn đăng xuất?`;
  if (!window.confirm(message)) return false;
  clearStoredCopies();
  return true;
}

/** Makes the header's "Đăng xuất" button work (it is hidden until this script runs). */
export function wireSignOut(): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-signout]')) {
    b.hidden = false;
    b.addEventListener('click', async () => {
      if (!dropStoredCopies()) return;
      b.disabled = true;
      const res = await api('POST', '/auth/signout');
      // The server names where to go next (the sign-in page).
      location.assign((res.ok && res.body?.next) || '/signin');
    });
  }
}

/** The element with this id, which the page (or the script that built it) put there. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}
