/**
 * The agency profile page: builds the profile from the form over the version in force (what the
 * form does not show is kept), asks the server for the preview — the header and closing lines of
 * both documents as they will print, and each problem by field — and saves a new version.
 * flow: browser --> profile page script --> api --> /api/agency/profile
 */
import { api, type ApiResult } from './api.ts';
import { wireSignOut } from './dom.ts';
import type { HeaderPreview } from '../../common/header-preview.ts';

wireSignOut();

type Json = Record<string, unknown>;

const form = document.querySelector<HTMLFormElement>('form.profile-form');
if (form) {
  const base = JSON.parse(form.getAttribute('data-profile') ?? '{}') as Json;
  const problemsBox = form.querySelector<HTMLElement>('[data-problems]')!;
  const result = form.querySelector<HTMLElement>('[data-result]')!;
  const previewBox = document.querySelector<HTMLElement>('[data-preview-box]')!;
  const docs = previewBox.querySelector<HTMLElement>('[data-preview-docs]')!;
  const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value.trim() ?? '';
  const lines = (name: string) =>
    value(name)
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);

  /** The profile the form describes: the current version with the form's fields over it. */
  function profile(): Json {
    const p = structuredClone(base) as Json & { signers: Json; recipients: Json; emails: Json; documents?: Json; units: Json[] };
    delete p.version;
    for (const k of ['effectiveFrom', 'name', 'shortName', 'superiorHeader', 'superiorName', 'placeName', 'symbol', 'archiveLine']) p[k] = value(k);
    p.submissionDeadlineDay = Number(value('submissionDeadlineDay'));
    const documents: Json = { ...(p.documents ?? {}) };
    for (const a of ['ubnd', 'director']) {
      const title = value(`signers.${a}.title`);
      p.signers[a] = {
        prefix: value(`signers.${a}.prefix`),
        authority: value(`signers.${a}.authority`),
        ...(title ? { title } : {}),
        name: value(`signers.${a}.name`),
      };
      p.recipients[a] = lines(`recipients.${a}`);
      const doc: Json = {};
      for (const k of ['issuerSuperior', 'issuerName', 'symbol']) if (value(`documents.${a}.${k}`)) doc[k] = value(`documents.${a}.${k}`);
      if (lines(`documents.${a}.kinhGui`).length) doc.kinhGui = lines(`documents.${a}.kinhGui`);
      if (Object.keys(doc).length) documents[a] = doc;
      else delete documents[a];
    }
    if (Object.keys(documents).length) p.documents = documents;
    else delete p.documents;
    p.emails = { ...p.emails, ubnd: lines('emails.ubnd'), vanPhong: lines('emails.vanPhong'), from: value('emails.from') };
    const before = new Map(p.units.map((u) => [String(u.code), u]));
    p.units = lines('units').map((l) => {
      const [code = '', name = '', kind = '', emails = ''] = l.split('|').map((x) => x.trim());
      const list = emails
        .split(',')
        .map((e) => e.trim())
        .filter(Boolean);
      // Aliases (spellings seen in plans) are not on the form: kept with the unit's code.
      const aliases = before.get(code)?.aliases;
      return { code, name, kind, ...(aliases ? { aliases } : {}), ...(list.length ? { emails: list } : {}) };
    });
    return p;
  }

  function say(text: string, tone: string): void {
    result.textContent = text;
    result.className = `notice notice-${tone}`;
    result.hidden = false;
  }

  /** Each problem under the form, and the field it names marked. */
  function showProblems(problems: { field: string; message: string }[]): void {
    for (const el of form!.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    problemsBox.replaceChildren();
    problemsBox.hidden = problems.length === 0;
    if (!problems.length) return;
    const head = document.createElement('p');
    head.textContent = 'Hồ sơ còn vấn đề cần sửa:';
    const list = document.createElement('ul');
    for (const x of problems) {
      const input = form!.elements.namedItem(x.field) ?? form!.elements.namedItem(x.field.replace(/\.\d+(\..*)?$/u, ''));
      const label = input instanceof HTMLElement ? form!.querySelector(`label[for="${input.id}"]`)?.textContent : undefined;
      if (input instanceof HTMLElement) input.setAttribute('aria-invalid', 'true');
      const li = document.createElement('li');
      li.textContent = `${label ?? x.field}: ${x.message}`;
      list.append(li);
    }
    problemsBox.append(head, list);
    problemsBox.focus();
  }

  const TITLES: Record<string, string> = { ubnd: 'Báo cáo gửi UBND tỉnh', director: 'Báo cáo Lãnh đạo Sở' };

  function block(className: string, texts: string[]): HTMLElement {
    const div = document.createElement('div');
    div.className = className;
    for (const t of texts) {
      const p = document.createElement('p');
      p.textContent = t;
      div.append(p);
    }
    return div;
  }

  function showHeader(header: Record<string, HeaderPreview>): void {
    docs.replaceChildren();
    for (const a of ['ubnd', 'director']) {
      const h = header[a]!;
      const article = document.createElement('article');
      article.className = 'paper';
      const title = document.createElement('h3');
      title.textContent = TITLES[a]!;
      const top = document.createElement('div');
      top.className = 'paper-row';
      top.append(block('paper-left paper-issuer', [h.superior, h.issuer]), block('paper-right', [h.national, h.motto]));
      const line = document.createElement('div');
      line.className = 'paper-row';
      line.append(block('paper-left', [h.number]), block('paper-right paper-date', [h.dateLine]));
      const bottom = document.createElement('div');
      bottom.className = 'paper-row';
      bottom.append(block('paper-left paper-recipients', h.recipients), block('paper-right paper-signer', h.signer));
      article.append(title, top, line, block('paper-title', [h.title, h.subject, ...h.kinhGui]), bottom);
      docs.append(article);
    }
    previewBox.hidden = false;
  }

  async function send(dryRun: boolean, button: HTMLButtonElement): Promise<ApiResult> {
    button.disabled = true;
    say(dryRun ? 'Đang chuẩn bị bản xem trước…' : 'Đang lưu…', 'info');
    const res = await api('POST', `/api/agency/profile?dryRun=${String(dryRun)}`, profile());
    button.disabled = false;
    return res;
  }

  form.querySelector<HTMLButtonElement>('[data-preview]')!.addEventListener('click', async (e) => {
    const res = await send(true, e.currentTarget as HTMLButtonElement);
    if (res.network) return say('Mất kết nối tới máy chủ. Vui lòng thử lại.', 'error');
    if (!res.ok) return say(res.body?.error?.message ?? `Lỗi ${res.status}.`, 'error');
    result.hidden = true;
    if (res.body.header) showHeader(res.body.header);
    showProblems(res.body.problems);
    if (!res.body.problems.length) {
      say('Hồ sơ hợp lệ. Xem phần đầu và cuối văn bản bên dưới, rồi bấm “Lưu phiên bản mới”.', 'success');
      previewBox.querySelector<HTMLElement>('h2')!.focus();
    }
  });

  form.querySelector<HTMLButtonElement>('[data-save]')!.addEventListener('click', async (e) => {
    const res = await send(false, e.currentTarget as HTMLButtonElement);
    if (res.network) return say('Mất kết nối tới máy chủ: chưa rõ đã lưu chưa. Tải lại trang để xem các phiên bản.', 'error');
    if (!res.ok) {
      showProblems(res.body?.error?.fields ?? []);
      return say(res.body?.error?.message ?? `Lỗi ${res.status}.`, 'error');
    }
    showProblems([]);
    const s = res.body.stored;
    if (!s.changed) return say(`Không có gì thay đổi so với phiên bản ${s.version}: không lưu phiên bản mới.`, 'info');
    say(`Đã lưu phiên bản ${s.version}, có hiệu lực từ ${s.effectiveFrom.split('-').reverse().join('/')}.`, 'success');
    setTimeout(() => window.location.reload(), 1500);
  });
}
