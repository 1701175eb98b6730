/**
 * Unit matching and generated codes.
 * flow: test --> units (pure)
 */
import { describe, expect, it } from 'vitest';
import { UnitDirectory, unitCodeFromName, unitNameFromHeadTitle } from '../../../functions/core/plan-import/units.ts';
import { demoProfile } from './helpers.ts';

describe('unitCodeFromName', () => {
  it.each([
    ['Phòng Thông tin Thống kê KH&CN', 'TTTKKHCN'],
    ['Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng', 'TTKTTCDLCL'],
    ['Trung tâm Ứng dụng tiến bộ khoa học và công nghệ', 'TTUDTBKHCN'],
    ['Phòng Quản lý Khoa học', 'QLKH'],
    ['Thanh tra Sở', 'TTS'],
    ['Phòng QLKHCNCS&SHTT', 'QLKHCNCSSHTT'],
  ])('%s → %s', (name, code) => {
    expect(unitCodeFromName(name)).toBe(code);
  });
});

describe('unitNameFromHeadTitle', () => {
  it.each([
    ['Trưởng phòng QLKH', 'Phòng QLKH'],
    ['Trưởng phòng, QLKHCNCS&SHTT', 'Phòng QLKHCNCS&SHTT'],
    ['Chi cục trưởng Chi cục TCĐLCL', 'Chi cục TCĐLCL'],
    ['Giám đốc Trung tâm Ứng dụng KH&CN', 'Trung tâm Ứng dụng KH&CN'],
    ['Chánh Văn phòng', 'Văn phòng'],
    ['Chánh Thanh tra', 'Thanh tra'],
  ])('%s → %s', (title, name) => {
    expect(unitNameFromHeadTitle(title)).toBe(name);
  });

  it('is undefined for the agency head or a person', () => {
    expect(unitNameFromHeadTitle('Giám đốc')).toBeUndefined();
    expect(unitNameFromHeadTitle('Phó Giám đốc Sở')).toBeUndefined();
    expect(unitNameFromHeadTitle('Đ/c Phạm Thị Thu Huế')).toBeUndefined();
  });
});

describe('UnitDirectory', () => {
  it('matches codes, names and aliases without accents or case', async () => {
    const units = new UnitDirectory((await demoProfile()).units);
    expect(units.exact('phong qlkh')).toBe('QLKH');
    expect(units.exact('THANH TRA SỞ')).toBe('TTR');
    expect(units.exact('Văn phòng')).toBe('VP');
    expect(units.exact('Chi cục TCĐLCL'.normalize('NFD'))).toBe('CCTCDLCL');
    expect(units.find('Đ/c Lê Thị Thanh Lợi- TP QLKH')).toBe('QLKH');
    expect(units.find('Trưởng phòng, QLCN&TTCN')).toBe('QLCN');
    // "QLKH" inside "QLKHCNCS&SHTT" is not the Phòng QLKH.
    expect(units.find('Trưởng phòng, QLKHCNCS&SHTT')).toBe('QLKHCNCS');
    expect(units.newUnits()).toEqual([]);
  });

  it('creates a unit once, with a code unique against the profile', () => {
    const units = new UnitDirectory([{ code: 'TTS', name: 'Trung tâm Sáng tạo' }]);
    expect(units.resolve('Thanh tra Sở')).toBe('TTS2');
    expect(units.resolve('thanh tra so')).toBe('TTS2');
    expect(units.resolveName('Lĩnh vực khoa học')).toBeUndefined();
    expect(units.resolve('Đ/c Phạm Thị Thu Huế')).toBeUndefined();
    expect(units.newUnits()).toEqual([{ code: 'TTS2', name: 'Thanh tra Sở' }]);
  });
});
