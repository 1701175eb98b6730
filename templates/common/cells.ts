/**
 * Cell texts the PDF appendix and the workbook share, so the two print the same thing.
 * flow: pdf/appendix, excel/appendix-sheet --> cells
 */
import type { TaskRow } from '../../functions/core/report-model.ts';

/**
 * Progress in percent: "60" or "60\n(+20)" against the previous report; for a longer period the
 * start and the end of the window, "20 → 60", when the start is known and differs.
 */
export function progressText(row: TaskRow): string {
  if (row.progress === undefined) return '';
  if (row.history && row.progressStart !== undefined && row.progressStart !== row.progress) return `${row.progressStart} → ${row.progress}`;
  if (!row.progressDelta || row.history) return String(row.progress);
  return `${row.progress}\n(${row.progressDelta > 0 ? '+' : ''}${row.progressDelta})`;
}

/** What a proposal is: addressed to UBND tỉnh, or asking the Sở's leaders to decide; undefined for a plain one. */
export function proposalNote(row: TaskRow): string | undefined {
  if (row.proposalTo === 'ubnd-tinh') return 'Kiến nghị UBND tỉnh';
  return row.needsDecision ? 'Xin ý kiến Lãnh đạo Sở' : undefined;
}

/** "Đề xuất (xin ý kiến Lãnh đạo Sở)", "Đề xuất (kiến nghị UBND tỉnh)", "Đề xuất". */
export function proposalLabel(row: TaskRow): string {
  const note = proposalNote(row);
  return note ? `Đề xuất (${note.charAt(0).toLocaleLowerCase('vi')}${note.slice(1)})` : 'Đề xuất';
}
