/**
 * Deploy-time parameters: CDK context (cdk.json, `-c key=value`) --> validated DeployConfig --> infra/app.ts.
 * flow: cdk context + agency profile files --> config (deploy agencies) --> stacks
 *
 * Every value has a default so `npm run synth` works on a fresh clone with no AWS account. Values given
 * with `-c` on the command line arrive as strings, so numbers are parsed here, not trusted. All problems
 * are reported at once, in Vietnamese with an English translation, so an operator fixes them in one pass.
 * The only I/O is reading the agency profile files, through a loader the tests can replace.
 */
import type { AgencyProfile } from '../functions/core/agency.ts';
import { DEMO_PROFILE_PATH, loadAgencyProfileFile, type ProfileLoad } from './agency-profile-file.ts';
import { PROFILE_KEYS, readDeployAgencies, type NonEmpty } from './deploy-agencies.ts';

/** The context keys this app reads; the `baocao:` prefix keeps them apart from CDK's own flags. */
export const CONTEXT_KEYS = {
  stage: 'baocao:stage',
  account: 'baocao:account',
  region: 'baocao:region',
  reportVersionRetentionDays: 'baocao:reportVersionRetentionDays',
  accessLogRetentionDays: 'baocao:accessLogRetentionDays',
  logRetentionDays: 'baocao:logRetentionDays',
  agencyProfile: PROFILE_KEYS.one,
  agencyProfiles: PROFILE_KEYS.many,
  alarmEmails: 'baocao:alarmEmails',
  sesIdentity: 'baocao:sesIdentity',
  domainName: 'baocao:domainName',
  certificateArn: 'baocao:certificateArn',
} as const;

/** A custom domain for the portal and API: the agency's own name instead of `…cloudfront.net`. */
export interface CustomDomain {
  domainName: string;
  /** An ACM certificate for domainName in us-east-1: the domain is CloudFront's, which takes certificates from there only. */
  certificateArn: string;
}

/** The SES identity the system sends from: a whole domain (DKIM) or one verified address. */
export interface SesIdentity {
  kind: 'domain' | 'email';
  value: string;
}

export interface DeployConfig {
  /** Names one deployment (dev, staging, prod …); part of every stack name, so two stages never collide. */
  stage: string;
  /** The AWS account to pin the stacks to; undefined = account-agnostic (resolved by CloudFormation at deploy). */
  account: string | undefined;
  /** The AWS region; ap-southeast-1 (Singapore) is the region nearest Vietnam. */
  region: string;
  /**
   * Days an overwritten or deleted report version is kept before S3 removes it. Current versions never
   * expire: a report sent to UBND tỉnh is an official record.
   */
  reportVersionRetentionDays: number;
  /** Days S3 server access logs of the report bucket are kept (the audit trail of who fetched what). */
  accessLogRetentionDays: number;
  /** Days CloudWatch keeps function and API access logs; one of the values CloudWatch Logs accepts. */
  logRetentionDays: number;
  /** The agency profile files the deployment serves, as given (relative to the repository root). */
  agencyProfilePaths: NonEmpty<string>;
  /**
   * Those files, validated, one per agency: agency ids (the IAM wall), units (user groups),
   * schedules, senders. The first is the home agency (infra/deploy-agencies.ts).
   */
  profiles: NonEmpty<AgencyProfile>;
  /** Who is told when an alarm fires (Văn phòng); default: the first profile's `emails.vanPhong`. */
  alarmEmails: string[];
  /** What SES verifies and sends through; together they cover every profile's `emails.from`. */
  sesIdentities: NonEmpty<SesIdentity>;
  customDomain: CustomDomain | undefined;
  /** Origin of the portal when it is known at synth time (custom domain); the only origin CORS allows. */
  portalOrigin: string | undefined;
}

/** Defaults of the scalar parameters; the rest derive from the profile (see readDeployConfig). */
export const DEFAULT_DEPLOY_CONFIG = {
  stage: 'dev',
  account: undefined,
  region: 'ap-southeast-1',
  // Ten years: long enough that a regenerated report's predecessor outlives any review of it.
  reportVersionRetentionDays: 3650,
  accessLogRetentionDays: 400,
  // Thirteen months: a year-end review can still read the logs of the previous December.
  logRetentionDays: 400,
  agencyProfilePaths: [DEMO_PROFILE_PATH],
} as const;

/** Bounds, named so the messages and the checks cannot disagree. */
const MIN_REPORT_VERSION_DAYS = 365;
const MIN_ACCESS_LOG_DAYS = 90;
const MAX_DAYS = 36_500;
/** The retention periods CloudWatch Logs accepts (PutRetentionPolicy); "never expire" is not offered. */
export const LOG_RETENTION_CHOICES = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

export class DeployConfigError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(
      [
        'Tham số triển khai (CDK context) không hợp lệ / Invalid deploy parameters (CDK context):',
        ...problems.map((p) => `  - ${p}`),
        'Sửa trong cdk.json hoặc truyền lại bằng `-c khóa=giá-trị` / Fix them in cdk.json or pass `-c key=value`.',
      ].join('\n'),
    );
    this.name = 'DeployConfigError';
    this.problems = problems;
  }
}

/** Reads one context value; in the app this is `(key) => app.node.tryGetContext(key)`. */
export type ContextReader = (key: string) => unknown;
/** Loads and validates the agency profile file; tests pass their own. */
export type ProfileLoader = (path: string) => ProfileLoad;

/** Builds the validated config, or throws a DeployConfigError listing every problem found. */
export function readDeployConfig(read: ContextReader, loadProfile: ProfileLoader = loadAgencyProfileFile): DeployConfig {
  const problems: string[] = [];

  const stage = readString(read, CONTEXT_KEYS.stage, DEFAULT_DEPLOY_CONFIG.stage, problems, {
    pattern: /^[a-z][a-z0-9-]{0,14}[a-z0-9]$/,
    rule:
      '2–16 ký tự thường a-z, chữ số hoặc "-", bắt đầu bằng chữ cái, ví dụ "dev", "prod" / ' +
      '2–16 lowercase letters, digits or "-", starting with a letter, e.g. "dev", "prod"',
  });
  const region = readString(read, CONTEXT_KEYS.region, DEFAULT_DEPLOY_CONFIG.region, problems, {
    pattern: /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/,
    rule: 'mã vùng AWS, ví dụ "ap-southeast-1" / an AWS region code, e.g. "ap-southeast-1"',
  });
  const account = readOptionalAccount(read, problems);
  const reportVersionRetentionDays = readDays(
    read,
    CONTEXT_KEYS.reportVersionRetentionDays,
    DEFAULT_DEPLOY_CONFIG.reportVersionRetentionDays,
    MIN_REPORT_VERSION_DAYS,
    problems,
  );
  const accessLogRetentionDays = readDays(
    read,
    CONTEXT_KEYS.accessLogRetentionDays,
    DEFAULT_DEPLOY_CONFIG.accessLogRetentionDays,
    MIN_ACCESS_LOG_DAYS,
    problems,
  );
  const logRetentionDays = readLogRetention(read, problems);

  const agencies = readDeployAgencies(read, loadProfile, problems);
  if (agencies && !agencies.given && stage !== DEFAULT_DEPLOY_CONFIG.stage) {
    // The demo agency's names and example.org-style addresses must never reach a real deployment.
    problems.push(
      `${CONTEXT_KEYS.agencyProfile}: stage "${stage}" cần tệp hồ sơ của chính cơ quan (hồ sơ mẫu chỉ dùng cho stage dev) / ` +
        `stage "${stage}" needs the agency's own profile file (the demo profile is for stage dev only)`,
    );
  }
  const home = agencies?.profiles[0];

  const alarmEmails = readEmails(read, CONTEXT_KEYS.alarmEmails, home?.emails.vanPhong ?? [], problems);
  const sesIdentities = readSesIdentities(read, agencies?.profiles ?? [], problems);
  const customDomain = readCustomDomain(read, problems);

  if (problems.length > 0 || !agencies || !sesIdentities) throw new DeployConfigError(problems);
  return {
    stage,
    account,
    region,
    reportVersionRetentionDays,
    accessLogRetentionDays,
    logRetentionDays,
    agencyProfilePaths: agencies.paths,
    profiles: agencies.profiles,
    alarmEmails,
    sesIdentities,
    customDomain,
    portalOrigin: customDomain ? `https://${customDomain.domainName}` : undefined,
  };
}

/** Stack names carry the stage so dev and prod can share one account without clashing. */
export function stackName(config: Pick<DeployConfig, 'stage'>, part: string): string {
  return `baocao-${config.stage}-${part}`;
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function show(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value));
}

function readString(read: ContextReader, key: string, fallback: string, problems: string[], check: { pattern: RegExp; rule: string }): string {
  const raw = read(key);
  if (isAbsent(raw)) return fallback;
  if (typeof raw !== 'string' || !check.pattern.test(raw.trim())) {
    problems.push(`${key} = ${show(raw)}: cần ${check.rule}`);
    return fallback;
  }
  return raw.trim();
}

function readOptionalAccount(read: ContextReader, problems: string[]): string | undefined {
  const key = CONTEXT_KEYS.account;
  const raw = read(key);
  if (isAbsent(raw)) return undefined;
  // cdk.json may hold the account as a JSON number; keep it as text so leading zeros survive.
  const text = typeof raw === 'number' && Number.isInteger(raw) ? String(raw).padStart(12, '0') : raw;
  if (typeof text !== 'string' || !/^\d{12}$/.test(text.trim())) {
    problems.push(
      `${key} = ${show(raw)}: cần số tài khoản AWS gồm đúng 12 chữ số, hoặc bỏ trống để không gắn tài khoản / ` +
        'must be a 12-digit AWS account id, or left out for an account-agnostic stack',
    );
    return undefined;
  }
  return text.trim();
}

function readWholeNumber(raw: unknown): unknown {
  return typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : raw;
}

function readDays(read: ContextReader, key: string, fallback: number, min: number, problems: string[]): number {
  const raw = read(key);
  if (isAbsent(raw)) return fallback;
  const value = readWholeNumber(raw);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > MAX_DAYS) {
    problems.push(`${key} = ${show(raw)}: cần số ngày nguyên từ ${min} đến ${MAX_DAYS} / ` + `must be a whole number of days from ${min} to ${MAX_DAYS}`);
    return fallback;
  }
  return value;
}

function readLogRetention(read: ContextReader, problems: string[]): number {
  const key = CONTEXT_KEYS.logRetentionDays;
  const raw = read(key);
  if (isAbsent(raw)) return DEFAULT_DEPLOY_CONFIG.logRetentionDays;
  const value = readWholeNumber(raw);
  if (typeof value !== 'number' || !(LOG_RETENTION_CHOICES as readonly number[]).includes(value)) {
    problems.push(
      `${key} = ${show(raw)}: cần một trong các số ngày CloudWatch Logs chấp nhận / ` +
        `must be one of the retention periods CloudWatch Logs accepts: ${LOG_RETENTION_CHOICES.join(', ')}`,
    );
    return DEFAULT_DEPLOY_CONFIG.logRetentionDays;
  }
  return value;
}

const EMAIL = /^[^\s@,;<>"]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;
const HOSTNAME = /^(?=.{4,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** A list of addresses: a JSON array in cdk.json, or "a@x,b@y" on the command line. */
function readEmails(read: ContextReader, key: string, fallback: readonly string[], problems: string[]): string[] {
  const raw = read(key);
  if (isAbsent(raw)) return [...fallback];
  const items = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[,;]/) : [raw];
  const emails = items.map((item) => (typeof item === 'string' ? item.trim() : item)).filter((item) => item !== '');
  const bad = emails.filter((e) => typeof e !== 'string' || !EMAIL.test(e));
  if (emails.length === 0 || emails.length > 20 || bad.length > 0) {
    problems.push(
      `${key} = ${show(raw)}: cần 1–20 địa chỉ email, cách nhau bằng dấu phẩy` +
        (bad.length > 0 ? ` (sai: ${bad.map(show).join(', ')})` : '') +
        ' / must be 1–20 email addresses separated by commas',
    );
    return [...fallback];
  }
  return emails as string[];
}

/**
 * The SES identities: given as one domain or address, or several (a JSON array, or comma-separated
 * with `-c`), or by default each profile's own `emails.from` address. Every agency's sender must be
 * covered by one of them: SES refuses to send from an address no verified identity covers.
 */
function readSesIdentities(read: ContextReader, profiles: readonly AgencyProfile[], problems: string[]): NonEmpty<SesIdentity> | undefined {
  const key = CONTEXT_KEYS.sesIdentity;
  const raw = read(key);
  const senders = [...new Set(profiles.map((p) => p.emails.from.toLowerCase()))];
  let identities: SesIdentity[];
  if (isAbsent(raw)) {
    identities = senders.map((value) => ({ kind: 'email', value }));
  } else {
    const items = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [raw];
    const values = items.map((i) => (typeof i === 'string' ? i.trim().toLowerCase() : i)).filter((i) => i !== '');
    const parsed = values.map((v): SesIdentity | undefined =>
      typeof v === 'string' && EMAIL.test(v)
        ? { kind: 'email', value: v }
        : typeof v === 'string' && HOSTNAME.test(v)
          ? { kind: 'domain', value: v }
          : undefined,
    );
    if (parsed.length === 0 || parsed.some((i) => i === undefined)) {
      problems.push(
        `${key} = ${show(raw)}: cần một hay nhiều tên miền (ví dụ "skhcn.bacgiang.gov.vn") hoặc địa chỉ email, cách nhau bằng dấu phẩy / ` +
          'must be one or more domains (e.g. "skhcn.bacgiang.gov.vn") or email addresses, separated by commas',
      );
      return undefined;
    }
    identities = [...new Map((parsed as SesIdentity[]).map((i) => [i.value, i])).values()];
  }
  for (const profile of profiles) {
    const from = profile.emails.from.toLowerCase();
    if (identities.some((i) => sendsFrom(i, from))) continue;
    problems.push(
      `${key} = ${show(identities.map((i) => i.value).join(','))}: không bao gồm địa chỉ gửi "${from}" trong emails.from của hồ sơ "${profile.agencyId}" / ` +
        `does not cover the sender address emails.from "${from}" of agency "${profile.agencyId}"`,
    );
  }
  const [first, ...rest] = identities;
  return first ? [first, ...rest] : undefined;
}

function sendsFrom(identity: SesIdentity, from: string): boolean {
  if (identity.kind === 'email') return identity.value === from;
  const domain = from.slice(from.lastIndexOf('@') + 1);
  return domain === identity.value || domain.endsWith(`.${identity.value}`);
}

function readCustomDomain(read: ContextReader, problems: string[]): CustomDomain | undefined {
  const nameRaw = read(CONTEXT_KEYS.domainName);
  const certRaw = read(CONTEXT_KEYS.certificateArn);
  if (isAbsent(nameRaw) && isAbsent(certRaw)) return undefined;
  if (isAbsent(nameRaw) || isAbsent(certRaw)) {
    problems.push(`${CONTEXT_KEYS.domainName} và ${CONTEXT_KEYS.certificateArn}: cần cả hai hoặc không có cái nào / give both or neither`);
    return undefined;
  }
  let ok = true;
  const domainName = typeof nameRaw === 'string' ? nameRaw.trim().toLowerCase() : '';
  if (!HOSTNAME.test(domainName)) {
    problems.push(
      `${CONTEXT_KEYS.domainName} = ${show(nameRaw)}: cần tên miền đầy đủ, ví dụ "baocao.skhcn.bacgiang.gov.vn" / ` +
        'must be a fully qualified domain name, e.g. "baocao.skhcn.bacgiang.gov.vn"',
    );
    ok = false;
  }
  const certificateArn = typeof certRaw === 'string' ? certRaw.trim() : '';
  const arn = /^arn:aws[a-z-]*:acm:([a-z0-9-]+):\d{12}:certificate\/[0-9a-f-]{36}$/.exec(certificateArn);
  if (!arn) {
    problems.push(
      `${CONTEXT_KEYS.certificateArn} = ${show(certRaw)}: cần ARN chứng chỉ ACM, dạng arn:aws:acm:<vùng>:<tài khoản>:certificate/<id> / ` +
        'must be an ACM certificate ARN',
    );
    ok = false;
  } else if (arn[1] !== 'us-east-1') {
    problems.push(
      `${CONTEXT_KEYS.certificateArn}: chứng chỉ ở vùng ${arn[1]}; tên miền gắn với CloudFront, vốn chỉ nhận chứng chỉ ở us-east-1 — hãy tạo chứng chỉ ở us-east-1 / ` +
        `the certificate is in ${arn[1]}; the domain is CloudFront's, which takes certificates from us-east-1 only`,
    );
    ok = false;
  }
  return ok ? { domainName, certificateArn } : undefined;
}
