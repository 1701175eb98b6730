/**
 * People in AWS, over the network: the people use case on DynamoDB Local with the Cognito directory
 * on moto's server (a user pool with the deployment's groups). An invited person becomes a Cognito
 * user with a verified address, confirmed (no password anyone knows), in the agency's and role's
 * groups, with the sub the table keeps; a change of role or unit moves the groups; disabling signs
 * the person out of Cognito (their refresh token stops working) and disables them; an address held
 * by another agency in the pool is refused; one made by hand before is adopted.
 *
 * The code sign-in's Cognito channel is not here: moto 5.2.1 implements neither the USER_AUTH flow
 * of InitiateAuth (its initiate_auth accepts USER_SRP_AUTH, REFRESH_TOKEN(_AUTH), CUSTOM_AUTH and
 * USER_PASSWORD_AUTH only) nor the EMAIL_OTP challenge of RespondToAuthChallenge. Its request and
 * answer handling is tested on Cognito's documented shapes in test/unit/usecases/cognito-code-channel.test.ts.
 * flow: vitest --> people use case --> DynamoDB Local, Cognito directory --> moto_server
 */
import { randomUUID } from 'node:crypto';
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  AdminListGroupsForUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CognitoDirectory } from '../../functions/adapters/auth/cognito-directory.ts';
import { setAgency } from '../../functions/usecases/agency-service.ts';
import { UseCaseError } from '../../functions/usecases/errors.ts';
import { changePerson, invitePerson } from '../../functions/usecases/people.ts';
import { demoProfile } from '../support/demo-profile.ts';
import { testContainer } from '../support/local.ts';
import { type Moto, startMoto } from '../support/moto.ts';

const agency = `t-cog-${randomUUID().slice(0, 8)}`;
const other = `t-cog2-${randomUUID().slice(0, 8)}`;
const c = testContainer(agency);
const vp = { sub: 'vp-test', role: 'van-phong' as const, agencyId: agency, name: 'Văn phòng' };
const revoked: string[] = [];
const sessions = { revokeSubject: async (_a: string, sub: string) => void revoked.push(sub) };

let moto: Moto;
let cognito: CognitoIdentityProviderClient;
let poolId: string;
let directory: CognitoDirectory;
/** A client that lets the test sign in with a password it sets (moto has no EMAIL_OTP): to hold a refresh token. */
let testClientId: string;

const email = (local: string) => `${local}.${agency}@example.test`;
const deps = () => ({ ...c, sessions, directory });

async function cognitoUser(address: string) {
  const u = await cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: address }));
  const attrs = Object.fromEntries((u.UserAttributes ?? []).map((a) => [a.Name, a.Value]));
  const groups = (await cognito.send(new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username: address }))).Groups ?? [];
  return { status: u.UserStatus, enabled: u.Enabled, attrs, groups: groups.map((g) => g.GroupName).sort() };
}

async function refusal(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UseCaseError);
  return (err as UseCaseError).code;
}

beforeAll(async () => {
  moto = await startMoto();
  cognito = new CognitoIdentityProviderClient({
    region: 'ap-southeast-1',
    endpoint: moto.endpoint,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  });
  const pool = await cognito.send(
    new CreateUserPoolCommand({
      PoolName: `baocao-${agency}`,
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      Policies: { PasswordPolicy: { MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true } },
    }),
  );
  poolId = pool.UserPool!.Id!;
  // The groups the stack creates from the profiles (infra/user-groups.ts).
  for (const GroupName of [`agency-${agency}`, `agency-${other}`, 'van-phong', 'lanh-dao', 'unit-QLKH', 'unit-QLCN']) {
    await cognito.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName }));
  }
  const client = await cognito.send(
    new CreateUserPoolClientCommand({
      UserPoolId: poolId,
      ClientName: 'test',
      ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }),
  );
  testClientId = client.UserPoolClient!.ClientId!;
  directory = new CognitoDirectory(cognito, poolId);
  await setAgency(c.agencies, { ...demoProfile(), agencyId: agency });
});

afterAll(async () => {
  cognito?.destroy();
  await moto?.stop();
});

describe('people in Cognito (moto)', () => {
  it('invites a person as a confirmed Cognito user with a verified address, in the agency and unit groups, under the sub the table keeps', async () => {
    const address = email('unit');
    const user = await invitePerson(deps(), vp, { email: address, name: 'Trần Văn Đơn Vị', role: 'unit', unit: 'QLKH' }, new Date());
    const u = await cognitoUser(address);
    expect(u).toMatchObject({ status: 'CONFIRMED', enabled: true, groups: [`agency-${agency}`, 'unit-QLKH'] });
    expect(u.attrs).toMatchObject({ email: address, email_verified: 'true', name: 'Trần Văn Đơn Vị', sub: user.sub });
    expect((await c.users.findByEmail(address))?.sub).toBe(user.sub);
  });

  it("moves the groups with a change of unit, then of role, and keeps the agency's", async () => {
    const address = email('move');
    const user = await invitePerson(deps(), vp, { email: address, name: 'Lê Thị Chuyển', role: 'unit', unit: 'QLKH' }, new Date());
    const moved = await changePerson(deps(), vp, { email: address, version: user.version, unit: 'QLCN' }, new Date());
    expect((await cognitoUser(address)).groups).toEqual([`agency-${agency}`, 'unit-QLCN']);
    await changePerson(deps(), vp, { email: address, version: moved.version, role: 'lanh-dao', unit: null }, new Date());
    expect((await cognitoUser(address)).groups).toEqual([`agency-${agency}`, 'lanh-dao']);
    // Each move also ended the sessions opened under the old rights (the revocation list).
    expect(revoked.filter((s) => s === user.sub)).toHaveLength(2);
  });

  it('disables a person: their Cognito refresh token stops working and they are disabled there; enabling lets them in again', async () => {
    const address = email('off');
    const user = await invitePerson(deps(), vp, { email: address, name: 'Phạm Văn Nghỉ', role: 'lanh-dao' }, new Date());
    // A session held in Cognito (moto has no EMAIL_OTP: a password the test sets stands in for the code).
    const password = `Pw-${randomUUID()}aA1!`;
    await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: address, Password: password, Permanent: true }));
    const signedIn = await cognito.send(
      new AdminInitiateAuthCommand({
        UserPoolId: poolId,
        ClientId: testClientId,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: address, PASSWORD: password },
      }),
    );
    const refresh = signedIn.AuthenticationResult!.RefreshToken!;
    const refreshed = () =>
      cognito.send(new InitiateAuthCommand({ ClientId: testClientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: refresh } }));
    expect((await refreshed()).AuthenticationResult?.AccessToken).toBeTruthy();

    const off = await changePerson(deps(), vp, { email: address, version: user.version, status: 'disabled' }, new Date());
    expect((await cognitoUser(address)).enabled).toBe(false);
    await expect(refreshed()).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    expect(revoked).toContain(user.sub);

    await changePerson(deps(), vp, { email: address, version: off.version, status: 'active' }, new Date());
    expect(await cognitoUser(address)).toMatchObject({ enabled: true, groups: [`agency-${agency}`, 'lanh-dao'] });
  });

  it('refuses an address another agency holds in the pool, leaving that identity as it was', async () => {
    const address = email('elsewhere');
    await directory.create({
      email: address,
      agencyId: other,
      role: 'van-phong',
      name: 'Người Cơ Quan Khác',
      status: 'active',
      invitedAt: 'x',
      invitedBy: 'x',
      updatedAt: 'x',
      version: 1,
    });
    expect(await refusal(invitePerson(deps(), vp, { email: address, name: 'Mời Nhầm', role: 'lanh-dao' }, new Date()))).toBe('email_other_agency');
    expect((await cognitoUser(address)).groups).toEqual([`agency-${other}`, 'van-phong']);
    expect(await c.users.findByEmail(address)).toBeUndefined();
  });

  it('adopts an identity made by hand before the portal managed people (no agency group yet), under its own sub', async () => {
    const address = email('byhand');
    const made = await cognito.send(
      new AdminCreateUserCommand({ UserPoolId: poolId, Username: address, MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: address }] }),
    );
    const sub = made.User?.Attributes?.find((a) => a.Name === 'sub')?.Value;
    const user = await invitePerson(deps(), vp, { email: address, name: 'Đỗ Văn Cũ', role: 'unit', unit: 'QLKH' }, new Date());
    expect(user.sub).toBe(sub);
    const u = await cognitoUser(address);
    expect(u).toMatchObject({ status: 'CONFIRMED', groups: [`agency-${agency}`, 'unit-QLKH'] });
    // Its address now verified (the codes go there) and its name the one Văn phòng gave.
    expect(u.attrs).toMatchObject({ email: address, email_verified: 'true', name: 'Đỗ Văn Cũ' });
  });
});
