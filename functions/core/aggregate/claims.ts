/**
 * Numbers the body text states, recorded as they are written: each count goes through a Counter,
 * which returns it as printed ("05") and keeps what it counts, so the paragraph can carry its
 * claims and a test can recompute every one from the model's tables.
 * flow: narrative-* --> claims --> format (pure)
 */
import type { Claim, OutlookRow, SubmissionStatus, TaskFilter } from '../report-model.ts';
import type { ProposalAddressee } from '../submission.ts';
import { percentVi, so } from './format.ts';

export class Counter {
  private pending: Claim[] = [];

  private say(claim: Claim): string {
    this.pending.push(claim);
    return so(claim.value);
  }

  /** Task rows matching `where`. */
  tasks(where: TaskFilter, value: number): string {
    return this.say({ of: 'tasks', where, value });
  }

  /** Units of a month's submission table in a status ('sent' = on time or late, 'all' = every row). */
  units(month: string, status: SubmissionStatus | 'sent' | 'all', value: number): string {
    return this.say({ of: 'units', month, status, value });
  }

  unitsEveryMonth(status: 'on-time' | 'sent', value: number): string {
    return this.say({ of: 'units-every-month', status, value });
  }

  unitTasks(month: string, unit: string, field: 'tasksDue' | 'tasksReported', value: number): string {
    return this.say({ of: 'unit-tasks', month, unit, field, value });
  }

  issues(where: { needsDecision?: boolean; proposalTo?: ProposalAddressee; proposals?: true; difficulties?: true }, value: number): string {
    return this.say({ of: 'issues', where, value });
  }

  /** Rows of "Phương hướng", optionally of some reasons and one plan group (its numeral). */
  outlook(value: number, reason?: OutlookRow['reason'][], group?: string): string {
    return this.say({ of: 'outlook', value, ...(reason ? { reason } : {}), ...(group !== undefined ? { group } : {}) });
  }

  /** Agencies of a province roll-up in a delivery state. */
  agencies(state: Extract<Claim, { of: 'agencies' }>['state'], value: number): string {
    return this.say({ of: 'agencies', state, value });
  }

  months(value: number): string {
    return this.say({ of: 'months', value });
  }

  /** "37,5%": part over whole, both task filters. */
  percent(part: TaskFilter, whole: TaskFilter, partValue: number, wholeValue: number): string {
    const value = wholeValue > 0 ? Math.round((partValue / wholeValue) * 1000) / 10 : 0;
    this.pending.push({ of: 'percent', part, whole, value });
    return percentVi(partValue, wholeValue);
  }

  /** A zero stated in words ("không có nhiệm vụ nào quá hạn"): still a claim to check. */
  none(claim: Claim): void {
    this.pending.push(claim);
  }

  /** The claims made since the last call, for the block being built. */
  take(): Claim[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }
}
