/**
 * The sign-in page: an email address, then the 6-digit code sent to it (signin.js posts them to
 * POST /auth/code and POST /auth/session). A sign-in link's token in the #fragment (which browsers
 * never send to a server) is still read and exchanged the same way.
 * flow: sign-in page handler --> sign-in view --> layout
 */
import { ROLE_LABELS } from '../../functions/core/auth.ts';
import { html } from './html.ts';
import { layout, type PageUser } from './layout.ts';

export function renderSigninPage(o: { user?: PageUser } = {}): string {
  const signedIn = o.user
    ? html`<p class="notice notice-info" id="signed-in">Bạn đang đăng nhập với vai trò <strong>${ROLE_LABELS[o.user.role]}</strong>${o.user.unit ? html` (${o.user.unit.name ?? o.user.unit.code})` : html``}.
  <a href="${o.user.role === 'unit' ? '/' : '/status'}">Tiếp tục</a></p>`
    : html``;
  const main = html`<section class="message message-info" aria-labelledby="page-title">
  <h1 id="page-title" tabindex="-1">Đăng nhập</h1>
  <div id="signin-status" role="status" aria-live="polite"><p class="loading" hidden id="signin-progress">Đang đăng nhập…</p></div>
  <div id="signin-error" role="alert" tabindex="-1"></div>
  ${signedIn}
  <form id="email-form" class="signin-form" novalidate>
    <div class="field">
      <label for="signin-email">Địa chỉ thư điện tử <span class="required" aria-hidden="true">*</span></label>
      <input id="signin-email" name="email" type="email" inputmode="email" autocomplete="username" required maxlength="254" aria-describedby="signin-email-hint signin-email-error">
      <p class="hint" id="signin-email-hint">Địa chỉ Văn phòng Sở đã đăng ký cho bạn. Hệ thống gửi tới đó một mã gồm 6 chữ số.</p>
      <p class="field-error" id="signin-email-error" hidden></p>
    </div>
    <p class="buttons"><button type="submit" class="button button-primary">Gửi mã đăng nhập</button></p>
  </form>
  <form id="code-form" class="signin-form" novalidate hidden>
    <p id="code-sent" role="status"></p>
    <div class="field">
      <label for="signin-code">Mã đăng nhập (6 chữ số) <span class="required" aria-hidden="true">*</span></label>
      <input id="signin-code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required aria-describedby="signin-code-error">
      <p class="field-error" id="signin-code-error" hidden></p>
    </div>
    <p class="buttons"><button type="submit" class="button button-primary">Đăng nhập</button> <button type="button" class="link-button" id="code-again">Gửi lại mã hoặc đổi địa chỉ</button></p>
  </form>
  <div id="signin-help"><p>Chưa có tài khoản, hoặc không nhận được mã: liên hệ <strong>Văn phòng Sở</strong>.</p></div>
  <noscript><p class="notice notice-warn">Trang đăng nhập cần JavaScript. Hãy bật JavaScript cho trang này rồi tải lại trang.</p></noscript>
</section>`;
  return layout({ title: 'Đăng nhập', main, scripts: ['signin.js'], current: 'signin', ...(o.user ? { user: o.user } : {}) });
}
