/**
 * End of the body: "Nơi nhận:" with the recipients on the left, the signature block on the right.
 * flow: render-pdf --> signature --> render-context
 */
import type { Signer } from '../../functions/core/agency.ts';
import type { ReportModel } from '../../functions/core/report-model.ts';
import type { Box } from './page-flow.ts';
import { PAGE_MARGINS, PORTRAIT_WIDTH, SIZE } from './pdf-types.ts';
import { drawLines, fixedBox, linesHeight, textLines, type RenderContext } from './render-context.ts';
import { upper } from './rule.ts';

const RECIPIENTS_WIDTH = 200;

/** "- UBND tỉnh (b/c);" … "- Lưu: VT, VP." — the model gives the bare lines, the archive line last. */
export function recipientLines(recipients: string[]): string[] {
  const bare = recipients
    .map((r) =>
      r
        .trim()
        .replace(/^-\s*/u, '')
        .replace(/[;.,\s]+$/u, ''),
    )
    .filter(Boolean);
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
const COLUMN_GAP = 10;
const GAP_BEFORE = 6;

/** The two columns as one box: a signature is never split from its recipients. */
export function signatureBox(model: ReportModel, ctx: RenderContext): Box {
  const x = PAGE_MARGINS.left;
  const signerWidth = PORTRAIT_WIDTH - RECIPIENTS_WIDTH - COLUMN_GAP;
  const left = { width: RECIPIENTS_WIDTH, align: 'left' as const };
  const centred = { width: signerWidth, align: 'center' as const };
  const recipients = [
    ...textLines(ctx, 'Nơi nhận:', { font: 'bolditalics', size: SIZE.recipientsLabel }, left),
    ...recipientLines(model.recipients).flatMap((r) => textLines(ctx, r, { font: 'normal', size: SIZE.recipients }, left)),
  ];
  const bold = { font: 'bold' as const, size: SIZE.body };
  const authority = signerLines(model.signer).flatMap((l) => textLines(ctx, l, bold, centred));
  const name = textLines(ctx, model.signer.name, bold, centred);
  const signerHeight = linesHeight(authority) + SIGNATURE_SPACE + linesHeight(name);
  return fixedBox(
    Math.max(linesHeight(recipients), signerHeight),
    (top) => {
      drawLines(ctx, recipients, x, top);
      const right = x + RECIPIENTS_WIDTH + COLUMN_GAP;
      drawLines(ctx, name, right, drawLines(ctx, authority, right, top) + SIGNATURE_SPACE);
    },
    { gapBefore: GAP_BEFORE },
  );
}
