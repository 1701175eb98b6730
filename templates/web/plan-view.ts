/**
 * Văn phòng's plan page: the year, the plan's tasks with their deadlines (extended ones marked,
 * with their decisions), the upload form whose preview (thêm / sửa / bỏ / lỗi theo sheet-dòng-cột)
 * comes before "Xác nhận nhập kế hoạch", and per task a "Gia hạn" form, previewed before it is
 * confirmed. plan.js calls POST /api/plans/{year} and …/amendments.
 * flow: plan page handler --> plan view --> layout
 */
import { amendmentCitation } from '../../functions/core/plan-amendment.ts';
import { formatPlanTime, type Plan, type PlanTask } from '../../functions/core/plan.ts';
import { html, type SafeHtml } from './html.ts';
import { layout, type PageUser } from './layout.ts';
import { when } from './page-parts.ts';

export interface PlanPageInput {
  year: number;
  /** Years with a plan, and the ones around today, for the selector. */
  years: number[];
  plan?: Plan;
  /** The stored version: number, when, from which file, by whom. */
  meta?: { version: number; importedAt: string; source: string; importedBy: string };
  unitNames: Record<string, string>;
  timeZone: string;
  /** Today (local), the latest date a decision may carry. */
  today: string;
  user: PageUser;
  csrfToken: string;
  agencyName?: string;
}

function deadlineCell(t: PlanTask): SafeHtml {
  const planned = formatPlanTime(t.finish) || 'Không ghi thời hạn';
  const amendments = t.amendments ?? [];
  if (amendments.length === 0) return html`${planned}`;
  // One block: on a phone the cell is a two-column grid (label, content), each child a grid item.
  return html`<div><span class="badge badge-late">Đã gia hạn</span> Kế hoạch: ${planned}
    <ul class="plain amendments">${amendments.map((a) => html`<li>${a.deadline.split('-').reverse().join('/')} — ${amendmentCitation(a)}</li>`)}</ul></div>`;
}

function amendForm(t: PlanTask, o: PlanPageInput): SafeHtml {
  const id = (f: string) => `amend-${t.id}-${f}`;
  return html`<details class="amend">
  <summary>Gia hạn<span class="visually-hidden"> nhiệm vụ ${t.number}</span></summary>
  <form class="amend-form" data-amend="${t.id}" data-number="${t.number}" novalidate>
    <div class="field"><label for="${id('deadline')}">Thời hạn mới</label><input id="${id('deadline')}" name="deadline" type="date" required min="${String(o.year)}-01-01" max="${String(o.year + 1)}-12-31"></div>
    <div class="field"><label for="${id('number')}">Số quyết định</label><input id="${id('number')}" name="number" type="text" required maxlength="60" placeholder="123/QĐ-SKHCN" autocomplete="off"></div>
    <div class="field"><label for="${id('date')}">Ngày quyết định</label><input id="${id('date')}" name="date" type="date" required max="${o.today}"></div>
    <div class="field"><label for="${id('reason')}">Lý do gia hạn</label><textarea id="${id('reason')}" name="reason" rows="2" required maxlength="500"></textarea></div>
    <p class="buttons"><button type="submit" class="button button-secondary">Xem trước gia hạn</button></p>
    <div class="amend-preview" data-preview aria-live="polite"></div>
  </form>
</details>`;
}

function taskRow(t: PlanTask, o: PlanPageInput): SafeHtml {
  return html`<tr${t.amendments?.length ? html` class="row-late"` : html``}>
    <th scope="row" data-label="TT">${t.number}</th>
    <td data-label="Nhiệm vụ">${t.content}</td>
    <td data-label="Chủ trì">${o.unitNames[t.leadUnit] ?? t.leadUnit}</td>
    <td data-label="Thời hạn">${deadlineCell(t)}</td>
    <td data-label="Gia hạn">${amendForm(t, o)}</td>
  </tr>`;
}

export function renderPlanPage(o: PlanPageInput): string {
  const plan = o.plan;
  const amended = plan?.tasks.filter((t) => t.amendments?.length).length ?? 0;
  const main = html`<h1>Kế hoạch năm ${String(o.year)}</h1>
<form class="picker" method="get" action="/plan" aria-label="Chọn năm kế hoạch">
  <div class="field"><label for="pick-year">Năm kế hoạch</label>
    <select id="pick-year" name="year">${o.years.map((y) => html`<option value="${String(y)}"${y === o.year ? html` selected` : html``}>${String(y)}</option>`)}</select></div>
  <button type="submit" class="button button-secondary">Xem</button>
</form>
<section class="report-actions" aria-labelledby="upload-title">
  <h2 id="upload-title">Tải kế hoạch lên</h2>
  <p>Chọn tệp Excel (.xlsx) của kế hoạch năm ${String(o.year)}. Hệ thống cho xem trước nhiệm vụ sẽ thêm, sửa, bỏ và mọi lỗi theo sheet, dòng, cột; chỉ khi bấm "Xác nhận nhập kế hoạch" kế hoạch mới được ghi.${plan ? ' Các lần gia hạn đã ghi được giữ cho nhiệm vụ cùng số thứ tự.' : ''}</p>
  <form id="upload-form" data-year="${String(o.year)}" novalidate>
    <div class="field"><label for="plan-file">Tệp kế hoạch (.xlsx) <span class="required" aria-hidden="true">*</span></label>
      <input id="plan-file" name="file" type="file" required accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"></div>
    <p class="buttons"><button type="submit" class="button button-primary">Xem trước</button></p>
  </form>
  <div id="upload-preview" aria-live="polite"></div>
</section>
<h2>Nhiệm vụ${plan ? html` (${String(plan.tasks.length)}${amended ? html`, ${String(amended)} đã gia hạn` : html``})` : html``}</h2>
${
  o.meta
    ? html`<p class="muted">Phiên bản ${String(o.meta.version)}, ghi lúc ${when(o.meta.importedAt, o.timeZone)} — tệp ${o.meta.source}, bởi ${o.meta.importedBy}.</p>`
    : html``
}
${
  plan?.tasks.length
    ? html`<table class="board plan-tasks">
  <caption class="visually-hidden">Nhiệm vụ của kế hoạch năm ${String(o.year)}</caption>
  <thead><tr><th scope="col">TT</th><th scope="col">Nhiệm vụ</th><th scope="col">Chủ trì</th><th scope="col">Thời hạn</th><th scope="col">Gia hạn</th></tr></thead>
  <tbody>${plan.tasks.map((t) => taskRow(t, o))}</tbody>
</table>
<p class="notice" role="status" aria-live="polite" id="amend-result" hidden></p>`
    : html`<p>Chưa có kế hoạch năm ${String(o.year)}. Tải tệp kế hoạch lên bằng biểu mẫu trên.</p>`
}`;
  return layout({
    title: `Kế hoạch năm ${o.year}`,
    main,
    user: o.user,
    csrfToken: o.csrfToken,
    scripts: ['plan.js'],
    current: 'plan',
    ...(o.agencyName ? { agencyName: o.agencyName } : {}),
  });
}
