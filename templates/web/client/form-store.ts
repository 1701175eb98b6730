/**
 * Keeps what a unit types in this browser's localStorage, per unit and period, so that a closed
 * tab, an expired session or a dropped connection never loses work; also remembers a submit
 * attempt's Idempotency-Key so that a retry after a reload cannot create a second revision.
 * flow: form page script --> form store --> localStorage
 */
import type { FormData } from './form-check.ts';

import { PREFIX } from './local-copies.ts';

/** A submit whose answer never arrived: its key and body, to send again as they were. */
export interface Attempt {
  key: string;
  body: { period: string; unit: string; baseRevision: number; data: unknown };
}

/** The local copy. */
export interface LocalCopy {
  savedAt: string;
  data: FormData | null;
  baseRevision?: number;
  attempt?: Attempt;
}

function key(unit: string, period: string): string {
  return `${PREFIX}:${unit}:${period}`;
}

function read(unit: string, period: string): LocalCopy | null {
  try {
    const raw = localStorage.getItem(key(unit, period));
    return raw ? (JSON.parse(raw) as LocalCopy) : null;
  } catch {
    return null;
  }
}

function write(unit: string, period: string, value: LocalCopy): boolean {
  try {
    localStorage.setItem(key(unit, period), JSON.stringify(value));
    return true;
  } catch {
    // Private mode or a full quota: the form still works, only without the local copy.
    return false;
  }
}

/** The local copy with data, or null. */
export function loadLocal(unit: string, period: string): (LocalCopy & { data: FormData }) | null {
  const v = read(unit, period);
  return v?.data && typeof v.savedAt === 'string' ? (v as LocalCopy & { data: FormData }) : null;
}

export function saveLocal(unit: string, period: string, data: FormData, baseRevision: number): boolean {
  const prev = read(unit, period);
  return write(unit, period, { ...(prev || {}), savedAt: new Date().toISOString(), data, baseRevision });
}

export function clearLocal(unit: string, period: string): void {
  try {
    localStorage.removeItem(key(unit, period));
  } catch {
    /* nothing to clear */
  }
}

/** The pending submit attempt when its answer never arrived. */
export function loadAttempt(unit: string, period: string): Attempt | null {
  return read(unit, period)?.attempt ?? null;
}

export function saveAttempt(unit: string, period: string, attempt: Attempt): void {
  const prev = read(unit, period);
  if (prev) write(unit, period, { ...prev, attempt });
  else write(unit, period, { savedAt: new Date(0).toISOString(), data: null, attempt });
}

export function clearAttempt(unit: string, period: string): void {
  const prev = read(unit, period);
  if (!prev) return;
  delete prev.attempt;
  write(unit, period, prev);
}
