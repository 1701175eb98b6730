import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import ExcelJS from 'exceljs';
import { setAgency } from '../../functions/usecases/agency-service.ts';
import { readXlsxGrid } from '../../functions/adapters/xlsx-grid.ts';
import { importPlan } from '../../functions/usecases/import-plan.ts';
import { testContainer } from '../support/local.ts';
import { cli } from '../support/cli.ts';
import { demoProfile } from '../support/demo-profile.ts';

const fixture = (name: string) => new URL(`../fixtures/plans/${name}`, import.meta.url);
const demo = demoProfile();

describe('importing a plan into DynamoDB Local', () => {
  it('imports seed 004 once, then changes nothing when the same file comes again', async () => {
    const c = testContainer();
    const a = c.config.agencyId;
    await setAgency(c.agencies, { ...demo, agencyId: a });
    const input = {
      agencyId: a,
      year: 2024,
      fileName: 'seed-004.xlsx',
      bytes: readFileSync(fixture('seed-004-bacgiang-2024.xlsx')),
      importedBy: 'test',
      now: new Date(),
    };
    const first = await importPlan({ ...c, readSheets: readXlsxGrid }, input);
    expect(first.ok && first.changed).toBe(true);
    const stored = await c.plans.getPlan(a, 2024);
    expect(stored!.tasks.length).toBe(first.ok ? first.taskCount : -1);
    const second = await importPlan({ ...c, readSheets: readXlsxGrid }, { ...input, now: new Date(Date.now() + 60_000) });
    expect(second.ok && second.changed).toBe(false);
    expect((await c.plans.getPlanMeta(a, 2024))!.version).toBe(1);
    expect((await c.agencies.listProfiles(a)).length).toBe(1);
  });

  it('writes nothing when a row is invalid, and names sheet, row, column and reason', async () => {
    const c = testContainer();
    const a = c.config.agencyId;
    await setAgency(c.agencies, { ...demo, agencyId: a });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(fixture('seed-004-bacgiang-2024.xlsx').pathname);
    const ws = wb.worksheets[0]!;
    // Put an impossible month in the first time cell found under the header.
    let target: ExcelJS.Cell | undefined;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (!target && typeof cell.value === 'string' && /^Tháng 0?4\/2024$/.test(cell.value.trim())) target = cell;
      }),
    );
    expect(target).toBeDefined();
    target!.value = 'Tháng 13/2024';
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const out = await importPlan(
      { ...c, readSheets: readXlsxGrid },
      { agencyId: a, year: 2024, fileName: 'broken.xlsx', bytes, importedBy: 'test', now: new Date() },
    );
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.problems[0]).toMatchObject({ sheet: ws.name, row: Number(target!.row), column: target!.address.replace(/\d+/g, '') });
      expect(out.problems[0]!.reason).toMatch(/tháng/i);
    }
    expect(await c.plans.getPlan(a, 2024)).toBeUndefined();
  });

  it('adds the units a plan names that the agency lacks, with generated codes (seed 000)', async () => {
    const c = testContainer();
    const a = c.config.agencyId;
    await setAgency(c.agencies, { ...demo, agencyId: a, effectiveFrom: '2021-01-01' });
    const out = await importPlan(
      { ...c, readSheets: readXlsxGrid },
      { agencyId: a, year: 2021, fileName: 'seed-000.xlsx', bytes: readFileSync(fixture('seed-000-hatinh-2021.xlsx')), importedBy: 'test', now: new Date() },
    );
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.taskCount).toBe(14);
    expect(out.newUnits.length).toBeGreaterThan(0);
    const profiles = await c.agencies.listProfiles(a);
    expect(profiles).toHaveLength(2);
    const codes = new Set(profiles.find((p) => p.version === 2)!.units.map((u) => u.code));
    for (const u of out.newUnits) expect(codes.has(u.code)).toBe(true);
    const plan = await c.plans.getPlan(a, 2021);
    for (const t of plan!.tasks) expect(codes.has(t.leadUnit)).toBe(true);
  });

  it('runs from the CLI: help, set-agency, import-plan with progress, show-plan, and a clear error for a bad file', async () => {
    const agency = `cli-${Date.now().toString(36)}`;
    const help = await cli(agency, '--help');
    for (const cmd of ['set-agency', 'import-plan', 'show-plan', 'token', 'run-job']) expect(help.stdout).toContain(cmd);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'baocao-cli-'));
    const profileFile = path.join(dir, 'agency.yaml');
    writeFileSync(profileFile, YAML.stringify({ ...demo, agencyId: agency }));
    // A new agency only when the operator says so; nothing stored when refused.
    const slip = await cli(agency, 'set-agency', profileFile);
    expect(slip.code).not.toBe(0);
    expect(slip.stderr).toContain(`Cơ quan "${agency}" chưa có trong hệ thống`);
    expect(slip.stderr).toContain('--create');
    const set = await cli(agency, 'set-agency', profileFile, '--create');
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('Đã tạo cơ quan mới');
    expect(set.stdout).toContain('phiên bản 1');
    // A profile of one agency is never stored under another agency's --agency.
    const crossed = await cli(demo.agencyId, 'set-agency', profileFile);
    expect(crossed.code).not.toBe(0);
    expect(crossed.stderr).toContain(`Tệp hồ sơ là của cơ quan "${agency}", không phải "${demo.agencyId}"`);
    // With several agencies held, a command must say which; an unknown one is refused by name.
    const unnamed = await cli(undefined, 'show-plan', '--year', '2024');
    expect(unnamed.code).not.toBe(0);
    expect(unnamed.stderr).toMatch(/Hệ thống có \d+ cơ quan .*chọn một bằng --agency/);
    const unknown = await cli('skhcn-khong-co', 'show-plan', '--year', '2024');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('Không có cơ quan "skhcn-khong-co"');
    expect((await cli(undefined, 'agencies')).stdout.split('\n')).toContain(agency);
    // A dry run writes nothing and says what it would do, for this agency.
    const dry = await cli(agency, 'import-plan', fixture('seed-004-bacgiang-2024.xlsx').pathname, '--year', '2024', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`Kiểm tra xong cho cơ quan ${agency} (không ghi)`);
    expect(dry.stdout).not.toContain('Đã thêm');
    expect((await cli(agency, 'show-plan', '--year', '2024')).code).not.toBe(0);
    const imported = await cli(agency, 'import-plan', fixture('seed-004-bacgiang-2024.xlsx').pathname, '--year', '2024');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(new RegExp(`Đã nhập kế hoạch năm 2024 của cơ quan ${agency}: \\d+ nhiệm vụ`));
    expect(imported.stderr).toMatch(/\(100%\)/);
    const again = await cli(agency, 'import-plan', fixture('seed-004-bacgiang-2024.xlsx').pathname, '--year', '2024');
    expect(again.stdout).toContain('không thay đổi');
    const shown = await cli(agency, 'show-plan', '--year', '2024');
    expect(shown.stdout).toContain('NHIỆM VỤ TRỌNG TÂM');
    const json = JSON.parse((await cli(agency, 'show-plan', '--year', '2024', '--json')).stdout);
    expect(json.tasks.length).toBeGreaterThan(5);
    const badFile = path.join(dir, 'bad.xlsx');
    writeFileSync(badFile, 'not a workbook');
    const bad = await cli(agency, 'import-plan', badFile, '--year', '2024');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Không đọc được tệp Excel');
    const badYear = await cli(agency, 'show-plan', '--year', '24');
    expect(badYear.code).not.toBe(0);
    expect(badYear.stderr).toContain('YYYY');
  });
});
