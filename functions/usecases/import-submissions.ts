/**
 * Loading a Sở's past submissions with the dates they were really sent (issue 13): each entry of
 * the operator's file goes through the submit use case — the same schema, rules and store — with
 * its own `submittedAt` as the clock, so on time or late is judged against that day, not today.
 * Nothing already stored is overwritten: a unit's month that holds a submission or a draft is
 * skipped whole. Entries are independent: a bad one is reported by its number, the rest go in.
 * flow: CLI import-submissions --> import submissions use case --> submit use case --> SubmissionStore
 */
import type { Principal } from '../core/auth.ts';
import { historyEntrySchema, type HistoryEntry } from '../core/submission-schema.ts';
import { UseCaseError } from './errors.ts';
import { submit, type Stores } from './submissions.ts';

export interface ImportSubmissionsInput {
  agencyId: string;
  /** Recorded as each revision's author, e.g. "import:<os user>": history shows who loaded it. */
  by: string;
  /** The file's parsed JSON: a list of entries (core/submission-schema.ts#historyEntrySchema). */
  entries: unknown;
  dryRun?: boolean;
  now: Date;
  /** Called as each entry is decided, in the order they are applied. */
  onEntry?: (outcome: EntryOutcome, done: number, total: number) => void;
}

/** What became of one entry; `n` is its 1-based number in the file. */
export type EntryOutcome = { n: number; period?: string; unit?: string; submittedAt?: string } & (
  | { status: 'imported'; revision: number; onTime: boolean }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; reason: string }
);

export interface ImportSubmissionsResult {
  /** In the file's order. */
  outcomes: EntryOutcome[];
  imported: number;
  skipped: number;
  failed: number;
}

interface Parsed {
  n: number;
  entry: HistoryEntry;
  at: Date;
}

export async function importSubmissions(stores: Stores, input: ImportSubmissionsInput): Promise<ImportSubmissionsResult> {
  if (!Array.isArray(input.entries)) {
    throw new UseCaseError('bad_request', 'not_a_list', 'Tệp phải là một danh sách JSON các báo cáo ([{ period, unit, submittedAt, reporterName, data }, …]).');
  }
  const total = input.entries.length;
  const outcomes: EntryOutcome[] = [];
  const record = (o: EntryOutcome) => {
    outcomes.push(o);
    input.onEntry?.(o, outcomes.length, total);
  };
  const groups = new Map<string, Parsed[]>();
  // A unit's month with an entry that does not parse: its place among the month's revisions is
  // unknown, so none of that month is imported (the first such entry's number says why).
  const unreadable = new Map<string, number>();
  for (const [i, raw] of input.entries.entries()) {
    const parsed = parseEntry(raw, i + 1);
    if ('reason' in parsed) {
      record(parsed);
      const key = `${parsed.period}#${parsed.unit}`;
      if (parsed.period && parsed.unit && !unreadable.has(key)) unreadable.set(key, parsed.n);
      continue;
    }
    const key = `${parsed.entry.period}#${parsed.entry.unit}`;
    groups.set(key, [...(groups.get(key) ?? []), parsed]);
  }
  // Month by month, so that each month's rules (progress against last month's) read the months
  // imported before it; within a unit's month, in the order the revisions were sent.
  const ordered = [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
  const importer: Principal = { sub: input.by, name: 'Nhập lịch sử báo cáo', role: 'van-phong', agencyId: input.agencyId };
  for (const [key, group] of ordered) {
    group.sort((a, b) => a.at.getTime() - b.at.getTime() || a.n - b.n);
    await importGroup(stores, importer, group, input, record, unreadable.get(key));
  }
  outcomes.sort((a, b) => a.n - b.n);
  const count = (s: EntryOutcome['status']) => outcomes.filter((o) => o.status === s).length;
  return { outcomes, imported: count('imported'), skipped: count('skipped'), failed: count('failed') };
}

function parseEntry(raw: unknown, n: number): Parsed | Extract<EntryOutcome, { status: 'failed' }> {
  const r = historyEntrySchema.safeParse(raw);
  const where = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const base = { n, ...(typeof where.period === 'string' ? { period: where.period } : {}), ...(typeof where.unit === 'string' ? { unit: where.unit } : {}) };
  if (!r.success) {
    const issues = r.error.issues.slice(0, 5).map((i) => `${i.path.map(String).join('.') || '(mục)'}: ${i.message}`);
    return { ...base, status: 'failed', reason: issues.join('; ') };
  }
  const e = r.data;
  // The content's reporter is the entry's: one name, never two that disagree.
  if (e.data.reporterName && e.data.reporterName !== e.reporterName) {
    return { ...base, status: 'failed', reason: `data.reporterName "${e.data.reporterName}" khác reporterName "${e.reporterName}".` };
  }
  return { n, entry: { ...e, data: { ...e.data, reporterName: e.reporterName } }, at: new Date(e.submittedAt) };
}

/** One unit's month: skipped whole when anything is stored for it; otherwise its entries as revisions 1, 2, … */
async function importGroup(
  stores: Stores,
  importer: Principal,
  group: Parsed[],
  input: ImportSubmissionsInput,
  record: (o: EntryOutcome) => void,
  unreadable: number | undefined,
) {
  const { period, unit } = group[0]!.entry;
  const head = await stores.submissions.getHead(input.agencyId, period, unit);
  const held =
    head && head.revision > 0
      ? `đã có báo cáo (phiên bản ${head.revision}, gửi lúc ${head.submittedAt})`
      : head?.draft
        ? `đơn vị đang có bản nháp (lưu lúc ${head.draft.savedAt})`
        : undefined;
  let revision = 0;
  let failedAt = unreadable;
  for (const { n, entry, at } of group) {
    const base = { n, period, unit, submittedAt: entry.submittedAt };
    if (held) {
      record({ ...base, status: 'skipped', reason: `kỳ ${period} của ${unit} ${held}: không ghi đè` });
      continue;
    }
    // A later revision of a month whose earlier one failed would leave a gap in its history.
    if (failedAt !== undefined) {
      record({
        ...base,
        status: 'failed',
        reason: `mục #${failedAt} (cùng đơn vị, cùng kỳ) bị lỗi: sửa mục đó rồi nhập lại, để lịch sử không thiếu phiên bản`,
      });
      continue;
    }
    try {
      const r = await submit(
        stores,
        importer,
        { period, unit, baseRevision: revision, data: entry.data, history: { submittedAt: at, ...(input.dryRun ? { dryRun: true } : {}) } },
        input.now,
      );
      if (r.replayed) {
        record({ ...base, status: 'skipped', reason: `nội dung giống hệt phiên bản ${r.revision.revision}` });
        continue;
      }
      revision = r.revision.revision;
      record({ ...base, status: 'imported', revision, onTime: r.head.onTime === true });
    } catch (err) {
      if (!(err instanceof UseCaseError)) throw err;
      failedAt = n;
      const fields = err.fields.slice(0, 5).map((f) => `${f.field}: ${f.message}`);
      record({ ...base, status: 'failed', reason: [err.message, ...fields].join(' — ') });
    }
  }
}
