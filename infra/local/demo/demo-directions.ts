/**
 * A leader's direction in the demo, so the feature is seen on a first start: the Giám đốc answers
 * QLKH's May 2024 proposal (asking the leaders to urge the host organisations) in the words of a
 * Director's meeting conclusions (seed 003), through the same use case a leader's form uses. It
 * then shows on QLKH's June form, and in the Director's reports from May on.
 * flow: load demo --> demo directions --> directions use case
 */
import { recordDirection, type DirectionStores } from '../../../functions/usecases/directions.ts';
import { UseCaseError } from '../../../functions/usecases/errors.ts';
import type { AgencyProfile } from '../../../functions/core/agency.ts';

const TEXT =
  'Phòng Quản lý Khoa học đôn đốc các cơ quan chủ trì hoàn thành hồ sơ, gửi Phòng Kế hoạch - Tài chính để tổ chức thẩm định kinh phí; hoàn thành kịp thời việc thông báo kết luận đối với các nhiệm vụ KH&CN đã được kiểm tra.';

export async function loadDemoDirections(stores: DirectionStores, profile: AgencyProfile, now: Date): Promise<string[]> {
  const head = await stores.submissions.getHead(profile.agencyId, '2024-05', 'QLKH');
  const task = head?.data?.tasks.find((t) => t.needsDecision && t.proposals);
  const director = profile.leaders[0];
  if (!task || !director) return [];
  const leader = { sub: `demo-${director.id}`, name: director.name, role: 'lanh-dao' as const, agencyId: profile.agencyId };
  try {
    await recordDirection(
      stores,
      leader,
      { period: '2024-05', unit: 'QLKH', taskId: task.taskId, text: TEXT, deadline: '2024-06-30', forProvince: false },
      now,
    );
  } catch (err) {
    // Already given on an earlier start.
    if (!(err instanceof UseCaseError && err.code === 'direction_exists')) throw err;
  }
  return [`${director.name}: QLKH, nhiệm vụ ${task.taskId}, tháng 5/2024`];
}
