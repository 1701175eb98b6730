/**
 * Plan import: a cell grid (from an .xlsx laid out like the plan appendices of seeds 000 and 004)
 * → a Plan, the units it names that the profile lacks, and located problems and warnings.
 * flow: use case (CLI import-plan) --> importPlanFromGrid (pure) --> Plan
 *
 * Rules chosen where the plans leave room (see also the comments at each rule):
 * - A leader name not in the profile is a warning and the task keeps no directingLeader: the
 *   plan is still right about everything else, and the leader can be set once the profile has
 *   them; blocking the whole import for it would be out of proportion.
 * - A unit the profile lacks becomes a NewUnit with a generated code; tasks use that code.
 * - Any problem leaves plan.tasks empty, so a caller cannot store half a plan by mistake.
 * - Whole-sheet problems have row 0 (or the row that looked most like a header) and column "".
 * - A "Ghi chú" cell counts only when it says "Chủ trì thực hiện: …"; other notes are not kept
 *   (a PlanTask has no place for them).
 */
import { CATEGORY_LABELS, taskIdFromPath, type Plan, type PlanTask, type TaskCategory } from '../plan.ts';
import { foldKey, squash } from '../text.ts';
import { buildTask, locate, type Group, type Item, type SheetContext } from './build-task.ts';
import { columnLetter, type Grid } from './grid.ts';
import { detectLayout, ROLE_LABELS, type TableLayout } from './headers.ts';
import { LeaderDirectory } from './leaders.ts';
import { classifyRow, rowReader } from './rows.ts';
import { SheetReader } from './sheet-reader.ts';
import type { ImportProblem, NewUnit, PlanImportOptions, PlanImportResult } from './types.ts';
import { UnitDirectory } from './units.ts';

export type { Grid, GridMerge, GridSheet } from './grid.ts';
export type { ImportProblem, NewUnit, PlanImportOptions, PlanImportResult } from './types.ts';

/** Section titles that name a category rather than a unit ("NHIỆM VỤ TRỌNG TÂM"). */
export function categoryOfTitle(title: string): TaskCategory | undefined {
  const k = foldKey(title);
  if (!k) return undefined;
  for (const [cat, label] of Object.entries(CATEGORY_LABELS) as Array<[TaskCategory, string]>) {
    if (foldKey(label) === k) return cat;
  }
  if (/\btrong tam\b/.test(k)) return 'trong-tam-ubnd';
  if (/\bchap thuan\b/.test(k)) return 'chap-thuan';
  if (/\bthuong xuyen\b/.test(k)) return 'thuong-xuyen';
  if (/\b(dot xuat|phat sinh)\b/.test(k)) return 'dot-xuat';
  if (/^(cac )?nhiem vu\b.*\bke hoach\b/.test(k)) return 'ke-hoach';
  return undefined;
}

function isPrefix(parent: string, child: string): boolean {
  return child.startsWith(`${parent}.`);
}

/** Title and source document from the rows above the table ("CHƯƠNG TRÌNH KHUNG …", "(Kèm theo …)"). */
function titleRows(reader: SheetReader, layout: TableLayout): { title?: string; sourceDocument?: string } {
  const lines: string[] = [];
  let sourceDocument: string | undefined;
  for (let r = 1; r < layout.headerRow; r++) {
    const parts: string[] = [];
    for (let c = 1; c <= reader.colCount; c++) {
      const t = squash(reader.own(r, c));
      if (t) parts.push(t);
    }
    const line = parts.join(' ');
    if (!line) continue;
    const paren = /^\((.*)\)$/u.exec(line);
    if (paren) {
      sourceDocument ??= squash(paren[1]!.replace(/^kèm\s+theo\s+/iu, ''));
      continue;
    }
    // Agency and national headers, appendix labels and numbers are not the plan's title.
    if (/^(phu luc|so|ubnd|uy ban|cong hoa|doc lap)\b/.test(foldKey(line))) continue;
    lines.push(line);
  }
  const out: { title?: string; sourceDocument?: string } = {};
  if (lines.length > 0) out.title = lines.join(' ');
  if (sourceDocument) out.sourceDocument = sourceDocument;
  return out;
}

interface SheetPlan {
  reader: SheetReader;
  layout: TableLayout;
}

export function importPlanFromGrid(grid: Grid, opts: PlanImportOptions): PlanImportResult {
  const problems: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const seen = new Set<string>();
  const push = (list: ImportProblem[]) => (p: ImportProblem) => {
    // A merged cell is read on every row it covers; say it once.
    const key = `${list === problems ? 'p' : 'w'}|${p.sheet}|${p.row}|${p.column}|${p.reason}`;
    if (seen.has(key)) return;
    seen.add(key);
    list.push(p);
  };
  const problem = push(problems);
  const warning = push(warnings);

  const units = new UnitDirectory(opts.profile.units);
  const leaders = new LeaderDirectory(opts.profile.leaders);

  // Find the table on every sheet first, so progress knows the total.
  const tables: SheetPlan[] = [];
  const missing: ImportProblem[] = [];
  for (const sheet of grid.sheets) {
    const reader = new SheetReader(sheet);
    const search = detectLayout(reader);
    if (search.found) {
      tables.push({ reader, layout: search.layout });
      for (const d of search.layout.duplicates) {
        warning({
          sheet: sheet.name,
          row: search.layout.headerRow,
          column: columnLetter(d.col),
          reason: `Cột "${ROLE_LABELS[d.role]}" xuất hiện hai lần; chỉ đọc cột đầu tiên`,
          reasonEn: `Column "${ROLE_LABELS[d.role]}" appears twice; only the first is read`,
        });
      }
    } else {
      const found = search.roles.map((r) => ROLE_LABELS[r]).join(', ');
      missing.push({
        sheet: sheet.name,
        row: search.nearRow,
        column: '',
        reason: `Không tìm thấy dòng tiêu đề của bảng nhiệm vụ (cần có cột "TT" và cột "Nội dung")${found ? `; dòng gần nhất chỉ có: ${found}` : ''}`,
        reasonEn:
          'No task table header found (a "TT" column and a "Nội dung" column are needed)' +
          (found ? `; the closest row only has: ${search.roles.join(', ')}` : ''),
      });
    }
  }
  if (tables.length === 0) {
    if (missing.length === 0) {
      problems.push({ sheet: '', row: 0, column: '', reason: 'Tệp không có trang tính nào', reasonEn: 'The file has no sheets' });
    }
    problems.push(...missing);
  } else {
    for (const m of missing) {
      warning({ ...m, reason: `Bỏ qua trang tính: ${m.reason}`, reasonEn: `Sheet skipped: ${m.reasonEn}` });
    }
  }

  const total = tables.reduce((n, t) => n + Math.max(0, t.reader.rowCount - t.layout.firstDataRow + 1), 0);
  let done = 0;
  const drafts: Array<Omit<PlanTask, 'id'> & { numeral: string; sheet: string; row: number }> = [];

  for (const { reader, layout } of tables) {
    const ctx: SheetContext = {
      sheet: reader.name,
      year: opts.year,
      layout,
      reader,
      units,
      leaders,
      defaultCategory: opts.defaultCategory ?? 'ke-hoach',
      problem,
      warning,
    };
    const read = rowReader(reader, layout);
    const items: Item[] = [];
    const numerals = new Set<string>();
    let group: Group | undefined;
    let stack: Item[] = [];
    let current: Item | undefined;

    for (let r = layout.firstDataRow; r <= reader.rowCount; r++) {
      const cells = read(r);
      const kind = classifyRow(reader, layout, cells);
      switch (kind.kind) {
        case 'blank':
        case 'header-repeat':
          break;
        case 'group': {
          if (numerals.has(kind.numeral)) {
            warning(
              locate(ctx, r, 'tt', {
                reason: `Số La Mã "${kind.numeral}" lặp lại; vẫn nhận mục "${kind.title}"`,
                reasonEn: `Roman numeral "${kind.numeral}" is repeated; section "${kind.title}" is accepted`,
              }),
            );
          }
          numerals.add(kind.numeral);
          group = { numeral: kind.numeral, title: kind.title };
          const unit = units.exact(kind.title);
          const category = unit ? undefined : categoryOfTitle(kind.title);
          if (unit) group.unit = unit;
          else if (category) group.category = category;
          else {
            const created = units.resolveName(kind.title);
            if (created) group.unit = created;
            else {
              warning(
                locate(ctx, r, 'content', {
                  reason: `Mục "${kind.numeral} ${kind.title}" không phải tên đơn vị hay loại nhiệm vụ đã biết`,
                  reasonEn: `Section "${kind.numeral} ${kind.title}" names neither a unit nor a known task category`,
                }),
              );
            }
          }
          stack = [];
          current = undefined;
          break;
        }
        case 'numbered': {
          while (stack.length > 0 && !isPrefix(stack[stack.length - 1]!.number, kind.number)) stack.pop();
          const parent = stack[stack.length - 1];
          const item: Item = { number: kind.number, own: cells, rows: [], extraContent: [], children: [], dashCount: 0 };
          if (group) item.group = group;
          if (parent) {
            item.parent = parent;
            parent.children.push(item);
          }
          items.push(item);
          stack.push(item);
          current = item;
          break;
        }
        case 'dash': {
          const parent = stack[stack.length - 1];
          if (!parent) {
            problem(
              locate(ctx, r, 'tt', {
                reason: 'Dòng gạch đầu dòng có nội dung riêng nhưng không nằm dưới nhiệm vụ đánh số nào',
                reasonEn: 'A dash row with its own content is not under any numbered task',
              }),
            );
            current = undefined;
            break;
          }
          parent.dashCount++;
          const item: Item = {
            number: `${parent.number}.${parent.dashCount}`,
            own: cells,
            rows: [],
            extraContent: [],
            parent,
            children: [],
            dashCount: 0,
          };
          if (group) item.group = group;
          parent.children.push(item);
          items.push(item);
          current = item;
          break;
        }
        case 'continuation':
          if (current) current.rows.push(cells);
          else {
            warning(
              locate(ctx, r, undefined, {
                reason: 'Dòng không thuộc nhiệm vụ nào; bỏ qua',
                reasonEn: 'Row belongs to no task; skipped',
              }),
            );
          }
          break;
        case 'content-continuation':
          if (current && current.rows.length === 0) {
            current.extraContent.push(cells.cells.content);
            warning(
              locate(ctx, r, 'content', {
                reason: `Nội dung ở dòng không có số thứ tự được nối vào nhiệm vụ số ${current.number}`,
                reasonEn: `Content on a row without a number was appended to task ${current.number}`,
              }),
            );
          } else {
            warning(
              locate(ctx, r, 'content', {
                reason: 'Dòng có nội dung nhưng không có số thứ tự; bỏ qua',
                reasonEn: 'Row has content but no number; skipped',
              }),
            );
          }
          break;
        case 'unknown':
          warning(
            locate(ctx, r, 'tt', {
              reason: `Không hiểu số thứ tự "${kind.tt}"; bỏ qua dòng`,
              reasonEn: `Unrecognised number "${kind.tt}"; row skipped`,
            }),
          );
          break;
      }
      done++;
      opts.onProgress?.(done, total);
    }

    // An item with sub-items is their parent ("2 Nhiệm vụ 2"), and a task only if it has
    // steps of its own.
    for (const item of items) {
      const own = item.own.cells;
      const hasOwnWork = item.rows.length > 0 || [own.solution, own.time, own.start, own.finish, own.product].some(Boolean);
      if (item.children.length > 0 && !hasOwnWork) continue;
      const task = buildTask(ctx, item, drafts.length + 1);
      if (task) drafts.push({ ...task, numeral: item.group?.numeral ?? '', sheet: reader.name, row: item.own.row });
    }
    if (items.length === 0) {
      const say = { reason: 'Bảng không có nhiệm vụ nào', reasonEn: 'The table has no tasks' };
      (tables.length === 1 ? problem : warning)({ sheet: reader.name, row: layout.headerRow, column: '', ...say });
    }
  }
  if (tables.length > 1 && drafts.length === 0) {
    problem({ sheet: '', row: 0, column: '', reason: 'Không trang tính nào có nhiệm vụ', reasonEn: 'No sheet has any task' });
  }
  if (total === 0) opts.onProgress?.(0, 0);

  // Ids follow the numbering; a repeated number under a repeated numeral gets a suffix.
  const used = new Set<string>();
  const tasks: PlanTask[] = drafts.map(({ numeral, sheet, row, ...t }) => {
    const base = taskIdFromPath([numeral, ...t.number.split('.')]) || `task-${t.order}`;
    let id = base;
    for (let i = 2; used.has(id); i++) id = `${base}-${i}`;
    if (id !== base) {
      warning({
        sheet,
        row,
        column: '',
        reason: `Số thứ tự "${numeral} ${t.number}" lặp lại; nhiệm vụ thứ hai nhận mã ${id}`,
        reasonEn: `Number "${numeral} ${t.number}" is repeated; the later task gets id ${id}`,
      });
    }
    used.add(id);
    return { id, ...t };
  });

  const first = tables[0];
  const plan: Plan = {
    agencyId: opts.agencyId,
    year: opts.year,
    ...(first ? titleRows(first.reader, first.layout) : {}),
    tasks: problems.length > 0 ? [] : tasks,
  };
  const newUnits: NewUnit[] = units.newUnits();
  return { plan, problems, newUnits, warnings };
}
