/**
 * Reads the agency profile file a deployment is built for (YAML or JSON) and validates it with the
 * same schema `npm run cli -- set-agency` uses, so a profile that synthesizes is one the CLI accepts.
 * flow: infra/config --> agency profile file --> validateAgencyProfile (functions/usecases)
 *
 * Synthesis needs the profile for what is fixed at deploy time: the agency id the functions serve,
 * the unit groups of the user pool, the schedules and their time zone, the sender address.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import type { AgencyProfile } from '../functions/core/agency.ts';
import { validateAgencyProfile } from '../functions/usecases/agency-schema.ts';

/** The repository root: relative profile paths in cdk.json or `-c` are taken from here, whatever the cwd. */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The demo agency's profile: the default, so `npm run synth` works on a fresh clone. */
export const DEMO_PROFILE_PATH = 'infra/local/demo/agency-2024.yaml';

export type ProfileLoad = { ok: true; profile: AgencyProfile } | { ok: false; problems: string[] };

/** Loads and validates a profile; every failure is a message an operator can act on. */
export function loadAgencyProfileFile(path: string): ProfileLoad {
  const full = isAbsolute(path) ? path : resolve(PROJECT_ROOT, path);
  const shown = isAbsolute(path) ? path : relative(PROJECT_ROOT, full);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch {
    return { ok: false, problems: [`không đọc được tệp hồ sơ cơ quan ${shown} / cannot read the agency profile file`] };
  }
  let data: unknown;
  try {
    data = /\.json$/i.test(full) ? JSON.parse(text) : YAML.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { ok: false, problems: [`tệp ${shown} không phải YAML/JSON hợp lệ / not valid YAML or JSON: ${reason}`] };
  }
  const result = validateAgencyProfile(data);
  if (result.ok) return result;
  return { ok: false, problems: result.problems.map((p) => `hồ sơ ${shown}, trường ${p}`) };
}
