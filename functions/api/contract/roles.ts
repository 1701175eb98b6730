/**
 * Who may call each operation, written once: the handlers that gate on the role pass these to
 * httpHandler (`{ roles: ROLES_OF.lockPeriod }`), and the document prints them as `x-roles`.
 * Where the use case decides (submissions: a unit only for itself, Lãnh đạo Sở reads but does not
 * submit), the entry is what the use case allows. Plain data, no zod: every function may import it.
 * flow: handlers + contract operations --> roles
 */
import type { Role } from '../../core/auth.ts';

const ALL: readonly Role[] = ['unit', 'van-phong', 'lanh-dao'];
const WRITERS: readonly Role[] = ['unit', 'van-phong'];
const OFFICE_AND_LEADERS: readonly Role[] = ['van-phong', 'lanh-dao'];
const OFFICE: readonly Role[] = ['van-phong'];
const PROVINCE: readonly Role[] = ['ubnd-tinh'];
/**
 * Văn phòng of a Sở, or Văn phòng UBND tỉnh for its own agency: there a compile is the roll-up of
 * the province's Sở (usecases/compile-rollup.ts), issued and signed like a Sở's report.
 */
const ISSUERS: readonly Role[] = ['van-phong', 'ubnd-tinh'];

export const ROLES_OF = {
  getPlan: ALL,
  // The year's plan is kept by Văn phòng: import it, extend a task's deadline by a decision.
  importPlan: OFFICE,
  amendPlan: OFFICE,
  planPage: OFFICE,
  getForm: ALL,
  listSubmissions: ALL,
  submitSubmission: WRITERS,
  getSubmission: ALL,
  saveDraft: WRITERS,
  listRevisions: ALL,
  getStatusBoard: OFFICE_AND_LEADERS,
  reopenPeriod: OFFICE,
  lockPeriod: OFFICE,
  sendReminders: OFFICE,
  remindersPage: OFFICE,
  listReports: [...OFFICE_AND_LEADERS, 'ubnd-tinh'],
  compileReports: ISSUERS,
  issueReport: [...OFFICE_AND_LEADERS, 'ubnd-tinh'],
  attachSignedReport: ISSUERS,
  deliverReport: OFFICE,
  getAgencyProfile: OFFICE,
  saveAgencyProfile: OFFICE,
  profilePage: OFFICE,
  reportsPage: [...OFFICE_AND_LEADERS, 'ubnd-tinh'],
  statusPage: OFFICE_AND_LEADERS,
  provinceView: PROVINCE,
  // People: each agency's Văn phòng (the province office's own people for Văn phòng UBND tỉnh).
  listUsers: ISSUERS,
  inviteUser: ISSUERS,
  changeUser: ISSUERS,
  peoplePage: ISSUERS,
  provincePage: PROVINCE,
  // A unit its own history (the use case checks which unit); the month's reports' history: OFFICE_AND_LEADERS.
  historyPage: ALL,
  // A unit's report to read: the leaders and Văn phòng any unit's, a unit its own (the use case checks which).
  reportPage: ALL,
  reportAttachment: ALL,
  getDashboard: OFFICE_AND_LEADERS,
  dashboardPage: OFFICE_AND_LEADERS,
  dashboardTaskPage: OFFICE_AND_LEADERS,
  dashboardFigure: OFFICE_AND_LEADERS,
  // Directions: the Sở's leaders (Giám đốc, Phó Giám đốc) give them; Văn phòng reads the queue.
  listDirections: OFFICE_AND_LEADERS,
  recordDirection: ['lanh-dao'],
  getDirection: OFFICE_AND_LEADERS,
  changeDirection: ['lanh-dao'],
  // Attachments: the unit (or Văn phòng for it) uploads; the unit itself, Văn phòng and the leaders download.
  requestAttachmentUpload: WRITERS,
  confirmAttachment: WRITERS,
  getAttachment: ALL,
  myReportsPage: ['unit'],
  // A leader's own morning digest (issue 15, item 4).
  setOwnDigest: ['lanh-dao'],
} as const satisfies Record<string, readonly Role[]>;
