import { describe, expect, it } from 'vitest';
import { charCount, cleanInput, foldKey, isFilledIn, nfc, nfcDeep, refusedCharacter, squash } from '../../../functions/core/text.ts';

const isRefused = (s: string) => refusedCharacter(s) !== undefined;
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
    expect(isRefused('a\u0000b')).toBe(true);
    expect(isRefused('a\u202Eb')).toBe(true);
    expect(isRefused('a\u2066b')).toBe(true);
    expect(isRefused('dòng 1\ndòng 2\tcột')).toBe(false);
  });
  it('refuses each class of character that hides or damages text, saying which and where', () => {
    const refused: [string, string, RegExp][] = [
      ['NUL', '\u0000', /điều khiển/],
      ['ESC', '\u001b', /điều khiển/],
      ['C1 NEL', '\u0085', /điều khiển/],
      ['RLO', '\u202E', /bidi/],
      ['LRI', '\u2066', /bidi/],
      ['RLM', '\u200F', /bidi/],
      ['ALM', '\u061C', /bidi/],
      ['tag "a"', '\u{E0061}', /thẻ/],
      ['cancel tag', '\u{E007F}', /thẻ/],
      ['U+FFFE', '\uFFFE', /noncharacter/],
      ['U+FFFF', '\uFFFF', /noncharacter/],
      ['U+FDD0', '\uFDD0', /noncharacter/],
      ['U+10FFFF', '\u{10FFFF}', /noncharacter/],
      ['private use (Word bullet)', '\uF0B7', /Private Use/],
      ['private use plane 15', '\u{F0001}', /Private Use/],
      ['lone high surrogate', '\uD800', /mã hoá/],
      ['lone low surrogate', '\uDC00', /mã hoá/],
      ['replacement character', '\uFFFD', /mã hoá/],
    ];
    for (const [name, ch, kind] of refused) {
      const problem = refusedCharacter(`Nga 👍${ch}x`);
      expect(problem?.name, name).toMatch(kind);
      expect(problem?.position, name).toBe(6);
      expect(isRefused(ch), name).toBe(true);
    }
    expect(refusedCharacter('Nguyễn Thị Nga 👍 — “báo cáo” 50%\n\tcột')).toBeUndefined();
  });
  it('strips invisible characters and makes odd spaces and line breaks ordinary', () => {
    const stripped: [string, string][] = [
      ['ZWSP', '\u200B'],
      ['ZWNJ', '\u200C'],
      ['ZWJ', '\u200D'],
      ['word joiner', '\u2060'],
      ['invisible times', '\u2062'],
      ['BOM inside text', '\uFEFF'],
      ['soft hyphen', '\u00AD'],
      ['CGJ', '\u034F'],
      ['Hangul filler', '\u3164'],
      ['halfwidth Hangul filler', '\uFFA0'],
      ['Hangul choseong filler', '\u115F'],
      ['variation selector 16', '\uFE0F'],
      ['Mongolian vowel separator', '\u180E'],
    ];
    for (const [name, ch] of stripped) {
      expect(isRefused(ch), name).toBe(false);
      expect(cleanInput(`Ng${ch}uyễn${ch}`), name).toBe('Nguyễn');
    }
    expect(cleanInput('dòng 1\u2028dòng 2\u2029dòng 3\r\ndòng 4\rdòng 5')).toBe('dòng 1\ndòng 2\ndòng 3\ndòng 4\ndòng 5');
    expect(cleanInput('Nguyễn\u00A0Thị\u3000Nga\u2800!')).toBe('Nguyễn Thị Nga !');
    // A mark held apart by a CGJ composes once the CGJ is gone.
    expect(cleanInput('e\u034F\u0301')).toBe('é');
    expect(squash('Hội\u00ADthảo  khoa\u200Bhọc')).toBe('Hộithảo khoahọc');
  });
  it('counts "filled in" as a letter or a digit, and characters as code points', () => {
    for (const blank of ['', '   ', '...', '-', '\u3164\u3164\u3164', '\u2800\u2800', '\u200B', '\uFFA0 \u115F'])
      expect(isFilledIn(blank), JSON.stringify(blank)).toBe(false);
    for (const filled of ['Nga', 'Ng', '3', 'Ⅳ', '김']) expect(isFilledIn(filled), filled).toBe(true);
    expect(isFilledIn(undefined)).toBe(false);
    expect(charCount('👍'.repeat(2001))).toBe(2001);
    expect(charCount('Nguyễn')).toBe(6);
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
