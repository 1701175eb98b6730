/**
 * Ports: what the use cases need from storage, files and mail. Adapters implement them
 * (functions/adapters); use cases and tests depend only on these interfaces.
 * flow: use case --> port <-- adapter
 */
import type { AgencyProfile } from '../core/agency.ts';
import type { Plan, PlanTask } from '../core/plan.ts';
import type { Revision, SubmissionData, SubmissionHead } from '../core/submission.ts';

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

export interface AgencyStore {
  /** Stores a new effective-dated version; returns it with its version number. */
  putProfile(profile: AgencyProfile): Promise<AgencyProfile>;
  listProfiles(agencyId: string): Promise<AgencyProfile[]>;
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

export type SubmitOutcome =
  | { kind: 'stored'; head: SubmissionHead; revision: Revision }
  | { kind: 'conflict'; current: SubmissionHead | undefined }
  | { kind: 'replay'; revision: Revision; sameRequest: boolean }
  | { kind: 'locked' };

export interface SubmissionStore {
  getHead(agencyId: string, period: string, unit: string): Promise<SubmissionHead | undefined>;
  listHeads(agencyId: string, period: string): Promise<SubmissionHead[]>;
  /** Heads of one unit before a period, newest first. */
  headsOfUnitBefore(agencyId: string, unit: string, period: string, limit: number): Promise<SubmissionHead[]>;
  saveDraft(agencyId: string, period: string, unit: string, draft: { data: SubmissionData; savedAt: string; savedBy: string }): Promise<SubmissionHead>;
  submit(cmd: SubmitCommand): Promise<SubmitOutcome>;
  listRevisions(agencyId: string, period: string, unit: string): Promise<Revision[]>;
  getRevision(agencyId: string, period: string, unit: string, revision: number): Promise<Revision | undefined>;
  getLock(agencyId: string, period: string): Promise<PeriodLock | undefined>;
  setLock(lock: PeriodLock): Promise<void>;
}

/** A period whose report has been issued: units can no longer revise until Văn phòng reopens it. */
export interface PeriodLock {
  agencyId: string;
  period: string;
  locked: boolean;
  at: string;
  by: string;
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

export type ReportFormat = 'pdf' | 'xlsx';

export interface ReportFile {
  audience: 'director' | 'ubnd';
  format: ReportFormat;
  key: string;
  size: number;
  sha256: string;
  contentType: string;
}

/** One published version of a period's reports: the four files and what they were built from. */
export interface ReportVersion {
  agencyId: string;
  period: string;
  version: number;
  /** sha256 of the input data (plan, profile, submissions): same hash, same report. */
  inputHash: string;
  issueDate: string;
  createdAt: string;
  /** "api:<user>", "cli:<user>", "schedule:<name>@<scheduled time>". */
  trigger: string;
  files: ReportFile[];
}

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
}
