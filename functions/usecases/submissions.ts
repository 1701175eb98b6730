/**
 * The monthly submission use cases: what the form shows, saving a draft, submitting a revision,
 * reading submissions and their history, and reopening an issued period.
 * flow: handlers --> submissions use case --> core rules + SubmissionStore/PlanStore ports
 */
import { createHash } from 'node:crypto';
import { canReadAll, canReadUnit, canWriteUnit, isVanPhong, type Principal } from '../core/auth.ts';
import { canonicalJson } from '../core/canonical-json.ts';
import { localDate } from '../core/clock.ts';
import { isOnTime, parsePeriod, periodLabel, submissionDeadlineDate, periodWindow, type Period } from '../core/period.ts';
import { checkReportDates, checkSubmissionRules } from '../core/submission-rules.ts';
import { diffSubmission, type Revision, type SubmissionData, type SubmissionHead } from '../core/submission.ts';
import { MAX_STORED_CONTENT_BYTES, storedSize } from '../core/stored-size.ts';
import { formDirection, type FormContext, type FormDirection } from '../core/form-context.ts';
import { directionsForForm } from '../core/direction.ts';
import type { AgencyProfile } from '../core/agency.ts';
import { LOCK_REASON_MAX } from '../core/lock-log.ts';
import { text } from '../core/text-schema.ts';
import { profileOn } from './agency-service.ts';
import { dueTasks } from './due-tasks.ts';
import { UseCaseError } from './errors.ts';
import { verifiedAttachments } from './attachment-refs.ts';
import type { AgencyStore, AttachmentStore, DirectionStore, PlanStore, StoredDraft, StoredRevision, SubmissionStore, SubmitOutcome } from './ports.ts';

export interface Stores {
  agencies: AgencyStore;
  plans: PlanStore;
  submissions: SubmissionStore;
  /** Where attachments are kept; without it, content that names an attachment is refused. */
  attachments?: AttachmentStore;
  /** The leaders' directions the form shows next to a task; without it, none. */
  directions?: DirectionStore;
}

/** Idempotency records live a week: long enough for any client retry, short enough to expire. */
const IDEMPOTENCY_TTL_SECONDS = 7 * 24 * 3600;

/**
 * An Idempotency-Key belongs to the person who sent it and the unit it was for: another user, or
 * the same Văn phòng user writing for another unit, may happen to choose the same key and must not
 * get someone else's result (or a 422). The user id enters as a hash: keys stay short and plain.
 */
function scopedIdempotencyKey(p: Principal, unit: string, key: string): string {
  return `${unit}#${createHash('sha256').update(p.sub).digest('base64url').slice(0, 16)}#${key}`;
}

export function monthlyPeriod(id: string): Period {
  const p = parsePeriod(id);
  if (p.kind !== 'monthly') {
    throw new UseCaseError('bad_request', 'invalid_period', `Báo cáo của phòng, đơn vị là báo cáo tháng: dùng kỳ dạng YYYY-MM (nhận được "${id}").`, [
      { field: 'period', message: 'Kỳ báo cáo dạng YYYY-MM.' },
    ]);
  }
  return p;
}

function requireUnit(profile: AgencyProfile, code: string) {
  const unit = profile.units.find((u) => u.code === code);
  if (!unit)
    throw new UseCaseError('not_found', 'unit_not_found', `Không có phòng, đơn vị mã "${code}".`, [{ field: 'unit', message: 'Mã đơn vị không tồn tại.' }]);
  return unit;
}

/** The unit a request acts for: a unit user's own; Văn phòng and leaders must name one. */
export function resolveUnit(p: Principal, requested: string | undefined): string {
  if (p.role === 'unit') {
    if (requested && requested !== p.unit) throw new UseCaseError('forbidden', 'forbidden', 'Bạn chỉ được xem và báo cáo cho phòng, đơn vị của mình.');
    return p.unit!;
  }
  if (!requested) throw new UseCaseError('bad_request', 'unit_required', 'Hãy chọn phòng, đơn vị (tham số unit).', [{ field: 'unit', message: 'Bắt buộc.' }]);
  return requested;
}

async function periodIsFuture(profile: AgencyProfile, period: Period, now: Date): Promise<boolean> {
  return periodWindow(period, profile.periodWindows).from > localDate(now, profile.timeZone);
}

// What the form is given: declared in core, where the form's own script reads it too.
export type { FormContext, FormTask } from '../core/form-context.ts';

export async function formContext(stores: Stores, p: Principal, unitCode: string, periodId: string): Promise<FormContext> {
  if (!canReadUnit(p, unitCode)) throw new UseCaseError('forbidden', 'forbidden', 'Bạn chỉ được xem báo cáo của phòng, đơn vị mình.');
  const period = monthlyPeriod(periodId);
  const profile = await profileOn(stores.agencies, p.agencyId, periodWindow(period).to);
  const unit = requireUnit(profile, unitCode);
  const [due, head, lock, directions] = await Promise.all([
    dueTasks(stores, p.agencyId, unit.code, period),
    headWithDraft(stores, p.agencyId, period.id, unit.code),
    stores.submissions.getLock(p.agencyId, period.id),
    formDirections(stores, p.agencyId, profile, unit.code, period.id),
  ]);
  const initial: SubmissionData = head?.draft?.data ??
    head?.data ?? {
      reporterName: '',
      otherWork: [],
      tasks: due.tasks
        .filter((t) => due.previous.has(t.id))
        .map((t) => {
          const { period: _p, reason: _r, proposalTo: _to, directionAnswers: _da, ...prev } = due.previous.get(t.id)!;
          // Carry over what stays true (status, progress, products, the plan ahead); what belongs to
          // one month starts empty: its results, and its difficulties and proposals — last month's
          // proposal copied forward would go back to the leaders as if new (issue 14).
          return { ...prev, result: '', difficulties: '', proposals: '', needsDecision: false, reason: undefined };
        }),
    };
  return {
    period: {
      id: period.id,
      label: periodLabel(period),
      deadline: submissionDeadlineDate(period, profile),
      window: periodWindow(period, profile.periodWindows),
    },
    unit: { code: unit.code, name: unit.name },
    tasks: due.tasks.map((t) => ({
      task: t,
      carriedOver: due.carriedOver.has(t.id),
      ...(due.previous.has(t.id) ? { previous: due.previous.get(t.id)! } : {}),
    })),
    ...(head ? { head } : {}),
    initial,
    locked: lock?.locked === true,
    planFound: due.planFound,
    leaders: profile.leaders.map((l) => ({ id: l.id, name: l.name })),
    directions: directions.filter((d) => due.tasks.some((t) => t.id === d.taskId)),
  };
}

/**
 * The directions the unit's form of a month shows (core/direction.ts#directionsForForm): read only
 * when the agency has any, with the unit's reports of the last twelve months (answered or not).
 */
async function formDirections(stores: Stores, agencyId: string, profile: AgencyProfile, unit: string, period: string): Promise<FormDirection[]> {
  const all = (await stores.directions?.list(agencyId)) ?? [];
  if (!all.some((d) => d.proposal.period < period)) return [];
  const earlier = await stores.submissions.headsOfUnitBefore(agencyId, unit, period, 12);
  const taskIds = new Set(all.map((d) => d.proposal.taskId));
  return directionsForForm(all, unit, period, taskIds, earlier).map((d) => formDirection(d, profile));
}

/** Who may write, for which unit and period; the lock is checked separately (after replays). */
async function target(stores: Stores, p: Principal, unitCode: string, periodId: string, now: Date) {
  const period = writablePeriod(p, unitCode, periodId);
  const profile = await profileOn(stores.agencies, p.agencyId, periodWindow(period).to);
  return { period, profile, unit: await openUnit(profile, unitCode, period, now) };
}

/** The period a principal writes for a unit in: refused when the unit is not theirs to write. */
function writablePeriod(p: Principal, unitCode: string, periodId: string): Period {
  if (!canWriteUnit(p, unitCode)) throw new UseCaseError('forbidden', 'forbidden', 'Bạn chỉ được báo cáo cho phòng, đơn vị của mình.');
  return monthlyPeriod(periodId);
}

/** The unit of the profile in force, in a period that has begun. */
async function openUnit(profile: AgencyProfile, unitCode: string, period: Period, now: Date) {
  const unit = requireUnit(profile, unitCode);
  if (await periodIsFuture(profile, period, now)) {
    throw new UseCaseError('invalid', 'period_not_open', `Kỳ ${periodLabel(period)} chưa bắt đầu; chưa thể báo cáo.`, [
      { field: 'period', message: 'Kỳ báo cáo chưa bắt đầu.' },
    ]);
  }
  return unit;
}

export async function writable(stores: Stores, p: Principal, unitCode: string, periodId: string, now: Date) {
  const t = await target(stores, p, unitCode, periodId, now);
  await assertOpen(stores, p.agencyId, t.period);
  return t;
}

async function assertOpen(stores: Stores, agencyId: string, period: Period): Promise<void> {
  const lock = await stores.submissions.getLock(agencyId, period.id);
  if (lock?.locked) throw lockedError(period);
}

function lockedError(period: Period): UseCaseError {
  return new UseCaseError('locked', 'period_locked', `Báo cáo ${periodLabel(period)} đã được ban hành; muốn sửa, hãy đề nghị Văn phòng Sở mở lại kỳ báo cáo.`);
}

/**
 * One unit's head with its draft's content, when the draft item is the one the head names (a draft
 * item left from before a submission, which cleared the head's draft, is not).
 */
async function headWithDraft(stores: Stores, agencyId: string, period: string, unit: string): Promise<SubmissionHead | undefined> {
  const [head, draft] = await Promise.all([stores.submissions.getHead(agencyId, period, unit), stores.submissions.getDraft(agencyId, period, unit)]);
  return head?.draft && !head.draft.data && draft?.savedAt === head.draft.savedAt ? { ...head, draft } : head;
}

const kb = (bytes: number) => Math.ceil(bytes / 1024);

/** Content that would not fit its item (core/stored-size.ts) is refused before anything is written. */
function assertFits(data: SubmissionData): void {
  const size = storedSize(data);
  if (size > MAX_STORED_CONTENT_BYTES) {
    throw new UseCaseError(
      'too_large',
      'report_too_large',
      `Báo cáo quá lớn để lưu: ${kb(size)} KB khi lưu, tối đa ${kb(MAX_STORED_CONTENT_BYTES)} KB. Hãy rút gọn nội dung (một số ký hiệu đặc biệt chiếm nhiều chỗ hơn khi lưu).`,
    );
  }
}

/** Impossible dates and dates outside the plan's years are malformed input: 400 invalid_date. */
function dateErrors(data: SubmissionData, period: Period) {
  const errors = checkReportDates(data, period.year);
  if (errors.length) {
    throw new UseCaseError(
      'bad_request',
      'invalid_date',
      'Ngày tháng không hợp lệ, vui lòng kiểm tra các trường được đánh dấu.',
      errors.map((e) => ({ field: `data.${e.field}`, message: e.message })),
    );
  }
}

function ruleErrors(data: SubmissionData, due: Awaited<ReturnType<typeof dueTasks>>, today: string, final: boolean) {
  const errors = checkSubmissionRules(data, { dueTasks: due.tasks, previous: due.previous, today }, { final });
  if (errors.length) {
    throw new UseCaseError(
      'invalid',
      'invalid_input',
      'Báo cáo chưa hợp lệ, vui lòng kiểm tra các trường được đánh dấu.',
      errors.map((e) => ({ field: `data.${e.field}`, message: e.message })),
    );
  }
}

export async function saveDraft(
  stores: Stores,
  p: Principal,
  input: { period: string; unit: string; data: SubmissionData },
  now: Date,
): Promise<SubmissionHead> {
  const { period, profile, unit } = await writable(stores, p, input.unit, input.period, now);
  dateErrors(input.data, period);
  const due = await dueTasks(stores, p.agencyId, unit.code, period);
  // A draft may be incomplete, but may not name tasks the unit does not own.
  ruleErrors({ ...input.data, tasks: input.data.tasks.map((t) => ({ ...t, reason: t.reason ?? 'nháp' })) }, due, localDate(now, profile.timeZone), false);
  assertFits(input.data);
  const data = await verifiedAttachments(stores.attachments, { agencyId: p.agencyId, period: period.id, unit: unit.code }, input.data);
  const draft: StoredDraft = { data, savedAt: now.toISOString(), savedBy: p.sub };
  return stores.submissions.saveDraft(p.agencyId, period.id, unit.code, draft);
}

export interface SubmitInput {
  period: string;
  unit: string;
  /** The revision the client last saw (0 for a first submission). */
  baseRevision: number;
  data: SubmissionData;
  idempotencyKey?: string;
  /**
   * An operator loading history (usecases/import-submissions.ts): the revision is made as if sent
   * at `submittedAt` — the period's opening, the rules' "today", on time or late and the stored
   * times all read that instant, not the server's clock — and is marked `imported`. `dryRun`
   * checks everything and stores nothing.
   */
  history?: { submittedAt: Date; dryRun?: boolean };
}

export interface SubmitResult {
  head: SubmissionHead;
  revision: Revision;
  replayed: boolean;
}

export async function submit(stores: Stores, p: Principal, input: SubmitInput, clock: Date): Promise<SubmitResult> {
  // The instant the submission is made at: the server's clock, or an imported entry's own time
  // (which may not lie ahead of the clock: history is what has happened).
  const now = input.history?.submittedAt ?? clock;
  if (now.getTime() > clock.getTime()) {
    throw new UseCaseError('invalid', 'submitted_in_future', `Thời điểm gửi ${now.toISOString()} ở tương lai: chỉ nhập được báo cáo đã gửi.`, [
      { field: 'submittedAt', message: 'Thời điểm gửi không được sau hiện tại.' },
    ]);
  }
  const period = writablePeriod(p, input.unit, input.period);
  const requestHash = createHash('sha256')
    .update(canonicalJson({ period: period.id, unit: input.unit, base: input.baseRevision, data: input.data }))
    .digest('hex');
  const idempotencyKey = input.idempotencyKey ? scopedIdempotencyKey(p, input.unit, input.idempotencyKey) : undefined;
  // Everything the decision needs, read at once — the profile too, before the unit is known to
  // exist: the stores' single-item reads issued here go out together (one BatchGetItem on
  // DynamoDB: docs/data-model.md, "A submit's reads"), the earlier heads in a Query beside it.
  const [profile, replay, lock, due, current] = await Promise.all([
    profileOn(stores.agencies, p.agencyId, periodWindow(period).to),
    idempotencyKey ? stores.submissions.findReplay(p.agencyId, idempotencyKey, requestHash) : Promise.resolve(undefined),
    stores.submissions.getLock(p.agencyId, period.id),
    dueTasks(stores, p.agencyId, input.unit, period),
    stores.submissions.getHead(p.agencyId, period.id, input.unit),
  ]);
  // The same checks, in the same order, as target(): an unknown unit or a future period is
  // refused before a replay is answered.
  const unit = await openUnit(profile, input.unit, period, now);
  // A retry of a request that already succeeded gets its first result, even if the period was
  // locked or the rules' inputs changed in between.
  if (replay) return replayResult(stores, p, period, unit.code, replay);
  if (lock?.locked) throw lockedError(period);
  dateErrors(input.data, period);
  ruleErrors(input.data, due, localDate(now, profile.timeZone), true);
  assertFits(input.data);
  const data = await verifiedAttachments(stores.attachments, { agencyId: p.agencyId, period: period.id, unit: unit.code }, input.data);
  // Sending again exactly what the latest revision holds (a second click, a resend from another
  // tab) makes no empty revision: the answer is that revision, as for a replay. With a draft saved
  // since, a new revision is made, so the submission replaces the draft as it always does.
  if (current && current.revision > 0 && current.revision === input.baseRevision && !current.draft && canonicalJson(current.data) === canonicalJson(data)) {
    const latest = await stores.submissions.getRevision(p.agencyId, period.id, unit.code, current.revision);
    if (latest) return { head: current, revision: await withChanges(stores, latest), replayed: true };
  }
  const at = now.toISOString();
  const onTime = isOnTime(period, profile, now);
  const next = input.baseRevision + 1;
  const revision: Revision = {
    agencyId: p.agencyId,
    period: period.id,
    unit: unit.code,
    revision: next,
    at,
    by: p.sub,
    onTime,
    ...(input.history ? { imported: true as const } : {}),
    data,
    changes: diffSubmission(current?.data, data),
  };
  const head: SubmissionHead = {
    agencyId: p.agencyId,
    period: period.id,
    unit: unit.code,
    state: 'submitted',
    revision: next,
    data,
    firstSubmittedAt: current?.firstSubmittedAt ?? at,
    submittedAt: at,
    onTime: current?.onTime ?? onTime,
    updatedAt: at,
  };
  if (input.history?.dryRun) return { head, revision, replayed: false };
  const outcome = await stores.submissions.submit({
    head,
    revision,
    expectedRevision: input.baseRevision,
    ...(idempotencyKey ? { idempotency: { key: idempotencyKey, requestHash, expiresAt: Math.floor(clock.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS } } : {}),
  });
  switch (outcome.kind) {
    case 'stored':
      return { head: outcome.head, revision: outcome.revision, replayed: false };
    case 'replay':
      return replayResult(stores, p, period, unit.code, outcome);
    case 'locked':
      throw lockedError(period);
    case 'conflict':
      throw new UseCaseError(
        'conflict',
        'stale_revision',
        `Báo cáo đã được cập nhật (phiên bản ${outcome.current?.revision ?? 0}) sau khi bạn mở. Hãy xem bản mới nhất, đối chiếu rồi gửi lại; nội dung bạn nhập vẫn được giữ.`,
        [],
        { current: outcome.current ?? null, yours: input.data, baseRevision: input.baseRevision },
      );
  }
}

async function replayResult(
  stores: Stores,
  p: Principal,
  period: Period,
  unit: string,
  replay: Extract<SubmitOutcome, { kind: 'replay' }>,
): Promise<SubmitResult> {
  if (!replay.sameRequest) {
    throw new UseCaseError('invalid', 'idempotency_key_reused', 'Mã Idempotency-Key này đã được dùng cho một nội dung khác; hãy dùng mã mới cho lần gửi mới.');
  }
  const [head, revision] = await Promise.all([stores.submissions.getHead(p.agencyId, period.id, unit), withChanges(stores, replay.revision)]);
  return { head: head!, revision, replayed: true };
}

/** A stored revision with its changes, derived from the revision before it. */
async function withChanges(stores: Stores, revision: StoredRevision): Promise<Revision> {
  const before =
    revision.revision > 1 ? await stores.submissions.getRevision(revision.agencyId, revision.period, revision.unit, revision.revision - 1) : undefined;
  return { ...revision, changes: diffSubmission(before?.data, revision.data) };
}

export async function listSubmissions(stores: Stores, p: Principal, periodId: string): Promise<SubmissionHead[]> {
  const period = monthlyPeriod(periodId);
  const heads = await stores.submissions.listHeads(p.agencyId, period.id);
  return canReadAll(p) ? heads : heads.filter((h) => h.unit === p.unit);
}

export async function getSubmission(stores: Stores, p: Principal, periodId: string, unit: string): Promise<SubmissionHead> {
  if (!canReadUnit(p, unit)) throw new UseCaseError('forbidden', 'forbidden', 'Bạn chỉ được xem báo cáo của phòng, đơn vị mình.');
  const period = monthlyPeriod(periodId);
  const head = await headWithDraft(stores, p.agencyId, period.id, unit);
  if (!head) throw new UseCaseError('not_found', 'submission_not_found', `Chưa có báo cáo ${periodLabel(period)} của đơn vị ${unit}.`);
  return head;
}

export async function listRevisions(stores: Stores, p: Principal, periodId: string, unit: string): Promise<Revision[]> {
  if (!canReadUnit(p, unit)) throw new UseCaseError('forbidden', 'forbidden', 'Bạn chỉ được xem báo cáo của phòng, đơn vị mình.');
  const period = monthlyPeriod(periodId);
  const revisions = await stores.submissions.listRevisions(p.agencyId, period.id, unit);
  // Oldest first: each one's changes are against the one before (the first's, against nothing).
  return revisions.map((r, i) => ({ ...r, changes: diffSubmission(revisions[i - 1]?.data, r.data) }));
}

/**
 * Văn phòng locks or reopens a month by hand, saying why: the reason is required (a clerk reading
 * the log later wants it for both), cleaned and limited like any typed text, and kept in the
 * period's lock log with who and when (docs/decisions.md, "A reason for every lock and reopening").
 */
export async function setPeriodLock(stores: Stores, p: Principal, periodId: string, locked: boolean, now: Date, reason: string): Promise<void> {
  if (!isVanPhong(p)) throw new UseCaseError('forbidden', 'forbidden', 'Chỉ Văn phòng Sở được khóa hoặc mở lại kỳ báo cáo.');
  const period = monthlyPeriod(periodId);
  const checked = lockReasonSchema.safeParse(reason);
  if (!checked.success) {
    const message = checked.error.issues[0]!.message;
    throw new UseCaseError('invalid', 'invalid_reason', message, [{ field: 'reason', message }]);
  }
  await stores.submissions.setLock({ agencyId: p.agencyId, period: period.id, locked, at: now.toISOString(), by: p.sub, reason: checked.data });
}

const lockReasonSchema = text(LOCK_REASON_MAX, { min: 1, label: 'Lý do' });
