/**
 * What Văn phòng UBND tỉnh sees for a month, as data: each agency of the province with where its
 * report to UBND tỉnh stands, and the roll-up of the tasks the Chủ tịch UBND tỉnh assigned. Built by
 * functions/usecases/province.ts, drawn by templates/web/province-view.ts.
 * flow: province use case / province view --> province (types, labels)
 */
import type { LocalDate } from './clock.ts';
import type { TaskRow } from './report-model.ts';
import type { LinkedFile } from './report-version.ts';

export type DeliveryState = 'delivered' | 'issued' | 'draft' | 'not-compiled';

export const DELIVERY_STATE_LABELS: Record<DeliveryState, string> = {
  delivered: 'Đã gửi UBND tỉnh',
  issued: 'Đã ban hành, chưa gửi',
  draft: 'Mới tổng hợp (dự thảo), chưa ban hành',
  'not-compiled': 'Chưa tổng hợp',
};

export interface AgencyDelivery {
  agencyId: string;
  /** "Sở Khoa học và Công nghệ tỉnh Hà Tĩnh". */
  name: string;
  state: DeliveryState;
  /** "15/BC-SKHCN" once issued. */
  numberText?: string;
  /** The date printed on the issued document. */
  issuedOn?: LocalDate;
  /** When the email to UBND tỉnh was accepted (ISO instant). */
  deliveredAt?: string;
  /** Delivered after the province's deadline, or not delivered and the deadline has passed. */
  late: boolean;
  /** The issued UBND report (PDF, workbook) and the signed PDF when attached. */
  files: LinkedFile[];
}

export interface RollupRow {
  agencyId: string;
  agencyName: string;
  /** TT as the agency's report prints it. */
  number: string;
  content: string;
  leadUnit: string;
  deadlineText: string;
  status: TaskRow['status'];
  statusLabel: string;
  progress?: number;
  result: string;
}

export interface ProvinceView {
  province: string;
  period: { id: string; label: string };
  /** The province's own deadline for the Sở's monthly reports (the province office's deadline day). */
  deadline: LocalDate;
  agencies: AgencyDelivery[];
  /** Tasks assigned by the Chủ tịch UBND tỉnh, from each issued report, agency by agency. */
  rollup: RollupRow[];
}
