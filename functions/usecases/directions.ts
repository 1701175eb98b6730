/**
 * The leaders' directions: the queue of proposals that ask the Sở's leaders for a decision (from
 * the units' submitted reports of the year), recording a direction on one, a new version of it,
 * and one direction with its versions. A leader records; Văn phòng reads. Everything is within
 * the caller's agency (the session's): another agency's direction is not found.
 * flow: directions API / dashboard page --> directions use case --> direction (core) + stores
 */
import type { AgencyProfile } from '../core/agency.ts';
import type { Principal } from '../core/auth.ts';
import { isCalendarDate, localDate, type LocalDate } from '../core/clock.ts';
import {
  asksLeaders,
  byProposalNewestFirst,
  DIRECTION_MESSAGES,
  DIRECTION_TEXT_MAX,
  directionId,
  firstVersion,
  nextVersion,
  parseDirectionId,
  sameContent,
  type Direction,
  type DirectionContent,
  type DirectionVersion,
} from '../core/direction.ts';
import { currentMonthlyPeriod, parsePeriod, periodLabel } from '../core/period.ts';
import type { Plan } from '../core/plan.ts';
import type { SubmissionHead } from '../core/submission.ts';
import { charCount, cleanInput, isFilledIn, refusedCharacter } from '../core/text.ts';
import { profileOn } from './agency-service.ts';
import { UseCaseError } from './errors.ts';
import { actorOf } from './people.ts';
import type { AgencyStore, DirectionStore, PlanStore, SubmissionStore } from './ports.ts';

export interface DirectionStores {
  agencies: AgencyStore;
  plans: PlanStore;
  submissions: SubmissionStore;
  directions: DirectionStore;
}

export type QueueState = 'pending' | 'directed' | 'all';

/** One proposal of the queue, with its direction when a leader gave one. */
export interface QueueItem {
  /** The direction's id (whether given yet or not): `${period}.${unit}.${taskId}`. */
  id: string;
  period: string;
  /** "tháng 5 năm 2024". */
  periodLabel: string;
  unit: { code: string; name: string };
  task: { id: string; number: string; content: string };
  proposals: string;
  difficulties: string;
  submittedAt?: string;
  state: 'pending' | 'directed';
  direction?: Direction;
}

const READERS = ['lanh-dao', 'van-phong'] as const;

function mayRead(p: Principal): void {
  if (!(READERS as readonly string[]).includes(p.role))
    throw new UseCaseError('forbidden', 'forbidden', 'Chỉ Lãnh đạo Sở và Văn phòng xem các đề xuất xin ý kiến chỉ đạo.');
}

function mayDirect(p: Principal): void {
  if (p.role !== 'lanh-dao') throw new UseCaseError('forbidden', 'forbidden', 'Chỉ Lãnh đạo Sở (Giám đốc, Phó Giám đốc) cho ý kiến chỉ đạo.');
}

/** The months of a year up to the current one (the whole year when it is over). */
function monthsOf(year: number, current: string): string[] {
  const all = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  return all.filter((m) => m <= current);
}

function queueOf(profile: AgencyProfile, plan: Plan | undefined, heads: readonly SubmissionHead[], directions: readonly Direction[]): QueueItem[] {
  const byId = new Map(directions.map((d) => [d.id, d]));
  const tasks = new Map((plan?.tasks ?? []).map((t) => [t.id, t]));
  const items: QueueItem[] = [];
  for (const h of heads) {
    if (h.state !== 'submitted' || !h.data) continue;
    for (const t of h.data.tasks) {
      if (!asksLeaders(t)) continue;
      const id = directionId(h.period, h.unit, t.taskId);
      const task = tasks.get(t.taskId);
      const direction = byId.get(id);
      items.push({
        id,
        period: h.period,
        periodLabel: periodLabel(parsePeriod(h.period)),
        unit: { code: h.unit, name: profile.units.find((u) => u.code === h.unit)?.name ?? h.unit },
        task: { id: t.taskId, number: task?.number ?? '', content: task?.content ?? t.taskId },
        // A direction keeps the proposal as it was answered; the queue shows that wording.
        proposals: direction?.proposal.proposals ?? t.proposals,
        difficulties: direction?.proposal.difficulties ?? t.difficulties,
        ...(h.submittedAt ? { submittedAt: h.submittedAt } : {}),
        state: direction ? 'directed' : 'pending',
        ...(direction ? { direction } : {}),
      });
    }
  }
  const order = new Map((plan?.tasks ?? []).map((t, i) => [t.id, i]));
  const ref = (i: QueueItem) => ({ proposal: { period: i.period, unit: i.unit.code, taskId: i.task.id } });
  return items.sort((a, b) => byProposalNewestFirst(ref(a), ref(b)) || (order.get(a.task.id) ?? 0) - (order.get(b.task.id) ?? 0));
}

/** The proposals of a year that ask the leaders for a decision, newest month first. */
export async function directionQueue(
  stores: DirectionStores,
  p: Principal,
  opts: { state: QueueState; year?: number },
  now: Date,
): Promise<{ year: number; items: QueueItem[] }> {
  mayRead(p);
  const today = localDate(now, 'Asia/Ho_Chi_Minh');
  const profile = await profileOn(stores.agencies, p.agencyId, today);
  const current = currentMonthlyPeriod(now, profile).id;
  const year = opts.year ?? Number(current.slice(0, 4));
  const months = monthsOf(year, current);
  const [plan, directions, ...perMonth] = await Promise.all([
    stores.plans.getPlan(p.agencyId, year),
    stores.directions.list(p.agencyId),
    ...months.map((m) => stores.submissions.listHeads(p.agencyId, m)),
  ]);
  const items = queueOf(profile, plan, perMonth.flat(), directions).filter((i) => opts.state === 'all' || i.state === opts.state);
  return { year, items };
}

export interface DirectionInput {
  text: string;
  deadline?: string;
  responsibleUnit?: string;
  forProvince?: boolean;
}

function invalid(field: string, message: string): never {
  throw new UseCaseError('invalid', 'invalid_direction', message, [{ field, message }]);
}

/** The checks of what a leader wrote; returns it cleaned. */
function checkContent(input: DirectionInput, profile: AgencyProfile): DirectionContent {
  const problem = refusedCharacter(input.text);
  if (problem) invalid('text', `Ý kiến chỉ đạo chứa ${problem.name} ở ký tự thứ ${problem.position}: ${problem.advice}.`);
  const text = cleanInput(input.text);
  if (!isFilledIn(text)) invalid('text', 'Hãy ghi nội dung ý kiến chỉ đạo (cần có chữ hoặc số).');
  if (charCount(text) > DIRECTION_TEXT_MAX) invalid('text', `Ý kiến chỉ đạo dài tối đa ${DIRECTION_TEXT_MAX} ký tự.`);
  if (input.deadline !== undefined && input.deadline !== '' && !isCalendarDate(input.deadline))
    invalid('deadline', `Thời hạn "${input.deadline}" không phải một ngày trên lịch (dạng YYYY-MM-DD).`);
  const unit = input.responsibleUnit || undefined;
  if (unit !== undefined && !profile.units.some((u) => u.code === unit))
    invalid('responsibleUnit', `Không có phòng, đơn vị mã "${unit}". Các mã hiện có: ${profile.units.map((u) => u.code).join(', ')}.`);
  return {
    text,
    forProvince: input.forProvince === true,
    ...(input.deadline ? { deadline: input.deadline as LocalDate } : {}),
    ...(unit ? { responsibleUnit: unit } : {}),
  };
}

const who = (p: Principal) => ({ by: p.sub, byName: p.name ?? 'Lãnh đạo Sở' });

function conflict(code: string, message: string): never {
  throw new UseCaseError('conflict', code, message);
}

/** A leader gives a direction on a unit's proposal (one per proposal; a change is a new version). */
export async function recordDirection(
  stores: DirectionStores,
  p: Principal,
  input: DirectionInput & { period: string; unit: string; taskId: string },
  now: Date,
): Promise<Direction> {
  mayDirect(p);
  const profile = await profileOn(stores.agencies, p.agencyId, localDate(now, 'Asia/Ho_Chi_Minh'));
  const content = checkContent(input, profile);
  const head = await stores.submissions.getHead(p.agencyId, input.period, input.unit);
  const report = head?.state === 'submitted' ? head.data?.tasks.find((t) => t.taskId === input.taskId) : undefined;
  if (!report || !asksLeaders(report)) throw new UseCaseError('not_found', 'proposal_not_found', DIRECTION_MESSAGES.noProposal);
  const id = directionId(input.period, input.unit, input.taskId);
  if (await stores.directions.get(p.agencyId, id)) conflict('direction_exists', DIRECTION_MESSAGES.exists);
  const at = now.toISOString();
  const d = firstVersion(
    p.agencyId,
    { period: input.period, unit: input.unit, taskId: input.taskId, proposals: report.proposals, difficulties: report.difficulties },
    content,
    who(p),
    at,
  );
  const ok = await stores.directions.put(d, 0, {
    agencyId: p.agencyId,
    at,
    actor: actorOf(p),
    action: 'direction-recorded',
    target: `Ý kiến chỉ đạo ${id}`,
    after: { ...content },
  });
  if (!ok) conflict('direction_exists', DIRECTION_MESSAGES.exists);
  return d;
}

async function existing(stores: DirectionStores, p: Principal, id: string): Promise<Direction> {
  const d = parseDirectionId(id) ? await stores.directions.get(p.agencyId, id) : undefined;
  if (!d) throw new UseCaseError('not_found', 'direction_not_found', DIRECTION_MESSAGES.notFound);
  return d;
}

/** A new version of a direction, when `expectedVersion` is still the current one (else 409). */
export async function changeDirection(
  stores: DirectionStores,
  p: Principal,
  id: string,
  input: DirectionInput & { expectedVersion: number },
  now: Date,
): Promise<{ direction: Direction; changed: boolean }> {
  mayDirect(p);
  const current = await existing(stores, p, id);
  const profile = await profileOn(stores.agencies, p.agencyId, localDate(now, 'Asia/Ho_Chi_Minh'));
  const content = checkContent(input, profile);
  const stale = () => conflict('stale_direction', DIRECTION_MESSAGES.stale(current.version));
  if (current.version !== input.expectedVersion) stale();
  if (sameContent(current, content)) return { direction: current, changed: false };
  const at = now.toISOString();
  const next = nextVersion(current, content, who(p), at);
  const { text, deadline, responsibleUnit, forProvince } = current;
  const ok = await stores.directions.put(next, current.version, {
    agencyId: p.agencyId,
    at,
    actor: actorOf(p),
    action: 'direction-changed',
    target: `Ý kiến chỉ đạo ${id}`,
    before: { text, forProvince, ...(deadline ? { deadline } : {}), ...(responsibleUnit ? { responsibleUnit } : {}) },
    after: { ...content },
  });
  if (!ok) stale();
  return { direction: next, changed: true };
}

/** One direction with every version, oldest first. */
export async function readDirection(stores: DirectionStores, p: Principal, id: string): Promise<{ direction: Direction; versions: DirectionVersion[] }> {
  mayRead(p);
  const direction = await existing(stores, p, id);
  return { direction, versions: await stores.directions.versions(p.agencyId, id) };
}
