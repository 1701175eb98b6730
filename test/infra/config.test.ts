// Deploy-time parameters: a context map --> readDeployConfig --> DeployConfig or DeployConfigError.
import { describe, expect, it } from 'vitest';
import {
  CONTEXT_KEYS,
  DEFAULT_DEPLOY_CONFIG,
  DeployConfigError,
  readDeployConfig,
  stackName,
} from '../../infra/config.ts';

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

describe('readDeployConfig', () => {
  it('gives the documented defaults when the context is empty', () => {
    expect(fromContext({})).toEqual({
      stage: 'dev',
      account: undefined,
      region: 'ap-southeast-1',
      reportVersionRetentionDays: 3650,
      accessLogRetentionDays: 400,
    });
    expect(fromContext({})).toEqual(DEFAULT_DEPLOY_CONFIG);
  });

  it('treats empty strings and null as "not given"', () => {
    expect(fromContext({ [CONTEXT_KEYS.stage]: '  ', [CONTEXT_KEYS.account]: '', [CONTEXT_KEYS.region]: null })).toEqual(
      DEFAULT_DEPLOY_CONFIG,
    );
  });

  it('parses the strings `-c key=value` passes, trimming spaces', () => {
    expect(
      fromContext({
        'baocao:stage': ' prod ',
        'baocao:account': '012345678901',
        'baocao:region': 'ap-southeast-7',
        'baocao:reportVersionRetentionDays': '7300',
        'baocao:accessLogRetentionDays': ' 90 ',
      }),
    ).toEqual({
      stage: 'prod',
      account: '012345678901',
      region: 'ap-southeast-7',
      reportVersionRetentionDays: 7300,
      accessLogRetentionDays: 90,
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
    expect(error.problems.map((p) => p.split(' = ')[0])).toEqual([
      'baocao:stage',
      'baocao:account',
      'baocao:accessLogRetentionDays',
    ]);
    expect(error.message).toContain('Tham số triển khai (CDK context) không hợp lệ');
    expect(error.message).toContain('Invalid deploy parameters');
    expect(error.problems[2]).toContain('cần số ngày nguyên từ 90 đến 36500');
    expect(error.problems[2]).toContain('must be a whole number of days from 90 to 36500');
    expect(error.message.normalize('NFC')).toBe(error.message);
  });
});

describe('stackName', () => {
  it('puts the stage in the middle so stages never share a stack', () => {
    expect(stackName({ stage: 'dev' }, 'stateful')).toBe('baocao-dev-stateful');
    expect(stackName({ stage: 'prod' }, 'stateful')).toBe('baocao-prod-stateful');
  });
});
