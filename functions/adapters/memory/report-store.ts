/**
 * Report versions and the register of outgoing documents in memory, with the DynamoDB adapter's
 * conditions: a version is published only while `previous` is the latest; issuing takes a number
 * never given, moves the counter from the value read, and marks a version that is still the latest
 * and not yet issued for that audience — all or nothing.
 * flow: use cases --> ReportStore port --> this adapter (Maps)
 */
import type { Audience } from '../../core/agency.ts';
import type { Issuance, IssueOutcome, RegisterEntry, ReportStore, ReportVersion, SignedFile } from '../../usecases/ports.ts';
import { copy } from './copy.ts';

const periodKey = (agencyId: string, period: string) => `${agencyId}\u0000${period}`;
const registerKey = (agencyId: string, year: number, symbol: string) => `${agencyId}\u0000${year}\u0000${symbol}`;

export class MemoryReportStore implements ReportStore {
  private readonly versions = new Map<string, ReportVersion[]>();
  private readonly counters = new Map<string, number>();
  private readonly numbers = new Map<string, Map<number, RegisterEntry>>();

  async latest(agencyId: string, period: string): Promise<ReportVersion | undefined> {
    const list = this.versions.get(periodKey(agencyId, period)) ?? [];
    return copy(list[list.length - 1]);
  }

  async getVersion(agencyId: string, period: string, version: number): Promise<ReportVersion | undefined> {
    return copy((this.versions.get(periodKey(agencyId, period)) ?? []).find((v) => v.version === version));
  }

  async listVersions(agencyId: string, period: string): Promise<ReportVersion[]> {
    return copy([...(this.versions.get(periodKey(agencyId, period)) ?? [])].reverse());
  }

  async listRecent(agencyId: string, limit: number): Promise<ReportVersion[]> {
    const all = [...this.versions.values()].flat().filter((v) => v.agencyId === agencyId);
    const order = (v: ReportVersion) => `${v.createdAt}#${v.period}#${String(v.version).padStart(4, '0')}`;
    return copy(all.sort((a, b) => (order(a) < order(b) ? 1 : -1)).slice(0, limit));
  }

  async publish(version: ReportVersion, previous: number): Promise<boolean> {
    const k = periodKey(version.agencyId, version.period);
    const list = this.versions.get(k) ?? [];
    if ((list[list.length - 1]?.version ?? 0) !== previous || list.some((v) => v.version === version.version)) return false;
    this.versions.set(k, [...list, copy(version)]);
    return true;
  }

  async registerLast(agencyId: string, year: number, symbol: string): Promise<number> {
    return this.counters.get(registerKey(agencyId, year, symbol)) ?? 0;
  }

  async registerEntry(agencyId: string, year: number, symbol: string, number: number): Promise<RegisterEntry | undefined> {
    return copy(this.numbers.get(registerKey(agencyId, year, symbol))?.get(number));
  }

  async listRegister(agencyId: string, year: number, symbol: string): Promise<RegisterEntry[]> {
    return copy([...(this.numbers.get(registerKey(agencyId, year, symbol))?.values() ?? [])].sort((a, b) => a.number - b.number));
  }

  async issue(entry: RegisterEntry, expectedLast: number, issuance: Issuance): Promise<IssueOutcome> {
    const list = this.versions.get(periodKey(entry.agencyId, entry.period)) ?? [];
    const latest = list[list.length - 1];
    // The same order of precedence as the adapter reads its cancelled transaction.
    if (latest?.version !== entry.version) return { kind: 'superseded', latest: latest?.version };
    const version = list.find((v) => v.version === entry.version)!;
    if (version.issued?.[entry.audience]) return { kind: 'already-issued', version: copy(version) };
    const rk = registerKey(entry.agencyId, entry.year, entry.symbol);
    const taken = this.numbers.get(rk)?.get(entry.number);
    if (taken) return { kind: 'number-taken', holder: copy(taken) };
    if ((this.counters.get(rk) ?? 0) !== expectedLast) return { kind: 'counter-moved' };
    if (!this.numbers.has(rk)) this.numbers.set(rk, new Map());
    this.numbers.get(rk)!.set(entry.number, copy(entry));
    this.counters.set(rk, Math.max(expectedLast, entry.number));
    version.issued = { ...(version.issued ?? {}), [entry.audience]: copy(issuance) };
    return { kind: 'issued', version: copy(version) };
  }

  async attachSigned(agencyId: string, period: string, version: number, audience: Audience, signed: SignedFile): Promise<boolean> {
    const v = (this.versions.get(periodKey(agencyId, period)) ?? []).find((x) => x.version === version);
    const issued = v?.issued?.[audience];
    if (!issued) return false;
    issued.signed = copy(signed);
    return true;
  }
}
