/**
 * The people page's actions: invite a person (POST /api/users), disable or re-enable one (PUT
 * /api/users/{email}, asked once more in words). Says the server's message on a refusal, which
 * says what to do; reloads on success.
 * flow: browser --> people page script --> api --> /api/users
 */
import { api } from './api.ts';
import { wireSignOut } from './dom.ts';

wireSignOut();

function say(box: HTMLElement, text: string, tone: 'info' | 'success' | 'error'): void {
  box.textContent = text;
  box.className = `notice notice-${tone}`;
  box.hidden = false;
}

const form = document.getElementById('invite-form') as HTMLFormElement | null;
if (form) {
  const result = form.querySelector<HTMLElement>('[data-result]')!;
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const button = form.querySelector('button[type=submit]') as HTMLButtonElement;
    const unit = field('unit').value;
    const body = { email: field('email').value.trim(), name: field('name').value.trim(), role: field('role').value, ...(unit ? { unit } : {}) };
    if (!body.email || !body.name) return say(result, 'Nhập thư điện tử và họ tên của người được mời.', 'error');
    button.disabled = true;
    say(result, 'Đang mời…', 'info');
    const res = await api('POST', '/api/users', body);
    button.disabled = false;
    if (res.network) return say(result, 'Mất kết nối tới máy chủ. Vui lòng thử lại.', 'error');
    if (!res.ok) return say(result, res.body?.error?.message ?? `Lỗi ${res.status}.`, 'error');
    say(result, `Đã mời ${res.body.user.name} (${res.body.user.email}); thư hướng dẫn đăng nhập đã được gửi.`, 'success');
    setTimeout(() => window.location.reload(), 1200);
  });
}

const listResult = document.getElementById('people-result');
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-toggle]')) {
  button.addEventListener('click', async () => {
    const email = button.dataset.email ?? '';
    const status = button.dataset.status ?? '';
    const ask =
      status === 'disabled'
        ? `Khóa tài khoản của ${button.dataset.name} (${email})? Người này không đăng nhập được nữa và phiên đang mở kết thúc ngay.`
        : `Mở lại tài khoản của ${button.dataset.name} (${email})?`;
    if (!window.confirm(ask)) return;
    button.disabled = true;
    const res = await api('PUT', `/api/users/${encodeURIComponent(email)}`, { version: Number(button.dataset.version), status });
    button.disabled = false;
    if (!listResult) return;
    if (res.network) return say(listResult, 'Mất kết nối tới máy chủ. Vui lòng thử lại.', 'error');
    if (!res.ok) return say(listResult, res.body?.error?.message ?? `Lỗi ${res.status}.`, 'error');
    say(listResult, status === 'disabled' ? `Đã khóa tài khoản ${email}.` : `Đã mở lại tài khoản ${email}.`, 'success');
    setTimeout(() => window.location.reload(), 1200);
  });
}
