/**
 * "Tài liệu kèm theo" on each task of the form: pick files (PDF, Word, Excel, PNG, JPEG, ≤ 10 MB),
 * each is sent straight to S3 with the presigned POST the API hands out, then confirmed (the server
 * checks its content and keeps it, or deletes it and says why). The kept files are listed under
 * the task's result, each with its size, a download link and a remove button; the draft and the
 * submission carry them in the task's `attachments` (the form adds them with withAttachments).
 * flow: form page script --> form attachments --> POST …/attachments, S3 POST, POST …/confirm
 */
import {
  ALLOWED_KINDS_TEXT,
  ATTACHMENT_ACCEPT,
  type AttachmentRef,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_TASK,
  sizeText,
} from '../../../functions/core/attachment.ts';
import { api } from './api.ts';
import { h, replaceChildren } from './dom.ts';

interface Setup {
  period: string;
  unit: string;
  canWrite: boolean;
  /** Called when a task's files change (the form then counts its content as changed). */
  onChange: () => void;
}

const files = new Map<string, AttachmentRef[]>();
let setup: Setup | undefined;

/** Guesses the type from the name when the browser gives none (the server checks the content anyway). */
function declaredType(f: File): string {
  if (f.type) return f.type;
  const ext = f.name.toLowerCase().split('.').pop() ?? '';
  const byExt: Record<string, string> = {
    pdf: 'application/pdf',
    doc: 'application/msword',
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    xls: 'application/vnd.ms-excel',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
  };
  return byExt[ext] ?? 'application/octet-stream';
}

const base = () => `/api/submissions/${encodeURIComponent(setup!.period)}/${encodeURIComponent(setup!.unit)}/attachments`;

/** Uploads one file: a ticket, the POST to S3, the server's check. Resolves to the kept file or an error message. */
async function upload(taskId: string, f: File): Promise<AttachmentRef | string> {
  if (f.size > MAX_ATTACHMENT_BYTES) return `"${f.name}" quá lớn (${sizeText(f.size)}); mỗi tệp tối đa ${sizeText(MAX_ATTACHMENT_BYTES)}.`;
  if (f.size === 0) return `"${f.name}" là tệp rỗng.`;
  const ticket = await api('POST', base(), { taskId, fileName: f.name, contentType: declaredType(f), size: f.size });
  if (!ticket.ok) return ticket.body?.error?.message || (ticket.network ? 'Mất kết nối đến máy chủ.' : `Lỗi (mã ${ticket.status}).`);
  const form = new FormData();
  for (const [k, v] of Object.entries(ticket.body.upload.fields as Record<string, string>)) form.append(k, v);
  form.append('file', f);
  try {
    const res = await fetch(ticket.body.upload.url, { method: 'POST', body: form });
    if (!res.ok) return `Kho lưu trữ không nhận "${f.name}" (mã ${res.status}): chỉ nhận ${ALLOWED_KINDS_TEXT}, tối đa ${sizeText(MAX_ATTACHMENT_BYTES)}.`;
  } catch {
    return `Không tải được "${f.name}" lên: mất kết nối.`;
  }
  const done = await api('POST', `${base()}/${encodeURIComponent(ticket.body.id)}/confirm`);
  if (!done.ok) return done.body?.error?.message || `Lỗi khi kiểm tra "${f.name}" (mã ${done.status}).`;
  return done.body.attachment as AttachmentRef;
}

function downloadLink(a: AttachmentRef): HTMLElement {
  const link = h('a', { href: `#${a.id}`, class: 'attachment-name' }, a.name);
  // The link is a short-lived URL the API signs on demand: asked for when clicked.
  link.addEventListener('click', async (e) => {
    e.preventDefault();
    const res = await api('GET', `/api/attachments/${encodeURIComponent(setup!.period)}/${encodeURIComponent(setup!.unit)}/${encodeURIComponent(a.id)}`);
    if (res.ok) window.location.assign(res.body.url);
  });
  return link;
}

function render(taskId: string): void {
  const box = document.getElementById(`t-${taskId}-attachments`);
  if (!box || !setup) return;
  const list = box.querySelector('ul')!;
  const current = files.get(taskId) ?? [];
  replaceChildren(
    list,
    current.map((a) =>
      h(
        'li',
        {},
        downloadLink(a),
        h('span', { class: 'muted' }, ` (${sizeText(a.size)})`),
        setup!.canWrite
          ? h(
              'button',
              {
                type: 'button',
                class: 'link-button',
                onclick: () => {
                  files.set(
                    taskId,
                    (files.get(taskId) ?? []).filter((x) => x.id !== a.id),
                  );
                  render(taskId);
                  setup!.onChange();
                },
              },
              'Bỏ',
              h('span', { class: 'visually-hidden' }, ` tệp ${a.name}`),
            )
          : null,
      ),
    ),
  );
  list.hidden = current.length === 0;
  const input = box.querySelector('input');
  if (input) input.disabled = !setup.canWrite || current.length >= MAX_ATTACHMENTS_PER_TASK;
}

async function onPick(taskId: string, input: HTMLInputElement, status: HTMLElement): Promise<void> {
  const picked = [...(input.files ?? [])];
  input.value = '';
  const room = MAX_ATTACHMENTS_PER_TASK - (files.get(taskId)?.length ?? 0);
  const errors: string[] = [];
  if (picked.length > room) errors.push(`Mỗi nhiệm vụ kèm tối đa ${MAX_ATTACHMENTS_PER_TASK} tệp; chỉ tải ${room} tệp đầu.`);
  for (const f of picked.slice(0, Math.max(0, room))) {
    status.textContent = `Đang tải lên "${f.name}"…`;
    const got = await upload(taskId, f);
    if (typeof got === 'string') errors.push(got);
    else {
      files.set(taskId, [...(files.get(taskId) ?? []), got]);
      render(taskId);
      setup?.onChange();
    }
  }
  status.textContent = errors.length ? errors.join(' ') : picked.length ? 'Đã tải lên. Tệp được lưu cùng báo cáo khi bạn lưu nháp hoặc gửi.' : '';
  status.classList.toggle('field-error', errors.length > 0);
}

/** Adds the files block under each task's result. */
export function mountAttachments(taskIds: readonly string[], s: Setup): void {
  setup = s;
  for (const id of taskIds) {
    const result = document.getElementById(`t-${id}-result`)?.closest('.field');
    if (!result) continue;
    const inputId = `t-${id}-files`;
    const status = h('p', { class: 'hint', role: 'status', 'aria-live': 'polite' });
    const input = h('input', { type: 'file', id: inputId, accept: ATTACHMENT_ACCEPT, multiple: true, 'aria-describedby': `${inputId}-hint` });
    input.addEventListener('change', () => void onPick(id, input, status));
    const box = h(
      'div',
      { class: 'field field-attachments', id: `t-${id}-attachments` },
      h('label', { for: inputId }, 'Tài liệu kèm theo'),
      h(
        'p',
        { class: 'hint', id: `${inputId}-hint` },
        `${ALLOWED_KINDS_TEXT}; mỗi tệp tối đa ${sizeText(MAX_ATTACHMENT_BYTES)}, tối đa ${MAX_ATTACHMENTS_PER_TASK} tệp.`,
      ),
      h('ul', { class: 'attachment-list', hidden: true }),
      s.canWrite ? input : null,
      status,
    );
    result.after(box);
    render(id);
  }
}

/** Shows the files a draft, a submission or the copy kept on this machine holds. */
export function fillAttachments(data: { tasks: { taskId: string; attachments?: AttachmentRef[] }[] }): void {
  files.clear();
  for (const t of data.tasks) if (t.attachments?.length) files.set(t.taskId, [...t.attachments]);
  for (const id of document.querySelectorAll<HTMLElement>('[id$="-attachments"]')) render(id.id.slice(2, -'-attachments'.length));
}

/** The form's content (what is sent, or what the form holds) with each task's files. */
export function withAttachments<T extends { tasks: { taskId: string; attachments?: AttachmentRef[] }[] }>(data: T): T {
  return {
    ...data,
    tasks: data.tasks.map((t) => {
      const a = files.get(t.taskId);
      return a?.length ? { ...t, attachments: a } : t;
    }),
  };
}
