/**
 * Merge-aware access to one sheet of a Grid.
 * flow: plan-import --> sheet-reader --> Grid (pure)
 */
import type { GridMerge, GridSheet } from './grid.ts';

export class SheetReader {
  readonly name: string;
  readonly rowCount: number;
  readonly colCount: number;
  private readonly sheet: GridSheet;
  private readonly mergeOf = new Map<string, GridMerge>();

  constructor(sheet: GridSheet) {
    this.sheet = sheet;
    this.name = sheet.name;
    this.rowCount = sheet.rows.length;
    let cols = 0;
    for (const row of sheet.rows) cols = Math.max(cols, row.length);
    for (const m of sheet.merges) {
      cols = Math.max(cols, m.right);
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) this.mergeOf.set(`${r}:${c}`, m);
      }
    }
    this.colCount = cols;
  }

  /** The text stored in the cell itself; "" for a cell covered by a merge other than its top-left. */
  own(row: number, col: number): string {
    const m = this.mergeOf.get(`${row}:${col}`);
    if (m && (m.top !== row || m.left !== col)) return '';
    return this.sheet.rows[row - 1]?.[col - 1] ?? '';
  }

  merge(row: number, col: number): GridMerge | undefined {
    return this.mergeOf.get(`${row}:${col}`);
  }

  /**
   * The cell's text, taking a merge's text where the caller allows it: `down` lets a cell below
   * the top of a merge see its text, `across` (given the column of the merge's top-left) lets a
   * cell to the right of it see the text.
   */
  read(row: number, col: number, allow: { down: boolean; across: (masterCol: number) => boolean }): string {
    const m = this.mergeOf.get(`${row}:${col}`);
    if (!m) return this.sheet.rows[row - 1]?.[col - 1] ?? '';
    if (m.top !== row && !allow.down) return '';
    if (m.left !== col && !allow.across(m.left)) return '';
    return this.sheet.rows[m.top - 1]?.[m.left - 1] ?? '';
  }

  /** The cell's text or, inside a merge, the merge's text (for header rows). */
  shown(row: number, col: number): string {
    return this.read(row, col, { down: true, across: () => true });
  }

  isEmptyRow(row: number): boolean {
    for (let c = 1; c <= this.colCount; c++) if (this.own(row, c).trim()) return false;
    return true;
  }
}
