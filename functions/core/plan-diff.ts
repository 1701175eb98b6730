/**
 * What importing a plan would do to the stored one: tasks added, removed, and changed field by
 * field (old → new, as a person reads them), matched by task id (ids come from the numbering, so
 * re-importing the same table matches every task). The import preview shows it before anything is
 * written; the audit log keeps its counts.
 * flow: import-plan use case --> plan diff (pure)
 */
import { CATEGORY_LABELS, formatPlanTime, type Plan, type PlanTask } from './plan.ts';

export interface TaskRef {
  id: string;
  number: string;
  content: string;
  leadUnit: string;
}

export interface FieldChange {
  field: string;
  /** Vietnamese name of the field ("Thời hạn hoàn thành"). */
  label: string;
  before: string;
  after: string;
}

export interface PlanDiff {
  added: TaskRef[];
  changed: (TaskRef & { fields: FieldChange[] })[];
  /** Tasks of the stored plan the file no longer has; `amended` when they carry deadline amendments (dropped with them). */
  removed: (TaskRef & { amended?: boolean })[];
  unchanged: number;
  /** The plan's own title and source document. */
  plan: FieldChange[];
}

const ref = (t: PlanTask): TaskRef => ({ id: t.id, number: t.number, content: t.content, leadUnit: t.leadUnit });

/** The fields a person compares, each as printed. */
const FIELDS: { field: string; label: string; show: (t: PlanTask) => string }[] = [
  { field: 'number', label: 'Số thứ tự', show: (t) => t.number },
  { field: 'group', label: 'Mục', show: (t) => `${t.group.numeral}. ${t.group.title}` },
  { field: 'parents', label: 'Thuộc nhiệm vụ', show: (t) => (t.parents ?? []).join(' › ') },
  { field: 'category', label: 'Loại nhiệm vụ', show: (t) => CATEGORY_LABELS[t.category] },
  { field: 'content', label: 'Nội dung', show: (t) => t.content },
  { field: 'leadUnit', label: 'Đơn vị chủ trì', show: (t) => t.leadUnit },
  { field: 'coordinatingUnits', label: 'Đơn vị phối hợp', show: (t) => t.coordinatingUnits.join(', ') },
  { field: 'directingLeader', label: 'Lãnh đạo chỉ đạo', show: (t) => t.directingLeader ?? '' },
  { field: 'personInCharge', label: 'Người chủ trì', show: (t) => t.personInCharge ?? '' },
  { field: 'start', label: 'Thời gian bắt đầu', show: (t) => formatPlanTime(t.start) },
  { field: 'finish', label: 'Thời hạn hoàn thành', show: (t) => formatPlanTime(t.finish) },
  { field: 'product', label: 'Sản phẩm', show: (t) => t.product?.text ?? '' },
  {
    field: 'milestones',
    label: 'Giải pháp thực hiện',
    show: (t) => t.milestones.map((m) => [m.text, formatPlanTime(m.finish), m.executor].filter(Boolean).join(' — ')).join('; '),
  },
  { field: 'sourceDocument', label: 'Văn bản giao', show: (t) => t.sourceDocument ?? '' },
];

export function diffPlans(before: Plan | undefined, after: Plan): PlanDiff {
  const old = new Map((before?.tasks ?? []).map((t) => [t.id, t]));
  const seen = new Set<string>();
  const diff: PlanDiff = { added: [], changed: [], removed: [], unchanged: 0, plan: [] };
  for (const t of [...after.tasks].sort((a, b) => a.order - b.order)) {
    seen.add(t.id);
    const o = old.get(t.id);
    if (!o) {
      diff.added.push(ref(t));
      continue;
    }
    const fields = FIELDS.flatMap((f) => {
      const [b, a] = [f.show(o), f.show(t)];
      return b === a ? [] : [{ field: f.field, label: f.label, before: b, after: a }];
    });
    if (fields.length) diff.changed.push({ ...ref(t), fields });
    else diff.unchanged++;
  }
  for (const t of [...(before?.tasks ?? [])].sort((a, b) => a.order - b.order)) {
    if (!seen.has(t.id)) diff.removed.push(t.amendments?.length ? { ...ref(t), amended: true } : ref(t));
  }
  if (before) {
    for (const [field, label] of [
      ['title', 'Tên kế hoạch'],
      ['sourceDocument', 'Văn bản kế hoạch'],
    ] as const) {
      const [b, a] = [before[field] ?? '', after[field] ?? ''];
      if (b !== a) diff.plan.push({ field, label, before: b, after: a });
    }
  }
  return diff;
}

/** Whether the import changes any task or the plan's own fields. */
export function isEmptyDiff(d: PlanDiff): boolean {
  return d.added.length + d.changed.length + d.removed.length + d.plan.length === 0;
}

/**
 * The amendments of the stored plan carried onto the imported tasks of the same id: a decision
 * extending a deadline outlives a corrected plan file. Amendments of tasks the file drops go with
 * them (the plan's earlier versions keep them).
 */
export function carryAmendments(before: Plan | undefined, after: Plan): Plan {
  const old = new Map((before?.tasks ?? []).filter((t) => t.amendments?.length).map((t) => [t.id, t.amendments!]));
  if (old.size === 0) return after;
  return { ...after, tasks: after.tasks.map((t) => (old.has(t.id) ? { ...t, amendments: old.get(t.id)! } : t)) };
}
