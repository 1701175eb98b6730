/**
 * A workbook reduced to what the plan importer reads: each sheet's cell texts and merged ranges.
 * flow: adapters/xlsx-grid (or a test) --> Grid --> plan-import (pure)
 *
 * Merged ranges are kept apart from the texts (only the top-left cell holds the text) because a
 * merge means different things per column: a leader merged over several tasks applies to each of
 * them, while a TT merged over a task's milestone rows must not start a new task on every row.
 */

/** A merged range, 1-based and inclusive, as Excel numbers rows and columns. */
export interface GridMerge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface GridSheet {
  name: string;
  /** rows[r - 1][c - 1] is the text of Excel row r, column c ("" when empty or covered by a merge). */
  rows: string[][];
  merges: GridMerge[];
}

export interface Grid {
  sheets: GridSheet[];
}

/** Excel column letters for a 1-based column number: 1 → "A", 27 → "AA". */
export function columnLetter(col: number): string {
  let n = col;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** 1-based column number of Excel letters: "A" → 1, "AA" → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Parses an A1-style range ("C8:D8", or a single cell "C8") into a merge. */
export function parseA1Range(range: string): GridMerge | undefined {
  const m = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/.exec(range.trim());
  if (!m) return undefined;
  const c1 = columnNumber(m[1]!);
  const r1 = Number(m[2]);
  const c2 = m[3] ? columnNumber(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}
