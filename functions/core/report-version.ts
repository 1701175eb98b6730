/**
 * The records of a period's published reports: a version's files, the documents issued from it
 * under a number, the signed PDF attached to one, and how the reports page lists them. Data only:
 * the use cases store and list them, the templates draw them.
 * flow: use cases / templates --> report version records
 */
import type { Audience } from './agency.ts';

export type ReportFormat = 'pdf' | 'xlsx';

export interface ReportFile {
  audience: 'director' | 'ubnd';
  format: ReportFormat;
  key: string;
  size: number;
  sha256: string;
  contentType: string;
}

/** The signed PDF Văn phòng attached to an issued document (signed outside the system). */
export interface SignedFile {
  key: string;
  sha256: string;
  size: number;
  /** The file name it was uploaded as, for the delivery and downloads. */
  fileName: string;
  at: string;
  by: string;
}

/**
 * A document of a version issued under a number from the agency's register: its number and date
 * are printed in the issued files, which replace the draft's for downloads and delivery.
 */
export interface Issuance {
  /** 15 */
  number: number;
  /** "BC-SKHCN": the register it was numbered in, with the year. */
  symbol: string;
  year: number;
  /** The date on the document (the day of signing). */
  date: string;
  /** 'register': the next number of the year; 'typed': a number from the clerk's own register. */
  source: 'register' | 'typed';
  /** Issued automatically by the delivery job (profile autoIssue). */
  auto?: boolean;
  at: string;
  by: string;
  /** The issued PDF and workbook. */
  files: ReportFile[];
  signed?: SignedFile;
}

/** "15/BC-SKHCN" (numbers below 10 with a leading zero, as printed). */
export function issuanceNumber(i: Pick<Issuance, 'number' | 'symbol'>): string {
  return `${i.number < 10 ? `0${i.number}` : i.number}/${i.symbol}`;
}

/** One published version of a period's reports: the four files and what they were built from. */
export interface ReportVersion {
  agencyId: string;
  period: string;
  version: number;
  /** sha256 of the input data (plan, profile, submissions): same hash, same report. */
  inputHash: string;
  issueDate: string;
  createdAt: string;
  /** "api:<user>", "cli:<user>", "schedule:<name>@<scheduled time>". */
  trigger: string;
  /** The draft files (marked DỰ THẢO, number blank). */
  files: ReportFile[];
  /** Archive keys of the ReportModel each audience was rendered from: issuing re-renders it with its number. */
  models?: Partial<Record<Audience, string>>;
  /** Documents of this version issued so far, by audience. */
  issued?: Partial<Record<Audience, Issuance>>;
  /** A province office's roll-up of its Sở's reports: one document, to UBND tỉnh (audience 'ubnd'). */
  kind?: 'province-rollup';
}

/** A file with its short-lived download link and the name it downloads as. */
export type LinkedFile = ReportFile & { url: string; fileName: string };

export interface ListedIssuance extends Omit<Issuance, 'files' | 'signed'> {
  /** "15/BC-SKHCN". */
  numberText: string;
  files: LinkedFile[];
  signed?: SignedFile & { url: string };
}

export type ListedVersion = Omit<ReportVersion, 'files' | 'issued'> & {
  latest: boolean;
  files: LinkedFile[];
  issued: Partial<Record<Audience, ListedIssuance>>;
};
