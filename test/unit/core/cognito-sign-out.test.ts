// Sign-out's Cognito part (functions/adapters/auth/cognito-sign-out.ts): the global sign-out of the
// token's user in the deployment's pool; nothing at all where there is no pool (the local issuer).
import { AdminUserGlobalSignOutCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CognitoUserSignOut, userSignOut } from '../../../functions/adapters/auth/cognito-sign-out.ts';

afterEach(() => {
  delete process.env.USER_POOL_ID;
});

describe('Cognito sign-out', () => {
  it("asks the user pool to end the user's sessions", async () => {
    const send = vi.fn().mockResolvedValue({});
    await new CognitoUserSignOut({ send } as never, 'ap-southeast-1_Pool').signOut('nguyen.thi.nga@skhcn.example');
    expect(send).toHaveBeenCalledTimes(1);
    const command = send.mock.calls[0]![0] as AdminUserGlobalSignOutCommand;
    expect(command).toBeInstanceOf(AdminUserGlobalSignOutCommand);
    expect(command.input).toEqual({ UserPoolId: 'ap-southeast-1_Pool', Username: 'nguyen.thi.nga@skhcn.example' });
  });

  it('is there only where a user pool is named', () => {
    expect(userSignOut()).toBeUndefined();
    process.env.USER_POOL_ID = 'ap-southeast-1_Pool';
    process.env.AWS_REGION ??= 'ap-southeast-1';
    expect(userSignOut()).toBeInstanceOf(CognitoUserSignOut);
  });
});
