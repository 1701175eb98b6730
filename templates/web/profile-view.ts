/**
 * Văn phòng's agency profile page: the fields an office changes (names, signers, recipients and
 * addressees, the deadline day, addresses, units) filled from the version in force, the day the new
 * version takes effect, "Xem trước" (the header and closing lines of both documents as they will
 * print, and each problem by field), "Lưu phiên bản mới", and the versions with their dates.
 * profile.js builds the JSON from the form over the current profile (kept in data-profile) and
 * calls /api/agency/profile; what it does not show (leaders, schedules, aliases) is kept as is.
 * flow: profile page handler --> profile view --> layout
 */
import type { AgencyProfile, Audience } from '../../functions/core/agency.ts';
import { formatDate } from './format.ts';
import { html, type SafeHtml } from './html.ts';
import { layout, type PageUser } from './layout.ts';

export interface ProfilePageInput {
  current: AgencyProfile;
  versions: { version: number; effectiveFrom: string; inForce: boolean }[];
  today: string;
  user: PageUser;
  csrfToken: string;
  agencyName?: string;
}

const AUDIENCE_TITLE: Record<Audience, string> = { ubnd: 'Báo cáo gửi UBND tỉnh', director: 'Báo cáo Lãnh đạo Sở' };
const PREFIXES = ['', 'KT.', 'TL.', 'TM.', 'Q.'] as const;

function field(name: string, label: string, value: string, o: { hint?: string; type?: string; required?: boolean; attrs?: SafeHtml } = {}): SafeHtml {
  const id = `f-${name.replace(/\./g, '-')}`;
  return html`<div class="field"><label for="${id}">${label}</label><input id="${id}" name="${name}" type="${o.type ?? 'text'}" value="${value}"${o.required ? html` required` : html``}${o.attrs ?? html``}${o.hint ? html` aria-describedby="${id}-hint"` : html``}>${o.hint ? html`<p class="hint" id="${id}-hint">${o.hint}</p>` : html``}</div>`;
}

function area(name: string, label: string, lines: readonly string[], hint: string): SafeHtml {
  const id = `f-${name.replace(/\./g, '-')}`;
  return html`<div class="field"><label for="${id}">${label}</label><textarea id="${id}" name="${name}" rows="${String(Math.min(Math.max(lines.length + 1, 3), 12))}" aria-describedby="${id}-hint">${lines.join('\n')}</textarea><p class="hint" id="${id}-hint">${hint}</p></div>`;
}

function audienceFields(p: AgencyProfile, a: Audience): SafeHtml {
  const s = p.signers[a];
  const d = p.documents?.[a] ?? {};
  const id = `f-signers-${a}-prefix`;
  return html`<fieldset class="profile-audience"><legend>${AUDIENCE_TITLE[a]}</legend>
  <div class="row">
    <div class="field"><label for="${id}">Hình thức ký</label><select id="${id}" name="signers.${a}.prefix">${PREFIXES.map(
      (x) => html`<option value="${x}"${x === s.prefix ? html` selected` : html``}>${x || '(người đứng đầu ký)'}</option>`,
    )}</select></div>
    ${field(`signers.${a}.authority`, 'Quyền hạn ký', s.authority, { required: true, hint: 'Ví dụ: GIÁM ĐỐC.' })}
  </div>
  <div class="row">
    ${field(`signers.${a}.title`, 'Chức vụ người ký (nếu khác)', s.title ?? '', { hint: 'Ví dụ: PHÓ GIÁM ĐỐC khi ký thay (KT.).' })}
    ${field(`signers.${a}.name`, 'Họ và tên người ký', s.name, { required: true, hint: 'Như in dưới chữ ký; không dùng tên mẫu như “Nguyễn Văn A”.' })}
  </div>
  <div class="row">
    ${field(`documents.${a}.issuerSuperior`, 'Cơ quan chủ quản (dòng trên)', d.issuerSuperior ?? '', { hint: `Để trống: ${p.superiorHeader}.` })}
    ${field(`documents.${a}.issuerName`, 'Cơ quan ban hành', d.issuerName ?? '', { hint: `Để trống: ${p.name}.` })}
    ${field(`documents.${a}.symbol`, 'Ký hiệu văn bản', d.symbol ?? '', { hint: `Để trống: BC-${p.symbol}.` })}
  </div>
  ${area(`documents.${a}.kinhGui`, 'Kính gửi', d.kinhGui ?? [], a === 'ubnd' ? `Mỗi dòng một nơi; để trống: ${p.superiorName}.` : 'Mỗi dòng một nơi; để trống: không in dòng Kính gửi.')}
  ${area(`recipients.${a}`, 'Nơi nhận', p.recipients[a], 'Mỗi dòng một nơi nhận, không cần gạch đầu dòng; dòng lưu văn thư thêm ở dưới.')}
</fieldset>`;
}

function unitLines(p: AgencyProfile): string[] {
  return p.units.map((u) => [u.code, u.name, u.kind, (u.emails ?? []).join(', ')].join(' | '));
}

export function renderProfilePage(o: ProfilePageInput): string {
  const p = o.current;
  const main = html`<div class="page-head"><h1>Hồ sơ cơ quan</h1></div>
<p>Mỗi lần lưu tạo một <strong>phiên bản mới</strong> có ngày hiệu lực: báo cáo của ngày đó trở đi in theo phiên bản mới; văn bản đã phát hành giữ nguyên. Đang sửa từ phiên bản ${String(p.version ?? '')} (hiệu lực từ ${formatDate(p.effectiveFrom)}).</p>
<form class="profile-form" data-profile="${JSON.stringify(p)}" novalidate aria-label="Hồ sơ cơ quan">
  ${field('effectiveFrom', 'Có hiệu lực từ ngày', o.today, { type: 'date', required: true, hint: 'Ngày đầu tiên phiên bản mới áp dụng (giờ Việt Nam).' })}
  <fieldset><legend>Cơ quan</legend>
    <div class="row">
      ${field('name', 'Tên cơ quan', p.name, { required: true })}
      ${field('shortName', 'Tên viết tắt', p.shortName, { required: true, hint: 'Ví dụ: Sở KH&CN.' })}
    </div>
    <div class="row">
      ${field('superiorHeader', 'Cơ quan chủ quản (in hoa, đầu văn bản)', p.superiorHeader, { required: true })}
      ${field('superiorName', 'Tên đầy đủ cơ quan cấp trên', p.superiorName, { required: true })}
    </div>
    <div class="row">
      ${field('placeName', 'Địa danh', p.placeName, { required: true, hint: 'In ở dòng ngày tháng.' })}
      ${field('symbol', 'Ký hiệu cơ quan', p.symbol, { required: true, hint: 'Ví dụ: SKHCN.' })}
      ${field('submissionDeadlineDay', 'Hạn nộp báo cáo (ngày trong tháng)', String(p.submissionDeadlineDay), { type: 'number', required: true, attrs: html` min="1" max="28" inputmode="numeric"` })}
    </div>
    ${field('archiveLine', 'Dòng lưu văn thư', p.archiveLine, { hint: 'Ví dụ: Lưu: VT, VP.' })}
  </fieldset>
  ${audienceFields(p, 'ubnd')}
  ${audienceFields(p, 'director')}
  <fieldset><legend>Địa chỉ thư điện tử</legend>
    ${area('emails.ubnd', 'Nơi nhận báo cáo của UBND tỉnh', p.emails.ubnd, 'Mỗi dòng một địa chỉ.')}
    ${area('emails.vanPhong', 'Văn phòng Sở (nhận thông báo)', p.emails.vanPhong, 'Mỗi dòng một địa chỉ.')}
    ${field('emails.from', 'Địa chỉ gửi đi', p.emails.from, { type: 'email', required: true })}
  </fieldset>
  <fieldset><legend>Các phòng, đơn vị</legend>
    ${area('units', 'Danh sách đơn vị', unitLines(p), 'Mỗi dòng: MÃ | Tên đơn vị | loại (van-phong, phong, thanh-tra, chi-cuc, trung-tam, khac) | các địa chỉ thư, cách nhau dấu phẩy.')}
  </fieldset>
  <p class="buttons">
    <button type="button" class="button button-secondary" data-preview>Xem trước</button>
    <button type="button" class="button button-primary" data-save>Lưu phiên bản mới</button>
  </p>
  <div class="notice notice-error" data-problems tabindex="-1" hidden></div>
  <p class="notice" role="status" aria-live="polite" data-result hidden></p>
</form>
<section class="profile-preview" aria-labelledby="preview-title" data-preview-box hidden>
  <h2 id="preview-title" tabindex="-1">Xem trước phần đầu và phần cuối văn bản</h2>
  <div data-preview-docs></div>
</section>
<section aria-labelledby="versions-title">
  <h2 id="versions-title">Các phiên bản hồ sơ</h2>
  <div class="table-wrap"><table class="board">
    <caption class="visually-hidden">Các phiên bản hồ sơ cơ quan</caption>
    <thead><tr><th scope="col">Phiên bản</th><th scope="col">Có hiệu lực từ</th><th scope="col">Tình trạng</th></tr></thead>
    <tbody>${o.versions.map(
      (v) =>
        html`<tr><th scope="row" data-label="Phiên bản">${String(v.version)}</th><td data-label="Có hiệu lực từ">${formatDate(v.effectiveFrom)}</td><td data-label="Tình trạng">${
          v.inForce ? html`<span class="badge badge-on-time">Đang áp dụng</span>` : v.effectiveFrom > o.today ? 'Sẽ áp dụng' : 'Đã thay'
        }</td></tr>`,
    )}</tbody>
  </table></div>
</section>`;
  return layout({
    title: 'Hồ sơ cơ quan',
    main,
    csrfToken: o.csrfToken,
    user: o.user,
    scripts: ['profile.js'],
    current: 'profile',
    ...(o.agencyName ? { agencyName: o.agencyName } : {}),
  });
}
