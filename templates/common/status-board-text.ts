/**
 * The status board's words that the page and its .xlsx both print: a unit's times, and the notes
 * under the table saying when the data was read, the deadline and the day overdue tasks are judged
 * on. One wording, so the download never says something the page does not.
 * flow: status view + status sheet --> status-board text --> web format
 *
 * Why the notes name three moments: a past month's board is read long after its deadline, and
 * its rows carry revisions made since. A single "as of <deadline>" line would then sit above rows
 * dated after it; the moment of reading bounds every row, the deadline says what on time means,
 * and the overdue day says where the last column's verdict stops.
 */
import { localParts } from '../../functions/core/clock.ts';
import type { BoardRow, StatusBoard } from '../../functions/core/status-board.ts';
import { DEFAULT_TIME_ZONE, formatDate, formatDateTime, monthLabel } from '../web/format.ts';

/** "UTC+7" for the zone at that instant (a zone's offset may change with the date). */
export function utcOffsetLabel(timeZone: string, at: Date): string {
  const p = localParts(at, timeZone);
  const minutes = Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - at.getTime()) / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const h = Math.floor(Math.abs(minutes) / 60);
  const m = Math.abs(minutes) % 60;
  return `UTC${sign}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}

/** "giờ Việt Nam, UTC+7", or the zone's IANA name for an agency elsewhere. */
export function zoneText(timeZone: string, at: Date): string {
  const name = timeZone === DEFAULT_TIME_ZONE ? 'giờ Việt Nam' : `giờ ${timeZone}`;
  return `${name}, ${utcOffsetLabel(timeZone, at)}`;
}

function boardZone(b: StatusBoard): string {
  return b.timeZone || DEFAULT_TIME_ZONE;
}

/** The instant the row counts for the period ("17/05/2024 09:00"), or '' when the unit has not submitted. */
export function submittedText(r: BoardRow, timeZone: string): string {
  return r.submittedAt ? formatDateTime(r.submittedAt, timeZone) : '';
}

/** Said before a later revision's time: the revision never passes for the submission that counts. */
export const REVISED_LABEL = 'sửa lần cuối';

/** "(phiên bản 3)" after a later revision's time. */
export function revisionNote(r: BoardRow): string {
  return `(phiên bản ${r.revision})`;
}

/** "sửa lần cuối 02/12/2026 10:00 (phiên bản 3)" when the unit revised after the submission that counts. */
export function revisedText(r: BoardRow, timeZone: string): string {
  return r.lastRevisedAt ? `${REVISED_LABEL} ${formatDateTime(r.lastRevisedAt, timeZone)} ${revisionNote(r)}` : '';
}

/** "Số liệu đọc lúc 10:00 ngày 02/12/2026; các thời điểm ghi theo giờ Việt Nam, UTC+7." */
export function readLine(b: StatusBoard): string {
  const zone = boardZone(b);
  const at = new Date(b.readAt);
  const [day, time] = formatDateTime(b.readAt, zone).split(' ');
  return `Số liệu đọc lúc ${time} ngày ${day}; các thời điểm ghi theo ${zoneText(zone, at)}.`;
}

/** What on time means, which sending the "Thời điểm gửi" column shows, and the day overdue tasks are judged on. */
export function deadlineLine(b: StatusBoard): string {
  const deadline = formatDate(b.deadline);
  const judged = b.asOf === b.deadline ? `ngày ${deadline} (hạn nộp)` : `ngày ${formatDate(b.asOf)} (hôm nay)`;
  return (
    `Hạn nộp báo cáo ${monthLabel(b.period)}: hết ngày ${deadline}${b.deadlinePassed ? ' (đã qua hạn)' : ''}. ` +
    'Thời điểm gửi là lần gửi được tính cho kỳ (lần đầu, quyết định đúng hạn hay muộn), như trong báo cáo tổng hợp; ' +
    `lần sửa sau đó ghi riêng. Nhiệm vụ quá hạn xét đến ${judged}.`
  );
}
