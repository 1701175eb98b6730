/**
 * Which tasks the province assigned or approved: the report to UBND tỉnh lists them one by one,
 * the province's roll-up follows them across agencies.
 * flow: narrative-* / outlook --> provincial (pure)
 */
import type { TaskCategory } from '../plan.ts';

export const PROVINCIAL: readonly TaskCategory[] = ['trong-tam-ubnd', 'chap-thuan'];
