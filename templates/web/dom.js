// Browser helpers shared by the pages: element building from text nodes only, JSON calls that carry
// the CSRF token and survive a dropped connection, local time formatting.
// flow: page scripts --> dom.js --> fetch / DOM

/**
 * Creates an element. Children are nodes or strings (always inserted as text, never parsed as
 * HTML, so user data cannot inject markup). Attributes: `class`, `for`, `text`, `on<Event>`,
 * booleans (true = present, false/null/undefined = absent), everything else as a string.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') el.textContent = String(v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
    else if (k === 'value' && 'value' in el) el.value = String(v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Replaces an element's children. */
export function replaceChildren(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

export function csrfToken() {
  return document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';
}

/**
 * Calls the JSON API. Never throws: returns { ok, status, body } or { ok: false, network: true }
 * when the request did not complete (offline, timeout) — the caller decides whether to retry.
 */
export async function api(method, url, body, headers = {}) {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), 30000);
  try {
    const res = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(method !== 'GET' ? { 'x-csrf-token': csrfToken() } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: ctrl.signal,
    });
    let parsed = null;
    const type = res.headers.get('content-type') || '';
    if (type.includes('json')) {
      try {
        parsed = await res.json();
      } catch {
        parsed = null;
      }
    }
    // In AWS the API Gateway authorizer refuses a missing or expired session itself, with
    // 403 {"message":"Forbidden"} — not the application's error envelope: that is "sign in again".
    if ((res.status === 401 || res.status === 403) && !(parsed && parsed.error)) {
      return {
        ok: false,
        status: 401,
        body: { error: { code: 'unauthenticated', message: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.', fields: [] } },
        headers: res.headers,
      };
    }
    return { ok: res.ok, status: res.status, body: parsed, headers: res.headers };
  } catch {
    return { ok: false, status: 0, network: true, body: null };
  } finally {
    clearTimeout(timer);
  }
}

/** A failure worth retrying with the same request: no answer, or the server said "later". */
export function isTransient(res) {
  return res.network === true || res.status === 502 || res.status === 503 || res.status === 504 || res.status === 500;
}

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

function parts(date) {
  const out = {};
  for (const p of new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(date)) {
    out[p.type] = p.value;
  }
  return out;
}

/** "09:05" in Asia/Ho_Chi_Minh. */
export function formatTime(iso) {
  const p = parts(new Date(iso));
  return `${p.hour}:${p.minute}`;
}

/** "17/05/2024 09:05" in Asia/Ho_Chi_Minh. */
export function formatDateTime(iso) {
  const p = parts(new Date(iso));
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** "2024-06-20" → "20/06/2024". */
export function formatDate(ymd) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd || '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : ymd || '';
}

/** Makes the header's "Đăng xuất" button work (it is hidden until this script runs). */
export function wireSignOut() {
  for (const b of document.querySelectorAll('[data-signout]')) {
    b.hidden = false;
    b.addEventListener('click', async () => {
      b.disabled = true;
      const res = await api('POST', '/auth/signout');
      // In AWS the server names Cognito's /logout, which also ends the hosted sign-in page's session.
      location.assign((res.ok && res.body && res.body.next) || '/signin');
    });
  }
}
