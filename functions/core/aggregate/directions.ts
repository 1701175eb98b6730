/**
 * The leaders' directions a report prints: those on proposals of the window's months or earlier
 * and not answered before it (core/direction.ts#directionsInWindow), each with what came of it —
 * the unit's answer in the latest report of the window that gave one. The report to UBND tỉnh
 * prints only those marked for the province. Rows for the model, sentences for the body.
 * flow: build-report-model --> directions (aggregate) --> direction (core); narrative-* --> here
 */
import type { AgencyProfile, Audience } from '../agency.ts';
import { directionsInWindow, latestAnswer, responsibleUnitOf, type Direction } from '../direction.ts';
import type { Plan } from '../plan.ts';
import type { Block, DirectionRow } from '../report-model.ts';
import type { SubmissionHead } from '../submission.ts';
import type { Counter } from './claims.ts';
import { asTyped, dateVi, monthRef } from './format.ts';
import { p, shortContent, taskNo, ul } from './narrative-parts.ts';

const unitOf = (profile: AgencyProfile, code: string) => ({ code, name: profile.units.find((u) => u.code === code)?.name ?? code });

export function buildDirectionRows(
  profile: AgencyProfile,
  plan: Plan | undefined,
  audience: Audience,
  directions: readonly Direction[],
  months: readonly string[],
  heads: readonly SubmissionHead[],
): DirectionRow[] {
  const tasks = new Map((plan?.tasks ?? []).map((t) => [t.id, t]));
  const last = months.at(-1) ?? '';
  return directionsInWindow(
    directions.filter((d) => d.agencyId === profile.agencyId),
    months,
    heads,
    audience,
  ).map((d) => {
    const task = tasks.get(d.proposal.taskId);
    const answer = latestAnswer(d, heads, last);
    return {
      id: d.id,
      unit: unitOf(profile, d.proposal.unit),
      taskId: d.proposal.taskId,
      // Qualified by its group ("II.1"), as the body's other references: plain numbers repeat across groups.
      ...(task ? { taskNumber: taskNo(task), taskContent: task.content } : {}),
      proposalPeriod: d.proposal.period,
      proposals: d.proposal.proposals,
      text: d.text,
      ...(d.deadline ? { deadline: d.deadline } : {}),
      responsibleUnit: unitOf(profile, responsibleUnitOf(d)),
      byName: d.byName,
      forProvince: d.forProvince,
      ...(answer ? { answer: { period: answer.period, text: answer.text } } : {}),
    };
  });
}

/** One direction as a sentence: the proposal, the direction (who, by when, who carries it out), and what came of it. */
export function directionSentence(r: DirectionRow, audience: Audience): string {
  const task = r.taskNumber ? `nhiệm vụ ${r.taskNumber}${r.taskContent ? ` (${shortContent(r.taskContent, 14)})` : ''}` : 'nhiệm vụ';
  const proposal = `${r.unit.name}, báo cáo ${monthRef(r.proposalPeriod)}, đề xuất về ${task}: ${asTyped(r.proposals)}`;
  const who = audience === 'director' ? `${r.byName} chỉ đạo` : 'Lãnh đạo Sở chỉ đạo';
  const terms = [r.responsibleUnit.code !== r.unit.code ? `giao ${r.responsibleUnit.name} thực hiện` : '', r.deadline ? `thời hạn ${dateVi(r.deadline)}` : '']
    .filter(Boolean)
    .join(', ');
  const direction = `${who}: ${asTyped(r.text)}${terms ? ` (${terms[0]!.toLocaleUpperCase('vi')}${terms.slice(1)}.)` : ''}`;
  const result = r.answer ? `Kết quả thực hiện (báo cáo ${monthRef(r.answer.period)}): ${asTyped(r.answer.text)}` : 'Chưa có báo cáo kết quả thực hiện.';
  return `${proposal} ${direction} ${result}`;
}

/** The body's paragraph and bullets on the directions, or nothing when the report has none. */
export function directionBlocks(n: Counter, rows: readonly DirectionRow[], audience: Audience): Block[] {
  if (rows.length === 0) return [];
  const lead =
    audience === 'director'
      ? 'Ý kiến chỉ đạo của Lãnh đạo Sở về các đề xuất của phòng, đơn vị và kết quả thực hiện:'
      : 'Ý kiến chỉ đạo của Lãnh đạo Sở về các đề xuất, kiến nghị và kết quả thực hiện:';
  return [
    p(n, lead),
    ul(
      n,
      rows.map((r) => directionSentence(r, audience)),
    ),
  ];
}
