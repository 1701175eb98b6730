// The Cognito groups a deployment creates: the role groups core/auth.ts reads back, one group per
// agency, the units' groups shared by code — and `ubnd-tinh` only when a province office is deployed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import type { AgencyProfile } from '../../functions/core/agency.ts';
import { roleFromGroups } from '../../functions/core/auth.ts';
import { userGroups } from '../../infra/user-groups.ts';

const read = (file: string) => YAML.parse(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')) as AgencyProfile;
const demo = read('infra/local/demo/agency-2024.yaml');
const office = read('infra/local/demo/vpubnd-2024.yaml');

describe('userGroups', () => {
  it('has no ubnd-tinh group for a deployment of Sở only', () => {
    expect(userGroups([demo]).map((g) => g.name)).not.toContain('ubnd-tinh');
  });

  it("creates ubnd-tinh beside the Sở's groups when the province office is deployed, ranked as roleFromGroups ranks it", () => {
    const groups = userGroups([demo, office]);
    const byName = Object.fromEntries(groups.map((g) => [g.name, g]));
    expect(byName['ubnd-tinh']).toMatchObject({ description: 'Văn phòng UBND tỉnh', precedence: 2 });
    expect(byName['agency-vpubnd-bacgiang']).toBeDefined();
    // Lower precedence wins in Cognito, as the stronger role wins in roleFromGroups.
    expect(byName['van-phong']!.precedence).toBeLessThan(byName['ubnd-tinh']!.precedence);
    expect(byName['lanh-dao']!.precedence).toBeLessThan(byName['ubnd-tinh']!.precedence);
    expect(roleFromGroups(['ubnd-tinh', 'unit-TH'])).toEqual({ role: 'ubnd-tinh' });
    expect(new Set(groups.map((g) => g.name)).size).toBe(groups.length);
  });
});
