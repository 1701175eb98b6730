/**
 * Splits a "giải pháp thực hiện" cell that holds a list with months ("+ Tổ chức đào tạo, tập
 * huấn: tháng 7/2024") into milestones.
 * flow: plan-import rows --> solution-list --> plan-time (pure)
 */
import type { PlanTime } from '../plan.ts';
import { nfc, squash } from '../text.ts';
import { foldTime, parsePlanTime } from './plan-time.ts';

export interface SolutionItem {
  text: string;
  start?: PlanTime;
  finish?: PlanTime;
  years: number[];
  /** Set when the item's time looks like a month but is impossible ("tháng 13/2024"). */
  error?: { reason: string; reasonEn: string };
}

const BULLET = /^[-+·•*–]\s*/u;

/** The text without a leading list marker ("- ", "+", "·"). */
export function stripBullet(text: string): string {
  return squash(text).replace(BULLET, '');
}

interface Draft {
  text: string;
  item?: SolutionItem;
}

/** "…: tháng 3-6/2024 (căn cứ …)" → the text before the colon (with the note kept) and the time. */
function splitTrailingTime(text: string, planYear: number): SolutionItem | undefined {
  for (let i = text.lastIndexOf(':'); i > 0; i = text.lastIndexOf(':', i - 1)) {
    const rest = text.slice(i + 1).trim();
    const paren = /\s*(\([^()]*\))\s*$/u.exec(rest);
    const core = paren ? rest.slice(0, paren.index).trim() : rest;
    const head = text.slice(0, i).trim();
    const label = paren ? `${head} ${paren[1]}` : head;
    const parsed = parsePlanTime(core, planYear);
    if (!parsed || !head) continue;
    if (!parsed.ok) {
      // Only call it a broken month when it starts like one; other colons are ordinary punctuation.
      if (/^(tu\s+)?(thang\s*)?\d/.test(foldTime(core))) {
        return { text: label, years: [], error: { reason: parsed.reason, reasonEn: parsed.reasonEn } };
      }
      continue;
    }
    if (parsed.start.kind === 'text') continue;
    return { text: label, start: parsed.start, finish: parsed.finish, years: parsed.years };
  }
  return undefined;
}

/**
 * The list's items when the cell is a list of timed steps (at least two items carry a time), or
 * undefined when it is one solution written over several lines. Headings ("Công tác chuẩn bị:")
 * are dropped: they group steps but are not steps.
 */
export function splitSolutionList(cell: string, planYear: number): SolutionItem[] | undefined {
  const lines = nfc(cell)
    .split(/\r?\n/)
    .map((l) => squash(l))
    .filter(Boolean);
  const drafts: Draft[] = [];
  for (const line of lines) {
    const current = drafts[drafts.length - 1];
    // A line without a marker continues the step above unless that step is already complete.
    if (!current || BULLET.test(line) || current.item !== undefined || current.text.endsWith(':')) {
      drafts.push({ text: line.replace(BULLET, '') });
    } else {
      current.text = `${current.text} ${line}`;
    }
    const last = drafts[drafts.length - 1]!;
    last.item = splitTrailingTime(last.text, planYear);
  }
  const timed = drafts.filter((d) => d.item).length;
  if (timed < 2) return undefined;
  return drafts.filter((d) => d.item || !d.text.endsWith(':')).map((d) => d.item ?? { text: d.text, years: [] });
}
