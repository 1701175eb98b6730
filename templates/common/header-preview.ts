/**
 * A document's header and closing lines as they will print, from a profile alone: what the
 * agency profile page shows before a new version is stored. The fields come from the same core
 * function the ReportModel takes them from (documentHeader, reportSubject) and the words from the
 * same helpers the PDF renderer prints with (document-lines.ts, date-line.ts).
 * flow: profile use case --> header preview --> core agency, document lines, date line
 */
import { documentHeader, reportSubject, type AgencyProfile, type Audience } from '../../functions/core/agency.ts';
import type { LocalDate } from '../../functions/core/clock.ts';
import { nfc } from '../../functions/core/text.ts';
import { dateLine, numberLine } from './date-line.ts';
import { MOTTO, NATIONAL_NAME, kinhGuiLines, recipientLines, signerLines, upper } from './document-lines.ts';

export interface HeaderPreview {
  /** Cơ quan chủ quản (upper line of the left column). */
  superior: string;
  /** Tên cơ quan ban hành (bold line). */
  issuer: string;
  national: string;
  motto: string;
  /** "Số:       /BC-SKHCN" (a draft: the number left for the register). */
  number: string;
  /** "Bắc Giang, ngày 01 tháng 7 năm 2025". */
  dateLine: string;
  title: string;
  subject: string;
  /** "Kính gửi: …" lines (none for a document without addressee). */
  kinhGui: string[];
  /** "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", then the signer's name. */
  signer: string[];
  /** "Nơi nhận:" then "- …;" lines, the archive line last. */
  recipients: string[];
}

/**
 * The lines of one audience's document for a month's report dated `date` (the preview uses the
 * version's first day: the date line and the subject's month are those of that day).
 */
export function headerPreview(profile: AgencyProfile, audience: Audience, date: LocalDate, periodLabel: string): HeaderPreview {
  const h = documentHeader(profile, audience);
  return {
    superior: nfc(upper(h.issuer.superiorHeader)),
    issuer: nfc(upper(h.issuer.name)),
    national: NATIONAL_NAME,
    motto: MOTTO,
    number: numberLine(h.documentSymbol),
    dateLine: nfc(dateLine(profile.placeName, date)),
    title: 'BÁO CÁO',
    subject: nfc(reportSubject(audience, periodLabel)),
    kinhGui: kinhGuiLines(h.kinhGui).map(nfc),
    signer: [...signerLines(h.signer), h.signer.name].map(nfc),
    recipients: ['Nơi nhận:', ...recipientLines(h.recipients)].map(nfc),
  };
}
