// CDK assertions on the stateful stack: DeployConfig --> StatefulStack --> synthesized template.
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { CfnTable } from 'aws-cdk-lib/aws-dynamodb';
import type { CfnBucket } from 'aws-cdk-lib/aws-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLE_SCHEMA, type StatefulStack } from '../../infra/stateful-stack.ts';
import { buildStatefulStack, testConfig } from './cdk-app.ts';

function logicalIdOfBucket(stack: StatefulStack, which: 'reportBucket' | 'accessLogBucket'): string {
  return stack.getLogicalId(stack[which].node.defaultChild as CfnBucket);
}

type Resource = { Type: string; Properties?: Record<string, unknown>; DeletionPolicy?: string };

describe('StatefulStack (default config)', () => {
  let stack: StatefulStack;
  let template: Template;
  let reportBucketId: string;
  let accessLogBucketId: string;

  beforeAll(() => {
    stack = buildStatefulStack();
    template = Template.fromStack(stack);
    reportBucketId = logicalIdOfBucket(stack, 'reportBucket');
    accessLogBucketId = logicalIdOfBucket(stack, 'accessLogBucket');
  });

  describe('DynamoDB table', () => {
    it('is the only table, with PK/SK string keys', () => {
      template.resourceCountIs('AWS::DynamoDB::Table', 1);
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        KeySchema: [
          { AttributeName: 'PK', KeyType: 'HASH' },
          { AttributeName: 'SK', KeyType: 'RANGE' },
        ],
        AttributeDefinitions: Match.arrayWith([
          { AttributeName: 'PK', AttributeType: 'S' },
          { AttributeName: 'SK', AttributeType: 'S' },
          { AttributeName: 'GSI1PK', AttributeType: 'S' },
          { AttributeName: 'GSI1SK', AttributeType: 'S' },
        ]),
      });
      expect(TABLE_SCHEMA.partitionKey).toBe('PK');
      expect(TABLE_SCHEMA.sortKey).toBe('SK');
    });

    it('has exactly one GSI, GSI1 on GSI1PK/GSI1SK, projecting all attributes', () => {
      const tables = Object.values(template.findResources('AWS::DynamoDB::Table')) as Resource[];
      const indexes = tables[0]?.Properties?.['GlobalSecondaryIndexes'];
      expect(indexes).toEqual([
        {
          IndexName: 'GSI1',
          KeySchema: [
            { AttributeName: 'GSI1PK', KeyType: 'HASH' },
            { AttributeName: 'GSI1SK', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ]);
    });

    it('expires items through the expiresAt TTL attribute', () => {
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      });
    });

    it('bills on demand, with point-in-time recovery and deletion protection on', () => {
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 35 },
        DeletionProtectionEnabled: true,
      });
    });

    it('is encrypted with the AWS-managed KMS key (SSE enabled, no customer key)', () => {
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        SSESpecification: { SSEEnabled: true, KMSMasterKeyId: Match.absent() },
      });
      template.resourceCountIs('AWS::KMS::Key', 0);
    });

    it('is retained on delete and on replacement', () => {
      template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    });
  });

  describe('report bucket', () => {
    it('is versioned and encrypted with SSE-S3', () => {
      template.hasResource('AWS::S3::Bucket', {
        Properties: Match.objectLike({
          VersioningConfiguration: { Status: 'Enabled' },
          BucketEncryption: {
            ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
          },
        }),
      });
      const report = template.toJSON()['Resources'][reportBucketId] as Resource;
      expect(report.Properties?.['VersioningConfiguration']).toEqual({ Status: 'Enabled' });
    });

    it('logs server access to the access-log bucket', () => {
      const report = template.toJSON()['Resources'][reportBucketId] as Resource;
      expect(report.Properties?.['LoggingConfiguration']).toEqual({
        DestinationBucketName: { Ref: accessLogBucketId },
        LogFilePrefix: 'report-bucket/',
      });
    });

    it('never expires current versions (but unchecked uploads) and keeps noncurrent versions for ten years', () => {
      const report = template.toJSON()['Resources'][reportBucketId] as Resource;
      const all = (report.Properties?.['LifecycleConfiguration'] as { Rules: Record<string, unknown>[] }).Rules;
      // Units' uploads wait under uploads/ for the content check only: gone the next day, current or not.
      expect(all.filter((r) => r['Prefix'] !== undefined)).toEqual([
        { Id: 'expire-unchecked-uploads', Prefix: 'uploads/', Status: 'Enabled', ExpirationInDays: 1, NoncurrentVersionExpiration: { NoncurrentDays: 1 } },
      ]);
      const rules = all.filter((r) => r['Prefix'] === undefined);
      for (const rule of rules) {
        expect(rule['ExpirationInDays'], `rule ${String(rule['Id'])}`).toBeUndefined();
        expect(rule['ExpirationDate'], `rule ${String(rule['Id'])}`).toBeUndefined();
      }
      expect(rules).toContainEqual({
        Id: 'keep-noncurrent-versions-long',
        Status: 'Enabled',
        NoncurrentVersionExpiration: { NoncurrentDays: 3650 },
        NoncurrentVersionTransitions: [{ StorageClass: 'STANDARD_IA', TransitionInDays: 30 }],
      });
      expect(rules).toContainEqual({
        Id: 'abort-incomplete-uploads',
        Status: 'Enabled',
        AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
      });
    });
    it('lets the portal post attachments from the browser, and nothing else cross-origin', () => {
      const report = template.toJSON()['Resources'][reportBucketId] as Resource;
      expect(report.Properties?.['CorsConfiguration']).toEqual({
        CorsRules: [{ AllowedMethods: ['POST'], AllowedOrigins: ['https://*.cloudfront.net'], AllowedHeaders: ['*'], MaxAge: 3600 }],
      });
    });
  });

  describe('access-log bucket', () => {
    it('uses SSE-S3 (the only encryption S3 log delivery writes to) and expires logs after 400 days', () => {
      const logs = template.toJSON()['Resources'][accessLogBucketId] as Resource;
      expect(logs.Properties?.['BucketEncryption']).toEqual({
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      });
      expect(logs.Properties?.['LifecycleConfiguration']).toEqual({
        Rules: expect.arrayContaining([{ Id: 'expire-access-logs', Status: 'Enabled', ExpirationInDays: 400 }]),
      });
    });

    it('lets S3 log delivery write only the report bucket’s logs, from this account', () => {
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: accessLogBucketId },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Allow',
              Principal: { Service: 'logging.s3.amazonaws.com' },
              Action: 's3:PutObject',
              Condition: {
                ArnLike: { 'aws:SourceArn': { 'Fn::GetAtt': [reportBucketId, 'Arn'] } },
                StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
              },
            }),
          ]),
        },
      });
    });
  });

  describe('both buckets', () => {
    it('are exactly two, each blocking all public access with ACLs disabled', () => {
      const buckets = Object.values(template.findResources('AWS::S3::Bucket')) as Resource[];
      expect(buckets).toHaveLength(2);
      for (const bucket of buckets) {
        expect(bucket.Properties?.['PublicAccessBlockConfiguration']).toEqual({
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        });
        expect(bucket.Properties?.['OwnershipControls']).toEqual({
          Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }],
        });
      }
    });

    it('are retained on delete and on replacement', () => {
      const buckets = template.findResources('AWS::S3::Bucket');
      for (const [id, bucket] of Object.entries(buckets)) {
        expect(bucket, id).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
      }
    });

    it.each(['reportBucket', 'accessLogBucket'] as const)(
      '%s denies every request not made over TLS (aws:SecureTransport false) and below TLS 1.2',
      (which) => {
        const bucketId = logicalIdOfBucket(stack, which);
        const bucketAndObjects = [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/*']] }];
        template.hasResourceProperties('AWS::S3::BucketPolicy', {
          Bucket: { Ref: bucketId },
          PolicyDocument: {
            Statement: Match.arrayWith([
              {
                Effect: 'Deny',
                Principal: { AWS: '*' },
                Action: 's3:*',
                Condition: { Bool: { 'aws:SecureTransport': 'false' } },
                Resource: bucketAndObjects,
              },
              {
                Effect: 'Deny',
                Principal: { AWS: '*' },
                Action: 's3:*',
                Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } },
                Resource: bucketAndObjects,
              },
            ]),
          },
        });
      },
    );
  });

  describe('the stack itself', () => {
    it('is termination-protected and holds no IAM roles or functions (nothing here is redeployed often)', () => {
      expect(stack.terminationProtection).toBe(true);
      template.resourceCountIs('AWS::IAM::Role', 0);
      template.resourceCountIs('AWS::Lambda::Function', 0);
    });

    it('outputs the generated table and report-bucket names for operators, without exports', () => {
      const tableId = stack.getLogicalId(stack.table.node.defaultChild as CfnTable);
      template.hasOutput('TableName', { Value: { Ref: tableId }, Export: Match.absent() });
      template.hasOutput('ReportBucketName', { Value: { Ref: reportBucketId }, Export: Match.absent() });
    });
  });
});

describe('StatefulStack (retention from config)', () => {
  it('uses the configured retention for noncurrent report versions and access logs', () => {
    const stack = buildStatefulStack({ reportVersionRetentionDays: 7300, accessLogRetentionDays: 730 });
    const resources = Template.fromStack(stack).toJSON()['Resources'] as Record<string, Resource>;
    const rulesOf = (which: 'reportBucket' | 'accessLogBucket') =>
      (resources[logicalIdOfBucket(stack, which)]?.Properties?.['LifecycleConfiguration'] as { Rules: unknown[] }).Rules;
    expect(rulesOf('reportBucket')).toContainEqual(expect.objectContaining({ NoncurrentVersionExpiration: { NoncurrentDays: 7300 } }));
    expect(rulesOf('accessLogBucket')).toContainEqual(expect.objectContaining({ Id: 'expire-access-logs', ExpirationInDays: 730 }));
  });
});

describe('StatefulStack: user pool', () => {
  let template: Template;
  beforeAll(() => {
    template = Template.fromStack(buildStatefulStack());
  });

  it('is retained, deletion-protected, invitation-only, Essentials tier with the emailed code (EMAIL_OTP) as first factor and no threat-protection add-on', () => {
    template.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      DeletionProtection: 'ACTIVE',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'OFF',
      UserPoolTier: 'ESSENTIALS',
      UserPoolAddOns: Match.absent(),
      UsernameAttributes: ['email'],
      Policies: {
        SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] },
        PasswordPolicy: Match.objectLike({
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
    });
  });

  it('emails through SES from the home agency’s sender and its measured configuration set, in Vietnamese', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      EmailConfiguration: {
        EmailSendingAccount: 'DEVELOPER',
        From: 'baocao@skhcn.bacgiang.example',
        ConfigurationSet: { Ref: Match.stringLikeRegexp('^MailConfigurationSet') },
        SourceArn: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp(':identity/baocao@skhcn.bacgiang.example$')])] },
      },
      EmailAuthenticationSubject: Match.stringLikeRegexp('^Mã đăng nhập'),
      EmailAuthenticationMessage: Match.stringLikeRegexp('\\{####\\}'),
      VerificationMessageTemplate: Match.objectLike({ EmailSubject: Match.stringLikeRegexp('^Mã xác minh') }),
    });
    // The portal sends its own invitation (people use case); Cognito's is suppressed, so it has no template.
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true, InviteMessageTemplate: Match.absent() },
    });
  });

  it('has one group per role, one per unit of the profile and one for the agency, named as core/auth.ts reads them', () => {
    const groups = Object.values(template.findResources('AWS::Cognito::UserPoolGroup')).map((g) => (g as Resource).Properties?.['GroupName']);
    const units = testConfig().profiles[0].units.map((u) => `unit-${u.code}`);
    expect(groups.sort()).toEqual(['lanh-dao', 'van-phong', `agency-${testConfig().profiles[0].agencyId}`, ...units].sort());
    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'unit-QLKH', Description: 'Phòng Quản lý Khoa học' });
  });
});

describe('StatefulStack: mail identity', () => {
  it('verifies the profile’s sender address and sends every message through the measured configuration set', () => {
    const template = Template.fromStack(buildStatefulStack());
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'baocao@skhcn.bacgiang.example',
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: Match.stringLikeRegexp('^MailConfigurationSet') } },
    });
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: ['send', 'delivery', 'bounce', 'reject', 'complaint', 'renderingFailure', 'deliveryDelay'],
        CloudWatchDestination: {
          DimensionConfigurations: [{ DimensionName: 'ses:configuration-set', DimensionValueSource: 'messageTag', DefaultDimensionValue: 'baocao' }],
        },
      },
    });
    template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
      ReputationOptions: { ReputationMetricsEnabled: true },
    });
  });

  it('signs with Easy DKIM and outputs the three DNS records when the identity is a domain', () => {
    const stack = buildStatefulStack({ sesIdentities: [{ kind: 'domain', value: 'skhcn.bacgiang.example' }] });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'skhcn.bacgiang.example',
      DkimAttributes: { SigningEnabled: true },
    });
    expect(Object.keys(template.findOutputs('*')).filter((k) => k.startsWith('DkimRecord'))).toHaveLength(3);
  });
});

describe('StatefulStack: report access policies', () => {
  it('grant one action each, only under reports/<agency>/ of the report bucket', () => {
    const stack = buildStatefulStack();
    const template = Template.fromStack(stack);
    const bucketId = stack.getLogicalId(stack.reportBucket.node.defaultChild as CfnBucket);
    const objects = { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/reports/skhcn-bacgiang/*']] };
    for (const action of ['s3:GetObject', 's3:PutObject']) {
      template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
        PolicyDocument: { Statement: [{ Effect: 'Allow', Action: action, Resource: objects }] },
      });
    }
    // And four for units' attachments, each on its own prefix (uploads/ or attachments/ of the agency).
    for (const [prefix, actions] of [
      ['uploads', 's3:PutObject'],
      ['uploads', ['s3:DeleteObject', 's3:GetObject']],
      ['attachments', 's3:PutObject'],
      ['attachments', 's3:GetObject'],
    ] as const) {
      template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
        PolicyDocument: {
          Statement: [
            { Effect: 'Allow', Action: actions, Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, `/${prefix}/skhcn-bacgiang/*`]] } },
          ],
        },
      });
    }
    template.resourceCountIs('AWS::IAM::ManagedPolicy', 6);
  });
});
