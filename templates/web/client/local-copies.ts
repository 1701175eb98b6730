/**
 * The form's copies in this browser's localStorage (form-store.ts writes them), as every page's
 * sign-out sees them: what is there, and removing it all. A module of its own so that the pages
 * other than the form carry only this, not the form's store.
 * flow: dom (sign-out) / form store --> local copies --> localStorage
 */

/** Keys are `${PREFIX}:${unit}:${period}`. */
export const PREFIX = 'baocao:form:v1';

export interface StoredCopy {
  key: string;
  /** "QLKH tháng 09/2024". */
  label: string;
  /** A submit whose answer never came. */
  unsent: boolean;
  /** Typing not saved to the server. */
  unsaved: boolean;
}

/** What this browser keeps of the form, every unit and period. */
export function storedCopies(): StoredCopy[] {
  const out: StoredCopy[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key?.startsWith(`${PREFIX}:`)) continue;
      const [unit, period = ''] = key.slice(PREFIX.length + 1).split(':');
      let v: { data?: unknown; attempt?: unknown } | null = null;
      try {
        v = JSON.parse(localStorage.getItem(key) || 'null');
      } catch {
        /* unreadable: removed with the rest */
      }
      out.push({ key, label: `${unit} tháng ${period.slice(5)}/${period.slice(0, 4)}`, unsent: Boolean(v?.attempt), unsaved: Boolean(v?.data) });
    }
  } catch {
    /* no storage: nothing kept */
  }
  return out;
}

/** Removes every local copy of the form from this browser (signing out on a shared computer). */
export function clearStoredCopies(): void {
  try {
    for (const c of storedCopies()) localStorage.removeItem(c.key);
  } catch {
    /* nothing to clear */
  }
}
