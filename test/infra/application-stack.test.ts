// CDK assertions on the application stack: routes table + schedules + profile --> ApplicationStack --> template.
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/api/routes.ts';
import { eventBridgeSchedules, JOB_NAMES } from '../../functions/core/schedules.ts';
import { DEMO_PROFILE_PATH } from '../../infra/agency-profile-file.ts';
import type { ApplicationStack } from '../../infra/application-stack.ts';
import { needsFonts } from '../../infra/bundling.ts';
import { FUNCTION_ACCESS } from '../../infra/function-access.ts';
import { SETTING_GROUPS } from '../../functions/adapters/config.ts';
import { functionCatalog } from '../../infra/function-catalog.ts';
import { sizingOf } from '../../infra/function-sizing.ts';
import { buildTestApp, testConfig } from './cdk-app.ts';

type Resource = { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string };
type Statement = { Sid?: string; Effect: string; Action: string | string[]; Resource: unknown; Condition?: Record<string, Record<string, unknown>> };

const CATALOG = functionCatalog();

function resources(template: Template, type: string): [string, Resource][] {
  return Object.entries(template.findResources(type)) as [string, Resource][];
}

function functionLogicalId(stack: ApplicationStack, key: string): string {
  const fn = stack.functions.get(key);
  if (!fn) throw new Error(`no function ${key}`);
  return stack.getLogicalId(fn.fn.node.defaultChild as never);
}

/**
 * A resource of the schedules' nested stack with each parameter reference replaced by what the
 * parent passes for it (a job function's or the queue's Fn::GetAtt in the application stack).
 */
function fromParent(stack: ApplicationStack, parent: Template, resource: Resource): Resource {
  const nestedId = stack.getLogicalId(stack.scheduleStack.nestedStackResource as never);
  const params = (parent.toJSON()['Resources'][nestedId] as Resource).Properties['Parameters'] as Record<string, unknown>;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const ref = (v as { Ref?: string }).Ref;
      if (ref !== undefined && Object.keys(v).length === 1 && ref in params) return params[ref];
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(resource) as Resource;
}

/** The inline statements and managed policies attached to a function's role. */
function permissionsOf(stack: ApplicationStack, template: Template, key: string) {
  const fnId = functionLogicalId(stack, key);
  const fn = template.toJSON()['Resources'][fnId] as Resource;
  const roleId = (fn.Properties['Role'] as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  const role = template.toJSON()['Resources'][roleId] as Resource;
  const statements = resources(template, 'AWS::IAM::Policy')
    .filter(([, p]) => (p.Properties['Roles'] as { Ref: string }[]).some((r) => r.Ref === roleId))
    .flatMap(([, p]) => (p.Properties['PolicyDocument'] as { Statement: Statement[] }).Statement);
  const managed = (role.Properties['ManagedPolicyArns'] as unknown[] | undefined) ?? [];
  return { statements, managed, role };
}

const actionsOf = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);

describe('ApplicationStack (demo profile, no custom domain)', () => {
  let stack: ApplicationStack;
  let template: Template;

  beforeAll(() => {
    stack = buildTestApp().application;
    template = Template.fromStack(stack);
  });

  describe('functions', () => {
    it('are one per distinct (module, export) of the route table, the authorizer, and one per job', () => {
      const expected = new Set([
        ...ROUTES.map((r) => `${r.module}#${r.export ?? 'handler'}`),
        'api/authorizer.ts#handler',
        ...JOB_NAMES.map((j) => `jobs/${j}.ts#handler`),
      ]);
      expect(new Set(stack.functions.keys())).toEqual(expected);
      template.resourceCountIs('AWS::Lambda::Function', expected.size);
    });

    it('run nodejs22.x on arm64 with active tracing, the export as handler, sized from the sizing table', () => {
      for (const spec of CATALOG) {
        const sizing = sizingOf(spec);
        const fn = template.toJSON()['Resources'][functionLogicalId(stack, spec.key)] as Resource;
        expect(fn.Properties, spec.key).toMatchObject({
          Runtime: 'nodejs22.x',
          Architectures: ['arm64'],
          Handler: `index.${spec.handler}`,
          MemorySize: sizing.memoryMb,
          Timeout: sizing.timeoutSeconds,
          TracingConfig: { Mode: 'Active' },
        });
      }
    });

    it('keep API functions under API Gateway’s 30 s, the authorizer under its 10 s, and give the compile job two vCPUs', () => {
      for (const spec of CATALOG.filter((s) => s.kind === 'api')) expect(sizingOf(spec).timeoutSeconds).toBeLessThan(30);
      const authorizers = CATALOG.filter((s) => s.kind === 'authorizer');
      expect(authorizers.map((s) => s.key)).toEqual(['api/authorizer.ts#handler']);
      for (const spec of authorizers) expect(sizingOf(spec).timeoutSeconds).toBeLessThan(10);
      // One vCPU per 1,769 MB: a thread for each of the render pool's two workers.
      expect(sizingOf({ key: 'jobs/compile.ts#handler', kind: 'job' }).memoryMb).toBe(2 * 1769);
    });

    it('get the runtime configuration the code reads, and the font folder only when they render PDFs', () => {
      const auth = ['AGENCY_ID', 'AUTH_ISSUER', 'AUTH_CLIENT_ID', 'AUTH_JWKS_URL'];
      for (const spec of CATALOG) {
        const fn = template.toJSON()['Resources'][functionLogicalId(stack, spec.key)] as Resource;
        const vars = (fn.Properties['Environment'] as { Variables: Record<string, unknown> }).Variables;
        if (spec.kind === 'authorizer') {
          // It verifies tokens and nothing else: no table or bucket name to reach data with.
          expect(Object.keys(vars).sort(), spec.key).toEqual(
            [...auth, 'ORIGIN_VERIFY_SECRET', 'POWERTOOLS_LOG_LEVEL', 'POWERTOOLS_METRICS_NAMESPACE', 'POWERTOOLS_SERVICE_NAME'].sort(),
          );
        } else {
          expect(Object.keys(vars), spec.key).toEqual(expect.arrayContaining(['TABLE_NAME', 'BUCKET_NAME', ...auth]));
        }
        // Whatever the function checks for at start-up (functions/adapters/config.ts#checkSettings, called by
        // api/handler.ts, api/session.ts, api/authorizer.ts and jobs/scheduled-event.ts) is there.
        const groups = { api: ['data', 'auth', 'signOut'], authorizer: ['auth'], job: ['data'] } as const;
        const required = groups[spec.kind].flatMap((g) => SETTING_GROUPS[g]).map((n) => (n === 'AUTH_JWKS' ? 'AUTH_JWKS_URL' : n));
        expect(Object.keys(vars), spec.key).toEqual(expect.arrayContaining(required.filter((n) => n !== 'AWS_REGION')));
        expect(vars['AGENCY_ID']).toBe('skhcn-bacgiang');
        expect(vars['POWERTOOLS_SERVICE_NAME']).toBe('baocao');
        expect(vars['BAOCAO_FONT_DIR'], spec.key).toBe(needsFonts(spec.entry) ? '/var/task/fonts' : undefined);
        // A job's lease outlives its timeout by a minute, so Lambda's retry can take the run over.
        expect(vars['JOB_LEASE_SECONDS'], spec.key).toBe(spec.kind === 'job' ? String(sizingOf(spec).timeoutSeconds + 60) : undefined);
      }
      // The report compilers render; the health probe does not.
      expect(needsFonts(CATALOG.find((s) => s.key === 'jobs/compile.ts#handler')!.entry)).toBe(true);
      expect(needsFonts(CATALOG.find((s) => s.key === 'api/report-compile.ts#handler')!.entry)).toBe(true);
      expect(needsFonts(CATALOG.find((s) => s.key === 'api/health.ts#handler')!.entry)).toBe(false);
    });

    it('point the auth variables at the user pool issuer, its JWKS and the portal client (handlers and authorizer alike)', () => {
      const clientId = stack.getLogicalId(stack.signIn.client.node.defaultChild as never);
      const varsOf = (key: string) =>
        ((template.toJSON()['Resources'][functionLogicalId(stack, key)] as Resource).Properties['Environment'] as { Variables: Record<string, unknown> })
          .Variables;
      const session = varsOf('api/session.ts#sessionHandler');
      expect(session['AUTH_CLIENT_ID']).toEqual({ Ref: clientId });
      expect(JSON.stringify(session['AUTH_ISSUER'])).toMatch(/^\{"Fn::Join":\["",\["https:\/\/cognito-idp\.ap-southeast-1\.amazonaws\.com\/",/);
      expect(JSON.stringify(session['AUTH_JWKS_URL'])).toContain('"/.well-known/jwks.json"');
      // The gateway's check and the handlers' check must accept the same tokens.
      const authorizer = varsOf('api/authorizer.ts#handler');
      for (const name of ['AGENCY_ID', 'AUTH_ISSUER', 'AUTH_CLIENT_ID', 'AUTH_JWKS_URL']) expect(authorizer[name], name).toEqual(session[name]);
    });

    it('each write to their own log group, kept 400 days and retained when the stack goes', () => {
      const groups = resources(template, 'AWS::Logs::LogGroup');
      // One per function plus the API access log.
      expect(groups).toHaveLength(CATALOG.length + 1);
      for (const [id, group] of groups) {
        expect(group.Properties['RetentionInDays'], id).toBe(400);
        expect(group.DeletionPolicy, id).toBe('Retain');
      }
      for (const spec of CATALOG) {
        const fn = template.toJSON()['Resources'][functionLogicalId(stack, spec.key)] as Resource;
        const logGroupId = stack.getLogicalId(stack.functions.get(spec.key)!.logGroup.node.defaultChild as never);
        expect(fn.Properties['LoggingConfig']).toEqual({ LogGroup: { Ref: logGroupId } });
      }
    });

    it('jobs retry twice within an hour, then land in the encrypted dead-letter queue', () => {
      const dlqId = stack.getLogicalId(stack.deadLetterQueue.node.defaultChild as never);
      for (const job of JOB_NAMES) {
        const fn = template.toJSON()['Resources'][functionLogicalId(stack, `jobs/${job}.ts#handler`)] as Resource;
        expect(fn.Properties['DeadLetterConfig']).toEqual({ TargetArn: { 'Fn::GetAtt': [dlqId, 'Arn'] } });
      }
      const configs = resources(template, 'AWS::Lambda::EventInvokeConfig');
      expect(configs).toHaveLength(JOB_NAMES.length);
      for (const [, c] of configs) expect(c.Properties).toMatchObject({ MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 });
      template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
    });
  });

  describe('least privilege', () => {
    it('declares access for exactly the functions of the catalog', () => {
      expect(Object.keys(FUNCTION_ACCESS).sort()).toEqual(CATALOG.map((s) => s.key).sort());
    });

    it('uses no IAM action wildcards, and no s3 or dynamodb permission on "*"', () => {
      for (const [id, policy] of [...resources(template, 'AWS::IAM::Policy')]) {
        for (const s of (policy.Properties['PolicyDocument'] as { Statement: Statement[] }).Statement) {
          for (const action of actionsOf(s)) {
            expect(action, id).not.toContain('*');
            if (s.Resource === '*') expect(action, id).toMatch(/^(xray|ses):/);
          }
        }
      }
    });

    it('lets each function read only its agency’s items, and write only the partitions it declares', () => {
      for (const spec of CATALOG) {
        const access = FUNCTION_ACCESS[spec.key]!;
        const { statements } = permissionsOf(stack, template, spec.key);
        const dynamo = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));
        const queries = dynamo.filter((s) => actionsOf(s).includes('dynamodb:Query'));
        // A function that only checks a session reads the agency's profile partition, nothing else.
        const profileOnly = queries.filter(
          (s) => JSON.stringify(s.Condition) === JSON.stringify({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['AGENCY#skhcn-bacgiang'] } }),
        );
        // The province's view lists the agencies of the registry (partition AGENCIES), a Query only.
        const registry = queries.filter(
          (s) => JSON.stringify(s.Condition) === JSON.stringify({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['AGENCIES'] } }),
        );
        const reads = queries.filter((s) => !profileOnly.includes(s) && !registry.includes(s));
        // Sign-in by code writes partitions of an address, not of an agency (counted on its own below).
        const signIn = dynamo.filter((s) => s.Sid === 'SignInByCode');
        const writes = dynamo.filter((s) => actionsOf(s).includes('dynamodb:PutItem') && !signIn.includes(s));
        expect(signIn.length, spec.key).toBe(access.signIn ? 1 : 0);
        for (const s of signIn) expect(s.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['EMAIL#*', 'SOURCE#*'] } });
        expect(reads.length, spec.key).toBe(access.read ? 1 : 0);
        expect(profileOnly.length, spec.key).toBe(access.readProfiles && !access.read ? 1 : 0);
        expect(
          registry.map((s) => actionsOf(s)),
          spec.key,
        ).toEqual(access.readRegistry ? [['dynamodb:Query']] : []);
        expect(writes.length, spec.key).toBe(access.write?.length ? 1 : 0);
        for (const s of reads) {
          expect(actionsOf(s).sort()).toEqual(['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query']);
          expect(s.Condition).toEqual({
            'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['AGENCY#skhcn-bacgiang', 'AGENCY#skhcn-bacgiang#*'] },
          });
        }
        for (const s of writes) {
          expect(actionsOf(s).sort()).toEqual(['dynamodb:ConditionCheckItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem']);
          const patterns = s.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'] as string[];
          // The profile's writer stores profile versions (AGENCY#a) and the agency's registry line (AGENCIES); the plan's
          // writers (Văn phòng's import and amendments, issue 14) also write the agency's own partition (the year's
          // pointer, a profile version), the plan versions and, for the import, the registry line. A leader's direction
          // writes the agency's directions (DIRECTIONS) and that direction's versions (DIRECTION#id), issue 15.
          const planWriter = access.write?.includes('plan');
          for (const p of patterns) {
            if (access.write?.includes('profiles') && (p === 'AGENCY#skhcn-bacgiang' || p === 'AGENCIES')) continue;
            expect(p, spec.key).toMatch(
              planWriter
                ? /^(AGENCY#skhcn-bacgiang(#((PERIOD|IDEM|REPORTS|REGISTER|JOB|DELIVERY|REVOKED|PLAN)#\*|(USERS|AUDIT)))?|AGENCIES)$/
                : /^AGENCY#skhcn-bacgiang#((PERIOD|IDEM|REPORTS|REGISTER|JOB|DELIVERY|REVOKED|DIRECTION)#\*|(USERS|AUDIT|DIRECTIONS)$)/,
            );
          }
        }
        // Nothing deletes, scans or batch-writes (BatchGetItem reads, under the same leading keys).
        for (const s of dynamo) {
          for (const a of actionsOf(s)) expect(a).not.toMatch(/Delete|Scan|BatchWrite|Transact/);
        }
      }
    });

    it('writes: submissions to periods and replay records, reports to report partitions, jobs to runs and the mail log', () => {
      const writeKeys = (key: string) =>
        permissionsOf(stack, template, key)
          .statements.filter((s) => actionsOf(s).includes('dynamodb:PutItem'))
          .flatMap((s) => s.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'] as string[]);
      // The submit also logs its receipt email (send-once, in the period's delivery log).
      expect(writeKeys('api/submissions.ts#submitHandler')).toEqual([
        'AGENCY#skhcn-bacgiang#PERIOD#*',
        'AGENCY#skhcn-bacgiang#IDEM#*#*',
        'AGENCY#skhcn-bacgiang#DELIVERY#*',
      ]);
      expect(writeKeys('api/report-compile.ts#handler')).toEqual(['AGENCY#skhcn-bacgiang#REPORTS#*']);
      // Delivery may compile a draft and (autoIssue) issue it: reports and the register too.
      expect(writeKeys('jobs/deliver.ts#handler')).toEqual([
        'AGENCY#skhcn-bacgiang#JOB#*',
        'AGENCY#skhcn-bacgiang#DELIVERY#*',
        'AGENCY#skhcn-bacgiang#PERIOD#*',
        'AGENCY#skhcn-bacgiang#REPORTS#*',
        'AGENCY#skhcn-bacgiang#REGISTER#*#*',
      ]);
      expect(writeKeys('api/report-issue.ts#handler')).toEqual([
        'AGENCY#skhcn-bacgiang#REPORTS#*',
        'AGENCY#skhcn-bacgiang#REGISTER#*#*',
        'AGENCY#skhcn-bacgiang#PERIOD#*',
      ]);
      expect(writeKeys('api/get-plan.ts#handler')).toEqual([]);
      // Opening a session writes nothing of an agency: only a code's use and the counts of sign-in by email.
      expect(writeKeys('api/session.ts#sessionHandler')).toEqual(['EMAIL#*', 'SOURCE#*']);
      expect(writeKeys('api/users.ts#inviteHandler')).toEqual(['AGENCY#skhcn-bacgiang#USERS', 'AGENCY#skhcn-bacgiang#AUDIT', 'EMAIL#*', 'SOURCE#*']);
    });

    it('attaches the report and attachment policies only where declared, and SES only to the mailing functions', () => {
      for (const spec of CATALOG) {
        const access = FUNCTION_ACCESS[spec.key]!;
        const { statements, managed } = permissionsOf(stack, template, spec.key);
        expect(managed.length, spec.key).toBe((access.readReports ? 1 : 0) + (access.writeReports ? 1 : 0) + (access.attachments?.length ?? 0));
        const ses = statements.filter((s) => actionsOf(s).includes('ses:SendEmail'));
        expect(ses.length, spec.key).toBe(access.sendEmail ? 1 : 0);
        for (const s of ses) {
          const targets = (s.Resource as unknown[]).map((r) => JSON.stringify(r)).sort();
          expect(targets).toHaveLength(2);
          expect(targets[0]).toContain(':configuration-set/');
          expect(targets[1]).toContain(':identity/baocao@skhcn.bacgiang.example"');
        }
        // Every function may write only to its own log group.
        const logs = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('logs:')));
        const logGroupId = stack.getLogicalId(stack.functions.get(spec.key)!.logGroup.node.defaultChild as never);
        expect(logs, spec.key).toEqual([
          expect.objectContaining({ Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': [logGroupId, 'Arn'] } }),
        ]);
      }
      expect(
        CATALOG.filter((s) => FUNCTION_ACCESS[s.key]!.sendEmail)
          .map((s) => s.key)
          .sort(),
      ).toEqual([
        'api/reminders.ts#handler',
        'api/report-deliver.ts#handler',
        'api/submissions.ts#submitHandler',
        'api/users.ts#inviteHandler',
        'jobs/deliver.ts#handler',
        'jobs/digest.ts#handler',
        'jobs/remind.ts#handler',
      ]);
    });

    it('gives the roles no AWS-managed policy (not even basic execution)', () => {
      for (const [id, role] of resources(template, 'AWS::IAM::Role')) {
        expect(JSON.stringify(role.Properties['ManagedPolicyArns'] ?? []), id).not.toContain('iam::aws:policy');
      }
    });
  });

  describe('HTTP API', () => {
    it('has exactly the routes of the table, and $default for addresses no route matches', () => {
      const keys = resources(template, 'AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties['RouteKey']);
      expect(keys.sort()).toEqual([...ROUTES.map((r) => `${r.method} ${r.path}`), '$default'].sort());
    });

    it('answers an address no route matches with the static files’ function, open and without the authorizer', () => {
      const [, route] = resources(template, 'AWS::ApiGatewayV2::Route').find(([, x]) => x.Properties['RouteKey'] === '$default')!;
      expect(route.Properties['AuthorizationType']).toBe('NONE');
      const staticRoute = resources(template, 'AWS::ApiGatewayV2::Route').find(([, x]) => x.Properties['RouteKey'] === 'GET /static/{file}')![1];
      // The same integration, hence the same function, as GET /static/{file}.
      expect(route.Properties['Target']).toEqual(staticRoute.Properties['Target']);
    });

    it('puts the Lambda authorizer on exactly the routes flagged authorizer: true', () => {
      const authorizers = resources(template, 'AWS::ApiGatewayV2::Authorizer');
      expect(authorizers).toHaveLength(1);
      const [authorizerId] = authorizers[0]!;
      for (const route of ROUTES) {
        const [, r] = resources(template, 'AWS::ApiGatewayV2::Route').find(([, x]) => x.Properties['RouteKey'] === `${route.method} ${route.path}`)!;
        if (route.authorizer) {
          expect(r.Properties, route.path).toMatchObject({ AuthorizationType: 'CUSTOM', AuthorizerId: { Ref: authorizerId } });
        } else {
          expect(r.Properties['AuthorizationType'], route.path).toBe('NONE');
          expect(r.Properties['AuthorizerId'], route.path).toBeUndefined();
        }
      }
      // The open routes are health, the sign-in hand-over and the browser pages (cookie, checked in the handler).
      expect(ROUTES.filter((r) => !r.authorizer).map((r) => r.path)).toEqual(
        expect.arrayContaining(['/health', '/auth/session', '/auth/signout', '/signin', '/', '/status', '/static/{file}']),
      );
      for (const r of ROUTES.filter((x) => !x.authorizer))
        expect(r.path).toMatch(/^\/(health|auth\/|signin|status|static\/|reports?|province|people|profile|plan|history|my-reports|reminders|dashboard|$)/);
    });

    it('runs the authorizer function as a REQUEST authorizer with simple responses, no identity source and no cache', () => {
      const [, authorizer] = resources(template, 'AWS::ApiGatewayV2::Authorizer')[0]!;
      const apiId = stack.getLogicalId(stack.portal.api.node.defaultChild as never);
      const fnId = functionLogicalId(stack, 'api/authorizer.ts#handler');
      expect(authorizer.Properties).toEqual({
        ApiId: { Ref: apiId },
        Name: 'SessionOrBearer',
        AuthorizerType: 'REQUEST',
        AuthorizerUri: {
          'Fn::Join': ['', ['arn:aws:apigateway:ap-southeast-1:lambda:path/2015-03-31/functions/', { 'Fn::GetAtt': [fnId, 'Arn'] }, '/invocations']],
        },
        AuthorizerPayloadFormatVersion: '2.0',
        EnableSimpleResponses: true,
        // Caching off: every request is checked, and no identity source is needed (none is set: a request
        // carries the Authorization header or the session cookie, and API Gateway would refuse one lacking either).
        AuthorizerResultTtlInSeconds: 0,
      });
      expect(authorizer.Properties['IdentitySource']).toBeUndefined();
      expect(authorizer.Properties['JwtConfiguration']).toBeUndefined();
    });

    it('lets only this API’s authorizer invoke the authorizer function, and nothing else invoke it', () => {
      const fnId = functionLogicalId(stack, 'api/authorizer.ts#handler');
      const [authorizerId] = resources(template, 'AWS::ApiGatewayV2::Authorizer')[0]!;
      const apiId = stack.getLogicalId(stack.portal.api.node.defaultChild as never);
      const permissions = resources(template, 'AWS::Lambda::Permission').filter(
        ([, p]) => JSON.stringify(p.Properties['FunctionName']) === JSON.stringify({ 'Fn::GetAtt': [fnId, 'Arn'] }),
      );
      expect(permissions.map(([, p]) => p.Properties)).toEqual([
        {
          Action: 'lambda:InvokeFunction',
          FunctionName: { 'Fn::GetAtt': [fnId, 'Arn'] },
          Principal: 'apigateway.amazonaws.com',
          SourceArn: {
            'Fn::Join': ['', ['arn:aws:execute-api:ap-southeast-1:', { Ref: 'AWS::AccountId' }, ':', { Ref: apiId }, '/authorizers/', { Ref: authorizerId }]],
          },
        },
      ]);
      // It serves no route: no integration points at it.
      const integrations = resources(template, 'AWS::ApiGatewayV2::Integration');
      expect(integrations.filter(([, i]) => JSON.stringify(i.Properties['IntegrationUri']).includes(fnId))).toEqual([]);
    });

    it('runs the authorizer with no data access: only its own log group and X-Ray', () => {
      const { statements, managed } = permissionsOf(stack, template, 'api/authorizer.ts#handler');
      expect(managed).toEqual([]);
      expect(statements.flatMap(actionsOf).sort()).toEqual(
        ['logs:CreateLogStream', 'logs:PutLogEvents', 'xray:PutTelemetryRecords', 'xray:PutTraceSegments'].sort(),
      );
      const fn = template.toJSON()['Resources'][functionLogicalId(stack, 'api/authorizer.ts#handler')] as Resource;
      expect(fn.Properties).toMatchObject({ MemorySize: 512, Timeout: 6 });
    });

    it('sends each route to the function of its (module, export)', () => {
      const integrations = Object.fromEntries(resources(template, 'AWS::ApiGatewayV2::Integration'));
      for (const route of ROUTES) {
        const [, r] = resources(template, 'AWS::ApiGatewayV2::Route').find(([, x]) => x.Properties['RouteKey'] === `${route.method} ${route.path}`)!;
        const integrationId = (r.Properties['Target'] as { 'Fn::Join': [string, [string, { Ref: string }]] })['Fn::Join'][1][1].Ref;
        const integration = integrations[integrationId]!;
        expect(integration.Properties).toMatchObject({
          IntegrationType: 'AWS_PROXY',
          PayloadFormatVersion: '2.0',
          IntegrationUri: { 'Fn::GetAtt': [functionLogicalId(stack, `${route.module}#${route.export ?? 'handler'}`), 'Arn'] },
        });
      }
    });

    it('logs access as JSON without headers or bodies, and throttles the stage', () => {
      const logGroupId = stack.getLogicalId(stack.portal.accessLogs.node.defaultChild as never);
      const [, stage] = resources(template, 'AWS::ApiGatewayV2::Stage')[0]!;
      expect(stage.Properties).toMatchObject({
        StageName: '$default',
        AutoDeploy: true,
        DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
        AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [logGroupId, 'Arn'] } },
      });
      // The caller's address as CloudFront saw it: API Gateway's sourceIp is then CloudFront's.
      const accessFormat = JSON.parse((stage.Properties['AccessLogSettings'] as { Format: string }).Format) as Record<string, string>;
      expect(accessFormat['ip']).toBe('$context.identity.sourceIp');
      const format = JSON.parse((stage.Properties['AccessLogSettings'] as { Format: string }).Format) as Record<string, string>;
      expect(format['requestId']).toBe('$context.requestId');
      // The caller as the Lambda authorizer's context names it (functions/api/authorizer.ts returns `sub`).
      expect(format['sub']).toBe('$context.authorizer.sub');
      expect(Object.values(format).join(' ')).not.toMatch(/header|body|cookie/i);
    });

    it('sends no CORS headers without a custom domain: the pages and the API share one origin', () => {
      template.hasResourceProperties('AWS::ApiGatewayV2::Api', { CorsConfiguration: Match.absent(), DisableExecuteApiEndpoint: false });
      template.resourceCountIs('AWS::ApiGatewayV2::DomainName', 0);
    });

    it('throttles every route on its own, so a flood of the open routes leaves submissions their budget', () => {
      const [, stage] = resources(template, 'AWS::ApiGatewayV2::Stage')[0]!;
      const settings = stage.Properties['RouteSettings'] as Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }>;
      expect(Object.keys(settings).sort()).toEqual([...ROUTES.map((r) => `${r.method} ${r.path}`), '$default'].sort());
      expect(settings['$default']).toEqual({ ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20 });
      const rate = (key: string) => settings[key]!.ThrottlingRateLimit;
      const open = ROUTES.filter((r) => !r.authorizer && !r.path.startsWith('/static/')).map((r) => `${r.method} ${r.path}`);
      for (const write of ['POST /api/submissions', 'PUT /api/submissions/{period}/{unit}/draft']) {
        for (const key of open) expect(rate(key), `${key} below ${write}`).toBeLessThan(rate(write));
      }
      expect(settings['GET /health']).toEqual({ ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20 });
      expect(settings['POST /api/submissions']).toEqual({ ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 });
    });
  });

  describe('edge (CloudFront and AWS WAF)', () => {
    it('puts CloudFront with the edge stack’s web ACL in front of the API, forwarding all but Host and caching only /static/*', () => {
      const apiId = stack.getLogicalId(stack.portal.api.node.defaultChild as never);
      const [, distribution] = resources(template, 'AWS::CloudFront::Distribution')[0]!;
      const config = distribution.Properties['DistributionConfig'] as Record<string, any>;
      expect(config['WebACLId']).toEqual({ 'Fn::GetStackOutput': expect.objectContaining({ StackName: 'baocao-dev-edge', Region: 'us-east-1' }) });
      expect(config['PriceClass']).toBe('PriceClass_200');
      const origin = config['Origins'][0];
      expect(JSON.stringify(origin['DomainName'])).toContain(apiId);
      expect(origin['CustomOriginConfig']).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
      expect(origin['OriginCustomHeaders']).toEqual([
        { HeaderName: 'x-origin-verify', HeaderValue: expect.objectContaining({ 'Fn::Join': expect.anything() }) },
      ]);
      expect(JSON.stringify(origin['OriginCustomHeaders'])).toContain('{{resolve:secretsmanager:');
      // Managed policies: CachingDisabled and AllViewerExceptHostHeader.
      expect(config['DefaultCacheBehavior']).toMatchObject({
        CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
        OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
        ViewerProtocolPolicy: 'redirect-to-https',
        AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
      });
      expect(config['CacheBehaviors'].map((b: { PathPattern: string }) => b.PathPattern)).toEqual(['/static/*']);
    });

    it('gives the functions and the authorizer the header’s secret', () => {
      const secretRef = JSON.stringify(stack.resolve(stack.edge.originSecret.secretValue.unsafeUnwrap()));
      for (const spec of CATALOG.filter((s) => s.kind !== 'job')) {
        const fn = template.toJSON()['Resources'][functionLogicalId(stack, spec.key)] as Resource;
        const vars = (fn.Properties['Environment'] as { Variables: Record<string, unknown> }).Variables;
        expect(JSON.stringify(vars['ORIGIN_VERIFY_SECRET']), spec.key).toBe(secretRef);
      }
    });
  });

  describe('sign-in', () => {
    it('offers only the choice-based USER_AUTH flow (and refresh) to a public client with 8-hour tokens: no OAuth, no implicit grant, no hosted page', () => {
      template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
        GenerateSecret: false,
        ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        AllowedOAuthFlowsUserPoolClient: false,
        AllowedOAuthFlows: Match.absent(),
        CallbackURLs: Match.absent(),
        AuthSessionValidity: 10,
        AccessTokenValidity: 480,
        IdTokenValidity: 480,
        SupportedIdentityProviders: ['COGNITO'],
        PreventUserExistenceErrors: 'ENABLED',
        EnableTokenRevocation: true,
      });
      template.resourceCountIs('AWS::Cognito::UserPoolDomain', 0);
      const distributionId = stack.getLogicalId(stack.edge.distribution.node.defaultChild as never);
      template.hasOutput('SignInUrl', { Value: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }, '/signin']] } });
    });
  });

  describe('schedules', () => {
    it('are one per definition of the profile, in Asia/Ho_Chi_Minh, without flexible window, with retries and the DLQ', () => {
      const defs = eventBridgeSchedules(testConfig().profiles[0]);
      const nested = Template.fromStack(stack.scheduleStack);
      const schedules = resources(nested, 'AWS::Scheduler::Schedule').map(([id, s]) => [id, fromParent(stack, template, s)] as [string, Resource]);
      expect(schedules.map(([, s]) => s.Properties['Name']).sort()).toEqual(defs.map((d) => d.name).sort());
      const dlqId = stack.getLogicalId(stack.deadLetterQueue.node.defaultChild as never);
      for (const def of defs) {
        const [, s] = schedules.find(([, x]) => x.Properties['Name'] === def.name)!;
        expect(s.Properties, def.name).toMatchObject({
          ScheduleExpression: def.expression,
          ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
          FlexibleTimeWindow: { Mode: 'OFF' },
          State: 'ENABLED',
          Target: {
            Arn: { 'Fn::GetAtt': [functionLogicalId(stack, `jobs/${def.job}.ts#handler`), 'Arn'] },
            Input: def.input,
            RetryPolicy: { MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: 3600 },
            DeadLetterConfig: { Arn: { 'Fn::GetAtt': [dlqId, 'Arn'] } },
          },
        });
        expect(JSON.parse(def.input)).toEqual({
          job: def.job,
          kind: def.kind,
          agencyId: testConfig().profiles[0].agencyId,
          scheduledTime: '<aws.scheduler.scheduled-time>',
        });
      }
      // The seed's deadline is the 20th: reminders on the 17th and 20th, the monthly compile on the 21st, all at 08:00 local.
      expect(defs.find((d) => d.name === 'remind-monthly')?.expression).toBe('cron(0 8 17,20 * ? *)');
      expect(defs.find((d) => d.name === 'compile-monthly')?.expression).toBe('cron(0 8 21 * ? *)');
    });

    it('invoke through a role that may call only the job functions and write only to the DLQ', () => {
      const nested = Template.fromStack(stack.scheduleStack);
      const roleId = stack.scheduleStack.getLogicalId(stack.schedules.role.node.defaultChild as never);
      const [, policy] = resources(nested, 'AWS::IAM::Policy').find(([, p]) => (p.Properties['Roles'] as { Ref: string }[]).some((r) => r.Ref === roleId))!;
      const statements = (fromParent(stack, template, policy).Properties['PolicyDocument'] as { Statement: Statement[] }).Statement;
      const invoke = statements.filter((s) => actionsOf(s).includes('lambda:InvokeFunction'));
      expect(invoke.map((s) => s.Resource).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual(
        JOB_NAMES.map((j) => ({ 'Fn::GetAtt': [functionLogicalId(stack, `jobs/${j}.ts#handler`), 'Arn'] })).sort((a, b) =>
          JSON.stringify(a).localeCompare(JSON.stringify(b)),
        ),
      );
      // One invoke statement per job function (compile, remind, deliver, digest).
      expect(statements.flatMap(actionsOf).sort()).toEqual([...JOB_NAMES.map(() => 'lambda:InvokeFunction'), 'sqs:SendMessage']);
      nested.hasResourceProperties('AWS::IAM::Role', {
        AssumeRolePolicyDocument: {
          Statement: [
            Match.objectLike({
              Principal: { Service: 'scheduler.amazonaws.com' },
              Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
            }),
          ],
        },
      });
    });
  });

  describe('alarms and dashboard', () => {
    it('alarm on API 5xx, each job’s errors, throttles, dead letters and failed deliveries, all notifying Văn phòng', () => {
      const alarms = resources(template, 'AWS::CloudWatch::Alarm');
      const topicId = stack.getLogicalId(stack.monitoring.topic.node.defaultChild as never);
      const metricNames = alarms.map(([, a]) => {
        const p = a.Properties as { MetricName?: string; Metrics?: { MetricStat?: { Metric: { MetricName: string } }; Expression?: string }[] };
        return (
          p.MetricName ??
          p.Metrics?.map((m) => m.MetricStat?.Metric.MetricName ?? m.Expression)
            .filter(Boolean)
            .join('+')
        );
      });
      expect(metricNames.sort()).toEqual(
        [
          '5xx',
          'ApproximateNumberOfMessagesVisible',
          // One per job function: compile, remind, deliver, digest.
          'Errors',
          'Errors',
          'Errors',
          'Errors',
          'FILL(bounce, 0) + FILL(reject, 0) + FILL(rendering, 0)+Bounce+Reject+RenderingFailure',
          'Throttles',
        ].sort(),
      );
      for (const [id, a] of alarms) {
        expect(a.Properties, id).toMatchObject({
          AlarmActions: [{ Ref: topicId }],
          Threshold: 1,
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
          TreatMissingData: 'notBreaching',
        });
        expect(String(a.Properties['AlarmDescription']).length, id).toBeGreaterThan(40);
      }
    });

    it('measures failed deliveries from the configuration set the mail goes through', () => {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Metrics: Match.arrayWith([
          Match.objectLike({
            MetricStat: Match.objectLike({
              Metric: {
                Namespace: 'AWS/SES',
                MetricName: 'Bounce',
                Dimensions: [{ Name: 'ses:configuration-set', Value: Match.anyValue() }],
              },
            }),
          }),
        ]),
      });
    });

    it('email the alarm addresses (Văn phòng by default) through a topic that refuses non-TLS publishers', () => {
      template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'vanphong@skhcn.bacgiang.example' });
      template.resourceCountIs('AWS::SNS::Subscription', 1);
      template.hasResourceProperties('AWS::SNS::TopicPolicy', {
        PolicyDocument: { Statement: [Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })] },
      });
    });

    it('have one dashboard', () => {
      template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
      template.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'baocao-dev-skhcn-bacgiang' });
    });
  });
});

describe('ApplicationStack with a custom domain and deploy parameters', () => {
  const cert = 'arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012';
  let stack: ApplicationStack;
  let template: Template;

  beforeAll(() => {
    stack = buildTestApp({
      'baocao:stage': 'prod',
      'baocao:agencyProfile': DEMO_PROFILE_PATH,
      'baocao:domainName': 'baocao.skhcn.bacgiang.example',
      'baocao:certificateArn': cert,
      'baocao:alarmEmails': 'it@skhcn.bacgiang.example,vanphong@skhcn.bacgiang.example',
      'baocao:logRetentionDays': '731',
    }).application;
    template = Template.fromStack(stack);
  });

  it('locks CORS to the portal origin and serves the custom domain from CloudFront, TLS 1.2 at least', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      // CloudFront's origin: callers that skip it lack the header the functions check.
      DisableExecuteApiEndpoint: false,
      CorsConfiguration: {
        AllowOrigins: ['https://baocao.skhcn.bacgiang.example'],
        AllowCredentials: true,
        AllowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-CSRF-Token'],
        AllowMethods: ['GET', 'POST', 'PUT'],
      },
    });
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['baocao.skhcn.bacgiang.example'],
        ViewerCertificate: { AcmCertificateArn: cert, MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' },
      }),
    });
    template.resourceCountIs('AWS::ApiGatewayV2::DomainName', 0);
    template.hasOutput('DnsTarget', { Value: { 'Fn::GetAtt': [stack.getLogicalId(stack.edge.distribution.node.defaultChild as never), 'DomainName'] } });
  });

  it('names the custom domain as the sign-in page and as the address every emailed link carries', () => {
    template.hasOutput('SignInUrl', { Value: 'https://baocao.skhcn.bacgiang.example/signin' });
    const fns = resources(template, 'AWS::Lambda::Function').filter(
      ([, f]) => (f.Properties['Environment'] as { Variables?: Record<string, unknown> })?.Variables?.['TABLE_NAME'],
    );
    expect(fns.length).toBeGreaterThan(0);
    for (const [id, f] of fns)
      expect((f.Properties['Environment'] as { Variables: Record<string, unknown> }).Variables['PUBLIC_URL'], id).toBe('https://baocao.skhcn.bacgiang.example');
  });

  it('applies the alarm addresses and the log retention', () => {
    template.resourceCountIs('AWS::SNS::Subscription', 2);
    template.hasResourceProperties('AWS::SNS::Subscription', { Endpoint: 'it@skhcn.bacgiang.example' });
    for (const [id, group] of resources(template, 'AWS::Logs::LogGroup')) expect(group.Properties['RetentionInDays'], id).toBe(731);
  });

  it('names the schedule group, dashboard and stacks after the stage', () => {
    expect(stack.stackName).toBe('baocao-prod-app');
    Template.fromStack(stack.scheduleStack).hasResourceProperties('AWS::Scheduler::ScheduleGroup', { Name: 'baocao-prod-jobs-skhcn-bacgiang' });
  });
});
