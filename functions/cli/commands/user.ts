/**
 * `user invite --email <address> --name <name> --role <role> [--unit CODE]`: an operator creates an
 * agency's first person (its Văn phòng), who then signs in by email code and invites everyone else
 * from the portal's /people page. `users` lists the agency's people. Same use case as the portal.
 * flow: CLI --> people use case
 */
import os from 'node:os';
import { Option, type Command } from 'commander';
import { revocationList } from '../../adapters/auth/revocation-list.ts';
import { identityDirectory } from '../../adapters/auth/identity.ts';
import { requiredSetting } from '../../adapters/config.ts';
import { ROLES, type Role } from '../../core/auth.ts';
import { invitePerson, listPeople } from '../../usecases/people.ts';
import { agencyContainer } from '../environment.ts';

/** The operator, acting as Văn phòng of the chosen agency (recorded as such in the audit log). */
function operator(agencyId: string) {
  const who = `cli:${os.userInfo().username}`;
  return { sub: who, name: 'Quản trị hệ thống', role: 'van-phong' as const, agencyId };
}

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('Người dùng của cơ quan — people of the agency');
  user
    .command('invite')
    .description('Mời một người dùng (thư mời gửi tới địa chỉ) — invite a person, who signs in by email code')
    .requiredOption('--email <address>', 'địa chỉ thư điện tử')
    .requiredOption('--name <name>', 'họ và tên')
    .addOption(new Option('--role <role>', 'vai trò').choices(ROLES as string[]).makeOptionMandatory())
    .option('--unit <code>', 'mã phòng/đơn vị (với --role unit)')
    .action(async (o: { email: string; name: string; role: Role; unit?: string }) => {
      const c = await agencyContainer();
      // Against AWS (TABLE_NAME set, no local signing key) the person is a Cognito user too: the pool must be named.
      if (process.env.TABLE_NAME && !process.env.AUTH_JWKS_FILE) requiredSetting('USER_POOL_ID');
      const deps = {
        ...c,
        sessions: revocationList(),
        directory: identityDirectory(),
        ...(process.env.PUBLIC_URL ? { portalUrl: process.env.PUBLIC_URL } : {}),
      };
      const created = await invitePerson(
        deps,
        operator(c.config.agencyId),
        { email: o.email, name: o.name, role: o.role, ...(o.unit ? { unit: o.unit } : {}) },
        new Date(),
      );
      process.stdout.write(
        `Đã mời ${created.name} <${created.email}> (${created.role}${created.unit ? ` ${created.unit}` : ''}); thư hướng dẫn đăng nhập đã được gửi.\n`,
      );
    });
  program
    .command('users')
    .description('Liệt kê người dùng của cơ quan — list the agency’s people')
    .action(async () => {
      const c = await agencyContainer();
      const { users } = await listPeople(c, operator(c.config.agencyId));
      for (const u of users) process.stdout.write(`${u.email}\t${u.role}${u.unit ? `\t${u.unit}` : '\t'}\t${u.status}\t${u.name}\n`);
      if (users.length === 0) process.stdout.write('Chưa có người dùng nào: mời người đầu tiên bằng `user invite`.\n');
    });
}
