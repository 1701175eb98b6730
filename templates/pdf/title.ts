/**
 * "BÁO CÁO", the subject line (trích yếu) with its short rule, and "Kính gửi:" for a report to
 * the superior.
 * flow: render-pdf --> title --> rule
 */
import type { ReportModel } from '../../functions/core/report-model.ts';
import type { FontSet } from './fonts.ts';
import { PORTRAIT_WIDTH, SIZE, type Content, type ContentNode } from './pdf-types.ts';
import { balanceLines, centredRule, widestLine } from './rule.ts';

/** The rule under the subject: a third of its longest line, as the decree asks 1/3 to 1/2. */
const SUBJECT_RULE_RATIO = 1 / 3;

export function titleBlock(model: ReportModel, fonts: FontSet): Content {
  const subject = balanceLines(model.subject, fonts.measure.bold, SIZE.title, PORTRAIT_WIDTH);
  const subjectWidth = Math.min(widestLine(subject, fonts.measure.bold, SIZE.title), PORTRAIT_WIDTH);
  const out: Content[] = [
    { text: 'BÁO CÁO', fontSize: SIZE.title, bold: true, alignment: 'center', margin: [0, 22, 0, 0] },
    { text: subject, fontSize: SIZE.title, bold: true, alignment: 'center' },
    centredRule(subjectWidth * SUBJECT_RULE_RATIO, PORTRAIT_WIDTH, 5, 0),
  ];
  const kinhGui = kinhGuiBlock(model.kinhGui);
  if (kinhGui) out.push(kinhGui);
  out.push({ text: '', margin: [0, 0, 0, 10] });
  return out;
}

/**
 * One addressee: "Kính gửi: Ủy ban nhân dân tỉnh Bắc Giang." centred on one line. Several: the
 * label, then one "- …;" line each, the last ending with a full stop.
 */
function kinhGuiBlock(lines: string[]): ContentNode | undefined {
  const names = lines.map((l) => l.trim().replace(/[;.]+$/u, '')).filter(Boolean);
  if (names.length === 0) return undefined;
  if (names.length === 1) {
    return { text: `Kính gửi: ${names[0]}.`, fontSize: SIZE.body, alignment: 'center', margin: [0, 14, 0, 0] };
  }
  return {
    columns: [
      { width: '*', text: '' },
      {
        width: 'auto',
        table: {
          body: [
            [
              { text: 'Kính gửi:', fontSize: SIZE.body },
              { stack: names.map((n, i) => ({ text: `- ${n}${i === names.length - 1 ? '.' : ';'}`, fontSize: SIZE.body })) },
            ],
          ],
        },
        layout: 'noBorders',
      },
      { width: '*', text: '' },
    ],
    margin: [0, 14, 0, 0],
  };
}
