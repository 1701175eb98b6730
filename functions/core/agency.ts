/**
 * The agency (tenant) profile: names, signers, recipients, units, leaders, deadlines.
 * flow: use case --> agency (pure)
 *
 * Everything a report prints about who issues it is configuration with an effective date,
 * because provinces and agencies were reorganised in 2025 and will be again: a report issued
 * under an old name keeps that name (see `profileAt`).
 */
import type { PeriodWindowOverrides } from './period.ts';
import type { ScheduleSettings } from './schedules.ts';
import { foldAccents } from './text.ts';

/** What a unit code may be: ASCII letters and digits, 1–16 (it goes into keys, URLs and group names). */
export const UNIT_CODE_PATTERN = /^[A-Za-z0-9]{1,16}$/;
/** An agency's id: lower-case ASCII letters, digits and hyphens ("skhcn-bacgiang"); it names partitions and a user group. */
export const AGENCY_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;

export type UnitKind = 'van-phong' | 'phong' | 'thanh-tra' | 'chi-cuc' | 'trung-tam' | 'khac';

export interface Unit {
  /** Short code used in keys, URLs and tokens: VP, KHTC, QLKH, TTr, CCTCĐLCL … (ASCII letters/digits). */
  code: string;
  /** Full name as printed: "Phòng Quản lý Khoa học". */
  name: string;
  kind: UnitKind;
  /** Other spellings seen in plans ("Phòng QLKH", "QLKH"), used to match imported rows. */
  aliases?: string[];
  /** Where reminders go. */
  emails?: string[];
}

export interface Leader {
  /** Stable id (slug), referenced by tasks. */
  id: string;
  /** Name without academic titles, as on a signature. */
  name: string;
  /** "Giám đốc", "Phó Giám đốc". */
  title: string;
}

/** How a document is signed (Nghị định 30/2020, Điều 13). */
export interface Signer {
  /** "" when the head signs, "KT." when a deputy signs for the head, "TL." for a unit head by delegation. */
  prefix: '' | 'KT.' | 'TL.' | 'TM.' | 'Q.';
  /** The authority line: "GIÁM ĐỐC". */
  authority: string;
  /** The signer's own title when it differs from the authority: "PHÓ GIÁM ĐỐC", "CHÁNH VĂN PHÒNG". */
  title?: string;
  name: string;
}

export type Audience = 'director' | 'ubnd';
export const AUDIENCES: readonly Audience[] = ['director', 'ubnd'];

/**
 * Who issues one audience's document, under which symbol, and to whom. The report to UBND tỉnh is
 * the Sở's; the Director's is often Văn phòng's own report to the Giám đốc ("SỞ KHOA HỌC VÀ CÔNG
 * NGHỆ / VĂN PHÒNG", "Kính gửi: Giám đốc Sở", signed CHÁNH VĂN PHÒNG) — each Sở sets it its way.
 */
export interface DocumentSettings {
  /** Header's upper line; default the agency's superiorHeader ("UBND TỈNH BẮC GIANG"). */
  issuerSuperior?: string;
  /** Header's bold line, the issuer; default the agency's name. */
  issuerName?: string;
  /** Type and issuer symbol after the number: "BC-SKHCN" (default "BC-" + the agency's symbol), "BC-VP". */
  symbol?: string;
  /** "Kính gửi:" lines; default: the superior's name for UBND tỉnh, none for the Director. */
  kinhGui?: string[];
}

export interface AgencyProfile {
  agencyId: string;
  /**
   * The province the agency belongs to ("bac-giang"): Văn phòng UBND tỉnh (an agency of the same
   * province, role ubnd-tinh) sees what every agency of its province delivered.
   */
  province?: string;
  /**
   * 'province-office': Văn phòng UBND tỉnh, whose compile is the roll-up of its province's Sở
   * (core/province-rollup.ts) instead of a report of its own units' tasks. Default: a Sở.
   */
  kind?: 'department' | 'province-office';
  /** First day (YYYY-MM-DD, Asia/Ho_Chi_Minh) this version applies to. */
  effectiveFrom: string;
  /** Version number, assigned by the store (1, 2, …). */
  version?: number;
  /** Superior agency as printed in the header, upper case: "UBND TỈNH BẮC GIANG". */
  superiorHeader: string;
  /** Superior's full name for "Kính gửi:": "Ủy ban nhân dân tỉnh Bắc Giang". */
  superiorName: string;
  /** Issuing agency: "Sở Khoa học và Công nghệ". */
  name: string;
  /** Abbreviation used in running text: "Sở KH&CN". */
  shortName: string;
  /** Place name on the date line: "Bắc Giang". */
  placeName: string;
  /** Agency part of the document symbol: "SKHCN" in "Số: /BC-SKHCN". */
  symbol: string;
  timeZone: string;
  /** Day of the reporting month by which units submit (default 20). */
  submissionDeadlineDay: number;
  /** Overrides of the Nghị định 09/2019 cut-off windows. */
  periodWindows?: PeriodWindowOverrides;
  signers: Record<Audience, Signer>;
  /** "Nơi nhận" lines per audience, without the leading "- " and trailing ";" (the renderer adds them). */
  recipients: Record<Audience, string[]>;
  /** The archive line, e.g. "Lưu: VT, VP". */
  archiveLine: string;
  emails: {
    /** Where the UBND report is delivered. */
    ubnd: string[];
    /** Văn phòng Sở: summaries, failure notices. */
    vanPhong: string[];
    /** Sender address (an SES identity in AWS). */
    from: string;
  };
  /** Portal address printed in emails. */
  portalUrl?: string;
  /** Issuer, symbol and addressees of each audience's document (defaults: the Sở issues both). */
  documents?: Partial<Record<Audience, DocumentSettings>>;
  /**
   * Issue the latest compiled version automatically at delivery time, with the next number of the
   * register, instead of waiting for Văn phòng to issue it; the delivery email says so.
   */
  autoIssue?: boolean;
  /** When reminders, compiles and deliveries run; unset parts follow the deadline (core/schedules.ts). */
  schedules?: ScheduleSettings;
  units: Unit[];
  leaders: Leader[];
}

/**
 * The profile in force on a date (YYYY-MM-DD): the latest version whose effectiveFrom is on or
 * before it; among equal dates the highest version wins. Undefined when none applies yet.
 */
export function profileAt(versions: readonly AgencyProfile[], date: string): AgencyProfile | undefined {
  let best: AgencyProfile | undefined;
  for (const p of versions) {
    if (p.effectiveFrom > date) continue;
    if (!best || p.effectiveFrom > best.effectiveFrom || (p.effectiveFrom === best.effectiveFrom && (p.version ?? 0) > (best.version ?? 0))) {
      best = p;
    }
  }
  return best;
}

/** The resolved issuing settings of an audience's document. */
export function documentSettings(profile: AgencyProfile, audience: Audience): Required<DocumentSettings> {
  const own = profile.documents?.[audience] ?? {};
  return {
    issuerSuperior: own.issuerSuperior ?? profile.superiorHeader,
    issuerName: own.issuerName ?? profile.name,
    symbol: own.symbol ?? `BC-${profile.symbol}`,
    kinhGui: own.kinhGui ?? (audience === 'ubnd' ? [profile.superiorName] : []),
  };
}

/**
 * What a report's first page and last lines print about who issues it, to whom and who signs —
 * from the profile alone. The ReportModel takes these fields from here, and the profile page's
 * preview shows them before a new version is stored, so the two cannot disagree.
 */
export interface DocumentHeader {
  /** The header's left column: the superior line and the issuer's name. */
  issuer: { superiorHeader: string; name: string };
  /** "BC-SKHCN": printed after "Số:      /". */
  documentSymbol: string;
  kinhGui: string[];
  signer: Signer;
  /** Recipient lines, the archive line last. */
  recipients: string[];
}

export function documentHeader(profile: AgencyProfile, audience: Audience): DocumentHeader {
  const doc = documentSettings(profile, audience);
  return {
    issuer: { superiorHeader: doc.issuerSuperior, name: doc.issuerName },
    documentSymbol: doc.symbol,
    kinhGui: [...doc.kinhGui],
    signer: { ...profile.signers[audience] },
    recipients: [...profile.recipients[audience], profile.archiveLine],
  };
}

/** The report's subject (trích yếu) for an audience and a period label ("tháng 5 năm 2024"). */
export function reportSubject(audience: Audience, label: string): string {
  return audience === 'ubnd' ? `Kết quả thực hiện nhiệm vụ ${label}` : `Tình hình thực hiện nhiệm vụ ${label} của các phòng, đơn vị`;
}

/**
 * A signer's name that is a form's placeholder, not a person: "Nguyễn Văn A", "(họ tên)", "Họ và
 * tên", "(điền tên)", "…". A report signed so would go out with it printed under the signature.
 */
export function isPlaceholderName(name: string): boolean {
  const folded = foldAccents(name).replace(/\s+/gu, ' ').trim();
  if (!/\p{L}/u.test(folded)) return true;
  if (/[()[\]<>{}_]|\.\.\.|…|x{3,}/u.test(folded)) return true;
  if (/^(ho (va )?ten|ten|nguoi ky|dien ten|chua co|chua xac dinh)\b/u.test(folded)) return true;
  // "Nguyễn Văn A", "Trần Thị B": a family name, văn/thị, and one letter.
  return /^\p{L}+ (van|thi) \p{L}$/u.test(folded);
}

/** What the audit log names a profile version by: "hồ sơ cơ quan v3 (từ 2025-07-01)". */
export function profileTarget(p: Pick<AgencyProfile, 'version' | 'effectiveFrom'>): string {
  return `hồ sơ cơ quan v${String(p.version ?? '?')} (từ ${p.effectiveFrom})`;
}

/**
 * How a page names the agency in its header: "Sở Khoa học và Công nghệ — Bắc Giang". Every Sở of a
 * kind has the same name in every province; the place tells a user whose portal this is.
 */
export function agencyTitle(p: Pick<AgencyProfile, 'name' | 'placeName'>): string {
  return `${p.name} — ${p.placeName}`;
}
