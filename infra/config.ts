/**
 * Deploy-time parameters: CDK context (cdk.json, `-c key=value`) --> validated DeployConfig --> infra/app.ts.
 * flow: cdk context --> config (pure) --> stacks
 *
 * Every value has a default so `npm run synth` works on a fresh clone with no AWS account. Values given
 * with `-c` on the command line arrive as strings, so numbers are parsed here, not trusted. All problems
 * are reported at once, in Vietnamese with an English translation, so an operator fixes them in one pass.
 */

/** The context keys this app reads; the `baocao:` prefix keeps them apart from CDK's own flags. */
export const CONTEXT_KEYS = {
  stage: 'baocao:stage',
  account: 'baocao:account',
  region: 'baocao:region',
  reportVersionRetentionDays: 'baocao:reportVersionRetentionDays',
  accessLogRetentionDays: 'baocao:accessLogRetentionDays',
} as const;

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
}

export const DEFAULT_DEPLOY_CONFIG: Readonly<DeployConfig> = {
  stage: 'dev',
  account: undefined,
  region: 'ap-southeast-1',
  // Ten years: long enough that a regenerated report's predecessor outlives any review of it.
  reportVersionRetentionDays: 3650,
  accessLogRetentionDays: 400,
};

/** Bounds, named so the messages and the checks cannot disagree. */
const MIN_REPORT_VERSION_DAYS = 365;
const MIN_ACCESS_LOG_DAYS = 90;
const MAX_DAYS = 36_500;

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

/** Builds the validated config, or throws a DeployConfigError listing every problem found. */
export function readDeployConfig(read: ContextReader): DeployConfig {
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

  if (problems.length > 0) throw new DeployConfigError(problems);
  return { stage, account, region, reportVersionRetentionDays, accessLogRetentionDays };
}

/** Stack names carry the stage so dev and prod can share one account without clashing. */
export function stackName(config: Pick<DeployConfig, 'stage'>, part: string): string {
  return `baocao-${config.stage}-${part}`;
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function show(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value) ?? String(value);
}

function readString(
  read: ContextReader,
  key: string,
  fallback: string,
  problems: string[],
  check: { pattern: RegExp; rule: string },
): string {
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

function readDays(
  read: ContextReader,
  key: string,
  fallback: number,
  min: number,
  problems: string[],
): number {
  const raw = read(key);
  if (isAbsent(raw)) return fallback;
  const value = typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > MAX_DAYS) {
    problems.push(
      `${key} = ${show(raw)}: cần số ngày nguyên từ ${min} đến ${MAX_DAYS} / ` +
        `must be a whole number of days from ${min} to ${MAX_DAYS}`,
    );
    return fallback;
  }
  return value;
}
