/**
 * A unit's monthly submission: what it reports for each of its tasks, its other work, and the
 * revisions that record every change.
 * flow: use case --> submission (pure)
 */
import type { LocalDate } from './clock.ts';
import type { AttachmentRef } from './attachment.ts';
import type { ProductReached } from './product.ts';

/** Status a unit reports for a task (the form's choices). */
export type ReportedStatus = 'chua-trien-khai' | 'dang-thuc-hien' | 'hoan-thanh' | 'de-xuat-dieu-chinh';
export const REPORTED_STATUSES: readonly ReportedStatus[] = ['chua-trien-khai', 'dang-thuc-hien', 'hoan-thanh', 'de-xuat-dieu-chinh'];
export const REPORTED_STATUS_LABELS: Record<ReportedStatus, string> = {
  'chua-trien-khai': 'Chưa triển khai',
  'dang-thuc-hien': 'Đang thực hiện',
  'hoan-thanh': 'Hoàn thành',
  'de-xuat-dieu-chinh': 'Đề xuất điều chỉnh, dừng',
};

/**
 * Who a proposal is addressed to: the Sở's own leaders (the default — it stays in the internal
 * report) or UBND tỉnh (it goes into the report to the province).
 */
export type ProposalAddressee = 'lanh-dao-so' | 'ubnd-tinh';
export const PROPOSAL_ADDRESSEES: readonly ProposalAddressee[] = ['lanh-dao-so', 'ubnd-tinh'];
export const PROPOSAL_ADDRESSEE_LABELS: Record<ProposalAddressee, string> = {
  'lanh-dao-so': 'Lãnh đạo Sở',
  'ubnd-tinh': 'UBND tỉnh',
};

export interface TaskReport {
  taskId: string;
  status: ReportedStatus;
  /** 0–100. */
  progress: number;
  /** Kết quả thực hiện trong kỳ. */
  result: string;
  /**
   * Product reached so far, one number per part of the task's target ("20 nhiệm vụ; 05 hội nghị" →
   * [18, 3]; null: that part not reported) — core/product.ts. Stored before the parts: one number,
   * read as a list of one.
   */
  productReached?: ProductReached;
  /** Local date the task was completed (status hoan-thanh). */
  completedOn?: LocalDate;
  /** Khó khăn, vướng mắc. */
  difficulties: string;
  /** Đề xuất, kiến nghị. */
  proposals: string;
  /** Who the proposal is addressed to; absent means the Sở's leaders. */
  proposalTo?: ProposalAddressee;
  /** The proposal asks the leaders for a decision ("xin ý kiến Lãnh đạo Sở"). */
  needsDecision: boolean;
  /** Kế hoạch kỳ tới. */
  nextPlan: string;
  /** Why progress fell, or why a task was finished after its deadline. */
  reason?: string;
  /** Documents attached to the result ("tài liệu kèm theo"), checked by content when uploaded (core/attachment.ts). */
  attachments?: AttachmentRef[];
  /** The unit's answers to the leaders' directions on the task ("Kết quả thực hiện ý kiến chỉ đạo", core/direction.ts). */
  directionAnswers?: { id: string; text: string }[];
}

export type OtherWorkKind = 'thuong-xuyen' | 'dot-xuat';
export const OTHER_WORK_KINDS: readonly OtherWorkKind[] = ['thuong-xuyen', 'dot-xuat'];
/** The form's names for the kinds of other work. */
export const OTHER_WORK_KIND_LABELS: Record<OtherWorkKind, string> = {
  'thuong-xuyen': 'Thường xuyên',
  'dot-xuat': 'Đột xuất, phát sinh',
};
export interface OtherWork {
  kind: OtherWorkKind;
  text: string;
}

/** The content of a submission (draft or revision). */
export interface SubmissionData {
  tasks: TaskReport[];
  otherWork: OtherWork[];
  /** Name of the person reporting. */
  reporterName: string;
}

export interface FieldChange {
  /** "tasks.I-1.progress", "reporterName", "otherWork". */
  field: string;
  from?: unknown;
  to?: unknown;
}

/** One immutable revision of a unit's submission for a period. */
export interface Revision {
  agencyId: string;
  period: string;
  unit: string;
  revision: number;
  /** ISO instant. */
  at: string;
  /** Subject (user id) of who submitted. */
  by: string;
  onTime: boolean;
  /**
   * Loaded by an operator from a file of past submissions (CLI `import-submissions`), stamped with
   * the time the file gives rather than the server's clock: history and reports can tell.
   */
  imported?: true;
  data: SubmissionData;
  changes: FieldChange[];
}

export type SubmissionState = 'draft' | 'submitted';

/** The current state of a unit's submission for a period (the "head"). */
export interface SubmissionHead {
  agencyId: string;
  period: string;
  unit: string;
  state: SubmissionState;
  /** Latest submitted revision; 0 while only a draft exists. */
  revision: number;
  /** Latest submitted content. */
  data?: SubmissionData;
  firstSubmittedAt?: string;
  submittedAt?: string;
  /** Whether the first submission came before the deadline (what counts for thi đua). */
  onTime?: boolean;
  draft?: DraftInfo;
  updatedAt: string;
}

/**
 * The unit's draft: when and by whom it was saved. Its content lives in an item of its own
 * (docs/data-model.md) and comes with the head only when one unit's submission is read; lists of
 * heads carry when and who.
 */
export interface DraftInfo {
  savedAt: string;
  savedBy: string;
  data?: SubmissionData;
}

/** Lists what changed between two versions of a submission, field by field. */
export function diffSubmission(before: SubmissionData | undefined, after: SubmissionData): FieldChange[] {
  const changes: FieldChange[] = [];
  if ((before?.reporterName ?? '') !== after.reporterName) {
    changes.push({ field: 'reporterName', from: before?.reporterName, to: after.reporterName });
  }
  if (JSON.stringify(before?.otherWork ?? []) !== JSON.stringify(after.otherWork)) {
    changes.push({ field: 'otherWork', from: before?.otherWork?.length ?? 0, to: after.otherWork.length });
  }
  const old = new Map((before?.tasks ?? []).map((t) => [t.taskId, t]));
  for (const t of after.tasks) {
    const o = old.get(t.taskId);
    // Sorted: the same two contents give the same list whichever order their keys were stored in.
    for (const key of (Object.keys(t) as (keyof TaskReport)[]).sort()) {
      if (key === 'taskId') continue;
      const a = o?.[key];
      const b = t[key];
      if (JSON.stringify(a) !== JSON.stringify(b)) changes.push({ field: `tasks.${t.taskId}.${key}`, from: a, to: b });
    }
    old.delete(t.taskId);
  }
  for (const id of old.keys()) changes.push({ field: `tasks.${id}`, from: 'reported', to: 'removed' });
  return changes;
}

/**
 * The form's name for each field of a task report, in the form's order: the form labels its inputs
 * with them, and the history page (core/revision-diff.ts) names what changed with the same words.
 */
export const TASK_FIELD_LABELS = {
  status: 'Tình trạng',
  progress: 'Tiến độ (%)',
  completedOn: 'Ngày hoàn thành',
  productReached: 'Sản phẩm đạt được (số lượng)',
  reason: 'Lý do',
  result: 'Kết quả thực hiện trong kỳ',
  difficulties: 'Khó khăn, vướng mắc',
  proposals: 'Đề xuất, kiến nghị',
  proposalTo: 'Đề xuất gửi tới',
  needsDecision: 'Cần Lãnh đạo Sở cho ý kiến',
  nextPlan: 'Kế hoạch kỳ tới',
  attachments: 'Tài liệu kèm theo',
  directionAnswers: 'Kết quả thực hiện ý kiến chỉ đạo',
  taskId: 'Nhiệm vụ',
} as const satisfies Record<keyof TaskReport, string>;

/**
 * The texts a unit types, with the longest each may be (in characters, code points) and the name
 * its messages give it: the API's schema limits them, the form sizes its inputs by them.
 */
export const REPORT_TEXT_FIELDS = {
  result: { max: 4000, label: 'Kết quả thực hiện' },
  difficulties: { max: 3000, label: 'Khó khăn, vướng mắc' },
  proposals: { max: 3000, label: 'Đề xuất, kiến nghị' },
  nextPlan: { max: 3000, label: 'Kế hoạch kỳ tới' },
  reason: { max: 1000, label: 'Lý do' },
  directionAnswer: { max: 3000, label: 'Kết quả thực hiện ý kiến chỉ đạo' },
  otherWork: { max: 2000, label: 'Nội dung công việc' },
  reporterName: { max: 100, label: 'Họ tên người báo cáo' },
} as const satisfies Record<string, { max: number; label: string }>;

/** At most this many task reports, and other-work rows, in one submission. */
export const MAX_TASK_REPORTS = 300;
export const MAX_OTHER_WORK = 100;
