/**
 * Status counts of the task rows: totals, and breakdowns by unit, directing leader and category
 * whose rows each add up to the totals; and the Roman-numeral groups of the appendix.
 * flow: build-report-model --> counts (pure)
 */
import type { AgencyProfile } from '../agency.ts';
import { CATEGORY_LABELS, TASK_CATEGORIES } from '../plan.ts';
import { emptyCounts, groupKey, type CountRow, type StatusCounts, type TaskGroupRows, type TaskRow } from '../report-model.ts';
import { nfc } from '../text.ts';
import type { BuiltRow } from './task-rows.ts';

/** Label of the leader bucket for tasks whose plan names no directing leader. */
export const NO_LEADER_LABEL = 'Chưa xác định';
/** Key of that bucket (no leader id is empty). */
export const NO_LEADER_KEY = '';

export function countRows(rows: readonly TaskRow[]): StatusCounts {
  const c = emptyCounts();
  for (const r of rows) {
    c[r.status] += 1;
    c.total += 1;
  }
  return c;
}

/** Groups rows by key, keeping keys in the given order first, then any others in order of appearance. */
function breakdown(rows: readonly TaskRow[], keyOf: (r: TaskRow) => string, order: readonly string[], labelOf: (key: string) => string): CountRow[] {
  const buckets = new Map<string, TaskRow[]>();
  for (const r of rows) {
    const k = keyOf(r);
    const list = buckets.get(k);
    if (list) list.push(r);
    else buckets.set(k, [r]);
  }
  const keys = [...order.filter((k) => buckets.has(k)), ...[...buckets.keys()].filter((k) => !order.includes(k))];
  return keys.map((key) => ({ key, label: labelOf(key), counts: countRows(buckets.get(key)!) }));
}

/** By lead unit, in the profile's unit order (units with no task are left out). */
export function countByUnit(rows: readonly TaskRow[], profile: AgencyProfile): CountRow[] {
  const names = new Map(rows.map((r) => [r.leadUnit.code, r.leadUnit.name]));
  return breakdown(
    rows,
    (r) => r.leadUnit.code,
    profile.units.map((u) => u.code),
    (k) => names.get(k) ?? k,
  );
}

/** By directing leader, in the profile's leader order; tasks without one last, under "Chưa xác định". */
export function countByLeader(rows: readonly TaskRow[], profile: AgencyProfile): CountRow[] {
  const names = new Map(rows.map((r) => [r.directingLeader?.id ?? NO_LEADER_KEY, r.directingLeader?.name ?? NO_LEADER_LABEL]));
  const out = breakdown(
    rows,
    (r) => r.directingLeader?.id ?? NO_LEADER_KEY,
    profile.leaders.map((l) => l.id),
    (k) => (k === NO_LEADER_KEY ? NO_LEADER_LABEL : (names.get(k) ?? k)),
  );
  // The unknown bucket reads best at the end of the table, whatever order the rows came in.
  return [...out.filter((r) => r.key !== NO_LEADER_KEY), ...out.filter((r) => r.key === NO_LEADER_KEY)];
}

/** By category: trọng tâm UBND first, then chấp thuận, kế hoạch, thường xuyên, đột xuất. */
export function countByCategory(rows: readonly TaskRow[]): CountRow[] {
  return breakdown(
    rows,
    (r) => r.category,
    TASK_CATEGORIES,
    (k) => CATEGORY_LABELS[k as keyof typeof CATEGORY_LABELS] ?? k,
  );
}

/** Roman-numeral groups as in the plan, in order of their first task; rows in plan order. */
export function groupRows(built: readonly BuiltRow[]): TaskGroupRows[] {
  const groups = new Map<string, TaskGroupRows>();
  for (const { row, task } of built) {
    const key = groupKey(task.group);
    let g = groups.get(key);
    if (!g) {
      g = { numeral: nfc(task.group.numeral), title: nfc(task.group.title), rows: [] };
      groups.set(key, g);
    }
    g.rows.push(row);
  }
  return [...groups.values()];
}
