/**
 * Matches the "Lãnh đạo trực tiếp chỉ đạo" cell ("Bùi Quang Hoàn", "PGĐ Bùi Quang Hoàn",
 * "Giám đốc") to the profile's leaders.
 * flow: plan-import --> leaders (pure)
 */
import type { Leader } from '../agency.ts';
import { foldKey } from '../text.ts';

export interface LeaderMatch {
  /** The leader named first, if any. */
  id?: string;
  /** Further leaders named in the same cell (the first one is taken). */
  others: string[];
}

export class LeaderDirectory {
  private readonly leaders: readonly Leader[];

  constructor(leaders: readonly Leader[]) {
    this.leaders = leaders;
  }

  match(text: string): LeaderMatch {
    const hay = ` ${foldKey(text)} `;
    const found = this.leaders
      .filter((l) => foldKey(l.name) !== '')
      .map((l) => ({ id: l.id, at: hay.indexOf(` ${foldKey(l.name)} `) }))
      .filter((x) => x.at >= 0)
      .sort((a, b) => a.at - b.at);
    if (found.length > 0) return { id: found[0]!.id, others: found.slice(1).map((x) => x.id) };
    // Only a title ("Giám đốc"): unambiguous when exactly one leader holds it.
    const byTitle = this.leaders.filter((l) => foldKey(l.title) === foldKey(text));
    if (byTitle.length === 1) return { id: byTitle[0]!.id, others: [] };
    return { others: [] };
  }
}
