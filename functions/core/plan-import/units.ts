/**
 * Matches the units a plan names ("Phòng QLKH", "Chi cục trưởng Chi cục TCĐLCL", "Thanh tra Sở")
 * to the profile's units, and invents a code for those the profile does not have yet.
 * flow: plan-import, plan-json --> units (pure)
 */
import type { Unit } from '../agency.ts';
import { foldKey, squash } from '../text.ts';
import type { NewUnit } from './types.ts';

/** First words of a unit's name ("Phòng …", "Chi cục …"), folded. */
const UNIT_WORDS = /^(van phong|phong|thanh tra|chi cuc|trung tam|ban|quy|vien|to|doi)\b/;

/** Whether a text reads like the name of a unit rather than a person or a note. */
export function looksLikeUnitName(text: string): boolean {
  const k = foldKey(text);
  return UNIT_WORDS.test(k) && k.split(' ').length <= 16;
}

/**
 * A unit named through its head's title: "Trưởng phòng QLKH" → "Phòng QLKH", "Chi cục trưởng
 * Chi cục TCĐLCL" → "Chi cục TCĐLCL", "Giám đốc Trung tâm X" → "Trung tâm X". The agency's own
 * Giám đốc is not a unit, so a title with nothing unit-like after it gives undefined.
 */
export function unitNameFromHeadTitle(text: string): string | undefined {
  const t = squash(text);
  const m = /^(phó\s+)?(trưởng\s+phòng|chánh\s+văn\s+phòng|chánh\s+thanh\s+tra|chi\s+cục\s+trưởng|giám\s+đốc|trưởng\s+ban)\s*[,:-]?\s*(.*)$/iu.exec(t);
  if (!m) return undefined;
  const title = foldKey(m[2]!);
  const rest = m[3]!.trim();
  if (rest && looksLikeUnitName(rest)) return rest;
  switch (title) {
    case 'truong phong':
      return rest ? `Phòng ${rest}` : undefined;
    case 'chanh van phong':
      return `Văn phòng${rest ? ` ${rest}` : ''}`;
    case 'chanh thanh tra':
      return `Thanh tra${rest ? ` ${rest}` : ''}`;
    case 'chi cuc truong':
      return rest ? `Chi cục ${rest}` : undefined;
    case 'truong ban':
      return rest ? `Ban ${rest}` : undefined;
    default:
      return undefined;
  }
}

/** Words left out of generated codes: they carry no initial in the usual abbreviations. */
const CODE_SKIP = new Set(['va', 'cua', 'cac', 'thuoc']);

/**
 * An ASCII code from a name: the initials of its words, an abbreviation kept whole ("KH&CN" →
 * "KHCN"), the leading "Phòng" dropped (QLKH, KHTC in the profiles), connectives skipped.
 */
export function unitCodeFromName(name: string): string {
  const words = squash(name).split(' ');
  if (words.length > 1 && foldKey(words[0]!) === 'phong') words.shift();
  let code = '';
  for (const word of words) {
    const letters = word.replace(/[^\p{L}\p{N}]/gu, '');
    if (!letters || CODE_SKIP.has(foldKey(letters))) continue;
    const isAbbreviation = letters.length >= 2 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters);
    code += isAbbreviation ? letters : letters[0]!;
  }
  const ascii = foldKey(code)
    .replace(/[^a-z0-9]/g, '')
    .toUpperCase();
  return ascii || 'DV';
}

interface Key {
  key: string;
  code: string;
}

export class UnitDirectory {
  private readonly keys: Key[] = [];
  private readonly codes = new Set<string>();
  private readonly created: NewUnit[] = [];

  constructor(units: readonly Pick<Unit, 'code' | 'name' | 'aliases'>[]) {
    for (const u of units) this.addKeys(u.code, [u.code, u.name, ...(u.aliases ?? [])]);
  }

  /** Every name a unit is known by, plus the name without a trailing "Sở" ("Văn phòng Sở" = "Văn phòng"). */
  private addKeys(code: string, names: string[]): void {
    this.codes.add(code.toUpperCase());
    for (const n of names) {
      const k = foldKey(n);
      if (!k) continue;
      this.keys.push({ key: k, code });
      const short = k.replace(/ so$/, '');
      if (short !== k && short.includes(' ')) this.keys.push({ key: short, code });
    }
  }

  hasCode(code: string): boolean {
    return this.codes.has(code.toUpperCase());
  }

  /** The unit whose code, name or alias is exactly this text (accent- and case-insensitive). */
  exact(text: string): string | undefined {
    const k = foldKey(text);
    if (!k) return undefined;
    return this.keys.find((x) => x.key === k)?.code;
  }

  /** The unit named somewhere inside a longer text; the longest name found wins. */
  mention(text: string): string | undefined {
    const hay = ` ${foldKey(text)} `;
    let best: Key | undefined;
    for (const x of this.keys) {
      if (x.key.length < 2 || !hay.includes(` ${x.key} `)) continue;
      if (!best || x.key.length > best.key.length) best = x;
    }
    return best?.code;
  }

  /** A known unit named by the text, or undefined. Tries the whole text, a mention, then a head's title. */
  find(text: string): string | undefined {
    const derived = unitNameFromHeadTitle(text);
    return this.exact(text) ?? (derived ? this.exact(derived) : undefined) ?? this.mention(text);
  }

  /**
   * The unit the text names, adding a new one when it reads like a unit the profile lacks.
   * Undefined when the text names no unit at all (a person, a note).
   */
  resolve(text: string): string | undefined {
    const known = this.find(text);
    if (known) return known;
    const name = looksLikeUnitName(text) ? squash(text) : unitNameFromHeadTitle(text);
    if (!name || !looksLikeUnitName(name)) return undefined;
    return this.create(name);
  }

  /**
   * For a cell that is a unit's whole name (a section title): an exact match or a new unit. No
   * search inside the text, because "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng" must not
   * become the Chi cục whose name it contains.
   */
  resolveName(text: string): string | undefined {
    const known = this.exact(text);
    if (known) return known;
    return looksLikeUnitName(text) ? this.create(squash(text)) : undefined;
  }

  private create(name: string): string {
    const base = unitCodeFromName(name);
    let code = base;
    for (let i = 2; this.hasCode(code); i++) code = `${base}${i}`;
    this.created.push({ code, name });
    this.addKeys(code, [name]);
    return code;
  }

  newUnits(): NewUnit[] {
    return this.created.map((u) => ({ ...u }));
  }
}
