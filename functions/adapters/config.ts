/**
 * Runtime configuration from environment variables, read once per cold start.
 * flow: handler --> config
 *
 * The same variables drive Lambda (set by CDK) and the local stack (set by infra/local/stack.ts,
 * the CLI's local-env.json and the test setup); only the endpoints differ. There is no fallback:
 * a deployed function that lacks a setting must not quietly serve the demo agency from a table
 * called "baocao". It stops at start-up with a message naming what is missing (checkSettings,
 * called where each Lambda entry is built), and anywhere else at the first use of the setting.
 */
/** True inside a Lambda execution environment (kept here, free of Powertools, for the small authorizer). */
export function inLambda(): boolean {
  return Boolean(process.env.AWS_LAMBDA_FUNCTION_NAME);
}

export interface RuntimeConfig {
  tableName: string;
  bucketName: string;
  agencyId: string;
  region: string;
  /** Set locally: DynamoDB Local, s3rver and the SES emulator. Unset in AWS. */
  endpoints: { dynamodb?: string; s3?: string; ses?: string };
}

/** What each required setting is for: the message says it, so an operator knows what to set. */
export const SETTINGS = {
  TABLE_NAME: 'the DynamoDB table (stack output TableName)',
  BUCKET_NAME: 'the report bucket (stack output ReportBucketName)',
  AGENCY_ID: "the agency this deployment serves (the profile's agencyId)",
  AWS_REGION: 'the AWS region',
  AUTH_ISSUER: 'the token issuer (the Cognito user pool URL)',
  AUTH_CLIENT_ID: "the portal's Cognito app client id",
  AUTH_JWKS: 'where the token signing keys are (AUTH_JWKS_URL in AWS, AUTH_JWKS_FILE locally)',
  USER_POOL_ID: 'the Cognito user pool, whose sessions sign-out ends (stack output UserPoolId)',
} as const;

export type Setting = keyof typeof SETTINGS;

/** The settings each kind of function needs (one function may need several groups). */
export const SETTING_GROUPS = {
  /** Handlers and jobs that read or write data. */
  data: ['TABLE_NAME', 'BUCKET_NAME', 'AGENCY_ID', 'AWS_REGION'],
  /** Everything that verifies tokens. */
  auth: ['AGENCY_ID', 'AUTH_ISSUER', 'AUTH_CLIENT_ID', 'AUTH_JWKS'],
  /** Sign-out in AWS: Cognito's own sessions end too (adapters/auth/cognito-sign-out.ts). */
  signOut: ['USER_POOL_ID'],
} as const satisfies Record<string, readonly Setting[]>;

export class MissingSettingError extends Error {
  override name = 'MissingSettingError';
  constructor(readonly setting: Setting) {
    super(
      `Thiếu cấu hình bắt buộc ${setting} / missing required setting ${setting}: ${SETTINGS[setting]}. Nothing falls back to demo values; set it (the stack sets it for every function).`,
    );
  }
}

function present(name: string): string | undefined {
  const v = process.env[name];
  return v === undefined || v.trim() === '' ? undefined : v;
}

/** A required setting's value; MissingSettingError when it is not set. */
export function requiredSetting(name: Exclude<Setting, 'AUTH_JWKS'>): string {
  const v = present(name);
  if (v === undefined) throw new MissingSettingError(name);
  return v;
}

/** The token keys: a URL (Cognito's JWKS) or a file (the local issuer). */
export function jwksSource(): { jwksUrl: string } | { jwksFile: string } {
  const url = present('AUTH_JWKS_URL');
  if (url) return { jwksUrl: url };
  const file = present('AUTH_JWKS_FILE');
  if (file) return { jwksFile: file };
  throw new MissingSettingError('AUTH_JWKS');
}

/**
 * Called where a Lambda entry is built, so a function missing a setting fails its start-up (the
 * init error names the variable) instead of its first request. Outside Lambda (the local server,
 * the CLI, tests) settings are checked when used.
 */
export function checkSettings(...groups: (keyof typeof SETTING_GROUPS)[]): void {
  if (!inLambda()) return;
  for (const name of new Set(groups.flatMap((g) => SETTING_GROUPS[g]))) {
    if (name === 'AUTH_JWKS') jwksSource();
    else requiredSetting(name);
  }
}

function endpoints(): RuntimeConfig['endpoints'] {
  return {
    dynamodb: present('DYNAMODB_ENDPOINT'),
    s3: present('S3_ENDPOINT'),
    ses: present('SES_ENDPOINT'),
  };
}

export function loadConfig(): RuntimeConfig {
  return {
    tableName: requiredSetting('TABLE_NAME'),
    bucketName: requiredSetting('BUCKET_NAME'),
    agencyId: requiredSetting('AGENCY_ID'),
    region: requiredSetting('AWS_REGION'),
    endpoints: endpoints(),
  };
}

/** The part of the configuration that reaching the table needs (the authorizer has no bucket). */
export function tableConfig(): Pick<RuntimeConfig, 'tableName' | 'agencyId' | 'region' | 'endpoints'> {
  return { tableName: requiredSetting('TABLE_NAME'), agencyId: requiredSetting('AGENCY_ID'), region: requiredSetting('AWS_REGION'), endpoints: endpoints() };
}
