// The web ACL CloudFront runs in front of the portal (infra/edge-stack.ts, us-east-1).
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { WAF_RATE_LIMIT_PER_IP } from '../../infra/edge-stack.ts';
import { buildTestApp } from './cdk-app.ts';

interface Rule {
  Name: string;
  Priority: number;
  Action?: Record<string, any>;
  OverrideAction?: Record<string, unknown>;
  Statement: Record<string, any>;
}

describe('EdgeStack (AWS WAF for CloudFront)', () => {
  let acl: Record<string, any>;

  beforeAll(() => {
    const { edge } = buildTestApp();
    const acls = Template.fromStack(edge).findResources('AWS::WAFv2::WebACL');
    expect(Object.keys(acls)).toHaveLength(1);
    acl = Object.values(acls)[0]!.Properties;
  });

  it('is a CloudFront-scoped ACL that lets through what no rule stops', () => {
    expect(acl['Scope']).toBe('CLOUDFRONT');
    expect(acl['DefaultAction']).toEqual({ Allow: {} });
    expect(acl['VisibilityConfig']).toMatchObject({ CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true });
  });

  it('first cuts off a source IP over its rate, with a 429 in the API’s own error shape', () => {
    const rules = acl['Rules'] as Rule[];
    const rate = rules.find((r) => r.Priority === 0)!;
    expect(rate.Statement['RateBasedStatement']).toEqual({ Limit: WAF_RATE_LIMIT_PER_IP, AggregateKeyType: 'IP', EvaluationWindowSec: 300 });
    expect(rate.Action!['Block']['CustomResponse']).toMatchObject({ ResponseCode: 429, CustomResponseBodyKey: 'RateLimited' });
    const body = JSON.parse(acl['CustomResponseBodies']['RateLimited']['Content']) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('rate_limited');
    expect(body.error.message).toMatch(/thử lại/);
  });

  it('then applies AWS’s common and known-bad-inputs rule groups, the common set’s 8 KB body rule only counting', () => {
    const rules = (acl['Rules'] as Rule[]).filter((r) => r.Priority > 0).sort((a, b) => a.Priority - b.Priority);
    expect(rules.map((r) => [r.Statement['ManagedRuleGroupStatement']['VendorName'], r.Statement['ManagedRuleGroupStatement']['Name']])).toEqual([
      ['AWS', 'AWSManagedRulesCommonRuleSet'],
      ['AWS', 'AWSManagedRulesKnownBadInputsRuleSet'],
    ]);
    for (const r of rules) expect(r.OverrideAction, r.Name).toEqual({ None: {} });
    // A month's report is up to 256 KB: blocking bodies over 8 KB would refuse real submissions.
    expect(rules[0]!.Statement['ManagedRuleGroupStatement']['RuleActionOverrides']).toEqual([{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }]);
    expect(rules[1]!.Statement['ManagedRuleGroupStatement']['RuleActionOverrides']).toBeUndefined();
  });
});
