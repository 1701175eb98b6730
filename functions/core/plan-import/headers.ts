/**
 * Finds the plan table in a sheet: the header row (one or two lines, with merged cells) below the
 * title rows, and what each column holds. Header names differ between agencies, so they are
 * matched accent-insensitively on key words rather than exact labels.
 * flow: plan-import --> headers --> sheet-reader (pure)
 */
import { foldKey } from '../text.ts';
import type { SheetReader } from './sheet-reader.ts';

export type ColumnRole =
  | 'tt'
  | 'content'
  | 'solution'
  | 'time'
  | 'start'
  | 'finish'
  | 'product'
  | 'leader'
  | 'leadUnit'
  | 'coordinating'
  | 'executor'
  | 'chuTri'
  | 'note';

/** Vietnamese names of the roles, for messages. */
export const ROLE_LABELS: Record<ColumnRole, string> = {
  tt: 'TT',
  content: 'Nội dung',
  solution: 'Giải pháp thực hiện',
  time: 'Thời gian',
  start: 'Bắt đầu',
  finish: 'Hoàn thành',
  product: 'Sản phẩm',
  leader: 'Lãnh đạo trực tiếp chỉ đạo',
  leadUnit: 'Đơn vị chủ trì',
  coordinating: 'Đơn vị phối hợp',
  executor: 'Người/đơn vị thực hiện',
  chuTri: 'Chủ trì',
  note: 'Ghi chú',
};

export const COLUMN_ROLES = Object.keys(ROLE_LABELS) as ColumnRole[];

/**
 * Order matters: "Thời gian hoàn thành" is a finish column, not a general time column; "Đơn vị
 * chủ trì thực hiện" names the lead unit, not the executor; "Giải pháp thực hiện" is not an
 * executor either.
 */
const RULES: ReadonlyArray<readonly [ColumnRole, (k: string) => boolean]> = [
  ['tt', (k) => /^(tt|s ?tt|so tt|so thu tu|thu tu)$/.test(k)],
  ['solution', (k) => k.includes('giai phap') || k.startsWith('cac buoc')],
  ['start', (k) => /\bbat dau\b/.test(k)],
  ['finish', (k) => /\b(hoan thanh|ket thuc)\b/.test(k) && !k.includes('san pham')],
  ['time', (k) => /^(thoi gian|thoi han|tien do)\b/.test(k)],
  ['leader', (k) => k.includes('lanh dao')],
  ['coordinating', (k) => k.includes('phoi hop')],
  ['leadUnit', (k) => /^(don vi|co quan|phong|bo phan) chu tri\b/.test(k)],
  ['chuTri', (k) => /^(nguoi )?chu tri\b/.test(k)],
  ['note', (k) => k.startsWith('ghi chu')],
  ['executor', (k) => /\bthuc hien\b/.test(k) && /\b(nguoi|don vi|can bo|bo phan|ca nhan)\b/.test(k)],
  ['product', (k) => k.includes('san pham') || k.startsWith('ket qua')],
  ['content', (k) => /^(noi dung|nhiem vu|ten nhiem vu|cong viec)\b/.test(k)],
];

/** The role a header label names, if any. Long texts are titles or data, never labels. */
export function classifyHeader(label: string): ColumnRole | undefined {
  const k = foldKey(label);
  if (!k || k.length > 60) return undefined;
  for (const [role, test] of RULES) if (test(k)) return role;
  return undefined;
}

export interface TableLayout {
  /** First header row (1-based). */
  headerRow: number;
  /** 1 or 2. */
  headerLines: number;
  firstDataRow: number;
  columns: Partial<Record<ColumnRole, number>>;
  /** Columns whose role another column already had (only the first is read). */
  duplicates: Array<{ role: ColumnRole; col: number }>;
}

export type LayoutSearch =
  | { found: true; layout: TableLayout }
  | { found: false /** The row that looked most like a header, and what it had. */; nearRow: number; roles: ColumnRole[] };

const SCAN_ROWS = 60;

/** A row that only numbers the columns: "(1) (2) (3) …", often printed under the header. */
function isNumberingRow(reader: SheetReader, row: number): boolean {
  const values: number[] = [];
  for (let c = 1; c <= reader.colCount; c++) {
    const t = reader.own(row, c).trim();
    if (!t) continue;
    const m = /^\(?(\d{1,2})\)?$/.exec(t);
    if (!m) return false;
    values.push(Number(m[1]));
  }
  return values.length >= 3 && values[0] === 1 && values.every((v, i) => i === 0 || v > values[i - 1]!);
}

/** Whether the row under a header row continues it ("Bắt đầu (tháng)" under "Thời gian thực hiện"). */
function isSubHeader(reader: SheetReader, row: number): boolean {
  if (row > reader.rowCount) return false;
  let labels = 0;
  for (let c = 1; c <= reader.colCount; c++) {
    const t = reader.own(row, c);
    if (!t.trim()) continue;
    if (!classifyHeader(t)) return false;
    labels++;
  }
  return labels > 0;
}

export function detectLayout(reader: SheetReader): LayoutSearch {
  let near = { row: 0, roles: [] as ColumnRole[] };
  const last = Math.min(reader.rowCount, SCAN_ROWS);
  for (let r = 1; r <= last; r++) {
    const top: ColumnRole[] = [];
    for (let c = 1; c <= reader.colCount; c++) {
      const role = classifyHeader(reader.shown(r, c));
      if (role && !top.includes(role)) top.push(role);
    }
    if (top.length > near.roles.length) near = { row: r, roles: top };
    // The TT label sits on the first header line (merged down when there are two).
    if (!top.includes('tt')) continue;
    const sub = isSubHeader(reader, r + 1);
    const columns: Partial<Record<ColumnRole, number>> = {};
    const duplicates: TableLayout['duplicates'] = [];
    for (let c = 1; c <= reader.colCount; c++) {
      const below = sub ? classifyHeader(reader.own(r + 1, c)) : undefined;
      const role = below ?? classifyHeader(reader.shown(r, c));
      if (!role) continue;
      if (columns[role] === undefined) columns[role] = c;
      else if (reader.merge(r, c)?.left !== columns[role] || below) duplicates.push({ role, col: c });
    }
    if (columns.content !== undefined) {
      let firstDataRow = r + (sub ? 2 : 1);
      while (firstDataRow <= reader.rowCount && isNumberingRow(reader, firstDataRow)) firstDataRow++;
      return { found: true, layout: { headerRow: r, headerLines: sub ? 2 : 1, firstDataRow, columns, duplicates } };
    }
  }
  return { found: false, nearRow: near.row, roles: near.roles };
}
