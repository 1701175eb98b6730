/**
 * The dashboard's "Tải hình (PNG)" buttons: each figure's SVG (already on the page) drawn onto a
 * canvas at twice its size and saved as a PNG file — no server round trip, no library. The SVG
 * goes in as a data: URL because the CSP allows images only from 'self' and data:.
 * flow: browser --> dashboard page script --> canvas --> download
 */
import { wireDigestSetting } from './digest-setting.ts';
import { api } from './api.ts';
import { wireSignOut } from './dom.ts';

wireSignOut();
wireDigestSetting();

function savePng(figure: HTMLElement): void {
  const svg = figure.querySelector('svg');
  if (!svg) return;
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const image = new Image();
  image.onload = () => {
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    canvas.toBlob((blob) => {
      if (!blob) return;
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `${figure.id}-${figure.dataset.period ?? ''}.png`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    }, 'image/png');
  };
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
}

for (const button of document.querySelectorAll<HTMLButtonElement>('figure.chart button[data-png]')) {
  button.hidden = false;
  button.addEventListener('click', () => savePng(button.closest('figure')!));
}

/**
 * "Cho ý kiến chỉ đạo": a leader's direction on a proposal, sent to POST /api/directions (or, to
 * change one given, PUT /api/directions/{id}); the
 * page reloads to show it given (and the proposal no longer awaiting). Errors are said in the form.
 */
for (const form of document.querySelectorAll<HTMLFormElement>('form[data-direction]')) {
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = new FormData(form);
    const say = form.querySelector<HTMLElement>('.form-message')!;
    const button = form.querySelector('button')!;
    const str = (k: string) => String(f.get(k) ?? '');
    button.disabled = true;
    say.textContent = 'Đang ghi…';
    const content = {
      text: str('text'),
      ...(str('deadline') ? { deadline: str('deadline') } : {}),
      ...(str('responsibleUnit') ? { responsibleUnit: str('responsibleUnit') } : {}),
      forProvince: f.get('forProvince') !== null,
    };
    // A form with data-id changes a direction given (a new version of the one shown).
    const { id, version } = form.dataset;
    const res = id
      ? await api('PUT', `/api/directions/${encodeURIComponent(id)}`, { expectedVersion: Number(version), ...content })
      : await api('POST', '/api/directions', { period: str('period'), unit: str('unit'), taskId: str('taskId'), ...content });
    if (res.ok) {
      say.textContent = 'Đã ghi ý kiến chỉ đạo.';
      location.reload();
      return;
    }
    button.disabled = false;
    say.textContent = res.network ? 'Không kết nối được máy chủ; hãy thử lại.' : (res.body?.error?.message ?? 'Không ghi được ý kiến chỉ đạo.');
  });
}
