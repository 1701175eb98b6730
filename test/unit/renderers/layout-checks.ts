/**
 * The Nghị định 30/2020 layout rules of render-pdf.test.ts, as one check any rendered report can
 * be put through (every period kind, both audiences, draft or issued): page sizes and orientation,
 * embedded Tinos only, the two-column header, "Số:" and the date line on one line, the title, the
 * "Kính gửi" line, DỰ THẢO exactly on drafts, page numbers, the appendix block and its repeated head.
 * flow: renderer and aggregate tests --> layout-checks --> pdf-text
 */
import { dateLine, numberLine, paddedNumber } from '../../../templates/common/date-line.ts';
import { LEFT_COLUMN } from '../../../templates/pdf/header.ts';
import { A4, PAGE_MARGINS } from '../../../templates/pdf/pdf-types.ts';
import type { ReportModel } from '../../../functions/core/report-model.ts';
import { findLine, pageNumberOf, rowText, type PdfPage, type PdfRead } from './pdf-text.ts';

const isLandscape = (p: PdfPage) => p.width > p.height;
const squash = (s: string) =>
  s
    .replace(/\u00a0/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();

/** Every layout rule the document breaks, in words; empty when it follows them all. */
export function layoutProblems(read: PdfRead, model: ReportModel): string[] {
  const out: string[] = [];
  const say = (ok: boolean, what: string) => {
    if (!ok) out.push(what);
  };
  const firstAppendix = read.pages.findIndex(isLandscape);
  const hasAppendix = model.groups.length > 0;
  say(hasAppendix ? firstAppendix > 0 : firstAppendix === -1, `appendix pages: first landscape page ${firstAppendix}`);
  read.pages.forEach((p, i) => {
    const landscape = hasAppendix && i >= firstAppendix;
    say(
      landscape ? p.width === A4.height && p.height === A4.width : p.width === A4.width && p.height === A4.height,
      `page ${i + 1} is not A4 ${landscape ? 'landscape' : 'portrait'}`,
    );
  });
  for (const f of read.fonts) say(/^[A-Z]{6}\+Tinos(-Bold|-Italic|-BoldItalic)?$/u.test(f.name) && f.embedded, `font ${f.name} (embedded: ${f.embedded})`);

  const first = read.pages[0]!;
  const left = (text: string) => {
    const l = findLine(first, text);
    say(l !== undefined && l.right < PAGE_MARGINS.left + LEFT_COLUMN + 1, `header line "${text}" in the left column`);
  };
  left(model.issuer.superiorHeader.toLocaleUpperCase('vi'));
  left(model.issuer.name.toLocaleUpperCase('vi'));
  for (const t of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']) say(findLine(first, t) !== undefined, `header line "${t}"`);
  const number = findLine(first, /^Số:/u);
  const date = dateLine(model.agency.placeName, model.issueDate);
  say(
    number !== undefined && squash(rowText(first, number)) === squash(`${numberLine(model.documentSymbol, model.documentNumber)} ${date}`),
    `number and date line: "${number ? rowText(first, number) : '(none)'}"`,
  );
  say(findLine(first, /^BÁO CÁO$/u) !== undefined, 'title "BÁO CÁO"');
  say((findLine(first, 'DỰ THẢO') !== undefined) === model.draft, `DỰ THẢO on page 1 exactly when a draft (draft: ${model.draft})`);
  const kinhGui = read.pages.slice(0, 2).some((p) => findLine(p, /^Kính gửi:/u));
  say(kinhGui === model.kinhGui.length > 0, `"Kính gửi:" exactly when the model has an addressee`);

  const bodyPages = hasAppendix ? firstAppendix : read.pages.length;
  read.pages.forEach((p, i) => {
    const expected = i < bodyPages ? i + 1 : i - bodyPages + 1;
    say(
      pageNumberOf(p) === (expected === 1 ? undefined : String(expected)),
      `page ${i + 1} is numbered ${pageNumberOf(p) ?? '(none)'}, not ${expected === 1 ? '(none)' : expected}`,
    );
  });
  const lines = read.pages.slice(0, bodyPages).flatMap((p) => p.lines.map((l) => l.text));
  say(lines.includes(model.signer.name), `the signer's name "${model.signer.name}"`);

  if (hasAppendix) {
    const appendix = read.pages.slice(firstAppendix);
    say(findLine(appendix[0]!, /^Phụ lục$/u) !== undefined, '"Phụ lục" on the first appendix page');
    const ref = findLine(appendix[0]!, /^\(Kèm theo Báo cáo số/u);
    const number = model.documentNumber ? `số ${paddedNumber(model.documentNumber)}/` : 'số /';
    say(
      ref !== undefined && squash(rowText(appendix[0]!, ref)).includes(number + model.documentSymbol),
      `appendix reference "${ref ? rowText(appendix[0]!, ref) : '(none)'}"`,
    );
    for (const [i, p] of appendix.entries()) say(findLine(p, /^Nội dung nhiệm vụ$/u) !== undefined, `table head repeated on appendix page ${i + 1}`);
  }
  return out;
}
