/**
 * A leader's own setting for the morning digest (issue 15, item 4), on the dashboard — the page a
 * leader opens each morning: a checkbox the dashboard's script saves with PUT /api/me/digest. It
 * stays hidden without the script (nothing to save with), and the result is announced.
 * flow: dashboard view --> digest setting --> html; client/digest-setting.ts saves it
 */
import { html, type SafeHtml } from './html.ts';

export function digestSetting(on: boolean): SafeHtml {
  return html`<section id="digest-setting" aria-labelledby="digest-title" data-digest hidden>
  <h2 id="digest-title">Thư tóm tắt buổi sáng</h2>
  <p>Mỗi sáng thứ Hai đến thứ Sáu, hệ thống gửi tới địa chỉ thư của bạn các đề xuất mới cần Lãnh đạo Sở cho ý kiến và các nhiệm vụ vừa quá hạn; ngày không có gì mới thì không gửi.</p>
  <p class="checkbox-line"><input type="checkbox" id="digest-optin"${on ? html` checked` : html``}> <label for="digest-optin">Nhận thư tóm tắt buổi sáng</label></p>
  <p id="digest-result" role="status"></p>
</section>`;
}
