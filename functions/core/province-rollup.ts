/**
 * The roll-up Văn phòng UBND tỉnh issues for a period: where each Sở's report to UBND tỉnh stands
 * (delivered on time or late, issued but not sent, a draft, not compiled) and, Sở by Sở, the tasks
 * the Chủ tịch UBND tỉnh assigned with their status and latest result, as the Sở's issued report
 * states them. A ReportModel like any other, so the same renderers print it in the Nghị định 30
 * layout under the office's own header, symbol, signer and recipients.
 * flow: compile (province office) --> province rollup --> ReportModel --> renderers
 */
import { documentSettings, type AgencyProfile } from './agency.ts';
import { Counter } from './aggregate/claims.ts';
import { countRows } from './aggregate/counts.ts';
import { dateVi } from './aggregate/format.ts';
import { breakdownPhrase, FINISHED, h1, p, shortContent, ul } from './aggregate/narrative-parts.ts';
import { superiorShort } from './aggregate/narrative-ubnd.ts';
import type { LocalDate } from './clock.ts';
import { periodLabel, periodWindow, type Period } from './period.ts';
import type { DeliveryState } from './province.ts';
import { type Block, type DeliveryRow, emptyCounts, groupKey, type ReportModel, type TaskGroupRows, type TaskRow } from './report-model.ts';

/** One agency of the province as the roll-up reads it. */
export interface RollupAgency extends Omit<DeliveryRow, 'tasks'> {
  /** The rows of its issued report to UBND tỉnh whose category is 'trong-tam-ubnd' (none when not issued). */
  rows: TaskRow[];
}

export interface RollupInput {
  office: AgencyProfile;
  period: Period;
  /** The province's deadline for the Sở's reports of the period. */
  deadline: LocalDate;
  /** In the order the document lists them. */
  agencies: RollupAgency[];
  /** Date on the date line; also the day the delivery states are taken on. */
  issueDate: LocalDate;
  inputHash: string;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
/** I … XXXIX: a province has some twenty Sở. */
function roman(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return 'X'.repeat(tens) + (ones ? ROMAN[ones - 1]! : '');
}

const SUBJECT_TASKS = 'nhiệm vụ do Chủ tịch UBND tỉnh giao';

/** One line per agency: its document and where it stands against the deadline. */
function deliveryLine(d: DeliveryRow): string {
  const doc = d.numberText && d.issuedOn ? `Báo cáo số ${d.numberText} ngày ${dateVi(d.issuedOn)}` : '';
  const overdue = d.late ? ', đã quá hạn' : '';
  switch (d.state) {
    case 'delivered':
      return `${d.name}: ${doc}, đã gửi UBND tỉnh ngày ${dateVi(d.deliveredOn!)} (${d.late ? 'sau hạn' : 'đúng hạn'}).`;
    case 'issued':
      return `${d.name}: ${doc}, chưa gửi UBND tỉnh${overdue}.`;
    case 'draft':
      return `${d.name}: chưa ban hành báo cáo (mới có bản dự thảo)${overdue}.`;
    case 'not-compiled':
      return `${d.name}: chưa tổng hợp báo cáo${overdue}.`;
  }
}

function count(rows: readonly DeliveryRow[], state: DeliveryState): number {
  return rows.filter((d) => d.state === state).length;
}

function deliverySection(input: RollupInput, label: string, rows: DeliveryRow[], n: Counter): Block[] {
  const delivered = count(rows, 'delivered');
  const onTime = rows.filter((d) => d.state === 'delivered' && !d.late).length;
  const late = delivered - onTime;
  const parts: string[] = [];
  if (delivered > 0) {
    let split: string;
    if (onTime > 0 && late > 0) split = ` (${n.agencies('delivered-on-time', onTime)} đúng hạn, ${n.agencies('delivered-late', late)} sau hạn)`;
    else {
      // All on time or all late: said in words, still a claim to check.
      n.none({ of: 'agencies', state: late > 0 ? 'delivered-on-time' : 'delivered-late', value: 0 });
      split = `, ${delivered === 1 ? '' : 'đều '}${late > 0 ? 'sau hạn' : 'đúng hạn'}`;
    }
    parts.push(`${n.agencies('delivered', delivered)} cơ quan đã gửi báo cáo${split}`);
  } else {
    n.none({ of: 'agencies', state: 'delivered', value: 0 });
    parts.push('chưa có cơ quan nào gửi báo cáo');
  }
  const issued = count(rows, 'issued');
  if (issued > 0) parts.push(`${n.agencies('issued', issued)} cơ quan đã ban hành báo cáo nhưng chưa gửi`);
  const draft = count(rows, 'draft');
  if (draft > 0) parts.push(`${n.agencies('draft', draft)} cơ quan mới có bản dự thảo, chưa ban hành`);
  const none = count(rows, 'not-compiled');
  if (none > 0) parts.push(`${n.agencies('not-compiled', none)} cơ quan chưa tổng hợp báo cáo`);
  const opening = `Theo quy định, các cơ quan gửi báo cáo ${label} về UBND tỉnh chậm nhất ngày ${dateVi(input.deadline)}.`;
  const figures = `Đến ngày ${dateVi(input.issueDate)}, trong ${n.agencies('all', rows.length)} cơ quan của tỉnh: ${parts.join('; ')}.`;
  return [h1('I. TÌNH HÌNH GỬI BÁO CÁO'), p(n, opening, figures), ul(n, rows.map(deliveryLine))];
}

function resultsSection(groups: TaskGroupRows[], n: Counter): Block[] {
  const out: Block[] = [h1(`II. KẾT QUẢ THỰC HIỆN ${SUBJECT_TASKS.toLocaleUpperCase('vi')}`)];
  const all = groups.flatMap((g) => g.rows);
  if (all.length === 0) {
    n.none({ of: 'tasks', where: {}, value: 0 });
    out.push(p(n, `Các báo cáo đã ban hành không có ${SUBJECT_TASKS} trong kỳ.`));
    return out;
  }
  const totals = countRows(all);
  const finished = totals['hoan-thanh-dung-han'] + totals['hoan-thanh-qua-han'];
  const rate = `Tỷ lệ hoàn thành đạt ${n.percent({ status: FINISHED }, {}, finished, all.length)}.`;
  out.push(p(n, `Theo các báo cáo đã ban hành, các cơ quan thực hiện ${n.tasks({}, all.length)} ${SUBJECT_TASKS}, ${breakdownPhrase(totals, n)}.`, rate));
  out.push(
    ul(
      n,
      groups.map((g) => {
        const c = countRows(g.rows);
        return `${g.title}: ${n.tasks({ group: groupKey(g) }, c.total)} nhiệm vụ, ${breakdownPhrase(c, n, { group: groupKey(g) })}.`;
      }),
    ),
  );
  const overdue = groups.flatMap((g) => g.rows.filter((r) => r.status === 'chua-hoan-thanh-qua-han').map((r) => ({ g, r })));
  if (overdue.length > 0) {
    out.push(p(n, `Có ${n.tasks({ status: ['chua-hoan-thanh-qua-han'] }, overdue.length)} nhiệm vụ chưa hoàn thành, đã quá hạn:`));
    out.push(
      ul(
        n,
        overdue.map(({ g, r }) => `${g.title}: nhiệm vụ ${r.number} (${shortContent(r.content)}), thời hạn ${r.deadlineText}.`),
      ),
    );
  }
  return out;
}

export function buildRollupModel(input: RollupInput): ReportModel {
  const { office, period } = input;
  const settings = documentSettings(office, 'ubnd');
  const label = periodLabel(period);
  const deliveries: DeliveryRow[] = input.agencies.map(({ rows, ...d }) => ({ ...d, tasks: rows.length }));
  const withRows = input.agencies.filter((a) => a.rows.length > 0);
  const groups: TaskGroupRows[] = withRows.map((a, i) => ({ numeral: roman(i + 1), title: a.name, rows: a.rows }));
  const n = new Counter();
  const addressee = settings.kinhGui[0] ?? superiorShort(office.superiorName, office.placeName);
  const body: Block[] = [
    p(n, `Văn phòng UBND tỉnh tổng hợp tình hình gửi báo cáo và kết quả thực hiện ${SUBJECT_TASKS} ${label} của các cơ quan như sau:`),
    ...deliverySection(input, label, deliveries, n),
    ...resultsSection(groups, n),
    p(n, `Trên đây là tổng hợp kết quả thực hiện ${SUBJECT_TASKS} ${label}, Văn phòng UBND tỉnh báo cáo ${addressee} xem xét, chỉ đạo./.`),
  ];
  const all = groups.flatMap((g) => g.rows);
  return {
    schemaVersion: 2,
    audience: 'ubnd',
    issuer: { superiorHeader: settings.issuerSuperior, name: settings.issuerName },
    agency: {
      name: office.name,
      shortName: office.shortName,
      superiorHeader: office.superiorHeader,
      superiorName: office.superiorName,
      placeName: office.placeName,
      symbol: office.symbol,
      timeZone: office.timeZone,
    },
    period: {
      id: period.id,
      kind: period.kind,
      label,
      window: periodWindow(period, office.periodWindows),
      submissionDeadline: input.deadline,
    },
    issueDate: input.issueDate,
    draft: true,
    documentSymbol: settings.symbol,
    subject: `Tổng hợp kết quả thực hiện ${SUBJECT_TASKS} ${label}`,
    kinhGui: settings.kinhGui,
    body,
    signer: office.signers.ubnd,
    recipients: [...office.recipients.ubnd, office.archiveLine],
    totals: all.length ? countRows(all) : emptyCounts(),
    byUnit: groups.map((g, i) => ({ key: withRows[i]!.agencyId, label: g.title, counts: countRows(g.rows) })),
    byLeader: [],
    byCategory: [],
    groups,
    submissionMonths: [],
    issues: [],
    priorities: [],
    outlook: [],
    otherWork: [],
    appendixTitle: `KẾT QUẢ THỰC HIỆN ${SUBJECT_TASKS.toLocaleUpperCase('vi')} ${label.toLocaleUpperCase('vi')}`,
    inputHash: input.inputHash,
    rollup: { deliveries },
  };
}
