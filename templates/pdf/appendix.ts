/**
 * The appendix (Phụ lục) on landscape pages: title block and the task table grouped under
 * Roman-numeral rows, its head repeated on every page.
 * flow: render-pdf --> appendix
 */
import { TASK_STATUS_LABELS, type ReportModel, type TaskRow } from '../../functions/core/report-model.ts';
import { progressText, proposalLabel } from '../common/cells.ts';
import { appendixReference, issuerFullName } from '../common/date-line.ts';
import { SIZE, type ContentNode } from './pdf-types.ts';
import { upper } from './rule.ts';

export const APPENDIX_HEADS = [
  'TT',
  'Nội dung nhiệm vụ',
  'Đơn vị chủ trì',
  'Lãnh đạo chỉ đạo',
  'Thời hạn',
  'Kết quả thực hiện',
  'Tiến độ (%)',
  'Tình trạng',
  'Khó khăn, đề xuất',
] as const;

/**
 * Fixed widths plus cell padding (6 pt a column) leave about 120 pt for "Kết quả thực hiện" on
 * the 714 pt landscape text width; task content and results get the most room.
 */
const WIDTHS = [22, 140, 58, 58, 58, '*', 34, 58, 112];

const GROUP_FILL = '#e8e8e8';

function contentCell(row: TaskRow): ContentNode {
  const stack: ContentNode[] = [{ text: row.content }];
  if (row.productTarget) stack.push({ text: `Sản phẩm: ${row.productTarget}`, italics: true, margin: [0, 2, 0, 0] });
  return { stack };
}

function resultCell(row: TaskRow): ContentNode {
  const stack: ContentNode[] = [{ text: row.result || '' }];
  if (row.productReached !== undefined) stack.push({ text: `Đã đạt: ${row.productReached}`, italics: true, margin: [0, 2, 0, 0] });
  if (row.reason) stack.push({ text: `Lý do: ${row.reason}`, italics: true, margin: [0, 2, 0, 0] });
  return { stack };
}

function statusCell(row: TaskRow): ContentNode {
  const stack: ContentNode[] = [{ text: TASK_STATUS_LABELS[row.status] }];
  if (row.newlyOverdue) stack.push({ text: '(quá hạn trong kỳ)', italics: true });
  return { stack };
}

function issuesCell(row: TaskRow): ContentNode {
  const parts: ContentNode[] = [];
  if (row.difficulties) parts.push({ text: [{ text: 'Khó khăn: ', bold: true }, row.difficulties] });
  if (row.proposals) {
    parts.push({
      text: [{ text: `${proposalLabel(row)}: `, bold: true }, row.proposals],
      margin: [0, parts.length ? 2 : 0, 0, 0],
    });
  }
  return { stack: parts.length ? parts : [{ text: '' }] };
}

function taskLine(row: TaskRow): ContentNode[] {
  return [
    { text: row.number, alignment: 'center' },
    contentCell(row),
    { text: row.leadUnit.name },
    { text: row.directingLeader?.name ?? '' },
    { text: row.deadlineText, alignment: 'center' },
    resultCell(row),
    { text: progressText(row), alignment: 'center' },
    statusCell(row),
    issuesCell(row),
  ];
}

/** A row whose second cell spans to the end of the table. */
function spanningRow(first: ContentNode, rest: ContentNode): ContentNode[] {
  return [first, { ...rest, colSpan: APPENDIX_HEADS.length - 1 }, ...Array.from({ length: APPENDIX_HEADS.length - 2 }, () => ({}))];
}

/** The enclosing task of indicator rows ("Nhiệm vụ 2 - Chỉ tiêu 1: …"), printed once above them. */
export function parentsKey(row: TaskRow): string {
  return (row.parents ?? []).join(' - ');
}

export function appendixBlock(model: ReportModel): ContentNode {
  const head = APPENDIX_HEADS.map((h) => ({ text: h, bold: true, alignment: 'center', fontSize: SIZE.tableHeader }));
  const body: ContentNode[][] = [head];
  for (const group of model.groups) {
    body.push(
      spanningRow(
        { text: group.numeral, bold: true, alignment: 'center', fillColor: GROUP_FILL },
        { text: upper(group.title), bold: true, fillColor: GROUP_FILL },
      ),
    );
    let parents = '';
    for (const row of group.rows) {
      const key = parentsKey(row);
      if (key && key !== parents) body.push(spanningRow({ text: '' }, { text: key, bold: true, italics: true }));
      parents = key;
      body.push(taskLine(row));
    }
  }
  if (model.groups.every((g) => g.rows.length === 0)) {
    body.push(spanningRow({ text: '' }, { text: 'Không có nhiệm vụ trong kỳ báo cáo.', italics: true }));
  }
  return {
    pageBreak: 'before',
    pageOrientation: 'landscape',
    stack: [
      { text: 'Phụ lục', fontSize: 14, bold: true, alignment: 'center' },
      { text: upper(model.appendixTitle), fontSize: SIZE.title, bold: true, alignment: 'center' },
      {
        text: appendixReference(model.documentSymbol, model.issueDate, issuerFullName(model), model.documentNumber),
        fontSize: SIZE.header,
        italics: true,
        alignment: 'center',
        margin: [0, 0, 0, 10],
      },
      {
        table: { headerRows: 1, widths: WIDTHS, body },
        layout: {
          hLineWidth: () => 0.5,
          vLineWidth: () => 0.5,
          paddingLeft: () => 3,
          paddingRight: () => 3,
          paddingTop: () => 2,
          paddingBottom: () => 2,
        },
        fontSize: SIZE.table,
      },
    ],
  };
}
