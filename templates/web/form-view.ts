/**
 * The form page's server-rendered shell: title, period picker (and unit picker for Văn phòng and
 * lãnh đạo), and the #app element that the form's script fills from GET /api/form.
 * flow: form page handler --> form view --> layout
 */
import type { Unit } from '../../functions/core/agency.ts';
import { formPageAttributes } from './form-page-config.ts';
import { html, type SafeHtml } from './html.ts';
import { layout, type PageUser } from './layout.ts';
import { monthLabel } from './format.ts';

export interface FormPageInput {
  user: PageUser;
  csrfToken: string;
  agencyName?: string;
  /** YYYY-MM, already validated. */
  period: string;
  /** Unit the form is for; undefined when Văn phòng has not picked one yet. */
  unit?: string;
  /** Units to pick from (Văn phòng, lãnh đạo); empty for a unit user. */
  units: Pick<Unit, 'code' | 'name'>[];
  canWrite: boolean;
  readOnlyReason?: string;
}

/** ` name="value"` for each attribute, escaped. */
function attributes(a: Record<string, string>): SafeHtml[] {
  return Object.entries(a).map(([k, v]) => html` ${k}="${v}"`);
}

export function renderFormPage(o: FormPageInput): string {
  const picker = html`<form class="picker" method="get" action="/" aria-label="Chọn kỳ báo cáo">
  <div class="field">
    <label for="pick-period">Kỳ báo cáo (tháng)</label>
    <input type="month" id="pick-period" name="period" value="${o.period}" min="2000-01" max="2100-12" pattern="\\d{4}-\\d{2}" placeholder="YYYY-MM" required>
  </div>
  ${
    o.units.length
      ? html`<div class="field">
    <label for="pick-unit">Phòng, đơn vị</label>
    <select id="pick-unit" name="unit">
      <option value=""${o.unit ? html`` : html` selected`}>— Chọn phòng, đơn vị —</option>
      ${o.units.map((u) => html`<option value="${u.code}"${u.code === o.unit ? html` selected` : html``}>${u.name} (${u.code})</option>`)}
    </select>
  </div>`
      : html``
  }
  <button type="submit" class="button button-secondary">Mở báo cáo</button>
</form>`;
  const main = html`<div class="page-head">
  <h1 id="page-title" tabindex="-1">Báo cáo ${monthLabel(o.period)}</h1>
  <p id="page-unit" class="subtitle">${o.user.role === 'unit' ? (o.user.unit?.name ?? '') : ''}</p>
</div>
${picker}
<div id="app" class="app"${attributes(formPageAttributes({ period: o.period, unit: o.unit ?? '', canWrite: o.canWrite, needsUnit: o.units.length > 0 && !o.unit, readOnlyReason: o.readOnlyReason ?? '' }))}>
  <p class="loading">Đang tải biểu mẫu…</p>
</div>
<noscript><p class="notice notice-warn">Biểu mẫu cần JavaScript để lưu nháp và gửi báo cáo. Hãy bật JavaScript cho trang này, hoặc liên hệ Văn phòng Sở.</p></noscript>`;
  return layout({
    title: `Báo cáo ${monthLabel(o.period)}`,
    main,
    csrfToken: o.csrfToken,
    user: o.user,
    scripts: ['form.js'],
    current: 'form',
    ...(o.agencyName ? { agencyName: o.agencyName } : {}),
  });
}
