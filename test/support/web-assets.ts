/**
 * Global setup of the unit tests: the pages' built assets (from the build cache when the sources
 * have not changed), named to the workers through BAOCAO_WEB_DIR as the Lambda bundles and the
 * local stack name them.
 */
import { buildWebAssets } from '../../infra/web-build.ts';

export default function setup(): void {
  process.env.BAOCAO_WEB_DIR ??= buildWebAssets().dir;
}
