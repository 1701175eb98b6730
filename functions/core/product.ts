/**
 * A task's product target in parts, and what a unit reached against each part. Plans give targets
 * such as "20 nhiệm vụ; 05 hội nghị" (a task's own product, or its steps' products joined by ";"):
 * each part is a quantity and its measure, or a text without a number ("Báo cáo tổng hợp"). A unit
 * reports one number per part (null: not reported); submissions stored before the parts held one
 * number, read as a list of one (`reachedList`). Every place that prints what was reached — the
 * form's receipt and email, the history, the narrative and both appendices — uses `reachedText`.
 * flow: submission schema / report model / receipt / revision diff / form --> product (pure)
 */
import type { PlanTask } from './plan.ts';
import type { SubmissionData } from './submission.ts';
import { parseProduct } from './plan-import/product.ts';

/** One part of a target: "05 hội nghị" → quantity 5, measure "hội nghị", written with 2 digits. */
export interface ProductPart {
  text: string;
  quantity?: number;
  measure?: string;
  /** The number as the plan wrote it ("05", "1.000"), when the part has one. */
  quantityText?: string;
}

/** What a unit reached, one entry per part of the target; null: that part not reported. */
export type ProductReached = (number | null)[];

/** At most this many values in one task's list (targets of the seeds have 1–4 parts). */
export const MAX_PRODUCT_PARTS = 20;
/** The largest number a part takes. */
export const MAX_PRODUCT_VALUE = 1e9;

/** The target as the form and the plan show it: the task's product, else its steps' products joined by "; ". */
export function productTargetText(task: Pick<PlanTask, 'product' | 'milestones'>): string {
  if (task.product?.text) return task.product.text;
  return (task.milestones ?? [])
    .map((m) => m.product?.text)
    .filter((x): x is string => Boolean(x))
    .join('; ');
}

/** "20 nhiệm vụ; 05 hội nghị" → two parts; an empty target → no parts. */
export function productParts(target: string | undefined): ProductPart[] {
  return (target ?? '')
    .split(';')
    .map((s) => parseProduct(s))
    .filter((p): p is NonNullable<typeof p> => p !== undefined)
    .map((p) => {
      if (p.quantity === undefined) return { text: p.text };
      return { text: p.text, quantity: p.quantity, measure: p.measure!, quantityText: p.text.slice(0, p.text.length - p.measure!.length).trim() };
    });
}

/** The parts of a task's target (see productTargetText). */
export function taskProductParts(task: Pick<PlanTask, 'product' | 'milestones'>): ProductPart[] {
  return productParts(productTargetText(task));
}

/**
 * The stored or sent value as a list: an old single number is a list of one; entries that are not
 * numbers are null; a list with no number at all is nothing reported (undefined).
 */
export function reachedList(value: unknown): ProductReached | undefined {
  const list = typeof value === 'number' ? [value] : Array.isArray(value) ? value : [];
  const out: ProductReached = list.map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : null));
  while (out.length && out[out.length - 1] === null) out.pop();
  return out.length ? out : undefined;
}

/**
 * A stored content with every task's product as a list: revisions, heads and drafts written before
 * the parts hold one number (docs/decisions.md). Stores call this on what they read, so every
 * reader sees one shape; content already in the new shape comes back unchanged.
 */
export function withReachedLists<T extends SubmissionData | undefined>(data: T): T {
  if (!data?.tasks?.some((t) => t.productReached !== undefined && !Array.isArray(t.productReached))) return data;
  return {
    ...data,
    tasks: data.tasks.map((t) => {
      if (t.productReached === undefined || Array.isArray(t.productReached)) return t;
      const { productReached, ...rest } = t;
      const list = reachedList(productReached);
      return list ? { ...rest, productReached: list } : rest;
    }),
  };
}

/**
 * How a part is named to the person typing and in messages: its measure ("hội nghị"), else its
 * text; two parts with the same name get their place ("nhiệm vụ (phần 3)"). No target: "".
 */
export function partLabel(parts: readonly ProductPart[], i: number): string {
  const p = parts[i];
  if (!p) return parts.length > 1 ? `phần ${i + 1}` : '';
  const name = (x: ProductPart) => x.measure ?? x.text;
  const twin = parts.some((x, j) => j !== i && name(x) === name(p));
  return twin ? `${name(p)} (phần ${i + 1})` : name(p);
}

/** "Sản phẩm đạt được (hội nghị) phải là số không âm." — the form and the API say the same. */
export function productNegativeMessage(label: string): string {
  return label ? `Sản phẩm đạt được (${label}) phải là số không âm.` : 'Sản phẩm đạt được phải là số không âm.';
}

/** Digits the plan padded to ("05" → 2), 0 when it did not pad. */
function padOf(p: ProductPart | undefined): number {
  const q = p?.quantityText;
  return q && /^0\d+$/.test(q) ? q.length : 0;
}

/** A reached number in the plan's style: zero-padded where the target was ("03"), thousands with dots, decimals with a comma. */
export function reachedNumber(n: number, part?: ProductPart): string {
  if (!Number.isInteger(n)) return String(n).replace('.', ',');
  const s = n >= 1000 ? String(n).replace(/\B(?=(\d{3})+$)/g, '.') : String(n);
  // Nothing reached is "0", not "00".
  return n === 0 ? s : s.padStart(padOf(part), '0');
}

/**
 * What was reached, part by part, against the target: "20 nhiệm vụ; 05 hội nghị". With `against`,
 * each with its target: "18/20 nhiệm vụ; 03/05 hội nghị". A part without a number is named
 * ("Báo cáo tổng hợp: 1"); values past the target's parts, or without a target, are the bare
 * number. Parts not reported are left out; nothing reported → undefined.
 */
export function reachedText(parts: readonly ProductPart[], reached: unknown, opts: { against?: boolean } = {}): string | undefined {
  const list = reachedList(reached);
  if (!list) return undefined;
  const out: string[] = [];
  list.forEach((n, i) => {
    if (n === null) return;
    const p = parts[i];
    const num = reachedNumber(n, p);
    if (!p) out.push(num);
    else if (p.measure === undefined) out.push(`${p.text}: ${num}`);
    else out.push(opts.against ? `${num}/${p.quantityText} ${p.measure}` : `${num} ${p.measure}`);
  });
  return out.join('; ');
}

/** The word before reachedText in the reports and the receipt: "Đã đạt: 20 nhiệm vụ; 05 hội nghị". */
export const REACHED_LABEL = 'Đã đạt';
