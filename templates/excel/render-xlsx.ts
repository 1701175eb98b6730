/**
 * Renders a ReportModel as the Excel workbook: "Tổng hợp", "Phụ lục", and for the Director's
 * report "Khó khăn, đề xuất" and "Tình hình nộp báo cáo" (internal: the workbook sent to UBND
 * tỉnh has neither); a province roll-up adds "Tình hình gửi báo cáo". Same model in, same bytes out.
 * flow: compile job --> render-xlsx --> *-sheet --> sheet-writer (SpreadsheetML, zipped)
 */
import type { ReportModel } from '../../functions/core/report-model.ts';
import { cleanText } from '../common/clean-text.ts';
import { addAppendixSheet } from './appendix-sheet.ts';
import { addDeliveriesSheet } from './deliveries-sheet.ts';
import { addDirectionsSheet } from './directions-sheet.ts';
import { addIssuesSheet } from './issues-sheet.ts';
import { addSubmissionsSheet } from './submissions-sheet.ts';
import { addSummarySheet } from './summary-sheet.ts';
import { XlsxBook } from './sheet-writer.ts';

/** Midnight of the issue date (UTC fields), never the clock: the archive compares hashes. */
function workbookDate(issueDate: string): Date {
  return new Date(`${issueDate}T00:00:00Z`);
}

export function buildWorkbook(input: ReportModel): XlsxBook {
  // Not cleanModel: every cell's text goes through safeText (safe-cell.ts), which cleans it, and
  // the document properties are cleaned below; cleaning the model first did it all twice.
  const model = input;
  const wb = new XlsxBook();
  const date = workbookDate(model.issueDate);
  wb.creator = 'baocao';
  wb.lastModifiedBy = 'baocao';
  wb.company = cleanText(model.agency.name);
  wb.title = cleanText(`Báo cáo ${model.subject}`);
  wb.subject = cleanText(model.subject);
  wb.created = date;
  wb.modified = date;
  addSummarySheet(wb, model);
  addAppendixSheet(wb, model);
  if (model.audience === 'director') {
    addIssuesSheet(wb, model);
    addSubmissionsSheet(wb, model);
  }
  if (model.directions?.length) addDirectionsSheet(wb, model, model.directions);
  if (model.rollup) addDeliveriesSheet(wb, model, model.rollup.deliveries);
  return wb;
}

export async function renderXlsx(model: ReportModel): Promise<Buffer> {
  return buildWorkbook(model).toBuffer(workbookDate(model.issueDate));
}
