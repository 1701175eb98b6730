/**
 * The words of a PDF, read with unpdf (PDF.js built for serverless runtimes: pure JavaScript, no
 * canvas): used to check that a PDF signed outside the system is the document that was issued.
 * flow: attach-signed use case --> PdfText port --> this adapter --> unpdf
 */
import { extractText, getDocumentProxy } from 'unpdf';
import { PdfUnreadableError, type PdfText } from '../usecases/ports.ts';

/** Pages read at most: a report is tens of pages; a thousand-page file is not one of ours. */
const MAX_PAGES = 2000;

export const unpdfText: PdfText = {
  async words(bytes: Uint8Array): Promise<string[]> {
    let doc;
    try {
      // PDF.js takes ownership of the buffer it is given: pass a copy.
      doc = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, stopAtErrors: true });
    } catch (err) {
      throw new PdfUnreadableError(err instanceof Error ? err.message : String(err));
    }
    try {
      if (doc.numPages > MAX_PAGES) throw new PdfUnreadableError(`${doc.numPages} pages`);
      const { text } = await extractText(doc, { mergePages: true });
      return text.normalize('NFC').split(/\s+/u).filter(Boolean);
    } catch (err) {
      if (err instanceof PdfUnreadableError) throw err;
      throw new PdfUnreadableError(err instanceof Error ? err.message : String(err));
    } finally {
      // Frees the fonts and the worker the document holds.
      await doc.cleanup();
    }
  },
};
