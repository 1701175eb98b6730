/**
 * Renders a ReportModel as the Excel workbook: "Tổng hợp", "Phụ lục", and for the Director's
 * report "Khó khăn, đề xuất" and "Tình hình nộp báo cáo" (internal: the workbook sent to UBND
 * tỉnh has neither); a province roll-up adds "Tình hình gửi báo cáo". Same model in, same bytes out.
 * flow: compile job --> render-xlsx --> *-sheet --> exceljs
 */
import ExcelJS from 'exceljs';
import type { ReportModel } from '../../functions/core/report-model.ts';
import { cleanModel } from '../common/clean-text.ts';
import { addAppendixSheet } from './appendix-sheet.ts';
import { addDeliveriesSheet } from './deliveries-sheet.ts';
import { addDirectionsSheet } from './directions-sheet.ts';
import { addIssuesSheet } from './issues-sheet.ts';
import { addSubmissionsSheet } from './submissions-sheet.ts';
import { addSummarySheet } from './summary-sheet.ts';
import { fixZipTimestamps } from './zip-timestamps.ts';

/** Midnight of the issue date (UTC fields), never the clock: the archive compares hashes. */
function workbookDate(issueDate: string): Date {
  return new Date(`${issueDate}T00:00:00Z`);
}

export function buildWorkbook(input: ReportModel): ExcelJS.Workbook {
  const model = cleanModel(input);
  const wb = new ExcelJS.Workbook();
  const date = workbookDate(model.issueDate);
  wb.creator = 'baocao';
  wb.lastModifiedBy = 'baocao';
  wb.company = model.agency.name;
  wb.title = `Báo cáo ${model.subject}`;
  wb.subject = model.subject;
  wb.created = date;
  wb.modified = date;
  wb.calcProperties = { fullCalcOnLoad: false };
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
  const wb = buildWorkbook(model);
  const bytes = await wb.xlsx.writeBuffer();
  return fixZipTimestamps(Buffer.from(bytes as ArrayBuffer), workbookDate(model.issueDate));
}
