/**
 * Văn phòng edits the agency profile in the portal: it reads the version in force and the list of
 * versions, then sends the whole profile with the edits and the day they take effect. A preview
 * (dryRun) answers the problems by field, in Vietnamese, and the header and closing lines of both
 * documents as they will print; saving stores a new effective-dated version (storeAgencyProfile,
 * the CLI's set-agency path: the same validation, the same "unchanged: nothing stored") with its
 * audit entry in the same write. A signer's name that is a form's placeholder ("Nguyễn Văn A",
 * "(họ tên)") is refused: a report would print it under the signature.
 * flow: /api/agency/profile --> agency profile --> agency schema + agency service --> AgencyStore
 */
import { AUDIENCES, isPlaceholderName, profileAt, type AgencyProfile, type Audience } from '../core/agency.ts';
import { isVanPhong, type Principal } from '../core/auth.ts';
import { canonicalJson } from '../core/canonical-json.ts';
import { localDate, parseYmd } from '../core/clock.ts';
import { parsePeriod, periodLabel } from '../core/period.ts';
import { nfcDeep } from '../core/text.ts';
import { headerPreview, type HeaderPreview } from '../../templates/common/header-preview.ts';
import { profileOn, storeAgencyProfile } from './agency-service.ts';
import { type ProfileProblem, validateAgencyProfile } from './agency-schema.ts';
import { UseCaseError } from './errors.ts';
import type { AgencyStore } from './ports.ts';

export interface ProfileVersionLine {
  version: number;
  effectiveFrom: string;
  /** The version in force today. */
  inForce: boolean;
}

export interface AgencyProfileView {
  /** The version in force today (the form starts from it). */
  current: AgencyProfile;
  /** Every version, newest effective date first. */
  versions: ProfileVersionLine[];
  today: string;
}

export interface ProfileSaveResult {
  dryRun: boolean;
  /** No problem: saving would store it (or stored it). */
  valid: boolean;
  problems: ProfileProblem[];
  /** Both documents' header and closing lines, when the profile could be read. */
  header?: Record<Audience, HeaderPreview>;
  /** After saving: the version stored, or the newest one when nothing changed. */
  stored?: { version: number; effectiveFrom: string; changed: boolean };
}

function assertOffice(p: Principal): void {
  if (!isVanPhong(p)) throw new UseCaseError('forbidden', 'forbidden', 'Chỉ Văn phòng sửa hồ sơ cơ quan.');
}

const todayOf = (now: Date) => localDate(now, 'Asia/Ho_Chi_Minh');

export async function readAgencyProfile(deps: { agencies: AgencyStore }, p: Principal, now: Date): Promise<AgencyProfileView> {
  assertOffice(p);
  const today = todayOf(now);
  const current = await profileOn(deps.agencies, p.agencyId, today);
  const all = await deps.agencies.listProfiles(p.agencyId);
  const inForce = profileAt(all, today)?.version;
  const versions = all
    .map((v) => ({ version: v.version ?? 0, effectiveFrom: v.effectiveFrom, inForce: v.version === inForce }))
    .sort((a, b) => (a.effectiveFrom === b.effectiveFrom ? b.version - a.version : a.effectiveFrom < b.effectiveFrom ? 1 : -1));
  return { current, versions, today };
}

/** A calendar day that exists ("2025-02-30" does not). */
function realDay(ymd: string): boolean {
  try {
    const { year, month, day } = parseYmd(ymd);
    const d = new Date(Date.UTC(year, month - 1, day));
    return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
  } catch {
    return false;
  }
}

const SIGNER_OF: Record<Audience, string> = { ubnd: 'báo cáo gửi UBND tỉnh', director: 'báo cáo Lãnh đạo Sở' };

/** Problems the schema does not know: a placeholder signer, a day not on the calendar. */
function portalProblems(profile: AgencyProfile): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  if (!realDay(profile.effectiveFrom)) problems.push({ field: 'effectiveFrom', message: `ngày ${profile.effectiveFrom} không có trên lịch` });
  for (const a of AUDIENCES) {
    const name = profile.signers[a].name;
    if (isPlaceholderName(name)) {
      problems.push({
        field: `signers.${a}.name`,
        message: `người ký ${SIGNER_OF[a]} còn là tên mẫu ("${name}"): nhập họ tên thật của người ký, như sẽ in dưới chữ ký`,
      });
    }
  }
  return problems;
}

/** The top-level fields a new version changes against the one in force (for the audit log). */
function changedFields(before: AgencyProfile, after: AgencyProfile): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)].filter((k) => k !== 'version'));
  return [...keys]
    .filter(
      (k) =>
        canonicalJson((before as unknown as Record<string, unknown>)[k] ?? null) !== canonicalJson((after as unknown as Record<string, unknown>)[k] ?? null),
    )
    .sort();
}

export async function saveAgencyProfile(
  deps: { agencies: AgencyStore },
  p: Principal,
  input: unknown,
  o: { dryRun: boolean; now: Date },
): Promise<ProfileSaveResult> {
  assertOffice(p);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new UseCaseError('invalid', 'invalid_profile', 'Hồ sơ cơ quan phải là một đối tượng JSON.', [{ field: '(body)', message: 'cần một đối tượng JSON' }]);
  }
  const { version: _version, ...rest } = nfcDeep(input) as Record<string, unknown>;
  if (rest.agencyId !== undefined && rest.agencyId !== p.agencyId) {
    throw new UseCaseError('forbidden', 'forbidden', 'Chỉ sửa được hồ sơ của cơ quan mình.', [{ field: 'agencyId', message: 'không phải cơ quan của bạn' }]);
  }
  const checked = validateAgencyProfile({ ...rest, agencyId: p.agencyId });
  if (!checked.ok) {
    if (o.dryRun) return { dryRun: true, valid: false, problems: checked.fields };
    throw new UseCaseError('invalid', 'invalid_profile', 'Hồ sơ cơ quan chưa hợp lệ: xem các trường được đánh dấu.', checked.fields);
  }
  const profile = checked.profile;
  const problems = portalProblems(profile);
  const date = realDay(profile.effectiveFrom) ? profile.effectiveFrom : todayOf(o.now);
  const label = periodLabel(parsePeriod(date.slice(0, 7)));
  const header = Object.fromEntries(AUDIENCES.map((a) => [a, headerPreview(profile, a, date, label)])) as Record<Audience, HeaderPreview>;
  if (o.dryRun) return { dryRun: true, valid: problems.length === 0, problems, header };
  const placeholder = problems.filter((x) => x.field.startsWith('signers.'));
  if (placeholder.length)
    throw new UseCaseError('bad_request', 'placeholder_signer', `Chưa lưu: ${placeholder.map((x) => x.message).join('; ')}.`, placeholder);
  if (problems.length) throw new UseCaseError('invalid', 'invalid_profile', 'Hồ sơ cơ quan chưa hợp lệ: xem các trường được đánh dấu.', problems);

  const before = await profileOn(deps.agencies, p.agencyId, todayOf(o.now));
  const stored = await storeAgencyProfile(deps.agencies, profile, {
    agencyId: p.agencyId,
    at: o.now.toISOString(),
    actor: p.name ? `${p.name} (${p.sub})` : p.sub,
    action: 'profile-version',
    target: '',
    before: { version: before.version, effectiveFrom: before.effectiveFrom },
    after: { effectiveFrom: profile.effectiveFrom, changed: changedFields(before, profile) },
  });
  return {
    dryRun: false,
    valid: true,
    problems: [],
    header,
    stored: { version: stored.profile.version ?? 0, effectiveFrom: stored.profile.effectiveFrom, changed: stored.changed },
  };
}
