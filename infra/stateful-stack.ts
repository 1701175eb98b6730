/**
 * The stateful stack: the DynamoDB table and the S3 buckets that hold the agency's records.
 * flow: infra/app.ts --> StatefulStack --> (table, reportBucket) --> the application stack
 *
 * Kept apart from the often-deployed application stack so that no change to functions, API or
 * schedules can replace or delete data. Everything here is retained when removed from the template,
 * and the stack itself has termination protection.
 */
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { DeployConfig } from './config.ts';

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
  config: Pick<DeployConfig, 'reportVersionRetentionDays' | 'accessLogRetentionDays'>;
}

export class StatefulStack extends Stack {
  /** Plan, submissions (revisions), report metadata, idempotency records: the single table. */
  readonly table: dynamodb.ITable;
  /** The compiled Excel and PDF reports: versioned, never overwritten, served by presigned links. */
  readonly reportBucket: s3.IBucket;
  /** Server access logs of the report bucket: who fetched or changed which report, and when. */
  readonly accessLogBucket: s3.IBucket;

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
          noncurrentVersionTransitions: [
            { storageClass: s3.StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(30) },
          ],
          noncurrentVersionExpiration: Duration.days(config.reportVersionRetentionDays),
        },
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
      ],
    });

    this.table = table;
    this.reportBucket = reportBucket;
    this.accessLogBucket = accessLogBucket;

    // Operators (the CLI, the runbook) need the generated names; no exportName, so these outputs
    // never pin the stack the way CloudFormation exports do.
    new CfnOutput(this, 'TableName', { value: table.tableName, description: 'Bảng DynamoDB / DynamoDB table' });
    new CfnOutput(this, 'ReportBucketName', {
      value: reportBucket.bucketName,
      description: 'Bucket báo cáo / report bucket',
    });
  }
}
