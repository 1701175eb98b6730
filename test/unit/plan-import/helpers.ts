/**
 * Test helpers: grids written by hand, the two profiles the seeds are imported against.
 * flow: *.test.ts --> helpers --> core/plan-import, demo profile
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { AgencyProfile } from '../../../functions/core/agency.ts';
import { parseA1Range, type Grid, type GridSheet } from '../../../functions/core/plan-import/grid.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURES = join(here, '../../fixtures/plans');

/** A sheet from rows of cells (row 1 first) and A1 merge ranges. */
export function sheet(name: string, rows: Array<Array<string | number>>, merges: string[] = []): GridSheet {
  return {
    name,
    rows: rows.map((r) => r.map((c) => String(c))),
    merges: merges.map((m) => parseA1Range(m)!),
  };
}

export function grid(...sheets: GridSheet[]): Grid {
  return { sheets };
}

export type ProfileUnitsLeaders = Pick<AgencyProfile, 'units' | 'leaders'>;

/** The demo agency (Sở KH&CN Bắc Giang, 2024), the profile seed 004 belongs to. */
export async function demoProfile(): Promise<ProfileUnitsLeaders> {
  const text = await readFile(join(here, '../../../infra/local/demo/agency-2024.yaml'), 'utf8');
  const p = parse(text) as AgencyProfile;
  return { units: p.units, leaders: p.leaders };
}

/**
 * Sở KH&CN Hà Tĩnh in 2021 as far as this test needs it: the leaders of seed 000 and only some of
 * its units, so that the others (the Phòng Thông tin Thống kê and the three Trung tâm) are new.
 */
export const haTinhProfile: ProfileUnitsLeaders = {
  units: [
    { code: 'VP', name: 'Văn phòng Sở', kind: 'van-phong', aliases: ['Văn phòng'] },
    { code: 'KHTC', name: 'Phòng Kế hoạch - Tài chính', kind: 'phong', aliases: ['Phòng KHTC'] },
    { code: 'QLCN', name: 'Phòng Quản lý công nghệ và Chuyên ngành', kind: 'phong', aliases: ['Phòng QLCN&CN'] },
    { code: 'QLKH', name: 'Phòng Quản lý Khoa học', kind: 'phong', aliases: ['Phòng QLKH'] },
    { code: 'CCTCDLCL', name: 'Chi cục Tiêu chuẩn Đo lường Chất lượng', kind: 'chi-cuc', aliases: ['Chi cục TCĐLCL'] },
  ],
  leaders: [
    { id: 'do-khoa-van', name: 'Đỗ Khoa Văn', title: 'Giám đốc' },
    { id: 'bui-quang-hoan', name: 'Bùi Quang Hoàn', title: 'Phó Giám đốc' },
    { id: 'nguyen-huy-trong', name: 'Nguyễn Huy Trọng', title: 'Phó Giám đốc' },
    { id: 'phan-trong-binh', name: 'Phan Trọng Bình', title: 'Phó Giám đốc' },
  ],
};
