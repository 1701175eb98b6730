/**
 * One email content, two renderings: plain text and a simple HTML page, from the same blocks, so the
 * two never say different things. Every string is normalised to NFC; every string that reaches the
 * HTML is escaped (unit names and task contents are typed by people); the subject is one line.
 * flow: email templates --> render-email --> Mailer
 */
import { nfc } from '../../functions/core/text.ts';

export type EmailBlock =
  | { kind: 'p'; text: string }
  | { kind: 'list'; items: string[]; ordered?: boolean }
  | { kind: 'link'; label: string; url: string }
  /** Closing lines: "Trân trọng./." and the sender, one per line. */
  | { kind: 'closing'; lines: string[] }
  /** Small print under a rule: who sent it and how to answer. */
  | { kind: 'note'; text: string };

export interface Email {
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A subject is a header: one line (no CR/LF a name could smuggle in), NFC, at most 250 characters. */
export function subjectLine(value: string): string {
  const one = nfc(value).replace(/\s+/gu, ' ');
  return one.length > 250 ? `${one.slice(0, 249)}…` : one;
}

/** Only web links become anchors; anything else is printed as text. */
function safeUrl(url: string): string | undefined {
  return /^https?:\/\/[^\s<>"']+$/u.test(url) ? url : undefined;
}

function textOf(b: EmailBlock): string {
  switch (b.kind) {
    case 'p':
      return nfc(b.text);
    case 'list':
      return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${nfc(item)}`).join('\n');
    case 'link':
      return `${nfc(b.label)}: ${b.url}`;
    case 'closing':
      return b.lines.map(nfc).join('\n');
    case 'note':
      return `--\n${nfc(b.text)}`;
  }
}

const P = 'margin:0 0 10px 0';

function htmlOf(b: EmailBlock): string {
  switch (b.kind) {
    case 'p':
      return `<p style="${P};text-align:justify">${escapeHtml(nfc(b.text))}</p>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag} style="${P};padding-left:24px">${b.items.map((i) => `<li style="margin-bottom:4px">${escapeHtml(nfc(i))}</li>`).join('')}</${tag}>`;
    }
    case 'link': {
      const url = safeUrl(b.url);
      const label = escapeHtml(nfc(b.label));
      return url ? `<p style="${P}">${label}: <a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>` : `<p style="${P}">${label}: ${escapeHtml(b.url)}</p>`;
    }
    case 'closing':
      return `<p style="${P}">${b.lines.map((l) => escapeHtml(nfc(l))).join('<br>')}</p>`;
    case 'note':
      return `<hr style="border:0;border-top:1px solid #999;margin:16px 0 8px 0"><p style="margin:0;font-size:12px;color:#555">${escapeHtml(nfc(b.text))}</p>`;
  }
}

export function renderEmail(subject: string, blocks: readonly EmailBlock[]): Email {
  const s = subjectLine(subject);
  const text = `${blocks.map(textOf).join('\n\n')}\n`;
  const html =
    '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">' +
    `<title>${escapeHtml(s)}</title></head>` +
    '<body style="font-family:\'Times New Roman\',Tinos,serif;font-size:15px;line-height:1.45;color:#000;max-width:720px">' +
    blocks.map(htmlOf).join('') +
    '</body></html>';
  return { subject: s, text, html };
}
