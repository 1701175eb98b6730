/**
 * Renders a ReportModel as the official PDF: A4 portrait body in the Nghị định 30/2020 layout,
 * then the appendix on landscape pages. Same model in, same bytes out.
 * flow: compile job --> render-pdf --> header, title, body, signature, appendix --> pdfmake
 */
import pdfmake from 'pdfmake';
import type { ReportModel } from '../../functions/core/report-model.ts';
import { cleanModel } from '../common/clean-text.ts';
import { appendixBlock } from './appendix.ts';
import { bodyBlocks } from './body.ts';
import { FONT_FAMILY, isInside, loadFonts } from './fonts.ts';
import { headerBlock } from './header.ts';
import { pageNumberHeader } from './page-numbers.ts';
import { applyPdfmakeSpeedups } from './pdfmake-speedups.ts';
import { PAGE_MARGINS, SIZE, type Content } from './pdf-types.ts';
import { signatureBlock } from './signature.ts';
import { titleBlock } from './title.ts';

export interface RenderPdfOptions {
  /** Folder holding the Tinos TTFs (default: BAOCAO_FONT_DIR, else templates/fonts). */
  fontDir?: string;
}

/**
 * The PDF dates come from the issue date (midnight, Asia/Ho_Chi_Minh), never from the clock:
 * pdfkit derives the file ID from them, and the archive compares hashes of re-renders.
 */
function documentDate(issueDate: string): Date {
  return new Date(`${issueDate}T00:00:00+07:00`);
}

export function pdfDefinition(input: ReportModel, options: RenderPdfOptions = {}): object {
  const model = cleanModel(input, { tabsToSpaces: true });
  const fonts = loadFonts(options.fontDir);
  const content: Content[] = [
    headerBlock(model, fonts),
    titleBlock(model, fonts),
    ...bodyBlocks(model, fonts),
    signatureBlock(model),
  ];
  if (model.groups.length > 0) content.push(appendixBlock(model));
  const date = documentDate(model.issueDate);
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [PAGE_MARGINS.left, PAGE_MARGINS.top, PAGE_MARGINS.right, PAGE_MARGINS.bottom],
    header: pageNumberHeader(),
    content,
    defaultStyle: { font: FONT_FAMILY, fontSize: SIZE.body, color: 'black' },
    language: 'vi-VN',
    info: {
      title: `Báo cáo ${model.subject}`,
      author: model.agency.name,
      subject: model.subject,
      keywords: `${model.documentSymbol} ${model.period.id} ${model.audience}`,
      creator: 'baocao',
      producer: 'baocao (pdfmake)',
      creationDate: date,
      modDate: date,
    },
  };
}

export async function renderPdf(model: ReportModel, options: RenderPdfOptions = {}): Promise<Buffer> {
  const fonts = loadFonts(options.fontDir);
  applyPdfmakeSpeedups();
  pdfmake.setFonts({ [FONT_FAMILY]: { ...fonts.files } });
  // Reports never fetch anything: no URLs, and local reads only from the font folder.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => isInside(fonts.dir, path));
  const bytes = await pdfmake.createPdf(pdfDefinition(model, options)).getBuffer();
  // pdfkit's stream keeps the whole laid-out document reachable until its end/close ticks have
  // run; letting them run before returning means a caller that renders the next file at once
  // does not hold two documents in memory (docs/performance.md).
  await new Promise((resolve) => setImmediate(resolve));
  return bytes;
}
