/**
 * Reads one data row of the plan table into named cells and says what kind of row it is: a
 * Roman-numeral section, a numbered task, a "-" sub-task, a milestone row of the task above, …
 * flow: plan-import --> rows --> sheet-reader, headers (pure)
 */
import { squash } from '../text.ts';
import { classifyHeader, COLUMN_ROLES, type ColumnRole, type TableLayout } from './headers.ts';
import type { SheetReader } from './sheet-reader.ts';

export interface RowCells {
  row: number;
  /** Own text of each role's cell ("" when the table has no such column). */
  cells: Record<ColumnRole, string>;
}

const TIME_ROLES: ReadonlySet<ColumnRole> = new Set(['time', 'start', 'finish']);

/**
 * Which cells see the text of a merge they are covered by. A value merged down applies to each
 * row (a leader over several tasks, a time over several milestones); TT, content and solution
 * merged down only span the rows of one task, so the lower rows count as empty. Across, only
 * time columns share a value ("Theo Kế hoạch 483/KH-UBND" over start and finish): a group title
 * merged across the whole row is not a time, a product or a leader.
 */
const NOT_DOWN: ReadonlySet<ColumnRole> = new Set(['tt', 'content', 'solution']);

/** A reader of the table's data rows, for one sheet and its layout. */
export function rowReader(reader: SheetReader, layout: TableLayout): (row: number) => RowCells {
  const roleOfCol = new Map<number, ColumnRole>();
  for (const role of COLUMN_ROLES) {
    const col = layout.columns[role];
    if (col !== undefined) roleOfCol.set(col, role);
  }
  return (row) => {
    const cells = {} as Record<ColumnRole, string>;
    for (const role of COLUMN_ROLES) {
      const col = layout.columns[role];
      cells[role] =
        col === undefined
          ? ''
          : reader
              .read(row, col, {
                down: !NOT_DOWN.has(role),
                across: (masterCol) => TIME_ROLES.has(role) && TIME_ROLES.has(roleOfCol.get(masterCol) ?? 'tt'),
              })
              .trim();
    }
    return { row, cells };
  };
}

export type RowKind =
  | { kind: 'blank' }
  | { kind: 'header-repeat' }
  | { kind: 'group'; numeral: string; title: string }
  | { kind: 'numbered'; number: string }
  | { kind: 'dash' }
  | { kind: 'continuation' }
  | { kind: 'content-continuation' }
  | { kind: 'unknown'; tt: string };

const ROMAN = /^(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
const NUMBER = /^(\d+(?:\.\d+)*)[.)]?$/;
const DASH = /^[-+–•·*]+$/u;

/** "II." → "II", or undefined when the text is not an upper-case Roman numeral. */
export function romanNumeral(text: string): string | undefined {
  const t = squash(text).replace(/[.)]$/, '');
  return t && ROMAN.test(t) ? t : undefined;
}

function hasAny(cells: Record<ColumnRole, string>, roles: ColumnRole[]): boolean {
  return roles.some((r) => cells[r] !== '');
}

const DETAIL_ROLES: ColumnRole[] = ['solution', 'time', 'start', 'finish', 'product', 'executor', 'leadUnit', 'coordinating'];

/**
 * A row with no TT but content of its own is a sub-task when it also has steps, times or units
 * (numbered like a "-" row), and otherwise the rest of the content above, cut by a page break.
 */
export function classifyRow(reader: SheetReader, layout: TableLayout, row: RowCells): RowKind {
  if (reader.isEmptyRow(row.row)) return { kind: 'blank' };
  const { cells } = row;
  const tt = squash(cells.tt);
  if (classifyHeader(tt) === 'tt') return { kind: 'header-repeat' };
  const numeral = romanNumeral(tt);
  if (numeral) {
    // The title is in the content column, or merged across from the TT cell's neighbour.
    const title = squash(cells.content) || firstOwnTextAfter(reader, row.row, layout.columns.tt ?? 1);
    return { kind: 'group', numeral, title };
  }
  const number = NUMBER.exec(tt);
  if (number) return { kind: 'numbered', number: number[1]! };
  const content = squash(cells.content);
  if (tt === '' || DASH.test(tt)) {
    if (content === '') return { kind: 'continuation' };
    if (DASH.test(tt)) return { kind: 'dash' };
    const inline = /^([IVXLC]+)[.)]\s+(\S.*)$/.exec(content);
    if (inline && romanNumeral(inline[1]!) && !hasAny(cells, DETAIL_ROLES)) {
      return { kind: 'group', numeral: inline[1]!, title: inline[2]! };
    }
    return hasAny(cells, DETAIL_ROLES) ? { kind: 'dash' } : { kind: 'content-continuation' };
  }
  return { kind: 'unknown', tt };
}

function firstOwnTextAfter(reader: SheetReader, row: number, col: number): string {
  for (let c = col + 1; c <= reader.colCount; c++) {
    const t = squash(reader.own(row, c));
    if (t) return t;
  }
  return '';
}
