/**
 * Pagination: places boxes (a line of text, a table row, the signature block …) down the pages,
 * keeping together what must stay together, and draws each box as soon as its page is decided,
 * so a page is written out (pdfkit flushes it on the next addPage) as soon as it is full.
 * flow: render-pdf --> body / signature / appendix boxes --> page-flow --> pdfkit pages
 *
 * The rules (docs/rendering.md): a box says how strongly it holds on to the next one. Boxes
 * joined by a hold form a chain, placed as a whole on this page if it fits, else at the top of
 * the next page. A chain taller than a page is placed again by its stronger holds only, and in
 * the end box by box. So a heading (hold 2) keeps two lines of what follows; a paragraph's first
 * line and its next-to-last line hold 2 (no orphan, no widow); the body's last paragraph holds
 * the signature block with hold 1, given up only when paragraph and signature exceed a page.
 */
import type PDFDocument from 'pdfkit';
import { compressPageContent } from './page-content.ts';
import { A4, PAGE_MARGINS } from './pdf-types.ts';

/** How strongly a box holds on to the next one. */
export enum Hold {
  None = 0,
  /** Given up first when a chain is taller than a page. */
  Prefer = 1,
  /** Given up only when a chain of such holds is taller than a page. */
  Must = 2,
}

export interface Box {
  /** Space above, dropped when the box is moved to the top of a new page. */
  gapBefore: number;
  height: number;
  /** Space below (not counted when deciding whether the box fits). */
  gapAfter: number;
  hold: Hold;
  /** Draws the box with its top at `top`. */
  draw(top: number): void;
  /** Once this box is placed, the box drawn at the top of each further page (null: none). */
  runningHead?: Box | null;
}

export interface Section {
  landscape: boolean;
  /** Draws the page number of a page of the section (1 for its first page). */
  pageNumber(n: number): void;
}

export class PageFlow {
  private y = 0;
  private bottom = 0;
  private top = 0;
  private pageInSection = 0;
  private section: Section | undefined;
  private runningHead: Box | undefined;
  private chain: Box[] = [];
  /** Set when a page was begun because the last box did not fit: the next gap is dropped. */
  private moved = false;
  /** Nothing has been placed on the current page yet (besides a running head). */
  private empty = true;
  /** A page has been begun (and must be closed before the next). */
  private opened = false;

  /** `endPage` runs before a page is closed (the text painter writes the page's text). */
  constructor(
    private readonly doc: PDFDocument,
    private readonly endPage: () => void,
  ) {}

  /** Starts a section on a new page (portrait body, landscape appendix). */
  startSection(section: Section): void {
    this.flush();
    this.section = section;
    this.runningHead = undefined;
    this.pageInSection = 0;
    this.newPage(false);
  }

  add(box: Box): void {
    this.chain.push(box);
    if (box.hold === Hold.None) this.flush();
  }

  /** Places what is still waiting and closes the last page (the document can end). */
  finish(): void {
    this.flush();
    this.endPage();
    compressPageContent(this.doc);
  }

  /** Places what is still waiting; the current page stays open. */
  flush(): void {
    const chain = this.chain;
    this.chain = [];
    if (chain.length > 0) this.placeChain(chain, Hold.Prefer);
  }

  private newPage(moved: boolean): void {
    const landscape = this.section?.landscape ?? false;
    const [w, h] = landscape ? [A4.height, A4.width] : [A4.width, A4.height];
    if (this.opened) {
      this.endPage();
      compressPageContent(this.doc);
    }
    this.opened = true;
    this.doc.addPage({ size: [w, h], margin: 0 });
    this.pageInSection++;
    this.top = PAGE_MARGINS.top;
    this.bottom = h - PAGE_MARGINS.bottom;
    this.y = this.top;
    this.section?.pageNumber(this.pageInSection);
    this.empty = true;
    if (moved && this.runningHead) {
      this.runningHead.draw(this.y);
      this.y += this.runningHead.height;
    }
    this.moved = moved;
  }

  /** Height a chain takes from the current position (or from a new page's top when `fresh`). */
  private chainFits(chain: readonly Box[], fresh: boolean): boolean {
    let y = fresh ? this.top + (this.runningHead?.height ?? 0) : this.y;
    let first = true;
    for (const b of chain) {
      if (!(first && (fresh || this.moved))) y += b.gapBefore;
      if (y + b.height > this.bottom) return false;
      y += b.height + b.gapAfter;
      first = false;
    }
    return true;
  }

  private placeChain(chain: Box[], level: Hold): void {
    if (this.chainFits(chain, false)) {
      for (const b of chain) this.place(b);
      return;
    }
    if (!this.empty && this.chainFits(chain, true)) {
      this.newPage(true);
      for (const b of chain) this.place(b);
      return;
    }
    if (level <= Hold.Must) {
      // Taller than a page: hold on only to the stronger holds, then to none.
      for (const part of splitChain(chain, level + 1)) this.placeChain(part, level + 1);
      return;
    }
    for (const b of chain) {
      if (!this.empty && this.y + (this.moved ? 0 : b.gapBefore) + b.height > this.bottom) this.newPage(true);
      this.place(b);
    }
  }

  private place(b: Box): void {
    if (!(this.empty && this.moved)) this.y += b.gapBefore;
    if (!this.empty && this.y + b.height > this.bottom) {
      // Only reached by a lone box taller than what is left: start it on a new page.
      this.y -= b.gapBefore;
      this.newPage(true);
    }
    b.draw(this.y);
    if (b.runningHead !== undefined) this.runningHead = b.runningHead ?? undefined;
    this.y += b.height + b.gapAfter;
    this.empty = false;
    this.moved = false;
  }
}

/** Cuts a chain after every box whose hold is weaker than `level`. */
function splitChain(chain: readonly Box[], level: number): Box[][] {
  const parts: Box[][] = [[]];
  for (const b of chain) {
    parts[parts.length - 1]!.push(b);
    if (b.hold < level) parts.push([]);
  }
  return parts.filter((p) => p.length > 0);
}
