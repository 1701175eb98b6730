/**
 * `set-agency <file>`: validate and store the agency profile (JSON or YAML) as a new version.
 * flow: CLI --> agency service --> AgencyStore
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import YAML from 'yaml';
import { setAgency } from '../../usecases/agency-service.ts';
import { cliContainer } from '../environment.ts';

export function readProfileFile(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  return /\.ya?ml$/i.test(file) ? YAML.parse(text) : JSON.parse(text);
}

export function registerAgencyCommands(program: Command): void {
  program
    .command('set-agency')
    .description('Kiểm tra và lưu hồ sơ cơ quan (JSON/YAML) thành một phiên bản mới có ngày hiệu lực — validate and store the agency profile')
    .argument('<file>', 'tệp hồ sơ cơ quan (.json, .yaml)')
    .action(async (file: string) => {
      const c = cliContainer();
      const stored = await setAgency(c.agencies, readProfileFile(file));
      process.stdout.write(
        `Đã lưu hồ sơ "${stored.name}" (${stored.agencyId}), phiên bản ${stored.version}, hiệu lực từ ${stored.effectiveFrom}: ` +
          `${stored.units.length} đơn vị, ${stored.leaders.length} lãnh đạo.\n`,
      );
    });
}
