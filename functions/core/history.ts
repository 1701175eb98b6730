/**
 * What the history pages show (issue 14), as data: a unit's revisions with what changed, and a
 * month's report versions with what changed between them, what was issued, and the emails sent.
 * The history use case builds it, templates/web draws it.
 * flow: history use case / history views --> history records
 */
import type { Audience } from './agency.ts';
import type { LockLine } from './lock-log.ts';
import type { RevisionDiff } from './revision-diff.ts';

export interface RevisionEntry {
  revision: number;
  /** ISO instant it was submitted. */
  at: string;
  /** The user id (sub) stored with it, and that person's name when the agency's people list has it. */
  by: string;
  byName?: string;
  onTime: boolean;
  /** Loaded by an operator with its recorded time (CLI import-submissions), not sent from the form. */
  imported?: true;
  /** The name typed in the form ("Họ tên người báo cáo"). */
  reporterName: string;
  /** Against the revision before; the first one's against nothing (what was submitted). */
  diff: RevisionDiff;
}

export interface UnitHistory {
  period: string;
  unit: { code: string; name: string };
  timeZone: string;
  /** Plan number and content of the tasks the revisions name, when the plan has them. */
  tasks: Record<string, { number: string; content: string }>;
  /** Newest first. */
  revisions: RevisionEntry[];
}

export interface IssueEntry {
  audience: Audience;
  numberText: string;
  /** The date on the document. */
  date: string;
  /** When it was issued, by whom (a user id, or the delivery job's run), and the name when known. */
  at: string;
  by: string;
  byName?: string;
  auto: boolean;
  signedAt?: string;
}

export interface UnitRevisions {
  code: string;
  name: string;
  /** The revisions submitted in the interval, oldest first. */
  revisions: number[];
}

export interface VersionEntry {
  version: number;
  createdAt: string;
  /** "api:<sub>", "schedule:…", "cli:…"; with the person's name when an API user compiled it. */
  trigger: string;
  triggeredBy?: string;
  issueDate: string;
  /** Built from the same data as the version before (a new draft date only). */
  sameInput: boolean;
  /**
   * The units with a revision submitted after the version before was created and up to this one;
   * for the first version, every unit whose submission it was built from.
   */
  units: UnitRevisions[];
  issued: IssueEntry[];
  /** Whether this version's UBND report was emailed (a `sent` ubnd-report entry names it). */
  delivered: boolean;
}

/** One email of the month's delivery log, as the page lists it. */
export interface DeliveryLine {
  /** "ubnd-report", "reminder:QLKH", … */
  purpose: string;
  to: string[];
  reportVersion?: number;
  /** When its last attempt was made (or the entry last changed). */
  at: string;
  status: 'sending' | 'retrying' | 'sent' | 'failed' | 'interrupted';
  attempts: number;
  messageId?: string;
  /** The last attempt's error, unless it was sent in the end. */
  error?: string;
}

export interface PeriodHistory {
  period: string;
  timeZone: string;
  /** Newest first. */
  versions: VersionEntry[];
  /** Every email of the period (reports, notices, reminders), newest first. */
  deliveries: DeliveryLine[];
  /** The units of the profile, for links to each one's history. */
  units: { code: string; name: string; revision: number }[];
  /** Every lock and reopening of the month with who and why, newest first. */
  locks: LockLine[];
}
