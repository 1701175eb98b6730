/**
 * Issues one document of a compiled version: gives it its number from the agency's register (the
 * next of the year for its symbol, or one typed from the clerk's own register) and its date,
 * renders the issued PDF and workbook from the version's own model, and records all of it in one
 * transaction. An issued document never changes; a correction is a new version issued under a new
 * number. Issuing the report to UBND tỉnh locks a monthly period: units can no longer revise it.
 * flow: API / CLI / delivery (autoIssue) --> issue report --> ReportStore + FileArchive + Renderers
 */
import { AUDIENCE_LABELS, CONTENT_TYPES, issuedKey, type ReportFormat } from '../core/report-files.ts';
import type { Audience } from '../core/agency.ts';
import { localDate } from '../core/clock.ts';
import { parsePeriod, periodLabel } from '../core/period.ts';
import type { ReportModel } from '../core/report-model.ts';
import { UseCaseError } from './errors.ts';
import {
  issuanceNumber,
  type FileArchive,
  type Issuance,
  type RegisterEntry,
  type Renderers,
  type ReportFile,
  type ReportStore,
  type ReportVersion,
  type SubmissionStore,
} from './ports.ts';

export interface IssueDeps {
  reports: ReportStore;
  archive: FileArchive;
  renderers: Renderers;
  submissions: SubmissionStore;
}

export interface IssueInput {
  agencyId: string;
  period: string;
  /** The version the person looked at; default the latest. Anything but the latest is refused. */
  version?: number;
  audience: Audience;
  /** A number from the clerk's own register; default the next number of the year. */
  number?: number;
  /** The date on the document; default today in the agency's zone. */
  date?: string;
  by: string;
  now: Date;
  timeZone: string;
  /** Issued by the delivery job because the profile says autoIssue. */
  auto?: boolean;
}

/** Attempts at the next number when other documents take numbers at the same moment. */
const MAX_NUMBER_ATTEMPTS = 8;

function documentTitle(audience: Audience, period: string, kind?: ReportVersion['kind']): string {
  const label = periodLabel(parsePeriod(period));
  return kind === 'province-rollup'
    ? `Báo cáo tổng hợp kết quả thực hiện nhiệm vụ do Chủ tịch UBND tỉnh giao ${label}`
    : `Báo cáo ${AUDIENCE_LABELS[audience]} ${label}`;
}

const dmy = (date: string) => date.split('-').reverse().join('/');

function validDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

/** The ReportModel a version's document was rendered from, as stored at compile; undefined for a version compiled before models were kept. */
export async function storedModel(archive: FileArchive, version: ReportVersion, audience: Audience): Promise<ReportModel | undefined> {
  const key = version.models?.[audience];
  const stored = key ? await archive.get(key) : undefined;
  return stored ? (JSON.parse(new TextDecoder().decode(stored.body)) as ReportModel) : undefined;
}

async function loadModel(deps: IssueDeps, version: ReportVersion, audience: Audience): Promise<ReportModel> {
  const model = await storedModel(deps.archive, version, audience);
  if (!model) {
    throw new UseCaseError(
      'conflict',
      'recompile_needed',
      `Phiên bản ${version.version} được tổng hợp trước khi có bước phát hành nên không phát hành được; hãy tổng hợp lại kỳ ${periodLabel(parsePeriod(version.period))} rồi phát hành phiên bản mới.`,
    );
  }
  return model;
}

/** Renders and stores the issued files; nothing is visible until the transaction records them. */
async function renderIssued(
  deps: IssueDeps,
  version: ReportVersion,
  audience: Audience,
  model: ReportModel,
  number: number,
  date: string,
): Promise<ReportFile[]> {
  const issued: ReportModel = { ...model, draft: false, documentNumber: String(number), issueDate: date };
  const out: ReportFile[] = [];
  for (const format of ['pdf', 'xlsx'] as const satisfies readonly ReportFormat[]) {
    const bytes = format === 'pdf' ? await deps.renderers.pdf(issued) : await deps.renderers.xlsx(issued);
    const key = issuedKey(version.agencyId, version.period, version.version, audience, format, number);
    const stored = await deps.archive.put(key, bytes, CONTENT_TYPES[format], {
      period: version.period,
      audience,
      version: String(version.version),
      number: String(number),
    });
    out.push({ audience, format, key, size: stored.size, sha256: stored.sha256!, contentType: CONTENT_TYPES[format] });
  }
  return out;
}

function takenMessage(number: number, symbol: string, year: number, holder: RegisterEntry | undefined): string {
  const what = holder ? `${holder.title} (phiên bản ${holder.version}, ngày ${dmy(holder.date)})` : 'một văn bản khác';
  return `Số ${issuanceNumber({ number, symbol })} năm ${year} đã cấp cho ${what}. Mỗi số chỉ dùng một lần: chọn số khác, hoặc để hệ thống lấy số tiếp theo.`;
}

export async function issueReport(deps: IssueDeps, input: IssueInput): Promise<{ version: ReportVersion; issuance: Issuance }> {
  const latest = await deps.reports.latest(input.agencyId, input.period);
  const label = periodLabel(parsePeriod(input.period));
  if (!latest) throw new UseCaseError('not_found', 'not_compiled', `Chưa có báo cáo ${label} nào được tổng hợp; hãy tổng hợp trước khi phát hành.`);
  const wanted = input.version ?? latest.version;
  if (wanted > latest.version)
    throw new UseCaseError('not_found', 'not_found', `Báo cáo ${label} không có phiên bản ${wanted} (mới nhất là phiên bản ${latest.version}).`);
  if (wanted !== latest.version) {
    throw new UseCaseError(
      'conflict',
      'superseded',
      `Phiên bản ${wanted} đã được thay bằng phiên bản ${latest.version} (tổng hợp lại từ số liệu mới); chỉ phát hành được phiên bản mới nhất.`,
    );
  }
  if (latest.kind === 'province-rollup' && input.audience !== 'ubnd') {
    throw new UseCaseError(
      'bad_request',
      'rollup_one_document',
      'Báo cáo tổng hợp của Văn phòng UBND tỉnh chỉ có một văn bản, gửi UBND tỉnh (audience "ubnd").',
      [{ field: 'audience', message: 'Chỉ có văn bản gửi UBND tỉnh.' }],
    );
  }
  const already = latest.issued?.[input.audience];
  if (already) {
    throw new UseCaseError(
      'conflict',
      'already_issued',
      `${documentTitle(input.audience, input.period, latest.kind)} phiên bản ${latest.version} đã được phát hành số ${issuanceNumber(already)} ngày ${dmy(already.date)}. Văn bản đã phát hành không sửa được; muốn đính chính, hãy tổng hợp lại và phát hành phiên bản mới với số mới.`,
    );
  }
  const date = input.date ?? localDate(input.now, input.timeZone);
  // A document is signed on or after the day its draft carries, and not in the future.
  const draftDate = latest.issueDate;
  const today = localDate(input.now, input.timeZone);
  if (!validDate(date))
    throw new UseCaseError('bad_request', 'invalid_date', `Ngày ban hành "${date}" không hợp lệ (dùng YYYY-MM-DD).`, [
      { field: 'date', message: 'Ngày không hợp lệ.' },
    ]);
  if (date < draftDate || date > today) {
    throw new UseCaseError('invalid', 'date_out_of_range', `Ngày ban hành phải từ ngày ghi trên bản dự thảo (${dmy(draftDate)}) đến hôm nay (${dmy(today)}).`, [
      { field: 'date', message: 'Ngày ngoài khoảng cho phép.' },
    ]);
  }
  if (input.number !== undefined && (!Number.isInteger(input.number) || input.number < 1 || input.number > 99999)) {
    throw new UseCaseError('bad_request', 'invalid_number', 'Số văn bản là số nguyên từ 1 đến 99999.', [{ field: 'number', message: 'Số không hợp lệ.' }]);
  }

  const model = await loadModel(deps, latest, input.audience);
  const symbol = model.documentSymbol;
  const year = Number(date.slice(0, 4));
  for (let attempt = 0; attempt < MAX_NUMBER_ATTEMPTS; attempt++) {
    const last = await deps.reports.registerLast(input.agencyId, year, symbol);
    const number = input.number ?? last + 1;
    if (input.number !== undefined) {
      // A typed number already held is refused before anything is rendered.
      const holder = await deps.reports.registerEntry(input.agencyId, year, symbol, number);
      if (holder) throw new UseCaseError('conflict', 'number_taken', takenMessage(number, symbol, year, holder));
    }
    const files = await renderIssued(deps, latest, input.audience, model, number, date);
    const at = input.now.toISOString();
    const issuance: Issuance = {
      number,
      symbol,
      year,
      date,
      source: input.number !== undefined ? 'typed' : 'register',
      at,
      by: input.by,
      files,
      ...(input.auto ? { auto: true } : {}),
    };
    const entry: RegisterEntry = {
      agencyId: input.agencyId,
      year,
      symbol,
      number,
      period: input.period,
      version: latest.version,
      audience: input.audience,
      title: documentTitle(input.audience, input.period, latest.kind),
      date,
      at,
      by: input.by,
    };
    const outcome = await deps.reports.issue(entry, last, issuance);
    switch (outcome.kind) {
      case 'issued':
        // A roll-up's office has no units whose month could be locked.
        if (input.audience === 'ubnd' && parsePeriod(input.period).kind === 'monthly' && latest.kind !== 'province-rollup') {
          await deps.submissions.setLock({
            agencyId: input.agencyId,
            period: input.period,
            locked: true,
            at,
            by: input.by,
            reason: `Đã phát hành Báo cáo số ${issuanceNumber(issuance)} gửi UBND tỉnh`,
          });
        }
        return { version: outcome.version, issuance };
      case 'superseded':
        throw new UseCaseError(
          'conflict',
          'superseded',
          `Trong lúc phát hành, báo cáo ${label} vừa được tổng hợp lại (phiên bản ${outcome.latest ?? '?'}); hãy xem phiên bản mới rồi phát hành.`,
        );
      case 'already-issued': {
        const by = outcome.version?.issued?.[input.audience];
        throw new UseCaseError(
          'conflict',
          'already_issued',
          `${documentTitle(input.audience, input.period, latest.kind)} vừa được phát hành${by ? ` số ${issuanceNumber(by)}` : ''} bởi một người khác.`,
        );
      }
      case 'number-taken':
        if (input.number !== undefined) throw new UseCaseError('conflict', 'number_taken', takenMessage(number, symbol, year, outcome.holder));
        break; // someone took the next number first: try the one after it
      case 'counter-moved':
        break;
    }
  }
  throw new UseCaseError('conflict', 'register_busy', 'Sổ văn bản đang được cấp số liên tục; hãy thử phát hành lại sau ít phút.');
}
