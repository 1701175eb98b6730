/**
 * The page frame every browser page shares: Vietnamese document, CSRF meta, header with who is
 * signed in, skip link, the stylesheet and page scripts from /static (the CSP forbids inline).
 * flow: page handlers --> layout --> html
 */
import { ROLE_LABELS, type Role } from '../../functions/core/auth.ts';
import { assetUrl, type AssetName } from './assets.ts';
import { html, type SafeHtml } from './html.ts';

export const APP_TITLE = 'Báo cáo tiến độ nhiệm vụ';

export interface PageUser {
  role: Role;
  /** Unit code and name for role unit. */
  unit?: { code: string; name?: string };
  name?: string;
}

export interface LayoutOptions {
  title: string;
  main: SafeHtml;
  csrfToken?: string;
  user?: PageUser;
  /** Page scripts by logical name (the build's manifest gives the hashed file), loaded as ES modules. */
  scripts?: AssetName[];
  /** Which navigation entry is the current page. */
  current?: 'form' | 'my-reports' | 'status' | 'reports' | 'signin' | 'province' | 'people' | 'profile' | 'dashboard' | 'plan';
  /** Agency name for the header, when known. */
  agencyName?: string;
}

function userLabel(u: PageUser): string {
  if (u.role === 'unit') return u.unit?.name ? `${u.unit.name} (${u.unit.code})` : `Đơn vị ${u.unit?.code ?? ''}`;
  return ROLE_LABELS[u.role];
}

function nav(o: LayoutOptions): SafeHtml {
  const u = o.user;
  if (!u) return html``;
  const link = (href: string, label: string, key: LayoutOptions['current']) =>
    html`<li><a href="${href}"${o.current === key ? html` aria-current="page"` : html``}>${label}</a></li>`;
  return html`<nav class="site-nav" aria-label="Chức năng">
      <ul>
        ${
          u.role === 'ubnd-tinh'
            ? html`${link('/province', 'Báo cáo các Sở', 'province')}
        ${link('/reports', 'Báo cáo tổng hợp', 'reports')}
        ${link('/people', 'Người dùng', 'people')}`
            : html`${link(u.role === 'lanh-dao' ? '/report' : '/', u.role === 'unit' ? 'Báo cáo tháng' : 'Báo cáo của đơn vị', 'form')}
        ${u.role === 'unit' ? link('/my-reports', 'Báo cáo của đơn vị', 'my-reports') : html``}
        ${u.role !== 'unit' ? link('/dashboard', 'Bảng điều hành', 'dashboard') : html``}
        ${u.role !== 'unit' ? link('/status', 'Theo dõi nộp báo cáo', 'status') : html``}
        ${u.role !== 'unit' ? link('/reports', 'Báo cáo tổng hợp', 'reports') : html``}
        ${u.role === 'van-phong' ? link('/plan', 'Kế hoạch năm', 'plan') : html``}
        ${u.role === 'van-phong' ? link('/people', 'Người dùng', 'people') : html``}
        ${u.role === 'van-phong' ? link('/profile', 'Hồ sơ cơ quan', 'profile') : html``}`
        }
      </ul>
      <p class="who">
        <span class="visually-hidden">Đang đăng nhập: </span><span>${u.name ? `${u.name} — ` : ''}${userLabel(u)}</span>
        <button type="button" class="link-button" data-signout hidden>Đăng xuất</button>
      </p>
    </nav>`;
}

export function layout(o: LayoutOptions): string {
  const scripts = (o.scripts ?? []).map((s) => assetUrl(s));
  const doc = html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="${o.csrfToken ?? ''}">
<meta name="robots" content="noindex">
<title>${o.title} — ${APP_TITLE}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${assetUrl('app.css')}">
${scripts.map((s) => html`<script type="module" src="${s}"></script>\n`)}
</head>
<body>
<a class="skip-link" href="#main">Bỏ qua, đến nội dung chính</a>
<header class="site-header">
  <div class="wrap">
    <p class="brand"><a href="/">${APP_TITLE}</a>${o.agencyName ? html` <span class="agency">${o.agencyName}</span>` : html``}</p>
    ${nav(o)}
  </div>
</header>
<main id="main" class="wrap" tabindex="-1">
${o.main}
</main>
</body>
</html>
`;
  return doc.value;
}

/** A page that only explains something: sign-in needed, no permission, an error. */
export function messagePage(o: { title: string; lead: string; body?: SafeHtml; user?: PageUser; tone?: 'info' | 'error'; scripts?: AssetName[] }): string {
  return layout({
    title: o.title,
    ...(o.user ? { user: o.user } : {}),
    scripts: o.scripts ?? ['common.js'],
    main: html`<section class="message ${o.tone === 'error' ? 'message-error' : 'message-info'}" aria-labelledby="msg-title">
  <h1 id="msg-title">${o.title}</h1>
  <p class="lead">${o.lead}</p>
  ${o.body ?? html``}
</section>`,
  });
}

/** How to get in: the friendly page an anonymous visitor (or an expired session) sees. */
export function signInHelp(reason?: string): SafeHtml {
  // No operator commands here: this text is shown to anyone who opens the portal.
  return html`${reason ? html`<p class="notice notice-warn">${reason}</p>` : html``}
<p>Đăng nhập bằng <strong>địa chỉ thư điện tử</strong> của bạn tại <a href="/signin">trang đăng nhập</a>: hệ thống gửi tới địa chỉ đó một mã gồm 6 chữ số, không cần mật khẩu.</p>
<p>Chưa có tài khoản, hoặc không nhận được mã: liên hệ <strong>Văn phòng Sở</strong>.</p>`;
}
