/**
 * The code sign-in with Cognito's channel, through the real SDK client whose HTTP handler answers
 * with Cognito's documented response shapes (InitiateAuth USER_AUTH → EMAIL_OTP challenge with a
 * Session; RespondToAuthChallenge → AuthenticationResult; the errors CodeMismatchException,
 * NotAuthorizedException, UserNotFoundException as JSON `__type`). moto 5.2.1 implements neither
 * USER_AUTH nor EMAIL_OTP (test/integration/cognito.test.ts says where), hence recorded shapes here.
 * What is checked: the requests sent (flow, preferred challenge, session, code), the session kept
 * server-side only, our limits and single use in front of Cognito, and the same answer for an
 * address Cognito does not know.
 * flow: vitest --> code sign-in use case --> Cognito code channel --> SDK client --> recorded answers
 */
import { Readable } from 'node:stream';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { beforeEach, describe, expect, it } from 'vitest';
import { CognitoCodeChannel, COGNITO_CODE_MINUTES } from '../../../functions/adapters/auth/cognito-code-channel.ts';
import type { User } from '../../../functions/core/users.ts';
import { MAX_CODE_ATTEMPTS, requestCode, signInWithCode } from '../../../functions/usecases/code-sign-in.ts';
import { UseCaseError } from '../../../functions/usecases/errors.ts';
import type { PendingCode, SignInCodeStore, UserStore } from '../../../functions/usecases/ports.ts';

const CLIENT_ID = '1example23456789';
// As in Cognito's documentation of choice-based sign-in: an opaque session of several hundred characters.
const SESSION = `AYABeC1-y8qooiuysEv0uM4wAqQAHQABAAdTZXJ2aWNlABBDb2duaXRvVXNlclBvb2xzAAEAB2F3cy1rbXMAS2Fybjphd3M6a21z${'x'.repeat(600)}`;
const ACCESS = 'eyJraWQiOiJleGFtcGxlIiwiYWxnIjoiUlMyNTYifQ.eyJzdWIiOiJleGFtcGxlIn0.c2lnbmF0dXJl';

type Answer = { status: number; body: Record<string, unknown> };
const sent: { target: string; body: Record<string, unknown> }[] = [];
let answers: Answer[] = [];

const challenge: Answer = {
  status: 200,
  body: {
    AvailableChallenges: ['EMAIL_OTP', 'PASSWORD'],
    ChallengeName: 'EMAIL_OTP',
    ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'v***@e***' },
    Session: SESSION,
  },
};
const tokens: Answer = {
  status: 200,
  body: {
    AuthenticationResult: { AccessToken: ACCESS, ExpiresIn: 28800, IdToken: 'eyJ.id.token', RefreshToken: 'eyJ.refresh.token', TokenType: 'Bearer' },
    ChallengeParameters: {},
  },
};
const error = (type: string, message: string): Answer => ({ status: 400, body: { __type: type, message } });

const client = new CognitoIdentityProviderClient({
  region: 'ap-southeast-1',
  credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  maxAttempts: 1,
  requestHandler: {
    handle: async (request: { headers: Record<string, string>; body?: unknown }) => {
      sent.push({
        target: String(request.headers['x-amz-target']),
        body: JSON.parse(typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body as Uint8Array)),
      });
      const next = answers.shift();
      if (!next) throw new Error('no recorded answer left');
      return {
        // The shape of an HTTP answer the SDK's node handler hands on (status, headers, a body stream).
        response: {
          statusCode: next.status,
          headers: { 'content-type': 'application/x-amz-json-1.1' },
          body: Readable.from([Buffer.from(JSON.stringify(next.body))]),
        },
      };
    },
  },
});
const channel = new CognitoCodeChannel(client, CLIENT_ID);

const person: User = {
  email: 'vanphong@example.test',
  agencyId: 'demo',
  sub: 'sub-1',
  role: 'van-phong',
  name: 'Văn Phòng',
  status: 'active',
  invitedAt: 'x',
  invitedBy: 'x',
  updatedAt: 'x',
  version: 1,
};

/** The pending-code store as the table keeps it (conditional consume, attempts counted). */
function memoryCodes(): SignInCodeStore & { items: Map<string, PendingCode & { used?: boolean }> } {
  const items = new Map<string, PendingCode & { used?: boolean }>();
  const counters = new Map<string, number>();
  return {
    items,
    save: async (code) => void items.set(code.email, { ...code }),
    get: async (email) => {
      const i = items.get(email);
      return i && !i.used ? { ...i } : undefined;
    },
    countFailure: async (email) => {
      const i = items.get(email)!;
      i.attempts += 1;
      return i.attempts;
    },
    consume: async (email, hash) => {
      const i = items.get(email);
      if (!i || i.used || i.hash !== hash) return false;
      i.used = true;
      delete i.challenge;
      return true;
    },
    bump: async (kind, id, hour) => {
      const k = `${kind}|${id}|${hour}`;
      counters.set(k, (counters.get(k) ?? 0) + 1);
      return counters.get(k)!;
    },
  };
}

let codes: ReturnType<typeof memoryCodes>;
const users: Pick<UserStore, 'findByEmail'> = { findByEmail: async (e) => (e === person.email ? person : undefined) };
const deps = () => ({ users: users as UserStore, codes, channel });
const now = new Date('2026-03-02T01:00:00Z');

async function refusal(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UseCaseError);
  return (err as UseCaseError).code;
}

beforeEach(() => {
  sent.length = 0;
  answers = [];
  codes = memoryCodes();
});

describe('code sign-in through Cognito (USER_AUTH, EMAIL_OTP)', () => {
  it('asks Cognito for an EMAIL_OTP, keeps its session server-side, and answers with the session’s minutes', async () => {
    answers = [challenge];
    const out = await requestCode(deps(), { email: ' VanPhong@Example.test ', source: 's', now });
    expect(out).toEqual({ sentTo: person.email, minutes: COGNITO_CODE_MINUTES });
    expect(sent).toEqual([
      {
        target: 'AWSCognitoIdentityProviderService.InitiateAuth',
        body: { AuthFlow: 'USER_AUTH', ClientId: CLIENT_ID, AuthParameters: { USERNAME: person.email, PREFERRED_CHALLENGE: 'EMAIL_OTP' } },
      },
    ]);
    const kept = codes.items.get(person.email)!;
    expect(kept).toMatchObject({ challenge: SESSION, attempts: 0, expiresAt: new Date(now.getTime() + COGNITO_CODE_MINUTES * 60_000).toISOString() });
    // The hash names the sign-in (for single use); it is not the session.
    expect(kept.hash).toMatch(/^[0-9a-f]{64}$/u);
  });

  it('sends the code with the kept session and opens the session with Cognito’s access token; the same code cannot be used twice', async () => {
    answers = [challenge, tokens];
    await requestCode(deps(), { email: person.email, source: 's', now });
    const { token, user } = await signInWithCode(deps(), { email: person.email, code: '123 456', source: 's', now });
    expect(token).toBe(ACCESS);
    expect(user.sub).toBe('sub-1');
    expect(sent[1]).toEqual({
      target: 'AWSCognitoIdentityProviderService.RespondToAuthChallenge',
      body: { ChallengeName: 'EMAIL_OTP', ClientId: CLIENT_ID, Session: SESSION, ChallengeResponses: { USERNAME: person.email, EMAIL_OTP_CODE: '123456' } },
    });
    // Spent: the session is gone from the item, and a replay never reaches Cognito.
    expect(codes.items.get(person.email)?.challenge).toBeUndefined();
    expect(await refusal(signInWithCode(deps(), { email: person.email, code: '123456', source: 's', now }))).toBe('code_invalid');
    expect(sent).toHaveLength(2);
  });

  it(`counts Cognito's CodeMismatchException as a wrong guess, and after ${MAX_CODE_ATTEMPTS} stops asking Cognito`, async () => {
    answers = [challenge, ...Array.from({ length: MAX_CODE_ATTEMPTS }, () => error('CodeMismatchException', 'Invalid code or auth state for the user.'))];
    await requestCode(deps(), { email: person.email, source: 's', now });
    for (let i = 0; i < MAX_CODE_ATTEMPTS; i++) {
      expect(await refusal(signInWithCode(deps(), { email: person.email, code: '000000', source: 's', now }))).toBe('code_invalid');
    }
    expect(codes.items.get(person.email)?.attempts).toBe(MAX_CODE_ATTEMPTS);
    expect(await refusal(signInWithCode(deps(), { email: person.email, code: '123456', source: 's', now }))).toBe('code_invalid');
    expect(sent).toHaveLength(1 + MAX_CODE_ATTEMPTS);
  });

  it('treats an expired Cognito session (NotAuthorizedException) as a spent code, without counting a guess', async () => {
    answers = [challenge, error('NotAuthorizedException', 'Invalid session for the user, session is expired.')];
    await requestCode(deps(), { email: person.email, source: 's', now });
    expect(await refusal(signInWithCode(deps(), { email: person.email, code: '123456', source: 's', now }))).toBe('code_invalid');
    expect(codes.items.get(person.email)?.attempts).toBe(0);
  });

  it('answers the same when Cognito does not know an address our table holds (UserNotFoundException), and keeps nothing', async () => {
    answers = [error('UserNotFoundException', 'User does not exist.')];
    expect(await requestCode(deps(), { email: person.email, source: 's', now })).toEqual({ sentTo: person.email, minutes: COGNITO_CODE_MINUTES });
    expect(codes.items.size).toBe(0);
  });

  it('never asks Cognito for an address without an active account here (same answer)', async () => {
    expect(await requestCode(deps(), { email: 'nobody@example.test', source: 's', now })).toEqual({
      sentTo: 'nobody@example.test',
      minutes: COGNITO_CODE_MINUTES,
    });
    expect(sent).toHaveLength(0);
  });

  it('fails loudly when the pool does not offer EMAIL_OTP (a deployment fault, not a wrong address)', async () => {
    answers = [{ status: 200, body: { ChallengeName: 'SELECT_CHALLENGE', AvailableChallenges: ['PASSWORD_SRP'], Session: SESSION, ChallengeParameters: {} } }];
    await expect(requestCode(deps(), { email: person.email, source: 's', now })).rejects.toThrow(/not EMAIL_OTP/u);
    expect(codes.items.size).toBe(0);
  });
});
