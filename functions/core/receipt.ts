/**
 * What a unit is told it sent, after a submission: the revision, when (in the agency's zone), for
 * which unit and month, and per task the status, progress, result and attachments. The form shows
 * it on screen and the receipt email says the same words (templates/email/submit-receipt.ts).
 * flow: submit receipt use case --> receipt (pure) <-- email template, form client
 */
import { localParts } from './clock.ts';
import { shortContent, taskNo } from './aggregate/narrative-parts.ts';
import type { PlanTask } from './plan.ts';
import { REPORTED_STATUS_LABELS, type SubmissionData } from './submission.ts';
import type { AttachmentRef } from './attachment.ts';
import { reachedText, taskProductParts } from './product.ts';

export interface ReceiptTask {
  taskId: string;
  /** "I.2" (the plan's numbering), or the id when the task is no longer in the plan. */
  number: string;
  content: string;
  status: string;
  progress: number;
  result: string;
  /** What was reached, as the reports print it: "20 nhiệm vụ; 05 hội nghị" (core/product.ts). */
  productReached?: string;
  attachments: AttachmentRef[];
}

export interface Receipt {
  period: { id: string; label: string };
  unit: { code: string; name: string };
  revision: number;
  /** ISO instant, and as read in the agency's zone: "09:30 ngày 15/10/2024". */
  submittedAt: string;
  submittedAtText: string;
  timeZone: string;
  onTime: boolean;
  reporterName: string;
  tasks: ReceiptTask[];
  otherWork: number;
}

/** "09:30 ngày 15/10/2024" for an instant, in the agency's zone. */
export function atText(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(p.hour)}:${two(p.minute)} ngày ${two(p.day)}/${two(p.month)}/${p.year}`;
}

export function buildReceipt(i: {
  period: { id: string; label: string };
  unit: { code: string; name: string };
  revision: number;
  at: string;
  onTime: boolean;
  timeZone: string;
  data: SubmissionData;
  tasks: readonly PlanTask[];
}): Receipt {
  const plan = new Map(i.tasks.map((t) => [t.id, t]));
  return {
    period: i.period,
    unit: i.unit,
    revision: i.revision,
    submittedAt: i.at,
    submittedAtText: atText(new Date(i.at), i.timeZone),
    timeZone: i.timeZone,
    onTime: i.onTime,
    reporterName: i.data.reporterName,
    tasks: i.data.tasks.map((t) => {
      const task = plan.get(t.taskId);
      const reached = reachedText(task ? taskProductParts(task) : [], t.productReached);
      return {
        taskId: t.taskId,
        number: task ? taskNo(task) : t.taskId,
        content: task ? shortContent(task.content, 30) : '',
        status: REPORTED_STATUS_LABELS[t.status],
        progress: t.progress,
        result: t.result,
        ...(reached ? { productReached: reached } : {}),
        attachments: t.attachments ?? [],
      };
    }),
    otherWork: i.data.otherWork.length,
  };
}
