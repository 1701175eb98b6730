/**
 * The dashboard's "Nhận thư tóm tắt buổi sáng" checkbox: saved at once with PUT /api/me/digest; on
 * failure the box goes back and the reason is said.
 * flow: dashboard page script --> digest setting --> api
 */
import { api } from './api.ts';

export function wireDigestSetting(): void {
  const section = document.querySelector<HTMLElement>('[data-digest]');
  const box = document.querySelector<HTMLInputElement>('#digest-optin');
  const result = document.querySelector<HTMLElement>('#digest-result');
  if (!section || !box || !result) return;
  section.hidden = false;
  box.addEventListener('change', async () => {
    const want = box.checked;
    box.disabled = true;
    const r = await api('PUT', '/api/me/digest', { digest: want });
    box.disabled = false;
    if (r.ok) {
      result.textContent = r.body.digest ? 'Đã đăng ký: thư đầu tiên đến vào sáng ngày làm việc tới.' : 'Đã thôi nhận thư tóm tắt.';
      return;
    }
    box.checked = !want;
    result.textContent = r.network ? 'Không kết nối được; chưa lưu. Hãy thử lại.' : `Chưa lưu: ${r.body?.error?.message ?? 'lỗi không rõ'}`;
  });
}
