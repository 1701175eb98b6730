/**
 * The appendix (Phụ lục) on landscape pages: title block and the task table grouped under
 * Roman-numeral rows, its head repeated on every page. A row never breaks across pages, unless
 * it is taller than a page: then it is cut, and each continuation repeats its TT and task name.
 * flow: render-pdf --> appendix --> grid, render-context --> page-flow
 */
import { TASK_STATUS_LABELS, type ReportModel, type TaskRow } from '../../functions/core/report-model.ts';
import { attachmentsLine } from '../../functions/core/attachment.ts';
import { REACHED_LABEL } from '../../functions/core/product.ts';
import { progressText, proposalLabel } from '../common/cells.ts';
import { appendixReference, issuerFullName } from '../common/date-line.ts';
import type { FontStyle } from './fonts.ts';
import { makeGrid, rowBox, rowHeight, spanWidth, stackParts, type Cell, type CellContent, type Grid } from './grid.ts';
import { Hold, type Box } from './page-flow.ts';
import { A4, LANDSCAPE_WIDTH, PAGE_MARGINS, SIZE } from './pdf-types.ts';
import { drawLines, fixedBox, linesHeight, textLines, type RenderContext } from './render-context.ts';
import { upper } from './rule.ts';
import { typeset, type Align, type Run, type TextLine } from './typeset.ts';

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
const WIDTHS: readonly (number | '*')[] = [22, 140, 58, 58, 58, '*', 34, 58, 112];

const GROUP_FILL = '#e8e8e8';
/** Between the parts of a cell ("Sản phẩm: …" under the task). */
const PART_GAP = 2;

/** Height of a landscape page's text area. */
const PAGE_ROOM = A4.width - PAGE_MARGINS.top - PAGE_MARGINS.bottom;

function appendixGrid(): Grid {
  return makeGrid(PAGE_MARGINS.left, WIDTHS, LANDSCAPE_WIDTH, { padX: 3, padTop: 2, padBottom: 2, rule: 0.5 });
}

type Part = { runs: Run[]; gapBefore?: number };
const run = (text: string, font: FontStyle = 'normal'): Run => ({ text, font, size: SIZE.table });

function cell(ctx: RenderContext, g: Grid, col: number, parts: Part[], o: { align?: Align; span?: number; fill?: string } = {}): Cell {
  const span = o.span ?? 1;
  const width = spanWidth(g, col, span);
  const content = stackParts(parts.map((p) => ({ lines: typeset(p.runs, ctx.measure, { width, align: o.align ?? 'left' }), gapBefore: p.gapBefore ?? 0 })));
  return { col, span, content, ...(o.fill ? { fill: o.fill } : {}) };
}

function contentParts(row: TaskRow): Part[] {
  const parts: Part[] = [{ runs: [run(row.content)] }];
  if (row.productTarget) parts.push({ runs: [run(`Sản phẩm: ${row.productTarget}`, 'italics')], gapBefore: PART_GAP });
  return parts;
}

function resultParts(row: TaskRow): Part[] {
  const parts: Part[] = [{ runs: [run(row.result || '')] }];
  if (row.productReachedText) parts.push({ runs: [run(`${REACHED_LABEL}: ${row.productReachedText}`, 'italics')], gapBefore: PART_GAP });
  if (row.reason) parts.push({ runs: [run(`Lý do: ${row.reason}`, 'italics')], gapBefore: PART_GAP });
  if (row.attachments?.length) parts.push({ runs: [run(attachmentsLine(row.attachments), 'italics')], gapBefore: PART_GAP });
  return parts;
}

function statusParts(row: TaskRow): Part[] {
  const parts: Part[] = [{ runs: [run(TASK_STATUS_LABELS[row.status])] }];
  if (row.newlyOverdue) parts.push({ runs: [run('(quá hạn trong kỳ)', 'italics')] });
  return parts;
}

function issuesParts(row: TaskRow): Part[] {
  const parts: Part[] = [];
  if (row.difficulties) parts.push({ runs: [run('Khó khăn: ', 'bold'), run(row.difficulties)] });
  if (row.proposals) {
    parts.push({ runs: [run(`${proposalLabel(row)}: `, 'bold'), run(row.proposals)], gapBefore: parts.length ? PART_GAP : 0 });
  }
  return parts.length ? parts : [{ runs: [run('')] }];
}

/**
 * Cells whose text repeats from row to row (unit, leader, deadline, progress, status: a few
 * dozen different values in thousands of rows) are laid out once per document; lines are
 * never changed once made, so rows can share them.
 */
type CellCache = Map<string, Cell>;

function repeated(cache: CellCache, ctx: RenderContext, g: Grid, col: number, parts: Part[], align: Align = 'left'): Cell {
  const key = `${col}|${align}|${parts.map((p) => p.runs.map((r) => `${r.font}:${r.text}`).join('+')).join('/')}`;
  let c = cache.get(key);
  if (!c) {
    c = cell(ctx, g, col, parts, { align });
    cache.set(key, c);
  }
  return c;
}

function taskCells(ctx: RenderContext, g: Grid, row: TaskRow, cache: CellCache): Cell[] {
  const one = (text: string) => [{ runs: [run(text)] }];
  return [
    cell(ctx, g, 0, one(row.number), { align: 'center' }),
    cell(ctx, g, 1, contentParts(row)),
    repeated(cache, ctx, g, 2, one(row.leadUnit.name)),
    repeated(cache, ctx, g, 3, one(row.directingLeader?.name ?? '')),
    repeated(cache, ctx, g, 4, one(row.deadlineText), 'center'),
    cell(ctx, g, 5, resultParts(row)),
    repeated(cache, ctx, g, 6, one(progressText(row)), 'center'),
    repeated(cache, ctx, g, 7, statusParts(row)),
    cell(ctx, g, 8, issuesParts(row)),
  ];
}

/** A row whose second cell spans to the end of the table. */
function spanningCells(ctx: RenderContext, g: Grid, first: Part[], rest: Part[], fill?: string): Cell[] {
  const f = fill ? { fill } : {};
  return [cell(ctx, g, 0, first, { align: 'center', ...f }), cell(ctx, g, 1, rest, { span: APPENDIX_HEADS.length - 1, ...f })];
}

/** The enclosing task of indicator rows ("Nhiệm vụ 2 - Chỉ tiêu 1: …"), printed once above them. */
export function parentsKey(row: TaskRow): string {
  return (row.parents ?? []).join(' - ');
}

function slice(content: CellContent, from: number, count: number): CellContent {
  const lines = content.lines.slice(from, from + count);
  const top = lines[0]?.top ?? 0;
  const last = lines[lines.length - 1];
  return { lines: lines.map((l) => ({ line: l.line, top: l.top - top })), height: last ? last.top - top + last.line.height : 0 };
}

/**
 * A row taller than a page, cut into pieces that each fill a page: every cell gives each piece
 * the lines that fit; a continuation whose TT or task-name cell has run out repeats them.
 */
function splitRow(g: Grid, cells: Cell[], room: number): Cell[][] {
  const avail = room - g.padTop - g.padBottom - g.rule;
  const next = cells.map(() => 0);
  const pieces: Cell[][] = [];
  while (cells.some((c, i) => next[i]! < c.content.lines.length)) {
    const piece = cells.map((c, i) => {
      const from = next[i]!;
      const lines = c.content.lines;
      const start = lines[from]?.top ?? 0;
      let n = 0;
      while (from + n < lines.length && lines[from + n]!.top + lines[from + n]!.line.height - start <= avail) n++;
      // A single line taller than the page still has to go somewhere.
      if (n === 0 && from < lines.length) n = 1;
      next[i] = from + n;
      const repeat = pieces.length > 0 && n === 0 && (c.col === 0 || c.col === 1);
      return { ...c, content: repeat ? nameOf(c.content) : slice(c.content, from, n) };
    });
    pieces.push(piece);
  }
  return pieces;
}

/** The TT, or the task name: the cell's first part (before "Sản phẩm: …"). */
function nameOf(content: CellContent): CellContent {
  const lines = content.lines;
  // The first part ends where a gap opens before the next part.
  let n = 1;
  while (n < lines.length && lines[n]!.top === lines[n - 1]!.top + lines[n - 1]!.line.height) n++;
  return slice(content, 0, Math.min(n, lines.length));
}

function rowBoxes(ctx: RenderContext, g: Grid, cells: Cell[], room: number, hold: Hold): Box[] {
  if (rowHeight(g, cells) <= room) return [rowBox(ctx, g, cells, { hold })];
  return splitRow(g, cells, room).map((piece) => rowBox(ctx, g, piece));
}

function titleBox(model: ReportModel, ctx: RenderContext): Box {
  const centred = { width: LANDSCAPE_WIDTH, align: 'center' as const };
  const lines: TextLine[] = [
    ...textLines(ctx, 'Phụ lục', { font: 'bold', size: 14 }, centred),
    ...textLines(ctx, upper(model.appendixTitle), { font: 'bold', size: SIZE.title }, centred),
    ...textLines(
      ctx,
      appendixReference(model.documentSymbol, model.issueDate, issuerFullName(model), model.documentNumber),
      { font: 'italics', size: SIZE.header },
      centred,
    ),
  ];
  return fixedBox(linesHeight(lines), (top) => drawLines(ctx, lines, PAGE_MARGINS.left, top), { gapAfter: 10, hold: Hold.Must });
}

/** The appendix's boxes, lazily: one task row is laid out when the flow asks for it. */
export function* appendixBoxes(model: ReportModel, ctx: RenderContext): Generator<Box> {
  const g = appendixGrid();
  const headCells = APPENDIX_HEADS.map((h, col) => cell(ctx, g, col, [{ runs: [run(h, 'bold')] }], { align: 'center' }));
  const head = rowBox(ctx, g, headCells, { head: true, hold: Hold.Must });
  head.runningHead = head;
  const room = PAGE_ROOM - head.height;
  const cache: CellCache = new Map();
  yield titleBox(model, ctx);
  yield head;
  let last: Box | undefined;
  // The last row is held back: it is the one that clears the running head.
  const emit = function* (boxes: Box[]) {
    if (last) yield last;
    last = boxes.pop();
    yield* boxes;
  };
  for (const group of model.groups) {
    const groupCells = spanningCells(ctx, g, [{ runs: [run(group.numeral, 'bold')] }], [{ runs: [run(upper(group.title), 'bold')] }], GROUP_FILL);
    yield* emit(rowBoxes(ctx, g, groupCells, room, Hold.Must));
    let parents = '';
    for (const row of group.rows) {
      const key = parentsKey(row);
      if (key && key !== parents)
        yield* emit(rowBoxes(ctx, g, spanningCells(ctx, g, [{ runs: [run('')] }], [{ runs: [run(key, 'bolditalics')] }]), room, Hold.Must));
      parents = key;
      yield* emit(rowBoxes(ctx, g, taskCells(ctx, g, row, cache), room, Hold.None));
    }
  }
  if (model.groups.every((gr) => gr.rows.length === 0)) {
    yield* emit(
      rowBoxes(ctx, g, spanningCells(ctx, g, [{ runs: [run('')] }], [{ runs: [run('Không có nhiệm vụ trong kỳ báo cáo.', 'italics')] }]), room, Hold.None),
    );
  }
  if (last) {
    // After the table's last row no page repeats its head.
    last.runningHead = null;
    last.hold = Hold.None;
    yield last;
  }
}
