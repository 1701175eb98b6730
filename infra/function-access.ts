/**
 * What each function may touch, declared per (module, export) and turned into IAM statements: only
 * the DynamoDB actions it uses, on the partitions of the deployment's agencies (dynamodb:LeadingKeys),
 * only its writes on the partitions it owns, S3 only under `reports/<agency>/` (and units' `uploads/<agency>/`,
 * `attachments/<agency>/`) of those agencies, SES
 * only through the deployment's identities and configuration set.
 *
 * IAM walls off everything outside the deployment's agencies; which of them a request may reach is
 * the application's to decide (the agency of the signed-in user's token, or of the schedule that
 * fired), tested agency × role × endpoint (docs/decisions.md, "One deployment, several agencies").
 * flow: infra/function-construct --> function access --> dynamo key builders (functions/adapters/dynamo/keys.ts)
 *
 * A function the table does not list stops synthesis: a new route or job gets its permissions by a
 * reviewed line here, never by a default that is too wide or too narrow.
 */
import * as iam from 'aws-cdk-lib/aws-iam';
import { keys } from '../functions/adapters/dynamo/keys.ts';
import { TABLE_SCHEMA } from './stateful-stack.ts';

/** What a function may do with units' attachments (StatefulStack.attachmentAccess). */
export type AttachmentGrant = 'upload' | 'check' | 'keep' | 'read';

/** The partitions a function may write, named for what lives in them. */
export type WriteFamily =
  | 'period'
  | 'idempotency'
  | 'reports'
  | 'register'
  | 'jobRuns'
  | 'deliveries'
  | 'revocations'
  | 'users'
  | 'audit'
  | 'profiles'
  | 'plan'
  | 'registry'
  | 'directions';

export interface FunctionAccess {
  /** GetItem, BatchGetItem and Query on the agencies' items (table and GSI1). */
  read?: boolean;
  /** PutItem, UpdateItem and ConditionCheckItem on these partitions only. Nothing here deletes. */
  write?: WriteFamily[];
  /** s3:GetObject (also what a presigned download link needs) on each `reports/<agency>/*` (StatefulStack.reportAccess.read). */
  readReports?: boolean;
  /** s3:PutObject on each `reports/<agency>/*` (StatefulStack.reportAccess.write). */
  writeReports?: boolean;
  /** ses:SendEmail through the deployment's identities and configuration set. */
  sendEmail?: boolean;
  /** The health probes: DescribeTable, HeadBucket (s3:ListBucket), ListEmailTemplates. */
  probe?: boolean;
  /**
   * GetItem on the revocation list only (signed-out tokens): for the functions that check a session
   * but read no other data. The others' `read` covers it.
   */
  readRevocations?: boolean;
  /**
   * GetItem, BatchGetItem and Query on the agency's profile partition only (`AGENCY#<id>`): for the
   * functions that check a session and, with it, that the token's agency exists (a 403
   * unknown_agency otherwise), but read no other data. The others' `read` covers it.
   */
  readProfiles?: boolean;
  /**
   * Units' attachments (usecases/attachments.ts), per agency prefix: `upload` s3:PutObject on
   * `uploads/<agency>/*` (what signs a presigned POST); `check` s3:GetObject and s3:DeleteObject there
   * (the content check, refusals); `keep` s3:PutObject on `attachments/<agency>/*` (the checked copy);
   * `read` s3:GetObject on `attachments/<agency>/*` (HEAD at submit, download links). Granted by the
   * stateful stack's managed policies (StatefulStack.attachmentAccess), attached by the function construct.
   */
  attachments?: AttachmentGrant[];
  /** cognito-idp:AdminUserGlobalSignOut on the deployment's user pool (sign-out). */
  signOutUsers?: boolean;
  /**
   * The Cognito Admin* actions of people's identities (MANAGE_USER_ACTIONS) on the deployment's user
   * pool: Văn phòng's invitations and changes (functions/adapters/auth/cognito-directory.ts).
   */
  manageUsers?: boolean;
  /**
   * Query on the registry of agencies (partition `AGENCIES`, AgencyStore.listAgencies): for the
   * province's view, which lists every agency the deployment holds to find those of its province.
   */
  readRegistry?: boolean;
  /**
   * GetItem, PutItem, UpdateItem on the partitions of sign-in by email, which belong to an address
   * rather than an agency: `EMAIL#<address>` (which agency holds it, its pending code, its hourly
   * count) and `SOURCE#<ip>` (requests per source).
   */
  signIn?: boolean;
  /** GetItem on the agencies' people (`AGENCY#<id>#USERS`): to find the person a code was sent to. */
  readPeople?: boolean;
}

/**
 * Partition-key patterns of each family, built with the adapters' own key builders ("*" for the
 * variable parts), so a change of key layout changes the policy with it.
 */
export function writePatterns(family: WriteFamily, agencyId: string): string[] {
  switch (family) {
    case 'period':
      // Submission heads, locks (AGENCY#a#PERIOD#p) and revisions (…#PERIOD#p#UNIT#u).
      return [keys.period(agencyId, '*')];
    case 'idempotency':
      return [keys.idempotency(agencyId, '*', '*')];
    case 'reports':
      return [keys.reports(agencyId, '*')];
    case 'register':
      return [keys.register(agencyId, '*', '*')];
    case 'jobRuns':
      return [keys.jobRuns(agencyId, '*')];
    case 'deliveries':
      return [keys.deliveries(agencyId, '*')];
    case 'revocations':
      return [keys.revokedToken(agencyId, '*')];
    case 'users':
      return [keys.users(agencyId)];
    case 'profiles':
      // The profile versions (AGENCY#a / PROFILE#n) and the agency's line in the registry (AGENCIES / AGENCY#a).
      return [keys.agency(agencyId), keys.agencies];
    case 'audit':
      return [keys.audit(agencyId)];
    case 'plan':
      // The year's pointer lives in the agency's own partition (beside its profile versions, which a
      // plan naming new units adds to); each version in AGENCY#a#PLAN#year#V…#hash.
      return [keys.agency(agencyId), `${keys.agency(agencyId)}#PLAN#*`];
    case 'directions':
      // The directions' current versions (AGENCY#a#DIRECTIONS) and each one's versions (AGENCY#a#DIRECTION#id).
      return [keys.directions(agencyId), keys.directionVersions(agencyId, '*')];
    case 'registry':
      // The agency's line in the registry, rewritten with a new profile version (AgencyStore.putProfile).
      return [keys.agencies];
  }
}

/** Every item of an agency: the agency partition itself and every partition under it. */
export function agencyPatterns(agencyId: string): string[] {
  return [keys.agency(agencyId), `${keys.agency(agencyId)}#*`];
}

/** A family's patterns for each agency of the deployment, agency by agency. */
function familyPatterns(families: readonly WriteFamily[], agencyIds: readonly string[]): string[] {
  return agencyIds.flatMap((a) => families.flatMap((f) => writePatterns(f, a)));
}

const read: FunctionAccess = { read: true };

/** Keyed by "module#export" (see function-catalog.ts). */
export const FUNCTION_ACCESS: Readonly<Record<string, FunctionAccess>> = {
  'api/health.ts#handler': { probe: true },
  'api/get-plan.ts#handler': read,
  'api/status.ts#handler': read,
  'api/dashboard.ts#handler': read,
  'api/directions.ts#listHandler': read,
  'api/directions.ts#getHandler': read,
  // A direction, its version record and the audit entry: one transaction.
  'api/directions.ts#recordHandler': { read: true, write: ['directions', 'audit'] },
  'api/directions.ts#changeHandler': { read: true, write: ['directions', 'audit'] },
  'api/submissions.ts#formHandler': read,
  'api/submissions.ts#listHandler': read,
  'api/submissions.ts#getHandler': read,
  'api/submissions.ts#revisionsHandler': read,
  // A submit writes head, revision and (with Idempotency-Key) the replay record in one transaction.
  'api/submissions.ts#submitHandler': { read: true, write: ['period', 'idempotency', 'deliveries'], attachments: ['read'], sendEmail: true },
  'api/submissions.ts#draftHandler': { read: true, write: ['period'], attachments: ['read'] },
  'api/attachments.ts#uploadHandler': { read: true, attachments: ['upload'] },
  'api/attachments.ts#confirmHandler': { read: true, attachments: ['check', 'keep'] },
  'api/attachments.ts#downloadHandler': { read: true, attachments: ['read'] },
  'api/periods.ts#reopenHandler': { read: true, write: ['period'] },
  'api/periods.ts#lockHandler': { read: true, write: ['period'] },
  // Văn phòng's "remind now": the board, then each email claimed and settled in the delivery log.
  'api/reminders.ts#handler': { read: true, write: ['deliveries'], sendEmail: true },
  // A province office's compile is the roll-up: it lists the agencies (registry) and reads theirs.
  'api/report-compile.ts#handler': { read: true, write: ['reports'], writeReports: true, readRegistry: true },
  // Issuing takes a number in the register, marks the version and (report to UBND tỉnh) locks the month;
  // it reads the version's model and writes the issued files.
  'api/report-issue.ts#handler': { read: true, write: ['reports', 'register', 'period'], readReports: true, writeReports: true },
  // Reads the issued PDF to compare, writes the signed one beside it and records it on the version.
  // "Gửi UBND tỉnh ngay": the delivery job's path for an issued version only (never compiles nor
  // issues: the use case refuses first), so the run, the delivery log, the lock, the files to attach, SES.
  'api/report-deliver.ts#handler': { read: true, write: ['jobRuns', 'deliveries', 'period'], readReports: true, sendEmail: true },
  // Văn phòng's profile: reads it; a new version is written with the agency's registry line and its audit entry.
  'api/agency-profile.ts#getHandler': read,
  'api/agency-profile.ts#postHandler': { read: true, write: ['profiles', 'audit'] },
  'api/report-signed.ts#handler': { read: true, write: ['reports'], readReports: true, writeReports: true },
  // Presigned download links are signed with this function's role: it needs s3:GetObject.
  'api/reports.ts#listHandler': { read: true, readReports: true },
  // Văn phòng UBND tỉnh: the registry of agencies, then the province's agencies, their versions,
  // delivery logs and issued models, and links to the issued files. In AWS it sees the agencies of
  // its own deployment only (docs/onboarding.md, "In AWS, today").
  'api/province.ts#handler': { read: true, readReports: true, readRegistry: true },
  'api/pages/province-page.ts#handler': { read: true, readReports: true, readRegistry: true },
  // Opening a session verifies the token against the user pool's public keys and the revocation
  // list, and that the token's agency exists (its profile).
  // With a code: the address's pending code and counts, its person, then the same checks.
  'api/session.ts#sessionHandler': { readRevocations: true, readProfiles: true, signIn: true, readPeople: true },
  // Sends a code: counts per address and source, the person and their agency's sender (profile).
  // In AWS Cognito emails the code (InitiateAuth and RespondToAuthChallenge take no IAM permission): no SES.
  'api/session.ts#codeHandler': { readProfiles: true, signIn: true, readPeople: true },
  // Văn phòng's people: the agency's users and audit log; inviting claims the address (EMAIL#) and
  // sends the invitation; a change may end the person's sessions (revocation list).
  'api/users.ts#listHandler': read,
  // A leader's own digest setting: their user record and the audit log.
  'api/me.ts#digestHandler': { read: true, write: ['users', 'audit'] },
  // Both bring the person's Cognito user and groups to the table's (manageUsers).
  'api/users.ts#inviteHandler': { read: true, write: ['users', 'audit'], signIn: true, sendEmail: true, manageUsers: true },
  'api/users.ts#changeHandler': { read: true, write: ['users', 'audit', 'revocations'], signIn: true, manageUsers: true },
  // Văn phòng imports the year's plan (a new version, new units into a new profile version with its
  // registry line) and extends deadlines (a new version); both write the audit log.
  'api/plans.ts#handler': { read: true, write: ['plan', 'registry', 'audit'] },
  'api/plan-amendments.ts#handler': { read: true, write: ['plan', 'audit'] },
  // The plan page: the plan and its meta.
  'api/pages/plan-page.ts#handler': read,
  // Sign-out puts the token on the revocation list and ends the user's Cognito sessions.
  'api/session.ts#signoutHandler': { readRevocations: true, write: ['revocations'], signOutUsers: true },
  // The API Gateway authorizer: the token and the pool's public keys (HTTPS to the JWKS URL), no data.
  // The revocation list is the handlers' to check (docs/decisions.md).
  'api/authorizer.ts#handler': {},
  'api/pages/form-page.ts#handler': read,
  'api/pages/status-page.ts#handler': read,
  // Lists the compiled reports with presigned download links, like GET /api/reports.
  'api/pages/reports-page.ts#handler': { read: true, readReports: true },
  // Shows who is signed in: checks the session (and that its agency exists), reads nothing else.
  'api/pages/signin-page.ts#handler': { readRevocations: true, readProfiles: true },
  'api/pages/static.ts#handler': {},
  // The people page: the agency's users and audit log, like GET /api/users.
  'api/pages/people-page.ts#handler': read,
  // The "remind now" page: the board and due tasks (a dry run, nothing sent) and the delivery log.
  'api/pages/reminders-page.ts#handler': read,
  // Revisions, report versions, the delivery log and the people's names (who did what): reads only.
  'api/pages/history-page.ts#handler': read,
  // A unit's report to read (as the form and the history read it); its attachments' download links.
  'api/pages/report-page.ts#handler': read,
  'api/pages/report-page.ts#attachmentHandler': { read: true, attachments: ['read'] },
  'api/pages/dashboard-page.ts#handler': read,
  'api/pages/dashboard-page.ts#taskHandler': read,
  'api/pages/dashboard-page.ts#figureHandler': read,
  'api/pages/profile-page.ts#handler': read,
  'api/pages/my-reports-page.ts#handler': read,
  'jobs/compile.ts#handler': { read: true, write: ['reports', 'jobRuns'], writeReports: true, readRegistry: true },
  'jobs/remind.ts#handler': { read: true, write: ['jobRuns', 'deliveries'], sendEmail: true },
  // The leaders' digest: the dashboard's reads (plan, submissions, profile) and the people list; its emails' log.
  'jobs/digest.ts#handler': { read: true, write: ['jobRuns', 'deliveries'], sendEmail: true },
  // Delivery attaches the issued (or signed) PDF, logs every email and locks the month; with the
  // profile's autoIssue it issues the report itself (register, version, issued files), and it
  // compiles a draft when none exists.
  'jobs/deliver.ts#handler': {
    read: true,
    write: ['jobRuns', 'deliveries', 'period', 'reports', 'register'],
    readRegistry: true,
    readReports: true,
    writeReports: true,
    sendEmail: true,
  },
};

export interface AccessTargets {
  /** The deployment's agencies: every key pattern is repeated for each, nothing else is reachable. */
  agencyIds: readonly string[];
  tableArn: string;
  userPoolArn: string;
  bucketArn: string;
  sesIdentityArns: readonly string[];
  sesConfigurationSetArn: string;
}

/** What the Cognito directory calls (functions/adapters/auth/cognito-directory.ts), and nothing more. */
export const MANAGE_USER_ACTIONS = [
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminGetUser',
  'cognito-idp:AdminUpdateUserAttributes',
  'cognito-idp:AdminSetUserPassword',
  'cognito-idp:AdminListGroupsForUser',
  'cognito-idp:AdminAddUserToGroup',
  'cognito-idp:AdminRemoveUserFromGroup',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminEnableUser',
  'cognito-idp:AdminUserGlobalSignOut',
];

/** BatchGetItem: the reads a submit issues together go out as one (functions/adapters/dynamo/get-batcher.ts). */
export const READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];
export const WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem'];

/**
 * The IAM statements of one function's access. Report files are granted by the stateful stack's
 * managed policies (StatefulStack.reportAccess), attached by the function construct.
 */
export function accessStatements(access: FunctionAccess, t: AccessTargets): iam.PolicyStatement[] {
  const statements: iam.PolicyStatement[] = [];
  if (access.read) {
    statements.push(
      new iam.PolicyStatement({
        sid: 'ReadAgencyItems',
        actions: READ_ACTIONS,
        resources: [t.tableArn, `${t.tableArn}/index/${TABLE_SCHEMA.gsi1.indexName}`],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': t.agencyIds.flatMap(agencyPatterns) } },
      }),
    );
  }
  if (access.write && access.write.length > 0) {
    statements.push(
      new iam.PolicyStatement({
        sid: 'WriteOwnPartitions',
        actions: WRITE_ACTIONS,
        resources: [t.tableArn],
        conditions: {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': familyPatterns(access.write, t.agencyIds) },
        },
      }),
    );
  }
  if (access.readRevocations && !access.read) {
    statements.push(
      new iam.PolicyStatement({
        sid: 'ReadRevocationList',
        // One BatchGetItem reads the token's entry and its person's (functions/adapters/auth/revocation-list.ts).
        actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem'],
        resources: [t.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': familyPatterns(['revocations'], t.agencyIds) } },
      }),
    );
  }
  if (access.readProfiles && !access.read) {
    statements.push(
      new iam.PolicyStatement({
        sid: 'ReadAgencyProfile',
        actions: READ_ACTIONS,
        resources: [t.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': t.agencyIds.map(keys.agency) } },
      }),
    );
  }
  if (access.readRegistry) {
    statements.push(
      new iam.PolicyStatement({
        sid: 'ReadAgencyRegistry',
        actions: ['dynamodb:Query'],
        resources: [t.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [keys.agencies] } },
      }),
    );
  }
  if (access.signIn) {
    statements.push(
      new iam.PolicyStatement({
        sid: 'SignInByCode',
        actions: ['dynamodb:GetItem', ...WRITE_ACTIONS],
        resources: [t.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [keys.email('*'), keys.source('*')] } },
      }),
    );
  }
  if (access.readPeople && !access.read) {
    statements.push(
      new iam.PolicyStatement({
        sid: 'ReadPeople',
        actions: ['dynamodb:GetItem'],
        resources: [t.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': t.agencyIds.map(keys.users) } },
      }),
    );
  }
  if (access.signOutUsers) {
    statements.push(new iam.PolicyStatement({ sid: 'SignOutUsers', actions: ['cognito-idp:AdminUserGlobalSignOut'], resources: [t.userPoolArn] }));
  }
  if (access.manageUsers) {
    statements.push(new iam.PolicyStatement({ sid: 'ManageUsers', actions: MANAGE_USER_ACTIONS, resources: [t.userPoolArn] }));
  }
  if (access.sendEmail) {
    statements.push(new iam.PolicyStatement({ sid: 'SendEmail', actions: ['ses:SendEmail'], resources: [...t.sesIdentityArns, t.sesConfigurationSetArn] }));
  }
  if (access.probe) {
    statements.push(
      new iam.PolicyStatement({ sid: 'ProbeTable', actions: ['dynamodb:DescribeTable'], resources: [t.tableArn] }),
      // HeadBucket is authorized as s3:ListBucket; the health probe lists nothing.
      new iam.PolicyStatement({ sid: 'ProbeBucket', actions: ['s3:ListBucket'], resources: [t.bucketArn] }),
      // SES has no resource-level permission for ListEmailTemplates: "*" is the only resource it takes.
      new iam.PolicyStatement({ sid: 'ProbeMail', actions: ['ses:ListEmailTemplates'], resources: ['*'] }),
    );
  }
  return statements;
}
