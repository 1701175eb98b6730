/**
 * `set-agency <file> [--create]`: validate and store an agency profile (JSON or YAML) as a new
 * version; `agencies`: the agencies the deployment holds. A new agency is created only when the
 * operator says so (--create), and never under another agency's --agency: onboarding a second Sở
 * cannot change the first one by a slip.
 * flow: CLI --> agency service --> AgencyStore
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import YAML from 'yaml';
import { storeAgencyProfile } from '../../usecases/agency-service.ts';
import { AgencyChoiceError, cliContainer } from '../environment.ts';

export function readProfileFile(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  return /\.ya?ml$/i.test(file) ? YAML.parse(text) : JSON.parse(text);
}

export function registerAgencyCommands(program: Command): void {
  program
    .command('set-agency')
    .description('Kiểm tra và lưu hồ sơ cơ quan (JSON/YAML) thành một phiên bản mới có ngày hiệu lực — validate and store the agency profile')
    .argument('<file>', 'tệp hồ sơ cơ quan (.json, .yaml)')
    .option('--create', 'tạo cơ quan mới theo agencyId trong tệp — create the agency the file names')
    .action(async (file: string, o: { create?: boolean }, command: Command) => {
      const profile = readProfileFile(file) as { agencyId?: unknown };
      const named = typeof profile?.agencyId === 'string' ? profile.agencyId : undefined;
      const chosen = command.optsWithGlobals<{ agency?: string }>().agency;
      if (chosen !== undefined && named !== undefined && chosen !== named) {
        throw new AgencyChoiceError(`Tệp hồ sơ là của cơ quan "${named}", không phải "${chosen}" (--agency): không lưu gì.`);
      }
      const held = named !== undefined ? await cliContainer().agencies.listAgencies() : [];
      if (named !== undefined && !held.includes(named) && !o.create) {
        throw new AgencyChoiceError(
          `Cơ quan "${named}" chưa có trong hệ thống (có: ${held.join(', ') || 'chưa có cơ quan nào'}). Nếu đúng là tạo cơ quan mới, chạy lại với --create; không lưu gì.`,
        );
      }
      // The profile names its agency; the checks above made sure it is the one meant.
      const { profile: stored, changed } = await storeAgencyProfile(cliContainer().agencies, profile);
      if (!changed) {
        process.stdout.write(`Hồ sơ "${stored.name}" (${stored.agencyId}) giống hệt phiên bản ${stored.version} đã lưu: không ghi gì.\n`);
        return;
      }
      process.stdout.write(
        `${stored.version === 1 ? 'Đã tạo cơ quan mới và lưu' : 'Đã lưu'} hồ sơ "${stored.name}" (${stored.agencyId}), phiên bản ${stored.version}, hiệu lực từ ${stored.effectiveFrom}: ` +
          `${stored.units.length} đơn vị, ${stored.leaders.length} lãnh đạo.\n`,
      );
    });

  program
    .command('agencies')
    .description('Các cơ quan trong hệ thống — the agencies this deployment holds')
    .action(async () => {
      const held = await cliContainer().agencies.listAgencies();
      process.stdout.write(held.length ? `${held.join('\n')}\n` : 'Chưa có cơ quan nào (set-agency <tệp> --create).\n');
    });
}
