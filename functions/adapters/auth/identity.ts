/**
 * Which sign-in identities and codes this deployment has: Cognito's where there is a user pool
 * (AWS: USER_POOL_ID), else the local issuer's (the local stack, the CLI and tests), where people's
 * identities are their UserStore records and codes are our own.
 * flow: session / users handlers --> identity --> Cognito directory, Cognito code channel | local
 */
import { randomUUID } from 'node:crypto';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { CodeChannel, IdentityDirectory } from '../../usecases/ports.ts';
import { requiredSetting } from '../config.ts';
import { CognitoCodeChannel } from './cognito-code-channel.ts';
import { CognitoDirectory } from './cognito-directory.ts';

/** Locally the person's record is their identity: a new subject, nothing else to keep in step. */
export const localDirectory: IdentityDirectory = {
  create: async () => ({ kind: 'ready', sub: randomUUID() }),
  apply: async () => undefined,
};

let client: CognitoIdentityProviderClient | undefined;

/** One client per process, for the region the function runs in. */
export function cognitoClient(): CognitoIdentityProviderClient {
  client ??= new CognitoIdentityProviderClient({ region: requiredSetting('AWS_REGION'), maxAttempts: 3 });
  return client;
}

const inAws = () => Boolean(process.env.USER_POOL_ID);

export function identityDirectory(): IdentityDirectory {
  return inAws() ? new CognitoDirectory(cognitoClient(), requiredSetting('USER_POOL_ID')) : localDirectory;
}

/** Cognito's passwordless email codes for the portal's app client; undefined where there is no user pool. */
export function cognitoCodeChannel(): CodeChannel | undefined {
  return inAws() ? new CognitoCodeChannel(cognitoClient(), requiredSetting('AUTH_CLIENT_ID')) : undefined;
}
