// Per-function access: declarations --> IAM statements; key patterns --> the adapters' real keys.
import { App, Stack } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { keys } from '../../functions/adapters/dynamo/keys.ts';
import { accessStatements, agencyPatterns, FUNCTION_ACCESS, writePatterns, type WriteFamily } from '../../infra/function-access.ts';

/** IAM StringLike: "*" any run of characters, "?" one character, the rest literal. */
function iamLike(pattern: string, value: string): boolean {
  const regex = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${regex}$`).test(value);
}

const A = 'skhcn-bacgiang';
const matches = (patterns: string[], key: string) => patterns.some((p) => iamLike(p, key));

describe('key patterns', () => {
  it('cover every partition the adapters write, each in its own family', () => {
    const written: [WriteFamily, string][] = [
      ['period', keys.period(A, '2024-05')],
      ['period', keys.revisions(A, '2024-05', 'QLKH')],
      ['idempotency', keys.idempotency(A, 'submit', '6f1c2a-key')],
      ['reports', keys.reports(A, '2024-05')],
      ['reports', keys.reports(A, '2024-Q2')],
      ['jobRuns', keys.jobRuns(A, 'compile-monthly')],
      ['deliveries', keys.deliveries(A, '2024-05')],
      ['revocations', keys.revokedToken(A, '5b2c7e0a-1111-2222-3333-444455556666')],
    ];
    for (const [family, key] of written) {
      expect(matches(writePatterns(family, A), key), `${family} ${key}`).toBe(true);
      for (const other of ['period', 'idempotency', 'reports', 'jobRuns', 'deliveries', 'revocations'] as WriteFamily[]) {
        if (other !== family) expect(matches(writePatterns(other, A), key), `${other} must not cover ${key}`).toBe(false);
      }
    }
  });

  it('keep the plan and the profile out of every function’s writes (only the CLI imports them)', () => {
    const planKeys = [keys.agency(A), keys.planVersionPk(A, 2024, 1, 'abcdef0123456789'), keys.tasksByUnitPk(A, 2024, 1, 'abcdef012345', 'QLKH')];
    const families: WriteFamily[] = ['period', 'idempotency', 'reports', 'jobRuns', 'deliveries', 'revocations'];
    for (const key of planKeys) for (const f of families) expect(matches(writePatterns(f, A), key), key).toBe(false);
  });

  it('let reads reach every item of the agency, and nothing of another agency whose id starts the same', () => {
    const own = [keys.agency(A), keys.period(A, '2024-05'), keys.unitSubmissions(A, 'QLKH'), keys.allReports(A), keys.allJobRuns(A)];
    for (const key of own) expect(matches(agencyPatterns(A), key), key).toBe(true);
    for (const key of [keys.agency(`${A}2`), keys.period(`${A}-cu`, '2024-05'), keys.agency('other')]) {
      expect(matches(agencyPatterns(A), key), key).toBe(false);
    }
  });
});

describe('accessStatements', () => {
  const stack = new Stack(new App(), 'S');
  const targets = {
    agencyIds: [A],
    tableArn: 'arn:aws:dynamodb:ap-southeast-1:111122223333:table/t',
    userPoolArn: 'arn:aws:cognito-idp:ap-southeast-1:111122223333:userpool/ap-southeast-1_stub',
    bucketArn: 'arn:aws:s3:::b',
    sesIdentityArns: ['arn:aws:ses:ap-southeast-1:111122223333:identity/so.gov.vn'],
    sesConfigurationSetArn: 'arn:aws:ses:ap-southeast-1:111122223333:configuration-set/c',
  };
  const json = (access: Parameters<typeof accessStatements>[0]) => accessStatements(access, targets).map((s) => stack.resolve(s.toStatementJson()));

  it('grant nothing to a function that declares nothing', () => {
    expect(json({})).toEqual([]);
    // The API Gateway authorizer verifies tokens against the pool's public keys: no data at all.
    expect(FUNCTION_ACCESS['api/authorizer.ts#handler']).toEqual({});
  });

  it("let the session handlers read the revocation list and the agency's profile, nothing else; sign-out write to the list and sign users out of the pool", () => {
    const onlyRevocations = { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`AGENCY#${A}#REVOKED#*`] } };
    const signIn = { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['EMAIL#*', 'SOURCE#*'] } };
    const readRevocations = {
      Sid: 'ReadRevocationList',
      Effect: 'Allow',
      Action: ['dynamodb:GetItem', 'dynamodb:BatchGetItem'],
      Resource: targets.tableArn,
      Condition: onlyRevocations,
    };
    expect(json(FUNCTION_ACCESS['api/session.ts#sessionHandler']!)).toEqual([
      readRevocations,
      {
        Sid: 'ReadAgencyProfile',
        Effect: 'Allow',
        Action: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'],
        Resource: targets.tableArn,
        Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`AGENCY#${A}`] } },
      },
      // Sign-in by code: the address's code and counts, the source's count — partitions of no agency.
      {
        Sid: 'SignInByCode',
        Effect: 'Allow',
        Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem'],
        Resource: targets.tableArn,
        Condition: signIn,
      },
      // …and the person the code was sent to, in their agency's people.
      {
        Sid: 'ReadPeople',
        Effect: 'Allow',
        Action: 'dynamodb:GetItem',
        Resource: targets.tableArn,
        Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`AGENCY#${A}#USERS`] } },
      },
    ]);
    expect(FUNCTION_ACCESS['api/pages/signin-page.ts#handler']).toEqual({ readRevocations: true, readProfiles: true });
    expect(json(FUNCTION_ACCESS['api/session.ts#signoutHandler']!)).toEqual([
      {
        Sid: 'WriteOwnPartitions',
        Effect: 'Allow',
        Action: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem'],
        Resource: targets.tableArn,
        Condition: onlyRevocations,
      },
      readRevocations,
      { Sid: 'SignOutUsers', Effect: 'Allow', Action: 'cognito-idp:AdminUserGlobalSignOut', Resource: targets.userPoolArn },
    ]);
    // Every other function that checks a session reads the agency's items already.
    for (const [key, access] of Object.entries(FUNCTION_ACCESS))
      if (!access.read && key.startsWith('api/pages/') && !key.includes('static')) expect(access.readRevocations, key).toBe(true);
  });

  it('read on the table and GSI1 only, under the agency’s leading keys', () => {
    expect(json({ read: true })).toEqual([
      {
        Sid: 'ReadAgencyItems',
        Effect: 'Allow',
        Action: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'],
        Resource: [targets.tableArn, `${targets.tableArn}/index/GSI1`],
        Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`AGENCY#${A}`, `AGENCY#${A}#*`] } },
      },
    ]);
  });

  it('send mail only through the identity and configuration set', () => {
    expect(json({ sendEmail: true })).toEqual([
      { Sid: 'SendEmail', Effect: 'Allow', Action: 'ses:SendEmail', Resource: [...targets.sesIdentityArns, targets.sesConfigurationSetArn] },
    ]);
  });

  it('probe with read-only calls, "*" only where SES allows nothing narrower', () => {
    const statements = json({ probe: true }) as { Action: string; Resource: string }[];
    expect(statements.map((s) => [s.Action, s.Resource])).toEqual([
      ['dynamodb:DescribeTable', targets.tableArn],
      ['s3:ListBucket', targets.bucketArn],
      ['ses:ListEmailTemplates', '*'],
    ]);
  });
});
