/**
 * A small workbook that writes SpreadsheetML itself: the part of exceljs's Workbook / Worksheet /
 * Cell interface the report's sheets use (cells with a value and a style, merges, column widths,
 * row heights, print setup, frozen header), serialised straight to XML and zipped once.
 * flow: render-xlsx --> *-sheet --> sheet-writer --> zip-writer
 *
 * Why not exceljs: for the report workbook its object model, style bookkeeping and XML streams were
 * 20–35 % of a compile (docs/performance.md); writing the parts directly is several times faster.
 * The output mirrors what exceljs wrote (same shared strings, style records, merges, column widths,
 * print setup, defined print titles), so Excel and LibreOffice read the same workbook, and exceljs
 * still reads it back in the tests. Semantics kept from exceljs: a merged cell shares its master's
 * style object and writes its value to the master; a column of width 9 (exceljs's default) is left
 * to the sheet's default; cells without a value are written only when they have a style.
 */
import type { Alignment, Borders, CellValue, Fill, Font, HeaderFooter, PageSetup, WorksheetView } from 'exceljs';
import { zip } from './zip-writer.ts';
import theme from 'exceljs/lib/xlsx/xml/theme1.js';

/** What styles.ts and safe-cell.ts need of a cell; exceljs's Cell has it too. */
export interface CellLike {
  value: CellValue;
  font: Partial<Font>;
  alignment: Partial<Alignment>;
  border: Partial<Borders>;
  fill: Fill;
  readonly isMerged: boolean;
  readonly master: CellLike;
  readonly address: string;
  readonly text: string;
}

export interface RowLike {
  height: number;
  getCell(col: number): CellLike;
  eachCell(callback: (cell: CellLike, col: number) => void): void;
}

/** What the sheets and styles.ts need of a worksheet; exceljs's Worksheet has it too. */
export interface SheetLike {
  columns: { width?: number }[];
  readonly rowCount: number;
  pageSetup: Partial<PageSetup>;
  headerFooter: Partial<HeaderFooter>;
  views: Partial<WorksheetView>[];
  getCell(row: number, col: number): CellLike;
  getRow(row: number): RowLike;
  mergeCells(top: number, left: number, bottom: number, right: number): void;
}

interface Style {
  font?: Partial<Font>;
  alignment?: Partial<Alignment>;
  border?: Partial<Borders>;
  fill?: Fill;
}

const DEFAULT_WIDTH = 9;

function columnName(col: number): string {
  let name = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return name;
}

const COLUMN_NAMES: string[] = [];
function colName(col: number): string {
  let name = COLUMN_NAMES[col];
  if (name === undefined) {
    name = columnName(col);
    COLUMN_NAMES[col] = name;
  }
  return name;
}

const XML_SPECIAL = /[&<>"]/u;
function esc(text: string): string {
  if (!XML_SPECIAL.test(text)) return text;
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
}

export class XlsxCell implements CellLike {
  style: Style = {};
  private own: CellValue = null;
  mergedInto: XlsxCell | undefined;

  constructor(
    readonly row: number,
    readonly col: number,
  ) {}

  get value(): CellValue {
    return this.mergedInto ? this.mergedInto.value : this.own;
  }
  set value(v: CellValue) {
    if (this.mergedInto) this.mergedInto.value = v;
    else this.own = v;
  }
  /** This cell's own value: none for the hidden part of a merged range. */
  get stored(): CellValue {
    return this.mergedInto ? null : this.own;
  }
  get font(): Partial<Font> {
    return this.style.font as Partial<Font>;
  }
  set font(v: Partial<Font>) {
    this.style.font = v;
  }
  get alignment(): Partial<Alignment> {
    return this.style.alignment as Partial<Alignment>;
  }
  set alignment(v: Partial<Alignment>) {
    this.style.alignment = v;
  }
  get border(): Partial<Borders> {
    return this.style.border as Partial<Borders>;
  }
  set border(v: Partial<Borders>) {
    this.style.border = v;
  }
  get fill(): Fill {
    return this.style.fill as Fill;
  }
  set fill(v: Fill) {
    this.style.fill = v;
  }
  get isMerged(): boolean {
    return this.mergedInto !== undefined || this.isMaster;
  }
  isMaster = false;
  get master(): XlsxCell {
    return this.mergedInto ?? this;
  }
  get address(): string {
    return `${colName(this.col)}${this.row}`;
  }
  get text(): string {
    const v = this.value;
    return v === null || v === undefined ? '' : String(v);
  }
}

export class XlsxRow implements RowLike {
  height = 0;
  readonly cells: (XlsxCell | undefined)[] = [];

  constructor(readonly number: number) {}

  getCell(col: number): XlsxCell {
    let cell = this.cells[col];
    if (!cell) {
      cell = new XlsxCell(this.number, col);
      this.cells[col] = cell;
    }
    return cell;
  }

  /** Cells with a value or in a merged range, as exceljs's `eachCell` without `includeEmpty`. */
  eachCell(callback: (cell: XlsxCell, col: number) => void): void {
    this.cells.forEach((cell, c) => {
      if (cell && (cell.mergedInto || (cell.value !== null && cell.value !== undefined))) callback(cell, c);
    });
  }
}

interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export class XlsxSheet implements SheetLike {
  private readonly rows: XlsxRow[] = [];
  private readonly merges: Merge[] = [];
  private widths: (number | undefined)[] = [];
  pageSetup: Partial<PageSetup> = {};
  headerFooter: Partial<HeaderFooter> = {};
  views: Partial<WorksheetView>[] = [];

  constructor(readonly name: string) {}

  get columns(): { width?: number }[] {
    return this.widths.map((width) => ({ width }));
  }
  set columns(columns: { width?: number }[]) {
    this.widths = columns.map((c) => c.width);
  }

  get rowCount(): number {
    return this.rows.length - 1 > 0 ? this.rows.length - 1 : 0;
  }

  getRow(r: number): XlsxRow {
    let row = this.rows[r];
    if (!row) {
      row = new XlsxRow(r);
      this.rows[r] = row;
    }
    return row;
  }

  getCell(r: number, c: number): XlsxCell {
    return this.getRow(r).getCell(c);
  }

  mergeCells(top: number, left: number, bottom: number, right: number): void {
    for (const m of this.merges) {
      if (m.left <= right && left <= m.right && m.top <= bottom && top <= m.bottom) throw new Error('Cannot merge already merged cells');
    }
    const master = this.getCell(top, left);
    master.isMaster = true;
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) {
        if (r === top && c === left) continue;
        const cell = this.getCell(r, c);
        cell.value = null;
        cell.mergedInto = master;
        cell.style = master.style;
      }
    }
    this.merges.push({ top, left, bottom, right });
  }

  /** The print titles' defined name, if the sheet repeats rows on each printed page. */
  printTitles(): string | undefined {
    const rows = this.pageSetup.printTitlesRow;
    if (!rows) return undefined;
    const [from, to] = rows.split(':');
    return `'${this.name.replace(/'/gu, "''")}'!$${from}:$${to}`;
  }

  toXml(styles: StyleTable, strings: SharedStrings): string {
    const out: string[] = [];
    out.push(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
    );
    if (this.pageSetup.fitToPage) out.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    let lastCol = 1;
    for (const row of this.rows) if (row && row.cells.length - 1 > lastCol) lastCol = row.cells.length - 1;
    out.push(`<dimension ref="A1:${colName(lastCol)}${Math.max(1, this.rowCount)}"/>`);
    out.push(this.viewsXml());
    out.push('<sheetFormatPr defaultRowHeight="15"/>');
    out.push(this.colsXml());
    out.push('<sheetData>');
    for (const row of this.rows) {
      if (!row) continue;
      const cells: string[] = [];
      row.cells.forEach((cell, c) => {
        if (!cell) return;
        const s = styles.id(cell.style);
        const v = cell.stored;
        const ref = `${colName(c)}${row.number}`;
        const sAttr = s ? ` s="${s}"` : '';
        if (typeof v === 'string') cells.push(`<c r="${ref}"${sAttr} t="s"><v>${strings.id(v)}</v></c>`);
        else if (typeof v === 'number') cells.push(`<c r="${ref}"${sAttr}><v>${v}</v></c>`);
        else if (typeof v === 'boolean') cells.push(`<c r="${ref}"${sAttr} t="b"><v>${v ? 1 : 0}</v></c>`);
        else if (s) cells.push(`<c r="${ref}"${sAttr}/>`);
      });
      if (!cells.length && !row.height) continue;
      const ht = row.height ? ` ht="${row.height}" customHeight="1"` : '';
      out.push(`<row r="${row.number}"${ht}>`, ...cells, '</row>');
    }
    out.push('</sheetData>');
    if (this.merges.length) {
      out.push(`<mergeCells count="${this.merges.length}">`);
      for (const m of this.merges) out.push(`<mergeCell ref="${colName(m.left)}${m.top}:${colName(m.right)}${m.bottom}"/>`);
      out.push('</mergeCells>');
    }
    out.push(this.printXml());
    out.push('</worksheet>');
    return out.join('');
  }

  private viewsXml(): string {
    const view = this.views[0] as { state?: string; xSplit?: number; ySplit?: number; topLeftCell?: string; activeCell?: string } | undefined;
    if (view?.state !== 'frozen' || !view.ySplit) return '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
    const topLeft = view.topLeftCell ?? `A${view.ySplit + 1}`;
    const active = view.activeCell ?? topLeft;
    const x = view.xSplit ? ` xSplit="${view.xSplit}"` : '';
    return `<sheetViews><sheetView workbookViewId="0"><pane${x} ySplit="${view.ySplit}" topLeftCell="${topLeft}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${active}" sqref="${active}"/></sheetView></sheetViews>`;
  }

  /** Consecutive columns of one width in one element, as exceljs writes them. */
  private colsXml(): string {
    const cols: string[] = [];
    for (let i = 0; i < this.widths.length; ) {
      const width = this.widths[i];
      let j = i;
      while (j + 1 < this.widths.length && this.widths[j + 1] === width) j++;
      if (width !== undefined && width !== DEFAULT_WIDTH) cols.push(`<col min="${i + 1}" max="${j + 1}" width="${width}" customWidth="1"/>`);
      i = j + 1;
    }
    return cols.length ? `<cols>${cols.join('')}</cols>` : '';
  }

  private printXml(): string {
    const ps = this.pageSetup;
    const out: string[] = [];
    if (ps.horizontalCentered || ps.verticalCentered) {
      out.push(`<printOptions${ps.horizontalCentered ? ' horizontalCentered="1"' : ''}${ps.verticalCentered ? ' verticalCentered="1"' : ''}/>`);
    }
    const m = ps.margins;
    if (m) out.push(`<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`);
    const attrs: string[] = [];
    if (ps.paperSize !== undefined) attrs.push(`paperSize="${ps.paperSize}"`);
    if (ps.orientation) attrs.push(`orientation="${ps.orientation}"`);
    if (ps.fitToPage) {
      if (ps.fitToWidth !== undefined) attrs.push(`fitToWidth="${ps.fitToWidth}"`);
      if (ps.fitToHeight !== undefined) attrs.push(`fitToHeight="${ps.fitToHeight}"`);
    }
    if (attrs.length) out.push(`<pageSetup ${attrs.join(' ')}/>`);
    const hf = this.headerFooter;
    const parts = (['oddHeader', 'oddFooter'] as const).filter((k) => hf[k]).map((k) => `<${k}>${esc(hf[k]!)}</${k}>`);
    if (parts.length) out.push(`<headerFooter>${parts.join('')}</headerFooter>`);
    return out.join('');
  }
}

/** Fonts, fills, borders and cell formats, each written once; a style object's id is kept by identity. */
class StyleTable {
  private readonly fonts = new Table('<font><color theme="1"/><family val="2"/><scheme val="minor"/><sz val="11"/><name val="Calibri"/></font>');
  private readonly fills = new Table('<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>');
  private readonly borders = new Table('<border><left/><right/><top/><bottom/><diagonal/></border>');
  private readonly xfs = new Table('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
  private readonly fontIds = new WeakMap<object, number>();
  private readonly fillIds = new WeakMap<object, number>();
  private readonly borderIds = new WeakMap<object, number>();
  private readonly alignments = new WeakMap<object, string>();

  /** font → fill → border → alignment object → xf id: most cells share their style's parts. */
  private readonly known = new Map<object | undefined, Map<object | undefined, Map<object | undefined, Map<object | undefined, number>>>>();

  id(style: Style): number {
    const byFill = cached(this.known, style.font, () => new Map());
    const byBorder = cached(byFill, style.fill, () => new Map());
    const byAlignment = cached(byBorder, style.border, () => new Map());
    return cached(byAlignment, style.alignment, () => this.make(style));
  }

  private make(style: Style): number {
    const font = style.font ? cached(this.fontIds, style.font, () => this.fonts.id(fontXml(style.font!))) : 0;
    const fill = style.fill ? cached(this.fillIds, style.fill, () => this.fills.id(fillXml(style.fill!))) : 0;
    const border = style.border ? cached(this.borderIds, style.border, () => this.borders.id(borderXml(style.border!))) : 0;
    const align = style.alignment ? cached(this.alignments, style.alignment, () => alignmentXml(style.alignment!)) : '';
    if (!font && !fill && !border && !align) return 0;
    const apply = `${font ? ' applyFont="1"' : ''}${fill ? ' applyFill="1"' : ''}${border ? ' applyBorder="1"' : ''}${align ? ' applyAlignment="1"' : ''}`;
    const head = `<xf numFmtId="0" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"${apply}`;
    return this.xfs.id(align ? `${head}>${align}</xf>` : `${head}/>`);
  }

  toXml(): string {
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      this.fonts.xml('fonts') +
      this.fills.xml('fills') +
      this.borders.xml('borders') +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      this.xfs.xml('cellXfs') +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>'
    );
  }
}

function cached<K, T>(map: { get(k: K): T | undefined; set(k: K, v: T): unknown }, key: K, make: () => T): T {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v;
}

class Table {
  private readonly ids = new Map<string, number>();
  private readonly items: string[] = [];
  constructor(...defaults: string[]) {
    for (const d of defaults) this.id(d);
  }
  id(xml: string): number {
    let id = this.ids.get(xml);
    if (id === undefined) {
      id = this.items.length;
      this.items.push(xml);
      this.ids.set(xml, id);
    }
    return id;
  }
  xml(tag: string): string {
    return `<${tag} count="${this.items.length}">${this.items.join('')}</${tag}>`;
  }
}

function colorXml(color: Partial<{ argb: string; theme: number }> | undefined): string {
  if (!color) return '';
  if (color.argb) return `<color rgb="${color.argb}"/>`;
  return color.theme !== undefined ? `<color theme="${color.theme}"/>` : '';
}

function fontXml(f: Partial<Font>): string {
  return `<font>${f.bold ? '<b/>' : ''}${f.italic ? '<i/>' : ''}${f.underline ? '<u/>' : ''}${f.strike ? '<strike/>' : ''}${colorXml(f.color)}${f.size ? `<sz val="${f.size}"/>` : ''}${f.name ? `<name val="${esc(f.name)}"/>` : ''}</font>`;
}

function fillXml(fill: Fill): string {
  if (fill.type !== 'pattern') throw new Error(`fill ${fill.type} is not supported`);
  return `<fill><patternFill patternType="${fill.pattern}">${fill.fgColor ? colorXml(fill.fgColor).replace('<color', '<fgColor') : ''}${fill.bgColor ? colorXml(fill.bgColor).replace('<color', '<bgColor') : ''}</patternFill></fill>`;
}

function borderXml(b: Partial<Borders>): string {
  const side = (tag: string, s: Partial<Borders['top']> | undefined) => (s?.style ? `<${tag} style="${s.style}">${colorXml(s.color)}</${tag}>` : `<${tag}/>`);
  return `<border>${side('left', b.left)}${side('right', b.right)}${side('top', b.top)}${side('bottom', b.bottom)}<diagonal/></border>`;
}

/** exceljs's names, SpreadsheetML's values: a vertical "middle" is written "center". */
function alignmentXml(a: Partial<Alignment>): string {
  const attrs = `${a.horizontal ? ` horizontal="${a.horizontal}"` : ''}${a.vertical ? ` vertical="${a.vertical === 'middle' ? 'center' : a.vertical}"` : ''}${a.wrapText ? ' wrapText="1"' : ''}${a.indent ? ` indent="${a.indent}"` : ''}`;
  return attrs ? `<alignment${attrs}/>` : '';
}

class SharedStrings {
  private readonly ids = new Map<string, number>();
  private readonly items: string[] = [];
  count = 0;
  id(text: string): number {
    this.count++;
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.items.length;
      const space = /^\s|\n|\s$/u.test(text) ? ' xml:space="preserve"' : '';
      this.items.push(`<si><t${space}>${esc(text)}</t></si>`);
      this.ids.set(text, id);
    }
    return id;
  }
  toXml(): string {
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.count}" uniqueCount="${this.items.length}">${this.items.join('')}</sst>`;
  }
}

const CT = 'application/vnd.openxmlformats-officedocument.';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export class XlsxBook {
  creator = '';
  lastModifiedBy = '';
  company = '';
  title = '';
  subject = '';
  created = new Date(0);
  modified = new Date(0);
  readonly worksheets: XlsxSheet[] = [];

  addWorksheet(name: string): XlsxSheet {
    const ws = new XlsxSheet(name);
    this.worksheets.push(ws);
    return ws;
  }

  /** The .xlsx bytes; every entry stamped with `date` (the archive compares hashes). */
  toBuffer(date: Date): Buffer {
    const styles = new StyleTable();
    const strings = new SharedStrings();
    const sheets = this.worksheets.map((ws) => ws.toXml(styles, strings));
    const entry = (name: string, text: string) => ({ name, data: Buffer.from(text, 'utf8') });
    return zip(
      [
        entry('[Content_Types].xml', this.contentTypes()),
        entry(
          '_rels/.rels',
          `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
        ),
        entry('docProps/app.xml', this.appXml()),
        entry('docProps/core.xml', this.coreXml()),
        entry(
          'xl/_rels/workbook.xml.rels',
          `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${REL}/theme" Target="theme/theme1.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>${this.worksheets.map((_, i) => `<Relationship Id="rId${i + 4}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`,
        ),
        entry('xl/workbook.xml', this.workbookXml()),
        entry('xl/styles.xml', styles.toXml()),
        entry('xl/theme/theme1.xml', theme),
        entry('xl/sharedStrings.xml', strings.toXml()),
        ...sheets.map((xml, i) => entry(`xl/worksheets/sheet${i + 1}.xml`, xml)),
      ],
      date,
    );
  }

  private contentTypes(): string {
    const sheets = this.worksheets
      .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}spreadsheetml.worksheet+xml"/>`)
      .join('');
    return `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CT}spreadsheetml.sheet.main+xml"/>${sheets}<Override PartName="/xl/theme/theme1.xml" ContentType="${CT}theme+xml"/><Override PartName="/xl/styles.xml" ContentType="${CT}spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${CT}spreadsheetml.sharedStrings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="${CT}extended-properties+xml"/></Types>`;
  }

  private workbookXml(): string {
    const sheets = this.worksheets.map((ws, i) => `<sheet sheetId="${i + 1}" name="${esc(ws.name)}" state="visible" r:id="rId${i + 4}"/>`).join('');
    const names = this.worksheets
      .map((ws, i) => {
        const titles = ws.printTitles();
        return titles ? `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${esc(titles).replace(/'/gu, '&apos;')}</definedName>` : '';
      })
      .join('');
    return `${HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><fileVersion appName="xl" lastEdited="5" lowestEdited="5" rupBuild="9303"/><workbookPr defaultThemeVersion="164011" filterPrivacy="1"/><sheets>${sheets}</sheets>${names ? `<definedNames>${names}</definedNames>` : ''}<calcPr calcId="171027"/></workbook>`;
  }

  private appXml(): string {
    const n = this.worksheets.length;
    const titles = this.worksheets.map((ws) => `<vt:lpstr>${esc(ws.name)}</vt:lpstr>`).join('');
    return `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${n}</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="${n}" baseType="lpstr">${titles}</vt:vector></TitlesOfParts><Company>${esc(this.company)}</Company><Manager></Manager><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>`;
  }

  private coreXml(): string {
    const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/u, 'Z');
    return `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>${esc(this.creator)}</dc:creator><dc:title>${esc(this.title)}</dc:title><dc:subject>${esc(this.subject)}</dc:subject><cp:lastModifiedBy>${esc(this.lastModifiedBy)}</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">${iso(this.created)}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${iso(this.modified)}</dcterms:modified></cp:coreProperties>`;
  }
}
