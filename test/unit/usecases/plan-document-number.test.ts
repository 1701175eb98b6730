// The number and symbol of a plan's own document, as reports cite it (functions/usecases/plan-document.ts).
import { describe, expect, it } from 'vitest';
import { DOCUMENT_NUMBER_PATTERN } from '../../../functions/usecases/plan-document.ts';

describe('a plan document number', () => {
  it("takes Nghị định 30's symbols as officials write them, lower-case letters included", () => {
    for (const n of ['15/KH-KHCN', '194/CTr-SKHCN', '184/QĐ-UBND', '12/TTr-SKHCN', '3/KH-UBND&SKHCN']) expect(DOCUMENT_NUMBER_PATTERN.test(n), n).toBe(true);
  });
  it('refuses what is not a number and a symbol', () => {
    for (const n of ['KH-KHCN', '15', '15/', '/KH', '15 /KH-KHCN', '15/KH KHCN', '123456/KH', '15/KH--KHCN'])
      expect(DOCUMENT_NUMBER_PATTERN.test(n), n).toBe(false);
  });
});
