/**
 * The dashboard's "Tải hình (PNG)" buttons: each figure's SVG (already on the page) drawn onto a
 * canvas at twice its size and saved as a PNG file — no server round trip, no library. The SVG
 * goes in as a data: URL because the CSP allows images only from 'self' and data:.
 * flow: browser --> dashboard page script --> canvas --> download
 */
import { wireDigestSetting } from './digest-setting.ts';
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
