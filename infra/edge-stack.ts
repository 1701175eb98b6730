/**
 * The edge stack, in us-east-1: the AWS WAF web ACL that CloudFront runs in front of the portal and
 * API. An HTTP API takes no web ACL, and a web ACL for CloudFront (scope CLOUDFRONT) can only be
 * created in us-east-1; the application stack's distribution (constructs/portal-edge.ts) names this
 * ACL through a cross-region weak reference (docs/decisions.md).
 * flow: infra/app.ts --> EdgeStack (us-east-1) --> web ACL --> ApplicationStack's CloudFront distribution
 *
 * Rules, in order: a rate limit per source IP (a flood from one address is cut off at the edge,
 * whatever route it hits), AWS's common rule set (with its 8 KB body-size rule counting only: a
 * month's report is up to 256 KB, which the API limits itself) and AWS's known-bad-inputs set.
 */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

/**
 * Requests one source IP may make in five minutes: 2,000 (~7 a second). A Sở's staff often share
 * one public address; fifty people opening the form (eight requests a page) and saving drafts stay
 * well under it, a script hammering a route does not.
 */
export const WAF_RATE_LIMIT_PER_IP = 2000;
export const WAF_RATE_WINDOW_SECONDS = 300;

/** The managed rule groups, in evaluation order after the rate rule. */
export const WAF_MANAGED_GROUPS = ['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet'] as const;

/** What a rate-limited caller reads: the API's error envelope, in Vietnamese. */
const RATE_LIMITED_BODY = JSON.stringify({
  error: {
    code: 'rate_limited',
    message: 'Có quá nhiều yêu cầu từ địa chỉ mạng này trong vài phút qua. Vui lòng đợi ít phút rồi thử lại.',
    fields: [],
  },
});

export interface EdgeStackProps extends StackProps {
  /** Names the ACL and its metrics: `baocao-<stage>`. */
  name: string;
}

const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: true,
});

export class EdgeStack extends Stack {
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);
    this.webAcl = new wafv2.CfnWebACL(this, 'PortalWebAcl', {
      name: `${props.name}-portal`,
      description: 'baocao: per-IP rate limit and AWS managed rules in front of the portal and API',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(`${props.name}-portal`),
      customResponseBodies: { RateLimited: { contentType: 'APPLICATION_JSON', content: RATE_LIMITED_BODY } },
      rules: [
        {
          name: 'PerIpRateLimit',
          priority: 0,
          statement: { rateBasedStatement: { limit: WAF_RATE_LIMIT_PER_IP, aggregateKeyType: 'IP', evaluationWindowSec: WAF_RATE_WINDOW_SECONDS } },
          action: {
            block: { customResponse: { responseCode: 429, customResponseBodyKey: 'RateLimited', responseHeaders: [{ name: 'retry-after', value: '300' }] } },
          },
          visibilityConfig: visibility(`${props.name}-rate-per-ip`),
        },
        ...WAF_MANAGED_GROUPS.map(
          (group, i): wafv2.CfnWebACL.RuleProperty => ({
            name: group,
            priority: i + 1,
            overrideAction: { none: {} },
            statement: {
              managedRuleGroupStatement: {
                vendorName: 'AWS',
                name: group,
                // A month's report body is up to 256 KB (the API's own limit, functions/api/validation.ts): the
                // common set's 8 KB body rule would refuse every real submission, so it only counts.
                ...(group === 'AWSManagedRulesCommonRuleSet' ? { ruleActionOverrides: [{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }] } : {}),
              },
            },
            visibilityConfig: visibility(`${props.name}-${group}`),
          }),
        ),
      ],
    });
    new CfnOutput(this, 'WebAclArn', { value: this.webAcl.attrArn, description: 'AWS WAF web ACL of the portal (CloudFront)' });
  }
}
