/**
 * Signing in by a one-time code sent by email: the person types their address, receives a 6-digit
 * code, types it, and gets a session. Codes live 10 minutes, work once, are kept only as a hash, and
 * five wrong guesses void one; a new request voids the previous code. Requests are limited per
 * address and per source address each hour. The answer to a request is the same whether or not the
 * address has an account, so the page cannot be used to learn who works where.
 * flow: POST /auth/code, POST /auth/session --> code sign-in --> UserStore, SignInCodeStore, Mailer, TokenIssuer
 */
import { createHash, randomInt } from 'node:crypto';
import { localDate } from '../core/clock.ts';
import { normaliseEmail, type User } from '../core/users.ts';
import { signInCodeEmail } from '../../templates/email/sign-in.ts';
import { profileOn } from './agency-service.ts';
import { UseCaseError } from './errors.ts';
import type { AgencyStore, Mailer, SignInCodeStore, TokenIssuer, UserStore } from './ports.ts';

export const CODE_MINUTES = 10;
export const MAX_CODE_ATTEMPTS = 5;
/** Codes an address may request in an hour (a person who mistypes a few times is not stopped). */
export const CODES_PER_ADDRESS_HOUR = 5;
/** Code requests and guesses from one source address in an hour (an office behind one NAT is many people). */
export const REQUESTS_PER_SOURCE_HOUR = 60;

export interface CodeSignInDeps {
  agencies: AgencyStore;
  users: UserStore;
  codes: SignInCodeStore;
  mailer: Mailer;
}

const hourOf = (now: Date) => now.toISOString().slice(0, 13);

function hashOf(email: string, code: string): string {
  return createHash('sha256').update(`${email}\u0000${code}`).digest('hex');
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
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = new Date(input.now.getTime() + CODE_MINUTES * 60_000).toISOString();
    await deps.codes.save({ email, hash: hashOf(email, code), expiresAt, attempts: 0 });
    const profile = await profileOn(deps.agencies, user.agencyId, localDate(input.now, 'Asia/Ho_Chi_Minh'));
    const mail = signInCodeEmail({ profile, code, minutes: CODE_MINUTES, at: input.now });
    await deps.mailer.send({ from: profile.emails.from, to: [email], subject: mail.subject, text: mail.text, html: mail.html });
  }
  return { sentTo: email, minutes: CODE_MINUTES };
}

const WRONG = 'Mã không đúng hoặc đã hết hạn. Kiểm tra mã mới nhất trong hộp thư, hoặc xin mã mới.';

/** Checks the code and returns the person's session token. */
export async function signInWithCode(
  deps: CodeSignInDeps & { tokens: TokenIssuer },
  input: { email: string; code: string; source: string; now: Date },
): Promise<{ token: string; user: User }> {
  const email = emailOrThrow(input.email);
  await limitSource(deps.codes, input.source, input.now);
  const code = input.code.replace(/\s+/gu, '');
  if (!/^\d{6}$/u.test(code)) {
    throw new UseCaseError('bad_request', 'invalid_code', 'Mã đăng nhập gồm 6 chữ số.', [{ field: 'code', message: 'Nhập đủ 6 chữ số.' }]);
  }
  const pending = await deps.codes.get(email);
  if (!pending || pending.expiresAt <= input.now.toISOString() || pending.attempts >= MAX_CODE_ATTEMPTS) {
    throw new UseCaseError('invalid', 'code_invalid', WRONG, [{ field: 'code', message: 'Mã không đúng hoặc đã hết hạn.' }]);
  }
  const hash = hashOf(email, code);
  if (hash !== pending.hash) {
    const attempts = await deps.codes.countFailure(email);
    const left = MAX_CODE_ATTEMPTS - attempts;
    throw new UseCaseError(
      'invalid',
      'code_invalid',
      left > 0 ? `Mã không đúng; còn ${left} lần thử với mã này.` : 'Mã không đúng quá nhiều lần; mã này không dùng được nữa. Hãy xin mã mới.',
      [{ field: 'code', message: 'Mã không đúng.' }],
    );
  }
  // Used once: a second request with the same code fails here.
  if (!(await deps.codes.consume(email, hash))) throw new UseCaseError('invalid', 'code_invalid', WRONG, [{ field: 'code', message: 'Mã đã được dùng.' }]);
  const user = await deps.users.findByEmail(email);
  if (user?.status !== 'active') {
    throw new UseCaseError('forbidden', 'user_disabled', 'Tài khoản này đã bị khóa. Liên hệ Văn phòng Sở nếu cần mở lại.');
  }
  return { token: await deps.tokens.issue(user), user };
}
