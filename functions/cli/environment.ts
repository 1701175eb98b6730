/**
 * Where the CLI's commands go: the AWS resources named in the environment (TABLE_NAME, …) when
 * set, otherwise the local stack that `npm start` is running (its endpoints file).
 * flow: CLI --> environment --> container
 */
import { dataDir, readLocalEnv } from '../adapters/local-env.ts';
import { makeContainer, type Container } from '../adapters/container.ts';
import { loadConfig } from '../adapters/config.ts';

export class NotRunningError extends Error {
  override name = 'NotRunningError';
}

/** The `--agency` the operator gave (main.ts sets it before any command runs). */
let chosenAgency: string | undefined;
export function chooseAgency(agencyId: string | undefined): void {
  chosenAgency = agencyId;
}

export class AgencyChoiceError extends Error {
  override name = 'AgencyChoiceError';
}

/**
 * The container of the agency the command acts on: `--agency` when given (it must exist);
 * otherwise the only agency the deployment holds; with several, the
 * operator must say which — a command never falls back to another agency's data.
 */
export async function agencyContainer(): Promise<Container> {
  const base = cliContainer();
  const held = await base.agencies.listAgencies();
  const agencyId = chosenAgency ?? (held.length === 1 ? held[0]! : undefined);
  if (!agencyId) {
    throw new AgencyChoiceError(
      held.length === 0
        ? 'Hệ thống chưa có cơ quan nào: tạo cơ quan trước bằng `set-agency <tệp> --create`.'
        : `Hệ thống có ${held.length} cơ quan (${held.join(', ')}): chọn một bằng --agency <mã>.`,
    );
  }
  if (!held.includes(agencyId)) {
    throw new AgencyChoiceError(
      `Không có cơ quan "${agencyId}" trong hệ thống (có: ${held.join(', ') || 'chưa có cơ quan nào'}). Kiểm tra --agency, hoặc tạo cơ quan bằng \`set-agency <tệp> --create\`.`,
    );
  }
  return agencyId === base.config.agencyId ? base : makeContainer({ ...base.config, agencyId });
}

/** The deployment's stores, bound to no agency in particular (agencyContainer picks one). */
export function cliContainer(): Container {
  if (!process.env.TABLE_NAME) {
    const env = readLocalEnv(dataDir());
    if (!env) {
      throw new NotRunningError(
        `Hệ thống cục bộ chưa chạy: mở một cửa sổ khác và chạy \`npm start\` trước. (The local stack is not running in ${dataDir()}: run \`npm start\` first, or set TABLE_NAME/BUCKET_NAME for AWS.)`,
      );
    }
    Object.assign(process.env, env);
  }
  return makeContainer(loadConfig());
}
