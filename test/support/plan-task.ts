/**
 * A plan task for tests: led by `unit`, due by December 2024, in plan order `i`.
 */
import type { PlanTask } from '../../functions/core/plan.ts';

export function planTask(i: number, unit: string, content = `Nhiệm vụ số ${i}`): PlanTask {
  return {
    id: `I-${i}`,
    number: String(i),
    group: { numeral: 'I', title: 'NHIỆM VỤ TRỌNG TÂM' },
    category: 'trong-tam-ubnd',
    content,
    leadUnit: unit,
    coordinatingUnits: [],
    finish: { kind: 'month', year: 2024, month: 12 },
    milestones: [],
    order: i,
  };
}
