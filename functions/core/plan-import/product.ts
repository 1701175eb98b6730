/**
 * Reads an expected product: "03 doanh nghiệp được hỗ trợ" → quantity 3, measure "doanh nghiệp
 * được hỗ trợ"; text without a leading count ("Báo cáo tổng hợp") keeps only its text.
 * flow: plan-import rows --> product (pure)
 */
import type { Product } from '../plan.ts';
import { squash } from '../text.ts';

/**
 * Vietnamese writes thousands with dots ("1.000 lượt") and decimals with a comma ("2,5 tỷ").
 * A count followed by "%" is a rate, not a quantity of something, so it stays text.
 */
const LEADING_COUNT = /^(\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)\s+(?!%)(\S.*)$/u;

export function parseProduct(raw: string): Product | undefined {
  const text = squash(raw);
  if (!text) return undefined;
  const m = LEADING_COUNT.exec(text);
  if (!m) return { text };
  const quantity = Number(m[1]!.replace(/\./g, '').replace(',', '.'));
  if (!Number.isFinite(quantity)) return { text };
  return { text, quantity, measure: m[2]! };
}
