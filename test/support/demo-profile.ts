/**
 * The demo agency profile (infra/local/demo/agency-2024.yaml) as tests use it: parsed fresh on
 * each call, so a test may change its copy.
 */
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import type { AgencyProfile } from '../../functions/core/agency.ts';

export function demoProfile(): AgencyProfile {
  return YAML.parse(readFileSync(new URL('../../infra/local/demo/agency-2024.yaml', import.meta.url), 'utf8')) as AgencyProfile;
}
