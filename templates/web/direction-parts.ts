/**
 * The leaders' direction on a proposal, as the dashboard and the task page show it: the small form
 * a leader records one with (text, optional deadline and responsible unit, "for the province"), and
 * a direction as given. The dashboard's script (client/dashboard.ts) sends the form to
 * POST /api/directions and reloads the page.
 * flow: dashboard view, task view --> direction parts --> html
 */
import type { Direction } from '../../functions/core/direction.ts';
import type { IssueRow } from '../../functions/core/report-model.ts';
import { formatDate } from './format.ts';
import { html, type SafeHtml } from './html.ts';

/** What a direction form asks (text, deadline, responsible unit, for the province), filled when changing one. */
function directionFields(
  key: string,
  proposingUnit: string,
  units: readonly { code: string; name: string }[],
  now: { text?: string; deadline?: string; responsibleUnit?: string; forProvince?: boolean } = {},
): SafeHtml {
  const chosen = now.responsibleUnit ?? proposingUnit;
  return html`<label for="dt-${key}">Ý kiến chỉ đạo</label>
    <textarea id="dt-${key}" name="text" rows="3" required maxlength="3000">${now.text ?? ''}</textarea>
    <label for="dd-${key}">Thời hạn (không bắt buộc)</label>
    <input id="dd-${key}" name="deadline" type="date" value="${now.deadline ?? ''}">
    <label for="du-${key}">Đơn vị thực hiện</label>
    <select id="du-${key}" name="responsibleUnit">
      ${units.map((u) => html`<option value="${u.code === proposingUnit ? '' : u.code}"${u.code === chosen ? ' selected' : ''}>${u.name}</option>`)}
    </select>
    <label class="check"><input type="checkbox" name="forProvince"${now.forProvince ? ' checked' : ''}> Đưa vào báo cáo gửi UBND tỉnh</label>
    <p class="form-message" role="status" aria-live="polite"></p>`;
}

const keyOf = (period: string, unit: string, taskId: string) => `${period}-${unit}-${taskId}`.replace(/[^A-Za-z0-9-]/g, '-');

/** The form of a proposal awaiting a leader; only leaders record (Văn phòng sees the list). */
export function directionForm(i: IssueRow, units: readonly { code: string; name: string }[], canDirect: boolean): SafeHtml {
  if (!canDirect || !i.taskId || !i.period) return html``;
  return html`<details class="direction-form">
  <summary>Cho ý kiến chỉ đạo</summary>
  <form data-direction method="post" action="/api/directions" novalidate>
    <input type="hidden" name="period" value="${i.period}">
    <input type="hidden" name="unit" value="${i.unit.code}">
    <input type="hidden" name="taskId" value="${i.taskId}">
    ${directionFields(keyOf(i.period, i.unit.code, i.taskId), i.unit.code, units)}
    <button type="submit">Ghi ý kiến chỉ đạo</button>
  </form>
</details>`;
}

/**
 * A leader changes a direction given: the same form, filled, sent as a new version of the one shown
 * (PUT /api/directions/{id} with `expectedVersion`; a version changed meanwhile is refused, 409).
 */
export function directionEditForm(d: Direction, units: readonly { code: string; name: string }[], canDirect: boolean): SafeHtml {
  if (!canDirect) return html``;
  const key = `e-${keyOf(d.proposal.period, d.proposal.unit, d.proposal.taskId)}`;
  return html`<details class="direction-form">
  <summary>Sửa ý kiến chỉ đạo</summary>
  <form data-direction data-id="${d.id}" data-version="${String(d.version)}" method="post" action="/api/directions/${d.id}" novalidate>
    ${directionFields(key, d.proposal.unit, units, d)}
    <button type="submit">Ghi phiên bản mới</button>
  </form>
</details>`;
}

/** A direction as given: text, deadline, who carries it out, who gave it and when (version). */
export function directionView(d: Direction, unitName: (code: string) => string): SafeHtml {
  const responsible = d.responsibleUnit ?? d.proposal.unit;
  return html`<div class="direction">
  <p><strong>Ý kiến chỉ đạo:</strong> ${d.text}</p>
  <p class="small">${d.deadline ? html`Thời hạn: ${formatDate(d.deadline)}. ` : html``}Đơn vị thực hiện: ${unitName(responsible)}.${d.forProvince ? ' Đưa vào báo cáo gửi UBND tỉnh.' : ''}</p>
  <p class="muted small">${d.byName}, ${formatDate(d.at.slice(0, 10))}${d.version > 1 ? ` (phiên bản ${d.version})` : ''}</p>
</div>`;
}
