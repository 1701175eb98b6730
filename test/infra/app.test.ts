// Whole-app synthesis as `npm run synth` does it: cdk.json context --> defineStacks --> app.synth() --> cdk-nag report.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Token, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
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
  it('synthesizes a cloud assembly with the stateful template, needing no lookups', () => {
    const { app, outdir } = buildTestApp();
    const assembly = app.synth();

    const stack = assembly.getStackByName('baocao-dev-stateful');
    const types = Object.values(stack.template['Resources'] as Record<string, { Type: string }>).map((r) => r.Type);
    expect(types.sort()).toEqual([
      'AWS::DynamoDB::Table',
      'AWS::S3::Bucket',
      'AWS::S3::Bucket',
      'AWS::S3::BucketPolicy',
      'AWS::S3::BucketPolicy',
    ]);
    expect(stack.environment.region).toBe('ap-southeast-1');
    expect(stack.environment.account).toBe('unknown-account');
    expect(stack.terminationProtection).toBe(true);
    // Context lookups would make synthesis need credentials and network; there must be none.
    expect(assembly.manifest.missing ?? []).toEqual([]);
    expect(existsSync(join(outdir, stack.templateFile))).toBe(true);
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

    const acknowledged = acknowledgements(app);
    for (const ack of acknowledged) {
      expect(ack.reason.trim().length, `${ack.id} at ${ack.path}`).toBeGreaterThanOrEqual(20);
    }
    // Today nothing needs acknowledging; a new entry here should be a reviewed decision.
    expect(acknowledged.map((a) => a.id)).toEqual([]);
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
    expect(acknowledgements(app).map((a) => a.id)).toEqual([expect.stringMatching(/(^|::)AwsSolutions-S1$/)]);
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
