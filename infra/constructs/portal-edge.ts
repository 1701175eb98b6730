/**
 * CloudFront in front of the HTTP API, with the edge stack's AWS WAF web ACL: the portal's one
 * address (the custom domain when there is one). An HTTP API cannot be associated with a web ACL
 * itself (docs/decisions.md). CloudFront forwards everything but the Host header and caches nothing
 * but the static scripts and stylesheet; it adds a secret header the functions check
 * (functions/api/middleware/edge-origin.ts), so calling the execute-api address directly — around the
 * web ACL — is refused.
 * flow: application stack --> portal edge --> CloudFront (+ web ACL from the edge stack) --> portal api
 */
import { CfnOutput, Duration, Stack, Validations } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { ORIGIN_VERIFY_HEADER } from '../../functions/api/middleware/edge-origin.ts';
import type { CustomDomain } from '../config.ts';

export interface PortalEdgeProps {
  api: apigw.HttpApi;
  /** The CLOUDFRONT-scoped web ACL (us-east-1, infra/edge-stack.ts). */
  webAclArn: string;
  /** With a certificate in us-east-1, where CloudFront takes them from. */
  customDomain: CustomDomain | undefined;
}

export class PortalEdge extends Construct {
  readonly distribution: cloudfront.Distribution;
  /** The value CloudFront puts in ORIGIN_VERIFY_HEADER; the functions get it as ORIGIN_VERIFY_SECRET. */
  readonly originSecret: secretsmanager.Secret;
  /** Base URL of the portal (no trailing slash). */
  readonly url: string;

  constructor(scope: Construct, id: string, props: PortalEdgeProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.originSecret = new secretsmanager.Secret(this, 'OriginVerify', {
      description: 'baocao: header CloudFront adds to every request it forwards to the API',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    Validations.of(this.originSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Not a credential to data: it only proves a request came through CloudFront and its web ACL. Rotating it needs ' +
        'CloudFront and every function redeployed together (both read it at deploy time); change it by redeploying after ' +
        'setting a new value.',
    });

    const origin = new origins.HttpOrigin(`${props.api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`, {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
      customHeaders: { [ORIGIN_VERIFY_HEADER]: this.originSecret.secretValue.unsafeUnwrap() },
    });
    // Pages and API answers are per user and never cached; cookies, Authorization and queries go through.
    const dynamic: cloudfront.AddBehaviorOptions = {
      allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
      originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      compress: true,
    };
    // The scripts and stylesheet are public and the same for everyone: a flood of them is answered at the
    // edge. Their names carry a hash of their content (infra/web-build.ts), so the origin's
    // `max-age=31536000, immutable` holds: a deploy's new page names new files, never stale ones.
    const staticFiles = new cloudfront.CachePolicy(this, 'StaticFiles', {
      comment: 'baocao: /static/* content-hashed files, as long as the origin says (a year)',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(60),
      maxTtl: Duration.days(365),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'baocao: portal and API behind AWS WAF',
      defaultBehavior: { origin, ...dynamic },
      additionalBehaviors: {
        '/static/*': { origin, viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS, cachePolicy: staticFiles, compress: true },
      },
      webAclId: props.webAclArn,
      // Edge locations in Asia (Hanoi, Ho Chi Minh City among them) are in this class, not in PRICE_CLASS_100.
      priceClass: cloudfront.PriceClass.PRICE_CLASS_200,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      ...(props.customDomain
        ? {
            minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
            domainNames: [props.customDomain.domainName],
            certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', props.customDomain.certificateArn),
          }
        : {}),
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'No geo restriction: staff sign in from business trips abroad, and a country block is easily bypassed. The web ' +
        'ACL rate-limits each address and Cognito requires MFA.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR3',
      reason:
        'Every request CloudFront forwards is in the API access log (caller IP, route, status, user); requests the web ' +
        'ACL blocks are counted in its CloudWatch metrics with sampled requests. A third log of the same traffic would ' +
        'need its own ACL-enabled bucket.',
    });
    if (!props.customDomain) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          "Without a custom domain the distribution uses CloudFront's default *.cloudfront.net certificate, which fixes " +
          'the minimum viewer protocol at TLSv1; with a custom domain it is TLSv1.2_2021.',
      });
    }

    this.url = props.customDomain ? `https://${props.customDomain.domainName}` : `https://${this.distribution.distributionDomainName}`;
    new CfnOutput(stack, 'PortalUrl', {
      value: this.url,
      description: 'Địa chỉ cổng báo cáo (đặt làm portalUrl trong hồ sơ cơ quan) / portal address (set it as the profile portalUrl)',
    });
    if (props.customDomain) {
      new CfnOutput(stack, 'DnsTarget', {
        value: this.distribution.distributionDomainName,
        description: `Tạo bản ghi CNAME ${props.customDomain.domainName} trỏ tới giá trị này / point a CNAME for the custom domain here`,
      });
    }
  }
}
