/**
 * Small pieces the month-based pages share: the month picker, the link to a history page, a time
 * in the agency's zone, and a person as stored.
 * flow: status / reports / history views --> page parts --> html, format
 */
import { formatDateTime } from './format.ts';
import { html, type SafeHtml } from './html.ts';

/** The month picker of the month-based pages (a GET form: no script); `keep` rides along as hidden fields. */
export function monthPicker(action: string, period: string, o: { keep?: Record<string, string>; after?: SafeHtml } = {}): SafeHtml {
  return html`<form class="picker" method="get" action="${action}" aria-label="Chọn kỳ báo cáo">
  ${Object.entries(o.keep ?? {}).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}
  <div class="field">
    <label for="pick-period">Kỳ báo cáo (tháng)</label>
    <input type="month" id="pick-period" name="period" value="${period}" min="2000-01" max="2100-12" required>
  </div>
  <button type="submit" class="button button-secondary">Xem</button>
  ${o.after ?? html``}
</form>`;
}

export const historyHref = (period: string, unit?: string): string =>
  `/history?period=${encodeURIComponent(period)}${unit ? `&unit=${encodeURIComponent(unit)}` : ''}`;

/** A unit's month report to read (the readable view, GET /report). */
export const reportHref = (period: string, unit: string): string => `/report?period=${encodeURIComponent(period)}&unit=${encodeURIComponent(unit)}`;

export const when = (iso: string, tz: string): SafeHtml => html`<time datetime="${iso}">${formatDateTime(iso, tz)}</time>`;

/** A person as stored: the name from the agency's people when known, else the stored id. */
export const person = (by: string, name: string | undefined): SafeHtml => (name ? html`${name}` : html`<span class="code">${by}</span>`);
