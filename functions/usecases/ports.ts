/**
 * Ports: what the use cases need from storage, files and mail. Adapters implement them
 * (functions/adapters); use cases and tests depend only on these interfaces.
 * flow: use case --> port <-- adapter
 */
import type { User } from '../core/users.ts';
import type { AgencyProfile, Audience } from '../core/agency.ts';
import type { ReportModel } from '../core/report-model.ts';
import type { Issuance, ReportVersion, SignedFile } from '../core/report-version.ts';
import type { Plan, PlanTask } from '../core/plan.ts';
import type { Grid } from '../core/plan-import/grid.ts';
import type { DraftInfo, Revision, SubmissionHead } from '../core/submission.ts';

export interface PlanMeta {
  agencyId: string;
  year: number;
  version: number;
  /** sha256 of the canonical plan JSON: importing the same plan again is a no-op. */
  hash: string;
  taskCount: number;
  importedAt: string;
  importedBy: string;
  source: string;
}

/** Reads a spreadsheet file (.xlsx) into the grid the plan import parses; throws when unreadable. */
export type SheetReader = (bytes: Buffer | Uint8Array) => Promise<Grid>;

export interface AgencyStore {
  /**
   * Stores a new effective-dated version; returns it with its version number. With an audit entry
   * (a change made in the portal), the entry is written in the same transaction, its `target`
   * completed with the version number the store assigned.
   */
  putProfile(profile: AgencyProfile, audit?: AuditEntry): Promise<AgencyProfile>;
  listProfiles(agencyId: string): Promise<AgencyProfile[]>;
  /** Every agency the deployment holds (ids, sorted): one item read, never a scan. */
  listAgencies(): Promise<string[]>;
}

export interface PlanStore {
  /**
   * Makes `plan` the current plan of its year. Writes a new version beside the old one and
   * switches to it with a conditional write, so readers never see half a plan. Returns the
   * stored meta and whether anything changed (same hash: nothing written).
   */
  putPlan(plan: Plan, meta: { hash: string; importedAt: string; importedBy: string; source: string }): Promise<{ meta: PlanMeta; changed: boolean }>;
  getPlanMeta(agencyId: string, year: number): Promise<PlanMeta | undefined>;
  getPlan(agencyId: string, year: number): Promise<Plan | undefined>;
  tasksByUnit(agencyId: string, year: number, unit: string): Promise<PlanTask[]>;
  listPlanYears(agencyId: string): Promise<number[]>;
}

export interface SubmitCommand {
  head: SubmissionHead;
  revision: Revision;
  /** The revision the client last saw (0 = first submission). */
  expectedRevision: number;
  idempotency?: { key: string; requestHash: string; expiresAt: number };
}

/**
 * A revision as stored: its field-level changes are not, since they follow from its content and
 * the previous revision's (the use case derives them), and storing both would let one revision
 * take three times the room of its content.
 */
export type StoredRevision = Omit<Revision, 'changes'>;

/** A saved draft with its content, as its own item. */
export type StoredDraft = Required<DraftInfo>;

export type SubmitOutcome =
  | { kind: 'stored'; head: SubmissionHead; revision: Revision }
  | { kind: 'conflict'; current: SubmissionHead | undefined }
  | { kind: 'replay'; revision: StoredRevision; sameRequest: boolean }
  | { kind: 'locked' };

export interface SubmissionStore {
  getHead(agencyId: string, period: string, unit: string): Promise<SubmissionHead | undefined>;
  listHeads(agencyId: string, period: string): Promise<SubmissionHead[]>;
  /** Heads of one unit before a period, newest first. */
  headsOfUnitBefore(agencyId: string, unit: string, period: string, limit: number): Promise<SubmissionHead[]>;
  /**
   * Stores a draft (content in its own item) and marks the head with when and by whom, in one
   * transaction; returns the head, draft content included.
   */
  saveDraft(agencyId: string, period: string, unit: string, draft: StoredDraft): Promise<SubmissionHead>;
  /** The last draft saved, or undefined; the caller checks it is the one the head names. */
  getDraft(agencyId: string, period: string, unit: string): Promise<StoredDraft | undefined>;
  submit(cmd: SubmitCommand): Promise<SubmitOutcome>;
  /** The revision an earlier request with this Idempotency-Key produced, if any. */
  findReplay(agencyId: string, key: string, requestHash: string): Promise<Extract<SubmitOutcome, { kind: 'replay' }> | undefined>;
  listRevisions(agencyId: string, period: string, unit: string): Promise<StoredRevision[]>;
  getRevision(agencyId: string, period: string, unit: string, revision: number): Promise<StoredRevision | undefined>;
  getLock(agencyId: string, period: string): Promise<PeriodLock | undefined>;
  /** Sets the lock and appends it to the period's lock log, in one write. */
  setLock(lock: PeriodLock): Promise<void>;
  /** Every lock and reopening of a period, oldest first (the lock log). */
  listLockLog(agencyId: string, period: string): Promise<PeriodLock[]>;
}

/** A period whose report has been issued: units can no longer revise until Văn phòng reopens it. */
export interface PeriodLock {
  agencyId: string;
  period: string;
  locked: boolean;
  at: string;
  by: string;
  /** Why: typed by Văn phòng when it locks or reopens by hand, written by the system when issuing or delivering locks. */
  reason?: string;
}

export interface StoredObject {
  key: string;
  size: number;
  contentType?: string;
  sha256?: string;
  lastModified?: string;
}

export interface FileArchive {
  /** Stores bytes with content type and a SHA-256 checksum the store verifies. */
  put(key: string, body: Uint8Array, contentType: string, metadata?: Record<string, string>): Promise<StoredObject>;
  get(key: string): Promise<{ body: Uint8Array; contentType?: string; metadata: Record<string, string> } | undefined>;
  list(prefix: string): Promise<StoredObject[]>;
  /** A short-lived download link. */
  presignGet(key: string, expiresInSeconds: number, downloadName?: string): Promise<string>;
  exists(key: string): Promise<boolean>;
}

// The records of a published version live in core (templates draw them; use cases store them).
export { issuanceNumber } from '../core/report-version.ts';
export type { Issuance, ReportFile, ReportFormat, ReportVersion, SignedFile } from '../core/report-version.ts';

/** A number of the register and the document that holds it. */
export interface RegisterEntry {
  agencyId: string;
  year: number;
  symbol: string;
  number: number;
  period: string;
  version: number;
  audience: Audience;
  /** "Báo cáo UBND tỉnh - tháng 5 năm 2024": what a person reads in a refusal. */
  title: string;
  date: string;
  at: string;
  by: string;
}

/** Reads the words a PDF shows, in reading order (to check a signed PDF against the issued one). */
export interface PdfText {
  /** Throws PdfUnreadableError when the bytes are not a PDF it can read (damaged, encrypted). */
  words(bytes: Uint8Array): Promise<string[]>;
}

export class PdfUnreadableError extends Error {
  override name = 'PdfUnreadableError';
}

/** Renders a model to file bytes; injected so that only the functions that render bundle the renderers. */
export interface Renderers {
  pdf(model: ReportModel): Promise<Uint8Array>;
  xlsx(model: ReportModel): Promise<Uint8Array>;
}

export type IssueOutcome =
  | { kind: 'issued'; version: ReportVersion }
  /** The number is in the register already (typed, or taken by a concurrent auto-numbering). */
  | { kind: 'number-taken'; holder: RegisterEntry | undefined }
  /** The counter moved since it was read: try the next number. */
  | { kind: 'counter-moved' }
  | { kind: 'already-issued'; version: ReportVersion | undefined }
  | { kind: 'superseded'; latest: number | undefined };

export interface ReportStore {
  latest(agencyId: string, period: string): Promise<ReportVersion | undefined>;
  listVersions(agencyId: string, period: string): Promise<ReportVersion[]>;
  /** Newest versions across periods, newest first. */
  listRecent(agencyId: string, limit: number): Promise<ReportVersion[]>;
  /**
   * Publishes a version if `previous` is still the latest (conditional write): the files are in
   * S3 already, and only this write makes them visible. Returns false when another compile won.
   */
  publish(version: ReportVersion, previous: number): Promise<boolean>;
  getVersion(agencyId: string, period: string, version: number): Promise<ReportVersion | undefined>;
  /** The last number given in a register (0 when none yet). */
  registerLast(agencyId: string, year: number, symbol: string): Promise<number>;
  registerEntry(agencyId: string, year: number, symbol: string, number: number): Promise<RegisterEntry | undefined>;
  /** Every number of a register, in order. */
  listRegister(agencyId: string, year: number, symbol: string): Promise<RegisterEntry[]>;
  /**
   * In one transaction: takes `entry.number` in the register (never taken before), moves the
   * counter from `expectedLast` (to the larger of it and the number), and records the issuance on
   * the version — only while it is the period's latest and that audience is not issued yet.
   */
  issue(entry: RegisterEntry, expectedLast: number, issuance: Issuance): Promise<IssueOutcome>;
  /** Records the signed PDF of an issued document; false when the document is not issued. */
  attachSigned(agencyId: string, period: string, version: number, audience: Audience, signed: SignedFile): Promise<boolean>;
}

export interface MailAttachment {
  fileName: string;
  contentType: string;
  content: Uint8Array;
}

export interface MailMessage {
  from: string;
  to: string[];
  replyTo?: string[];
  subject: string;
  text: string;
  html: string;
  attachments?: MailAttachment[];
}

/** Sends one email; throws when the provider refused it (nothing was sent). */
export interface Mailer {
  send(message: MailMessage): Promise<{ messageId: string }>;
}

/** A job's name in its run key: "compile-monthly", "remind-monthly", "deliver-quarterly". */
export type JobKey = string;

export type JobRunStatus = 'running' | 'failed' | 'done';

/** One run of a job for one scheduled time: the unit of idempotency of schedules. */
export interface JobRun {
  agencyId: string;
  job: JobKey;
  /** ISO instant the schedule was due (or the minute an operator ran it by hand). */
  scheduledTime: string;
  period: string;
  status: JobRunStatus;
  /** 1 for the first attempt; each takeover after a failure or an expired lease adds one. */
  attempt: number;
  source: string;
  startedAt: string;
  /** Until when the current attempt owns the run; after it, another attempt may take over. */
  leaseUntil: string;
  finishedAt?: string;
  error?: string;
  /** What the run produced (the report version, who was reminded, the delivery), replayed on a re-fire. */
  result?: Record<string, unknown>;
}

export type ClaimRunOutcome = { kind: 'claimed'; run: JobRun } | { kind: 'done'; run: JobRun } | { kind: 'busy'; run: JobRun };

export type DeliveryStatus = 'sending' | 'retrying' | 'sent' | 'failed' | 'interrupted';

/** One email of the delivery log: the UBND report, a failure notice, a reminder, a summary. */
export interface DeliveryEntry {
  agencyId: string;
  period: string;
  /** The run that sends it: "deliver-monthly@2024-05-21T03:00:00.000Z". */
  run: string;
  /** "ubnd-report", "ubnd-failure-notice", "reminder:QLKH", "reminder-summary". */
  purpose: string;
  to: string[];
  subject: string;
  reportVersion?: number;
  /** File names attached, and the portal link when a file was too large to attach. */
  attachments?: string[];
  link?: string;
  status: DeliveryStatus;
  attempts: { at: string; ok: boolean; messageId?: string; error?: string }[];
  /**
   * The attempt of the run that last claimed it. A later attempt of the run (the scheduler's
   * retry after a failure) may try a finally failed email again, in a round of its own.
   */
  runAttempt?: number;
  /** Attempts made before the current round (the round's own attempts count toward its limit). */
  roundStart?: number;
  messageId?: string;
  createdAt: string;
  updatedAt: string;
}

export type ClaimMailOutcome =
  | { kind: 'claimed'; entry: DeliveryEntry }
  /** Already handled by an earlier attempt of the same run: sent, finally failed, or interrupted. */
  | { kind: 'settled'; entry: DeliveryEntry };

export interface JobStore {
  /**
   * Starts a run, or takes over one whose last attempt failed or whose lease expired (conditional
   * writes: two concurrent firings never both own it). A finished run is returned as `done`.
   */
  claimRun(run: Omit<JobRun, 'status' | 'attempt'>, now: string): Promise<ClaimRunOutcome>;
  /** Records the result; false when another attempt took the run over meanwhile. */
  finishRun(run: JobRun, result: Record<string, unknown>, at: string): Promise<boolean>;
  failRun(run: JobRun, error: string, at: string): Promise<void>;
  getRun(agencyId: string, job: JobKey, scheduledTime: string): Promise<JobRun | undefined>;
  /** Newest runs first (what ran when). */
  recentRuns(agencyId: string, limit: number): Promise<JobRun[]>;
  /**
   * Claims one email of a run before it is sent. An entry left `sending` by an attempt that died
   * is marked `interrupted` and returned settled: whether it went out is unknown, and sending it
   * again could send it twice. A `failed` entry is claimed again, in a new round, only by a later
   * attempt of the run (`entry.runAttempt` greater than the one that failed it): nothing went out.
   */
  claimMail(entry: Omit<DeliveryEntry, 'status' | 'attempts' | 'createdAt' | 'updatedAt'>, at: string): Promise<ClaimMailOutcome>;
  /** Appends an attempt; `final` sets the status (sent / failed), otherwise it becomes `retrying`. */
  recordMailAttempt(
    entry: Pick<DeliveryEntry, 'agencyId' | 'period' | 'run' | 'purpose'>,
    attempt: DeliveryEntry['attempts'][number],
    final?: 'sent' | 'failed',
  ): Promise<DeliveryEntry>;
  /** The delivery log of a period, oldest first. */
  listDeliveries(agencyId: string, period: string): Promise<DeliveryEntry[]>;
}

export type { AuditEntry } from '../core/users.ts';
import type { AuditEntry } from '../core/users.ts';
import type { Direction, DirectionVersion } from '../core/direction.ts';

export type CreateUserOutcome = { kind: 'created' } | { kind: 'email-taken'; agencyId: string };

/** The people who sign in, by agency and by email (one agency per email). */
export interface UserStore {
  /** The person an address belongs to, in whichever agency holds it. */
  findByEmail(email: string): Promise<User | undefined>;
  listUsers(agencyId: string): Promise<User[]>;
  /** Creates the person and claims the email for the agency, with the audit entry, in one transaction. */
  create(user: User, audit: AuditEntry): Promise<CreateUserOutcome>;
  /** Replaces the person if still at `expectedVersion`, with the audit entry; false when someone changed it first. */
  update(user: User, expectedVersion: number, audit: AuditEntry): Promise<boolean>;
  listAudit(agencyId: string, limit: number): Promise<AuditEntry[]>;
  /** Adds an entry of a change made elsewhere (a plan import, a deadline amendment). */
  appendAudit(entry: AuditEntry): Promise<void>;
}

/**
 * The leaders' directions (core/direction.ts): the current state of each, and every version.
 */
export interface DirectionStore {
  /** Every direction of the agency (its current version). */
  list(agencyId: string): Promise<Direction[]>;
  get(agencyId: string, id: string): Promise<Direction | undefined>;
  /** Every version of a direction, oldest first. */
  versions(agencyId: string, id: string): Promise<DirectionVersion[]>;
  /**
   * In one transaction: the direction's new state (only while its stored version is
   * `expectedVersion`; 0 = it must not exist yet), its version record and the audit entry.
   * False when another change came first (nothing written).
   */
  put(direction: Direction, expectedVersion: number, audit: AuditEntry): Promise<boolean>;
}

/** Where changes other than people's are logged: the same audit log as people's. */
export type AuditLog = Pick<UserStore, 'appendAudit'>;

/** A sign-in code waiting for its address: only its hash is kept. */
export interface PendingCode {
  email: string;
  hash: string;
  /** ISO instant after which it is refused. */
  expiresAt: string;
  /** Wrong guesses so far. */
  attempts: number;
  /**
   * What the code's issuer needs back to check it, when it is not us: Cognito's `Session` of the
   * USER_AUTH flow (opaque, useless without the emailed code). Kept server-side only, never logged.
   */
  challenge?: string;
}

export interface SignInCodeStore {
  /** Replaces any pending code of the address (a new request voids the old code). */
  save(code: PendingCode): Promise<void>;
  get(email: string): Promise<PendingCode | undefined>;
  /** Counts one wrong guess; returns the new count (conditional: concurrent guesses each count). */
  countFailure(email: string): Promise<number>;
  /** Uses the code: succeeds once for this hash, false when it was used or replaced meanwhile. */
  consume(email: string, hash: string): Promise<boolean>;
  /** Adds one to a counter of the hour and returns the new value (per address and per source). */
  bump(kind: 'email' | 'source', id: string, hour: string): Promise<number>;
}

export type RedeemOutcome =
  /** The code was right: the person's access token. */
  | { kind: 'token'; token: string }
  /** Wrong code (another guess may follow while attempts remain). */
  | { kind: 'wrong' }
  /** The code, or the issuer's side of it, is no longer usable: a new code is needed. */
  | { kind: 'expired' };

/**
 * Where sign-in codes come from and are checked: our own (a hash in the table, our email, the local
 * issuer's token) or Cognito's passwordless email sign-in (Cognito emails and checks the code and
 * issues the token). The use case keeps the limits, the pending record and single use either way.
 */
export interface CodeChannel {
  /** How long a code can be used, in minutes (what the person is told). */
  readonly minutes: number;
  /** Sends a new code to an active person, handing `keep` what the second step needs (nothing, when no code was sent). */
  send(user: User, now: Date, keep: (pending: PendingCode) => Promise<void>): Promise<void>;
  /** Checks a code against what was kept. */
  redeem(pending: PendingCode, code: string, user: User): Promise<RedeemOutcome>;
}

/** Signs a person in: an access token with their role, unit and agency (the local issuer; Cognito in AWS). */
export interface TokenIssuer {
  issue(user: User): Promise<string>;
}

/** Ends a person's open sessions (a disabled account): their tokens issued until now are refused. */
export interface SessionRevoker {
  revokeSubject(agencyId: string, sub: string, at: string): Promise<void>;
}

export type DirectoryOutcome = { kind: 'ready'; sub: string } | { kind: 'other-agency' };

/**
 * The sign-in identities people hold: Cognito's users and groups in AWS (agency, role and unit as
 * the token's `cognito:groups`), nothing locally (the local issuer mints tokens from the UserStore).
 * Every method brings the identity to the state given, so calling it again after a failure converges.
 */
export interface IdentityDirectory {
  /**
   * Creates (or adopts, when it exists without an agency of its own) the person's identity in the
   * user's agency, role and unit; `other-agency` when it belongs to another agency.
   */
  create(user: Omit<User, 'sub'>): Promise<DirectoryOutcome>;
  /** Brings groups and enabled state to the user's; a disabled person's sessions end. */
  apply(user: User): Promise<void>;
}

/** An object in the attachment area, as a HEAD sees it. */
export interface AttachmentObject {
  size: number;
  contentType?: string;
  metadata: Record<string, string>;
}

/**
 * Units' attachments in the bucket (core/attachment.ts): a presigned POST for the browser's upload
 * (size range, type and key in its policy), and what the content check and downloads need.
 */
export interface AttachmentStore {
  presignUpload(
    key: string,
    opts: { contentType: string; maxBytes: number; expiresInSeconds: number; metadata: Record<string, string> },
  ): Promise<{ url: string; fields: Record<string, string> }>;
  head(key: string): Promise<AttachmentObject | undefined>;
  /** Bytes [start, end] of the object (inclusive, clipped to its size). */
  readRange(key: string, start: number, end: number): Promise<Uint8Array>;
  /** Copies an object to another key with this content type and metadata. */
  copy(from: string, to: string, contentType: string, metadata: Record<string, string>): Promise<void>;
  delete(key: string): Promise<void>;
  presignGet(key: string, expiresInSeconds: number, downloadName: string): Promise<string>;
}
