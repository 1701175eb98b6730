/**
 * The synthetic province of the bench's province section: which Sở each agency is, and where its
 * May report to UBND tỉnh stands, so the province's view meets every state it draws. Pure.
 * flow: bench/province --> province-plan
 */
import type { DeliveryState } from '../functions/core/province.ts';

/**
 * Departments of a province (names in force in 2024). Each agency gets its own, so the view's
 * sort by name has no ties and its rows say which agency they are.
 */
const DEPARTMENTS = [
  'Sở Nội vụ',
  'Sở Tư pháp',
  'Sở Kế hoạch và Đầu tư',
  'Sở Tài chính',
  'Sở Công Thương',
  'Sở Nông nghiệp và Phát triển nông thôn',
  'Sở Giao thông vận tải',
  'Sở Xây dựng',
  'Sở Tài nguyên và Môi trường',
  'Sở Thông tin và Truyền thông',
  'Sở Lao động - Thương binh và Xã hội',
  'Sở Văn hóa, Thể thao và Du lịch',
  'Sở Khoa học và Công nghệ',
  'Sở Giáo dục và Đào tạo',
  'Sở Y tế',
  'Sở Ngoại vụ',
  'Thanh tra tỉnh',
  'Ban Dân tộc',
  'Ban Quản lý các khu công nghiệp',
];

/** A department's name; past the list, numbered ("Sở Nội vụ (2)"): a bench province may hold more agencies than a real one. */
export function departmentName(i: number): string {
  const round = Math.floor(i / DEPARTMENTS.length);
  return `${DEPARTMENTS[i % DEPARTMENTS.length]}${round > 0 ? ` (${round + 1})` : ''}`;
}

/**
 * Half delivered, the rest issued only, draft only or not compiled. Agency 0 is the one whose
 * compile is measured (compiled in the child processes), so its slot is a compiled state.
 */
const CYCLE: readonly DeliveryState[] = ['delivered', 'issued', 'draft', 'delivered', 'not-compiled', 'delivered'];

export function stateOf(i: number): DeliveryState {
  return CYCLE[i % CYCLE.length]!;
}

/** How many agencies end in each state, for the summary and to check the view saw the same. */
export function stateCounts(n: number): Record<DeliveryState, number> {
  const out: Record<DeliveryState, number> = { delivered: 0, issued: 0, draft: 0, 'not-compiled': 0 };
  for (let i = 0; i < n; i++) out[stateOf(i)] += 1;
  return out;
}
