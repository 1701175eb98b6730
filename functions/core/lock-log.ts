/**
 * A period's lock log as people read it: who locked or reopened the month, when, and why.
 * flow: history use case --> lock log (pure) --> history view
 */

/** Longest reason Văn phòng may give (characters). */
export const LOCK_REASON_MAX = 300;

/** One lock or reopening, newest first on the history page. */
export interface LockLine {
  at: string;
  locked: boolean;
  /** Who: a person's name, or the system ("Hệ thống: phát hành báo cáo"). */
  by: string;
  reason?: string;
}

/**
 * The name a lock-log entry shows for its author: a person from the agency's people by `sub`;
 * otherwise the system step that locked (issuing, delivering), said in words.
 */
export function lockAuthor(by: string, names: ReadonlyMap<string, string>): string {
  const person = names.get(by);
  if (person) return person;
  if (by.startsWith('schedule:') || by.startsWith('system:')) return 'Hệ thống (theo lịch)';
  if (by.startsWith('cli:')) return `Quản trị viên (${by.slice(4).split(':')[0]})`;
  if (by.startsWith('api:')) return names.get(by.slice(4).split(':')[0] ?? '') ?? 'Văn phòng (qua cổng)';
  return by;
}
