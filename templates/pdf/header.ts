/**
 * The Nghị định 30/2020 header block on page 1: agency on the left, national name and motto on
 * the right, then "Số:" and the date line on one line under them.
 * flow: render-pdf --> header --> rule, date-line
 */
import type { ReportModel } from '../../functions/core/report-model.ts';
import { DRAFT_MARK, dateLine, numberLine } from '../common/date-line.ts';
import type { FontSet } from './fonts.ts';
import { PORTRAIT_WIDTH, SIZE, type Content } from './pdf-types.ts';
import { centredRule, upper } from './rule.ts';

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/**
 * Column widths: the agency column must hold "SỞ KHOA HỌC VÀ CÔNG NGHỆ" (≈199 pt at 13 pt bold)
 * and the motto column "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (≈250 pt at 12 pt bold) on one line
 * each, inside the 30/15 mm margins.
 */
export const LEFT_COLUMN = 205;
export const RIGHT_COLUMN = PORTRAIT_WIDTH - LEFT_COLUMN;
const NATIONAL_NAME_SIZE = 12;

/** Rule under the agency name: 40 % of the name (the decree asks 1/3 to 1/2). */
const AGENCY_RULE_RATIO = 0.4;

/** A boxed "DỰ THẢO" at the top right of page 1 while the version is not issued. */
function draftMark(): Content {
  return {
    columns: [
      { width: '*', text: '' },
      {
        width: 'auto',
        table: { body: [[{ text: DRAFT_MARK, bold: true, fontSize: SIZE.header, margin: [6, 1, 6, 1] }]] },
        layout: { hLineWidth: () => 1, vLineWidth: () => 1 },
      },
    ],
    margin: [0, -14, 0, 4],
  };
}

export function headerBlock(model: ReportModel, fonts: FontSet): Content {
  const agency = upper(model.issuer.name);
  const agencyWidth = fonts.measure.bold(agency, SIZE.header);
  const mottoWidth = fonts.measure.bold(MOTTO, SIZE.motto);
  return [
    ...(model.draft ? [draftMark()] : []),
    {
      columns: [
        {
          width: LEFT_COLUMN,
          stack: [
            { text: upper(model.issuer.superiorHeader), fontSize: SIZE.header, alignment: 'center' },
            { text: agency, fontSize: SIZE.header, bold: true, alignment: 'center' },
            centredRule(Math.min(agencyWidth, LEFT_COLUMN) * AGENCY_RULE_RATIO, LEFT_COLUMN),
          ],
        },
        {
          width: RIGHT_COLUMN,
          stack: [
            { text: NATIONAL_NAME, fontSize: NATIONAL_NAME_SIZE, bold: true, alignment: 'center' },
            { text: MOTTO, fontSize: SIZE.motto, bold: true, alignment: 'center' },
            centredRule(mottoWidth, RIGHT_COLUMN),
          ],
        },
      ],
      columnGap: 0,
    },
    {
      columns: [
        { width: LEFT_COLUMN, text: numberLine(model.documentSymbol, model.documentNumber), fontSize: SIZE.header, alignment: 'center' },
        {
          width: RIGHT_COLUMN,
          text: dateLine(model.agency.placeName, model.issueDate),
          fontSize: SIZE.motto,
          italics: true,
          alignment: 'center',
        },
      ],
      columnGap: 0,
      margin: [0, 8, 0, 0],
    },
  ];
}
