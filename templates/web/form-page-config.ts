/**
 * What the form page's HTML tells its script, on the #app element's data-* attributes: the one
 * definition the server's view writes and the browser's script reads.
 * flow: form view (server), form page script (browser) --> form page config
 */

export interface FormPageConfig {
  /** YYYY-MM, already validated. */
  period: string;
  /** Unit the form is for; '' when Văn phòng has not picked one yet. */
  unit: string;
  canWrite: boolean;
  /** Văn phòng or lãnh đạo has to pick a unit first. */
  needsUnit: boolean;
  /** Why the form is read-only, for lãnh đạo. */
  readOnlyReason: string;
}

/** The attributes, by name (data-period …), as the server writes them. */
export function formPageAttributes(c: FormPageConfig): Record<string, string> {
  return {
    'data-period': c.period,
    'data-unit': c.unit,
    'data-can-write': c.canWrite ? 'true' : 'false',
    'data-needs-unit': c.needsUnit ? 'true' : 'false',
    'data-read-only-reason': c.readOnlyReason,
  };
}

/** The same, read back from the element's dataset in the browser. */
export function readFormPageConfig(d: Record<string, string | undefined>): FormPageConfig {
  return {
    period: d.period || '',
    unit: d.unit || '',
    canWrite: d.canWrite === 'true',
    needsUnit: d.needsUnit === 'true',
    readOnlyReason: d.readOnlyReason || '',
  };
}
