/**
 * The request schemas handlers parse with, named for the document: the very zod instances are
 * registered (ids and descriptions in zod's global registry), nothing is restated. Field lengths
 * come from validation.ts#text, which annotates itself.
 * flow: contract --> requests --> submission, reports and session request schemas
 */
// A namespace import lets esbuild drop the parts of zod (locales above all) that are not used.
import * as z from 'zod';
import { compileSchema, deliverSchema, issueSchema } from '../schemas/reports.ts';
import { draftSchema, submissionDataSchema, submitSchema, taskReportSchema } from '../schemas/submission.ts';
import { codeRequestSchema, codeSessionSchema, sessionSchema, tokenSessionSchema } from '../schemas/session.ts';
import '../schemas/responses.ts';
import { changeUserSchema, digestSettingSchema, inviteSchema } from '../schemas/users.ts';
import { remindSchema } from '../schemas/reminders.ts';
import { periodLockSchema } from '../schemas/periods.ts';
import { agencyProfileBody } from '../schemas/agency.ts';
import { amendSchema } from '../schemas/plans.ts';
import { changeDirectionSchema, recordDirectionSchema } from '../schemas/directions.ts';
import { uploadRequestSchema } from '../schemas/attachments.ts';

type Meta = z.GlobalMeta;
const describe = (schema: z.ZodType, meta: Meta) => {
  z.globalRegistry.add(schema, { ...z.globalRegistry.get(schema), ...meta });
};

const task = taskReportSchema.shape;
describe(taskReportSchema, {
  id: 'TaskReportInput',
  description: `Báo cáo một nhiệm vụ. Văn bản được chuẩn hoá NFC, cắt khoảng trắng hai đầu; ký tự vô hình (ZWSP, BOM,
gạch nối mềm …) bị bỏ, U+2028/2029 thành xuống dòng; ký tự điều khiển, đảo chiều (bidi), thẻ ẩn (tag),
noncharacter, vùng dùng riêng và ký tự hỏng mã hoá bị từ chối (docs/security.md). Độ dài tính theo ký tự
(code point). Trường không khai báo bị bỏ qua.`,
});
describe(task.progress, { description: 'Tiến độ (%).' });
describe(task.result, { description: 'Kết quả thực hiện trong kỳ.' });
describe(task.productReached, {
  description:
    'Sản phẩm đạt được (lũy kế), mỗi phần của sản phẩm một số theo thứ tự của mục tiêu ("20 nhiệm vụ; 05 hội nghị" → `[18, 3]`); `null`: phần chưa báo cáo. Một số đơn lẻ (máy khách cũ) được đọc là danh sách một phần tử.',
});
describe(task.completedOn, {
  description: 'Ngày hoàn thành (khi `hoan-thanh`): một ngày có trên lịch, trong năm kế hoạch ±1 năm (nếu không, 400 `invalid_date`).',
});
describe(task.difficulties, { description: 'Khó khăn, vướng mắc.' });
describe(task.proposals, { description: 'Đề xuất, kiến nghị.' });
describe(task.proposalTo, {
  description: 'Đề xuất gửi tới ai; bỏ trống = Lãnh đạo Sở (chỉ có trong báo cáo nội bộ). Chỉ đề xuất `ubnd-tinh` vào báo cáo gửi UBND tỉnh.',
});
describe(task.needsDecision, { description: 'Đề xuất cần Lãnh đạo Sở cho ý kiến.' });
describe(task.nextPlan, { description: 'Kế hoạch kỳ tới.' });
describe(task.reason, { description: 'Lý do khi tiến độ giảm hoặc hoàn thành sau hạn.' });

const data = submissionDataSchema.shape;
describe(data.otherWork.unwrap().element, { id: 'OtherWorkInput' });
describe(data.reporterName, { description: 'Họ tên người báo cáo (bắt buộc khi gửi).' });
describe(submissionDataSchema, { id: 'SubmissionDataInput', description: 'Nội dung báo cáo gửi lên. Trường không khai báo bị bỏ qua.' });

describe(submitSchema, { id: 'SubmitRequest' });
describe(submitSchema.shape.unit, { description: 'Đơn vị được báo cáo; phòng, đơn vị có thể bỏ qua; Văn phòng bắt buộc.' });
describe(submitSchema.shape.baseRevision, { description: 'Phiên bản người gửi đã thấy (0 lần đầu).' });
describe(draftSchema, { id: 'DraftRequest' });

describe(compileSchema, { id: 'CompileRequest' });
describe(compileSchema.shape.kind, { description: 'Nếu có, phải khớp với loại kỳ của `period` (sai → 400 `kind_mismatch`).' });

describe(issueSchema, { id: 'IssueRequest' });
describe(issueSchema.shape.audience, { description: 'Báo cáo gửi UBND tỉnh hoặc báo cáo Lãnh đạo Sở.' });
describe(issueSchema.shape.version, { description: 'Phiên bản đã xem; phiên bản cũ bị từ chối (409 `superseded`).' });
describe(issueSchema.shape.number, { description: 'Số lấy từ sổ của văn thư; bỏ trống = số tiếp theo.' });
describe(issueSchema.shape.date, { description: 'Ngày ban hành (YYYY-MM-DD); bỏ trống = hôm nay.' });

describe(agencyProfileBody, {
  id: 'AgencyProfileRequest',
  description:
    'Toàn bộ hồ sơ cơ quan (như `current` của GET) với các chỗ sửa và `effectiveFrom` (YYYY-MM-DD) — ngày phiên bản mới bắt đầu có hiệu lực. Kiểm tra từng trường như lệnh `set-agency` (docs/onboarding.md).',
});
describe(deliverSchema, { id: 'DeliverRequest' });
describe(deliverSchema.shape.resend, { description: '`true`: gửi lại cả khi phiên bản này đã được gửi UBND tỉnh.' });

describe(tokenSessionSchema, { id: 'TokenSessionRequest' });
describe(tokenSessionSchema.shape.token, { description: 'Mã truy cập (JWT) đọc từ đường dẫn đăng nhập.' });
describe(codeSessionSchema, { id: 'CodeSessionRequest' });
describe(codeSessionSchema.shape.email, { description: 'Địa chỉ đã xin mã (`POST /auth/code`).' });
describe(codeSessionSchema.shape.code, { description: 'Mã 6 chữ số nhận qua thư; dùng một lần, trong 10 phút.' });
describe(sessionSchema, { id: 'SessionRequest' });
describe(inviteSchema, { id: 'InviteRequest' });
describe(remindSchema, { id: 'RemindRequest' });
describe(remindSchema.shape.units, { description: 'Mã các đơn vị cần nhắc; bỏ trống: mọi đơn vị chưa gửi báo cáo.' });
describe(remindSchema.shape.dryRun, { description: '`true`: chỉ xem trước thư, không gửi.' });
describe(changeUserSchema, { id: 'ChangeUserRequest' });
describe(digestSettingSchema, { id: 'DigestSettingRequest' });
describe(digestSettingSchema.shape.digest, { description: '`true`: nhận thư tóm tắt mỗi sáng thứ Hai đến thứ Sáu; `false`: thôi nhận.' });
describe(periodLockSchema, { id: 'PeriodLockRequest' });
describe(periodLockSchema.shape.reason, { description: 'Lý do khóa hoặc mở lại kỳ (bắt buộc), ghi vào nhật ký khóa kỳ và hiện trên trang lịch sử của kỳ.' });
describe(amendSchema, { id: 'AmendmentRequest', description: 'Gia hạn một nhiệm vụ theo quyết định.' });
describe(recordDirectionSchema, {
  id: 'DirectionRequest',
  description:
    'Ý kiến chỉ đạo về đề xuất của một đơn vị (kỳ, đơn vị, nhiệm vụ của đề xuất): nội dung, thời hạn, đơn vị thực hiện, có đưa vào báo cáo gửi UBND tỉnh không.',
});
describe(changeDirectionSchema, { id: 'DirectionChangeRequest', description: 'Phiên bản mới của ý kiến chỉ đạo; `expectedVersion` là phiên bản đang sửa.' });
describe(amendSchema.shape.deadline, { description: 'Thời hạn mới (YYYY-MM-DD), sau thời hạn đang áp dụng vào ngày quyết định.' });
describe(amendSchema.shape.decision, { description: 'Quyết định gia hạn: số ("123/QĐ-SKHCN"), ngày ban hành (không sau hôm nay), lý do.' });
describe(amendSchema.shape.dryRun, { description: '`true`: chỉ xem trước (thời hạn, tình trạng từng tháng), không ghi.' });
describe(codeRequestSchema, { id: 'CodeRequest' });
describe(codeRequestSchema.shape.email, { description: 'Địa chỉ thư điện tử của tài khoản.' });

describe(uploadRequestSchema, { id: 'AttachmentUploadRequest' });
describe(uploadRequestSchema.shape.taskId, { description: 'Nhiệm vụ mà tài liệu kèm theo kết quả.' });
describe(uploadRequestSchema.shape.contentType, {
  description: 'Loại tệp khai báo (PDF, Word, Excel, PNG, JPEG); nội dung được kiểm tra lại khi xác nhận (`confirm`).',
});
describe(uploadRequestSchema.shape.size, { description: 'Kích thước (byte); tối đa 10 MB (lớn hơn → 413 `attachment_too_large`).' });

export const SubmitRequest = submitSchema;
export const AttachmentUploadRequest = uploadRequestSchema;
export const DraftRequest = draftSchema;
export const CompileRequest = compileSchema;
export const IssueRequest = issueSchema;
export const DeliverRequest = deliverSchema;
export const AgencyProfileRequest = agencyProfileBody;
export const SessionRequest = sessionSchema;
export const InviteRequest = inviteSchema;
export const RemindRequest = remindSchema;
export const PeriodLockRequest = periodLockSchema;
export const ChangeUserRequest = changeUserSchema;
export const DigestSettingRequest = digestSettingSchema;
export const CodeRequest = codeRequestSchema;
export const AmendmentRequest = amendSchema;
export const DirectionRequest = recordDirectionSchema;
export const DirectionChangeRequest = changeDirectionSchema;
