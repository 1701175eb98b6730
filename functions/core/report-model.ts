/**
 * The ReportModel: plain data that every renderer (Excel, PDF) and every audience reads, so the
 * numbers in the two files can never disagree. Built by `aggregate.ts`; renderers only lay it out.
 * flow: aggregate --> ReportModel --> templates/*
 */
import type { Audience, Signer } from './agency.ts';
import type { LocalDate } from './clock.ts';
import type { PeriodKind } from './period.ts';
import type { ReportedStatus } from './submission.ts';
import type { TaskCategory } from './plan.ts';

/** A task's status in the government's vocabulary, at the period's cut-off. */
export type TaskStatus =
  | 'hoan-thanh-dung-han'
  | 'hoan-thanh-qua-han'
  | 'chua-hoan-thanh-trong-han'
  | 'chua-hoan-thanh-qua-han'
  | 'chua-trien-khai'
  | 'chua-co-bao-cao';

export const TASK_STATUSES: readonly TaskStatus[] = [
  'hoan-thanh-dung-han',
  'hoan-thanh-qua-han',
  'chua-hoan-thanh-trong-han',
  'chua-hoan-thanh-qua-han',
  'chua-trien-khai',
  'chua-co-bao-cao',
];

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  'hoan-thanh-dung-han': 'Hoàn thành đúng hạn',
  'hoan-thanh-qua-han': 'Hoàn thành quá hạn',
  'chua-hoan-thanh-trong-han': 'Chưa hoàn thành, trong hạn',
  'chua-hoan-thanh-qua-han': 'Chưa hoàn thành, quá hạn',
  'chua-trien-khai': 'Chưa triển khai',
  'chua-co-bao-cao': 'Chưa có báo cáo',
};

/** Counts per status; `total` is their sum. */
export type StatusCounts = Record<TaskStatus, number> & { total: number };

export type SubmissionStatus = 'on-time' | 'late' | 'draft-only' | 'missing';
export const SUBMISSION_STATUS_LABELS: Record<SubmissionStatus, string> = {
  'on-time': 'Nộp đúng hạn',
  late: 'Nộp muộn',
  'draft-only': 'Mới lưu nháp, chưa gửi',
  missing: 'Chưa nộp',
};

export interface TaskRow {
  taskId: string;
  /** TT as printed. */
  number: string;
  content: string;
  parents?: string[];
  category: TaskCategory;
  leadUnit: { code: string; name: string };
  coordinatingUnits: string[];
  directingLeader?: { id: string; name: string };
  /** Deadline as printed ("Tháng 11/2024", "Theo Kế hoạch 483/KH-UBND"). */
  deadlineText: string;
  /** Computable deadline, if any. */
  deadline?: LocalDate;
  status: TaskStatus;
  reportedStatus?: ReportedStatus;
  progress?: number;
  /** Change in percentage points since the previous period (undefined when unknown). */
  progressDelta?: number;
  /** Became overdue in this period (was not overdue at the previous cut-off). */
  newlyOverdue: boolean;
  result: string;
  productTarget?: string;
  productReached?: number;
  /** Completion date as reported (status hoàn thành). */
  completedOn?: LocalDate;
  difficulties: string;
  proposals: string;
  needsDecision: boolean;
  nextPlan: string;
  reason?: string;
  /** Which monthly submission the figures come from ("2024-05"), for longer periods. */
  fromPeriod?: string;
}

/** A Roman-numeral group of the appendix. */
export interface TaskGroupRows {
  numeral: string;
  title: string;
  rows: TaskRow[];
}

export interface CountRow {
  key: string;
  label: string;
  counts: StatusCounts;
}

export interface SubmissionRow {
  unit: { code: string; name: string };
  status: SubmissionStatus;
  submittedAt?: string;
  revision?: number;
  tasksDue: number;
  tasksReported: number;
  /** Monthly period ("2024-05") of the submission the row describes (for a longer period: the newest one in it). */
  period?: string;
}

export interface IssueRow {
  unit: { code: string; name: string };
  taskId?: string;
  taskNumber?: string;
  taskContent?: string;
  difficulties: string;
  proposals: string;
  needsDecision: boolean;
}

export interface PriorityRow {
  unit: { code: string; name: string };
  /** The plan task the priority belongs to (absent for a unit-level plan). */
  taskId?: string;
  taskNumber?: string;
  text: string;
}

/** Body text: headings and complete sentences built from the data, rendered in order. */
export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'bullets'; items: string[] }
  /** Where the renderer places the status-by-unit chart (director's PDF). */
  | { type: 'chart'; title: string };

export interface ReportModel {
  schemaVersion: 1;
  audience: Audience;
  agency: {
    name: string;
    shortName: string;
    superiorHeader: string;
    superiorName: string;
    placeName: string;
    symbol: string;
    /** IANA zone of the agency, for printing submission times (default Asia/Ho_Chi_Minh). */
    timeZone?: string;
  };
  period: {
    id: string;
    kind: PeriodKind;
    /** "tháng 5 năm 2024". */
    label: string;
    window: { from: LocalDate; to: LocalDate };
    submissionDeadline: LocalDate;
  };
  /** Date on the date line. */
  issueDate: LocalDate;
  /** "BC-SKHCN": printed after "Số:      /". */
  documentSymbol: string;
  /** "Kết quả thực hiện nhiệm vụ tháng 5 năm 2024". */
  subject: string;
  /** "Kính gửi:" lines (UBND report only). */
  kinhGui: string[];
  body: Block[];
  signer: Signer;
  /** Recipient lines without "- " and ";" (the renderer adds them); last is the archive line. */
  recipients: string[];
  totals: StatusCounts;
  byUnit: CountRow[];
  byLeader: CountRow[];
  byCategory: CountRow[];
  groups: TaskGroupRows[];
  submissions: SubmissionRow[];
  issues: IssueRow[];
  priorities: PriorityRow[];
  otherWork: { unit: { code: string; name: string }; kind: 'thuong-xuyen' | 'dot-xuat'; text: string }[];
  /** Appendix title, e.g. "KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 5 NĂM 2024". */
  appendixTitle: string;
  /** sha256 of the canonical input (plan + profile + submissions) the model was built from. */
  inputHash: string;
}

export function emptyCounts(): StatusCounts {
  return {
    'hoan-thanh-dung-han': 0,
    'hoan-thanh-qua-han': 0,
    'chua-hoan-thanh-trong-han': 0,
    'chua-hoan-thanh-qua-han': 0,
    'chua-trien-khai': 0,
    'chua-co-bao-cao': 0,
    total: 0,
  };
}
