/**
 * Editing the agency profile from the portal (memory store): the preview's problems by field and
 * its header lines — the same lines the ReportModel and the PDF print — a refused placeholder
 * signer, a new version with its audit entry, the same profile twice storing nothing.
 */
import { describe, expect, it } from 'vitest';
import { MemoryAgencyStore } from '../../../functions/adapters/memory/agency-store.ts';
import { isPlaceholderName } from '../../../functions/core/agency.ts';
import type { Principal } from '../../../functions/core/auth.ts';
import { buildReportModel } from '../../../functions/core/aggregate/build-report-model.ts';
import { parsePeriod } from '../../../functions/core/period.ts';
import { readAgencyProfile, saveAgencyProfile } from '../../../functions/usecases/agency-profile.ts';
import { setAgency } from '../../../functions/usecases/agency-service.ts';
import { dateLine, numberLine } from '../../../templates/common/date-line.ts';
import { recipientLines, signerLines } from '../../../templates/pdf/signature.ts';
import { demoProfile } from '../../support/demo-profile.ts';

const A = 'skhcn-bacgiang';
const vp: Principal = { sub: 'u-vp', role: 'van-phong', agencyId: A, name: 'Lê Thu Trang' };
const unit: Principal = { sub: 'u-q', role: 'unit', agencyId: A, unit: 'QLKH' };
const NOW = new Date('2025-06-20T03:00:00Z');

async function store() {
  const agencies = new MemoryAgencyStore();
  await setAgency(agencies, demoProfile());
  return agencies;
}

describe('isPlaceholderName', () => {
  it('knows the placeholders a form leaves, and leaves real names alone', () => {
    for (const n of ['Nguyễn Văn A', 'Trần Thị B', '(họ tên)', 'Họ và tên', 'Chánh Văn phòng (điền tên)', '…', '', '   ', 'XXX'])
      expect(isPlaceholderName(n), n).toBe(true);
    for (const n of ['Ngô Chí Vinh', 'Nguyễn Thị Hà', 'Lê Văn Anh', 'Hà Văn Bình']) expect(isPlaceholderName(n), n).toBe(false);
  });
});

describe('the agency profile in the portal', () => {
  it('is Văn phòng’s only', async () => {
    const agencies = await store();
    await expect(readAgencyProfile({ agencies }, unit, NOW)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(saveAgencyProfile({ agencies }, unit, demoProfile(), { dryRun: true, now: NOW })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('previews the header and closing lines the report prints, from the same code as the ReportModel', async () => {
    const agencies = await store();
    const edited = {
      ...demoProfile(),
      effectiveFrom: '2025-07-01',
      signers: { ...demoProfile().signers, ubnd: { prefix: '', authority: 'Giám đốc', name: 'Trần Văn An' } },
    };
    const r = await saveAgencyProfile({ agencies }, vp, edited, { dryRun: true, now: NOW });
    expect(r).toMatchObject({ dryRun: true, valid: true, problems: [] });
    expect(r.header!.ubnd).toEqual({
      superior: 'UBND TỈNH BẮC GIANG',
      issuer: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
      national: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      motto: 'Độc lập - Tự do - Hạnh phúc',
      number: 'Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-SKHCN',
      dateLine: 'Bắc Giang, ngày 01 tháng 7 năm 2025',
      title: 'BÁO CÁO',
      subject: 'Kết quả thực hiện nhiệm vụ tháng 7 năm 2025',
      kinhGui: ['Kính gửi: Ủy ban nhân dân tỉnh Bắc Giang.'],
      signer: ['GIÁM ĐỐC', 'Trần Văn An'],
      recipients: ['Nơi nhận:', '- UBND tỉnh (b/c);', '- Văn phòng UBND tỉnh;', '- Sở Nội vụ;', '- Lãnh đạo Sở;', '- Lưu: VT, VP.'],
    });
    expect(r.header!.director.issuer).toBe('VĂN PHÒNG');
    expect(r.header!.director.kinhGui).toEqual(['Kính gửi: Giám đốc Sở.']);
    // What a report built with this profile prints, through the PDF's own helpers: the same lines.
    for (const audience of ['ubnd', 'director'] as const) {
      const m = buildReportModel({
        profile: { ...edited, version: 2 } as never,
        plan: undefined,
        period: parsePeriod('2025-07'),
        audience,
        submissions: [],
        previousSubmissions: [],
        issueDate: '2025-07-01',
      });
      const h = r.header![audience];
      expect([h.superior, h.issuer]).toEqual([m.issuer.superiorHeader.toLocaleUpperCase('vi'), m.issuer.name.toLocaleUpperCase('vi')]);
      expect(h.number).toBe(numberLine(m.documentSymbol));
      expect(h.dateLine).toBe(dateLine(m.agency.placeName, m.issueDate));
      expect(h.subject).toBe(m.subject);
      expect(h.signer).toEqual([...signerLines(m.signer), m.signer.name]);
      expect(h.recipients.slice(1)).toEqual(recipientLines(m.recipients));
    }
  });

  it('answers problems by field in Vietnamese, and refuses a placeholder signer with 400 when saving', async () => {
    const agencies = await store();
    const bad = { ...demoProfile(), effectiveFrom: '2025-02-30', name: '', submissionDeadlineDay: 40 };
    const r = await saveAgencyProfile({ agencies }, vp, bad, { dryRun: true, now: NOW });
    expect(r.valid).toBe(false);
    expect(r.problems.map((x) => x.field)).toEqual(expect.arrayContaining(['name', 'submissionDeadlineDay']));
    expect(r.problems.find((x) => x.field === 'name')!.message).toBe('không được để trống');
    await expect(saveAgencyProfile({ agencies }, vp, bad, { dryRun: false, now: NOW })).rejects.toMatchObject({ code: 'invalid_profile', kind: 'invalid' });

    const placeholder = {
      ...demoProfile(),
      effectiveFrom: '2025-07-01',
      signers: { ...demoProfile().signers, director: { prefix: '', authority: 'CHÁNH VĂN PHÒNG', name: 'Nguyễn Văn A' } },
    };
    const preview = await saveAgencyProfile({ agencies }, vp, placeholder, { dryRun: true, now: NOW });
    expect(preview.valid).toBe(false);
    expect(preview.problems).toEqual([{ field: 'signers.director.name', message: expect.stringContaining('còn là tên mẫu ("Nguyễn Văn A")') }]);
    expect(preview.header!.director.signer.at(-1)).toBe('Nguyễn Văn A');
    await expect(saveAgencyProfile({ agencies }, vp, placeholder, { dryRun: false, now: NOW })).rejects.toMatchObject({
      kind: 'bad_request',
      code: 'placeholder_signer',
    });
    expect(await agencies.listProfiles(A)).toHaveLength(1);
  });

  it('stores a new effective-dated version with its audit entry; the same again stores nothing', async () => {
    const agencies = await store();
    const next = { ...demoProfile(), effectiveFrom: '2025-07-01', name: 'Sở Khoa học và Công nghệ', placeName: 'Bắc Ninh', version: 1 };
    const saved = await saveAgencyProfile({ agencies }, vp, next, { dryRun: false, now: NOW });
    expect(saved.stored).toEqual({ version: 2, effectiveFrom: '2025-07-01', changed: true });
    expect(agencies.audit).toEqual([
      {
        agencyId: A,
        at: NOW.toISOString(),
        actor: 'Lê Thu Trang (u-vp)',
        action: 'profile-version',
        target: 'hồ sơ cơ quan v2 (từ 2025-07-01)',
        before: { version: 1, effectiveFrom: '2024-01-01' },
        after: { effectiveFrom: '2025-07-01', changed: ['effectiveFrom', 'placeName'] },
      },
    ]);
    expect((await saveAgencyProfile({ agencies }, vp, next, { dryRun: false, now: NOW })).stored).toEqual({
      version: 2,
      effectiveFrom: '2025-07-01',
      changed: false,
    });
    expect(agencies.audit).toHaveLength(1);
    const view = await readAgencyProfile({ agencies }, vp, new Date('2025-07-02T03:00:00Z'));
    expect(view.current.placeName).toBe('Bắc Ninh');
    expect(view.versions).toEqual([
      { version: 2, effectiveFrom: '2025-07-01', inForce: true },
      { version: 1, effectiveFrom: '2024-01-01', inForce: false },
    ]);
  });
});
