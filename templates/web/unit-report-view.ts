/**
 * A unit's monthly report to read (issue 15, item 3), for the leaders, Văn phòng and the unit:
 * every due task with its status, progress, the full texts as written (wrapped, never clipped),
 * product, difficulties, proposals (asking for a decision? to whom?), next plan, reason, the
 * attachments to download, and what changed since the task's previous report (the history page's
 * before/after table). Who reported and when, the revisions, and a place for the leaders'
 * directions (#y-kien-chi-dao). No script. What the viewer is offered fits what the role can do.
 * flow: report page handler --> unit report view --> history view's change table, layout
 */
import type { Role } from '../../functions/core/auth.ts';
import { describeValue } from '../../functions/core/revision-diff.ts';
import { OTHER_WORK_KIND_LABELS, PROPOSAL_ADDRESSEE_LABELS, REPORTED_STATUS_LABELS, TASK_FIELD_LABELS } from '../../functions/core/submission.ts';
import type { UnitReport, UnitReportDirection, UnitReportTask } from '../../functions/core/unit-report.ts';
import { sizeText } from '../../functions/core/attachment.ts';
import { DEFAULT_TIME_ZONE, formatDate, monthLabel } from './format.ts';
import { changeRows } from './history-view.ts';
import { html, type SafeHtml } from './html.ts';
import { layout, type PageUser } from './layout.ts';
import { historyHref, monthPicker, person, when } from './page-parts.ts';

export interface UnitReportPageInput {
  report: UnitReport;
  user: PageUser;
  csrfToken: string;
  agencyName?: string;
  /** The units to pick another from (Văn phòng, the leaders); empty for a unit. */
  units: { code: string; name: string }[];
}

export interface UnitPickPageInput {
  user: PageUser;
  csrfToken: string;
  agencyName?: string;
  period: string;
  units: { code: string; name: string }[];
}

const q = (o: Record<string, string>) => new URLSearchParams(o).toString();

/** The download of an attachment: a page route that answers with a fresh short-lived link. */
export const attachmentHref = (period: string, unit: string, id: string): string => `/report/attachment?${q({ period, unit, id })}`;

function unitPicker(action: string, period: string, units: UnitPickPageInput['units'], current?: string): SafeHtml {
  return html`<form class="picker" method="get" action="${action}" aria-label="Chọn phòng, đơn vị và kỳ báo cáo">
  <div class="field">
    <label for="pick-period">Kỳ báo cáo (tháng)</label>
    <input type="month" id="pick-period" name="period" value="${period}" min="2000-01" max="2100-12" required>
  </div>
  <div class="field">
    <label for="pick-unit">Phòng, đơn vị</label>
    <select id="pick-unit" name="unit" required>
      <option value=""${current ? html`` : html` selected`}>— Chọn phòng, đơn vị —</option>
      ${units.map((u) => html`<option value="${u.code}"${u.code === current ? html` selected` : html``}>${u.name} (${u.code})</option>`)}
    </select>
  </div>
  <button type="submit" class="button button-secondary">Xem báo cáo</button>
</form>`;
}

/** Both pages' frame: no page script beyond the shared one (sign-out). */
function frame(o: Pick<UnitPickPageInput, 'user' | 'csrfToken' | 'agencyName'>, title: string, main: SafeHtml): string {
  return layout({
    title,
    main,
    csrfToken: o.csrfToken,
    user: o.user,
    scripts: ['common.js'],
    current: 'form',
    ...(o.agencyName ? { agencyName: o.agencyName } : {}),
  });
}

/** A labelled value; long texts keep their line breaks and wrap anywhere. */
function fact(label: string, value: SafeHtml | string, long = false): SafeHtml {
  return html`<dt>${label}</dt><dd${long ? html` class="report-text"` : html``}>${value}</dd>`;
}

const text = (v: string | undefined): string => (v?.trim() ? v : '(không ghi)');

function signed(n: number): string {
  return n > 0 ? `+${String(n)}` : String(n);
}

function changeBlock(t: UnitReportTask): SafeHtml {
  const c = t.change;
  const id = `t-${t.taskId}-change`;
  if (!t.report) return html``;
  if (!c) return html`<p class="muted small">Lần đầu đơn vị báo cáo nhiệm vụ này: không có báo cáo trước để so sánh.</p>`;
  const before = c.fields.find((f) => f.field === 'status')?.before;
  const summary = html`Tiến độ ${c.progressDelta === 0 ? 'không đổi' : html`<strong>${signed(c.progressDelta)} điểm %</strong>`} (${describeValue('progress', t.report.progress - c.progressDelta)} → ${describeValue('progress', t.report.progress)})${
    c.statusChanged && before ? html`; tình trạng: ${before} → ${describeValue('status', t.report.status)}` : html`; tình trạng không đổi`
  }.`;
  return html`<section aria-labelledby="${id}">
  <h3 id="${id}">Thay đổi so với báo cáo ${monthLabel(c.period)}</h3>
  <p>${summary}</p>
  ${c.fields.length ? changeRows(c.fields, false) : html`<p class="muted">Nội dung giống báo cáo ${monthLabel(c.period)}.</p>`}
</section>`;
}

function taskBlock(t: UnitReportTask, r: UnitReport): SafeHtml {
  const id = `t-${t.taskId}`;
  const rep = t.report;
  const title = html`<h2 id="${id}-title">Nhiệm vụ ${t.number}. ${t.content}</h2>`;
  const meta = html`<p class="muted small">${t.directingLeader ? `Lãnh đạo chỉ đạo: ${t.directingLeader.name}.` : ''}${t.carriedOver ? ' Nhiệm vụ kỳ trước chưa hoàn thành, chuyển sang.' : ''}</p>`;
  if (!rep) {
    return html`<article class="unit-task" id="${id}" aria-labelledby="${id}-title">${title}${meta}<p class="notice">Đơn vị chưa báo cáo nhiệm vụ này trong ${monthLabel(r.period)}.</p></article>`;
  }
  const files = rep.attachments ?? [];
  const proposal = rep.proposals.trim()
    ? html`${fact(TASK_FIELD_LABELS.proposals, rep.proposals, true)}${fact(
        'Xin ý kiến',
        rep.needsDecision
          ? html`<strong>Cần ${PROPOSAL_ADDRESSEE_LABELS[rep.proposalTo ?? 'lanh-dao-so']} cho ý kiến</strong>`
          : `Không cần ý kiến; gửi tới ${PROPOSAL_ADDRESSEE_LABELS[rep.proposalTo ?? 'lanh-dao-so']}`,
      )}`
    : fact(TASK_FIELD_LABELS.proposals, '(không có)');
  return html`<article class="unit-task" id="${id}" aria-labelledby="${id}-title">
  ${title}${meta}
  <dl class="facts report-fields">
    ${fact(TASK_FIELD_LABELS.status, REPORTED_STATUS_LABELS[rep.status])}
    ${fact('Tiến độ', describeValue('progress', rep.progress))}
    ${rep.completedOn ? fact(TASK_FIELD_LABELS.completedOn, describeValue('completedOn', rep.completedOn)) : html``}
    ${fact(TASK_FIELD_LABELS.result, text(rep.result), true)}
    ${rep.productReached !== undefined ? fact('Sản phẩm đạt được', describeValue('productReached', rep.productReached), true) : html``}
    ${fact(TASK_FIELD_LABELS.difficulties, text(rep.difficulties), true)}
    ${proposal}
    ${fact(TASK_FIELD_LABELS.nextPlan, text(rep.nextPlan), true)}
    ${rep.reason?.trim() ? fact(TASK_FIELD_LABELS.reason, rep.reason, true) : html``}
    ${fact(
      'Tài liệu kèm theo',
      files.length
        ? html`<ul>${files.map(
            (f) =>
              html`<li><a href="${attachmentHref(r.period, r.unit.code, f.id)}" download>${f.name}</a> <span class="muted small">(${sizeText(f.size)})</span></li>`,
          )}</ul>`
        : '(không có)',
    )}
  </dl>
  ${changeBlock(t)}
</article>`;
}

function submissionLine(r: UnitReport): SafeHtml {
  if (!r.revision) {
    return html`<div class="notice notice-warn" id="not-reported"><p><strong>${r.unit.name} chưa gửi báo cáo ${monthLabel(r.period)}.</strong>${
      r.draftSavedAt ? html` Đơn vị đang soạn (bản nháp lưu lúc ${when(r.draftSavedAt, r.timeZone)}); bản nháp chỉ hiện ở đây khi đơn vị gửi.` : html``
    }</p></div>`;
  }
  return html`<p id="submitted">Đã gửi lúc ${when(r.submittedAt ?? '', r.timeZone)} (phiên bản ${String(r.revision)}${
    r.onTime === false ? html`, <strong class="text-late">lần gửi đầu sau hạn nộp</strong>` : r.onTime ? ', lần gửi đầu trong hạn' : ''
  }). Người báo cáo: <strong>${r.reporterName || '(không ghi)'}</strong>${
    r.submittedBy ? html`; tài khoản gửi: ${person(r.submittedBy.sub, r.submittedBy.name)}` : html``
  }.</p>${r.draftSavedAt ? html`<p class="muted small">Đơn vị có bản nháp chưa gửi (lưu lúc ${when(r.draftSavedAt, r.timeZone)}).</p>` : html``}`;
}

/** What the viewer can do from here, and nothing more. */
function actions(r: UnitReport, role: Role): SafeHtml {
  const form = `/?${q({ period: r.period, unit: r.unit.code })}`;
  if (role === 'van-phong') {
    return r.locked
      ? html`<p class="notice">Kỳ ${monthLabel(r.period)} đã khóa. Muốn để đơn vị sửa, <a href="/reports?${q({ period: r.period })}">mở lại kỳ tại trang Báo cáo tổng hợp</a> (ghi lý do).</p>`
      : html`<p><a href="${form}">Mở biểu mẫu để sửa hoặc gửi thay đơn vị</a></p>`;
  }
  if (role === 'unit') return r.locked ? html`` : html`<p><a href="${form}">Mở biểu mẫu báo cáo</a></p>`;
  return html`<p><a href="/reports?${q({ period: r.period })}">Báo cáo tổng hợp ${monthLabel(r.period)}</a></p>`;
}

/** One direction: who gave it on which proposal, what it says, and (answering) what the unit did. */
function directionItem(d: UnitReportDirection, r: UnitReport): SafeHtml {
  const task = d.taskNumber ? `nhiệm vụ ${d.taskNumber}` : 'nhiệm vụ';
  return html`<li class="direction">
  <p><strong>${d.byName}</strong> (${when(d.at, r.timeZone)}), về đề xuất ${d.proposal.label.toLocaleLowerCase('vi')} (${task}):</p>
  <p class="report-text">${d.text}</p>
  <p class="small">${d.deadline ? html`Thời hạn: ${formatDate(d.deadline)}. ` : html``}Đơn vị thực hiện: ${d.responsibleUnit.name}.</p>
  <p class="small muted report-text">Đề xuất: ${d.proposal.proposals}</p>
  ${
    d.kind === 'answering'
      ? d.answer
        ? html`<p class="report-text"><strong>Kết quả thực hiện:</strong> ${d.answer}</p>`
        : html`<p class="notice">${r.revision ? 'Báo cáo tháng này chưa nêu kết quả thực hiện ý kiến chỉ đạo.' : 'Đơn vị chưa gửi báo cáo tháng này.'}</p>`
      : html``
  }
</li>`;
}

/** "Ý kiến chỉ đạo": what the unit answers this month, and what the leaders said on this month's proposals. */
function directionsSection(r: UnitReport): SafeHtml {
  const answering = r.directions.filter((d) => d.kind === 'answering');
  const given = r.directions.filter((d) => d.kind === 'given');
  return html`<section id="y-kien-chi-dao" aria-labelledby="y-kien-chi-dao-title">
  <h2 id="y-kien-chi-dao-title">Ý kiến chỉ đạo</h2>
  ${r.directions.length === 0 ? html`<p class="muted">Chưa có ý kiến chỉ đạo về báo cáo này.</p>` : html``}
  ${answering.length ? html`<h3>Đơn vị báo cáo kết quả thực hiện trong tháng</h3><ul class="plain">${answering.map((d) => directionItem(d, r))}</ul>` : html``}
  ${given.length ? html`<h3>Ý kiến chỉ đạo về đề xuất của tháng này</h3><ul class="plain">${given.map((d) => directionItem(d, r))}</ul>` : html``}
</section>`;
}

function historySection(r: UnitReport): SafeHtml {
  return html`<section aria-labelledby="history-title">
  <h2 id="history-title">Lịch sử gửi báo cáo</h2>
  ${
    r.revisions.length
      ? html`<ol class="revisions" reversed>${r.revisions.map(
          (v) =>
            html`<li>Phiên bản ${String(v.revision)}: gửi lúc ${when(v.at, r.timeZone)} — ${person(v.by, v.byName)}${v.onTime ? '' : html` <span class="text-late">(sau hạn nộp)</span>`}${v.imported ? ' (nhập lịch sử)' : ''}</li>`,
        )}</ol>`
      : html`<p class="muted">Chưa có phiên bản nào được gửi.</p>`
  }
  <p><a href="${historyHref(r.period, r.unit.code)}">Xem thay đổi giữa các phiên bản</a></p>
</section>`;
}

export function renderUnitReportPage(o: UnitReportPageInput): string {
  const r = o.report;
  const title = `Báo cáo ${monthLabel(r.period)} — ${r.unit.name}`;
  const reported = r.tasks.filter((t) => t.report).length;
  const main = html`<div class="page-head"><h1>${title}</h1></div>
${o.units.length ? unitPicker('/report', r.period, o.units, r.unit.code) : monthPicker('/report', r.period, { keep: { unit: r.unit.code } })}
${submissionLine(r)}
${actions(r, o.user.role)}
${r.revision ? html`<p>Đã báo cáo ${String(reported)}/${String(r.tasks.length)} nhiệm vụ phải báo cáo trong tháng.</p>` : html``}
${!r.planFound ? html`<p class="notice">Chưa có kế hoạch năm ${r.period.slice(0, 4)} cho đơn vị này.</p>` : html``}
${r.revision ? r.tasks.map((t) => taskBlock(t, r)) : html``}
${
  r.revision
    ? html`<section aria-labelledby="other-work-title"><h2 id="other-work-title">Công việc khác</h2>${
        r.otherWork.length
          ? html`<ul>${r.otherWork.map((w) => html`<li class="report-text"><strong>${OTHER_WORK_KIND_LABELS[w.kind]}:</strong> ${w.text}</li>`)}</ul>`
          : html`<p class="muted">(không có)</p>`
      }</section>`
    : html``
}
${directionsSection(r)}
${historySection(r)}
<p class="muted small">Giờ theo múi giờ ${r.timeZone === DEFAULT_TIME_ZONE ? 'Việt Nam (UTC+7)' : r.timeZone}.</p>`;
  return frame(o, title, main);
}

/** /report without a unit (Văn phòng, the leaders): choose one. */
export function renderUnitPickPage(o: UnitPickPageInput): string {
  const title = `Báo cáo của các phòng, đơn vị ${monthLabel(o.period)}`;
  const main = html`<div class="page-head"><h1>${title}</h1></div>
${unitPicker('/report', o.period, o.units)}
<p>Chọn phòng, đơn vị để đọc báo cáo tháng: kết quả từng nhiệm vụ, thay đổi so với tháng trước, tài liệu kèm theo và lịch sử gửi.</p>
<ul class="task-list">${o.units.map((u) => html`<li><a href="/report?${q({ period: o.period, unit: u.code })}">${u.name}</a></li>`)}</ul>`;
  return frame(o, title, main);
}
