/**
 * The words of a PDF, read with unpdf (PDF.js built for serverless runtimes: pure JavaScript, no
 * canvas): used to check that a PDF signed outside the system is the document that was issued.
 * flow: attach-signed use case --> PdfText port --> this adapter --> unpdf
 *
 * What is printed in the top margin (the page numbers) is left out: it says where pages break,
 * not what the document says, and where a page breaks can move with the text that follows
 * (the last paragraph goes with the signature, docs/rendering.md).
 */
import { getDocumentProxy } from 'unpdf';
import { PdfUnreadableError, type PdfText } from '../usecases/ports.ts';

/** Pages read at most: a report is tens of pages; a thousand-page file is not one of ours. */
const MAX_PAGES = 2000;

/** The reports' top margin (20 mm): page numbers stand in it, text never does. */
const TOP_MARGIN = (20 * 72) / 25.4;

export const unpdfText: PdfText = {
  async words(bytes: Uint8Array): Promise<string[]> {
    let doc: Awaited<ReturnType<typeof getDocumentProxy>>;
    try {
      // PDF.js takes ownership of the buffer it is given: pass a copy.
      doc = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, stopAtErrors: true });
    } catch (err) {
      throw new PdfUnreadableError(err instanceof Error ? err.message : String(err));
    }
    try {
      if (doc.numPages > MAX_PAGES) throw new PdfUnreadableError(`${doc.numPages} pages`);
      const words: string[] = [];
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        const top = page.view[3]!;
        const { items } = await page.getTextContent();
        let text = '';
        for (const item of items) {
          if (!('str' in item)) continue;
          // transform[5] is the baseline's height above the page's bottom edge.
          if (top - item.transform[5] < TOP_MARGIN) continue;
          text += item.str + (item.hasEOL ? '\n' : '');
        }
        words.push(...text.normalize('NFC').split(/\s+/u).filter(Boolean));
      }
      return words;
    } catch (err) {
      if (err instanceof PdfUnreadableError) throw err;
      throw new PdfUnreadableError(err instanceof Error ? err.message : String(err));
    } finally {
      // Frees the fonts and the worker the document holds.
      await doc.cleanup();
    }
  },
};
