/**
 * The stateful stack: the DynamoDB table, the S3 buckets, the Cognito user pool and the SES sender
 * identity, which hold the agency's records, its people's accounts and its verified mail domain.
 * flow: infra/app.ts --> StatefulStack --> (table, reportBucket, userPool, mail) --> the application stack
 *
 * Kept apart from the often-deployed application stack so that no change to functions, API or
 * schedules can replace or delete data. Table, buckets and user pool are retained when removed from
 * the template, and the stack itself has termination protection. The user pool and the SES identity
 * live here rather than beside the API because they outlive it: deleting and recreating the
 * application stack must not empty the list of accounts or make DNS records (DKIM) stale.
 */
import { CfnOutput, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { DeployConfig } from './config.ts';
import { MailIdentity } from './constructs/mail-identity.ts';
import type { AttachmentGrant } from './function-access.ts';
import { userGroups } from './user-groups.ts';

/**
 * The single-table key layout. The DynamoDB adapter and the local emulator set-up create the same
 * table from these names, so the AWS table and DynamoDB Local cannot drift apart.
 */
export const TABLE_SCHEMA = {
  partitionKey: 'PK',
  sortKey: 'SK',
  gsi1: { indexName: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
  ttlAttribute: 'expiresAt',
} as const;

export interface StatefulStackProps extends StackProps {
  config: Pick<DeployConfig, 'reportVersionRetentionDays' | 'accessLogRetentionDays' | 'profiles' | 'sesIdentities' | 'portalOrigin'>;
}

export class StatefulStack extends Stack {
  /** Plan, submissions (revisions), report metadata, idempotency records: the single table. */
  readonly table: dynamodb.ITable;
  /** The compiled Excel and PDF reports: versioned, never overwritten, served by presigned links. */
  readonly reportBucket: s3.IBucket;
  /** Server access logs of the report bucket: who fetched or changed which report, and when. */
  readonly accessLogBucket: s3.IBucket;
  /**
   * The people who sign in: one group per role, one per agency (`agency-<id>`), one per unit code
   * (`unit-<CODE>`), as the access token's `cognito:groups`.
   */
  readonly userPool: cognito.UserPool;
  /** The SES identities and the configuration set mail is sent through. */
  readonly mail: MailIdentity;
  /**
   * Who may read or write report files: only under `reports/<agency>/` of the deployment's agencies. Defined beside the bucket so
   * the policy names the bucket directly; the application stack attaches them to the functions whose
   * declared access asks for them (infra/function-access.ts).
   */
  readonly reportAccess: { read: iam.ManagedPolicy; write: iam.ManagedPolicy };
  /** Units' attachments, per grant of infra/function-access.ts (`attachments`): each on its prefix of each agency. */
  readonly attachmentAccess: Record<AttachmentGrant, iam.ManagedPolicy>;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, { terminationProtection: true, ...props });
    const { config } = props;

    const table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: TABLE_SCHEMA.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: TABLE_SCHEMA.sortKey, type: dynamodb.AttributeType.STRING },
      // A few dozen units submitting once a month: on-demand costs cents, and there is no capacity to tune.
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true, recoveryPeriodInDays: 35 },
      deletionProtection: true,
      // AWS-managed KMS key (aws/dynamodb), not a customer-managed one: the data is encrypted with a key
      // whose every use is logged in CloudTrail, at no key cost and with no key policy to get wrong. A
      // customer-managed key would only add the power to disable or schedule deletion of the key, which
      // for official records is a way to lose them, not a control we need; nothing reads the table
      // from another account.
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      timeToLiveAttribute: TABLE_SCHEMA.ttlAttribute,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    table.addGlobalSecondaryIndex({
      indexName: TABLE_SCHEMA.gsi1.indexName,
      partitionKey: { name: TABLE_SCHEMA.gsi1.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: TABLE_SCHEMA.gsi1.sortKey, type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.ALL,
    });

    const accessLogBucket = new s3.Bucket(this, 'AccessLogBucket', {
      // Server access log delivery only writes to buckets encrypted with SSE-S3.
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      // With ACLs disabled, S3 grants log delivery through the bucket policy CDK writes for us.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        { id: 'expire-access-logs', expiration: Duration.days(config.accessLogRetentionDays) },
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
      ],
    });

    const reportBucket = new s3.Bucket(this, 'ReportBucket', {
      // Reports are immutable by design (a regeneration is a new object); versioning is the safety net
      // for the overwrite or delete that should never happen.
      versioned: true,
      // SSE-S3 rather than KMS: reports go to the Director and UBND tỉnh through presigned links, and
      // with SSE-S3 a link works with s3:GetObject alone — no kms:Decrypt grant to forget, no KMS
      // request charge per download. Access is controlled by IAM and the bucket policy, not the key.
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
      serverAccessLogsBucket: accessLogBucket,
      serverAccessLogsPrefix: 'report-bucket/',
      lifecycleRules: [
        {
          // Only noncurrent versions age out; current versions (the reports themselves) never expire.
          id: 'keep-noncurrent-versions-long',
          noncurrentVersionTransitions: [{ storageClass: s3.StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(30) }],
          noncurrentVersionExpiration: Duration.days(config.reportVersionRetentionDays),
        },
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
        // Units' uploads wait under uploads/ only until the confirm step checks them (minutes);
        // one abandoned (the browser closed before confirming) is gone the next day.
        // The bucket is versioned: the bytes of a deleted (refused) upload would stay as a noncurrent
        // version for years under the rule above; under uploads/ they go after a day too.
        { id: 'expire-unchecked-uploads', prefix: 'uploads/', expiration: Duration.days(1), noncurrentVersionExpiration: Duration.days(1) },
      ],
      // The browser posts units' attachments straight to the bucket (a presigned POST whose policy
      // holds key, size and type: functions/usecases/attachments.ts) and reads S3's answer; downloads
      // are navigations, which need no CORS. The portal's origin when it is known at synthesis (a
      // custom domain), otherwise CloudFront's domains: the policy, not the origin, authorizes an upload.
      cors: [
        {
          allowedMethods: [s3.HttpMethods.POST],
          allowedOrigins: [config.portalOrigin ?? 'https://*.cloudfront.net'],
          allowedHeaders: ['*'],
          maxAge: 3600,
        },
      ],
    });

    // Created before the pool: Cognito's own emails (the sign-in codes) go through the same sender
    // and configuration set as the portal's, so they count in the failed-delivery alarm too.
    this.mail = new MailIdentity(this, 'Mail', { identities: config.sesIdentities });
    const sender = cognitoSender(config.profiles, config.sesIdentities, this.mail.configurationSet.configurationSetName);
    const userPool = new cognito.UserPool(this, 'UserPool', {
      // Văn phòng creates every account (docs/deploy.md); nobody signs themselves up to official records.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      // People sign in by a one-time code Cognito emails them (USER_AUTH, first factor EMAIL_OTP:
      // functions/adapters/auth/cognito-code-channel.ts); nobody is told a password. PASSWORD stays in
      // the list because Cognito requires it there, but the portal's app client offers only USER_AUTH
      // and every account's password is random and unknown (functions/adapters/auth/cognito-directory.ts).
      signInPolicy: { allowedFirstAuthFactors: { password: true, emailOtp: true } },
      // Choice-based sign-in needs Essentials or Plus; Essentials, since Plus's threat protection
      // judges passwords and adaptive MFA, neither of which a passwordless pool uses (docs/decisions.md).
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      // Required MFA excludes passwordless first factors; the emailed code is the factor (possession of the mailbox).
      mfa: cognito.Mfa.OFF,
      // Cognito sends through SES, from the home agency's sender (a verified identity of this stack).
      email: cognito.UserPoolEmail.withSES(sender.options),
      userVerification: {
        emailSubject: 'Mã xác minh hệ thống báo cáo tiến độ',
        emailBody: 'Mã xác minh của bạn là {####}.',
        emailStyle: cognito.VerificationEmailStyle.CODE,
      },
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(7),
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(userPool).acknowledge(
      {
        id: 'AwsSolutions-COG8',
        reason:
          "Essentials, not Plus: Plus's threat protection checks passwords against leaks and asks risky password sign-ins for MFA; " +
          'this pool signs people in only by a code emailed to their verified address, so neither applies (docs/decisions.md).',
      },
      {
        id: 'AwsSolutions-COG2',
        reason:
          'Sign-in is passwordless (EMAIL_OTP as first factor), which Cognito does not combine with required MFA; the emailed code ' +
          'proves possession of the mailbox, and our own limits (per address, per source, attempts per code) stand in front.',
      },
    );
    const cfnPool = userPool.node.defaultChild as cognito.CfnUserPool;
    // The sign-in code's email, in the users' language ({####} is the code).
    cfnPool.emailAuthenticationSubject = 'Mã đăng nhập hệ thống báo cáo tiến độ';
    cfnPool.emailAuthenticationMessage =
      'Mã đăng nhập hệ thống báo cáo tiến độ của bạn là {####}.<br>Nhập mã này trên trang đăng nhập. Không chuyển mã cho người khác; nếu bạn không yêu cầu, hãy bỏ qua thư này.';
    // A sender on a subdomain of a verified domain: SES authorises it through the domain's identity.
    if (sender.sourceArnDomain) {
      cfnPool.addPropertyOverride(
        'EmailConfiguration.SourceArn',
        this.formatArn({ service: 'ses', resource: 'identity', resourceName: sender.sourceArnDomain }),
      );
    }
    for (const group of userGroups(config.profiles)) {
      new cognito.CfnUserPoolGroup(this, `Group-${group.name}`, {
        userPoolId: userPool.userPoolId,
        groupName: group.name,
        description: group.description,
        precedence: group.precedence,
      });
    }

    this.table = table;
    this.reportBucket = reportBucket;
    this.accessLogBucket = accessLogBucket;
    this.userPool = userPool;
    this.attachmentAccess = attachmentAccessPolicies(
      this,
      reportBucket,
      config.profiles.map((p) => p.agencyId),
    );
    this.reportAccess = reportAccessPolicies(
      this,
      reportBucket,
      config.profiles.map((p) => p.agencyId),
    );

    // Operators (the CLI, the runbook) need the generated names; no exportName, so these outputs
    // never pin the stack the way CloudFormation exports do.
    new CfnOutput(this, 'TableName', { value: table.tableName, description: 'Bảng DynamoDB / DynamoDB table' });
    new CfnOutput(this, 'ReportBucketName', {
      value: reportBucket.bucketName,
      description: 'Bucket báo cáo / report bucket',
    });
    new CfnOutput(this, 'UserPoolId', { value: userPool.userPoolId, description: 'Nhóm người dùng Cognito / Cognito user pool' });
  }
}

/**
 * Read (also what presigned download links need) and write policies on the report prefix of each
 * agency of the deployment, and on nothing else of the bucket.
 */
function reportAccessPolicies(stack: Stack, bucket: s3.IBucket, agencyIds: readonly string[]) {
  const objects = agencyIds.map((id) => bucket.arnForObjects(`reports/${id}/*`));
  // CloudFormation replaces a managed policy whose description changes, so the description names no
  // agency once there are several: adding a third agency edits the policies in place. A single agency
  // keeps the description it always had; going from one agency to two replaces them once (docs/deploy.md).
  const whose = agencyIds.length === 1 ? agencyIds[0] : "the deployment's agencies";
  const make = (id: string, action: string, description: string) => {
    const policy = new iam.ManagedPolicy(stack, id, {
      description,
      statements: [new iam.PolicyStatement({ actions: [action], resources: objects })],
    });
    const bucketArn = stack.resolve(bucket.bucketArn) as { 'Fn::GetAtt': [string, string] };
    for (const agencyId of agencyIds) {
      Validations.of(policy).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${bucketArn['Fn::GetAtt'][0]}.${bucketArn['Fn::GetAtt'][1]}>/reports/${agencyId}/*]`,
        reason:
          'Report files are created at run time under reports/<agency>/<period>/v<version>/; the agency prefix is the ' +
          'narrowest fixed scope (one action, one bucket, one agency of the deployment), and the bucket policy refuses anything but TLS.',
      });
    }
    return policy;
  };
  return {
    read: make('ReportReadPolicy', 's3:GetObject', `baocao: read report files of ${whose} (downloads, delivery attachments)`),
    write: make('ReportWritePolicy', 's3:PutObject', `baocao: write report files of ${whose} (compile)`),
  };
}

/**
 * Cognito's sender: the home agency's `emails.from` (one pool serves the deployment), through the
 * SES identity that covers it (infra/config.ts checks one does).
 */
function cognitoSender(
  profiles: DeployConfig['profiles'],
  identities: DeployConfig['sesIdentities'],
  configurationSetName: string,
): { options: cognito.UserPoolSESOptions; sourceArnDomain?: string } {
  const [home] = profiles;
  if (!home) throw new Error('no agency profile: the home agency names the sign-in sender');
  const fromEmail = home.emails.from;
  const domain = fromEmail.slice(fromEmail.lastIndexOf('@') + 1);
  const byAddress = identities.find((i) => i.kind === 'email' && i.value === fromEmail);
  const byDomain = identities.find((i) => i.kind === 'domain' && (domain === i.value || domain.endsWith(`.${i.value}`)));
  const options = { fromEmail, configurationSetName };
  if (byAddress || !byDomain) return { options };
  return domain === byDomain.value ? { options: { ...options, sesVerifiedDomain: domain } } : { options, sourceArnDomain: byDomain.value };
}

/**
 * Units' attachments (functions/usecases/attachments.ts): signing uploads to `uploads/<agency>/*`,
 * checking and deleting them there, keeping the checked copy and reading it under
 * `attachments/<agency>/*` — each a policy of its own, attached to the functions that declare it.
 */
function attachmentAccessPolicies(stack: Stack, bucket: s3.IBucket, agencyIds: readonly string[]): Record<AttachmentGrant, iam.ManagedPolicy> {
  const bucketArn = stack.resolve(bucket.bucketArn) as { 'Fn::GetAtt': [string, string] };
  const whose = agencyIds.length === 1 ? agencyIds[0] : "the deployment's agencies";
  const make = (id: string, prefix: 'uploads' | 'attachments', actions: string[], what: string) => {
    const policy = new iam.ManagedPolicy(stack, id, {
      description: `baocao: ${what} of ${whose}`,
      statements: [new iam.PolicyStatement({ actions, resources: agencyIds.map((a) => bucket.arnForObjects(`${prefix}/${a}/*`)) })],
    });
    for (const agencyId of agencyIds) {
      Validations.of(policy).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${bucketArn['Fn::GetAtt'][0]}.${bucketArn['Fn::GetAtt'][1]}>/${prefix}/${agencyId}/*]`,
        reason:
          'Attachments are named at run time (a UUID under <prefix>/<agency>/<period>/<unit>/); the agency prefix is the narrowest ' +
          'fixed scope, the application checks the unit and the month, and the bucket policy refuses anything but TLS.',
      });
    }
    return policy;
  };
  return {
    upload: make('AttachmentUploadPolicy', 'uploads', ['s3:PutObject'], "sign units' attachment uploads"),
    check: make('AttachmentCheckPolicy', 'uploads', ['s3:GetObject', 's3:DeleteObject'], "check and refuse units' uploads"),
    keep: make('AttachmentKeepPolicy', 'attachments', ['s3:PutObject'], "keep units' checked attachments"),
    read: make('AttachmentReadPolicy', 'attachments', ['s3:GetObject'], "read units' attachments"),
  };
}
