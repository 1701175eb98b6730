/**
 * The application stack: everything that can be deleted and redeployed without losing data — the
 * functions (one per route handler and per job, from the code's own tables, and the API Gateway
 * authorizer), the HTTP API and its Lambda authorizer, the portal's sign-in client, the schedules,
 * the jobs' dead-letter queue, alarms and dashboard. The data and the accounts live in the stateful
 * stack.
 * flow: infra/app.ts --> ApplicationStack --> constructs/* --> StatefulStack resources
 */
import { CfnOutput, Duration, NestedStack, Stack, type StackProps } from 'aws-cdk-lib';
import type { CfnAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaAuthorizer, HttpLambdaResponseType } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { eventBridgeSchedules, type JobName } from '../functions/core/schedules.ts';
import type { AgencyProfile } from '../functions/core/agency.ts';
import type { DeployConfig } from './config.ts';
import { AppFunction } from './constructs/app-function.ts';
import { JobSchedules, type AgencySchedules } from './constructs/job-schedules.ts';
import { Monitoring } from './constructs/monitoring.ts';
import { PortalApi } from './constructs/portal-api.ts';
import { PortalEdge } from './constructs/portal-edge.ts';
import { PortalSignIn } from './constructs/portal-sign-in.ts';
import { functionCatalog, type FunctionSpec } from './function-catalog.ts';
import type { StatefulStack } from './stateful-stack.ts';

/** Construct id (and API Gateway name) of the Lambda authorizer; it is created under the HTTP API. */
export const AUTHORIZER_ID = 'SessionOrBearer';

export interface ApplicationStackProps extends StackProps {
  config: DeployConfig;
  stateful: StatefulStack;
  /** The functions to create; default: the catalog of routes and jobs. */
  catalog?: readonly FunctionSpec[];
  /** The CLOUDFRONT-scoped AWS WAF web ACL (the edge stack, us-east-1) CloudFront runs in front of the API. */
  webAclArn: string;
}

export class ApplicationStack extends Stack {
  readonly specs: readonly FunctionSpec[];
  /** By "module#export". */
  readonly functions = new Map<string, AppFunction>();
  readonly portal: PortalApi;
  readonly edge: PortalEdge;
  readonly signIn: PortalSignIn;
  /** Guards the routes flagged `authorizer: true`; undefined only for a catalog without such routes. */
  readonly authorizer: HttpLambdaAuthorizer | undefined;
  readonly deadLetterQueue: sqs.Queue;
  readonly schedules: JobSchedules;
  /** The schedules' own template (a nested stack): 12 resources an agency, kept out of this stack's 500. */
  readonly scheduleStack: NestedStack;
  readonly monitoring: Monitoring;

  constructor(scope: Construct, id: string, props: ApplicationStackProps) {
    super(scope, id, props);
    const { config, stateful } = props;
    const [home] = config.profiles;
    const agencyIds = config.profiles.map((p) => p.agencyId);
    this.specs = props.catalog ?? functionCatalog();

    this.portal = new PortalApi(this, 'Portal', {
      portalOrigin: config.portalOrigin,
      logRetentionDays: config.logRetentionDays,
    });
    this.edge = new PortalEdge(this, 'Edge', { api: this.portal.api, webAclArn: props.webAclArn, customDomain: config.customDomain });
    this.signIn = new PortalSignIn(this, 'SignIn', {
      userPool: stateful.userPool,
      portalUrl: this.edge.url,
    });

    this.deadLetterQueue = new sqs.Queue(this, 'JobDeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // Two weeks, the longest SQS keeps a message: enough to come back from a holiday (Tết) and look.
      retentionPeriod: Duration.days(14),
    });

    // The variables functions/adapters/auth/tokens.ts reads, and functions/adapters/config.ts besides;
    // the authorizer verifies tokens and touches no data, so it gets only the first set.
    // ORIGIN_VERIFY_SECRET: requests without CloudFront's header (around the web ACL) are refused.
    // AGENCY_ID is the home agency: it scopes no request (the token's agency does, and a job's event
    // names its own), but the revocation list of the whole deployment is kept in its partition
    // (functions/adapters/auth/revocation-list.ts) and every function checks it is set.
    const authEnvironment = {
      AGENCY_ID: home.agencyId,
      AUTH_ISSUER: this.signIn.issuer,
      AUTH_CLIENT_ID: this.signIn.client.userPoolClientId,
      AUTH_JWKS_URL: this.signIn.jwksUrl,
      ORIGIN_VERIFY_SECRET: this.edge.originSecret.secretValue.unsafeUnwrap(),
    };
    // PUBLIC_URL: the portal's real address, for every link an email carries (invitations, reminders, reports).
    const environment = {
      TABLE_NAME: stateful.table.tableName,
      BUCKET_NAME: stateful.reportBucket.bucketName,
      PUBLIC_URL: this.edge.url,
      ...authEnvironment,
    };
    // The route handlers also sign people in by Cognito's emailed code, manage their Cognito users
    // and sign them out (functions/adapters/auth/identity.ts): the pool they act on.
    const apiEnvironment = {
      ...environment,
      USER_POOL_ID: stateful.userPool.userPoolId,
    };
    const targets = {
      agencyIds,
      tableArn: stateful.table.tableArn,
      userPoolArn: stateful.userPool.userPoolArn,
      bucketArn: stateful.reportBucket.bucketArn,
      sesIdentityArns: stateful.mail.identityArns,
      sesConfigurationSetArn: stateful.mail.configurationSetArn,
    };
    const jobs = new Map<JobName, AppFunction>();
    for (const spec of this.specs) {
      const fn = new AppFunction(this, spec.id, {
        spec,
        targets,
        environment: spec.kind === 'authorizer' ? authEnvironment : spec.kind === 'api' ? apiEnvironment : environment,
        logRetentionDays: config.logRetentionDays,
        reportAccess: stateful.reportAccess,
        attachmentAccess: stateful.attachmentAccess,
        ...(spec.kind === 'job' ? { deadLetterQueue: this.deadLetterQueue } : {}),
      });
      this.functions.set(spec.key, fn);
      if (spec.job) jobs.set(spec.job, fn);
    }

    // A Lambda authorizer, not API Gateway's JWT authorizer: the browser's scripts carry the token in
    // the HttpOnly session cookie, which the JWT authorizer cannot read (docs/decisions.md).
    const authorizerSpec = this.specs.find((s) => s.kind === 'authorizer');
    this.authorizer = authorizerSpec
      ? new HttpLambdaAuthorizer(AUTHORIZER_ID, this.functions.get(authorizerSpec.key)!.fn, {
          responseTypes: [HttpLambdaResponseType.SIMPLE],
          // No identity source: API Gateway refuses, unseen by the function, a request that lacks any of
          // them, and a request carries the Authorization header OR the session cookie. Without one there
          // is no cache key, so caching must be off (the only setting that allows none).
          resultsCacheTtl: Duration.seconds(0),
          identitySource: [],
        })
      : undefined;
    this.portal.addRoutes(
      this.specs.filter((s) => s.kind === 'api'),
      this.functions,
      this.authorizer,
    );
    if (this.authorizer) {
      // HttpLambdaAuthorizer writes the empty list as `IdentitySource: []`; the API Gateway reference
      // (CreateAuthorizer) documents the property as optional for a REQUEST authorizer, so leave it out
      // rather than rely on how an empty list is read.
      const resource = this.portal.api.node.findChild(AUTHORIZER_ID).node.defaultChild as CfnAuthorizer;
      resource.addPropertyDeletionOverride('IdentitySource');
    }

    // Each agency's schedules in a group of its own, with its own deadlines and time zone; the input
    // of each names its agency. An agency that runs nothing (a province office) gets no group; the
    // home agency keeps its group whatever its schedules, as a single agency always had.
    const agencySchedules = (profile: AgencyProfile): AgencySchedules => ({
      agencyId: profile.agencyId,
      // "jobs-" since the move to the nested stack: a group of the old name is deleted only after the
      // new one is created, and two groups cannot share a name (docs/decisions.md).
      groupName: `baocao-${config.stage}-jobs-${profile.agencyId}`.slice(0, 64),
      schedules: eventBridgeSchedules(profile),
    });
    const [, ...others] = config.profiles.map(agencySchedules);
    // In a nested stack of their own: each agency adds 12 resources, and with the routes of a full
    // portal the application stack would pass CloudFormation's 500 at fewer agencies than a
    // province has Sở. The parent passes the job functions' and the queue's ARNs as parameters.
    this.scheduleStack = new NestedStack(this, 'ScheduleStack', { description: 'baocao: EventBridge Scheduler schedules of every agency' });
    this.schedules = new JobSchedules(this.scheduleStack, 'Schedules', {
      agencies: [agencySchedules(home), ...others.filter((a) => a.schedules.length > 0)],
      jobs: new Map([...jobs].map(([job, fn]) => [job, fn.fn])),
      deadLetterQueue: this.deadLetterQueue,
    });

    this.monitoring = new Monitoring(this, 'Monitoring', {
      dashboardName: `baocao-${config.stage}-${home.agencyId}`,
      alarmEmails: config.alarmEmails,
      api: this.portal.api,
      // The authorizer with the route handlers: its errors are API errors (a 500 before the handler runs).
      apiFunctions: this.specs.filter((s) => s.kind !== 'job').map((s) => this.functions.get(s.key)!),
      jobs,
      deadLetterQueue: this.deadLetterQueue,
      mailConfigurationSetName: stateful.mail.configurationSet.configurationSetName,
    });

    for (const [job, fn] of jobs) {
      new CfnOutput(this, `JobFunction${job.charAt(0).toUpperCase()}${job.slice(1)}`, {
        value: fn.fn.functionName,
        description: `Hàm tác vụ "${job}" (chạy bằng tay: docs/deploy.md) / the "${job}" job function`,
      });
    }
    new CfnOutput(this, 'JobDeadLetterQueueUrl', { value: this.deadLetterQueue.queueUrl, description: 'Hàng đợi lỗi của tác vụ / job dead-letter queue' });
  }
}
