/**
 * Wording shared by the emails: dates and times as the seeds write them in sentences, file sizes
 * with a decimal comma, attachment names safe for every mail client, the automatic-mail note.
 * flow: email templates --> wording
 */
import type { AgencyProfile } from '../../functions/core/agency.ts';
import { stripAccents } from '../../functions/core/text.ts';

/** "08:00 ngày 17/05/2024" for an instant, in the agency's zone. */
export { atText as atVi } from '../../functions/core/receipt.ts';

/** "245 KB", "14,2 MB". */
export { sizeText as sizeVi } from '../../functions/core/attachment.ts';

/**
 * An attachment name in plain ASCII ("Bao cao UBND tinh - thang 5 nam 2024 (v1).pdf"): older mail
 * systems still garble encoded non-ASCII file names, and the text inside the file keeps its accents.
 */
export function asciiFileName(name: string): string {
  return stripAccents(name)
    .replace(/[^A-Za-z0-9 .()_-]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The note under every email: sent by the system, who to contact. */
export function automaticNote(profile: Pick<AgencyProfile, 'name' | 'emails'>): string {
  const contact = profile.emails.vanPhong.join(', ');
  return `Thư được gửi tự động từ hệ thống tổng hợp báo cáo của ${profile.name}; vui lòng không trả lời thư này. Mọi trao đổi xin liên hệ Văn phòng Sở${contact ? ` (${contact})` : ''}.`;
}

/** "[Sở KH&CN Bắc Giang]": who is writing, at the start of every subject. */
export function senderTag(profile: Pick<AgencyProfile, 'shortName' | 'placeName'>): string {
  return `[${profile.shortName} ${profile.placeName}]`;
}

/** A portal link with the period in the query, or undefined when the profile has no portal address. */
export function portalLink(portalUrl: string | undefined, path: string, period: string): string | undefined {
  if (!portalUrl) return undefined;
  return `${portalUrl.replace(/\/+$/, '')}${path}?period=${encodeURIComponent(period)}`;
}
