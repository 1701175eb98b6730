/**
 * People's sign-in identities in AWS: Cognito users of the deployment's pool, whose groups are what
 * every token says of its person (`cognito:groups`: the agency group, and the role or unit group;
 * functions/core/auth.ts). Văn phòng's changes (usecases/people.ts) land here after the table:
 *
 * - invite: AdminCreateUser with the address as username, `email_verified` true (the code sign-in
 *   sends its codes there) and MessageAction SUPPRESS (the portal sends its own invitation in
 *   Vietnamese, with the deployment's real address); a random permanent password nobody is told
 *   (AdminSetUserPassword) takes the user out of FORCE_CHANGE_PASSWORD, so the passwordless
 *   EMAIL_OTP sign-in is the only way in; then the groups. A user already in the pool without an
 *   agency (made by hand before) is adopted: its address marked verified, its name set.
 * - change: the groups become exactly the agency's, role's and unit's (AdminListGroupsForUser, then
 *   AdminAddUserToGroup / AdminRemoveUserFromGroup for the difference).
 * - disable: AdminUserGlobalSignOut and AdminDisableUser (refresh tokens end; the access tokens
 *   already issued are refused by the revocation list, revoked by the use case); enable: AdminEnableUser.
 *
 * Each call brings the user to the state given, so a change retried after a failure converges.
 * The users functions may call exactly these Admin* actions (infra/function-access.ts, MANAGE_USER_ACTIONS).
 * flow: people use case --> Cognito directory --> Cognito (Admin* APIs)
 */
import { randomBytes } from 'node:crypto';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  type AttributeType,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { agencyGroup, groupsForRole } from '../../core/auth.ts';
import type { User } from '../../core/users.ts';
import type { DirectoryOutcome, IdentityDirectory } from '../../usecases/ports.ts';

/** The groups a person's token must carry: their agency, and their role (a unit's group for role unit). */
export function groupsOf(user: Pick<User, 'agencyId' | 'role' | 'unit'>): string[] {
  return [agencyGroup(user.agencyId), ...groupsForRole(user.role, user.unit)];
}

/** A password that meets the pool's policy (12+, upper, lower, digit, symbol) and that nobody ever learns. */
function unusablePassword(): string {
  return `${randomBytes(24).toString('base64url')}aA1!`;
}

const subOf = (attributes: AttributeType[] | undefined) => attributes?.find((a) => a.Name === 'sub')?.Value;

export class CognitoDirectory implements IdentityDirectory {
  constructor(
    private readonly client: Pick<CognitoIdentityProviderClient, 'send'>,
    private readonly userPoolId: string,
  ) {}

  async create(user: Omit<User, 'sub'>): Promise<DirectoryOutcome> {
    const pool = { UserPoolId: this.userPoolId, Username: user.email };
    const attributes = [
      { Name: 'email', Value: user.email },
      // The code sign-in sends its codes to this address: Văn phòng vouches for it.
      { Name: 'email_verified', Value: 'true' },
      { Name: 'name', Value: user.name },
    ];
    let sub: string | undefined;
    try {
      const out = await this.client.send(new AdminCreateUserCommand({ ...pool, MessageAction: 'SUPPRESS', UserAttributes: attributes }));
      sub = subOf(out.User?.Attributes);
    } catch (err) {
      if ((err as { name?: string }).name !== 'UsernameExistsException') throw err;
      // Already in the pool (created by hand before the portal managed people, or a retried invite):
      // adopted when no other agency holds it.
      const own = agencyGroup(user.agencyId);
      if ((await this.groups(user.email)).some((g) => g.startsWith(agencyGroup('')) && g !== own)) return { kind: 'other-agency' };
      sub = subOf((await this.client.send(new AdminGetUserCommand(pool))).UserAttributes);
      // Its address is its username already (setting it again is refused as an alias taken): verified and named only.
      await this.client.send(new AdminUpdateUserAttributesCommand({ ...pool, UserAttributes: attributes.filter((a) => a.Name !== 'email') }));
    }
    if (!sub) throw new Error('Cognito returned the user without its sub');
    await this.client.send(new AdminSetUserPasswordCommand({ ...pool, Password: unusablePassword(), Permanent: true }));
    await this.apply({ ...user, sub });
    return { kind: 'ready', sub };
  }

  async apply(user: User): Promise<void> {
    const pool = { UserPoolId: this.userPoolId, Username: user.email };
    const target = groupsOf(user);
    const current = await this.groups(user.email);
    for (const GroupName of target.filter((g) => !current.includes(g))) {
      await this.client.send(new AdminAddUserToGroupCommand({ ...pool, GroupName }));
    }
    // Every group of the pool is an agency, a role or a unit: any other than the target is an old right.
    for (const GroupName of current.filter((g) => !target.includes(g))) {
      await this.client.send(new AdminRemoveUserFromGroupCommand({ ...pool, GroupName }));
    }
    if (user.status === 'disabled') {
      // Signed out first: the sessions end even if the disabling fails and is retried.
      await this.client.send(new AdminUserGlobalSignOutCommand(pool));
      await this.client.send(new AdminDisableUserCommand(pool));
    } else {
      await this.client.send(new AdminEnableUserCommand(pool));
    }
  }

  private async groups(email: string): Promise<string[]> {
    const names: string[] = [];
    let NextToken: string | undefined;
    do {
      const out = await this.client.send(
        new AdminListGroupsForUserCommand({ UserPoolId: this.userPoolId, Username: email, ...(NextToken ? { NextToken } : {}) }),
      );
      names.push(...(out.Groups ?? []).flatMap((g) => (g.GroupName ? [g.GroupName] : [])));
      NextToken = out.NextToken;
    } while (NextToken);
    return names;
  }
}
