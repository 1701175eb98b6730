// Whole-app synthesis as `npm run synth` does it: cdk.json context --> defineStacks --> app.synth() --> cdk-nag report.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Token, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/api/routes.ts';
import { DEMO_PROFILE_PATH } from '../../infra/agency-profile-file.ts';
import { routeId } from '../../infra/constructs/portal-api.ts';
import { buildTestApp } from './cdk-app.ts';

interface ValidationReport {
  pluginReports: {
    pluginName: string;
    conclusion: string;
    violations: { ruleName: string; severity: string; violatingConstructs: { constructPath: string }[] }[];
  }[];
}

function readValidationReport(outdir: string): ValidationReport {
  return JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as ValidationReport;
}

/** Every Validations.of(x).acknowledge() in the tree, with where it was made and why. */
function acknowledgements(root: IConstruct): { path: string; id: string; reason: string }[] {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          path: construct.node.path,
          id,
          reason,
        })),
      ),
  );
}

describe('CDK app synthesis', () => {
  it('synthesizes the stateful and application templates, needing no lookups', () => {
    const { app, outdir } = buildTestApp();
    const assembly = app.synth();

    const stack = assembly.getStackByName('baocao-dev-stateful');
    const types = Object.values(stack.template['Resources'] as Record<string, { Type: string }>).map((r) => r.Type);
    const counts = Object.fromEntries([...new Set(types)].sort().map((t) => [t, types.filter((x) => x === t).length]));
    expect(counts).toEqual({
      'AWS::Cognito::UserPool': 1,
      // van-phong, lanh-dao and one per unit of the demo profile (7).
      'AWS::Cognito::UserPoolGroup': 10,
      'AWS::DynamoDB::Table': 1,
      // Report files (read, write) and units' attachments (upload, check, keep, read).
      'AWS::IAM::ManagedPolicy': 6,
      'AWS::S3::Bucket': 2,
      'AWS::S3::BucketPolicy': 2,
      'AWS::SES::ConfigurationSet': 1,
      'AWS::SES::ConfigurationSetEventDestination': 1,
      'AWS::SES::EmailIdentity': 1,
    });
    expect(stack.environment.region).toBe('ap-southeast-1');
    expect(stack.environment.account).toBe('unknown-account');
    expect(stack.terminationProtection).toBe(true);

    const application = assembly.getStackByName('baocao-dev-app');
    expect(application.environment.region).toBe('ap-southeast-1');
    // Deployed after the stateful stack, whose outputs it reads.
    expect(application.dependencies.map((d) => d.id)).toContain(stack.id);

    // The web ACL for CloudFront lives in us-east-1, the only region AWS WAF keeps CLOUDFRONT-scoped ACLs in;
    // the application stack reads its ARN across regions as a weak reference, after it is deployed.
    const edge = assembly.getStackByName('baocao-dev-edge');
    expect(edge.environment.region).toBe('us-east-1');
    expect(Object.values(edge.template['Resources'] as Record<string, { Type: string }>).map((r) => r.Type)).toEqual(['AWS::WAFv2::WebACL']);
    expect(application.dependencies.map((d) => d.id)).toContain(edge.id);
    const distribution = Object.values(
      application.template['Resources'] as Record<string, { Type: string; Properties: Record<string, { WebACLId?: unknown }> }>,
    ).find((r) => r.Type === 'AWS::CloudFront::Distribution')!;
    expect(distribution.Properties['DistributionConfig']!.WebACLId).toEqual({
      'Fn::GetStackOutput': expect.objectContaining({ StackName: 'baocao-dev-edge', Region: 'us-east-1' }),
    });
    // Context lookups would make synthesis need credentials and network; there must be none.
    expect(assembly.manifest.missing ?? []).toEqual([]);
    expect(existsSync(join(outdir, stack.templateFile))).toBe(true);
    expect(existsSync(join(outdir, application.templateFile))).toBe(true);
  });

  it('has no AwsSolutions (cdk-nag) findings left, and every acknowledgement carries a reason', () => {
    const { app, outdir } = buildTestApp();
    // Synthesis throws when any validation plugin reports an error, so reaching the report means it passed.
    app.synth();

    const report = readValidationReport(outdir);
    const findings = report.pluginReports.flatMap((plugin) =>
      plugin.violations.map((v) => {
        const where = v.violatingConstructs.map((c) => c.constructPath).join(', ');
        return `${plugin.pluginName} ${v.severity} ${v.ruleName} at ${where}`;
      }),
    );
    expect(findings).toEqual([]);

    const acknowledged = acknowledgements(app).map((a) => ({ ...a, id: a.id.replace(/^annotation::/i, '') }));
    for (const ack of acknowledged) {
      expect(ack.reason.trim().length, `${ack.id} at ${ack.path}`).toBeGreaterThanOrEqual(40);
    }
    // Every kind of acknowledged finding is a reviewed decision (docs/decisions.md); a new kind fails here.
    expect([...new Set(acknowledged.map((a) => a.id.replace(/\[.*\]$/, (m) => (m === '[Resource::*]' ? m : '[<report prefix>]'))))].sort()).toEqual([
      'AwsSolutions-APIG4',
      // CloudFront: no geo restriction, no third log of the same requests, the default certificate's TLSv1 (no custom domain).
      'AwsSolutions-CFR1',
      'AwsSolutions-CFR3',
      'AwsSolutions-CFR4',
      // The pool: Essentials, not Plus, and no required MFA, for the passwordless emailed code (docs/decisions.md).
      'AwsSolutions-COG2',
      'AwsSolutions-COG8',
      'AwsSolutions-IAM5[<report prefix>]',
      'AwsSolutions-IAM5[Resource::*]',
      'AwsSolutions-L1',
      // The CloudFront-to-API header, not rotated on a schedule (docs/decisions.md).
      'AwsSolutions-SMG4',
    ]);
    // Open routes: exactly those the route table leaves without the authorizer.
    const openRoutes = acknowledged.filter((a) => a.id === 'AwsSolutions-APIG4').map((a) => a.path.split('/').pop());
    expect(openRoutes.sort()).toEqual(
      [
        ...ROUTES.filter((r) => !r.authorizer).map((r) => routeId(r)),
        // $default: addresses no route matches (a not-found page or JSON error).
        'RouteDefault',
      ].sort(),
    );
    // The prefix wildcards are acknowledged only on the report and attachment policies, for this agency's prefixes.
    const prefix = acknowledged.filter((a) => a.id.startsWith('AwsSolutions-IAM5[Resource::<'));
    expect(prefix.map((a) => a.path.split('/').pop()).sort()).toEqual([
      'AttachmentCheckPolicy',
      'AttachmentKeepPolicy',
      'AttachmentReadPolicy',
      'AttachmentUploadPolicy',
      'ReportReadPolicy',
      'ReportWritePolicy',
    ]);
    for (const a of prefix) {
      expect(a.id).toMatch(/^AwsSolutions-IAM5\[Resource::<ReportBucket\w+\.Arn>\/(reports|uploads|attachments)\/skhcn-bacgiang\/\*\]$/);
      expect(a.id.includes('/reports/'), a.path).toBe(a.path.endsWith('/ReportReadPolicy') || a.path.endsWith('/ReportWritePolicy'));
    }
  });

  it('fails synthesis when a resource breaks an AwsSolutions rule (the checks are really wired in)', () => {
    const { app, outdir, stateful } = buildTestApp();
    new s3.Bucket(stateful, 'CarelessBucket');

    expect(() => app.synth()).toThrow(/AwsSolutions-S1\b/);
    const nag = readValidationReport(outdir).pluginReports.find((p) => p.pluginName === 'AwsSolutions');
    expect(nag?.conclusion).toBe('failure');
    const errors = nag?.violations.filter((v) => v.severity === 'error') ?? [];
    const careless = errors.filter((v) => v.violatingConstructs.some((c) => c.constructPath.includes('CarelessBucket')));
    expect(careless.map((v) => v.ruleName).sort()).toEqual(['AwsSolutions-S1', 'AwsSolutions-S10']);
  });

  it('accepts an acknowledged finding, so a reasoned exception does not block synthesis', () => {
    const { app, outdir, stateful } = buildTestApp();
    const bucket = new s3.Bucket(stateful, 'LoggedElsewhereBucket', { enforceSSL: true });
    Validations.of(bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'Test fixture: access logging deliberately left out to prove acknowledgements work.',
    });

    app.synth();
    expect(readValidationReport(outdir).pluginReports).toEqual([]);
    // CDK stores the id with a source prefix ("Annotation::AwsSolutions-S1"); the rule id is what matters.
    const onBucket = acknowledgements(app).filter((a) => a.path.endsWith('/LoggedElsewhereBucket'));
    expect(onBucket.map((a) => a.id)).toEqual([expect.stringMatching(/(^|::)AwsSolutions-S1$/)]);
  });
});

describe('CDK app wiring of deploy parameters', () => {
  it('by default: stack baocao-dev-stateful in ap-southeast-1, account-agnostic, tagged', () => {
    const { stateful } = buildTestApp();
    expect(stateful.stackName).toBe('baocao-dev-stateful');
    expect(stateful.region).toBe('ap-southeast-1');
    expect(Token.isUnresolved(stateful.account)).toBe(true);
    expect(stateful.resolve(stateful.account)).toEqual({ Ref: 'AWS::AccountId' });
    Template.fromStack(stateful).hasResourceProperties('AWS::DynamoDB::Table', {
      Tags: Match.arrayWith([
        { Key: 'project', Value: 'baocao' },
        { Key: 'stage', Value: 'dev' },
      ]),
    });
  });

  it('applies stage, account, region and retention given with -c (as strings, the way the CLI passes them)', () => {
    const { stateful, config } = buildTestApp({
      'baocao:stage': 'prod',
      'baocao:account': '123456789012',
      'baocao:region': 'ap-southeast-2',
      'baocao:reportVersionRetentionDays': '7300',
      'baocao:accessLogRetentionDays': '730',
      'baocao:agencyProfile': DEMO_PROFILE_PATH,
    });
    expect(config.reportVersionRetentionDays).toBe(7300);
    expect(stateful.stackName).toBe('baocao-prod-stateful');
    expect(stateful.account).toBe('123456789012');
    expect(stateful.region).toBe('ap-southeast-2');
    const template = Template.fromStack(stateful);
    template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([Match.objectLike({ NoncurrentVersionExpiration: { NoncurrentDays: 7300 } })]),
      },
    });
    template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ ExpirationInDays: 730 })]) },
    });
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      Tags: Match.arrayWith([{ Key: 'stage', Value: 'prod' }]),
    });
  });

  it('refuses invalid context before building anything, naming each bad key', () => {
    expect(() => buildTestApp({ 'baocao:stage': 'Prod!', 'baocao:reportVersionRetentionDays': '30' })).toThrow(
      /baocao:stage[\s\S]*baocao:reportVersionRetentionDays/,
    );
  });
});
