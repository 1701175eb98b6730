/**
 * Renders a ReportModel as the official PDF: A4 portrait body in the Nghị định 30/2020 layout,
 * then the appendix on landscape pages. Same model in, same bytes out.
 * flow: compile job --> render-pdf --> header, title, body, signature, appendix --> page-flow --> pdfkit
 *
 * Each box is drawn as soon as the flow has decided its page, and pdfkit writes a page out when
 * the next one begins: the document is never held whole, only its output bytes.
 */
import PDFDocument from 'pdfkit';
import type { ReportModel } from '../../functions/core/report-model.ts';
import { cleanModel } from '../common/clean-text.ts';
import { appendixBoxes } from './appendix.ts';
import { bodyBoxes } from './body.ts';
import { loadFonts } from './fonts.ts';
import { headerBox } from './header.ts';
import { drawPageNumber } from './page-numbers.ts';
import { A4 } from './pdf-types.ts';
import { renderContext } from './render-context.ts';
import { signatureBox } from './signature.ts';
import { titleBox } from './title.ts';

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

export async function renderPdf(input: ReportModel, options: RenderPdfOptions = {}): Promise<Buffer> {
  const model = cleanModel(input, { tabsToSpaces: true });
  const fonts = loadFonts(options.fontDir);
  const date = documentDate(model.issueDate);
  const doc = new PDFDocument({
    autoFirstPage: false,
    // No default font: pdfkit would read Helvetica's metrics from a file beside its own code.
    font: null,
    compress: true,
    lang: 'vi-VN',
    info: {
      Title: `Báo cáo ${model.subject}`,
      Author: model.agency.name,
      Subject: model.subject,
      Keywords: `${model.documentSymbol} ${model.period.id} ${model.audience}`,
      Creator: 'baocao',
      Producer: 'baocao (pdfkit)',
      CreationDate: date,
      ModDate: date,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const ctx = renderContext(doc, fonts);
  const { flow } = ctx;
  flow.startSection({ landscape: false, pageNumber: (n) => drawPageNumber(ctx, n, A4.width) });
  flow.add(headerBox(model, ctx));
  flow.add(titleBox(model, ctx));
  for (const box of bodyBoxes(model, ctx)) flow.add(box);
  flow.add(signatureBox(model, ctx));
  if (model.groups.length > 0) {
    flow.startSection({ landscape: true, pageNumber: (n) => drawPageNumber(ctx, n, A4.height) });
    for (const box of appendixBoxes(model, ctx)) flow.add(box);
  }
  flow.finish();
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
