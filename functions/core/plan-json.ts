/**
 * The project's own JSON plan format (a Plan without agencyId; units by code; leaders by id),
 * validated with zod, and its writer.
 * flow: use case (CLI import-plan file.json) --> importPlanFromJson (pure) --> Plan
 *
 * Units the profile lacks may be declared in `units` (they come back as newUnits); a task whose
 * leadUnit is neither in the profile nor declared is a problem, since in this format a code is
 * never guessed. An unknown leader id is a warning and the task keeps no directingLeader, the
 * same rule as for spreadsheets.
 */
// A namespace import lets esbuild drop the parts of zod (locales above all) that are not used.
import * as z from 'zod';
import { daysInMonth } from './clock.ts';
import type { ImportProblem, NewUnit, PlanImportOptions, PlanImportResult } from './plan-import/types.ts';
import { timeKey } from './plan-import/plan-time.ts';
import type { PlanDocument } from './plan-document.ts';
import { TASK_CATEGORIES, taskIdFromPath, type Plan, type PlanTask, type PlanTime } from './plan.ts';
import { nfcDeep } from './text.ts';

export const PLAN_JSON_FORMAT = 'baocao.plan/1';

const text = z.string().trim().min(1);

const validDate = (s: string): boolean => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
};

const planTimeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('month'), year: z.number().int().min(1900).max(2200), month: z.number().int().min(1).max(12) }),
  z.strictObject({ kind: z.literal('date'), date: z.string().refine(validDate, { message: 'YYYY-MM-DD' }) }),
  z.strictObject({ kind: z.literal('text'), text }),
]);

const productSchema = z.strictObject({
  text,
  quantity: z.number().nonnegative().optional(),
  measure: text.optional(),
});

const milestoneSchema = z.strictObject({
  text,
  start: planTimeSchema.optional(),
  finish: planTimeSchema.optional(),
  product: productSchema.optional(),
  executor: text.optional(),
});

const taskSchema = z.strictObject({
  /** Defaults to the numbering path ("I-1", "II-2-1"). */
  id: z
    .string()
    .regex(/^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/, { message: 'A-Z, 0-9, "-"' })
    .optional(),
  number: text,
  group: z.strictObject({ numeral: z.string().trim(), title: z.string().trim() }),
  parents: z.array(text).optional(),
  category: z.enum(TASK_CATEGORIES),
  content: text,
  leadUnit: text,
  coordinatingUnits: z.array(text).default([]),
  directingLeader: text.optional(),
  personInCharge: text.optional(),
  start: planTimeSchema.optional(),
  finish: planTimeSchema.optional(),
  product: productSchema.optional(),
  milestones: z.array(milestoneSchema).default([]),
  sourceDocument: text.optional(),
});

export const planJsonSchema = z.strictObject({
  format: z.literal(PLAN_JSON_FORMAT).optional(),
  year: z.number().int().min(1900).max(2200),
  title: text.optional(),
  sourceDocument: text.optional(),
  /** The plan's own number, date and title, when known (see core/plan-document.ts). */
  document: z
    .strictObject({
      kind: text,
      number: z
        .string()
        .regex(/^\d{1,5}\/[\p{L}\d]+(-[\p{L}\d]+)*$/u, { message: 'số/ký hiệu, ví dụ 15/KH-KHCN' })
        .optional(),
      date: z.iso.date().optional(),
      title: text.optional(),
      issuer: text.optional(),
    })
    .optional(),
  /** Units the plan uses that the agency profile does not have yet. */
  units: z.array(z.strictObject({ code: z.string().regex(/^[A-Za-z0-9]+$/, { message: 'A-Z, 0-9' }), name: text })).optional(),
  tasks: z.array(taskSchema),
});

/** The JSON as written (defaults may be left out). */
export type PlanJson = z.input<typeof planJsonSchema>;

/** "tasks[3].start.month" */
function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out;
}

/** The value at an issue's path in the input (zod does not keep it unless asked). */
function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v = input;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

function issueVi(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return valueAt(input, issue.path) === undefined ? 'Thiếu trường bắt buộc' : `Sai kiểu dữ liệu (cần ${issue.expected})`;
    case 'too_small':
      return issue.origin === 'string' ? 'Không được để trống' : `Giá trị quá nhỏ (tối thiểu ${String(issue.minimum)})`;
    case 'too_big':
      return `Giá trị quá lớn (tối đa ${String(issue.maximum)})`;
    case 'invalid_value':
      return `Giá trị không hợp lệ (chỉ nhận: ${issue.values.map((v) => JSON.stringify(v)).join(', ')})`;
    case 'unrecognized_keys':
      return `Trường không có trong định dạng: ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return 'Giá trị không đúng dạng nào được nhận (kind phải là "month", "date" hoặc "text")';
    case 'invalid_format':
      return `Sai định dạng (${issue.format})`;
    default:
      return `Giá trị không hợp lệ (${issue.message})`;
  }
}

function planTimeKeyOk(start: PlanTime | undefined, finish: PlanTime | undefined): boolean {
  const s = timeKey(start, 'start');
  const f = timeKey(finish, 'finish');
  return s === undefined || f === undefined || s <= f;
}

export function importPlanFromJson(json: unknown, opts: PlanImportOptions): PlanImportResult {
  const problems: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const at = (path: string, reason: string, reasonEn: string): ImportProblem => ({ sheet: 'json', row: 0, column: path, reason, reasonEn });
  const empty = (): Plan => ({ agencyId: opts.agencyId, year: opts.year, tasks: [] });

  const input = nfcDeep(json);
  const parsed = planJsonSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(at(jsonPath(issue.path), issueVi(issue, input), issue.message));
    return { plan: empty(), problems, newUnits: [], warnings };
  }
  const data = parsed.data;
  if (data.year !== opts.year) {
    problems.push(
      at('year', `Kế hoạch năm ${data.year}, nhưng lệnh nhập cho năm ${opts.year}`, `The plan is for ${data.year}, the import is for ${opts.year}`),
    );
  }

  const known = new Set(opts.profile.units.map((u) => u.code));
  const newUnits: NewUnit[] = [];
  (data.units ?? []).forEach((u, i) => {
    if (known.has(u.code)) return;
    if (newUnits.some((n) => n.code === u.code)) {
      problems.push(at(`units[${i}].code`, `Mã đơn vị "${u.code}" khai báo hai lần`, `Unit code "${u.code}" is declared twice`));
      return;
    }
    newUnits.push({ code: u.code, name: u.name });
  });
  const unitCodes = new Set([...known, ...newUnits.map((u) => u.code)]);
  const leaderIds = new Set(opts.profile.leaders.map((l) => l.id));

  const ids = new Set<string>();
  const tasks: PlanTask[] = [];
  data.tasks.forEach((t, i) => {
    const path = `tasks[${i}]`;
    const id = t.id ?? taskIdFromPath([t.group.numeral, ...t.number.split('.')]);
    if (ids.has(id)) problems.push(at(`${path}.id`, `Mã nhiệm vụ "${id}" bị trùng`, `Task id "${id}" is repeated`));
    ids.add(id);
    if (!unitCodes.has(t.leadUnit)) {
      problems.push(
        at(
          `${path}.leadUnit`,
          `Đơn vị "${t.leadUnit}" không có trong hồ sơ cơ quan và không được khai báo trong "units"`,
          `Unit "${t.leadUnit}" is neither in the agency profile nor declared in "units"`,
        ),
      );
    }
    if (!planTimeKeyOk(t.start, t.finish)) {
      problems.push(at(`${path}.finish`, 'Thời gian hoàn thành trước thời gian bắt đầu', 'Finish is before start'));
    }
    t.milestones.forEach((m, j) => {
      if (!planTimeKeyOk(m.start, m.finish)) {
        problems.push(at(`${path}.milestones[${j}].finish`, 'Thời gian hoàn thành trước thời gian bắt đầu', 'Finish is before start'));
      }
    });
    const task: PlanTask = {
      id,
      number: t.number,
      group: t.group,
      category: t.category,
      content: t.content,
      leadUnit: t.leadUnit,
      coordinatingUnits: t.coordinatingUnits,
      milestones: t.milestones,
      order: i + 1,
    };
    if (t.parents && t.parents.length > 0) task.parents = t.parents;
    if (t.directingLeader) {
      if (leaderIds.has(t.directingLeader)) task.directingLeader = t.directingLeader;
      else {
        warnings.push(
          at(
            `${path}.directingLeader`,
            `Không có lãnh đạo mã "${t.directingLeader}" trong hồ sơ cơ quan; nhiệm vụ để trống lãnh đạo chỉ đạo`,
            `No leader with id "${t.directingLeader}" in the agency profile; the task is left without a directing leader`,
          ),
        );
      }
    }
    if (t.personInCharge) task.personInCharge = t.personInCharge;
    if (t.start) task.start = t.start;
    if (t.finish) task.finish = t.finish;
    if (t.product) task.product = t.product;
    if (t.sourceDocument) task.sourceDocument = t.sourceDocument;
    tasks.push(task);
    opts.onProgress?.(i + 1, data.tasks.length);
  });
  if (data.tasks.length === 0) {
    problems.push(at('tasks', 'Kế hoạch không có nhiệm vụ nào', 'The plan has no tasks'));
    opts.onProgress?.(0, 0);
  }

  const plan: Plan = {
    agencyId: opts.agencyId,
    year: data.year,
    ...(data.title ? { title: data.title } : {}),
    ...(data.sourceDocument ? { sourceDocument: data.sourceDocument } : {}),
    ...(data.document ? { document: JSON.parse(JSON.stringify(data.document)) as PlanDocument } : {}),
    tasks: problems.length > 0 ? [] : tasks,
  };
  return { plan, problems, newUnits, warnings };
}

/** The plan in the JSON format, with the units it uses that the profile lacks. */
export function planToJson(plan: Plan, units: readonly NewUnit[] = []): PlanJson {
  const out: PlanJson = { format: PLAN_JSON_FORMAT, year: plan.year, tasks: [] };
  if (plan.title) out.title = plan.title;
  if (plan.sourceDocument) out.sourceDocument = plan.sourceDocument;
  if (plan.document) out.document = { ...plan.document };
  if (units.length > 0) out.units = units.map((u) => ({ code: u.code, name: u.name }));
  out.tasks = [...plan.tasks].sort((a, b) => a.order - b.order).map(({ order: _order, ...t }) => structuredClone(t));
  return out;
}
