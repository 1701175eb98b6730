/**
 * Signing in by a one-time code sent by email: the person types their address, receives a 6-digit
 * code, types it, and gets a session. Codes live 10 minutes, work once, are kept only as a hash, and
 * five wrong guesses void one; a new request voids the previous code. Requests are limited per
 * address and per source address each hour. The answer to a request is the same whether or not the
 * address has an account, so the page cannot be used to learn who works where.
 * The code itself comes from a CodeChannel: our own (ownCodes below: a hash in the table, our email,
 * the local issuer's token) or, in AWS, Cognito's passwordless email sign-in
 * (adapters/auth/cognito-code-channel.ts). Limits, the pending record and single use are kept here
 * for both, so the rules above hold whichever channel the deployment has.
 * flow: POST /auth/code, POST /auth/session --> code sign-in --> UserStore, SignInCodeStore, CodeChannel (own: Mailer, TokenIssuer | Cognito)
 */
import { createHash, randomInt } from 'node:crypto';
import { localDate } from '../core/clock.ts';
import { normaliseEmail, type User } from '../core/users.ts';
import { signInCodeEmail } from '../../templates/email/sign-in.ts';
import { profileOn } from './agency-service.ts';
import { UseCaseError } from './errors.ts';
import type { AgencyStore, CodeChannel, Mailer, PendingCode, RedeemOutcome, SignInCodeStore, TokenIssuer, UserStore } from './ports.ts';

export const CODE_MINUTES = 10;
export const MAX_CODE_ATTEMPTS = 5;
/** Codes an address may request in an hour (a person who mistypes a few times is not stopped). */
export const CODES_PER_ADDRESS_HOUR = 5;
/** Code requests and guesses from one source address in an hour (an office behind one NAT is many people). */
export const REQUESTS_PER_SOURCE_HOUR = 60;

export interface CodeSignInDeps {
  users: UserStore;
  codes: SignInCodeStore;
  channel: CodeChannel;
}

const hourOf = (now: Date) => now.toISOString().slice(0, 13);

function hashOf(email: string, code: string): string {
  return createHash('sha256').update(`${email}\u0000${code}`).digest('hex');
}

/**
 * Our own codes: six digits by our email, kept as a hash, the session token from our issuer (the
 * local stack, where the deployment holds its signing key).
 */
export function ownCodes(deps: { agencies: AgencyStore; mailer: Mailer; tokens: TokenIssuer }): CodeChannel {
  return {
    minutes: CODE_MINUTES,
    async send(user: User, now: Date, keep: (pending: PendingCode) => Promise<void>): Promise<void> {
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const expiresAt = new Date(now.getTime() + CODE_MINUTES * 60_000).toISOString();
      const profile = await profileOn(deps.agencies, user.agencyId, localDate(now, 'Asia/Ho_Chi_Minh'));
      const mail = signInCodeEmail({ profile, code, minutes: CODE_MINUTES, at: now });
      // Kept before the mail leaves: a code in the inbox always has its record.
      await keep({ email: user.email, hash: hashOf(user.email, code), expiresAt, attempts: 0 });
      await deps.mailer.send({ from: profile.emails.from, to: [user.email], subject: mail.subject, text: mail.text, html: mail.html });
    },
    async redeem(pending: PendingCode, code: string, user: User): Promise<RedeemOutcome> {
      if (hashOf(pending.email, code) !== pending.hash) return { kind: 'wrong' };
      return { kind: 'token', token: await deps.tokens.issue(user) };
    },
  };
}

function emailOrThrow(raw: string): string {
  const email = normaliseEmail(raw);
  if (!email) {
    throw new UseCaseError('bad_request', 'invalid_email', 'Địa chỉ thư điện tử không hợp lệ (ví dụ: ten@skhcn.bacgiang.gov.vn).', [
      { field: 'email', message: 'Địa chỉ không hợp lệ.' },
    ]);
  }
  return email;
}

async function limitSource(codes: SignInCodeStore, source: string, now: Date): Promise<void> {
  if ((await codes.bump('source', source, hourOf(now))) > REQUESTS_PER_SOURCE_HOUR) {
    throw new UseCaseError('rate_limited', 'too_many_requests', 'Có quá nhiều yêu cầu đăng nhập từ mạng này trong một giờ; hãy thử lại sau.');
  }
}

/** Sends a code when the address has an active account; answers the same either way. */
export async function requestCode(deps: CodeSignInDeps, input: { email: string; source: string; now: Date }): Promise<{ sentTo: string; minutes: number }> {
  const email = emailOrThrow(input.email);
  await limitSource(deps.codes, input.source, input.now);
  if ((await deps.codes.bump('email', email, hourOf(input.now))) > CODES_PER_ADDRESS_HOUR) {
    throw new UseCaseError(
      'rate_limited',
      'too_many_codes',
      `Đã gửi ${CODES_PER_ADDRESS_HOUR} mã tới địa chỉ này trong một giờ; hãy dùng mã mới nhất trong hộp thư, hoặc thử lại sau.`,
    );
  }
  const user = await deps.users.findByEmail(email);
  if (user?.status === 'active') {
    // A new code voids the previous one.
    await deps.channel.send(user, input.now, (pending) => deps.codes.save(pending));
  }
  return { sentTo: email, minutes: deps.channel.minutes };
}

const WRONG = 'Mã không đúng hoặc đã hết hạn. Kiểm tra mã mới nhất trong hộp thư, hoặc xin mã mới.';
const wrong = (message = 'Mã không đúng hoặc đã hết hạn.') => new UseCaseError('invalid', 'code_invalid', WRONG, [{ field: 'code', message }]);

/** Checks the code and returns the person's session token. */
export async function signInWithCode(
  deps: CodeSignInDeps,
  input: { email: string; code: string; source: string; now: Date },
): Promise<{ token: string; user: User }> {
  const email = emailOrThrow(input.email);
  await limitSource(deps.codes, input.source, input.now);
  const code = input.code.replace(/\s+/gu, '');
  if (!/^\d{6}$/u.test(code)) {
    throw new UseCaseError('bad_request', 'invalid_code', 'Mã đăng nhập gồm 6 chữ số.', [{ field: 'code', message: 'Nhập đủ 6 chữ số.' }]);
  }
  const pending = await deps.codes.get(email);
  if (!pending || pending.expiresAt <= input.now.toISOString() || pending.attempts >= MAX_CODE_ATTEMPTS) throw wrong();
  const user = await deps.users.findByEmail(email);
  if (!user) throw wrong();
  const outcome = await deps.channel.redeem(pending, code, user);
  if (outcome.kind === 'expired') throw wrong();
  if (outcome.kind === 'wrong') {
    const attempts = await deps.codes.countFailure(email);
    const left = MAX_CODE_ATTEMPTS - attempts;
    throw new UseCaseError(
      'invalid',
      'code_invalid',
      left > 0 ? `Mã không đúng; còn ${left} lần thử với mã này.` : 'Mã không đúng quá nhiều lần; mã này không dùng được nữa. Hãy xin mã mới.',
      [{ field: 'code', message: 'Mã không đúng.' }],
    );
  }
  // Used once: a second request with the same code fails here (its token is never handed out).
  if (!(await deps.codes.consume(email, pending.hash))) throw wrong('Mã đã được dùng.');
  if (user.status !== 'active') {
    throw new UseCaseError('forbidden', 'user_disabled', 'Tài khoản này đã bị khóa. Liên hệ Văn phòng Sở nếu cần mở lại.');
  }
  return { token: outcome.token, user };
}
