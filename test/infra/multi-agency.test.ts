// One deployment, several agencies: profile files --> config --> groups, schedules, IAM patterns and senders per agency.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import YAML from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PROFILE_PATH, PROJECT_ROOT } from '../../infra/agency-profile-file.ts';
import { DeployConfigError, readDeployConfig } from '../../infra/config.ts';
import { scheduleName } from '../../infra/constructs/job-schedules.ts';
import { MAX_AGENCIES } from '../../infra/deploy-agencies.ts';
import { buildTestApp, type TestApp } from './cdk-app.ts';

const HATINH_EXAMPLE = 'docs/examples/agency-hatinh-2021.yaml';
/** In neither deployment below: nothing of it may appear in any template. */
const OUTSIDER = 'vpubnd-bacgiang';

type Resource = { Type: string; Properties: Record<string, unknown> };
type Statement = { Sid?: string; Action: string | string[]; Resource: unknown; Condition?: Record<string, Record<string, string[]>> };

/** A profile file in a temporary folder: `base` with some fields changed. */
function profileFile(base: string, change: (profile: Record<string, unknown>) => void): string {
  const profile = YAML.parse(readFileSync(join(PROJECT_ROOT, base), 'utf8')) as Record<string, unknown>;
  change(profile);
  const file = join(mkdtempSync(join(tmpdir(), 'baocao-agency-')), 'agency.yaml');
  writeFileSync(file, YAML.stringify(profile));
  return file;
}

/** Hà Tĩnh with a deadline and time zone of its own, so its schedules differ from the demo's. */
const hatinh = profileFile(HATINH_EXAMPLE, (p) => {
  p['submissionDeadlineDay'] = 18;
  p['timeZone'] = 'Asia/Bangkok';
});

function problemsOf(context: Record<string, unknown>): readonly string[] {
  try {
    readDeployConfig((key) => context[key]);
  } catch (error) {
    if (error instanceof DeployConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a DeployConfigError');
}

function statementsOf(template: Template): Statement[] {
  return Object.values(template.findResources('AWS::IAM::Policy') as Record<string, Resource>).flatMap(
    (p) => (p.Properties['PolicyDocument'] as { Statement: Statement[] }).Statement,
  );
}

describe('config: several agency profiles', () => {
  it('reads a comma list (-c) or a JSON array (cdk.json); the first is the home agency', () => {
    for (const given of [`${DEMO_PROFILE_PATH}, ${HATINH_EXAMPLE}`, [DEMO_PROFILE_PATH, HATINH_EXAMPLE]]) {
      const config = readDeployConfig((key) => ({ 'baocao:agencyProfiles': given })[key]);
      expect(config.profiles.map((p) => p.agencyId)).toEqual(['skhcn-bacgiang', 'skhcn-hatinh']);
      expect(config.agencyProfilePaths).toEqual([DEMO_PROFILE_PATH, HATINH_EXAMPLE]);
      // Each agency sends from its own address: one identity each, unless a covering domain is given.
      expect(config.sesIdentities.map((i) => i.value)).toEqual(['baocao@skhcn.bacgiang.example', 'baocao@skhcn.hatinh.example.vn']);
      expect(config.alarmEmails).toEqual(['vanphong@skhcn.bacgiang.example']);
    }
  });

  it('refuses an agency given twice, naming its id and both files', () => {
    const copy = profileFile(DEMO_PROFILE_PATH, (p) => {
      p['name'] = 'Sở Khoa học và Công nghệ (bản sao)';
    });
    expect(problemsOf({ 'baocao:agencyProfiles': [DEMO_PROFILE_PATH, HATINH_EXAMPLE, copy] })).toEqual([
      `baocao:agencyProfiles: cơ quan "skhcn-bacgiang" có trong 2 tệp hồ sơ (${DEMO_PROFILE_PATH}, ${copy}); mỗi cơ quan chỉ một tệp / ` +
        `agencyId "skhcn-bacgiang" is in 2 profile files (${DEMO_PROFILE_PATH}, ${copy}); one file per agency`,
    ]);
  });

  it('refuses both keys at once, an empty list, and more agencies than IAM policies hold', () => {
    expect(problemsOf({ 'baocao:agencyProfile': DEMO_PROFILE_PATH, 'baocao:agencyProfiles': HATINH_EXAMPLE })).toEqual([
      expect.stringContaining('chỉ dùng một trong hai'),
    ]);
    for (const empty of [' , ', []])
      expect(problemsOf({ 'baocao:agencyProfiles': empty })).toEqual([expect.stringMatching(/^baocao:agencyProfiles = .*: cần/)]);
    expect(problemsOf({ 'baocao:agencyProfiles': 'a.yaml,b.txt' })).toEqual([expect.stringMatching(/^baocao:agencyProfiles = "a\.yaml,b\.txt": cần/)]);
    const many = Array.from({ length: MAX_AGENCIES + 1 }, (_, i) => `infra/agencies/a${i}.yaml`);
    expect(problemsOf({ 'baocao:agencyProfiles': many })[0]).toContain(`tối đa ${MAX_AGENCIES}`);
  });

  it('wants every agency’s sender covered by a given SES identity', () => {
    const context = { 'baocao:agencyProfiles': [DEMO_PROFILE_PATH, HATINH_EXAMPLE] };
    expect(problemsOf({ ...context, 'baocao:sesIdentity': 'bacgiang.example' })).toEqual([
      expect.stringContaining('không bao gồm địa chỉ gửi "baocao@skhcn.hatinh.example.vn" trong emails.from của hồ sơ "skhcn-hatinh"'),
    ]);
    const domains: Record<string, unknown> = { ...context, 'baocao:sesIdentity': 'bacgiang.example,hatinh.example.vn' };
    const config = readDeployConfig((key) => domains[key]);
    expect(config.sesIdentities).toEqual([
      { kind: 'domain', value: 'bacgiang.example' },
      { kind: 'domain', value: 'hatinh.example.vn' },
    ]);
  });
});

describe('a deployment of two agencies', () => {
  let built: TestApp;
  let stateful: Template;
  let application: Template;
  let schedules: Template;

  beforeAll(() => {
    built = buildTestApp({ 'baocao:agencyProfiles': [DEMO_PROFILE_PATH, hatinh] });
    // Synthesis runs cdk-nag: it throws on any finding not acknowledged.
    built.app.synth();
    stateful = Template.fromStack(built.stateful);
    application = Template.fromStack(built.application);
    schedules = Template.fromStack(built.application.scheduleStack);
  });

  it('has both agencies’ groups, the role groups once, and each unit code once', () => {
    const names = Object.values(stateful.findResources('AWS::Cognito::UserPoolGroup') as Record<string, Resource>).map((g) => g.Properties['GroupName']);
    expect(new Set(names).size).toBe(names.length);
    const units = new Set([...built.config.profiles.flatMap((p) => p.units.map((u) => `unit-${u.code}`))]);
    expect([...names].sort()).toEqual(['van-phong', 'lanh-dao', 'agency-skhcn-bacgiang', 'agency-skhcn-hatinh', ...units].sort());
  });

  it('schedules each agency in its own group, with its own deadlines and time zone, the event naming the agency', () => {
    const groups = Object.values(schedules.findResources('AWS::Scheduler::ScheduleGroup') as Record<string, Resource>).map((g) => g.Properties['Name']);
    expect(groups.sort()).toEqual(['baocao-dev-jobs-skhcn-bacgiang', 'baocao-dev-jobs-skhcn-hatinh']);
    const all = Object.values(schedules.findResources('AWS::Scheduler::Schedule') as Record<string, Resource>).map((s) => s.Properties);
    const of = (agencyId: string) => all.filter((s) => (JSON.parse((s['Target'] as { Input: string }).Input) as { agencyId: string }).agencyId === agencyId);
    const demo = of('skhcn-bacgiang');
    const other = of('skhcn-hatinh');
    expect(demo.length + other.length).toBe(all.length);
    expect(demo.find((s) => s['Name'] === 'remind-monthly')).toMatchObject({
      ScheduleExpression: 'cron(0 8 17,20 * ? *)',
      ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
    });
    // Deadline the 18th: reminders on the 15th and 18th, the monthly compile on the 19th, in Bangkok time.
    // Names unique in the deployment (CloudFormation knows a schedule by its name alone).
    expect(other.map((s) => s['Name'])).toEqual(demo.map((s) => `skhcn-hatinh-${s['Name'] as string}`));
    expect(other.find((s) => s['Name'] === 'skhcn-hatinh-remind-monthly')).toMatchObject({
      ScheduleExpression: 'cron(0 8 15,18 * ? *)',
      ScheduleExpressionTimezone: 'Asia/Bangkok',
    });
    expect(other.find((s) => s['Name'] === 'skhcn-hatinh-compile-monthly')?.['ScheduleExpression']).toBe('cron(0 8 19 * ? *)');
    expect(other.every((s) => s['ScheduleExpressionTimezone'] === 'Asia/Bangkok')).toBe(true);
    // One scheduler role for both: it invokes the same three job functions.
    expect(
      Object.keys(schedules.findResources('AWS::IAM::Role', { Properties: { Description: 'baocao: EventBridge Scheduler invokes the job functions' } })),
    ).toHaveLength(1);
  });

  it('lets functions reach both agencies’ partitions, and nothing of a third', () => {
    const statements = statementsOf(application);
    const reads = statements.filter((s) => s.Sid === 'ReadAgencyItems');
    expect(reads.length).toBeGreaterThan(0);
    for (const s of reads) {
      expect(s.Condition).toEqual({
        'ForAllValues:StringLike': {
          'dynamodb:LeadingKeys': ['AGENCY#skhcn-bacgiang', 'AGENCY#skhcn-bacgiang#*', 'AGENCY#skhcn-hatinh', 'AGENCY#skhcn-hatinh#*'],
        },
      });
    }
    const deliver = built.application.functions.get('jobs/deliver.ts#handler')!;
    const roleId = built.application.getLogicalId(deliver.fn.role!.node.defaultChild as never);
    const writes = Object.values(application.findResources('AWS::IAM::Policy') as Record<string, Resource>)
      .filter((p) => (p.Properties['Roles'] as { Ref: string }[]).some((r) => r.Ref === roleId))
      .flatMap((p) => (p.Properties['PolicyDocument'] as { Statement: Statement[] }).Statement)
      .find((s) => s.Sid === 'WriteOwnPartitions');
    expect(writes?.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys']).toEqual(
      ['skhcn-bacgiang', 'skhcn-hatinh'].flatMap((a) => [
        `AGENCY#${a}#JOB#*`,
        `AGENCY#${a}#DELIVERY#*`,
        `AGENCY#${a}#PERIOD#*`,
        `AGENCY#${a}#REPORTS#*`,
        `AGENCY#${a}#REGISTER#*#*`,
      ]),
    );
    const registry = statements.filter((s) => s.Sid === 'ReadAgencyRegistry');
    // The province's view and page, and the compiles (API, scheduled, delivery's) that may be a province office's roll-up.
    expect(registry).toHaveLength(5);
    for (const s of registry) expect(s.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['AGENCIES'] } });
    for (const template of [stateful, application]) {
      const text = JSON.stringify(template.toJSON());
      expect(text).not.toContain(OUTSIDER);
      // Every agency pattern and report prefix names one of the two.
      for (const [, id] of text.matchAll(/AGENCY#([a-z0-9-]+)/g)) expect(['skhcn-bacgiang', 'skhcn-hatinh']).toContain(id);
      for (const [, id] of text.matchAll(/reports\/([a-z0-9-]+)\//g)) expect(['skhcn-bacgiang', 'skhcn-hatinh']).toContain(id);
    }
  });

  it('grants report files under each agency’s prefix, acknowledged prefix by prefix; sends through both senders', () => {
    const all = Object.values(stateful.findResources('AWS::IAM::ManagedPolicy') as Record<string, Resource>);
    // Two for report files, four for units' attachments (uploads/ and attachments/ of each agency).
    expect(all).toHaveLength(6);
    const prefixesOf = (p: Resource) =>
      ((p.Properties['PolicyDocument'] as { Statement: Statement[] }).Statement[0]!.Resource as { 'Fn::Join': [string, unknown[]] }[]).map((r) =>
        String(r['Fn::Join'][1].at(-1)),
      );
    const attachments = all.filter((p) => !prefixesOf(p)[0]!.startsWith('/reports/'));
    expect(attachments).toHaveLength(4);
    for (const p of attachments) {
      const prefix = prefixesOf(p)[0]!.split('/')[1];
      expect(['uploads', 'attachments']).toContain(prefix);
      expect(prefixesOf(p)).toEqual([`/${prefix}/skhcn-bacgiang/*`, `/${prefix}/skhcn-hatinh/*`]);
    }
    const policies = all.filter((p) => prefixesOf(p)[0]!.startsWith('/reports/'));
    for (const p of policies) {
      const [statement] = (p.Properties['PolicyDocument'] as { Statement: Statement[] }).Statement;
      const resources = (statement!.Resource as { 'Fn::Join': [string, unknown[]] }[]).map((r) => r['Fn::Join'][1].at(-1));
      expect(resources).toEqual(['/reports/skhcn-bacgiang/*', '/reports/skhcn-hatinh/*']);
      expect(p.Properties['Description']).toContain("the deployment's agencies");
    }
    const identities = Object.values(stateful.findResources('AWS::SES::EmailIdentity') as Record<string, Resource>).map((i) => i.Properties['EmailIdentity']);
    expect(identities.sort()).toEqual(['baocao@skhcn.bacgiang.example', 'baocao@skhcn.hatinh.example.vn']);
    const send = statementsOf(application).filter((s) => s.Sid === 'SendEmail');
    // The three mail jobs (reminders, delivery, the leaders' digest), the invitation, Văn phòng's "remind now",
    // "Gửi UBND tỉnh ngay" and the submit's receipt (Cognito emails the sign-in codes).
    expect(send).toHaveLength(7);
    for (const s of send) {
      const targets = (s.Resource as unknown[]).map((r) => JSON.stringify(r).match(/:(identity\/[^"]+|configuration-set\/)/)?.[1]);
      expect(targets.sort()).toEqual(['configuration-set/', 'identity/baocao@skhcn.bacgiang.example', 'identity/baocao@skhcn.hatinh.example.vn']);
    }
  });

  it('sets AGENCY_ID to the home agency (the revocation list’s partition), on every function', () => {
    const functions = Object.values(application.findResources('AWS::Lambda::Function') as Record<string, Resource>);
    const ids = functions.map((f) => (f.Properties['Environment'] as { Variables: Record<string, unknown> }).Variables['AGENCY_ID']);
    expect(new Set(ids)).toEqual(new Set(['skhcn-bacgiang']));
  });
});

describe(`${MAX_AGENCIES} agencies, the most a deployment takes`, () => {
  it('keep every role’s inline policies and each report policy within IAM’s size limits, and the stack within 500 resources', () => {
    // Ids of the greatest length the schema allows, so every pattern is as long as it can be.
    const files = Array.from({ length: MAX_AGENCIES }, (_, i) =>
      profileFile(HATINH_EXAMPLE, (p) => {
        p['agencyId'] = `so-${String(i).padStart(2, '0')}-${'x'.repeat(57)}`;
      }),
    );
    const { stateful, application } = buildTestApp({ 'baocao:agencyProfiles': files, 'baocao:sesIdentity': 'hatinh.example.vn' });
    // IAM counts characters without whitespace; the tokens (ARNs to be resolved) stand in for real ARNs of similar length.
    const size = (document: unknown) => JSON.stringify(document).length;
    const byRole = new Map<string, number>();
    for (const p of Object.values(Template.fromStack(application).findResources('AWS::IAM::Policy') as Record<string, Resource>)) {
      for (const role of p.Properties['Roles'] as { Ref: string }[]) {
        byRole.set(role.Ref, (byRole.get(role.Ref) ?? 0) + size(p.Properties['PolicyDocument']));
      }
    }
    expect(Math.max(...byRole.values())).toBeLessThan(10_240);
    // Beyond the size limit CDK would move statements to overflow managed policies: none besides the stack's own.
    expect(Object.keys(Template.fromStack(application).findResources('AWS::IAM::ManagedPolicy'))).toHaveLength(1);
    // CloudFormation takes 500 resources a stack: the routes' functions in the application stack, and
    // each agency's schedule group and schedules (12 by default) in the schedules' nested stack.
    expect(Object.keys(Template.fromStack(application).toJSON()['Resources']).length).toBeLessThan(500);
    expect(Object.keys(Template.fromStack(application.scheduleStack).toJSON()['Resources']).length).toBeLessThan(500);
    for (const p of Object.values(Template.fromStack(stateful).findResources('AWS::IAM::ManagedPolicy') as Record<string, Resource>)) {
      expect(size(p.Properties['PolicyDocument'])).toBeLessThan(6_144);
    }
  });
});

describe('schedule names of the other agencies', () => {
  it('are "<agencyId>-<definition>", cut with a hash when the id is too long, within 64 characters', () => {
    expect(scheduleName('skhcn-hatinh', 'deliver-nine-months')).toBe('skhcn-hatinh-deliver-nine-months');
    const long = `so-${'x'.repeat(60)}`;
    const [a, b] = [scheduleName(long, 'deliver-nine-months'), scheduleName(`${long.slice(0, -1)}y`, 'deliver-nine-months')];
    expect(a).toMatch(/^so-x+-[0-9a-f]{8}-deliver-nine-months$/);
    expect(a).toHaveLength(64);
    expect(a).not.toBe(b);
  });
});

describe('a single profile', () => {
  it('synthesizes the same templates whether given as baocao:agencyProfile or as a one-element baocao:agencyProfiles', () => {
    const one = buildTestApp({ 'baocao:agencyProfile': DEMO_PROFILE_PATH });
    const list = buildTestApp({ 'baocao:agencyProfiles': DEMO_PROFILE_PATH });
    for (const stack of ['stateful', 'application'] as const) {
      expect(Template.fromStack(list[stack]).toJSON()).toEqual(Template.fromStack(one[stack]).toJSON());
    }
    const stateful = Template.fromStack(one.stateful);
    stateful.hasResourceProperties('AWS::IAM::ManagedPolicy', { Description: 'baocao: read report files of skhcn-bacgiang (downloads, delivery attachments)' });
    // The schedule group keeps its logical id (a renamed one would be created before the old is gone, under the same name).
    expect(Object.keys(Template.fromStack(one.application.scheduleStack).findResources('AWS::Scheduler::ScheduleGroup'))).toEqual([
      expect.stringMatching(/^SchedulesGroup[0-9A-F]{8}$/),
    ]);
  });
});
