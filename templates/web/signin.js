// Sign-in: takes the token from the link's #token=… fragment, removes it from the address bar
// and history at once, exchanges it at POST /auth/session for an HttpOnly session cookie, then
// goes to the unit's form or Văn phòng's status board.
// flow: browser --> signin.js --> /auth/session

import { api, h, replaceChildren, wireSignOut } from './dom.js';

function tokenFromHash() {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  return params.get('token') || '';
}

function fail(message) {
  document.getElementById('signin-progress').hidden = true;
  const box = document.getElementById('signin-error');
  replaceChildren(box, h('div', { class: 'notice notice-error' }, h('p', {}, h('strong', {}, 'Chưa đăng nhập được. '), message)));
  document.getElementById('signin-help').hidden = false;
  box.focus();
}

async function signIn() {
  const token = tokenFromHash();
  if (!token) return;
  // The token must not linger in the address bar, history or a bookmark.
  history.replaceState(null, '', location.pathname + location.search);
  document.getElementById('signin-help').hidden = true;
  document.getElementById('signed-in')?.remove();
  document.getElementById('signin-progress').hidden = false;
  const res = await api('POST', '/auth/session', { token });
  if (res.ok && res.body?.role) {
    location.replace(res.body.role === 'unit' ? '/' : '/status');
    return;
  }
  if (res.network) return fail('Không kết nối được máy chủ. Kiểm tra mạng rồi mở lại đường dẫn đăng nhập.');
  if (res.status === 401) return fail('Đường dẫn đăng nhập không hợp lệ hoặc đã hết hạn. Hãy xin Văn phòng Sở một đường dẫn mới.');
  return fail(res.body?.error?.message || `Lỗi máy chủ (mã ${res.status}). Hãy thử lại sau ít phút.`);
}

wireSignOut();
void signIn();
