/**
 * End of the body: "Nơi nhận:" with the recipients on the left, the signature block on the right.
 * flow: render-pdf --> signature --> render-context
 */
import type { ReportModel } from '../../functions/core/report-model.ts';
import type { Box } from './page-flow.ts';
import { PAGE_MARGINS, PORTRAIT_WIDTH, SIZE } from './pdf-types.ts';
import { drawLines, fixedBox, linesHeight, textLines, type RenderContext } from './render-context.ts';
import { recipientLines, signerLines } from '../common/document-lines.ts';

const RECIPIENTS_WIDTH = 200;

// The lines' words live in templates/common/document-lines.ts (the profile page previews them too).
export { recipientLines, signerLines } from '../common/document-lines.ts';

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
