// Deploy-time parameters: a context map (+ the agency profile file) --> readDeployConfig --> DeployConfig or DeployConfigError.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PROFILE_PATH, loadAgencyProfileFile } from '../../infra/agency-profile-file.ts';
import { CONTEXT_KEYS, DEFAULT_DEPLOY_CONFIG, DeployConfigError, LOG_RETENTION_CHOICES, readDeployConfig, stackName } from '../../infra/config.ts';

function fromContext(context: Record<string, unknown>) {
  return readDeployConfig((key) => context[key]);
}

function problemsOf(context: Record<string, unknown>): readonly string[] {
  try {
    fromContext(context);
  } catch (error) {
    if (error instanceof DeployConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a DeployConfigError');
}

/** The scalar parameters, which the first tests compare with the defaults. */
function scalars(config: ReturnType<typeof fromContext>) {
  const { stage, account, region, reportVersionRetentionDays, accessLogRetentionDays, logRetentionDays, agencyProfilePaths } = config;
  return { stage, account, region, reportVersionRetentionDays, accessLogRetentionDays, logRetentionDays, agencyProfilePaths };
}

/** A profile file in a temporary folder: the demo profile with some fields replaced. */
function profileFile(patch: (yaml: string) => string, name = 'agency.yaml'): string {
  const dir = mkdtempSync(join(tmpdir(), 'baocao-profile-'));
  const file = join(dir, name);
  const demo = loadAgencyProfileFile(DEMO_PROFILE_PATH);
  if (!demo.ok) throw new Error('demo profile invalid');
  writeFileSync(file, patch(JSON.stringify(demo.profile, null, 2)));
  return file;
}

describe('readDeployConfig', () => {
  it('gives the documented defaults when the context is empty', () => {
    const config = fromContext({});
    expect(scalars(config)).toEqual({
      stage: 'dev',
      account: undefined,
      region: 'ap-southeast-1',
      reportVersionRetentionDays: 3650,
      accessLogRetentionDays: 400,
      logRetentionDays: 400,
      agencyProfilePaths: ['infra/local/demo/agency-2024.yaml'],
    });
    expect(scalars(config)).toEqual(DEFAULT_DEPLOY_CONFIG);
  });

  it('derives the rest from the demo profile: agency, alarm emails, sender identity, sign-in prefix', () => {
    const config = fromContext({});
    expect(config.profiles[0].agencyId).toBe('skhcn-bacgiang');
    expect(config.profiles[0].units.map((u) => u.code)).toContain('QLKH');
    expect(config.alarmEmails).toEqual(['vanphong@skhcn.bacgiang.example']);
    expect(config.sesIdentities).toEqual([{ kind: 'email', value: 'baocao@skhcn.bacgiang.example' }]);
    expect(config.customDomain).toBeUndefined();
    expect(config.portalOrigin).toBeUndefined();
  });

  it('treats empty strings and null as "not given"', () => {
    expect(scalars(fromContext({ [CONTEXT_KEYS.stage]: '  ', [CONTEXT_KEYS.account]: '', [CONTEXT_KEYS.region]: null }))).toEqual(DEFAULT_DEPLOY_CONFIG);
  });

  it('parses the strings `-c key=value` passes, trimming spaces', () => {
    expect(
      scalars(
        fromContext({
          'baocao:stage': ' prod ',
          'baocao:account': '012345678901',
          'baocao:region': 'ap-southeast-7',
          'baocao:reportVersionRetentionDays': '7300',
          'baocao:accessLogRetentionDays': ' 90 ',
          'baocao:logRetentionDays': ' 731 ',
          'baocao:agencyProfile': ` ${DEMO_PROFILE_PATH} `,
        }),
      ),
    ).toEqual({
      stage: 'prod',
      account: '012345678901',
      region: 'ap-southeast-7',
      reportVersionRetentionDays: 7300,
      accessLogRetentionDays: 90,
      logRetentionDays: 731,
      agencyProfilePaths: [DEMO_PROFILE_PATH],
    });
  });

  it('accepts JSON numbers from cdk.json, keeping an account id’s leading zeros', () => {
    const config = fromContext({ 'baocao:account': 12345678901, 'baocao:reportVersionRetentionDays': 365 });
    expect(config.account).toBe('012345678901');
    expect(config.reportVersionRetentionDays).toBe(365);
  });

  it('accepts GovCloud-style region codes', () => {
    expect(fromContext({ 'baocao:region': 'us-gov-west-1' }).region).toBe('us-gov-west-1');
  });

  it.each([
    ['baocao:stage', 'Prod'],
    ['baocao:stage', 'p'],
    ['baocao:stage', 'prod-'],
    ['baocao:stage', 'a-very-long-stage-name'],
    ['baocao:stage', 42],
    ['baocao:account', '12345'],
    ['baocao:account', '1234567890123'],
    ['baocao:account', 'my-account'],
    ['baocao:region', 'singapore'],
    ['baocao:region', 'AP-SOUTHEAST-1'],
    ['baocao:reportVersionRetentionDays', '364'],
    ['baocao:reportVersionRetentionDays', '10 years'],
    ['baocao:reportVersionRetentionDays', 3650.5],
    ['baocao:reportVersionRetentionDays', 40_000],
    ['baocao:accessLogRetentionDays', '30'],
    ['baocao:accessLogRetentionDays', true],
    ['baocao:logRetentionDays', '100'],
    ['baocao:logRetentionDays', 0],
    ['baocao:agencyProfile', 'agency.txt'],
    ['baocao:alarmEmails', 'vanphong-at-example.org'],
    ['baocao:alarmEmails', ','],
    ['baocao:sesIdentity', 'not a domain'],
  ])('rejects %s = %j with a message naming the key and the value', (key, value) => {
    const problems = problemsOf({ [key]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(key);
    expect(problems[0]).toContain(typeof value === 'string' ? `"${value}"` : JSON.stringify(value));
  });

  it('reports every problem at once, in Vietnamese with an English translation', () => {
    let caught: unknown;
    try {
      fromContext({ 'baocao:stage': 'PROD', 'baocao:account': 'x', 'baocao:accessLogRetentionDays': '1' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DeployConfigError);
    const error = caught as DeployConfigError;
    expect(error.problems.map((p) => p.split(' = ')[0])).toEqual(['baocao:stage', 'baocao:account', 'baocao:accessLogRetentionDays']);
    expect(error.message).toContain('Tham số triển khai (CDK context) không hợp lệ');
    expect(error.message).toContain('Invalid deploy parameters');
    expect(error.problems[2]).toContain('cần số ngày nguyên từ 90 đến 36500');
    expect(error.problems[2]).toContain('must be a whole number of days from 90 to 36500');
    expect(error.message.normalize('NFC')).toBe(error.message);
  });
});

describe('readDeployConfig: the agency profile file', () => {
  it('refuses a stage other than dev without the agency’s own profile', () => {
    const problems = problemsOf({ 'baocao:stage': 'prod' });
    expect(problems).toEqual([expect.stringContaining('baocao:agencyProfile: stage "prod" cần tệp hồ sơ của chính cơ quan')]);
  });

  it('names a missing file', () => {
    expect(problemsOf({ 'baocao:agencyProfile': 'infra/no-such-agency.yaml' })).toEqual([
      'baocao:agencyProfile: không đọc được tệp hồ sơ cơ quan infra/no-such-agency.yaml / cannot read the agency profile file',
    ]);
  });

  it('names a file that is not YAML', () => {
    const file = profileFile(() => 'agencyId: [unclosed', 'broken.yaml');
    const [problem, ...rest] = problemsOf({ 'baocao:agencyProfile': file });
    expect(rest).toEqual([]);
    expect(problem).toMatch(/^baocao:agencyProfile: tệp .*broken\.yaml không phải YAML\/JSON hợp lệ/);
  });

  it('lists each invalid field of the profile with the schema’s own message', () => {
    const file = profileFile(
      (json) => json.replace('"agencyId": "skhcn-bacgiang"', '"agencyId": "Sở KH&CN"').replace('"submissionDeadlineDay": 20', '"submissionDeadlineDay": 40'),
      'bad.json',
    );
    const problems = problemsOf({ 'baocao:agencyProfile': file });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^baocao:agencyProfile: hồ sơ .*bad\.json, trường agencyId: agencyId: chữ thường không dấu/);
    expect(problems[1]).toMatch(/trường submissionDeadlineDay: /);
  });

  it('accepts another agency’s valid profile (JSON) and serves its agency id', () => {
    const file = profileFile((json) => json.replaceAll('skhcn-bacgiang', 'sokhcn-bacninh'), 'bacninh.json');
    const config = fromContext({ 'baocao:stage': 'prod', 'baocao:agencyProfile': file });
    expect(config.profiles[0].agencyId).toBe('sokhcn-bacninh');
  });
});

describe('readDeployConfig: email, domain and sign-in parameters', () => {
  it('takes alarm emails as a comma list (-c) or a JSON array (cdk.json)', () => {
    expect(fromContext({ 'baocao:alarmEmails': ' a@so.gov.vn, b@so.gov.vn ' }).alarmEmails).toEqual(['a@so.gov.vn', 'b@so.gov.vn']);
    expect(fromContext({ 'baocao:alarmEmails': ['c@so.gov.vn'] }).alarmEmails).toEqual(['c@so.gov.vn']);
  });

  it('accepts a sending domain that covers the profile’s from address, or the address itself', () => {
    expect(fromContext({ 'baocao:sesIdentity': 'skhcn.bacgiang.example' }).sesIdentities).toEqual([
      {
        kind: 'domain',
        value: 'skhcn.bacgiang.example',
      },
    ]);
    expect(fromContext({ 'baocao:sesIdentity': 'bacgiang.example' }).sesIdentities[0].kind).toBe('domain');
    expect(fromContext({ 'baocao:sesIdentity': 'BaoCao@skhcn.bacgiang.example' }).sesIdentities).toEqual([
      {
        kind: 'email',
        value: 'baocao@skhcn.bacgiang.example',
      },
    ]);
  });

  it('refuses a sending identity that does not cover emails.from, saying which address', () => {
    expect(problemsOf({ 'baocao:sesIdentity': 'other.gov.vn' })).toEqual([
      expect.stringContaining('không bao gồm địa chỉ gửi "baocao@skhcn.bacgiang.example"'),
    ]);
    expect(problemsOf({ 'baocao:sesIdentity': 'vanphong@skhcn.bacgiang.example' })).toHaveLength(1);
  });

  const cert = 'arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012';

  it('reads a custom domain with its certificate (us-east-1, for CloudFront), and makes it the portal origin', () => {
    const config = fromContext({ 'baocao:domainName': 'BaoCao.SKHCN.example', 'baocao:certificateArn': cert });
    expect(config.customDomain).toEqual({ domainName: 'baocao.skhcn.example', certificateArn: cert });
    expect(config.portalOrigin).toBe('https://baocao.skhcn.example');
  });

  it('wants both domain and certificate, a valid ARN, and the certificate in us-east-1 whatever the deployment region', () => {
    expect(problemsOf({ 'baocao:domainName': 'baocao.skhcn.example' })).toEqual([expect.stringContaining('cần cả hai')]);
    expect(problemsOf({ 'baocao:domainName': 'baocao.skhcn.example', 'baocao:certificateArn': 'arn:aws:acm:oops' })).toEqual([
      expect.stringContaining('cần ARN chứng chỉ ACM'),
    ]);
    expect(problemsOf({ 'baocao:domainName': 'baocao.skhcn.example', 'baocao:certificateArn': cert.replace('us-east-1', 'ap-southeast-1') })).toEqual([
      expect.stringContaining('chứng chỉ ở vùng ap-southeast-1; tên miền gắn với CloudFront, vốn chỉ nhận chứng chỉ ở us-east-1'),
    ]);
    expect(problemsOf({ 'baocao:domainName': 'not a domain', 'baocao:certificateArn': cert })).toEqual([expect.stringContaining('cần tên miền đầy đủ')]);
  });

  it('offers exactly the log retention periods CloudWatch Logs accepts', () => {
    for (const days of LOG_RETENTION_CHOICES) expect(fromContext({ 'baocao:logRetentionDays': days }).logRetentionDays).toBe(days);
    expect(problemsOf({ 'baocao:logRetentionDays': 366 })[0]).toContain('1, 3, 5, 7, 14, 30');
  });
});

describe('stackName', () => {
  it('puts the stage in the middle so stages never share a stack', () => {
    expect(stackName({ stage: 'dev' }, 'stateful')).toBe('baocao-dev-stateful');
    expect(stackName({ stage: 'prod' }, 'stateful')).toBe('baocao-prod-stateful');
  });
});
