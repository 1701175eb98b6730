/**
 * Recomputes every number a report's body states from the model's own tables — the task rows of
 * the appendix, the month-by-month submission tables, the issues and the outlook — independently
 * of the narrative code, and lists every sentence whose number disagrees. Also the text hygiene
 * an official would otherwise fix by hand: empty placeholders, doubled spaces and punctuation,
 * "00", leaked code values.
 * flow: aggregate tests --> claims-check --> ReportModel
 */
import { so } from '../../functions/core/aggregate/format.ts';
import {
  type Block,
  type Claim,
  groupKey,
  type ReportModel,
  type SubmissionMonth,
  type SubmissionRow,
  type TaskFilter,
  type TaskRow,
} from '../../functions/core/report-model.ts';

interface Located {
  row: TaskRow;
  group: string;
}

function rows(model: ReportModel): Located[] {
  return model.groups.flatMap((g) => g.rows.map((row) => ({ row, group: groupKey(g) })));
}

function matches(l: Located, f: TaskFilter): boolean {
  const r = l.row;
  if (f.status && !f.status.includes(r.status)) return false;
  if (f.unit !== undefined && r.leadUnit.code !== f.unit) return false;
  if (f.category && !f.category.includes(r.category)) return false;
  if (f.group !== undefined && l.group !== f.group) return false;
  if (f.newlyOverdue !== undefined && r.newlyOverdue !== f.newlyOverdue) return false;
  if (f.unreported !== undefined && (r.unreported === true) !== f.unreported) return false;
  if (f.carried !== undefined && (r.carried === true) !== f.carried) return false;
  if (f.progressFell && !(r.progressDelta !== undefined && r.progressDelta < 0)) return false;
  if (f.progressSame && !(r.progressDelta === 0 && r.status === 'chua-hoan-thanh-trong-han')) return false;
  if (f.proposalTo !== undefined && !(r.proposals && r.proposalTo === f.proposalTo)) return false;
  if (f.difficulties && !r.difficulties) return false;
  return true;
}

const sent = (r: SubmissionRow) => r.status === 'on-time' || r.status === 'late';

function month(model: ReportModel, id: string): SubmissionMonth {
  const m = model.submissionMonths.find((x) => x.period === id);
  if (!m) throw new Error(`claim about month ${id}, which the model's submission tables do not have`);
  return m;
}

/** The value the model's tables give for a claim. */
export function expected(model: ReportModel, c: Claim): number {
  switch (c.of) {
    case 'tasks':
      return rows(model).filter((l) => matches(l, c.where)).length;
    case 'percent': {
      const whole = rows(model).filter((l) => matches(l, c.whole)).length;
      const part = rows(model).filter((l) => matches(l, c.part)).length;
      return whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0;
    }
    case 'units': {
      const m = month(model, c.month);
      if (c.status === 'all') return m.rows.length;
      if (c.status === 'sent') return m.rows.filter(sent).length;
      return m.rows.filter((r) => r.status === c.status).length;
    }
    case 'units-every-month': {
      const due = model.submissionMonths.filter((m) => m.due);
      const codes = [...new Set(due.flatMap((m) => m.rows.map((r) => r.unit.code)))];
      const ok = (r: SubmissionRow | undefined) => r === undefined || (c.status === 'on-time' ? r.status === 'on-time' : sent(r));
      return codes.filter((code) => due.every((m) => ok(m.rows.find((r) => r.unit.code === code)))).length;
    }
    case 'unit-tasks': {
      const r = month(model, c.month).rows.find((x) => x.unit.code === c.unit);
      return r ? r[c.field] : 0;
    }
    case 'issues':
      return model.issues.filter(
        (i) =>
          (c.where.needsDecision === undefined || i.needsDecision === c.where.needsDecision) &&
          (c.where.proposalTo === undefined || i.proposalTo === c.where.proposalTo) &&
          (!c.where.proposals || i.proposals !== '') &&
          (!c.where.difficulties || i.difficulties !== ''),
      ).length;
    case 'outlook':
      return model.outlook.filter((o) => (!c.reason || c.reason.includes(o.reason)) && (c.group === undefined || groupKey(o.group) === c.group)).length;
    case 'months':
      return model.submissionMonths.length || 1;
    case 'agencies': {
      const all = model.rollup?.deliveries;
      if (!all) throw new Error('claim about agencies in a model that is not a province roll-up');
      if (c.state === 'all') return all.length;
      if (c.state === 'delivered-on-time') return all.filter((d) => d.state === 'delivered' && !d.late).length;
      if (c.state === 'delivered-late') return all.filter((d) => d.state === 'delivered' && d.late).length;
      return all.filter((d) => d.state === c.state).length;
    }
  }
}

/** The body's words, a line per paragraph, list item and heading (charts left out). */
export function bodyText(blocks: readonly Block[]): string {
  return blocks.flatMap((b) => (b.type === 'chart' ? [] : texts(b))).join('\n');
}

function texts(b: Block): string[] {
  return b.type === 'paragraph' ? [b.text] : b.type === 'bullets' ? b.items : b.type === 'heading' ? [b.text] : [b.title];
}

/** Every problem with the body's numbers, as "sentence — claim: said N, tables give M". */
export function claimProblems(model: ReportModel): string[] {
  const out: string[] = [];
  for (const b of model.body) {
    if (b.type !== 'paragraph' && b.type !== 'bullets') continue;
    const text = texts(b).join(' ');
    for (const c of b.claims ?? []) {
      const want = expected(model, c);
      if (c.value !== want) out.push(`${text.slice(0, 160)} — ${JSON.stringify(c)}: said ${c.value}, the tables give ${want}`);
      // A count is printed as officials print it, so its printed form must be in the text.
      if (c.of !== 'percent' && c.value > 0 && !text.includes(so(c.value)))
        out.push(`${text.slice(0, 160)} — ${JSON.stringify(c)}: "${so(c.value)}" is not in the text`);
    }
  }
  return out;
}

/**
 * Sentences an official would have to fix by hand: a blank number or date ("số /", "ngày /",
 * "ngày  tháng"), a doubled space or punctuation (the official closing "./." excepted), a count
 * printed "00", a code value or "undefined" leaking into the text.
 */
export function hygieneProblems(model: ReportModel): string[] {
  const out: string[] = [];
  const all = model.body.flatMap(texts);
  for (const t of all) {
    const s = t.replace(/\.\/\.$/u, '');
    const checks: [RegExp, string][] = [
      [/\bsố\s*\/|số\s*…|\bngày\s*\/|ngày\s+tháng\b|\/\s*\/\d{4}/iu, 'blank number or date'],
      [/ {2,}/u, 'doubled space'],
      [/([.,;:])\s*\1|[.,;:][.,;:]/u, 'doubled punctuation'],
      [/\s[.,;:]/u, 'space before punctuation'],
      [/(^|[^\d/.,])00(?!\d)/u, 'a count printed 00'],
      [/undefined|null|NaN|\[object|chua-|hoan-thanh|dang-thuc-hien|lanh-dao-so|ubnd-tinh/u, 'a code value in the text'],
    ];
    for (const [re, what] of checks) if (re.test(s)) out.push(`${what}: ${t.slice(0, 200)}`);
  }
  return out;
}
