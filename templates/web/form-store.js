// Keeps what a unit types in this browser's localStorage, per unit and period, so that a closed
// tab, an expired session or a dropped connection never loses work; also remembers a submit
// attempt's Idempotency-Key so that a retry after a reload cannot create a second revision.
// flow: form.js --> form-store.js --> localStorage

const PREFIX = 'baocao:form:v1';

function key(unit, period) {
  return `${PREFIX}:${unit}:${period}`;
}

function read(unit, period) {
  try {
    const raw = localStorage.getItem(key(unit, period));
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

function write(unit, period, value) {
  try {
    localStorage.setItem(key(unit, period), JSON.stringify(value));
    return true;
  } catch {
    // Private mode or a full quota: the form still works, only without the local copy.
    return false;
  }
}

/** The local copy: { savedAt, data, baseRevision, attempt? } or null. */
export function loadLocal(unit, period) {
  const v = read(unit, period);
  return v && v.data && typeof v.savedAt === 'string' ? v : null;
}

export function saveLocal(unit, period, data, baseRevision) {
  const prev = read(unit, period);
  return write(unit, period, { ...(prev || {}), savedAt: new Date().toISOString(), data, baseRevision });
}

export function clearLocal(unit, period) {
  try {
    localStorage.removeItem(key(unit, period));
  } catch {
    /* nothing to clear */
  }
}

/** The pending submit attempt { key, body } when its answer never arrived. */
export function loadAttempt(unit, period) {
  return read(unit, period)?.attempt ?? null;
}

export function saveAttempt(unit, period, attempt) {
  const prev = read(unit, period);
  if (prev) write(unit, period, { ...prev, attempt });
  else write(unit, period, { savedAt: new Date(0).toISOString(), data: null, attempt });
}

export function clearAttempt(unit, period) {
  const prev = read(unit, period);
  if (!prev) return;
  delete prev.attempt;
  write(unit, period, prev);
}
