/**
 * The reports page's actions: compile a period, lock or reopen a month, issue a compiled document
 * under a number, attach the PDF signed outside the system. Each calls the JSON API with the CSRF
 * token, says what happened (or the server's message, which says what to do), then reloads.
 * "Gửi UBND tỉnh ngay" shows the server's preview of the email (to whom, subject, files) and sends
 * only after "Xác nhận gửi"; the answer names the message id, or why nothing was sent.
 * flow: browser --> reports page script --> api --> /api/reports, /api/reports/{p}/issue|signed|deliver, /api/periods/{p}/lock|reopen
 */
import { api, type ApiResult, csrfToken } from './api.ts';
import { wireSignOut } from './dom.ts';

wireSignOut();

/** A named input of a form on this page. */
function input(form: HTMLFormElement, name: string): HTMLInputElement {
  return form.elements.namedItem(name) as HTMLInputElement;
}

function sayIn(result: HTMLElement, text: string, tone: string): void {
  result.textContent = text;
  result.className = `notice notice-${tone}`;
  result.hidden = false;
}

/** Runs one action: the button waits, the answer is said in `result`, success reloads the page. */
async function act(button: HTMLButtonElement, result: HTMLElement, call: () => Promise<ApiResult>, done: (res: ApiResult) => string): Promise<void> {
  button.disabled = true;
  sayIn(result, 'Đang xử lý…', 'info');
  const res = await call();
  button.disabled = false;
  if (res.network) return sayIn(result, 'Mất kết nối tới máy chủ. Vui lòng thử lại.', 'error');
  if (!res.ok) return sayIn(result, res.body?.error?.message ?? `Lỗi ${res.status}.`, 'error');
  sayIn(result, done(res), 'success');
  setTimeout(() => window.location.reload(), 1200);
}

const box = document.querySelector('.report-actions[data-period]');
if (box) {
  const period = box.getAttribute('data-period') ?? '';
  const result = box.querySelector<HTMLElement>('[data-result]')!;
  box.querySelector('[data-compile]')?.addEventListener('click', (e) => {
    void act(
      e.currentTarget as HTMLButtonElement,
      result,
      () => api('POST', '/api/reports', { period }),
      (res) => (res.body.created ? `Đã tạo phiên bản ${res.body.report.version} (dự thảo).` : `Số liệu không đổi: giữ phiên bản ${res.body.report.version}.`),
    );
  });
  // Locking or reopening needs a reason (kept in the lock log), then asks once more, in words.
  const lockAction = (selector: string, action: 'lock' | 'reopen', ask: string, done: string) =>
    box.querySelector(selector)?.addEventListener('click', (e) => {
      const field = box.querySelector<HTMLInputElement>('#lock-reason')!;
      const reason = field.value.trim();
      if (!reason) {
        sayIn(result, action === 'lock' ? 'Hãy ghi lý do khóa kỳ trước.' : 'Hãy ghi lý do mở lại kỳ trước.', 'error');
        field.setAttribute('aria-invalid', 'true');
        field.focus();
        return;
      }
      field.removeAttribute('aria-invalid');
      if (!window.confirm(`${ask}\nLý do: ${reason}`)) return;
      void act(
        e.currentTarget as HTMLButtonElement,
        result,
        () => api('POST', `/api/periods/${encodeURIComponent(period)}/${action}`, { reason }),
        () => done,
      );
    });
  lockAction(
    '[data-lock]',
    'lock',
    `Khóa kỳ ${period}? Sau khi khóa, các phòng, đơn vị không gửi hay sửa được báo cáo kỳ này cho đến khi Văn phòng mở lại.`,
    'Đã khóa kỳ; lý do đã ghi vào nhật ký.',
  );
  lockAction(
    '[data-reopen]',
    'reopen',
    `Mở lại kỳ ${period}? Các phòng, đơn vị sẽ gửi, sửa được báo cáo kỳ này; báo cáo đã ban hành không thay đổi.`,
    'Đã mở lại kỳ; lý do đã ghi vào nhật ký.',
  );
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-issue]')) {
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const { period = '', version, audience } = form.dataset;
    const number = input(form, 'number').value.trim();
    const body = { audience, version: Number(version), date: input(form, 'date').value, ...(number ? { number: Number(number) } : {}) };
    void act(
      form.querySelector<HTMLButtonElement>('button[type=submit]')!,
      form.querySelector<HTMLElement>('[data-result]')!,
      () => api('POST', `/api/reports/${encodeURIComponent(period)}/issue`, body),
      (res) => `Đã phát hành Báo cáo số ${res.body.number}.`,
    );
  });
}

/** The signed PDF goes as the request body itself (not JSON), with its name in a header. */
async function uploadPdf(url: string, file: File): Promise<ApiResult> {
  try {
    const res = await fetch(url, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/pdf', 'x-csrf-token': csrfToken(), 'x-file-name': encodeURIComponent(file.name), accept: 'application/json' },
      body: file,
    });
    const body = (res.headers.get('content-type') || '').includes('json') ? await res.json().catch(() => null) : null;
    return { ok: res.ok, status: res.status, body };
  } catch {
    return { ok: false, status: 0, network: true, body: null };
  }
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-signed]')) {
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const { period = '', version = '', audience = '' } = form.dataset;
    const file = input(form, 'pdf').files?.[0];
    const result = form.querySelector<HTMLElement>('[data-result]')!;
    if (!file) return sayIn(result, 'Hãy chọn tệp PDF đã ký số.', 'error');
    const url = `/api/reports/${encodeURIComponent(period)}/signed?audience=${encodeURIComponent(audience)}&version=${encodeURIComponent(version)}`;
    void act(
      form.querySelector<HTMLButtonElement>('button[type=submit]')!,
      result,
      () => uploadPdf(url, file),
      () => `Đã đính kèm bản ký số ${file.name}: tệp này sẽ được gửi UBND tỉnh.`,
    );
  });
}

/** When, in the agency's zone as the page prints it: "21/05/2024 10:00". */
function at(iso: string): string {
  return new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour12: false });
}

const deliver = document.querySelector<HTMLElement>('[data-deliver][data-period]');
if (deliver) {
  const period = deliver.getAttribute('data-period') ?? '';
  const url = (dryRun: boolean) => `/api/reports/${encodeURIComponent(period)}/deliver?dryRun=${String(dryRun)}`;
  const panel = deliver.querySelector<HTMLElement>('[data-deliver-confirm]')!;
  const result = deliver.querySelector<HTMLElement>('[data-deliver-result]')!;
  const previewButton = deliver.querySelector<HTMLButtonElement>('[data-deliver-preview]')!;
  const sendButton = deliver.querySelector<HTMLButtonElement>('[data-deliver-send]')!;
  const resend = deliver.querySelector<HTMLInputElement>('#deliver-resend')!;
  const field = (name: string) => panel.querySelector<HTMLElement>(`[data-f="${name}"]`)!;
  previewButton.addEventListener('click', async () => {
    previewButton.disabled = true;
    sayIn(result, 'Đang chuẩn bị thư…', 'info');
    const res = await api('POST', url(true), {});
    previewButton.disabled = false;
    if (res.network) return sayIn(result, 'Mất kết nối tới máy chủ. Vui lòng thử lại.', 'error');
    if (!res.ok) return sayIn(result, res.body?.error?.message ?? `Lỗi ${res.status}.`, 'error');
    const b = res.body;
    result.hidden = true;
    field('document').textContent =
      `Báo cáo số ${b.number} ngày ${b.issueDate.split('-').reverse().join('/')} (phiên bản ${b.version}${b.signed ? ', bản đã ký số' : ''})${
        b.newerDraft ? ` — có phiên bản dự thảo ${b.newerDraft} mới hơn, chưa phát hành: không gửi bản đó` : ''
      }`;
    field('to').textContent = b.to.join(', ');
    field('subject').textContent = b.subject;
    field('files').textContent = [...b.attached, ...b.linked.map((f: string) => `${f} (quá lớn: gửi đường dẫn tải)`)].join('; ') || '(không có)';
    const done = field('delivered');
    done.hidden = !b.delivered;
    done.textContent = b.delivered
      ? `Văn bản này đã được gửi lúc ${at(b.delivered.at)} tới ${b.delivered.to.join(', ')} (mã thư ${b.delivered.messageId ?? 'không rõ'}). Bấm gửi sẽ không gửi lại, trừ khi chọn "Vẫn gửi lại lần nữa".`
      : '';
    deliver.querySelector<HTMLElement>('[data-resend-row]')!.hidden = !b.delivered;
    resend.checked = false;
    panel.hidden = false;
    panel.querySelector<HTMLElement>('h3')!.focus();
  });
  deliver.querySelector('[data-deliver-cancel]')!.addEventListener('click', () => {
    panel.hidden = true;
    previewButton.focus();
  });
  sendButton.addEventListener('click', async () => {
    sendButton.disabled = true;
    sayIn(result, 'Đang gửi…', 'info');
    const res = await api('POST', url(false), resend.checked ? { resend: true } : {});
    sendButton.disabled = false;
    if (res.network) return sayIn(result, 'Mất kết nối tới máy chủ: chưa rõ thư đã đi chưa. Xem nhật ký gửi thư trước khi gửi lại.', 'error');
    if (!res.ok) return sayIn(result, res.body?.error?.message ?? `Lỗi ${res.status}.`, 'error');
    const b = res.body;
    panel.hidden = true;
    if (b.outcome === 'sent') return sayIn(result, `Đã gửi Báo cáo số ${b.number} tới ${b.to.join(', ')}. Mã thư: ${b.messageId}.`, 'success');
    if (b.outcome === 'already-delivered')
      return sayIn(
        result,
        `Không gửi lại: Báo cáo số ${b.number} đã được gửi UBND tỉnh${b.delivered ? ` lúc ${at(b.delivered.at)}` : ''} (mã thư ${b.messageId ?? 'không rõ'}).`,
        'info',
      );
    return sayIn(result, 'Lần gửi bị gián đoạn: chưa rõ thư đã đi chưa. Xem nhật ký gửi thư trước khi gửi lại.', 'warn');
  });
}
