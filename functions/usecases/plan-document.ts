/**
 * Sets the plan's own document — kind, number, date, title — when the imported file did not carry
 * them (a draft appendix: "Kế hoạch số /KH-KHCN"), so every report cites it in its opening sentence.
 * The plan is stored again as a new version; its tasks do not change.
 * flow: CLI --> plan document --> PlanStore port
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../core/canonical-json.ts';
import type { PlanDocument } from '../core/plan-document.ts';
import { planDocumentOf } from '../core/plan-document.ts';
import { UseCaseError } from './errors.ts';
import type { PlanMeta, PlanStore } from './ports.ts';

export interface SetPlanDocumentInput {
  agencyId: string;
  year: number;
  document: Partial<PlanDocument>;
  by: string;
  now: Date;
}

/** "15/KH-KHCN": number, a slash, the type and issuer symbol. */
/**
 * "15/KH-KHCN", "194/CTr-SKHCN", "184/QĐ-UBND": a number, then the type and issuer symbols. Letters
 * of either case: Nghị định 30's abbreviations include lower-case letters (CTr for Chương trình,
 * TTr for Tờ trình).
 */
export const DOCUMENT_NUMBER_PATTERN = /^\d{1,5}\/[\p{L}\d]+(-[\p{L}\d&]+)*$/u;

export function planHash(plan: object): string {
  return createHash('sha256').update(canonicalJson(plan)).digest('hex');
}

export async function setPlanDocument(
  stores: { plans: PlanStore },
  input: SetPlanDocumentInput,
): Promise<{ meta: PlanMeta; changed: boolean; document: PlanDocument }> {
  const plan = await stores.plans.getPlan(input.agencyId, input.year);
  if (!plan) throw new UseCaseError('not_found', 'no_plan', `Chưa có kế hoạch năm ${input.year}; hãy nhập kế hoạch trước (import-plan).`);
  const d = input.document;
  if (d.number !== undefined && !DOCUMENT_NUMBER_PATTERN.test(d.number)) {
    throw new UseCaseError('bad_request', 'invalid_number', `Số, ký hiệu "${d.number}" chưa đúng dạng "số/ký hiệu", ví dụ 15/KH-KHCN.`, [
      { field: 'number', message: 'Dạng 15/KH-KHCN.' },
    ]);
  }
  if (d.date !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(d.date) || new Date(`${d.date}T00:00:00Z`).toISOString().slice(0, 10) !== d.date)) {
    throw new UseCaseError('bad_request', 'invalid_date', `Ngày "${d.date}" không hợp lệ (dùng YYYY-MM-DD).`, [
      { field: 'date', message: 'Ngày không hợp lệ.' },
    ]);
  }
  const current = planDocumentOf(plan);
  const document: PlanDocument = { kind: d.kind ?? current?.kind ?? 'Kế hoạch' };
  for (const k of ['number', 'date', 'title', 'issuer'] as const) {
    const v = d[k] ?? current?.[k];
    if (v) document[k] = v.normalize('NFC').trim();
  }
  const next = { ...plan, document };
  const meta = await stores.plans.getPlanMeta(input.agencyId, input.year);
  const { meta: stored, changed } = await stores.plans.putPlan(next, {
    hash: planHash(next),
    importedAt: input.now.toISOString(),
    importedBy: input.by,
    source: meta?.source ?? 'plan-document',
  });
  return { meta: stored, changed, document };
}
