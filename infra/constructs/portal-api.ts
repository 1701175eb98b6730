/**
 * The HTTP API: one route per entry of functions/api/routes.ts, integrated with that entry's
 * function; the Lambda authorizer (functions/api/authorizer.ts) on exactly the routes the table flags
 * `authorizer: true`; access logs, a throttle per route, and CORS only for the portal's origin. It
 * is reached through CloudFront and its web ACL (constructs/portal-edge.ts), which also carries the
 * custom domain.
 * flow: application stack --> portal api --> app functions (authorizer first on the guarded routes)
 *
 * The routes without the authorizer are the health probe, the sign-in hand-over and the browser
 * pages: a page without a valid session must answer with the sign-in page (HTML), not with the
 * gateway's bare refusal, so those handlers verify the same token themselves
 * (functions/api/middleware/auth.ts).
 */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { type RouteDef, UNMATCHED_ROUTE, UNMATCHED_ROUTE_KEY } from '../../functions/api/routes.ts';
import { type FunctionSpec, functionKey } from '../function-catalog.ts';
import type { AppFunction } from './app-function.ts';

/** A dozen units and a few leaders: far below this, which still caps what a runaway client costs. */
export const STAGE_THROTTLE = { rateLimit: 50, burstLimit: 100 };

/**
 * Each route has a throttle of its own (a token bucket per route key), so a flood of one route spends
 * only that route's budget: anonymous routes (health, sign-in, pages, static files) are flooded
 * without touching what the signed-in routes — submissions and drafts above all — may still use.
 * Signed-in routes get the larger budget; every one is also behind the web ACL's per-IP rate rule.
 */
export const ROUTE_THROTTLES = {
  /** Routes the authorizer guards: submit, draft, form, status, reports … */
  signedIn: { rateLimit: 20, burstLimit: 40 },
  /** Open at the gateway: health, /auth/*, the pages and /signin. */
  open: { rateLimit: 10, burstLimit: 20 },
  /** Scripts and stylesheet (also cached at the edge): a page load asks for several. */
  static: { rateLimit: 20, burstLimit: 40 },
} as const;

export function throttleOf(route: Pick<RouteDef, 'path' | 'authorizer'>): { rateLimit: number; burstLimit: number } {
  if (route.authorizer) return ROUTE_THROTTLES.signedIn;
  return route.path.startsWith('/static/') ? ROUTE_THROTTLES.static : ROUTE_THROTTLES.open;
}

/** Headers a cross-origin client of the portal may send (bearer token, JSON, retries, CSRF). */
const CORS_HEADERS = ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-CSRF-Token'];

export interface PortalApiProps {
  portalOrigin: string | undefined;
  logRetentionDays: number;
}

export class PortalApi extends Construct {
  readonly api: apigw.HttpApi;
  readonly stage: apigw.HttpStage;
  readonly accessLogs: logs.LogGroup;
  /** Route key → its throttle, as written into the stage. */
  readonly routeThrottles = new Map<string, { rateLimit: number; burstLimit: number }>();

  constructor(scope: Construct, id: string, props: PortalApiProps) {
    super(scope, id);
    this.api = new apigw.HttpApi(this, 'Api', {
      description: 'baocao: cổng báo cáo và API / portal and API',
      createDefaultStage: false,
      // CloudFront reaches the API at its execute-api address; requests that skip CloudFront (and its
      // web ACL) are refused by the functions, which check the header only CloudFront adds.
      disableExecuteApiEndpoint: false,
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
    });
  }

  /**
   * Adds every route of every API function. `authorizer` guards exactly the routes flagged
   * `authorizer: true`; the others are acknowledged for cdk-nag with the reason they are open.
   */
  addRoutes(specs: readonly FunctionSpec[], functions: ReadonlyMap<string, AppFunction>, authorizer: apigw.IHttpRouteAuthorizer | undefined): void {
    const integrations = new Map<string, HttpLambdaIntegration>();
    for (const spec of specs) {
      const fn = functions.get(spec.key);
      if (!fn) throw new Error(`no function for ${spec.key}`);
      const integration = new HttpLambdaIntegration(`${spec.id}Integration`, fn.fn);
      integrations.set(spec.key, integration);
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
        this.routeThrottles.set(`${route.method} ${route.path}`, throttleOf(route));
      }
    }
    // An address no route matches: without a $default route API Gateway answers {"message":"Not Found"}
    // in English JSON, to browsers too. The static files' function answers instead (a Vietnamese page
    // for browsers, the API's JSON error for clients). Not a CloudFront custom error response: that
    // would also replace the JSON 404s of the API's own routes (an unknown submission, report …).
    const unmatched = integrations.get(functionKey(UNMATCHED_ROUTE.module, UNMATCHED_ROUTE.export));
    if (unmatched) {
      const created = new apigw.HttpRoute(this, 'RouteDefault', { httpApi: this.api, routeKey: apigw.HttpRouteKey.DEFAULT, integration: unmatched });
      Validations.of(created).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: 'Addresses no route matches: answered with a not-found page or JSON error, no data.',
      });
      this.routeThrottles.set(UNMATCHED_ROUTE_KEY, ROUTE_THROTTLES.open);
    }
    // HttpStage has no per-route settings; the stage resource takes them as RouteSettings.
    const stage = this.stage.node.defaultChild as apigw.CfnStage;
    stage.routeSettings = Object.fromEntries(
      [...this.routeThrottles].map(([key, t]) => [key, { ThrottlingRateLimit: t.rateLimit, ThrottlingBurstLimit: t.burstLimit }]),
    );
  }
}

/** "GET /api/submissions/{period}/{unit}" --> "RouteGETApiSubmissionsPeriodUnit": stable, readable ids. */
export function routeId(route: Pick<RouteDef, 'method' | 'path'>): string {
  const parts = route.path
    .split('/')
    .filter(Boolean)
    .map((p) => p.replace(/[{}]/g, ''));
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
