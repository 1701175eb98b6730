import { describe, expect, it } from 'vitest';
import { foldKey, hasForbiddenChars, nfc, nfcDeep } from '../../../functions/core/text.ts';
import { canReadUnit, canWriteUnit, roleFromGroups } from '../../../functions/core/auth.ts';
import { canonicalJson } from '../../../functions/core/canonical-json.ts';
import { profileAt, type AgencyProfile } from '../../../functions/core/agency.ts';

describe('text at the boundary', () => {
  it('normalises decomposed Vietnamese to NFC', () => {
    const decomposed = 'Sở Khoa học'.normalize('NFD');
    expect(decomposed).not.toBe('Sở Khoa học');
    expect(nfc(` ${decomposed} `)).toBe('Sở Khoa học');
    expect(nfcDeep({ [decomposed]: [decomposed] })).toEqual({ 'Sở Khoa học': ['Sở Khoa học'] });
  });
  it('rejects control and bidi-override characters but not line breaks', () => {
    expect(hasForbiddenChars('a\u0000b')).toBe(true);
    expect(hasForbiddenChars('a\u202Eb')).toBe(true);
    expect(hasForbiddenChars('a\u2066b')).toBe(true);
    expect(hasForbiddenChars('dòng 1\ndòng 2\tcột')).toBe(false);
  });
  it('folds accents and đ for header matching', () => {
    expect(foldKey('Lãnh đạo trực tiếp chỉ đạo')).toBe('lanh dao truc tiep chi dao');
    expect(foldKey('NỘI DUNG  NHIỆM VỤ')).toBe(foldKey('Nội dung nhiệm vụ'));
  });
  it('writes canonical JSON independent of key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined }] })).toBe('{"a":[{"d":2}],"b":1}');
  });
});

describe('roles', () => {
  it('maps Cognito groups to roles, unit groups carrying the unit code', () => {
    expect(roleFromGroups(['unit-QLKH'])).toEqual({ role: 'unit', unit: 'QLKH' });
    expect(roleFromGroups(['unit-QLKH', 'van-phong'])).toEqual({ role: 'van-phong' });
    expect(roleFromGroups(['lanh-dao'])).toEqual({ role: 'lanh-dao' });
    expect(roleFromGroups(['unit-../x', 'admins'])).toBeUndefined();
  });
  it('lets a unit read and write only its own unit; leaders read all, write none', () => {
    const unit = { sub: 's', role: 'unit' as const, unit: 'QLKH', agencyId: 'a' };
    const ld = { sub: 's', role: 'lanh-dao' as const, agencyId: 'a' };
    const vp = { sub: 's', role: 'van-phong' as const, agencyId: 'a' };
    expect([canReadUnit(unit, 'QLKH'), canReadUnit(unit, 'TTR'), canWriteUnit(unit, 'TTR')]).toEqual([true, false, false]);
    expect([canReadUnit(ld, 'TTR'), canWriteUnit(ld, 'TTR'), canWriteUnit(vp, 'TTR')]).toEqual([true, false, true]);
  });
});

describe('effective-dated profiles', () => {
  it('picks the version in force on a date; the highest version wins on the same date', () => {
    const p = (effectiveFrom: string, version: number, name: string) => ({ effectiveFrom, version, name }) as AgencyProfile;
    const versions = [p('2024-01-01', 1, 'Sở KH&CN'), p('2025-03-01', 2, 'Sở KH&CN (hợp nhất)'), p('2024-01-01', 3, 'Sở KH&CN (sửa)')];
    expect(profileAt(versions, '2023-12-31')).toBeUndefined();
    expect(profileAt(versions, '2024-06-01')!.name).toBe('Sở KH&CN (sửa)');
    expect(profileAt(versions, '2025-03-01')!.name).toBe('Sở KH&CN (hợp nhất)');
  });
});
