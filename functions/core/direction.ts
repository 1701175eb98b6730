/**
 * A leader's direction (ý kiến chỉ đạo) on a unit's proposal that asked the Sở's leaders for a
 * decision: what was decided, by when, by whom. One direction answers one proposal (a unit's
 * report on a task in a month); every change is a new version, kept like a submission's revisions,
 * and the unit answers it in its next reports ("Kết quả thực hiện ý kiến chỉ đạo") until it has.
 * flow: directions use case, form context, aggregate --> direction (pure)
 */
import type { LocalDate } from './clock.ts';
import { nextMonthlyPeriod, parsePeriod, previousPeriod } from './period.ts';
import type { SubmissionHead, TaskReport } from './submission.ts';

/** The proposal a direction answers, as it stood when the direction was first given. */
export interface ProposalRef {
  /** Month of the report that made the proposal ("2024-05"). */
  period: string;
  /** The unit that made it. */
  unit: string;
  taskId: string;
  /** The proposal's text, as the unit wrote it (a snapshot: a later revision does not change it). */
  proposals: string;
  difficulties: string;
}

/** What a leader writes; every version carries all of it. */
export interface DirectionContent {
  text: string;
  /** Thời hạn thực hiện (local date), when the leader sets one. */
  deadline?: LocalDate;
  /** Đơn vị thực hiện: the proposing unit when unset. */
  responsibleUnit?: string;
  /** "Đưa vào báo cáo gửi UBND tỉnh": the report to the province prints it. */
  forProvince: boolean;
}

/** One immutable version of a direction. */
export interface DirectionVersion extends DirectionContent {
  version: number;
  /** ISO instant. */
  at: string;
  /** Subject of who gave it, and their name as printed ("Nguyễn Văn A"). */
  by: string;
  byName: string;
}

/** The current state of a direction (its latest version) with the proposal it answers. */
export interface Direction extends DirectionVersion {
  agencyId: string;
  /** `${period}.${unit}.${taskId}`: one direction per proposal. */
  id: string;
  proposal: ProposalRef;
  /** When the first version was given. */
  createdAt: string;
}

/** The longest a direction's text may be (characters). */
export const DIRECTION_TEXT_MAX = 3000;

export const DIRECTION_ID_PATTERN = /^\d{4}-(0[1-9]|1[0-2])\.[A-Za-z0-9]{1,16}\.[A-Za-z0-9-]{1,40}$/;

/** The id of the direction on a unit's proposal of a month on a task. */
export function directionId(period: string, unit: string, taskId: string): string {
  return `${period}.${unit}.${taskId}`;
}

/** The proposal a direction id names, or undefined when it is not one. */
export function parseDirectionId(id: string): { period: string; unit: string; taskId: string } | undefined {
  if (!DIRECTION_ID_PATTERN.test(id)) return undefined;
  const [period, unit, ...rest] = id.split('.');
  return { period: period!, unit: unit!, taskId: rest.join('.') };
}

/** The unit that carries a direction out. */
export function responsibleUnitOf(d: Pick<Direction, 'responsibleUnit' | 'proposal'>): string {
  return d.responsibleUnit ?? d.proposal.unit;
}

/** Does this task report ask the Sở's leaders for a decision (the queue's, and the dashboard's, rule)? */
export function asksLeaders(t: Pick<TaskReport, 'needsDecision' | 'proposalTo' | 'proposals' | 'difficulties'>): boolean {
  return t.needsDecision && (t.proposalTo ?? 'lanh-dao-so') === 'lanh-dao-so' && (t.proposals.trim() !== '' || t.difficulties.trim() !== '');
}

/** The first version of a direction on a proposal. */
export function firstVersion(agencyId: string, proposal: ProposalRef, content: DirectionContent, who: { by: string; byName: string }, at: string): Direction {
  return {
    agencyId,
    id: directionId(proposal.period, proposal.unit, proposal.taskId),
    proposal,
    createdAt: at,
    ...tidy(content),
    version: 1,
    at,
    ...who,
  };
}

/** The next version of a direction: the new content, who and when; the proposal stays. */
export function nextVersion(current: Direction, content: DirectionContent, who: { by: string; byName: string }, at: string): Direction {
  const { text: _t, deadline: _d, responsibleUnit: _r, forProvince: _f, ...kept } = current;
  return { ...kept, ...tidy(content), version: current.version + 1, at, ...who };
}

/** The version record of a direction's current state (what the history keeps). */
export function versionOf(d: Direction): DirectionVersion {
  return {
    version: d.version,
    at: d.at,
    by: d.by,
    byName: d.byName,
    text: d.text,
    forProvince: d.forProvince,
    ...(d.deadline ? { deadline: d.deadline } : {}),
    ...(d.responsibleUnit ? { responsibleUnit: d.responsibleUnit } : {}),
  };
}

/** Whether a new content changes anything (the same content again is not a new version). */
export function sameContent(d: DirectionContent, c: DirectionContent): boolean {
  const a = tidy(d);
  const b = tidy(c);
  return a.text === b.text && a.deadline === b.deadline && a.responsibleUnit === b.responsibleUnit && a.forProvince === b.forProvince;
}

function tidy(c: DirectionContent): DirectionContent {
  return {
    text: c.text,
    forProvince: c.forProvince,
    ...(c.deadline ? { deadline: c.deadline } : {}),
    ...(c.responsibleUnit ? { responsibleUnit: c.responsibleUnit } : {}),
  };
}

/** A unit's answer to a direction, in its report on the task ("Kết quả thực hiện ý kiến chỉ đạo"). */
export interface DirectionAnswer {
  /** The direction's id. */
  id: string;
  text: string;
}

/** The first month a direction is answered in: the month after its proposal's. */
export function firstAnswerMonth(d: Pick<Direction, 'proposal'>): string {
  return nextMonthlyPeriod(parsePeriod(d.proposal.period)).id;
}

/** The units whose form shows a direction: the one responsible and the one that proposed. */
export function unitsOf(d: Pick<Direction, 'responsibleUnit' | 'proposal'>): string[] {
  const r = responsibleUnitOf(d);
  return r === d.proposal.unit ? [r] : [r, d.proposal.unit];
}

/** A unit's answer to a direction in one submitted head, if it gave a non-empty one. */
export function answerIn(head: SubmissionHead, d: Pick<Direction, 'id' | 'proposal'>): DirectionAnswer | undefined {
  if (head.state !== 'submitted' || !head.data) return undefined;
  const t = head.data.tasks.find((x) => x.taskId === d.proposal.taskId);
  const a = t?.directionAnswers?.find((x) => x.id === d.id);
  return a && a.text.trim() !== '' ? a : undefined;
}

/** The answer a direction got: the latest submitted report (month after the proposal, at most `upTo`) that answers it. */
export function latestAnswer(d: Direction, heads: readonly SubmissionHead[], upTo: string): { period: string; unit: string; text: string } | undefined {
  const from = firstAnswerMonth(d);
  const units = unitsOf(d);
  const found = heads
    .filter((h) => h.agencyId === d.agencyId && units.includes(h.unit) && h.period >= from && h.period <= upTo)
    .map((h) => ({ h, a: answerIn(h, d) }))
    .filter((x) => x.a !== undefined)
    .sort((x, y) => (x.h.period < y.h.period ? 1 : x.h.period > y.h.period ? -1 : 0));
  const top = found[0];
  return top ? { period: top.h.period, unit: top.h.unit, text: top.a!.text } : undefined;
}

/**
 * The directions a unit's form of month `period` shows: given on proposals of earlier months,
 * carried out by (or proposed by) the unit, on a task of the form, and not answered in a submitted
 * report of a month between the proposal's and this one. A direction stays on the form until the
 * unit has answered it (docs/decisions.md): the month it is answered in keeps showing it.
 */
export function directionsForForm(
  directions: readonly Direction[],
  unit: string,
  period: string,
  taskIds: ReadonlySet<string>,
  earlierHeads: readonly SubmissionHead[],
): Direction[] {
  return directions
    .filter((d) => d.proposal.period < period && unitsOf(d).includes(unit) && taskIds.has(d.proposal.taskId))
    .filter((d) => !earlierHeads.some((h) => h.period >= firstAnswerMonth(d) && h.period < period && unitsOf(d).includes(h.unit) && answerIn(h, d)))
    .sort(byProposalNewestFirst);
}

/** Newest proposal month first, then unit and task. */
type Ref = { proposal: Pick<ProposalRef, 'period' | 'unit' | 'taskId'> };
export function byProposalNewestFirst(a: Ref, b: Ref): number {
  const ka = `${a.proposal.period}|${a.proposal.unit}|${a.proposal.taskId}`;
  const kb = `${b.proposal.period}|${b.proposal.unit}|${b.proposal.taskId}`;
  if (a.proposal.period !== b.proposal.period) return a.proposal.period < b.proposal.period ? 1 : -1;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * The directions a report of a window of months prints: given on a proposal of a month up to the
 * window's last, and not answered before the window's first month (so each appears from its
 * proposal's report until the report of the month it was answered in). The report to UBND tỉnh
 * prints only those marked for the province.
 */
export function directionsInWindow(
  directions: readonly Direction[],
  months: readonly string[],
  allHeads: readonly SubmissionHead[],
  audience: 'director' | 'ubnd',
): Direction[] {
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last) return [];
  return directions
    .filter((d) => (audience === 'director' || d.forProvince) && d.proposal.period <= last)
    .filter((d) => {
      const earlier = latestAnswer(d, allHeads, previousMonth(first));
      return earlier === undefined;
    })
    .sort(byProposalNewestFirst);
}

function previousMonth(period: string): string {
  return previousPeriod(parsePeriod(period)).id;
}

/** Messages the API answers with. */
export const DIRECTION_MESSAGES = {
  stale: (current: number) => `Ý kiến chỉ đạo đã được sửa (nay là phiên bản ${current}) sau khi anh/chị mở nó. Hãy tải lại để xem nội dung mới rồi sửa tiếp.`,
  exists: 'Đề xuất này đã có ý kiến chỉ đạo; hãy sửa ý kiến đó (PUT /api/directions/{id}) thay vì ghi mới.',
  notFound: 'Không tìm thấy ý kiến chỉ đạo này.',
  noProposal: 'Không tìm thấy đề xuất xin ý kiến Lãnh đạo Sở này trong báo cáo đã gửi của đơn vị.',
};
