/**
 * Runtime configuration from environment variables, read once per cold start.
 * flow: handler --> config
 *
 * The same variables drive Lambda (set by CDK) and the local stack (set by infra/local/start.ts
 * and the test setup); only the endpoints differ.
 */
export interface RuntimeConfig {
  tableName: string;
  bucketName: string;
  agencyId: string;
  region: string;
  /** Set locally: DynamoDB Local, s3rver and the SES emulator. Unset in AWS. */
  endpoints: { dynamodb?: string; s3?: string; ses?: string };
}

function env(name: string, fallback?: string): string {
  const v = process.env[name] ?? fallback;
  if (v === undefined || v === '') throw new Error(`Missing environment variable ${name}`);
  return v;
}

export function loadConfig(): RuntimeConfig {
  return {
    tableName: env('TABLE_NAME', 'baocao'),
    bucketName: env('BUCKET_NAME', 'baocao-reports'),
    agencyId: env('AGENCY_ID', 'skhcn-bacgiang'),
    region: env('AWS_REGION', 'ap-southeast-1'),
    endpoints: {
      dynamodb: process.env.DYNAMODB_ENDPOINT || undefined,
      s3: process.env.S3_ENDPOINT || undefined,
      ses: process.env.SES_ENDPOINT || undefined,
    },
  };
}
