/**
 * What "Báo cáo của đơn vị" shows for each month of a year (usecases/my-reports.ts builds it).
 * flow: my reports use case --> unit months <-- my reports view
 */
import type { SubmissionStatus } from './report-model.ts';

export interface MyMonth {
  period: { id: string; label: string };
  /** `not-open`: the month has not begun (nothing to report yet). */
  status: SubmissionStatus | 'not-open';
  deadline: string;
  deadlinePassed: boolean;
  submittedAt?: string;
  lastRevisedAt?: string;
  draftSavedAt?: string;
  revision: number;
  /** Issued: units can no longer revise until Văn phòng reopens it. */
  locked: boolean;
}

export interface MyReports {
  year: number;
  unit: { code: string; name: string };
  timeZone: string;
  months: MyMonth[];
}
