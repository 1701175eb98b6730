/**
 * What answers an address no route matches (a mistyped /statsu, an old bookmark): a browser, which
 * asks for text/html, gets a Vietnamese page with the ways back; an API client keeps the JSON error
 * it can read. In AWS, API Gateway's $default route sends such requests to the static files'
 * function (functions/api/pages/static.ts); the local server does the same (infra/local/http-server.ts).
 * flow: API Gateway $default / local server --> static handler --> not found --> layout
 */
import { html as safe } from '../../../templates/web/html.ts';
import { messagePage } from '../../../templates/web/layout.ts';
import { header, html, type HttpEvent, type HttpResult, json } from '../http.ts';

export { UNMATCHED_ROUTE_KEY } from '../routes.ts';

export const NOT_FOUND_MESSAGE = 'Không tìm thấy địa chỉ này.';

/** Whether the caller is a browser opening a page (Accept names text/html), not a script asking for data. */
export function wantsHtml(event: Pick<HttpEvent, 'headers'>): boolean {
  return /\btext\/html\b/i.test(header(event as HttpEvent, 'accept') ?? '');
}

export function notFound(event: Pick<HttpEvent, 'headers'>): HttpResult {
  if (!wantsHtml(event)) return json(404, { error: { code: 'not_found', message: NOT_FOUND_MESSAGE, fields: [] } });
  // The handler's security middleware adds the pages' headers (CSP …) to any text/html answer.
  return html(
    404,
    messagePage({
      title: 'Không tìm thấy trang',
      lead: 'Địa chỉ này không có trong hệ thống báo cáo: có thể đường dẫn bị gõ nhầm hoặc trang đã được chuyển đi.',
      tone: 'error',
      body: safe`<p>Hãy kiểm tra lại địa chỉ, hoặc đi tiếp từ một trong các trang sau:</p>
<ul class="links">
  <li><a href="/">Trang báo cáo của đơn vị</a></li>
  <li><a href="/status">Theo dõi nộp báo cáo (Văn phòng, Lãnh đạo Sở)</a></li>
  <li><a href="/signin">Đăng nhập</a></li>
</ul>`,
    }),
  );
}
