/**
 * `token --role <role> [--unit CODE]`: mints a local access token (Cognito's claims, signed with
 * the local key) and prints it with a sign-in link for the browser.
 * flow: CLI --> local issuer
 */
import { Option, type Command } from 'commander';
import { mintToken } from '../../adapters/auth/local-issuer.ts';
import { ACCESS_TOKEN_HOURS, ROLES, type Role } from '../../core/auth.ts';
import { agencyContainer } from '../environment.ts';
import { profileOn } from '../../usecases/agency-service.ts';
import { localDate } from '../../core/clock.ts';

export function registerTokenCommand(program: Command): void {
  program
    .command('token')
    .description('Tạo mã đăng nhập cục bộ và đường dẫn đăng nhập cho trình duyệt — mint a local token and a sign-in link')
    .addOption(new Option('--role <role>', 'vai trò').choices(ROLES as string[]).makeOptionMandatory())
    .option('--unit <code>', 'mã phòng/đơn vị (bắt buộc với --role unit)')
    .option('--name <name>', 'tên người dùng hiển thị')
    .option('--hours <n>', `thời hạn (giờ, tối đa ${ACCESS_TOKEN_HOURS})`, String(ACCESS_TOKEN_HOURS))
    .action(async (o: { role: Role; unit?: string; name?: string; hours: string }) => {
      // The user's agency (--agency, or the only one): a token for an agency the deployment does
      // not hold would only be refused at sign-in, so it is refused here.
      const c = await agencyContainer();
      const agencyId = c.config.agencyId;
      if (o.role === 'unit') {
        if (!o.unit) throw new Error('--role unit cần --unit <MÃ>, ví dụ --unit QLKH');
        const profile = await profileOn(c.agencies, agencyId, localDate(new Date(), 'Asia/Ho_Chi_Minh'));
        const unit = profile.units.find((u) => u.code.toUpperCase() === o.unit!.toUpperCase());
        if (!unit) throw new Error(`Không có đơn vị mã "${o.unit}". Các mã hiện có: ${profile.units.map((u) => u.code).join(', ')}`);
        o.unit = unit.code;
      }
      const hours = Number(o.hours);
      // The API refuses tokens that live longer than a working day (functions/core/auth.ts).
      if (!Number.isFinite(hours) || hours <= 0 || hours > ACCESS_TOKEN_HOURS) throw new Error(`--hours phải lớn hơn 0 và không quá ${ACCESS_TOKEN_HOURS}`);
      const token = await mintToken({
        file: process.env.AUTH_JWKS_FILE!,
        issuer: process.env.AUTH_ISSUER!,
        clientId: process.env.AUTH_CLIENT_ID!,
        agencyId,
        role: o.role,
        ...(o.unit ? { unit: o.unit } : {}),
        ...(o.name ? { name: o.name } : {}),
        ttlSeconds: Math.round(hours * 3600),
      });
      process.stdout.write(`${token}\n`);
      const base = process.env.PUBLIC_URL ?? 'http://localhost:3000';
      process.stderr.write(`\nĐăng nhập trên trình duyệt (sign-in link, ${hours} giờ):\n${base}/signin#token=${token}\n`);
    });
}
