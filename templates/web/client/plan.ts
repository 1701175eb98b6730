/**
 * The plan page's actions, each previewed before it changes anything:
 * - upload: the chosen .xlsx goes to POST /api/plans/{year}?dryRun=true; the preview lists the
 *   problems (sheet, row, column, reason) or what the import adds, changes and removes, and only
 *   then "Xác nhận nhập kế hoạch" sends the same file without dryRun;
 * - "Gia hạn": POST …/tasks/{id}/amendments with dryRun, the deadline before and after and the
 *   months whose status changes, then "Xác nhận gia hạn".
 * Every piece of text goes in as text nodes. Reloads on success.
 * flow: browser --> plan page script --> /api/plans
 */
import { api, csrfToken } from './api.ts';
import { h, wireSignOut } from './dom.ts';

wireSignOut();

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Problem {
  sheet: string;
  row: number;
  column: string;
  reason: string;
}
interface TaskRef {
  id: string;
  number: string;
  content: string;
  leadUnit: string;
}
interface Diff {
  added: TaskRef[];
  changed: (TaskRef & { fields: { label: string; before: string; after: string }[] })[];
  removed: (TaskRef & { amended?: boolean })[];
  unchanged: number;
  plan: { label: string; before: string; after: string }[];
}

function notice(text: string, tone: 'info' | 'success' | 'error' | 'warn'): HTMLElement {
  return h('p', { class: `notice notice-${tone}`, role: tone === 'error' ? 'alert' : 'status' }, text);
}

function table(caption: string, heads: string[], rows: string[][]): HTMLElement {
  return h(
    'table',
    { class: 'board' },
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        heads.map((x) => h('th', { scope: 'col' }, x)),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((r) =>
        h(
          'tr',
          {},
          r.map((cell, i) => h('td', { 'data-label': heads[i]! }, cell)),
        ),
      ),
    ),
  );
}

const short = (s: string) => (s.length > 120 ? `${s.slice(0, 119)}…` : s);

function problemTable(caption: string, problems: Problem[]): HTMLElement {
  return table(
    caption,
    ['Sheet', 'Dòng', 'Cột', 'Lý do'],
    problems.map((p) => [p.sheet || '(cả tệp)', p.row ? String(p.row) : '—', p.column || '—', p.reason]),
  );
}

function diffView(d: Diff): HTMLElement[] {
  const out: HTMLElement[] = [];
  const none = d.added.length + d.changed.length + d.removed.length + d.plan.length === 0;
  if (none) out.push(notice(`Tệp giống kế hoạch đã lưu (${d.unchanged} nhiệm vụ): nhập lại không thay đổi gì.`, 'info'));
  if (d.added.length)
    out.push(
      table(
        `Thêm ${d.added.length} nhiệm vụ`,
        ['TT', 'Nhiệm vụ', 'Chủ trì'],
        d.added.map((t) => [t.number, short(t.content), t.leadUnit]),
      ),
    );
  if (d.changed.length) {
    out.push(
      table(
        `Sửa ${d.changed.length} nhiệm vụ`,
        ['TT', 'Trường', 'Cũ', 'Mới'],
        d.changed.flatMap((t) => t.fields.map((f) => [t.number, f.label, short(f.before) || '(trống)', short(f.after) || '(trống)'])),
      ),
    );
  }
  if (d.removed.length) {
    out.push(
      table(
        `Bỏ ${d.removed.length} nhiệm vụ`,
        ['TT', 'Nhiệm vụ', 'Ghi chú'],
        d.removed.map((t) => [t.number, short(t.content), t.amended ? 'Đã gia hạn: lần gia hạn bị bỏ theo' : '']),
      ),
    );
  }
  if (d.plan.length)
    out.push(
      table(
        'Thông tin kế hoạch',
        ['Trường', 'Cũ', 'Mới'],
        d.plan.map((f) => [f.label, f.before || '(trống)', f.after || '(trống)']),
      ),
    );
  if (!none && d.unchanged) out.push(h('p', { class: 'muted' }, `${d.unchanged} nhiệm vụ không đổi.`));
  return out;
}

async function sendPlan(year: string, file: File, dryRun: boolean) {
  try {
    const res = await fetch(`/api/plans/${year}${dryRun ? '?dryRun=true' : ''}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': XLSX, 'x-file-name': encodeURIComponent(file.name), 'x-csrf-token': csrfToken() },
      body: file,
    });
    const body = (res.headers.get('content-type') ?? '').includes('json') ? await res.json().catch(() => null) : null;
    return { ok: res.ok, status: res.status, body };
  } catch {
    return { ok: false, status: 0, body: null, network: true };
  }
}

const upload = document.getElementById('upload-form') as HTMLFormElement | null;
const preview = document.getElementById('upload-preview');
if (upload && preview) {
  const year = upload.dataset.year ?? '';
  const input = upload.querySelector<HTMLInputElement>('input[type=file]')!;
  const show = (...nodes: HTMLElement[]) => preview.replaceChildren(...nodes);
  input.addEventListener('change', () => preview.replaceChildren());
  upload.addEventListener('submit', async (e) => {
    e.preventDefault();
    const file = input.files?.[0];
    if (!file) return show(notice('Chọn tệp kế hoạch (.xlsx) trước.', 'error'));
    const button = upload.querySelector('button[type=submit]') as HTMLButtonElement;
    button.disabled = true;
    show(notice('Đang đọc tệp…', 'info'));
    const res = await sendPlan(year, file, true);
    button.disabled = false;
    if (res.network) return show(notice('Mất kết nối tới máy chủ. Vui lòng thử lại.', 'error'));
    if (!res.ok) return show(notice(res.body?.error?.message ?? `Lỗi ${res.status}.`, 'error'));
    const b = res.body;
    if (!b.ok) {
      return show(
        h('h3', {}, 'Xem trước: tệp có lỗi'),
        notice(`Tệp ${file.name} có ${b.problems.length} lỗi; chưa nhập được. Sửa các ô dưới đây trong Excel rồi tải lại.`, 'error'),
        problemTable(`Lỗi (${b.problems.length})`, b.problems),
        ...(b.warnings.length ? [problemTable(`Lưu ý (${b.warnings.length})`, b.warnings)] : []),
      );
    }
    const confirm = h('button', { type: 'button', class: 'button button-primary' }, 'Xác nhận nhập kế hoạch');
    const result = h('div', { 'aria-live': 'polite' });
    confirm.addEventListener('click', async () => {
      confirm.disabled = true;
      result.replaceChildren(notice('Đang nhập…', 'info'));
      const done = await sendPlan(year, file, false);
      if (done.network) {
        confirm.disabled = false;
        return result.replaceChildren(notice('Mất kết nối tới máy chủ. Vui lòng thử lại.', 'error'));
      }
      if (!done.ok) {
        confirm.disabled = false;
        return result.replaceChildren(notice(done.body?.error?.message ?? `Lỗi ${done.status}.`, 'error'));
      }
      result.replaceChildren(
        notice(
          done.body.changed
            ? `Đã nhập kế hoạch năm ${year}: ${done.body.taskCount} nhiệm vụ (phiên bản ${done.body.meta?.version}).`
            : `Kế hoạch năm ${year} không thay đổi: không ghi gì.`,
          'success',
        ),
      );
      setTimeout(() => window.location.reload(), 1500);
    });
    show(
      h('h3', {}, `Xem trước: ${b.taskCount} nhiệm vụ hợp lệ`),
      ...diffView(b.diff),
      ...(b.newUnits.length
        ? [
            notice(
              `Sẽ thêm ${b.newUnits.length} đơn vị mới: ${b.newUnits.map((u: { code: string; name: string }) => `${u.name} (${u.code})`).join('; ')}.`,
              'warn',
            ),
          ]
        : []),
      ...(b.warnings.length ? [problemTable(`Lưu ý (${b.warnings.length})`, b.warnings)] : []),
      h('p', { class: 'buttons' }, confirm),
      result,
    );
  });
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-amend]')) {
  const box = form.querySelector<HTMLElement>('[data-preview]')!;
  const year = (document.getElementById('upload-form') as HTMLFormElement | null)?.dataset.year ?? '';
  const url = `/api/plans/${year}/tasks/${encodeURIComponent(form.dataset.amend ?? '')}/amendments`;
  const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement).value.trim();
  const body = () => ({ deadline: value('deadline'), decision: { number: value('number'), date: value('date'), reason: value('reason') } });
  form.addEventListener('input', () => box.replaceChildren());
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const b = body();
    if (!b.deadline || !b.decision.number || !b.decision.date || !b.decision.reason) {
      return box.replaceChildren(notice('Điền đủ thời hạn mới, số, ngày và lý do của quyết định.', 'error'));
    }
    const res = await api('POST', url, { ...b, dryRun: true });
    if (res.network) return box.replaceChildren(notice('Mất kết nối tới máy chủ. Vui lòng thử lại.', 'error'));
    if (!res.ok) return box.replaceChildren(notice(res.body?.error?.message ?? `Lỗi ${res.status}.`, 'error'));
    const p = res.body;
    const confirm = h('button', { type: 'button', class: 'button button-primary' }, 'Xác nhận gia hạn');
    const result = h('div', { 'aria-live': 'polite' });
    confirm.addEventListener('click', async () => {
      confirm.disabled = true;
      const done = await api('POST', url, b);
      if (done.network || !done.ok) {
        confirm.disabled = false;
        return result.replaceChildren(
          notice(done.network ? 'Mất kết nối tới máy chủ. Vui lòng thử lại.' : (done.body?.error?.message ?? `Lỗi ${done.status}.`), 'error'),
        );
      }
      result.replaceChildren(notice(`Đã gia hạn nhiệm vụ ${p.task.number}: ${p.after}.`, 'success'));
      setTimeout(() => window.location.reload(), 1500);
    });
    box.replaceChildren(
      h('h3', {}, `Xem trước gia hạn nhiệm vụ ${p.task.number}`),
      h('p', {}, h('strong', {}, 'Thời hạn đang áp dụng: '), p.before),
      h('p', {}, h('strong', {}, 'Thời hạn mới: '), p.after),
      // A list, not a table: the preview sits in a table cell, narrow on a phone.
      p.effects.length
        ? h(
            'div',
            {},
            h('h4', {}, 'Các tháng thay đổi'),
            h(
              'ul',
              { class: 'plain effects' },
              p.effects.map((x: Record<string, string>) =>
                h(
                  'li',
                  {},
                  h('strong', {}, `${x.label}: `),
                  x.statusBefore === x.statusAfter
                    ? `tình trạng giữ nguyên (${x.statusAfterLabel}).`
                    : `tình trạng ${x.statusBeforeLabel} → ${x.statusAfterLabel}.`,
                ),
              ),
            ),
          )
        : notice('Quyết định này đã được ghi: không có gì thay đổi.', 'info'),
      h('p', { class: 'buttons' }, confirm),
      result,
    );
  });
}
