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
