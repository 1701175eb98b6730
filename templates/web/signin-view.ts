/**
 * The sign-in page: signin.js reads the token from the link's #fragment (which browsers never
 * send to a server), exchanges it for a session cookie and goes on to the right page. Without a
 * token it explains how to get a sign-in link.
 * flow: sign-in page handler --> sign-in view --> layout
 */
import { ROLE_LABELS } from '../../functions/core/auth.ts';
import { html } from './html.ts';
import { layout, signInHelp, type PageUser } from './layout.ts';

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
  <div id="signin-help">${signInHelp()}</div>
  <noscript><p class="notice notice-warn">Trang đăng nhập cần JavaScript. Hãy bật JavaScript cho trang này rồi mở lại đường dẫn đăng nhập.</p></noscript>
</section>`;
  return layout({ title: 'Đăng nhập', main, scripts: ['signin.js'], current: 'signin', ...(o.user ? { user: o.user } : {}) });
}
