/**
 * One function of the catalog (route handler, API Gateway authorizer or job): a NodejsFunction
 * (nodejs22.x, arm64, ESM, local esbuild) with its own role holding only its declared access, its own
 * log group with retention, X-Ray tracing and the Powertools settings; jobs also get the dead-letter
 * queue for invocations that fail every retry.
 * flow: application stack --> app function --> bundling, access, sizing
 */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../agency-profile-file.ts';
import { bundleEnvironment, bundlingOptions } from '../bundling.ts';
import type { FunctionSpec } from '../function-catalog.ts';
import { accessStatements, FUNCTION_ACCESS, type AccessTargets, type AttachmentGrant } from '../function-access.ts';
import { sizingOf, type Sizing } from '../function-sizing.ts';

/** The runtime the issue fixes; cdk-nag's "latest runtime" rule is acknowledged where it is set. */
export const RUNTIME = lambda.Runtime.NODEJS_22_X;
export const ARCHITECTURE = lambda.Architecture.ARM_64;
/** Powertools: one service, one namespace, so metrics stay few (each name × dimension set is billed). */
export const POWERTOOLS_SERVICE = 'baocao';
export const METRICS_NAMESPACE = 'baocao';

export interface AppFunctionProps {
  spec: FunctionSpec;
  targets: AccessTargets;
  /** Runtime configuration every handler reads (TABLE_NAME, AUTH_ISSUER …). */
  environment: Record<string, string>;
  logRetentionDays: number;
  /** The stateful stack's policies on `reports/<agency>/*`, attached when the access asks for them. */
  reportAccess: { read: iam.IManagedPolicy; write: iam.IManagedPolicy };
  attachmentAccess: Record<AttachmentGrant, iam.IManagedPolicy>;
  /** Jobs only: where an invocation lands after Lambda's own retries fail. */
  deadLetterQueue?: sqs.IQueue;
}

export class AppFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly sizing: Sizing;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);
    const { spec } = props;
    const access = FUNCTION_ACCESS[spec.key];
    if (!access) {
      throw new Error(
        `Chưa khai báo quyền cho hàm ${spec.key} trong infra/function-access.ts / ` +
          `no access declared for ${spec.key} in infra/function-access.ts (routes: ${spec.routes.map((r) => `${r.method} ${r.path}`).join(', ') || spec.job || spec.kind})`,
      );
    }
    this.sizing = sizingOf(spec);

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetentionDays as logs.RetentionDays,
      // Logs are part of the audit trail; deleting the stack must not delete them (they still expire).
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      // IAM descriptions take Latin-1 only.
      description: `baocao ${spec.key}: only the access declared in infra/function-access.ts`,
    });
    // Instead of the AWS-managed basic execution policy (logs:* on every log group): this group only.
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'OwnLogGroup',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );
    for (const statement of accessStatements(access, props.targets)) role.addToPrincipalPolicy(statement);
    if (access.readReports) role.addManagedPolicy(props.reportAccess.read);
    if (access.writeReports) role.addManagedPolicy(props.reportAccess.write);
    for (const grant of access.attachments ?? []) role.addManagedPolicy(props.attachmentAccess[grant]);

    this.fn = new NodejsFunction(this, 'Function', {
      entry: spec.entry,
      handler: spec.handler,
      description: describe(spec),
      runtime: RUNTIME,
      architecture: ARCHITECTURE,
      memorySize: this.sizing.memoryMb,
      timeout: Duration.seconds(this.sizing.timeoutSeconds),
      role,
      logGroup: this.logGroup,
      tracing: lambda.Tracing.ACTIVE,
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
      bundling: bundlingOptions(spec.entry),
      environment: {
        ...props.environment,
        ...bundleEnvironment(spec.entry),
        POWERTOOLS_SERVICE_NAME: POWERTOOLS_SERVICE,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        POWERTOOLS_LOG_LEVEL: 'INFO',
        // A job run owns its record for its timeout plus a minute: Lambda's retry (1 and 3 minutes
        // after a timeout) can then take over instead of being refused as "busy".
        ...(spec.kind === 'job' ? { JOB_LEASE_SECONDS: String(this.sizing.timeoutSeconds + 60) } : {}),
      },
      ...(props.deadLetterQueue
        ? {
            deadLetterQueue: props.deadLetterQueue,
            // Jobs are idempotent on their scheduled time, so Lambda's two retries are safe; after an
            // hour the run is stale and belongs to a person (docs/deploy.md, "Running a job by hand").
            retryAttempts: 2,
            maxEventAge: Duration.hours(1),
          }
        : {}),
    });

    Validations.of(this.fn).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'nodejs22.x is the runtime the code is built and tested for (Node 20/22 locally, middy 6, Powertools 2); ' +
        'a newer runtime is adopted deliberately, after the test suite runs on it, not by a default.',
    });
    // Tracing.ACTIVE grants xray:PutTraceSegments/PutTelemetryRecords on "*": X-Ray has no resource-level permissions.
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray PutTraceSegments/PutTelemetryRecords accept only "*"' +
        (access.probe ? ', and so does SES ListEmailTemplates used by the health probe' : '') +
        '; no data is reachable through these actions.',
    });
  }
}

function describe(spec: FunctionSpec): string {
  if (spec.kind === 'job') return `baocao: tác vụ theo lịch "${spec.job}" (${spec.module})`;
  if (spec.kind === 'authorizer') return `baocao: bộ xác thực của API Gateway cho các tuyến /api/ (${spec.key})`;
  return `baocao: ${spec.routes.map((r) => `${r.method} ${r.path}`).join(', ')} (${spec.key})`.slice(0, 256);
}
