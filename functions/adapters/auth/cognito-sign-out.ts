/**
 * Sign-out's part in Cognito (AWS only): AdminUserGlobalSignOut ends the user's sessions there —
 * refresh tokens, and the access tokens for Cognito's own APIs. Our API does not ask Cognito about
 * each token (it verifies the signature locally), so the token signed out is also put on the
 * revocation list (revocation-list.ts).
 * flow: sign-out handler --> cognito sign-out --> Cognito
 */
import { AdminUserGlobalSignOutCommand, type CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { requiredSetting } from '../config.ts';
import { cognitoClient } from './identity.ts';

export interface UserSignOut {
  signOut(username: string): Promise<void>;
}

export class CognitoUserSignOut implements UserSignOut {
  constructor(
    private readonly client: Pick<CognitoIdentityProviderClient, 'send'>,
    private readonly userPoolId: string,
  ) {}

  async signOut(username: string): Promise<void> {
    await this.client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: this.userPoolId, Username: username }));
  }
}

let current: UserSignOut | undefined;

/** Cognito's sign-out where there is a user pool (AWS: USER_POOL_ID); none for the local issuer. */
export function userSignOut(): UserSignOut | undefined {
  if (!process.env.USER_POOL_ID) return undefined;
  current ??= new CognitoUserSignOut(cognitoClient(), requiredSetting('USER_POOL_ID'));
  return current;
}
