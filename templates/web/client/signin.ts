/**
 * Sign-in: takes the access token from the URL fragment — the local link's #token=… or Cognito's
 * hosted sign-in redirect #id_token=…&access_token=…&token_type=Bearer&expires_in=… — removes it
 * from the address bar and history at once, exchanges it at POST /auth/session for an HttpOnly
 * session cookie, then goes to the unit's form or Văn phòng's status board.
 * flow: browser --> sign-in page script --> /auth/session
 */
import { homePath } from '../../../functions/core/auth.ts';
import { api } from './api.ts';
import { byId, h, replaceChildren, wireSignOut } from './dom.ts';

/**
 * What the fragment carries. The API takes access tokens only (token_use "access"), so of Cognito's
 * pair the access token is the one; the ID token is dropped with the rest of the fragment. An
 * OAuth error (#error=…) comes back in the fragment too.
 */
function fromHash() {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  return {
    token: params.get('token') || params.get('access_token') || '',
    error: params.get('error') || '',
    errorDescription: params.get('error_description') || '',
  };
}

function fail(message: string): void {
  byId('signin-progress').hidden = true;
  const box = byId('signin-error');
  replaceChildren(box, h('div', { class: 'notice notice-error' }, h('p', {}, h('strong', {}, 'Chưa đăng nhập được. '), message)));
  byId('signin-help').hidden = false;
  box.focus();
}

async function signIn(): Promise<void> {
  const { token, error, errorDescription } = fromHash();
  if (!token && !error) return;
  // The tokens must not linger in the address bar, history or a bookmark.
  history.replaceState(null, '', location.pathname + location.search);
  if (!token) {
    const detail = errorDescription ? ` (${errorDescription})` : '';
    return fail(`Trang đăng nhập báo lỗi: ${error}${detail}. Hãy mở lại đường dẫn đăng nhập; nếu vẫn lỗi, báo Văn phòng Sở.`);
  }
  byId('signin-help').hidden = true;
  document.getElementById('signed-in')?.remove();
  byId('signin-progress').hidden = false;
  const res = await api('POST', '/auth/session', { token });
  if (res.ok && res.body?.role) {
    location.replace(homePath(res.body.role));
    return;
  }
  if (res.network) return fail('Không kết nối được máy chủ. Kiểm tra mạng rồi mở lại đường dẫn đăng nhập.');
  if (res.status === 401) return fail('Đường dẫn đăng nhập không hợp lệ hoặc đã hết hạn. Hãy xin Văn phòng Sở một đường dẫn mới.');
  // A token the server cannot even read (too short, cut off when the link was copied): this page has
  // no fields to mark, so say what is wrong with the link instead of the API's field message.
  if (res.status === 422)
    return fail(
      'Đường dẫn đăng nhập không đầy đủ (có thể bị cắt mất một phần khi sao chép). Hãy mở lại đúng đường dẫn trong thư, hoặc xin Văn phòng Sở một đường dẫn mới.',
    );
  if (res.status === 403 && res.body?.error?.message) return fail(res.body.error.message);
  return fail(res.body?.error?.message || `Lỗi máy chủ (mã ${res.status}). Hãy thử lại sau ít phút.`);
}

/** Shows a field's error next to it (and marks it for screen readers), or clears it. */
function fieldError(input: HTMLInputElement, box: HTMLElement, message: string): void {
  box.textContent = message;
  box.hidden = !message;
  if (message) {
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  } else input.removeAttribute('aria-invalid');
}

function wireCodeSignIn(): void {
  const emailForm = byId('email-form') as HTMLFormElement;
  const codeForm = byId('code-form') as HTMLFormElement;
  const email = byId('signin-email') as HTMLInputElement;
  const code = byId('signin-code') as HTMLInputElement;
  const emailError = byId('signin-email-error');
  const codeError = byId('signin-code-error');
  const busy = (form: HTMLFormElement, on: boolean) => {
    for (const b of form.querySelectorAll('button')) b.disabled = on;
  };
  emailForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const value = email.value.trim();
    if (!value || !email.checkValidity()) return fieldError(email, emailError, 'Nhập địa chỉ thư điện tử, ví dụ ten@skhcn.bacgiang.gov.vn.');
    fieldError(email, emailError, '');
    busy(emailForm, true);
    const res = await api('POST', '/auth/code', { email: value });
    busy(emailForm, false);
    if (res.ok) {
      emailForm.hidden = true;
      codeForm.hidden = false;
      byId('code-sent').textContent = res.body?.message || 'Đã gửi mã đăng nhập.';
      code.value = '';
      code.focus();
      return;
    }
    if (res.network) return fieldError(email, emailError, 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.');
    fieldError(email, emailError, res.body?.error?.message || `Lỗi máy chủ (mã ${res.status}). Hãy thử lại sau ít phút.`);
  });
  codeForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const value = code.value.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(value)) return fieldError(code, codeError, 'Nhập đủ 6 chữ số của mã trong thư.');
    fieldError(code, codeError, '');
    busy(codeForm, true);
    const res = await api('POST', '/auth/session', { email: email.value.trim(), code: value });
    busy(codeForm, false);
    if (res.ok && res.body?.role) {
      location.replace(homePath(res.body.role));
      return;
    }
    if (res.network) return fieldError(code, codeError, 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.');
    fieldError(code, codeError, res.body?.error?.message || `Lỗi máy chủ (mã ${res.status}). Hãy thử lại sau ít phút.`);
  });
  byId('code-again').addEventListener('click', () => {
    codeForm.hidden = true;
    emailForm.hidden = false;
    fieldError(code, codeError, '');
    email.focus();
  });
}

wireSignOut();
wireCodeSignIn();
void signIn();
// A sign-in link opened in a tab already on /signin only changes the #fragment: no new page load,
// so the link is read here (else it did nothing and left the token in the address bar).
window.addEventListener('hashchange', () => void signIn());
