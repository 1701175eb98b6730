/**
 * The document a plan was issued as — its kind, number, date and title — and how a report cites
 * it ("Thực hiện Kế hoạch số 15/KH-KHCN ngày 05/02/2024 của Sở Khoa học và Công nghệ về …").
 * flow: plan import / CLI / aggregate --> plan-document (pure)
 *
 * Plans arrive as drafts more often than not: the appendix of seed 000 says "(Kèm theo Chương
 * trình số /CTr-SKHCN ngày / /2021 …)" and seed 004's header "Số: /KH-KHCN … ngày tháng 02 năm
 * 2024" — the number and day were left for the clerk. A blank is never printed: a citation
 * without a number is not made, and the report says "kế hoạch … năm 2024 của Sở" instead.
 */
import { ymd, type LocalDate } from './clock.ts';
import { squash } from './text.ts';

export interface PlanDocument {
  /** "Kế hoạch", "Chương trình", "Quyết định". */
  kind: string;
  /** "15/KH-KHCN": number and symbol, only when the number is known. */
  number?: string;
  date?: LocalDate;
  /** The subject line: "Thực hiện nhiệm vụ trọng tâm và nhiệm vụ chấp thuận … năm 2024". */
  title?: string;
  /** Who issued it, when not the agency itself ("Chủ tịch UBND tỉnh"). */
  issuer?: string;
}

/** Document kinds by their symbol (Nghị định 30/2020, Phụ lục III). */
const KIND_BY_SYMBOL: Record<string, string> = {
  KH: 'Kế hoạch',
  CTR: 'Chương trình',
  QĐ: 'Quyết định',
  QD: 'Quyết định',
  TB: 'Thông báo',
  CV: 'Công văn',
};

const KINDS = ['Chương trình', 'Kế hoạch', 'Quyết định', 'Thông báo', 'Công văn'];

function validDate(day: number, month: number, year: number): LocalDate | undefined {
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1) return undefined;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= last ? ymd(year, month, day) : undefined;
}

/**
 * Reads "Kế hoạch số 15/KH-KHCN ngày 05/02/2024", "Chương trình số 194 /CTr-SKHCN ngày 22/02/2021"
 * or a draft's "Chương trình số /CTr-SKHCN ngày / /2021". Parts left blank are left out.
 */
export function parseCitation(text: string): Partial<PlanDocument> {
  const t = squash(text)
    .replace(/^\(|\)$/gu, '')
    .replace(/^kèm theo\s+/iu, '');
  const out: Partial<PlanDocument> = {};
  const kind = KINDS.find((k) => t.toLocaleLowerCase('vi').startsWith(k.toLocaleLowerCase('vi')));
  const num = /số\s*(\d+)?\s*\/\s*([\p{L}\d]+(?:-[\p{L}\d]+)*)/iu.exec(t);
  if (num) {
    const symbolKind = num[2]!.split('-')[0]!.toLocaleUpperCase('vi');
    out.kind = kind ?? KIND_BY_SYMBOL[symbolKind] ?? 'Văn bản';
    if (num[1]) out.number = `${Number(num[1]) < 10 ? `0${Number(num[1])}` : num[1]}/${num[2]}`;
  } else if (kind) out.kind = kind;
  const date = /ngày\s*(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})/iu.exec(t);
  if (date) {
    const d = validDate(Number(date[1]), Number(date[2]), Number(date[3]));
    if (d) out.date = d;
  }
  const issuer = /\bcủa\s+(.+?)(?:\s+(?:về|v\/v)\b.*)?$/iu.exec(t);
  if (issuer) out.issuer = issuer[1]!.trim();
  return out;
}

/** "Thực hiện nhiệm vụ … năm 2024" from a title that may repeat the kind ("KẾ HOẠCH Thực hiện …"). */
export function titleSubject(title: string, kind?: string): string {
  let t = squash(title);
  for (const k of ['Chương trình khung', ...(kind ? [kind] : []), ...KINDS]) {
    const re = new RegExp(`^${k}\\s+`, 'iu');
    if (re.test(t)) {
      t = t.replace(re, '');
      break;
    }
  }
  return t;
}

/** The plan's document: what was set explicitly, completed from the citation and title found at import. */
export function planDocumentOf(plan: { document?: PlanDocument; sourceDocument?: string; title?: string }): PlanDocument | undefined {
  const parsed = plan.sourceDocument ? parseCitation(plan.sourceDocument) : {};
  const kind =
    plan.document?.kind ??
    parsed.kind ??
    (plan.title ? KINDS.find((k) => squash(plan.title!).toLocaleLowerCase('vi').startsWith(k.toLocaleLowerCase('vi'))) : undefined);
  if (!kind && !plan.document) return undefined;
  const doc: PlanDocument = { kind: kind ?? 'Kế hoạch' };
  const number = plan.document?.number ?? parsed.number;
  const date = plan.document?.date ?? parsed.date;
  const title = plan.document?.title ?? (plan.title ? titleSubject(plan.title, doc.kind) : undefined);
  if (number) doc.number = number;
  if (date) doc.date = date;
  if (title) doc.title = title;
  const issuer = plan.document?.issuer;
  if (issuer) doc.issuer = issuer;
  return doc;
}

function dmy(date: LocalDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/**
 * "Kế hoạch số 15/KH-KHCN ngày 05/02/2024 về thực hiện nhiệm vụ …" — the agency's own document
 * needs no "của <agency>", another issuer's does — or undefined when the number is not known (a
 * citation with a blank is worse than none).
 */
export function citePlanDocument(doc: PlanDocument | undefined, agencyName: string): string | undefined {
  if (!doc?.number) return undefined;
  const date = doc.date ? ` ngày ${dmy(doc.date)}` : '';
  const by = doc.issuer && doc.issuer !== agencyName ? ` của ${doc.issuer}` : '';
  const about = doc.title ? ` về ${lowerFirstWord(doc.title)}` : '';
  return `${doc.kind} số ${doc.number}${date}${by}${about}`;
}

/**
 * What the report rests on when the plan's number is not known: "chương trình triển khai nhiệm vụ
 * KH&CN năm 2021", "kế hoạch thực hiện nhiệm vụ năm 2024" — named, never cited with a blank.
 */
export function namePlan(doc: PlanDocument | undefined, year: number): string {
  const kind = (doc?.kind ?? 'Kế hoạch').toLocaleLowerCase('vi');
  return doc?.title ? `${kind} ${lowerFirstWord(doc.title)}` : `${kind} thực hiện nhiệm vụ năm ${year}`;
}

/** "Thực hiện nhiệm vụ …" → "thực hiện nhiệm vụ …"; an acronym ("KH&CN …") keeps its case. */
function lowerFirstWord(text: string): string {
  const second = text.charAt(1);
  if (second && second === second.toLocaleUpperCase('vi') && second !== second.toLocaleLowerCase('vi')) return text;
  return `${text.charAt(0).toLocaleLowerCase('vi')}${text.slice(1)}`;
}
