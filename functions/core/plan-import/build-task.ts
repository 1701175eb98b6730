/**
 * Turns one numbered item of the plan table (its own row and the milestone rows under it) into a
 * PlanTask: lead unit, person in charge, leader, times, product and milestones.
 * flow: plan-import --> build-task --> plan-time, product, solution-list, units, leaders (pure)
 */
import type { Milestone, PlanTask, PlanTime, Product, TaskCategory, TaskGroup } from '../plan.ts';
import { squash } from '../text.ts';
import { columnLetter } from './grid.ts';
import type { ColumnRole, TableLayout } from './headers.ts';
import type { LeaderDirectory } from './leaders.ts';
import { parsePlanTime, timeKey } from './plan-time.ts';
import { parseProduct } from './product.ts';
import type { RowCells } from './rows.ts';
import type { SheetReader } from './sheet-reader.ts';
import { splitSolutionList, stripBullet } from './solution-list.ts';
import type { ImportProblem } from './types.ts';
import type { UnitDirectory } from './units.ts';

export interface Group {
  numeral: string;
  title: string;
  unit?: string;
  category?: TaskCategory;
}

export interface Item {
  number: string;
  own: RowCells;
  /** Rows under the item with no TT and no content of their own: its milestones. */
  rows: RowCells[];
  /** Content that spilled into the next row (a table split across pages). */
  extraContent: string[];
  group?: Group;
  parent?: Item;
  children: Item[];
  dashCount: number;
}

export interface SheetContext {
  sheet: string;
  year: number;
  layout: TableLayout;
  reader: SheetReader;
  units: UnitDirectory;
  leaders: LeaderDirectory;
  defaultCategory: TaskCategory;
  problem: (p: ImportProblem) => void;
  warning: (p: ImportProblem) => void;
}

type Say = { reason: string; reasonEn: string };

/** Where a role's cell is; a cell inside a merge is reported at the merge's top row. */
export function locate(ctx: SheetContext, row: number, role: ColumnRole | undefined, say: Say): ImportProblem {
  const col = role ? ctx.layout.columns[role] : undefined;
  const top = col !== undefined ? (ctx.reader.merge(row, col)?.top ?? row) : row;
  return { sheet: ctx.sheet, row: top, column: col !== undefined ? columnLetter(col) : '', reason: say.reason, reasonEn: say.reasonEn };
}

export function itemContent(item: Item): string {
  return squash([item.own.cells.content, ...item.extraContent].join(' '));
}

const CHU_TRI = /^chủ\s+trì(?:\s+thực\s+hiện)?\s*:\s*(.+)$/iu;

/** "Chủ trì thực hiện: Trưởng phòng QLKH" → "Trưởng phòng QLKH". A note column counts only with that prefix. */
function chuTriOf(cells: RowCells['cells']): string | undefined {
  const own = squash(cells.chuTri);
  if (own) return CHU_TRI.exec(own)?.[1]?.trim() ?? own;
  const note = squash(cells.note);
  return note ? CHU_TRI.exec(note)?.[1]?.trim() : undefined;
}

function ancestors(item: Item): Item[] {
  const out: Item[] = [];
  for (let p = item.parent; p; p = p.parent) out.unshift(p);
  return out;
}

interface Span {
  start?: PlanTime;
  finish?: PlanTime;
}

/** The row's time from its start/finish columns, or its single time column. */
function rowTime(ctx: SheetContext, cells: RowCells): Span {
  const out: Span = {};
  const read = (role: 'start' | 'finish' | 'time'): Span | undefined => {
    const text = cells.cells[role];
    const parsed = parsePlanTime(text, ctx.year);
    if (!parsed) return undefined;
    if (!parsed.ok) {
      ctx.problem(locate(ctx, cells.row, role, parsed));
      return undefined;
    }
    for (const y of parsed.years) {
      if (y !== ctx.year) {
        ctx.warning(
          locate(ctx, cells.row, role, {
            reason: `Thời gian "${squash(text)}" thuộc năm ${y}, khác năm kế hoạch ${ctx.year}`,
            reasonEn: `Time "${squash(text)}" is in ${y}, not the plan year ${ctx.year}`,
          }),
        );
        break;
      }
    }
    return parsed;
  };
  const s = read('start');
  const f = read('finish');
  if (s) out.start = s.start;
  if (f) out.finish = f.finish;
  // A deadline column holding a range ("Tháng 01-02/2024") also says when the task starts; a
  // single month there is only the deadline.
  if (!s && f && ctx.layout.columns.start === undefined && timeKey(f.start, 'start') !== timeKey(f.finish, 'start')) {
    out.start = f.start;
  }
  if (!s && !f) {
    const t = read('time');
    if (t) Object.assign(out, t);
  }
  const sk = timeKey(out.start, 'start');
  const fk = timeKey(out.finish, 'finish');
  if (sk !== undefined && fk !== undefined && sk > fk) {
    const role: ColumnRole = ctx.layout.columns.finish !== undefined && cells.cells.finish ? 'finish' : 'time';
    ctx.problem(
      locate(ctx, cells.row, role, {
        reason: 'Thời gian hoàn thành trước thời gian bắt đầu',
        reasonEn: 'Finish is before start',
      }),
    );
    return {};
  }
  return out;
}

/**
 * A task's start and finish from its milestones. The finish is the latest computable one (the
 * deadline). The start is the earliest, unless some milestone starts at a time written as text
 * ("Ngay sau khi … được công bố"): that one could come first, so the start is left open and the
 * task counts as active from the beginning of the plan year rather than hidden from early reports.
 */
function spanOf(milestones: Milestone[]): Span {
  const out: Span = {};
  const starts = milestones.map((m) => m.start).filter((t): t is PlanTime => t !== undefined);
  const finishes = milestones.map((m) => m.finish).filter((t): t is PlanTime => t !== undefined);
  const cStarts = starts.filter((t) => t.kind !== 'text');
  const cFinishes = finishes.filter((t) => t.kind !== 'text');
  if (starts.length > 0 && cStarts.length === starts.length) {
    out.start = cStarts.reduce((a, b) => (timeKey(b, 'start')! < timeKey(a, 'start')! ? b : a));
  } else if (starts.length > 0 && cStarts.length === 0) {
    out.start = starts[0]!;
  }
  if (cFinishes.length > 0) {
    out.finish = cFinishes.reduce((a, b) => (timeKey(b, 'finish')! > timeKey(a, 'finish')! ? b : a));
  } else if (finishes.length > 0) {
    out.finish = finishes[finishes.length - 1]!;
  }
  return out;
}

/** Whether the item's own cell for a role is merged down over all its rows: then it is the task's value. */
function spansTask(ctx: SheetContext, item: Item, roles: ColumnRole[]): boolean {
  const last = item.rows[item.rows.length - 1];
  if (!last) return false;
  return roles.some((role) => {
    const col = ctx.layout.columns[role];
    const m = col === undefined ? undefined : ctx.reader.merge(item.own.row, col);
    return m !== undefined && m.top <= item.own.row && m.bottom >= last.row;
  });
}

function milestone(text: string, span: Span, product: Product | undefined, executor: string): Milestone {
  const m: Milestone = { text };
  if (span.start) m.start = span.start;
  if (span.finish) m.finish = span.finish;
  if (product) m.product = product;
  if (executor) m.executor = executor;
  return m;
}

/** The lead unit, by precedence: lead-unit column, "Chủ trì", the enclosing items, the section, the executors. */
function leadUnitOf(ctx: SheetContext, item: Item, chuTri: string | undefined): { code?: string; extra: string[] } {
  const extra: string[] = [];
  const fromLeadCell = (cells: RowCells): string | undefined => {
    const parts = splitList(cells.cells.leadUnit);
    if (parts.length === 0) return undefined;
    const code = ctx.units.resolve(parts[0]!);
    for (const p of parts.slice(1)) extra.push(ctx.units.find(p) ?? p);
    return code;
  };
  let code = fromLeadCell(item.own) ?? (chuTri ? ctx.units.resolve(chuTri) : undefined);
  for (const a of ancestors(item).reverse()) {
    if (code) break;
    const x = chuTriOf(a.own.cells);
    code = fromLeadCell(a.own) ?? (x ? ctx.units.resolve(x) : undefined);
  }
  code ??= item.group?.unit;
  if (!code) code = executorUnit(ctx, [item.own, ...item.rows]);
  return code ? { code, extra } : { extra };
}

/** The first unit the executors name: known units first, then one that reads like a unit. */
function executorUnit(ctx: SheetContext, rows: RowCells[]): string | undefined {
  const parts = rows.flatMap((r) => splitList(r.cells.executor));
  const afterDash = (p: string): string => p.replace(/^.*?\s*-\s*/u, '');
  for (const p of parts) {
    const code = ctx.units.find(p);
    if (code) return code;
  }
  for (const p of parts) {
    const code = ctx.units.resolve(p) ?? ctx.units.resolve(afterDash(p));
    if (code) return code;
  }
  return undefined;
}

function splitList(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((p) => squash(p))
    .filter(Boolean);
}

export function buildTask(ctx: SheetContext, item: Item, order: number): Omit<PlanTask, 'id'> | undefined {
  const own = item.own;
  const content = itemContent(item);
  if (!content) {
    ctx.problem(
      locate(ctx, own.row, 'content', {
        reason: `Nhiệm vụ số ${item.number} không có nội dung`,
        reasonEn: `Task ${item.number} has no content`,
      }),
    );
    return undefined;
  }

  // Person in charge and lead unit.
  const ownChuTri = chuTriOf(own.cells);
  let chuTri = ownChuTri;
  for (const a of ancestors(item).reverse()) chuTri ??= chuTriOf(a.own.cells);
  const lead = leadUnitOf(ctx, item, ownChuTri);
  if (!lead.code) {
    ctx.problem(
      locate(ctx, own.row, ctx.layout.columns.leadUnit !== undefined ? 'leadUnit' : 'chuTri', {
        reason: `Không xác định được đơn vị chủ trì của nhiệm vụ số ${item.number}`,
        reasonEn: `No lead unit found for task ${item.number}`,
      }),
    );
  }
  const personInCharge = chuTri && !ctx.units.exact(chuTri) ? chuTri : undefined;

  // Leader: the cell (a merge over several tasks is read on each), else the enclosing item's.
  let directingLeader: string | undefined;
  if (ctx.layout.columns.leader !== undefined) {
    let leaderCells = own;
    for (const a of ancestors(item).reverse()) if (!squash(leaderCells.cells.leader)) leaderCells = a.own;
    const text = squash(leaderCells.cells.leader);
    if (!text) {
      ctx.warning(
        locate(ctx, own.row, 'leader', {
          reason: `Nhiệm vụ số ${item.number} chưa có lãnh đạo trực tiếp chỉ đạo`,
          reasonEn: `Task ${item.number} has no directing leader`,
        }),
      );
    } else {
      const match = ctx.leaders.match(text);
      directingLeader = match.id;
      if (!match.id) {
        ctx.warning(
          locate(ctx, leaderCells.row, 'leader', {
            reason: `Không tìm thấy lãnh đạo "${text}" trong danh sách lãnh đạo của cơ quan; nhiệm vụ số ${item.number} để trống lãnh đạo chỉ đạo`,
            reasonEn: `Leader "${text}" is not in the agency's leaders; task ${item.number} is left without a directing leader`,
          }),
        );
      } else if (match.others.length > 0) {
        ctx.warning(
          locate(ctx, leaderCells.row, 'leader', {
            reason: `Ô ghi nhiều lãnh đạo; lấy người đầu tiên cho nhiệm vụ số ${item.number}`,
            reasonEn: `Several leaders in one cell; the first is taken for task ${item.number}`,
          }),
        );
      }
    }
  }

  const coordinating: string[] = [...lead.extra];
  for (const p of splitList(own.cells.coordinating)) coordinating.push(ctx.units.find(p) ?? p);

  // Times, product and milestones.
  const list = own.cells.solution ? splitSolutionList(own.cells.solution, ctx.year) : undefined;
  const ownIsMilestone = !list && squash(own.cells.solution) !== '';
  const timeSpans = spansTask(ctx, item, ['time', 'start', 'finish']);
  const productSpans = spansTask(ctx, item, ['product']);
  const ownIsTaskLevel = item.rows.length === 0 || !ownIsMilestone;
  const ownSpan = rowTime(ctx, own);
  const ownProduct = parseProduct(own.cells.product);
  const ownExecutor = squash(own.cells.executor);

  const milestones: Milestone[] = [];
  for (const li of list ?? []) {
    if (li.error) ctx.problem(locate(ctx, own.row, 'solution', li.error));
    milestones.push(milestone(li.text, li, undefined, ownExecutor));
  }
  if (ownIsMilestone) {
    milestones.push(milestone(stripBullet(own.cells.solution), timeSpans ? {} : ownSpan, productSpans ? undefined : ownProduct, ownExecutor));
  }
  for (const r of item.rows) {
    const text = stripBullet(r.cells.solution);
    if (!text) {
      ctx.warning(
        locate(ctx, r.row, 'solution', {
          reason: `Dòng dưới nhiệm vụ số ${item.number} không có nội dung giải pháp; bỏ qua`,
          reasonEn: `Row under task ${item.number} has no solution text; skipped`,
        }),
      );
      continue;
    }
    const span = timeSpans ? {} : rowTime(ctx, r);
    milestones.push(milestone(text, span, productSpans ? undefined : parseProduct(r.cells.product), squash(r.cells.executor)));
  }

  const useOwnTime = (ownIsTaskLevel || timeSpans) && (ownSpan.start || ownSpan.finish);
  const span = useOwnTime ? ownSpan : spanOf(milestones);
  const product = ownIsTaskLevel || productSpans ? ownProduct : undefined;

  const group: TaskGroup = { numeral: item.group?.numeral ?? '', title: item.group?.title ?? '' };
  const parents = ancestors(item).map((a) => itemContent(a));
  const task: Omit<PlanTask, 'id'> = {
    number: item.number,
    group,
    category: item.group?.category ?? ctx.defaultCategory,
    content,
    leadUnit: lead.code ?? '',
    coordinatingUnits: [...new Set(coordinating)],
    milestones,
    order,
  };
  if (parents.length > 0) task.parents = parents;
  if (directingLeader) task.directingLeader = directingLeader;
  if (personInCharge) task.personInCharge = personInCharge;
  if (span.start) task.start = span.start;
  if (span.finish) task.finish = span.finish;
  if (product) task.product = product;
  return task;
}
