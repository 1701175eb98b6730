/**
 * The HTTP API: one route per entry of functions/api/routes.ts, integrated with that entry's
 * function; the Lambda authorizer (functions/api/authorizer.ts) on exactly the routes the table flags
 * `authorizer: true`; access logs, stage throttling, an optional custom domain, and CORS only for the
 * portal's origin.
 * flow: application stack --> portal api --> app functions (authorizer first on the guarded routes)
 *
 * The routes without the authorizer are the health probe, the sign-in hand-over and the browser
 * pages: a page without a valid session must answer with the sign-in page (HTML), not with the
 * gateway's bare refusal, so those handlers verify the same token themselves
 * (functions/api/middleware/auth.ts).
 */
import { CfnOutput, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { RouteDef } from '../../functions/api/routes.ts';
import type { CustomDomain } from '../config.ts';
import type { FunctionSpec } from '../function-catalog.ts';
import type { AppFunction } from './app-function.ts';

/** A dozen units and a few leaders: far below this, which still caps what a runaway client costs. */
export const STAGE_THROTTLE = { rateLimit: 50, burstLimit: 100 };

/** Headers a cross-origin client of the portal may send (bearer token, JSON, retries, CSRF). */
const CORS_HEADERS = ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-CSRF-Token'];

export interface PortalApiProps {
  customDomain: CustomDomain | undefined;
  portalOrigin: string | undefined;
  logRetentionDays: number;
}

export class PortalApi extends Construct {
  readonly api: apigw.HttpApi;
  readonly stage: apigw.HttpStage;
  readonly accessLogs: logs.LogGroup;
  readonly domainName: apigw.DomainName | undefined;
  /** Base URL the portal is reached at (no trailing slash). */
  readonly url: string;

  constructor(scope: Construct, id: string, props: PortalApiProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.api = new apigw.HttpApi(this, 'Api', {
      description: 'baocao: cổng báo cáo và API / portal and API',
      createDefaultStage: false,
      // With a custom domain, it is the only way in: one origin for cookies, CORS and links.
      disableExecuteApiEndpoint: props.customDomain !== undefined,
      ...(props.portalOrigin
        ? {
            corsPreflight: {
              allowOrigins: [props.portalOrigin],
              allowMethods: [apigw.CorsHttpMethod.GET, apigw.CorsHttpMethod.POST, apigw.CorsHttpMethod.PUT],
              allowHeaders: CORS_HEADERS,
              allowCredentials: true,
              maxAge: Duration.hours(1),
            },
          }
        : {}),
    });

    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: props.logRetentionDays as logs.RetentionDays,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    if (props.customDomain) {
      this.domainName = new apigw.DomainName(this, 'Domain', {
        domainName: props.customDomain.domainName,
        certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', props.customDomain.certificateArn),
        securityPolicy: apigw.SecurityPolicy.TLS_1_2,
      });
      new CfnOutput(stack, 'DnsTarget', {
        value: this.domainName.regionalDomainName,
        description: `Tạo bản ghi CNAME ${props.customDomain.domainName} trỏ tới giá trị này / point a CNAME for the custom domain here`,
      });
    }

    this.stage = new apigw.HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: STAGE_THROTTLE,
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(this.accessLogs),
        // Who called what and how it went; never headers or bodies (tokens, cookies, submissions).
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            method: '$context.httpMethod',
            route: '$context.routeKey',
            path: '$context.path',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationLatencyMs: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            // The context the Lambda authorizer returns (functions/api/authorizer.ts): the caller's Cognito sub.
            sub: '$context.authorizer.sub',
            userAgent: '$context.identity.userAgent',
          }),
        ),
      },
      ...(this.domainName ? { domainMapping: { domainName: this.domainName } } : {}),
    });

    this.url = props.customDomain ? `https://${props.customDomain.domainName}` : this.api.apiEndpoint;
    new CfnOutput(stack, 'PortalUrl', {
      value: this.url,
      description: 'Địa chỉ cổng báo cáo (đặt làm portalUrl trong hồ sơ cơ quan) / portal address (set it as the profile portalUrl)',
    });
  }

  /**
   * Adds every route of every API function. `authorizer` guards exactly the routes flagged
   * `authorizer: true`; the others are acknowledged for cdk-nag with the reason they are open.
   */
  addRoutes(
    specs: readonly FunctionSpec[],
    functions: ReadonlyMap<string, AppFunction>,
    authorizer: apigw.IHttpRouteAuthorizer | undefined,
  ): void {
    for (const spec of specs) {
      const fn = functions.get(spec.key);
      if (!fn) throw new Error(`no function for ${spec.key}`);
      const integration = new HttpLambdaIntegration(`${spec.id}Integration`, fn.fn);
      for (const route of spec.routes) {
        // Never open a guarded route for want of an authorizer.
        if (route.authorizer && !authorizer) throw new Error(`${route.method} ${route.path} needs the authorizer, and there is none`);
        const created = new apigw.HttpRoute(this, routeId(route), {
          httpApi: this.api,
          routeKey: apigw.HttpRouteKey.with(route.path, route.method as apigw.HttpMethod),
          integration,
          ...(route.authorizer && authorizer ? { authorizer } : {}),
        });
        if (!route.authorizer) {
          Validations.of(created).acknowledge({ id: 'AwsSolutions-APIG4', reason: openRouteReason(route) });
        }
      }
    }
  }
}

/** "GET /api/submissions/{period}/{unit}" --> "RouteGETApiSubmissionsPeriodUnit": stable, readable ids. */
export function routeId(route: Pick<RouteDef, 'method' | 'path'>): string {
  const parts = route.path.split('/').filter(Boolean).map((p) => p.replace(/[{}]/g, ''));
  const words = parts.flatMap((p) => p.split(/[-_.]/)).map((w) => w.charAt(0).toUpperCase() + w.slice(1));
  return `Route${route.method}${words.join('') || 'Root'}`;
}

export function openRouteReason(route: Pick<RouteDef, 'method' | 'path'>): string {
  if (route.path === '/health') return 'Health probe for operators and monitors: reveals only which backends answer, no data.';
  if (route.path.startsWith('/static/')) return 'Static CSS and JavaScript of the pages: public files, no data.';
  if (route.path === '/signin') return 'The sign-in page itself: static HTML whose script hands the token to /auth/session; no data.';
  if (route.path.startsWith('/auth/')) {
    return 'Sign-in hand-over: receives the Cognito access token in the body, verifies it in the handler and sets the HttpOnly session cookie.';
  }
  return (
    'Browser page: authenticated by the HttpOnly session cookie, verified in the handler with the same code as the ' +
    'authorizer (functions/api/middleware/auth.ts), which shows the sign-in page when it is missing instead of a bare 403.'
  );
}
