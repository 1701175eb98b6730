/**
 * The leaders' directions in the reports, for every period kind holding June 2024 and both
 * audiences: the Director's report lists each direction on a proposal up to the window's end that
 * was not answered before it, each sentence saying the proposal, the direction (who, by when) and
 * what came of it — the unit's answer, or that none came yet — as the data has it; the report to
 * UBND tỉnh holds only the direction marked for the province, never the other. A direction
 * answered in June is gone from July's report; a May proposal's is not in April's.
 * The wording is seed 003's (a Director's conclusions to the units).
 */
import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../../functions/core/aggregate/build-report-model.ts';
import { directionSentence } from '../../../functions/core/aggregate/directions.ts';
import { firstVersion, type Direction } from '../../../functions/core/direction.ts';
import { parsePeriod } from '../../../functions/core/period.ts';
import { bodyText, claimProblems, hygieneProblems } from '../../support/claims-check.ts';
import { AGENCY, plan2024, profile2024, report, submitted } from './fixtures.ts';

const P1 = 'Xin ý kiến Lãnh đạo Sở về việc gia hạn thời gian đăng ký tham gia chương trình đảm bảo đo lường.';
const P2 = 'Đề nghị Lãnh đạo Sở cho chủ trương mở rộng thí điểm 5S tại bộ phận một cửa.';
const D1 = 'Chi cục đôn đốc các doanh nghiệp hoàn thành hồ sơ, gửi Phòng Kế hoạch - Tài chính thẩm định kinh phí.';
const D2 = 'Đồng ý chủ trương; Chi cục tham mưu Giám đốc Sở báo cáo UBND tỉnh kết quả thí điểm.';
const A1 = 'Đã đôn đốc, 03 doanh nghiệp đã nộp hồ sơ; Phòng Kế hoạch - Tài chính đã thẩm định ngày 20/6/2024.';

const who = { by: 'gd', byName: 'Đặng Văn Giám' };
const d1: Direction = firstVersion(
  AGENCY,
  { period: '2024-05', unit: 'CCTCDLCL', taskId: 'I-1', proposals: P1, difficulties: '' },
  { text: D1, deadline: '2024-06-30', forProvince: false },
  who,
  '2024-06-03T02:00:00.000Z',
);
const d2: Direction = firstVersion(
  AGENCY,
  { period: '2024-05', unit: 'CCTCDLCL', taskId: 'II-1', proposals: P2, difficulties: '' },
  { text: D2, forProvince: true, responsibleUnit: 'VP' },
  who,
  '2024-06-04T02:00:00.000Z',
);

const may = submitted('CCTCDLCL', '2024-05', [
  report('I-1', { progress: 40, result: 'Đã khảo sát doanh nghiệp', proposals: P1, needsDecision: true }),
  report('II-1', { progress: 10, result: 'Đã xây dựng kế hoạch', proposals: P2, needsDecision: true }),
]);
const june = submitted('CCTCDLCL', '2024-06', [
  report('I-1', { progress: 60, result: 'Đã ký hợp đồng tư vấn', directionAnswers: [{ id: d1.id, text: A1 }] }),
  report('II-1', { progress: 20, result: 'Đang thí điểm' }),
]);

describe('directions in the reports', () => {
  for (const periodId of ['2024-06', '2024-Q2', '2024-H1', '2024-9M', '2024']) {
    for (const audience of ['director', 'ubnd'] as const) {
      it(`${periodId}, ${audience}`, () => {
        const heads = [may, june];
        const m = buildReportModel({
          profile: profile2024(),
          plan: plan2024(),
          period: parsePeriod(periodId),
          audience,
          issueDate: '2024-12-28',
          submissions: heads,
          previousSubmissions: [],
          directions: [d1, d2],
        });
        const rows = m.directions ?? [];
        expect(rows.map((r) => r.id)).toEqual(audience === 'director' ? [d1.id, d2.id] : [d2.id]);
        const one = rows.find((r) => r.id === d1.id);
        if (one) expect(one.answer).toEqual({ period: '2024-06', text: A1 });
        expect(rows.find((r) => r.id === d2.id)?.answer).toBeUndefined();
        // Every sentence is its row's, and says the data: the proposal, the direction, the deadline, the answer.
        const bullets = m.body.find((b) => b.type === 'bullets' && b.items.some((i) => i.includes(D2)));
        expect(bullets?.type === 'bullets' ? bullets.items : []).toEqual(rows.map((r) => directionSentence(r, audience)));
        const text = bodyText(m.body);
        expect(text).toContain(P2);
        expect(text).toContain(D2);
        expect(text).toContain('Chưa có báo cáo kết quả thực hiện.');
        // Each proposal names its task by group and number, as the rest of the body does (both are "1" in their groups).
        expect(text).toContain('báo cáo tháng 05/2024, đề xuất về nhiệm vụ II.1 (');
        if (audience === 'director') expect(text).toContain('báo cáo tháng 05/2024, đề xuất về nhiệm vụ I.1 (');
        expect(text).toContain('Giao Văn phòng Sở thực hiện');
        if (audience === 'director') {
          expect(text).toContain(`Đặng Văn Giám chỉ đạo: ${D1} (Thời hạn 30/06/2024.)`);
          expect(text).toContain(`Kết quả thực hiện (báo cáo tháng 06/2024): ${A1}`);
          expect(m.directedProposals).toEqual([d1.id, d2.id].sort());
        } else {
          expect(text).not.toContain(D1);
          expect(text).not.toContain(A1);
          expect(text).not.toContain('Đặng Văn Giám');
          expect(m.directedProposals).toBeUndefined();
        }
        expect(claimProblems(m)).toEqual([]);
        expect(hygieneProblems(m)).toEqual([]);
      });
    }
  }

  it('a direction answered in June is gone from July; a May proposal is not in April', () => {
    const july = buildReportModel({
      profile: profile2024(),
      plan: plan2024(),
      period: parsePeriod('2024-07'),
      audience: 'director',
      issueDate: '2024-07-28',
      submissions: [],
      previousSubmissions: [june],
      earlierSubmissions: [may],
      directions: [d1, d2],
    });
    expect(july.directions?.map((r) => r.id)).toEqual([d2.id]);
    const april = buildReportModel({
      profile: profile2024(),
      plan: plan2024(),
      period: parsePeriod('2024-04'),
      audience: 'director',
      issueDate: '2024-04-28',
      submissions: [],
      previousSubmissions: [],
      directions: [d1, d2],
    });
    expect(april.directions).toBeUndefined();
    expect(bodyText(april.body)).not.toContain('Ý kiến chỉ đạo');
  });
});
