// The reports page's buttons: compile a period, lock or reopen a month. Each posts to the JSON
// API with the CSRF token, says what happened, then reloads to show the new state.
// flow: browser --> reports.js --> dom.js --> /api/reports, /api/periods/{p}/lock|reopen
import { api, wireSignOut } from './dom.js';

wireSignOut();

const box = document.querySelector('[data-period]');
if (box) {
  const period = box.getAttribute('data-period');
  const result = box.querySelector('[data-result]');
  const say = (text, tone) => {
    result.textContent = text;
    result.className = `notice notice-${tone}`;
    result.hidden = false;
  };
  const run = async (button, method, url, body, done) => {
    button.disabled = true;
    say('Đang xử lý…', 'info');
    const res = await api(method, url, body);
    button.disabled = false;
    if (res.network) return say('Mất kết nối tới máy chủ. Vui lòng thử lại.', 'error');
    if (!res.ok) return say(res.body?.error?.message ?? `Lỗi ${res.status}.`, 'error');
    say(done(res), 'success');
    setTimeout(() => window.location.reload(), 800);
  };
  box.querySelector('[data-compile]')?.addEventListener('click', (e) =>
    run(e.currentTarget, 'POST', '/api/reports', { period }, (res) =>
      res.body.created ? `Đã tạo phiên bản ${res.body.report.version}.` : `Số liệu không đổi: giữ phiên bản ${res.body.report.version}.`,
    ),
  );
  box.querySelector('[data-lock]')?.addEventListener('click', (e) => run(e.currentTarget, 'POST', `/api/periods/${encodeURIComponent(period)}/lock`, undefined, () => 'Đã khóa kỳ.'));
  box.querySelector('[data-reopen]')?.addEventListener('click', (e) => run(e.currentTarget, 'POST', `/api/periods/${encodeURIComponent(period)}/reopen`, undefined, () => 'Đã mở lại kỳ.'));
}
