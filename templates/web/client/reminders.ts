/**
 * The "remind now" page: sends the reminders of the chosen units (POST /api/reminders) under one
 * Idempotency-Key per page view, so a second click or a retry after a lost answer sends nothing
 * twice; says each outcome, then reloads to show the delivery log.
 * flow: browser --> reminders page script --> api --> /api/reminders
 */
import { api } from './api.ts';
import { wireSignOut } from './dom.ts';

wireSignOut();

const form = document.getElementById('remind-form') as HTMLFormElement | null;
if (form) {
  const result = form.querySelector<HTMLElement>('[data-result]')!;
  const say = (text: string, tone: 'info' | 'success' | 'error') => {
    result.textContent = text;
    result.className = `notice notice-${tone}`;
    result.hidden = false;
  };
  const key = `remind-${crypto.randomUUID()}`;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const units = [...form.querySelectorAll<HTMLInputElement>('input[name=unit]:checked')].map((i) => i.value);
    if (units.length === 0) return say('Chưa chọn đơn vị nào để nhắc.', 'error');
    const button = form.querySelector('button[type=submit]') as HTMLButtonElement;
    button.disabled = true;
    say('Đang gửi…', 'info');
    const res = await api('POST', '/api/reminders', { period: form.dataset.period, units }, { 'idempotency-key': key });
    button.disabled = false;
    if (res.network) return say('Mất kết nối tới máy chủ. Bấm gửi lại: thư đã gửi sẽ không gửi lần nữa.', 'error');
    if (!res.ok) return say(res.body?.error?.message ?? `Lỗi ${res.status}.`, 'error');
    const rows = res.body.reminders as { unit: { name: string }; outcome?: string }[];
    const sent = rows.filter((r) => r.outcome === 'sent').length;
    const failed = rows.filter((r) => r.outcome !== 'sent').map((r) => r.unit.name);
    say(`Đã gửi ${sent}/${rows.length} thư nhắc.${failed.length ? ` Chưa gửi được: ${failed.join(', ')}.` : ''}`, failed.length ? 'error' : 'success');
    setTimeout(() => window.location.reload(), 1500);
  });
}
