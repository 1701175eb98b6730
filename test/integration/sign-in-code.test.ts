/**
 * Sign-in by code at the use case, against DynamoDB Local and the SES emulator: a code expires after
 * ten minutes, five wrong guesses void it even for the right code afterwards, a new request voids the
 * previous code, and one source address is stopped after its hourly allowance whatever addresses it
 * tries. (The HTTP contract, the per-address limit and disabling are in api-contract.test.ts.)
 * flow: vitest --> code sign-in use case --> DynamoDB Local, SES emulator
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { localDirectory } from '../../functions/adapters/auth/identity.ts';
import { mintToken } from '../../functions/adapters/auth/local-issuer.ts';
import { verifyToken } from '../../functions/adapters/auth/tokens.ts';
import type { User } from '../../functions/core/users.ts';
import { setAgency } from '../../functions/usecases/agency-service.ts';
import { CODE_MINUTES, MAX_CODE_ATTEMPTS, ownCodes, REQUESTS_PER_SOURCE_HOUR, requestCode, signInWithCode } from '../../functions/usecases/code-sign-in.ts';
import { UseCaseError } from '../../functions/usecases/errors.ts';
import { invitePerson } from '../../functions/usecases/people.ts';
import { demoProfile } from '../support/demo-profile.ts';
import { codeSentTo } from '../support/inbox.ts';
import { localEnv, testContainer } from '../support/local.ts';

const agency = `t-code-${randomUUID().slice(0, 8)}`;
const c = testContainer(agency);
const env = localEnv();
const tokens = {
  issue: (u: User) =>
    mintToken({
      file: env.AUTH_JWKS_FILE!,
      issuer: env.AUTH_ISSUER!,
      clientId: env.AUTH_CLIENT_ID!,
      agencyId: u.agencyId,
      role: u.role,
      name: u.name,
      sub: u.sub,
    }),
};
const deps = { users: c.users, codes: c.signInCodes, channel: ownCodes({ agencies: c.agencies, mailer: c.mailer, tokens }) };
const vp = { sub: 'vp-test', role: 'van-phong' as const, agencyId: agency, name: 'Văn phòng' };
const T0 = new Date('2026-03-02T01:00:00Z');
const plus = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

async function person(local: string): Promise<string> {
  const email = `${local}.${agency}@example.test`;
  await invitePerson(
    { ...c, sessions: { revokeSubject: async () => undefined }, directory: localDirectory },
    vp,
    { email, name: 'Lê Văn Lãnh Đạo', role: 'lanh-dao' },
    T0,
  );
  return email;
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
  await setAgency(c.agencies, { ...demoProfile(), agencyId: agency });
});

describe('sign-in by code', () => {
  it('gives a token of the person (role, agency, name) for the right code in time', async () => {
    const email = await person('ok');
    await requestCode(deps, { email, source: `s-${randomUUID()}`, now: T0 });
    const code = await codeSentTo(email, 0);
    const { token, user } = await signInWithCode(deps, { email, code: ` ${code.slice(0, 3)} ${code.slice(3)} `, source: 'x', now: plus(CODE_MINUTES - 1) });
    const verified = await verifyToken(token, { issuer: env.AUTH_ISSUER!, clientId: env.AUTH_CLIENT_ID!, jwksFile: env.AUTH_JWKS_FILE! });
    expect(verified.principal).toMatchObject({ sub: user.sub, role: 'lanh-dao', agencyId: agency, name: 'Lê Văn Lãnh Đạo' });
  });

  it(`refuses a code after ${CODE_MINUTES} minutes`, async () => {
    const email = await person('late');
    await requestCode(deps, { email, source: `s-${randomUUID()}`, now: T0 });
    const code = await codeSentTo(email, 0);
    expect(await refusal(signInWithCode(deps, { email, code, source: 'x', now: plus(CODE_MINUTES) }))).toBe('code_invalid');
  });

  it(`voids a code after ${MAX_CODE_ATTEMPTS} wrong guesses, even for the right one after`, async () => {
    const email = await person('guess');
    await requestCode(deps, { email, source: `s-${randomUUID()}`, now: T0 });
    const code = await codeSentTo(email, 0);
    const wrong = code === '111111' ? '222222' : '111111';
    for (let i = 0; i < MAX_CODE_ATTEMPTS; i++)
      expect(await refusal(signInWithCode(deps, { email, code: wrong, source: 'x', now: plus(1) }))).toBe('code_invalid');
    expect(await refusal(signInWithCode(deps, { email, code, source: 'x', now: plus(1) }))).toBe('code_invalid');
  });

  it('voids the previous code when a new one is requested', async () => {
    const email = await person('again');
    await requestCode(deps, { email, source: `s-${randomUUID()}`, now: T0 });
    const first = await codeSentTo(email, 0);
    await requestCode(deps, { email, source: `s-${randomUUID()}`, now: plus(1) });
    const second = await codeSentTo(email, 1);
    if (first !== second) expect(await refusal(signInWithCode(deps, { email, code: first, source: 'x', now: plus(2) }))).toBe('code_invalid');
    expect((await signInWithCode(deps, { email, code: second, source: 'x', now: plus(2) })).user.email).toBe(email);
  });

  it(`stops one source after ${REQUESTS_PER_SOURCE_HOUR} requests in an hour, whatever addresses it tries; the next hour it may again`, async () => {
    const source = `s-${randomUUID()}`;
    for (let i = 0; i < REQUESTS_PER_SOURCE_HOUR; i++) await requestCode(deps, { email: `n${i}.${agency}@example.test`, source, now: T0 });
    expect(await refusal(requestCode(deps, { email: `last.${agency}@example.test`, source, now: T0 }))).toBe('too_many_requests');
    expect(await refusal(signInWithCode(deps, { email: `last.${agency}@example.test`, code: '123456', source, now: T0 }))).toBe('too_many_requests');
    await requestCode(deps, { email: `next.${agency}@example.test`, source, now: plus(60) });
  });

  it("lets an operator create an agency's first Văn phòng account from the CLI, who then receives the invitation", async () => {
    const email = `vp.cli.${agency}@example.test`;
    const cli = (...args: string[]) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', 'functions/cli/main.ts', '--agency', agency, ...args], {
        env: { ...process.env, ...env },
        cwd: path.resolve(new URL('../..', import.meta.url).pathname),
      });
    const out = await cli('user', 'invite', '--email', email, '--name', 'Phạm Thị Văn Thư', '--role', 'van-phong');
    expect(out.stdout).toContain(`Đã mời Phạm Thị Văn Thư <${email}> (van-phong)`);
    const listed = await cli('users');
    expect(listed.stdout).toContain(`${email}\tvan-phong`);
    const found = await c.users.findByEmail(email);
    expect(found).toMatchObject({ agencyId: agency, role: 'van-phong', status: 'active' });
    // The account signs in by code like any other.
    await requestCode(deps, { email, source: `s-${randomUUID()}`, now: new Date() });
    const code = await codeSentTo(email, 0);
    expect((await signInWithCode(deps, { email, code, source: 'x', now: new Date() })).user.role).toBe('van-phong');
  });
});
