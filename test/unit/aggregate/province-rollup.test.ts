// Văn phòng UBND tỉnh's roll-up read as the official who signs it: every count in the body is the
// tables' (deliveries, tasks by Sở), each Sở's tasks are those the Chủ tịch UBND tỉnh assigned as its
// issued report states them, a Sở without an issued report contributes no task, and the header,
// symbol, signer and recipients are the office's — for each mix of delivery states.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import type { AgencyProfile } from '../../../functions/core/agency.ts';
import { buildReportModel } from '../../../functions/core/aggregate/build-report-model.ts';
import { parsePeriod } from '../../../functions/core/period.ts';
import { buildRollupModel, type RollupAgency } from '../../../functions/core/province-rollup.ts';
import type { ReportModel, TaskRow } from '../../../functions/core/report-model.ts';
import { provinceRows } from '../../../functions/usecases/province.ts';
import { bodyText, claimProblems, hygieneProblems } from '../../support/claims-check.ts';
import { juneInput } from './fixtures.ts';

const office = YAML.parse(readFileSync(new URL('../../../infra/local/demo/vpubnd-2024.yaml', import.meta.url), 'utf8')) as AgencyProfile;

const text = bodyText;

/** The rows a Sở's issued June report to UBND tỉnh gives the roll-up. */
function issuedRows(): TaskRow[] {
  return provinceRows(buildReportModel({ ...juneInput('ubnd'), inputHash: 'x'.repeat(64) }));
}

function agency(name: string, state: RollupAgency['state'], late: boolean, rows: TaskRow[] = []): RollupAgency {
  const issued = state === 'delivered' || state === 'issued';
  return {
    agencyId: name.toLowerCase().replace(/\W+/g, '-'),
    name,
    state,
    late,
    ...(issued ? { numberText: '15/BC-SKHCN', issuedOn: '2024-07-05' } : {}),
    ...(state === 'delivered' ? { deliveredOn: late ? '2024-07-24' : '2024-07-06' } : {}),
    rows: issued ? rows : [],
  };
}

function rollup(agencies: RollupAgency[], issueDate = '2024-07-25'): ReportModel {
  return buildRollupModel({ office, period: parsePeriod('2024-06'), deadline: '2024-06-22', agencies, issueDate, inputHash: 'h'.repeat(64) });
}

const MIXES: Record<string, RollupAgency[]> = {
  'every state': [
    agency('Sở Khoa học và Công nghệ tỉnh Bắc Giang', 'delivered', false, issuedRows()),
    agency('Sở Tài chính tỉnh Bắc Giang', 'delivered', true, issuedRows().slice(0, 1)),
    agency('Sở Xây dựng tỉnh Bắc Giang', 'issued', true, issuedRows()),
    agency('Sở Nội vụ tỉnh Bắc Giang', 'draft', true),
    agency('Sở Y tế tỉnh Bắc Giang', 'not-compiled', true),
  ],
  'all delivered on time': [
    agency('Sở Khoa học và Công nghệ tỉnh Bắc Giang', 'delivered', false, issuedRows()),
    agency('Sở Tài chính tỉnh Bắc Giang', 'delivered', false, issuedRows()),
  ],
  'one issued, nothing delivered': [
    agency('Sở Xây dựng tỉnh Bắc Giang', 'issued', false, issuedRows()),
    agency('Sở Y tế tỉnh Bắc Giang', 'not-compiled', false),
  ],
  'issued reports without province tasks': [agency('Sở Tài chính tỉnh Bắc Giang', 'delivered', false, [])],
};

describe('the province roll-up', () => {
  it('has province-assigned rows to roll up in the fixture (else the checks below would hold vacuously)', () => {
    const rows = issuedRows();
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.every((r) => r.category === 'trong-tam-ubnd')).toBe(true);
  });

  for (const [mix, agencies] of Object.entries(MIXES)) {
    it(`states only numbers its tables back, in clean sentences: ${mix}`, () => {
      const model = rollup(agencies);
      expect(claimProblems(model)).toEqual([]);
      expect(hygieneProblems(model)).toEqual([]);
      // Every agency is named in the delivery list, each once.
      const body = text(model.body);
      for (const a of agencies) expect(body.split(`${a.name}:`).length - 1, a.name).toBeGreaterThanOrEqual(1);
      // Groups: one per Sở whose issued report has province tasks, in the given order, with exactly those rows.
      const expectedGroups = agencies.filter((a) => a.rows.length > 0);
      expect(model.groups.map((g) => g.title)).toEqual(expectedGroups.map((a) => a.name));
      expect(model.groups.map((g) => g.rows.length)).toEqual(expectedGroups.map((a) => a.rows.length));
      expect(model.totals.total).toBe(expectedGroups.reduce((n, a) => n + a.rows.length, 0));
      expect(model.byUnit.map((r) => r.counts.total)).toEqual(expectedGroups.map((a) => a.rows.length));
      expect(model.rollup?.deliveries.map((d) => d.state)).toEqual(agencies.map((a) => a.state));
    });
  }

  it("is the office's document: its header, symbol, addressee, signer and recipients, to UBND tỉnh, a draft until issued", () => {
    const model = rollup(MIXES['every state']!);
    expect(model.audience).toBe('ubnd');
    expect(model.draft).toBe(true);
    expect(model.issuer).toEqual({ superiorHeader: 'UBND TỈNH BẮC GIANG', name: 'VĂN PHÒNG' });
    expect(model.documentSymbol).toBe('BC-VPUBND');
    expect(model.kinhGui).toEqual(office.documents!.ubnd!.kinhGui);
    expect(model.signer).toEqual(office.signers.ubnd);
    expect(model.recipients).toEqual([...office.recipients.ubnd, office.archiveLine]);
    expect(model.subject).toBe('Tổng hợp kết quả thực hiện nhiệm vụ do Chủ tịch UBND tỉnh giao tháng 6 năm 2024');
    expect(model.submissionMonths).toEqual([]);
  });

  it('says where each Sở stands in words an official can sign', () => {
    const body = text(rollup(MIXES['every state']!).body);
    expect(body).toContain('chậm nhất ngày 22/06/2024');
    expect(body).toContain(
      'Đến ngày 25/07/2024, trong 05 cơ quan của tỉnh: 02 cơ quan đã gửi báo cáo (01 đúng hạn, 01 sau hạn); 01 cơ quan đã ban hành báo cáo nhưng chưa gửi; 01 cơ quan mới có bản dự thảo, chưa ban hành; 01 cơ quan chưa tổng hợp báo cáo.',
    );
    expect(body).toContain('Sở Khoa học và Công nghệ tỉnh Bắc Giang: Báo cáo số 15/BC-SKHCN ngày 05/07/2024, đã gửi UBND tỉnh ngày 06/07/2024 (đúng hạn).');
    expect(body).toContain('Sở Xây dựng tỉnh Bắc Giang: Báo cáo số 15/BC-SKHCN ngày 05/07/2024, chưa gửi UBND tỉnh, đã quá hạn.');
    expect(body).toContain('Sở Nội vụ tỉnh Bắc Giang: chưa ban hành báo cáo (mới có bản dự thảo), đã quá hạn.');
    expect(body).toContain('Sở Y tế tỉnh Bắc Giang: chưa tổng hợp báo cáo, đã quá hạn.');
    const none = text(rollup(MIXES['one issued, nothing delivered']!).body);
    expect(none).toContain('chưa có cơ quan nào gửi báo cáo');
    expect(none).not.toContain('đã quá hạn');
    const empty = text(rollup(MIXES['issued reports without province tasks']!).body);
    expect(empty).toContain('Các báo cáo đã ban hành không có nhiệm vụ do Chủ tịch UBND tỉnh giao trong kỳ.');
  });

  it("carries each task's status and latest result as the Sở's issued report states them", () => {
    const model = rollup(MIXES['every state']!);
    const source = issuedRows();
    const first = model.groups[0]!;
    expect(first.rows.map((r) => [r.number, r.content, r.status, r.result])).toEqual(source.map((r) => [r.number, r.content, r.status, r.result]));
    expect(first.rows.some((r) => r.result.includes('Đã hoàn thành thủ tục đấu thầu'))).toBe(true);
    expect(model.groups.map((g) => g.numeral)).toEqual(['I', 'II', 'III']);
  });
});
