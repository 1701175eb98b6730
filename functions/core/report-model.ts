/**
 * The ReportModel: plain data that every renderer (Excel, PDF) and every audience reads, so the
 * numbers in the two files can never disagree. Built by `aggregate.ts`; renderers only lay it out.
 * flow: aggregate --> ReportModel --> templates/*
 */
import type { Audience, Signer } from './agency.ts';
import type { LocalDate } from './clock.ts';
import type { PeriodKind } from './period.ts';
import type { ProposalAddressee, ReportedStatus, TaskReport } from './submission.ts';
import type { TaskCategory } from './plan.ts';
import type { DeliveryState } from './province.ts';

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

/**
 * One task as the reports print it: the plan's fields, the status at the cut-off, and the unit's
 * reported fields (declared once, in TaskReport; `result` merges the months of a longer period,
 * and `proposalTo` is absent when there is no proposal).
 */
export interface TaskRow
  extends Pick<
    TaskReport,
    'result' | 'productReached' | 'completedOn' | 'difficulties' | 'proposals' | 'needsDecision' | 'nextPlan' | 'reason' | 'proposalTo'
  > {
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
  /** Computable deadline, if any (the amended one when a decision extended it by the period's end). */
  deadline?: LocalDate;
  /** The decision that extended the deadline, when one is in force (deadlineText cites it too). */
  deadlineAmendment?: { number: string; date: LocalDate; reason: string };
  status: TaskStatus;
  reportedStatus?: ReportedStatus;
  progress?: number;
  /** Change in percentage points since the previous period (undefined when unknown). */
  progressDelta?: number;
  /** Became overdue in this period (was not overdue at the previous cut-off). */
  newlyOverdue: boolean;
  productTarget?: string;
  /** What was reached, part by part of the target, as printed after "Đã đạt:" (core/product.ts#reachedText). */
  productReachedText?: string;
  /** Which monthly submission the figures come from ("2024-05"), for longer periods. */
  fromPeriod?: string;
  /** Progress last known before the window opened (the start of a longer period). */
  progressStart?: number;
  /**
   * Longer periods: what the task's unit reported in each month of the window, oldest first
   * (months without a report are left out). `result` then merges these into one text.
   */
  history?: MonthReport[];
  /** No report on the task in the window: its status comes from the plan and earlier reports. */
  unreported?: boolean;
  /** Finished in an earlier period: its last "hoàn thành" report is carried forward. */
  carried?: boolean;
  /** "Tài liệu kèm theo": the files the unit attached to the result (names and sizes; the files stay in the portal). */
  attachments?: { name: string; size: number }[];
}

/** One month's report on a task inside a longer period. */
export interface MonthReport {
  period: string;
  status: ReportedStatus;
  progress: number;
  result: string;
}

/**
 * What tells two plan groups apart: numeral and title together. Plans repeat a numeral by mistake
 * (seed 000 has two "V." sections); grouping by the numeral alone merged two units' tasks.
 */
export function groupKey(g: { numeral: string; title: string }): string {
  return `${g.numeral}\u0000${g.title}`;
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
  /** Monthly period ("2024-05") of the submission the row describes. */
  period?: string;
}

/** Who reported in one month of the period (the Director's report only). */
export interface SubmissionMonth {
  /** "2024-05". */
  period: string;
  /** "tháng 5 năm 2024". */
  label: string;
  deadline: LocalDate;
  /** The deadline had passed on the report's date: a unit without a report is late, not merely not yet done. */
  due: boolean;
  rows: SubmissionRow[];
}

export interface IssueRow {
  unit: { code: string; name: string };
  taskId?: string;
  taskNumber?: string;
  taskContent?: string;
  difficulties: string;
  proposals: string;
  /** Who the proposal is addressed to: the Sở's leaders (internal) or UBND tỉnh. */
  proposalTo: ProposalAddressee;
  needsDecision: boolean;
  /** Month the report came from ("2024-05"). */
  period?: string;
}

/** A leader's direction on a unit's proposal, with what came of it (core/aggregate/directions.ts). */
export interface DirectionRow {
  id: string;
  /** The unit that proposed. */
  unit: { code: string; name: string };
  taskId: string;
  /** Qualified by the plan's group: "II.1". */
  taskNumber?: string;
  taskContent?: string;
  /** Month of the report that made the proposal ("2024-05"). */
  proposalPeriod: string;
  proposals: string;
  text: string;
  deadline?: LocalDate;
  responsibleUnit: { code: string; name: string };
  /** Who gave it ("Nguyễn Văn A"). */
  byName: string;
  forProvince: boolean;
  /** The unit's answer in the latest report of the window that gave one. */
  answer?: { period: string; text: string };
}

/** A task the "Phương hướng" section names as due or to be finished in the next period. */
export interface OutlookRow {
  taskId: string;
  number: string;
  content: string;
  leadUnit: { code: string; name: string };
  deadlineText: string;
  /** The plan group the task belongs to (next year's plan's for 'next-plan'). */
  group: { numeral: string; title: string };
  /** Why it is listed: falls due in the next period, already overdue, carried into next year, or next year's plan. */
  reason: 'due-next' | 'overdue' | 'carried-over' | 'next-plan';
}

export interface PriorityRow {
  unit: { code: string; name: string };
  /** The plan task the priority belongs to (absent for a unit-level plan). */
  taskId?: string;
  taskNumber?: string;
  text: string;
}

/**
 * A number the body text states, with what it counts. Renderers ignore claims; a test recomputes
 * each one from the model's tables (rows, submission months, outlook), so a sentence can never
 * say a number the tables do not back (docs/report-content.md).
 */
export type Claim =
  | { of: 'tasks'; where: TaskFilter; value: number }
  | { of: 'units'; month: string; status: SubmissionStatus | 'sent' | 'all'; value: number }
  /** Units that submitted in every month of the period, each on time (or, with `status: 'sent'`, at all). */
  | { of: 'units-every-month'; status: 'on-time' | 'sent'; value: number }
  | { of: 'unit-tasks'; month: string; unit: string; field: 'tasksDue' | 'tasksReported'; value: number }
  | { of: 'issues'; where: { needsDecision?: boolean; proposalTo?: ProposalAddressee; proposals?: true; difficulties?: true }; value: number }
  | { of: 'outlook'; reason?: OutlookRow['reason'][]; group?: string; value: number }
  | { of: 'months'; value: number }
  /** Agencies of a province roll-up in a delivery state ('delivered-on-time' / 'delivered-late' split 'delivered'; 'all' = every row). */
  | { of: 'agencies'; state: DeliveryState | 'delivered-on-time' | 'delivered-late' | 'all'; value: number }
  /** A percentage of task rows, to one decimal: part over whole. */
  | { of: 'percent'; part: TaskFilter; whole: TaskFilter; value: number };

/** Which task rows a claim counts; every given condition must hold. */
export interface TaskFilter {
  status?: TaskStatus[];
  unit?: string;
  category?: TaskCategory[];
  /** The plan group, by groupKey (numeral and title together). */
  group?: string;
  newlyOverdue?: boolean;
  unreported?: boolean;
  /** Reported in the window with progress lower than before it. */
  progressFell?: boolean;
  /** Reported in the window with the same progress as before it. */
  progressSame?: boolean;
  carried?: boolean;
  /** Leaders' proposals or the province's: a proposal addressed so is on the row. */
  proposalTo?: ProposalAddressee;
  /** The task's row has difficulties. */
  difficulties?: true;
}

/** Body text: headings and complete sentences built from the data, rendered in order. */
export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; text: string; claims?: Claim[] }
  | { type: 'bullets'; items: string[]; claims?: Claim[] }
  /** Where the renderer places the status-by-unit chart (director's PDF). */
  | { type: 'chart'; title: string };

/** The document a report rests on: the plan's own number, date and title. */
export interface DocumentRef {
  /** "Kế hoạch", "Chương trình". */
  kind: string;
  /** "15/KH-KHCN". */
  number?: string;
  date?: LocalDate;
  /** "Thực hiện nhiệm vụ trọng tâm … năm 2024". */
  title?: string;
  /** Who issued it ("Sở Khoa học và Công nghệ"); the agency when unset. */
  issuer?: string;
}

export interface ReportModel {
  schemaVersion: 2;
  audience: Audience;
  /**
   * Who issues the document, as the header's left column prints it: the superior line (regular)
   * and the issuer's name (bold). For the Sở: "UBND TỈNH BẮC GIANG" / "SỞ KHOA HỌC VÀ CÔNG NGHỆ";
   * for Văn phòng's own report to the Director: "SỞ KHOA HỌC VÀ CÔNG NGHỆ" / "VĂN PHÒNG".
   */
  issuer: { superiorHeader: string; name: string };
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
  /** Date on the date line: the day of issue once issued, the day compiled while a draft. */
  issueDate: LocalDate;
  /** A compiled version not yet issued: "DỰ THẢO" is printed on it and the number is left blank. */
  draft: boolean;
  /** The number from the register once issued ("15"), printed as "Số: 15/BC-SKHCN". */
  documentNumber?: string;
  /** "BC-SKHCN": printed after "Số:      /". */
  documentSymbol: string;
  /** The plan the report follows, cited in the opening sentence. */
  planDocument?: DocumentRef;
  /** "Kết quả thực hiện nhiệm vụ tháng 5 năm 2024". */
  subject: string;
  /** "Kính gửi:" lines (none when the profile sets no addressee). */
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
  /** Who reported in each month of the period; empty in the report to UBND tỉnh (internal). */
  submissionMonths: SubmissionMonth[];
  /** Difficulties and proposals; in the report to UBND tỉnh only proposals addressed to it. */
  issues: IssueRow[];
  priorities: PriorityRow[];
  /**
   * The leaders' directions on proposals up to the window's end, not answered before it, with the
   * units' answers; in the report to UBND tỉnh only those marked for the province. Absent when none.
   */
  directions?: DirectionRow[];
  /**
   * Ids of every direction given on a proposal of the period's months or before (whether the report
   * prints it or not): what tells a proposal awaiting a leader from one answered (core/dashboard.ts).
   * Absent when none.
   */
  directedProposals?: string[];
  outlook: OutlookRow[];
  otherWork: { unit: { code: string; name: string }; kind: 'thuong-xuyen' | 'dot-xuat'; text: string }[];
  /** Appendix title, e.g. "KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 5 NĂM 2024". */
  appendixTitle: string;
  /** sha256 of the canonical input (plan + profile + submissions) the model was built from. */
  inputHash: string;
  /** Only in Văn phòng UBND tỉnh's roll-up of the Sở's reports (core/province-rollup.ts). */
  rollup?: RollupPart;
}

/**
 * What a province roll-up adds: where each Sở's report stands. Its `groups` are then one per Sở
 * that issued its report (the tasks the Chủ tịch UBND tỉnh assigned it), and `byUnit` counts them
 * by Sở.
 */
export interface RollupPart {
  deliveries: DeliveryRow[];
}

/** One agency of the province, as the roll-up's body and its "Tình hình gửi báo cáo" sheet print it. */
export interface DeliveryRow {
  agencyId: string;
  /** "Sở Khoa học và Công nghệ tỉnh Hà Tĩnh". */
  name: string;
  state: DeliveryState;
  /** "15/BC-SKHCN" once issued. */
  numberText?: string;
  issuedOn?: LocalDate;
  /** Day the report reached UBND tỉnh (in the office's zone). */
  deliveredOn?: LocalDate;
  /** Delivered after the province's deadline, or not delivered and the deadline had passed on the document's date. */
  late: boolean;
  /** Province-assigned tasks in its issued report (0 when not issued). */
  tasks: number;
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
