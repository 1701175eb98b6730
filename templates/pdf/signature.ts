/**
 * End of the body: "Nơi nhận:" with the recipients on the left, the signature block on the right.
 * flow: render-pdf --> signature
 */
import type { Signer } from '../../functions/core/agency.ts';
import type { ReportModel } from '../../functions/core/report-model.ts';
import { SIZE, type ContentNode } from './pdf-types.ts';
import { upper } from './rule.ts';

const RECIPIENTS_WIDTH = 200;

/** "- UBND tỉnh (b/c);" … "- Lưu: VT, VP." — the model gives the bare lines, the archive line last. */
export function recipientLines(recipients: string[]): string[] {
  const bare = recipients.map((r) => r.trim().replace(/^-\s*/u, '').replace(/[;.,\s]+$/u, '')).filter(Boolean);
  return bare.map((r, i) => `- ${r}${i === bare.length - 1 ? '.' : ';'}`);
}

/** "KT. GIÁM ĐỐC" over "PHÓ GIÁM ĐỐC"; just "GIÁM ĐỐC" when the head signs. */
export function signerLines(signer: Signer): string[] {
  const authority = upper(`${signer.prefix ? `${signer.prefix} ` : ''}${signer.authority}`);
  const title = signer.title ? upper(signer.title) : '';
  return title && title !== upper(signer.authority) ? [authority, title] : [authority];
}

/** Room for the hand signature and the seal (about 3 cm). */
const SIGNATURE_SPACE = 80;

export function signatureBlock(model: ReportModel): ContentNode {
  return {
    columns: [
      {
        width: RECIPIENTS_WIDTH,
        stack: [
          { text: 'Nơi nhận:', fontSize: SIZE.recipientsLabel, bold: true, italics: true },
          ...recipientLines(model.recipients).map((r) => ({ text: r, fontSize: SIZE.recipients })),
        ],
      },
      {
        width: '*',
        stack: [
          ...signerLines(model.signer).map((l) => ({ text: l, fontSize: SIZE.body, bold: true, alignment: 'center' })),
          { text: model.signer.name, fontSize: SIZE.body, bold: true, alignment: 'center', margin: [0, SIGNATURE_SPACE, 0, 0] },
        ],
      },
    ],
    columnGap: 10,
    // A signature separated from its recipients (or from the body's last lines) is not signable.
    unbreakable: true,
    margin: [0, 6, 0, 0],
  };
}
