/**
 * Which agencies one deployment (stage) serves: the profile files named by `baocao:agencyProfiles`
 * (several) or `baocao:agencyProfile` (one, as before), each validated with the CLI's schema, no
 * agency twice. The first is the deployment's home agency: its id names the sign-in prefix and the
 * dashboard, its Văn phòng gets the alarms by default, and it is the functions' AGENCY_ID (the
 * partition of the revocation list); it scopes no request (docs/decisions.md).
 * flow: infra/config --> deploy agencies --> agency profile file (validateAgencyProfile)
 */
import type { AgencyProfile } from '../functions/core/agency.ts';
import { DEMO_PROFILE_PATH, type ProfileLoad } from './agency-profile-file.ts';

export const PROFILE_KEYS = { one: 'baocao:agencyProfile', many: 'baocao:agencyProfiles' } as const;

/**
 * A ceiling inside AWS's limits, measured by test/infra/multi-agency.test.ts with ids of the greatest
 * length: each agency adds its key patterns to every function's inline policy (IAM takes 10,240
 * characters a role; ~9,100 at 20) and a schedule group with its schedules (12 resources) to the
 * schedules' nested stack (CloudFormation takes 500 resources a stack; the routes' functions, ~5
 * resources a route, are in the application stack). A province has some fifteen to twenty Sở and its
 * Văn phòng UBND tỉnh (which schedules nothing). Beyond 20 the inline policies are the limit: the next
 * step then is tenant-scoped credentials (docs/decisions.md).
 */
export const MAX_AGENCIES = 20;

export type NonEmpty<T> = [T, ...T[]];

export interface DeployAgencies {
  /** The files as given, in order. */
  paths: NonEmpty<string>;
  /** Their validated profiles, in the same order; the first is the home agency. */
  profiles: NonEmpty<AgencyProfile>;
  /** Whether the operator named any file (the demo profile is for stage dev only). */
  given: boolean;
}

const PATH = /^[^\0,]+\.(ya?ml|json)$/i;
const PATH_RULE = 'đường dẫn tệp .yaml, .yml hoặc .json / a path to a .yaml, .yml or .json file';

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** The list of paths: a JSON array (cdk.json) or "a.yaml,b.yaml" (`-c` on the command line). */
function readPaths(read: (key: string) => unknown, problems: string[]): { paths: string[]; key: string; given: boolean } {
  const one = read(PROFILE_KEYS.one);
  const many = read(PROFILE_KEYS.many);
  if (!isAbsent(one) && !isAbsent(many)) {
    // Which one wins would be a guess; a deployment's agencies must be written down once.
    problems.push(
      `${PROFILE_KEYS.one} và ${PROFILE_KEYS.many}: chỉ dùng một trong hai (${PROFILE_KEYS.many} cho nhiều cơ quan) / ` +
        `give one or the other (${PROFILE_KEYS.many} for several agencies)`,
    );
  }
  const key = isAbsent(many) ? PROFILE_KEYS.one : PROFILE_KEYS.many;
  const raw = isAbsent(many) ? one : many;
  if (isAbsent(raw)) return { paths: [DEMO_PROFILE_PATH], key, given: false };
  const list = key === PROFILE_KEYS.many;
  const items = list && Array.isArray(raw) ? raw : list && typeof raw === 'string' ? raw.split(',') : [raw];
  const paths = items.map((i) => (typeof i === 'string' ? i.trim() : i)).filter((i) => i !== '');
  const bad = paths.filter((p) => typeof p !== 'string' || !PATH.test(p));
  if (paths.length === 0 || bad.length > 0) {
    problems.push(`${key} = ${JSON.stringify(raw)}: cần ${PATH_RULE}${list ? ', cách nhau bằng dấu phẩy / separated by commas' : ''}`);
    return { paths: [DEMO_PROFILE_PATH], key, given: true };
  }
  if (paths.length > MAX_AGENCIES) {
    problems.push(
      `${key}: ${paths.length} cơ quan, tối đa ${MAX_AGENCIES} trong một lần triển khai (giới hạn kích thước chính sách IAM và 500 tài nguyên một stack) / ` +
        `${paths.length} agencies, at most ${MAX_AGENCIES} in one deployment (IAM policy sizes, 500 resources a stack)`,
    );
  }
  return { paths: paths as string[], key, given: true };
}

/** Reads and validates every profile; problems are appended, the result is undefined when any profile failed. */
export function readDeployAgencies(read: (key: string) => unknown, loadProfile: (path: string) => ProfileLoad, problems: string[]): DeployAgencies | undefined {
  const { paths, key, given } = readPaths(read, problems);
  const loaded = paths.map((path) => ({ path, load: loadProfile(path) }));
  const files = new Map<string, string[]>();
  for (const { path, load } of loaded) {
    if (!load.ok) problems.push(...load.problems.map((p) => `${key}: ${p}`));
    else files.set(load.profile.agencyId, [...(files.get(load.profile.agencyId) ?? []), path]);
  }
  for (const [id, named] of files) {
    if (named.length < 2) continue;
    // Two files of one agency would give it two sets of schedules and two sets of recipients.
    problems.push(
      `${key}: cơ quan "${id}" có trong ${named.length} tệp hồ sơ (${named.join(', ')}); mỗi cơ quan chỉ một tệp / ` +
        `agencyId "${id}" is in ${named.length} profile files (${named.join(', ')}); one file per agency`,
    );
  }
  const profiles = loaded.flatMap(({ load }) => (load.ok ? [load.profile] : []));
  const [first, ...rest] = profiles;
  if (first === undefined || profiles.length !== paths.length) return undefined;
  return { paths: paths as NonEmpty<string>, profiles: [first, ...rest], given };
}
