/**
 * Sign-in codes in AWS: Cognito's passwordless email sign-in (choice-based USER_AUTH flow, first
 * factor EMAIL_OTP). InitiateAuth makes Cognito email the code (through SES, from the agency's
 * sender: infra/stateful-stack.ts) and returns a `Session`; RespondToAuthChallenge with the code
 * and that session returns the person's tokens, of which the session cookie keeps the access token
 * (the one every handler and the authorizer verify: adapters/auth/tokens.ts).
 *
 * The session is kept server-side, in the address's pending-code item (PendingCode.challenge, with
 * the item's expiry), never in the browser and never in a log: it is opaque and useless without the
 * emailed code, but it is the other half of a sign-in. Our limits, attempts and single use stay in
 * the use case (usecases/code-sign-in.ts), in front of Cognito's own.
 * flow: code sign-in use case --> Cognito code channel --> Cognito (InitiateAuth, RespondToAuthChallenge)
 */
import { createHash } from 'node:crypto';
import {
  type CognitoIdentityProviderClient,
  InitiateAuthCommand,
  type InitiateAuthCommandOutput,
  RespondToAuthChallengeCommand,
  type RespondToAuthChallengeCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import type { User } from '../../core/users.ts';
import type { CodeChannel, PendingCode, RedeemOutcome } from '../../usecases/ports.ts';
import { log } from '../log.ts';

import { COGNITO_CODE_MINUTES } from '../../core/auth.ts';

export { COGNITO_CODE_MINUTES };

/** Cognito's answers that mean "no code was sent to this address", whatever the reason: the same reply as a sent code. */
const NOT_SENT = new Set(['UserNotFoundException', 'UserNotConfirmedException', 'NotAuthorizedException', 'PasswordResetRequiredException']);
/** Answers to a code that mean a new code is needed (session expired or used, user disabled meanwhile). */
const SPENT = new Set(['ExpiredCodeException', 'NotAuthorizedException', 'UserNotFoundException']);

export class CognitoCodeChannel implements CodeChannel {
  readonly minutes = COGNITO_CODE_MINUTES;

  constructor(
    private readonly client: Pick<CognitoIdentityProviderClient, 'send'>,
    private readonly clientId: string,
  ) {}

  async send(user: User, now: Date, keep: (pending: PendingCode) => Promise<void>): Promise<void> {
    let out: InitiateAuthCommandOutput;
    try {
      out = await this.client.send(
        new InitiateAuthCommand({
          ClientId: this.clientId,
          AuthFlow: 'USER_AUTH',
          AuthParameters: { USERNAME: user.email, PREFERRED_CHALLENGE: 'EMAIL_OTP' },
        }),
      );
    } catch (err) {
      const name = errorName(err);
      if (!NOT_SENT.has(name)) throw err;
      // The person is active here but cannot sign in at Cognito (not created there yet, disabled there):
      // the answer stays the same as for a sent code; the log says why, without the address.
      log.warn('Cognito sent no sign-in code', { error: name });
      return;
    }
    if (out.ChallengeName !== 'EMAIL_OTP' || !out.Session) {
      // The pool or app client does not offer EMAIL_OTP as a first factor: a deployment fault, not the person's.
      throw new Error(
        `Cognito answered USER_AUTH with ${out.ChallengeName ?? 'no challenge'}, not EMAIL_OTP (check the pool's sign-in policy and the app client's ALLOW_USER_AUTH)`,
      );
    }
    await keep({
      email: user.email,
      // Names this sign-in for single use (consume); the session itself is the challenge.
      hash: createHash('sha256').update(out.Session).digest('hex'),
      expiresAt: new Date(now.getTime() + this.minutes * 60_000).toISOString(),
      attempts: 0,
      challenge: out.Session,
    });
  }

  async redeem(pending: PendingCode, code: string): Promise<RedeemOutcome> {
    if (!pending.challenge) return { kind: 'expired' };
    let out: RespondToAuthChallengeCommandOutput;
    try {
      out = await this.client.send(
        new RespondToAuthChallengeCommand({
          ClientId: this.clientId,
          ChallengeName: 'EMAIL_OTP',
          Session: pending.challenge,
          ChallengeResponses: { USERNAME: pending.email, EMAIL_OTP_CODE: code },
        }),
      );
    } catch (err) {
      const name = errorName(err);
      if (name === 'CodeMismatchException') return { kind: 'wrong' };
      if (SPENT.has(name)) return { kind: 'expired' };
      throw err;
    }
    const token = out.AuthenticationResult?.AccessToken;
    if (!token) {
      throw new Error(`Cognito answered the EMAIL_OTP code with ${out.ChallengeName ?? 'no tokens'} (a further challenge this portal does not offer)`);
    }
    return { kind: 'token', token };
  }
}

function errorName(err: unknown): string {
  return (err as { name?: string } | undefined)?.name ?? 'Error';
}
